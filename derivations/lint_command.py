"""``infoderive lint FILE…``: check every relation in Markdown/LaTeX files.

Exit codes: 0 no wrong step, 1 a wrong step (refuted), 2 an unreadable file.
Files are checked in parallel on up to two processes.
"""
from __future__ import annotations

import json
import multiprocessing

from symbolic.latex_in.check import DEFAULT_TIMEOUT, Limits


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="Markdown or LaTeX files")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds per relation (default 10)")
    parser.add_argument("--log-base", default=None,
                        help="base of \\log when none is written (default e)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--samples", type=int, default=1000, help=_hide())


def _hide():
    import argparse
    return argparse.SUPPRESS


def _lint_one(job):
    path, limits, base = job
    from symbolic.latex_in.lint import FileReport, lint_source
    try:
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        return FileReport(path, error=f"cannot read the file: {exc}")
    try:
        return lint_source(source, path, limits, base)
    except Exception as exc:  # a reader bug must not hide the other files' results
        return FileReport(path, error=f"internal error: {type(exc).__name__}: {exc}")


def lint_files(paths, limits: Limits, base=None, jobs: int = 2):
    jobs_list = [(p, limits, base) for p in paths]
    if jobs <= 1 or len(paths) < 2:
        return [_lint_one(j) for j in jobs_list]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(min(jobs, len(paths))) as pool:
        return pool.map(_lint_one, jobs_list, chunksize=1)


def _human(reports) -> str:
    lines = []
    total = decided = refuted = unknown = errors = 0
    for r in reports:
        if r.error:
            lines.append(f"{r.file}: error: {r.error}")
            errors += 1
            continue
        for s in r.steps:
            if s.status in ("proved", "checked"):
                continue
            lines.append(f"{r.file}:{s.line}: {s.status}: {s.lhs} {s.relation} {s.rhs}")
            lines.append(f"    {s.message()}")
            ce = s.verdict.counterexample
            if ce is not None:
                lines.append(f"    counterexample: {ce.describe()}")
        total += len(r.steps)
        decided += r.decided
        refuted += sum(s.status == "refuted" for s in r.steps)
        unknown += sum(s.status in ("unknown", "error") for s in r.steps)
    lines.append(f"{len(reports)} file(s): {total} relations found, {decided} decided, "
                 f"{refuted} refuted, {unknown} unknown" +
                 (f", {errors} unreadable file(s)" if errors else ""))
    return "\n".join(lines)


def run(args, out) -> int:
    base = None if args.log_base in (None, "e", "E") else args.log_base
    limits = Limits(seconds=max(0.1, float(args.timeout)), samples=args.samples)
    try:
        reports = lint_files(args.files, limits, base, args.jobs)
    except Exception as exc:  # no traceback reaches the user
        print(f"error: {type(exc).__name__}: {exc}", file=out)
        return 2
    if args.json:
        data = {"files": [r.as_json() if not r.error else
                          {"file": r.file, "relations_total": 0, "relations_checked": 0,
                           "findings": [{"line": 0, "verdict": "error", "relation": "",
                                         "lhs": "", "rhs": "", "message": r.error,
                                         "counterexample": None}]}
                          for r in reports]}
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
    else:
        print(_human(reports), file=out)
    if any(r.error for r in reports):
        return 2
    if any(s.status == "refuted" for r in reports for s in r.steps):
        return 1
    return 0
