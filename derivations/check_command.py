"""``infoderive check [NAME…]``: verify every (or the named) derivation.

Exit codes: 0 every step holds, 1 a step is refuted or unknown, 2 an unknown
name or a bad configuration.  Each derivation's result is cached on its whole
content (start, steps and relations in SymPy's ``srepr``, the context, the
options and the engine version), so an unchanged re-run reads every verdict
from the cache and an edited derivation alone is checked again.
"""
from __future__ import annotations

import dataclasses
import inspect
import os
import sys
import time

import sympy as sp

from derivations import registry

SUMMARY_KEYS = ("proved", "checked", "refuted", "unknown")


def derivation_key(derivation, options) -> tuple:
    """The cache key parts of one derivation checked with ``options``.

    >>> from symbolic.verify import CheckOptions
    >>> a = derivation_key(registry.build("sigmoid-is-inverse-logit"), CheckOptions())
    >>> a == derivation_key(registry.build("sigmoid-is-inverse-logit"), CheckOptions())
    True
    >>> a == derivation_key(registry.build("sigmoid-is-inverse-logit"), CheckOptions(samples=9))
    False
    """
    steps = tuple((s.relation, sp.srepr(s.expr)) for s in derivation.steps)
    context = derivation.context
    fields = tuple((f.name, sp.srepr(getattr(context, f.name)))
                   for f in dataclasses.fields(context))  # srepr keeps symbols' assumptions
    return ("check", derivation.name, sp.srepr(derivation.start), repr(steps),
            type(context).__name__, repr(fields), repr(options))


def _step_job(job):
    """The report of one step (a job: steps, not whole derivations, are spread over
    the processes, so one long derivation does not leave a core idle at the end)."""
    derivation, index, options = job
    from symbolic.verify import check_step
    return check_step(derivation, index, options)


def _entry(derivation, step_reports) -> dict:
    """The contract JSON of one derivation, plus each step's one-line verdict."""
    from symbolic.printing.json import check_json
    from symbolic.verify import DerivationReport
    report = DerivationReport(derivation, tuple(step_reports))
    entry = check_json([report])["derivations"][0]
    return {"entry": entry, "describe": [sr.verdict.describe() for sr in report.steps]}


def check_entries(derivations, options, jobs: int = 1, cache=None, progress: bool = False):
    """Each derivation's cached result ({"entry", "describe"}), checking the misses."""
    from derivations.progress import run_jobs
    keys = [derivation_key(d, options) for d in derivations]
    results = [cache.get(k) if cache is not None else None for k in keys]
    misses = [i for i, r in enumerate(results) if r is None]
    work = [(i, s) for i in misses for s in range(len(derivations[i].steps))]
    fresh = run_jobs(_step_job, [(derivations[i], s, options) for i, s in work], jobs,
                     "check", progress)
    for i in misses:
        results[i] = _entry(derivations[i], [r for (j, _), r in zip(work, fresh) if j == i])
        if cache is not None:
            cache.put(keys[i], results[i])
    return results


def check_document(entries) -> dict:
    """The ``check --json`` document of the derivations' entries (DESIGN.md)."""
    counts = dict.fromkeys(SUMMARY_KEYS, 0)
    for entry in entries:
        for step in entry["steps"]:
            counts[step["verdict"]] += 1
    summary = {"derivations": len(entries), "steps": sum(counts.values()), **counts}
    return {"derivations": list(entries), "summary": summary}


def summary_line(summary, seconds) -> str:
    return (f"{summary['derivations']} derivations, {summary['steps']} steps: "
            f"{summary['proved']} proved, {summary['checked']} checked, "
            f"{summary['refuted']} refuted, {summary['unknown']} unknown ({seconds:.1f} s)")


def human(results, document, seconds) -> str:
    lines = []
    for result in results:
        entry = result["entry"]
        statuses = [s["verdict"] for s in entry["steps"]]
        counts = ", ".join(f"{statuses.count(k)} {k}" for k in SUMMARY_KEYS if statuses.count(k))
        lines.append(f"{entry['verdict'].upper():8} {entry['name']} ({counts})")
        for i, (step, describe) in enumerate(zip(entry["steps"], result["describe"]), 1):
            if step["verdict"] not in ("proved", "checked"):
                lines.append(f"         step {i} ({step['relation']}): {describe}")
    lines.append(summary_line(document["summary"], seconds))
    return "\n".join(lines)


def _source_files(names) -> dict:
    """Each derivation's defining file, relative to the working directory if inside it."""
    files = {}
    for name in names:
        try:
            path = inspect.getsourcefile(registry.REGISTRY[name])
        except (KeyError, TypeError):
            continue
        rel = os.path.relpath(path)
        files[name] = path if rel.startswith("..") else rel
    return files


def run(args, out) -> int:
    from derivations import config as configuration
    from derivations.formats import emit
    from derivations.progress import show_progress
    from symbolic.cache import open_cache
    from symbolic.verify import CheckOptions
    if configuration.configure(args, "check") is None:
        return 2
    try:
        derivations = ([registry.build(n) for n in args.names] if args.names
                       else registry.build_all())
    except registry.UnknownDerivation as exc:
        print(f"infoderive: {exc}", file=sys.stderr)
        return 2
    options = CheckOptions(samples=args.samples, symbolic_seconds=args.timeout)
    start = time.monotonic()
    cache = open_cache(not args.no_cache)
    try:
        results = check_entries(derivations, options, args.jobs, cache,
                                show_progress(args.format) and len(derivations) > 1)
    finally:
        cache.close()
    document = check_document([r["entry"] for r in results])
    text = human(results, document, time.monotonic() - start)
    emit(args.format, "check", document, text, out,
         files=_source_files(d.name for d in derivations))
    summary = document["summary"]
    return 0 if summary["refuted"] == summary["unknown"] == 0 else 1
