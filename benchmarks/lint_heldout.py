"""Lint held-out samples of real posts and score them against the errors marked by hand.

    python benchmarks/lint_heldout.py /tmp/devset24 /tmp/devset25 --json out.json

Each sample is a folder of posts (``.md``, ``.markdown``, ``.qmd``, ``.Rmd``, ``.tex``,
``.mdx``, ``.txt``, ``.rst``; ``SOURCES.md`` is skipped) with an ``ERRORS.tsv`` of the real errors a
person marked (tab-separated, with a header; columns ``file`` and ``line`` are used). The
samples stay outside the repository, as the issue's rule on other authors' posts asks.

A refutation is counted real when an error is marked within two lines of it (one error may
span a display); an error is found when a refutation lies within two lines of it. Printed:
every refutation (REAL or FALSE, with the counterexample of a false one), then relations found,
decided, refuted and real, and errors found, per sample and in total.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from lint_corpus import lint_files  # noqa: E402
from symbolic.latex_in.check import Limits  # noqa: E402

POSTS = (".md", ".markdown", ".qmd", ".Rmd", ".rmd", ".tex", ".Rnw", ".rnw", ".mdx", ".txt", ".rst")
NEAR = 2      # lines between a refutation and the error it finds


def marked_errors(sample: Path) -> list[tuple[str, int]]:
    """(post path, line) of each error marked in ``sample/ERRORS.tsv`` (rows without a
    number in ``line`` are skipped)."""
    table = sample / "ERRORS.tsv"
    if not table.exists():
        return []
    out = []
    with table.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            try:
                out.append((str(sample / row["file"].strip()), int(row["line"])))
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
    return out


def score(refutations, errors) -> tuple[int, int]:
    """(refutations within NEAR lines of a marked error, errors within NEAR lines of one).

    >>> score([("a.md", 10), ("a.md", 30)], [("a.md", 11), ("a.md", 50)])
    (1, 1)
    """
    real = sum(any(f == e and abs(line - m) <= NEAR for e, m in errors) for f, line in refutations)
    found = sum(any(f == e and abs(line - m) <= NEAR for f, line in refutations) for e, m in errors)
    return real, found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("samples", nargs="+", help="folders of posts, each with its ERRORS.tsv")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=10.0, help="limit per relation")
    ap.add_argument("--json", help="write every post's findings to this JSON file")
    args = ap.parse_args(argv)
    samples = [Path(s) for s in args.samples]
    missing = [str(s) for s in samples if not s.is_dir()]
    if missing:
        print(f"not a folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    posts = [p for s in samples for p in sorted(s.iterdir())
             if p.is_file() and p.suffix in POSTS and p.name != "SOURCES.md"]
    start = time.monotonic()
    reports = lint_files([str(p) for p in posts], Limits(seconds=args.seconds), jobs=args.jobs)
    wall = time.monotonic() - start
    by_post = dict(zip(map(str, posts), reports))
    errors = {str(s): marked_errors(s) for s in samples}
    for post, report in by_post.items():
        marked = errors[str(Path(post).parent)]
        for step in report.steps:
            if step.status == "refuted":
                real, _ = score([(post, step.line)], marked)
                print(f"{'REAL ' if real else 'FALSE'} {post}:{step.line}: {step.lhs} "
                      f"{step.relation} {step.rhs}"[:300])
                if not real and step.verdict.counterexample:
                    print(f"      {step.verdict.counterexample.as_dict()}"[:300])
    print(f"\n{'sample':28} {'posts':>5} {'found':>6} {'decided':>8} {'refuted':>8} {'real':>5} "
          f"{'errors':>7} {'found':>6}")
    totals = [0] * 7
    for sample in samples:
        mine = [(p, r) for p, r in by_post.items() if Path(p).parent == sample]
        refuted = [(p, s.line) for p, r in mine for s in r.steps if s.status == "refuted"]
        real, found = score(refuted, errors[str(sample)])
        row = [len(mine), sum(len(r.steps) for _, r in mine), sum(r.decided for _, r in mine),
               len(refuted), real, len(errors[str(sample)]), found]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"{sample.name[:28]:28} " + " ".join(f"{v:>{w}}" for v, w in zip(row, (5, 6, 8, 8, 5, 7, 6))))
    share = 100 * totals[2] / max(1, totals[1])
    print(f"{'total':28} " + " ".join(f"{v:>{w}}" for v, w in zip(totals, (5, 6, 8, 8, 5, 7, 6)))
          + f"   ({share:.0f} % decided; wall {wall:.1f} s, {args.jobs} processes)")
    if args.json:
        Path(args.json).write_text(json.dumps(
            [{"file": p, **r.as_json()} for p, r in by_post.items()], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
