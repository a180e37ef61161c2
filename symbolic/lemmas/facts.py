"""Facts a side condition needs, proved from SymPy's assumptions and the context.

A scalar whose context domain is an interval is *reparametrised*: written as
the image of a fresh symbol whose assumptions SymPy understands (y in (0, 1) is
t/(1 + t) with t > 0), so that ``1 − y > 0`` becomes ``1/(1 + t) > 0``, which
the assumptions system decides.  The map is onto the domain, so a fact shown
for every t holds for every y.  A family of probabilities ŷ_i in (0, 1) is
reparametrised the same way, entry by entry.

>>> import sympy as sp
>>> from symbolic.context import Context
>>> y = sp.Symbol("y", real=True)
>>> ctx = Context(domains={y: sp.Interval.open(0, 1)})
>>> is_positive(1 - y, ctx), is_positive(y - 1, ctx)
(True, False)
>>> at_most_one(y, ctx)
True
"""
from __future__ import annotations

import sympy as sp

from symbolic.context import Context
from symbolic.objects import BinaryLabels, JointPmf, OneHot, Pmf, Probabilities
from symbolic.quantities import Quantity
from symbolic.sums import is_positive as sum_is_positive

_UNIT_ENTRIES = (Pmf, JointPmf, Probabilities, OneHot, BinaryLabels)


def _interval_map(domain: sp.Set, name: str):
    """An expression in a fresh symbol whose values are exactly ``domain``, or None."""
    if domain == sp.S.Reals:
        return sp.Dummy(name, real=True)
    if not isinstance(domain, sp.Interval):
        return None
    a, b = domain.start, domain.end
    t_open = sp.Dummy(name, positive=True)
    t_closed = sp.Dummy(name, nonnegative=True)
    if a.is_finite and b is sp.oo:
        return a + (t_open if domain.left_open else t_closed)
    if a is sp.S.NegativeInfinity and b.is_finite:
        return b - (t_open if domain.right_open else t_closed)
    if a.is_finite and b.is_finite and (domain.left_open or domain.right_open):
        if domain.left_open and domain.right_open:
            return a + (b - a) * t_open / (1 + t_open)
        if domain.left_open:                       # (a, b]: t = 0 gives b
            return b - (b - a) * t_closed / (1 + t_closed)
        return a + (b - a) * t_closed / (1 + t_closed)   # [a, b)
    return None


def reparametrised(expr: sp.Basic, context: Context | None) -> sp.Basic:
    """``expr`` with each interval-domain scalar and each probability family
    written as the image of a symbol SymPy's assumptions understand.

    >>> y = sp.Symbol("y", real=True)
    >>> reparametrised(1 - y, Context(domains={y: sp.Interval.open(0, 1)})).is_positive
    True
    """
    mapping = {}
    for symbol, domain in (context.domains.items() if context else ()):
        if isinstance(symbol, sp.Symbol) and expr.has(symbol):
            image = _interval_map(domain, symbol.name)
            if image is not None:
                mapping[symbol] = image
    expr = expr.xreplace(mapping)
    fresh = {v.free_symbols.pop() for v in mapping.values() if v.free_symbols}
    families = {b for b in expr.atoms(sp.IndexedBase) if isinstance(b, Probabilities)}
    for base in families:
        t = sp.IndexedBase(sp.Dummy(base.name), positive=True)
        expr = expr.replace(lambda e, base=base: isinstance(e, sp.Indexed) and e.base == base,
                            lambda e, t=t: t[e.indices] / (1 + t[e.indices]))
        fresh.add(t)
    return _tidied(expr, fresh) if fresh else expr


def reparametrisation_notes(expr: sp.Basic, context: Context | None) -> list:
    """What :func:`reparametrised` does to ``expr``, one sentence per variable.

    >>> y = sp.Symbol("y", real=True)
    >>> reparametrisation_notes(1 - y, Context(domains={y: sp.Interval.open(0, 1)}))
    ['y in Interval.open(0, 1) written as t/(t + 1), t > 0']
    """
    notes = []
    for symbol, domain in (context.domains.items() if context else ()):
        if isinstance(symbol, sp.Symbol) and expr.has(symbol):
            image = _interval_map(domain, "t")
            if image is not None and not isinstance(image, sp.Dummy):
                t = image.free_symbols.pop()
                sign = "t > 0" if t.is_positive else "t >= 0"
                shown = sp.simplify(image.xreplace({t: sp.Symbol("t")}))
                notes.append(f"{symbol} in {domain} written as {shown}, {sign}")
    for base in sorted({b for b in expr.atoms(sp.IndexedBase) if isinstance(b, Probabilities)},
                       key=str):
        notes.append(f"each {base}[i] in (0, 1) written as t[i]/(1 + t[i]), t[i] > 0")
    return notes


