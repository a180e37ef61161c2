"""Relations between constants in the extended reals: ``\\log 0 = -\\infty`` (the reader
reads the log of 0 as −∞, the convention of information theory), ``-\\infty < 0``.

The numeric check cannot evaluate an infinity, so :func:`symbolic.verify.check_relation`
decides such a relation here, exactly.
"""
from __future__ import annotations

import sympy as sp

from symbolic.verdict import Counterexample, Verdict


def has_infinite_constants(lhs, rhs) -> bool:
    """Are both sides constants, one of them with ±∞ or a limit in it (``\\log 0 = -\\infty``,
    ``\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1``)?

    >>> has_infinite_constants(-sp.oo, 0), has_infinite_constants(sp.Symbol("x"), sp.oo)
    (True, False)
    >>> x = sp.Symbol("x")
    >>> has_infinite_constants(sp.Limit(sp.sin(x) / x, x, 0), 2)
    True
    """
    sides = (sp.sympify(lhs), sp.sympify(rhs))
    return not any(s.free_symbols for s in sides) and any(
        s.has(sp.oo, -sp.oo, sp.zoo, sp.Limit) for s in sides)


def limits_taken(lhs, rhs) -> tuple:
    """Both sides with each limit in them taken (an unknown one stays).

    >>> n = sp.Symbol("n", positive=True)
    >>> limits_taken(sp.Limit((1 + 1 / n) ** n, n, sp.oo), 3)
    (E, 3)
    """
    return tuple(x.doit() if x.has(sp.Limit) else x for x in (sp.sympify(lhs), sp.sympify(rhs)))


def check_extended_reals(lhs, rhs, relation: str) -> Verdict:
    """A relation between constants in the extended reals: ``-\\infty < 0`` holds,
    ``\\log 0 = \\infty`` fails (log 0 is -∞ by the convention of information theory);
    an undefined side (∞ - ∞, a complex infinity) is unknown.

    >>> check_extended_reals(-sp.oo, sp.oo, "=").status, check_extended_reals(-sp.oo, 0, "<").status
    ('refuted', 'proved')
    >>> check_extended_reals(sp.oo - sp.oo, 0, "=").status
    'unknown'

    Limits are the caller's to take (:func:`limits_taken`, under its time limit):

    >>> n = sp.Symbol("n", positive=True)
    >>> check_extended_reals(*limits_taken(sp.Limit((1 - 1 / n) ** n, n, sp.oo), sp.exp(-1)), "=").status
    'proved'
    """
    a, b = sp.sympify(lhs), sp.sympify(rhs)
    if any(x.has(sp.nan, sp.zoo) or not x.is_extended_real for x in (a, b)) or \
            relation not in _BY_RELATION:
        return Verdict("unknown", "none", reason=(
            f"a side is not a number of the extended reals ({a} {relation} {b})"))
    holds = _BY_RELATION[relation](a, b)
    if holds not in (sp.true, sp.false):
        return Verdict("unknown", "none", reason=f"cannot compare {a} and {b}")
    if holds == sp.true:
        return Verdict("proved", "symbolic: the extended reals")
    return Verdict("refuted", "symbolic: the extended reals",
                   counterexample=Counterexample({}, _shown(a), _shown(b)))


def _shown(value):
    return float(value) if value.is_finite else str(value)


_BY_RELATION = {"=": sp.Eq, "≈": sp.Eq, "≤": sp.Le, "≥": sp.Ge, "<": sp.Lt, ">": sp.Gt,
                "≠": sp.Ne}
