"""``infoderive lint PATH…``: check every relation in Markdown/LaTeX files.

Exit codes: 0 no wrong step, 1 a wrong step (refuted), 2 an unreadable file
or a bad configuration.  A directory is walked for the configured ``include``
globs (default ``*.md``, ``*.markdown``, ``*.tex``).  Files are checked in
parallel on up to ``--jobs`` processes, and so are the relations of one file;
each file's report is cached on its content and the options, and each relation's
verdict on the relation as read (``--no-cache`` turns both off), so an edited file
re-checks only the relations that changed.  Findings silenced by
an ``infoderive: ignore`` marker are left out and counted.
"""
from __future__ import annotations

import sys

from symbolic.latex_in.check import Limits

NOT_CACHED = ("limit",)  # a relation cut short by a time or memory limit may decide next time


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="PATH",
                        help="Markdown or LaTeX files, or directories to walk")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds per relation (default 10, or limits.seconds)")
    parser.add_argument("--log-base", default=None,
                        help="base of \\log when none is written (default e)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--samples", type=int, default=None, help=_hide())


def _hide():
    import argparse
    return argparse.SUPPRESS


def _unreadable(path: str, error: str) -> dict:
    return {"file": path, "relations_total": 0, "relations_checked": 0,
            "findings": [{"line": 0, "verdict": "error", "relation": "", "lhs": "", "rhs": "",
                          "message": error, "counterexample": None}]}


def _lint_job(job) -> tuple[dict, str]:
    """(the lint JSON of one file's source, an error) (run in a worker).  Each
    relation's verdict is cached on its own (the worker opens the cache itself: a
    connection is not shared across a fork), so an edited file re-checks only the
    relations that changed."""
    path, source, limits, base, cached, jobs = job
    from symbolic.cache import open_cache
    from symbolic.latex_in.lint import lint_source
    cache = open_cache(cached)
    try:
        return lint_source(source, path, limits, base, cache, jobs).as_json(), ""
    except Exception as exc:  # a reader bug must not hide the other files' results
        error = f"internal error: {type(exc).__name__}: {exc}"
        return _unreadable(path, error), error
    finally:
        cache.close()


def read_source(path: str):
    """(the file's text, "") or (None, why it cannot be read).  A file that is not UTF-8
    (an old Latin-1 R Markdown page) is read with each undecodable byte as U+FFFD, and a
    note on stderr says so: its math is ASCII, only its prose loses letters.

    >>> read_source("/no/such/file.md")[1][:37]
    'cannot read the file: [Errno 2] No su'
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return None, f"cannot read the file: {exc}"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        print(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}): bytes that are not "
              "UTF-8 are read as U+FFFD", file=sys.stderr)
        return data.decode("utf-8", errors="replace"), ""


def lint_paths(paths, limits: Limits, base=None, jobs: int = 2, cache=None,
               progress: bool = False) -> list[tuple[dict, str, str | None]]:
    """(lint JSON, error, source) of each file, from the cache where it has them."""
    from derivations.progress import run_jobs
    results, misses = [], []
    for path in paths:
        source, error = read_source(path)
        key = ("lint", path, source, repr(limits), str(base))
        cached = cache.get(key) if cache is not None and source is not None else None
        results.append([cached if cached is not None else _unreadable(path, error),
                        error, source])
        if source is not None and cached is None:
            misses.append((len(results) - 1, key, (path, source, limits, base,
                                                   cache is not None and cache.enabled, jobs)))
    if misses:
        from symbolic.latex_in.warmup import prepare
        prepare()                    # before the fork: the parser imported once
    # the longest file first: it is the one a run waits for, so it must not start last
    misses.sort(key=lambda m: -len(m[2][1]))
    fresh = run_jobs(_lint_job, [m[2] for m in misses], jobs, "lint", progress,
                     weight=lambda job: len(job[1]))      # the longest sources first
    for (index, key, _), (report, error) in zip(misses, fresh):
        results[index][:2] = report, error
        if cache is not None and not error and not any(w in f["message"] for f in report["findings"]
                                         for w in NOT_CACHED):
            cache.put(key, report)
    return [tuple(r) for r in results]


def _counterexample(ce: dict) -> str:
    from symbolic.verdict import Counterexample
    return Counterexample(ce["values"], ce["lhs"], ce["rhs"], ce.get("note", "")).describe()


def human(document: dict, errors: list) -> str:
    """The text report: each finding, then one summary line; ``errors`` holds
    each file's reading error ("" if it was read)."""
    lines = []
    total = decided = refuted = unknown = suppressed = 0
    for f, error in zip(document["files"], errors):
        if error:
            lines.append(f"{f['file']}: error: {error}")
            continue
        for x in f["findings"]:
            lines.append(f"{f['file']}:{x['line']}: {x['verdict']}: "
                         f"{x['lhs']} {x['relation']} {x['rhs']}")
            lines.append(f"    {x['message']}")
            if x.get("counterexample"):
                lines.append(f"    counterexample: {_counterexample(x['counterexample'])}")
            lines += [f"    holds if you {fix['change']} ({fix['verdict']}): {fix['relation']}"
                      for fix in x.get("suggestions", ())]
        total += f["relations_total"]
        decided += f["relations_checked"]
        refuted += sum(x["verdict"] == "refuted" for x in f["findings"])
        unknown += sum(x["verdict"] in ("unknown", "error") for x in f["findings"])
        suppressed += f.get("suppressed", 0)
    lines.append(f"{len(document['files'])} file(s): {total} relations found, {decided} decided, "
                 f"{refuted} refuted, {unknown} unknown" +
                 (f", {suppressed} suppressed" if suppressed else "") +
                 (f", {sum(map(bool, errors))} unreadable file(s)" if any(errors) else ""))
    return "\n".join(lines)


def run(args, out) -> int:
    import sys

    from derivations import config as configuration
    from derivations.formats import emit
    from derivations.progress import show_progress
    from derivations.suppress import filter_findings
    from symbolic.cache import open_cache
    settings = configuration.configure(args, "lint")
    if settings is None:
        return 2
    paths = configuration.lint_targets(args.files, settings)
    if not paths:
        print("infoderive: no Markdown or LaTeX file to lint", file=sys.stderr)
    base = args.log_base     # "e" states the natural base; None states none
    limits = Limits(seconds=max(0.1, float(args.timeout)), samples=args.samples)
    cache = open_cache(not args.no_cache)
    try:
        results = lint_paths(paths, limits, base, args.jobs, cache,
                             show_progress(args.format) and len(paths) > 1)
    finally:
        cache.close()
    files, errors = [], []
    for report, error, source in results:
        if not error:
            report, _ = filter_findings(report, source)
        files.append(report)
        errors.append(error)
    document = {"files": files}
    emit(args.format, "lint", document, human(document, errors), out)
    if any(errors):
        return 2
    if any(x["verdict"] == "refuted" for f in files for x in f["findings"]):
        return 1
    return 0
