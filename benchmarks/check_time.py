"""How long `infoderive check` takes on the whole catalogue (wall clock).

Usage: python benchmarks/check_time.py [--repeat N] [--jobs J]
Prints one line per run and the median; also the step counts.
"""
from __future__ import annotations

import argparse
import statistics
import time

from derivations import registry
from symbolic.printing.json import check_json
from symbolic.verify import CheckOptions, check_derivations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    times = []
    for run in range(args.repeat):
        start = time.perf_counter()
        reports = check_derivations(registry.build_all(), CheckOptions(), jobs=args.jobs)
        times.append(time.perf_counter() - start)
        summary = check_json(reports)["summary"]
        print(f"run {run + 1}: {times[-1]:.2f} s  {summary}")
    print(f"median over {args.repeat} runs with {args.jobs} jobs: "
          f"{statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
