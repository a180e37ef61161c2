"""Say how to fix a refuted step: small repairs, kept when the engine shows they hold.

For a relation the author got wrong, the likely slips are few: a sign, the order of the
arguments of D or H, the base of the logarithm, the direction of an inequality, the
rounding of a stated decimal.  Each repair is decided by the engine (the same check as
any claim, under a smaller time limit), and only repairs that are proved or checked are
reported, as "holds if …".

>>> import sympy as sp
>>> from symbolic.latex_in.chains import Claim
>>> x = sp.Symbol("x", positive=True)
>>> claim = Claim("=", "-log x", "log x", 0, lhs=-sp.log(x), rhs=sp.log(x))
>>> [change for change, _ in repairs(claim)]
['flip the sign of the right side', 'use logarithms to base 2']
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symbolic import quantities as qu
from symbolic.printing.latex import latex

_FLIP = {"≤": "≥", "≥": "≤", "<": ">", ">": "<"}
_SYMBOL = {"=": "=", "≤": r"\le", "≥": r"\ge", "<": "<", ">": ">", "≈": r"\approx"}
MAX_REPAIRS = 4


def _swap(expr, kind):
    return expr.replace(lambda e: isinstance(e, kind), lambda e: kind(e.args[1], e.args[0]))


def repairs(claim) -> list[tuple[str, object]]:
    """(what changed, repaired claim) for each small repair that applies to ``claim``."""
    lhs, rhs, rel = claim.lhs, claim.rhs, claim.relation
    if rel not in _SYMBOL or lhs is None or rhs is None:
        return []
    out = []
    if rel in ("=", "≈") and rhs != 0:
        out.append(("flip the sign of the right side", replace(claim, rhs=-rhs)))
    for kind, name in ((qu.KLDivergence, "D"), (qu.CrossEntropy, "H")):
        if lhs.atoms(kind) or rhs.atoms(kind):
            out.append((f"swap the arguments of {name}",
                        replace(claim, lhs=_swap(lhs, kind), rhs=_swap(rhs, kind))))
    base2 = sp.log(2) ** -1
    if lhs.has(base2) or rhs.has(base2):
        out.append(("use natural logarithms", replace(
            claim, lhs=lhs.xreplace({base2: 1}), rhs=rhs.xreplace({base2: 1}))))
    elif lhs.atoms(sp.log) or rhs.atoms(sp.log):
        to2 = lambda e: e.replace(sp.log, lambda a: sp.log(a) / sp.log(2))  # noqa: E731
        out.append(("use logarithms to base 2", replace(claim, lhs=to2(lhs), rhs=to2(rhs))))
    if rel in _FLIP:
        out.append((f"turn {rel} into {_FLIP[rel]}", replace(claim, relation=_FLIP[rel])))
    # in-process, so no limit is taken here (\lim_{n \to \infty} (1 - 1/n)^n: no rounding offered)
    value = sp.N(qu.expand_quantities(lhs), 30) if isinstance(rhs, qu.StatedDecimal) and \
        not lhs.free_symbols and not lhs.has(sp.Limit) else None
    if value is not None and value.is_Number:
        digits = rhs.digits
        mantissa = int(sp.floor(abs(value) * 10 ** digits + sp.Rational(1, 2)))
        rounded = qu.StatedDecimal(mantissa if value >= 0 else -mantissa, digits)
        out.append((f"round to {'-' if value < 0 else ''}{mantissa / 10 ** digits:.{digits}f}",
                    replace(claim, rhs=rounded)))
    return out[:MAX_REPAIRS]


def suggestions(claim, decide_repair) -> list[dict]:
    """Repairs the engine shows to hold: ``{"relation", "verdict", "change"}`` each.

    ``decide_repair(repaired_claim)`` is the engine's verdict on one repaired claim.
    """
    out = []
    for change, fixed in repairs(claim):
        verdict = decide_repair(fixed)
        if verdict.status in ("proved", "checked"):
            relation = f"{latex(fixed.lhs)} {_SYMBOL[fixed.relation]} {latex(fixed.rhs)}"
            out.append({"relation": relation, "verdict": verdict.status, "change": change})
    return out
