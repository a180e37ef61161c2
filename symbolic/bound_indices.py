"""Summation indices that capture nothing: the sums a definition opens are named after
the support size (K → k) and kept off every name free in the expression being expanded.

>>> from symbolic.objects import pmf, support_size
>>> p = pmf("p", support_size("K"))
>>> bound_index(support_of(p), set())
k
>>> with names_taken(sp.Symbol("k")):
...     bound_index(support_of(p), set())
j
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

import sympy as sp

from symbolic.objects import index


#: The names free in the whole expression being expanded: a definition's own summation index
#: must not capture them (∂/∂z_k of Σ_j y_j log softmax(z)_j, whose Σ would otherwise run on k).
FREE_AROUND: ContextVar[frozenset] = ContextVar("FREE_AROUND", default=frozenset())


@contextmanager
def names_taken(expr):
    """While inside, the sums that definitions open avoid the names free in ``expr`` (and
    the variables it differentiates in), so they cannot capture them.

    >>> from symbolic.quantities import LogSumExp
    >>> z, k = sp.IndexedBase("z", shape=(sp.Symbol("K"),)), sp.Symbol("k", integer=True)
    >>> with names_taken(z[k]):
    ...     LogSumExp(z).definition()
    log(Sum(exp(z[j]), (j, 1, K)))
    """
    found = set(getattr(expr, "free_symbols", ()))
    for d in (expr.atoms(sp.Derivative) if isinstance(expr, sp.Basic) else ()):
        found |= {s for v in d.variables for s in v.free_symbols}   # ∂/∂z_k: k is taken
    names = {s.name for s in found}
    token = FREE_AROUND.set(FREE_AROUND.get() | names)
    try:
        yield
    finally:
        FREE_AROUND.reset(token)


def differentiate(derivative: sp.Derivative) -> sp.Basic:
    """``derivative.doit()``, the sums of the definitions it opens kept off its variables.

    >>> from symbolic.quantities import LogSumExp
    >>> z, k = sp.IndexedBase("z", shape=(sp.Symbol("K"),)), sp.Symbol("k", integer=True)
    >>> differentiate(sp.Derivative(LogSumExp(z), z[k])).has(sp.Sum(sp.exp(z[k]), (k, 1, z.shape[0])))
    False
    """
    with names_taken(derivative):
        return derivative.doit()


def bound_index(size, avoid: set, preferred: str | None = None) -> sp.Symbol:
    """A summation index named after the support size (K → k), avoiding the names in
    ``avoid`` and those :func:`names_taken` holds; ``preferred`` is tried first.

    >>> bound_index(sp.Symbol("C"), {sp.Symbol("c")})
    k
    """
    names = []
    if preferred:
        names.append(preferred)
    if isinstance(size, sp.Symbol) and len(size.name) == 1 and size.name.isupper():
        names.append(size.name.lower())
    names += ["k", "j", "m", "l"]
    taken = {s.name for s in avoid} | FREE_AROUND.get()
    for name in names:
        if name not in taken:
            return index(name)
    return sp.Dummy("k", integer=True)


def support_of(base: sp.IndexedBase, axis: int = 0):
    """The support size of a pmf (or of one axis of a joint pmf) built by
    :mod:`symbolic.objects`; a base without one is an error that says so.

    >>> from symbolic.objects import joint_pmf, support_size
    >>> support_of(joint_pmf("p", support_size("M"), support_size("N")), 1)
    N
    """
    if base.shape is None:
        raise ValueError(f"{base} has no support size: build it with symbolic.objects")
    return base.shape[axis]