def _tidied(expr: sp.Basic, fresh) -> sp.Basic:
    """Each sum of terms in the fresh symbols brought over one denominator and
    factored (1 − t/(1 + t) is 1/(1 + t)), so that its sign is visible."""
    def simple(e):
        return isinstance(e, sp.Add) and any(e.has(f) for f in fresh) and \
            not e.has(sp.Sum, sp.Product, sp.log, sp.exp)
    return expr.replace(simple, lambda e: sp.factor(sp.together(e)))


def _for_any_index(expr: sp.Basic, indices=()) -> sp.Basic:
    return expr.xreplace({v: sp.Dummy(v.name, integer=True) for v in indices})


def is_real(expr: sp.Basic, indices=()) -> bool:
    """``expr`` is real for every integer value of ``indices``."""
    return _for_any_index(sp.sympify(expr), indices).is_real is True


def is_positive(expr: sp.Basic, context: Context | None = None, indices=()) -> bool:
    """``expr > 0`` for every value in the context (and every integer value of ``indices``)."""
    e = _for_any_index(sp.sympify(expr), indices)
    if sum_is_positive(e):
        return True
    r = reparametrised(e, context)
    return r != e and (r.is_positive is True or sum_is_positive(r))


def _label_cases(expr: sp.Basic, indices=()):
    """``expr`` at every value of its (at most 3) binary labels, or None if it has none."""
    e = _for_any_index(sp.sympify(expr), indices)
    labels = sorted({a for a in e.atoms(sp.Indexed) if isinstance(a.base, BinaryLabels)},
                    key=sp.default_sort_key)
    if not labels or len(labels) > 3:
        return None
    cases = [e]
    for v in labels:
        cases = [c.xreplace({v: value}) for c in cases for value in (0, 1)]
    return cases


def is_nonnegative(expr: sp.Basic, context: Context | None = None, indices=()) -> bool:
    """``expr ≥ 0`` for every value in the context (and every integer value of ``indices``).

    >>> from symbolic.objects import pmf
    >>> k = sp.Symbol("k", integer=True)
    >>> is_nonnegative(pmf("p", 3, zeros=True)[k], indices=[k])
    True
    """
    e = _for_any_index(sp.sympify(expr), indices)
    if e.is_nonnegative is True or sum_is_positive(e):
        return True
    cases = _label_cases(e)   # a label y_i is 0 or 1: both cases
    if cases is not None:
        return all(is_nonnegative(c, context) for c in cases)
    r = reparametrised(e, context)
    return r != e and r.is_nonnegative is True


def is_nonzero(expr: sp.Basic, context: Context | None = None) -> bool:
    """``expr`` is a nonzero real for every value in the context."""
    return is_positive(expr, context) or is_positive(-expr, context)


def at_most_one(expr: sp.Basic, context: Context | None = None, indices=()) -> bool:
    """``expr ≤ 1`` for every value in the context: an entry of a pmf (its entries
    are ≥ 0 and sum to 1), a probability, a quantity valued in [0, 1], a product
    or positive power of such, or a scalar whose domain lies below 1.

    >>> from symbolic.objects import pmf
    >>> p = pmf("p", 3)
    >>> at_most_one(p[1] * p[2]), at_most_one(2 * p[1])
    (True, False)
    """
    e = _for_any_index(sp.sympify(expr), indices)
    if e.is_number:
        return bool(e.is_real and (e <= 1) is sp.true)
    if isinstance(e, sp.Indexed) and isinstance(e.base, _UNIT_ENTRIES):
        return True
    if isinstance(e, sp.Symbol) and context and e in context.domains:
        return context.domains[e].is_subset(sp.Interval(-sp.oo, 1)) is True
    if isinstance(e, Quantity):
        return e.value_range.is_subset(sp.Interval(-sp.oo, 1)) is True
    if isinstance(e, sp.Mul):
        return all(is_nonnegative(f, context) and at_most_one(f, context) for f in e.args)
    if isinstance(e, sp.Pow):
        return is_nonnegative(e.base, context) and at_most_one(e.base, context) \
            and e.exp.is_positive is True
    return is_nonnegative(1 - e, context)
