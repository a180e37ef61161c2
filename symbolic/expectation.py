"""Expectations as the catalogue writes them: 𝔼_{k∼p}[g(k)] = Σ_k p(k) g(k).

:class:`Expectation` is a SymPy ``Sum`` (a subclass), so every rule the engine
has for sums applies to it unchanged; only the printers tell it apart and show
``\\mathbb{E}_{k \\sim p}\\left[ g(k) \\right]``.  Use it where a document means
an expectation, not for every weighted sum.

>>> from symbolic.objects import Support
>>> outcomes = Support.named("K", "k")
>>> p = outcomes.pmf("p")
>>> e = expectation(outcomes, p, sp.log(p[outcomes.index]))
>>> isinstance(e, sp.Sum), e.args == sp.Sum(p[outcomes.index] * sp.log(p[outcomes.index]),
...                                         outcomes.limits).args
(True, True)
>>> weight_and_body(e)
(p, log(p[k]))
"""
from __future__ import annotations

import sympy as sp

from symbolic.objects import JointPmf, Pmf


class Expectation(sp.Sum):
    """Σ_k p[k]·g(k) over one index, read as 𝔼_{k∼p}[g(k)]; for the engine, the Sum."""


def expectation(support, pmf, body) -> Expectation:
    """𝔼_{k∼pmf}[body] over ``support`` (its index is k), as the Sum Σ_k pmf[k]·body."""
    return Expectation(pmf[support.index] * body, support.limits)


def weight_and_body(expr):
    """(pmf, g) when ``expr`` is Σ_k pmf[k]·g(k) with exactly one pmf factor at index k
    over one index; None otherwise (then it prints as the sum)."""
    if len(expr.limits) != 1:
        return None
    k = expr.limits[0][0]
    factors = sp.Mul.make_args(expr.function)
    weights = [f for f in factors if isinstance(f, sp.Indexed)
               and isinstance(f.base, (Pmf, JointPmf)) and f.indices == (k,)]
    if len(weights) != 1:
        return None
    rest = list(factors)
    rest.remove(weights[0])
    return weights[0].base, sp.Mul(*rest)
