"""Pmfs with zero entries: an identity shown for positive entries, extended by 0·log 0 = 0.

A pmf built with ``zeros=True`` has entries ≥ 0, so ``log p_k`` cannot be
split.  The identity is proved with every such pmf replaced by a strictly
positive one; it then holds on the zero entries as well when both sides are
*continuous* there, with 0·log 0 = 0 read as the limit t·log t → 0: every
``log`` of an expression in such entries is multiplied, in its term, by each
of those entries (to a positive power), and no entry is divided by.  Positive
entries are dense among nonnegative ones, and two functions continuous on the
closed set that agree on a dense subset agree everywhere.

>>> import sympy as sp
>>> from symbolic.objects import index, pmf
>>> p, k = pmf("p", 3, zeros=True), index("k")
>>> continuous_at_zero(p[k] * sp.log(1 / p[k]), zero_bases(p[k]))
True
>>> continuous_at_zero(sp.log(p[k]), zero_bases(p[k]))
False
"""
from __future__ import annotations

import sympy as sp

from symbolic.objects import JointPmf, Pmf

_CONTINUOUS = (sp.exp, sp.sin, sp.cos, sp.Abs)


def zero_bases(expr: sp.Basic) -> set:
    """The pmfs and joint pmfs in ``expr`` whose entries may be 0."""
    return {b for b in expr.atoms(sp.IndexedBase)
            if isinstance(b, (Pmf, JointPmf)) and b.is_positive is not True}


def positive_version(expr: sp.Basic, bases) -> sp.Basic:
    """``expr`` with each pmf of ``bases`` replaced by a strictly positive one (same name)."""
    return expr.xreplace({b: type(b)(b.label, shape=b.shape, real=True, positive=True)
                          for b in bases})


def _entries(expr: sp.Basic, bases) -> set:
    return {e for e in expr.atoms(sp.Indexed) if e.base in bases}


def _power_of(factor: sp.Basic):
    base, exp = factor.as_base_exp()
    return base, exp


def continuous_at_zero(expr: sp.Basic, bases) -> bool:
    """Is ``expr`` continuous as the entries of ``bases`` go to 0 (t·log t → 0)?"""
    if not _entries(expr, bases):
        return True
    if isinstance(expr, sp.Indexed):
        return True
    if isinstance(expr, sp.Add):
        return all(continuous_at_zero(a, bases) for a in expr.args)
    if isinstance(expr, (sp.Sum, sp.Product)):
        return not any(_entries(sp.Tuple(*l[1:]), bases) for l in expr.limits) and \
            continuous_at_zero(expr.function, bases)
    if isinstance(expr, sp.Mul):
        return _continuous_product(expr, bases)
    if isinstance(expr, sp.Pow):
        return expr.exp.is_Integer and expr.exp > 0 and continuous_at_zero(expr.base, bases)
    if isinstance(expr, _CONTINUOUS):
        return continuous_at_zero(expr.args[0], bases)
    return False


def _continuous_product(expr: sp.Mul, bases) -> bool:
    if any(isinstance(f, sp.Add) and _entries(f, bases) for f in expr.args):
        expanded = sp.expand(expr, log=False, power_base=False, power_exp=False)
        if expanded != expr:
            return continuous_at_zero(expanded, bases)
    logs, others = [], []
    for f in expr.args:
        base, exp = _power_of(f)
        if isinstance(base, sp.log) and _entries(base, bases):
            if not (exp.is_Integer and exp > 0):
                return False
            logs.append(base)
        else:
            others.append(f)
    if not all(continuous_at_zero(f, bases) for f in others):
        return False
    covered = {}
    for f in others:
        base, exp = _power_of(f)
        if isinstance(base, sp.Indexed) and base.base in bases and exp.is_positive:
            covered[base] = True
    for log in logs:
        if not _monomial(log.args[0], bases) or \
                not all(e in covered for e in _entries(log.args[0], bases)):
            return False
    return True


def _monomial(arg: sp.Basic, bases) -> bool:
    """A product of powers of entries and of factors free of them (no sums of entries)."""
    for f in sp.Mul.make_args(arg):
        base, exp = _power_of(f)
        if _entries(f, bases) and not (isinstance(base, sp.Indexed) and exp.is_number
                                       and exp != 0):
            return False
    return True
