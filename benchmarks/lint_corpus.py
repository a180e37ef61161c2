"""Lint real posts by other authors (../shared/corpus) and the seeds; print what was decided.

    python benchmarks/lint_corpus.py                 # corpus and seeds, 2 processes
    python benchmarks/lint_corpus.py --refuted       # also every refuted finding
    python benchmarks/lint_corpus.py --json out.json # every finding, for review

Per file: relations found, decided (proved, checked or refuted), refuted, unknown (with
errors) and the wall time of that file; then the totals and the whole run's wall time.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derivations.lint_command import read_source  # noqa: E402
from symbolic.latex_in.check import Limits  # noqa: E402
from symbolic.latex_in.lint import lint_source  # noqa: E402
from symbolic.latex_in.lint_report import FileReport  # noqa: E402

SHARED = ROOT.parent / "shared"


def documents(which: str) -> list[Path]:
    """The corpus files (README excluded) and/or the seed posts."""
    out = []
    if which in ("corpus", "all"):
        out += sorted(p for p in (SHARED / "corpus").glob("*")
                      if p.suffix in (".md", ".tex") and p.name != "README.md")
    if which in ("seeds", "all"):
        out += sorted((SHARED / "seeds").glob("*.txt"))
    return out


def _lint(job):
    path, limits = job
    source, error = read_source(path)      # as `infoderive lint` reads a file
    if source is None:
        return FileReport(path, error=error)
    try:
        return lint_source(source, path, limits)
    except Exception as exc:     # as `infoderive lint` does: the file's error, the run goes on
        print(f"{path}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return FileReport(path, error=f"internal error: {type(exc).__name__}: {exc}")


def lint_files(paths, limits: Limits, jobs: int = 2) -> list:
    """The FileReport of each document, on ``jobs`` forked processes (no result cache), the
    longest documents started first (as ``infoderive lint`` does)."""
    from derivations.progress import run_jobs
    return run_jobs(_lint, [(p, limits) for p in paths], jobs,
                    weight=lambda job: Path(job[0]).stat().st_size)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("corpus", "seeds", "all"), default="all")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=10.0, help="limit per relation")
    ap.add_argument("--refuted", action="store_true", help="print every refuted finding")
    ap.add_argument("--json", help="write every file's findings to this JSON file")
    args = ap.parse_args(argv)
    paths = documents(args.set)
    if not paths:
        print(f"no documents under {SHARED}", file=sys.stderr)
        return 2
    start = time.monotonic()
    reports = lint_files([str(p) for p in paths], Limits(seconds=args.seconds), jobs=args.jobs)
    wall = time.monotonic() - start
    rows, totals = [], {"found": 0, "decided": 0, "refuted": 0, "unknown": 0}
    print(f"{'file':44} {'found':>6} {'decided':>8} {'refuted':>8} {'unknown':>8} {'time':>7}")
    for path, report in zip(paths, reports):
        steps = report.steps
        row = {"found": len(steps), "decided": report.decided,
               "refuted": sum(s.status == "refuted" for s in steps),
               "unknown": sum(s.status in ("unknown", "error") for s in steps)}
        for k in totals:
            totals[k] += row[k]
        seconds = sum(s.verdict.seconds for s in steps)
        print(f"{path.name[:44]:44} {row['found']:6} {row['decided']:8} {row['refuted']:8} "
              f"{row['unknown']:8} {seconds:6.1f}s")
        rows.append((path, report))
    share = 100 * totals["decided"] / max(1, totals["found"])
    print(f"{'total':44} {totals['found']:6} {totals['decided']:8} {totals['refuted']:8} "
          f"{totals['unknown']:8}   ({share:.0f} % decided; wall {wall:.1f} s, "
          f"{args.jobs} processes)")
    if args.refuted:
        for path, report in rows:
            for s in report.steps:
                if s.status == "refuted":
                    print(f"{path.name}:{s.line}: {s.lhs} {s.relation} {s.rhs}")
    if args.json:
        Path(args.json).write_text(json.dumps(
            [{"file": p.name, **r.as_json()} for p, r in rows], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
