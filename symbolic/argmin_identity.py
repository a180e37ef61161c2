"""``argmin A = argmin B`` from an identity between A and B, when the model checks cannot
sample the sides (they are written in names such as p, y or an unknown quantity rather
than in a model's pmf of the data).

If A equals an increasing function of B for every value of every symbol, then, however
those symbols depend on the parameters, A and B have the same minimisers.  The increasing
functions tried are the identity, a positive factor (a number or a data size n, N, m, M,
which no parameter changes), and e^x, −e^{−x} (argmax Π f = argmax Σ log f).  The identity
is decided by the ordinary check (:func:`symbolic.verify.check_relation`), so it is
proved or checked like any relation.  A failure of every form says nothing about the
minimisers (two functions can share them without being related so), so this never
refutes.

>>> import sympy as sp
>>> from symbolic.models import ArgMin
>>> from symbolic.verify import check_relation
>>> p, y = sp.Symbol("p", positive=True), sp.Symbol("y", real=True)
>>> a = -sp.log(p**y * (1 - p)**(1 - y))
>>> b = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
>>> same_minimisers_by_identity(ArgMin(a), ArgMin(b), check_relation, key="doc").status
'checked'
"""
from __future__ import annotations

import sympy as sp

from symbolic.models import DATA_SIZE_NAMES, KINDS, LAZY, POINT_KINDS, ArgMin, Label, Unreadable, \
    strip_const
from symbolic.verdict import Verdict

_MODEL_ATOMS = (*POINT_KINDS, *KINDS, *LAZY, Label, ArgMin)


def _without_positive_factor(expr: sp.Expr) -> sp.Expr:
    """``expr`` without a top-level factor of positive numbers and data sizes (1/m, 2N).

    >>> m, f = sp.Symbol("m", positive=True), sp.Symbol("f", real=True)
    >>> _without_positive_factor(-f / (2 * m))
    -f
    """
    sign = 1
    kept = []
    for factor in sp.Mul.make_args(expr):
        if factor.is_number and factor.is_real:
            sign = -sign if factor.is_negative else sign
            if factor.is_zero:
                return expr
            continue
        base = factor.as_base_exp()[0]
        if isinstance(base, sp.Symbol) and base.name in DATA_SIZE_NAMES:
            continue
        kept.append(factor)
    return sign * sp.Mul(*kept)


def _candidates(a: sp.Expr, b: sp.Expr):
    """(description, lhs, rhs) pairs: if one holds identically, a is an increasing
    function of b."""
    yield "equal", a, b
    sa, sb = _without_positive_factor(a), _without_positive_factor(b)
    if (sa, sb) != (a, b):
        yield "equal up to a positive factor", sa, sb
    if a.has(sp.Product) != b.has(sp.Product) or a.has(sp.exp) != b.has(sp.exp):
        yield "related by an exponential", a, sp.exp(b)
        yield "related by an exponential", b, sp.exp(a)
        yield "related by an exponential", a, -sp.exp(-b)
        yield "related by an exponential", b, -sp.exp(-a)


def same_minimisers_by_identity(lhs, rhs, check, context=None, options=None, key: str = "",
                                why: str = "") -> Verdict:
    """``ArgMin(a) = ArgMin(b)``: proved or checked when a is identically an increasing
    function of b; otherwise unknown (with ``why``, the model checks' reason)."""
    unknown = Verdict("unknown", "none", reason=why or "the functions minimised are not read "
                      "as functions of a model")
    if not (isinstance(lhs, ArgMin) and isinstance(rhs, ArgMin)):
        return unknown
    try:
        a, b = strip_const(lhs.args[0]), strip_const(rhs.args[0])
    except Unreadable:
        return unknown
    if a.atoms(*_MODEL_ATOMS) or b.atoms(*_MODEL_ATOMS) or not (a.free_symbols or
                                                                 b.free_symbols):
        return unknown
    for how, u, v in _candidates(a, b):
        verdict = check(u, v, "=", context, options, key=f"{key}:argmin:{how}")
        if verdict.status in ("proved", "checked"):
            return Verdict(verdict.status, f"the functions minimised are {how} for every value "
                           f"of their symbols ({verdict.method}), so their minimisers agree",
                           verdict.samples)
    return unknown
