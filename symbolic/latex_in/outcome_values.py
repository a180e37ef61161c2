r"""The outcomes of a sum written without its range are labels, not numbers.

``\sum_x p(x) \log x`` runs over the outcomes of X, whatever they are.  The reader numbers
the outcomes 1..K, which is right where x only picks a probability (``p(x)``, ``q_x``), but
wrong where x is used as a number: at the labels 1..K, ``\log x \ge 0``, so the false
``\sum_x p(x) \log x \ge 0`` was checked.  The values of the outcomes are not given, so such a
sum is not read in a chain that bounds (``\sum_{k=1}^{K} k\, p_k`` writes its range, and k is
a number there).  An equation is still read: one that holds for any values of the outcomes
holds at the labels, and a failure at the labels is a failure at admissible values.

>>> import sympy as sp
>>> from symbolic.objects import Pmf
>>> x, K = sp.Symbol("x", integer=True), sp.Symbol("K", integer=True, positive=True)
>>> p = Pmf(sp.Symbol("p", positive=True), (K,))
>>> outcomes_as_numbers(sp.Sum(p[x] * sp.log(x), (x, 1, K)), {"x"})
'x, an outcome of a sum over its values (no range written), is used as a number: the values of the outcomes are not given'
>>> outcomes_as_numbers(sp.Sum(p[x] * sp.log(p[x]), (x, 1, K)), {"x"}), outcomes_as_numbers(sp.Sum(p[x] * x, (x, 1, K)), set())
(None, None)
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.latex_in.errors import UnknownNotation


def _picks_an_entry(e) -> bool:
    """p_x, p(x), softmax(z)_x, δ_{xk}: an outcome used as a label, to pick an entry."""
    return isinstance(e, (sp.Indexed, AppliedUndef, sp.KroneckerDelta)) or \
        isinstance(e, sp.Function) and \
        any(isinstance(a, sp.IndexedBase) for a in e.args)


_GIVEN = ": the values of the outcomes are not given"


def outcomes_as_numbers(expr, unbounded: set) -> str | None:
    """Why ``expr`` cannot be read when a sum or product over one of the ``unbounded``
    indices (written without a range) uses its index outside the subscripts and arguments
    that pick a probability; None otherwise."""
    if not unbounded or not isinstance(expr, sp.Basic):
        return None
    for op in expr.atoms(sp.Sum, sp.Product):
        labels = op.function.replace(_picks_an_entry, lambda e: sp.Dummy())
        for index, _low, _high in op.limits:
            if str(index) in unbounded and index in labels.free_symbols:
                return (f"{index}, an outcome of a sum over its values (no range written), is "
                        "used as a number" + _GIVEN)
    return None


def labels_only(side, unbounded: set, offset: int = 0, bounds: bool = True,
                doubts: list | None = None):
    """``side``, unless it is read in a chain that ``bounds`` (an inequality) and
    :func:`outcomes_as_numbers` finds an outcome used as a number: then the side is unknown
    notation.  In an equation the side is read, and ``doubts`` gets the reason: a failure
    is the author's only when the other side sums over the same outcomes
    (:func:`summed_on_both_sides`).

    >>> labels_only(sp.Integer(2), {"x"})
    2
    """
    why = outcomes_as_numbers(side, unbounded)
    if why and bounds:
        raise UnknownNotation(why, offset)
    if why and doubts is not None:
        doubts.append(why)
    return side


def summed_on_both_sides(doubts: list, lhs, rhs) -> list:
    r"""``doubts`` without those of :func:`outcomes_as_numbers` for an outcome both sides sum
    over: ``\sum_x f(x) = \sum_x g(x)`` is meant for any values of the outcomes, so a failure
    at the labels 1..K is the author's; ``\sum_{x \in X} p(x) x^2 = \mu^2 + \sigma^2`` is
    meant at values (or as an integral) the text does not give.

    >>> x, K = sp.Symbol("x", integer=True), sp.Symbol("K", integer=True, positive=True)
    >>> why = outcomes_as_numbers(sp.Sum(x, (x, 1, K)), {"x"})
    >>> summed_on_both_sides([why], sp.Sum(x, (x, 1, K)), sp.Sum(x**2, (x, 1, K)))
    []
    >>> len(summed_on_both_sides([why], sp.Sum(x, (x, 1, K)), K))
    1
    """
    def outcomes(side):
        return {str(v) for op in getattr(side, "atoms", lambda *a: ())(sp.Sum, sp.Product)
                for v, *_ in op.limits}
    both = outcomes(lhs) & outcomes(rhs)
    return [d for d in doubts if not (d.endswith(_GIVEN) and d.split(",", 1)[0] in both)]
