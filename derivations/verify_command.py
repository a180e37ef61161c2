"""``infoderive verify 'LATEX'``: check one relation or chain written in LaTeX.

Exit codes: 0 every step holds, 1 a step is refuted, 2 unreadable input,
3 a step is unknown (or there was nothing to check).
"""
from __future__ import annotations

import json

from symbolic.latex_in.check import DEFAULT_TIMEOUT, Limits
from symbolic.verdict import overall

EXIT = {"proved": 0, "checked": 0, "refuted": 1, "error": 2, "unknown": 3}


def add_arguments(parser) -> None:
    parser.add_argument("latex", help="a relation or chain, e.g. 'H(p, q) = H(p) + D_{KL}(p \\| q)'")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds per relation (default 10)")
    parser.add_argument("--log-base", default=None,
                        help="base of \\log when none is written (default e)")
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a name: X=p (random variable X has pmf p) or p=0.8")
    parser.add_argument("--samples", type=int, default=1000, help=argparse_hide())


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
    if text in (None, "", "e", "E"):
        return None
    if not text.isdigit():
        raise ValueError(f"--log-base wants e or a positive integer, got {text!r}")
    return int(text)


def result(args) -> dict:
    """The JSON-shaped result of ``verify`` (never raises on bad input)."""
    from symbolic.latex_in.errors import LatexReadError
    from symbolic.latex_in.lint import verify_text
    text = args.latex
    if not text.strip():
        return {"verdict": "error", "message": "empty input: write a relation such as 'a = b'",
                "steps": []}
    try:
        limits = Limits(seconds=max(0.1, float(args.timeout)), samples=args.samples)
        steps, error = verify_text(text, limits, _base(args.log_base), _bindings(args.bind))
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
    lines.append(f"{res['verdict']}: {res['message']}")
    return "\n".join(lines)


def run(args, out) -> int:
    try:
        res = result(args)
    except Exception as exc:  # last line of defence: no traceback reaches the user
        res = {"verdict": "unknown", "message": f"internal error: {type(exc).__name__}: {exc}",
               "steps": []}
    print(json.dumps(res, ensure_ascii=False, indent=2) if args.json else _human(res), file=out)
    return EXIT[res["verdict"]]
