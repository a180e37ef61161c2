"""``infoderive verify 'LATEX'``: check one relation or chain written in LaTeX.

Exit codes: 0 every step holds, 1 a step is refuted, 2 unreadable input,
3 a step is unknown (or there was nothing to check).
"""
from __future__ import annotations

from symbolic.latex_in.check import Limits
from symbolic.verdict import overall

EXIT = {"proved": 0, "checked": 0, "refuted": 1, "error": 2, "unknown": 3}


def add_arguments(parser) -> None:
    parser.add_argument("latex", help="a relation or chain, e.g. 'H(p, q) = H(p) + D_{KL}(p \\| q)'")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds per relation (default 10, or limits.seconds)")
    parser.add_argument("--log-base", default=None,
                        help="base of \\log when none is written (default e)")
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a name: X=p (random variable X has pmf p) or p=0.8")
    parser.add_argument("--samples", type=int, default=None, help=argparse_hide())


def argparse_hide():
    import argparse
    return argparse.SUPPRESS


def _bindings(items):
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise ValueError(f"--bind wants NAME=VALUE, got {item!r}")
        out[name.strip()] = value.strip()
    return out


def _base(text):
    if text in (None, ""):
        return None
    if text in ("e", "E"):
        return "e"          # stated: the natural base
    if not text.isdigit():
        raise ValueError(f"--log-base wants e or a positive integer, got {text!r}")
    return int(text)


def result(args) -> dict:
    """The JSON-shaped result of ``verify`` (never raises on bad input)."""
    from symbolic.latex_in.errors import LatexReadError, ReadingLimit
    from symbolic.latex_in.lint import verify_text
    text = args.latex
    if not text.strip():
        return {"verdict": "error", "message": "empty input: write a relation such as 'a = b'",
                "steps": []}
    try:
        limits = Limits(seconds=max(0.1, float(args.timeout)), samples=args.samples)
        steps, error = verify_text(text, limits, _base(args.log_base), _bindings(args.bind))
    except ReadingLimit as exc:       # a limit, not bad input: undecided (exit 3)
        return {"verdict": "unknown", "message": exc.message, "steps": []}
    except LatexReadError as exc:
        return {"verdict": "error", "message": exc.pointer(text), "steps": []}
    except (ValueError, TypeError, RecursionError) as exc:
        return {"verdict": "error", "message": f"cannot read the input: {exc}", "steps": []}
    if error is not None:
        return {"verdict": "error", "message": error.pointer(text),
                "steps": [s.as_json(with_line=False) for s in steps]}
    if not steps:
        return {"verdict": "unknown", "steps": [],
                "message": "nothing to check: no relation (=, \\le, …) outside definitions"}
    verdict = overall(s.status for s in steps)
    bad = [s for s in steps if s.status not in ("proved", "checked")]
    message = "; ".join(f"{s.lhs} {s.relation} {s.rhs}: {s.status}: {s.message()}"
                        for s in bad) or f"all {len(steps)} step(s) hold"
    return {"verdict": verdict, "message": message,
            "steps": [s.as_json(with_line=False) for s in steps]}


def _human(res: dict) -> str:
    lines = []
    for n, s in enumerate(res["steps"], 1):
        lines.append(f"step {n}: {s['lhs']} {s['relation']} {s['rhs']}")
        lines.append(f"  {s['verdict']} ({s['method']})")
        ce = s.get("counterexample")
        if ce:
            lines.append("  counterexample:")
            for k, v in ce["values"].items():
                lines.append(f"    {k} = {v}")
            lines.append(f"    lhs = {ce['lhs']!r}")
            lines.append(f"    rhs = {ce['rhs']!r}")
            if ce.get("note"):
                lines.append(f"    ({ce['note']})")
        lines += [f"  holds if you {fix['change']} ({fix['verdict']}): {fix['relation']}"
                  for fix in s.get("suggestions", ())]
    lines.append(f"{res['verdict']}: {res['message']}")
    return "\n".join(lines)


def _cached_result(args) -> dict:
    """:func:`result`, from the cache when the same input and options were checked."""
    from symbolic.cache import open_cache
    cache = open_cache(not args.no_cache)
    key = ("verify", args.latex, repr(sorted(args.bind)), str(args.log_base), str(args.timeout),
           str(args.samples))
    try:
        res = cache.get(key)
        if res is None:
            res = result(args)
            if "limit" not in res["message"]:  # cut short: may decide next time
                cache.put(key, res)
        return res
    finally:
        cache.close()


def run(args, out) -> int:
    from derivations import config as configuration
    from derivations.formats import emit
    if configuration.configure(args, "verify") is None:
        return 2
    try:
        res = _cached_result(args)
    except Exception as exc:  # last line of defence: no traceback reaches the user
        res = {"verdict": "unknown", "message": f"internal error: {type(exc).__name__}: {exc}",
               "steps": []}
    emit(args.format, "verify", res, _human(res), out)
    return EXIT[res["verdict"]]
