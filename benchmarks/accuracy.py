"""Worst error in ulps, against mpmath at 60 digits, of our references, PyTorch,
SciPy and the naive textbook formula on the adversarial suite.

    python benchmarks/accuracy.py [--large-k 100000] [--by-case]

Prints a Markdown table.  "inf" means a NaN or an infinity where the exact
value is finite (or a finite value where it is infinite); "—" means the
library has no such function.  --by-case adds the worst case of each column.
PyTorch runs in float64 on one thread.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import warnings

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import symbolic.numeric as N  # noqa: E402
from _competitors import naive, scipy_functions, torch_functions  # noqa: E402
from symbolic.numeric.adversarial import adversarial_suite  # noqa: E402
from symbolic.numeric.precise import NAMES, precise, ulp_error  # noqa: E402


def worst(fn, cases, references):
    """(worst ulp error, label of the worst case) of fn over the cases."""
    result, where = 0.0, ""
    for (label, args), reference in zip(cases, references):
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                values = np.asarray(fn(*args), dtype=np.float64)
            except (ValueError, RuntimeError) as exc:  # a library refusing the input
                return float("inf"), f"{label}: raised {type(exc).__name__}"
        if values.shape != reference.shape:
            return float("inf"), f"{label}: shape {values.shape}"
        error = float(np.max(ulp_error(values, reference)))
        if error > result or not where:
            result, where = error, label
    return result, where


def cell(value: float | None) -> str:
    if value is None:
        return "—"
    if value == float("inf"):
        return "inf"
    if value >= 1e4:
        return f"{value:.1e}"
    return f"{value:.2f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large-k", type=int, default=100_000)
    parser.add_argument("--by-case", action="store_true")
    args = parser.parse_args(argv)
    suite = adversarial_suite(large_k=args.large_k)
    columns = {"ours": {name: getattr(N, name) for name in NAMES}}
    try:
        columns["PyTorch"] = torch_functions()
    except ImportError:
        print("(PyTorch not installed: column left out)", file=sys.stderr)
    try:
        columns["SciPy"] = scipy_functions()
    except ImportError:
        print("(SciPy not installed: column left out)", file=sys.stderr)
    columns["naive"] = naive()
    print(f"worst error in ulps over the adversarial suite (K up to {args.large_k})\n")
    print("| function | cases | " + " | ".join(columns) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in columns) + " |")
    details = []
    for name in NAMES:
        cases = suite[name]
        references = [precise(name, *a) for _, a in cases]
        cells = []
        for column, table in columns.items():
            if name not in table:
                cells.append(cell(None))
                continue
            value, where = worst(table[name], cases, references)
            cells.append(cell(value))
            details.append((name, column, value, where))
        print(f"| `{name}` | {len(cases)} | " + " | ".join(cells) + " |")
    if args.by_case:
        print("\n| function | library | worst ulps | worst case |")
        print("| --- | --- | ---: | --- |")
        for name, column, value, where in details:
            print(f"| `{name}` | {column} | {cell(value)} | {where} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
