"""How long `infoderive check` takes on the whole catalogue: cold and warm cache (wall clock).

Usage: python benchmarks/check_time.py [--jobs J] [--lint FILE…]

Runs the command line as a user does (a new process, imports included):
first with an empty result cache (cold), then again on the unchanged
catalogue (warm: every verdict read from the cache).  With --lint, the same
for `infoderive lint FILE…`.  Prints one line per run and the summary line.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time


def timed(argv, env) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "derivations", *argv], env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    last = (done.stdout.strip().splitlines() or [done.stderr.strip()])[-1]
    return seconds, f"exit {done.returncode}: {last}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--lint", nargs="*", default=[], metavar="FILE")
    args = parser.parse_args()
    commands = [("check", ["check", "--jobs", str(args.jobs)])]
    if args.lint:
        commands.append(("lint", ["lint", *args.lint, "--jobs", str(args.jobs)]))
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "INFODERIVE_CACHE_DIR": cache}
        for name, argv in commands:
            for state in ("cold", "warm"):
                seconds, last = timed(argv, env)
                print(f"{name} {state}: {seconds:6.2f} s  ({last})")


if __name__ == "__main__":
    main()
