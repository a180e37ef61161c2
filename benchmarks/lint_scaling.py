r"""Lint time against document size, up to a 1 MB synthetic post: is it linear?

    python benchmarks/lint_scaling.py [--sizes 64,128,256,512,1024] [--every 8]
                                      [--jobs 1] [--timeout 10]

The synthetic post repeats one section of about ``--every`` KB: Markdown prose
with inline math that holds no relation (``$x_3$``, ``$p(x)$``; scanned, never
sent to a reader), a table, a list, a fenced code block with a ``$`` in it,
and one displayed relation whose symbols carry the section's number
(``x_{17} + x_{17} = 2 x_{17}``, ``\log (a_{17} b_{17}) = ...``), so no two
relations are the same and each is read and decided afresh (no result cache).
For each size the script lints the post once with ``lint_source`` (in this
process, after one warm-up lint, so start-up is not counted) and prints size,
relations, seconds, and seconds per relation and per 100 KB: a linear linter
keeps the last two flat as the size grows.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from symbolic.latex_in.check import Limits  # noqa: E402
from symbolic.latex_in.lint import lint_source  # noqa: E402

RELATIONS = (
    r"x_{N} + x_{N} = 2 x_{N}",
    r"\log \left( a_{N} b_{N} \right) = \log a_{N} + \log b_{N}",
    r"\left( y_{N} + 1 \right)^2 = y_{N}^2 + 2 y_{N} + 1",
    r"e^{t_{N}} e^{t_{N}} = e^{2 t_{N}}",
)

PROSE = (
    "Entropy measures how uncertain we are about an outcome $x_{N}$ drawn from $p(x)$. "
    "When every outcome is equally likely, $H(p)$ is as large as it can be, and when one "
    "outcome is certain it is zero. Cross-entropy $H(p, q)$ asks how many nats we spend "
    "when we code outcomes of $p$ with a code built for $q$; the excess over $H(p)$ is the "
    "KL divergence, which is never negative. "
)


def section(n: int, size: int) -> str:
    """One section of about ``size`` bytes, numbered ``n``."""
    relation = RELATIONS[n % len(RELATIONS)].replace("N", str(n))
    head = (f"## Section {n}\n\n"
            "| symbol | meaning |\n| --- | --- |\n| $x_i$ | an outcome |\n| $p_i$ | its "
            "probability |\n\n- a list item with $\\sigma$ in it\n- and $\\log$ here\n\n"
            "```python\nprice = '$5'  # a dollar sign in code is not math\n```\n\n"
            f"$$\n{relation}\n$$\n\n")
    body, prose = [head], PROSE.replace("N", str(n))
    while sum(map(len, body)) < size:
        body.append(prose + "\n\n")
    return "".join(body)


def post(kilobytes: int, every_kb: int) -> str:
    """A synthetic post of about ``kilobytes`` KB, one relation every ``every_kb`` KB."""
    parts, n = [], 0
    while sum(map(len, parts)) < kilobytes * 1024:
        parts.append(section(n, every_kb * 1024))
        n += 1
    return "# A synthetic post\n\n" + "".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="64,128,256,512,1024", help="sizes in KB")
    parser.add_argument("--every", type=int, default=8, help="KB of prose per relation")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args(argv)
    limits = Limits(seconds=args.timeout)
    lint_source(post(8, args.every), "warm-up.md", limits)   # imports, parser caches
    print(f"one relation every {args.every} KB, --jobs {args.jobs}, no result cache\n")
    print("| size (KB) | relations | decided | seconds | s / relation | s / 100 KB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for kb in (int(s) for s in args.sizes.split(",")):
        text = post(kb, args.every)
        start = time.perf_counter()
        report = lint_source(text, f"post-{kb}.md", limits, jobs=args.jobs)
        seconds = time.perf_counter() - start
        n = len(report.steps)
        print(f"| {len(text) / 1024:.0f} | {n} | {report.decided} | {seconds:.1f} | "
              f"{seconds / max(n, 1):.3f} | {seconds / (len(text) / 102400):.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
