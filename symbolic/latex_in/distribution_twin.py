"""A refuted row that holds once a family it sums is a distribution.

Posts write a distribution as a family of numbers (``\\mu_i``, ``\\lambda_k``, ``y_j``) and say
in words that it is one ("let μ ∈ Δ(k)", "the labels sum to 1").  The reader takes such a
family for any reals, so ``-\\sum_i \\mu_i(\\mu_i - 1) = 1 - \\sum_i \\mu_i^2``, true of every
distribution μ, fails.  A refutation stands only when the row also fails with each summed
family read as a distribution over its sum's range: otherwise the verdict is ``unknown``,
with the family named.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symbolic import objects as ob
from symbolic.verdict import Verdict

_MOST = 3      # families tried, one at a time


def summed_families(expr) -> list:
    """The families of reals (not pmfs) that a sum of ``expr`` runs over, with the sum's
    upper bound: ``[(μ, K)]`` for ``Σ_{i=1}^{K} μ_i (μ_i - 1)``.

    >>> i, K = sp.Symbol("i", integer=True), ob.support_size("K")
    >>> mu = ob.reals("mu", K)
    >>> summed_families(sp.Sum(mu[i] * (mu[i] - 1), (i, 1, K)))
    [(mu, K)]
    >>> summed_families(sp.Sum(ob.pmf("p", K)[i], (i, 1, K)))
    []
    """
    out = []
    if not isinstance(expr, sp.Basic):
        return out
    for total in expr.atoms(sp.Sum):
        index, low, high = total.limits[0]
        if low != 1:
            continue
        for entry in total.function.atoms(sp.Indexed):
            base = entry.base
            if isinstance(base, (ob.Pmf, ob.JointPmf)) or entry.indices != (index,) or \
                    any(base == b for b, _ in out):
                continue
            out.append((base, high))
    return out


def as_distributions(claim, verdict: Verdict, decide) -> Verdict:
    """``verdict`` on ``claim``, or ``unknown`` when the refuted claim holds once one family
    it sums is a distribution (``decide`` judges the twin claim).

    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> i, K = sp.Symbol("i", integer=True), ob.support_size("K")
    >>> mu = ob.reals("mu", K)
    >>> claim = Claim("=", "", "", 0, lhs=-sp.Sum(mu[i] * (mu[i] - 1), (i, 1, K)),
    ...               rhs=1 - sp.Sum(mu[i] ** 2, (i, 1, K)))
    >>> judge = lambda twin: decide(twin)
    >>> as_distributions(claim, judge(claim), judge).reason
    'fails as an identity, but holds when mu is a distribution (its entries sum to 1), which the text may say in words'
    """
    if verdict.status != "refuted" or not isinstance(claim.lhs, sp.Basic) or \
            not isinstance(claim.rhs, sp.Basic):
        return verdict
    label = distribution_reading(claim, decide)
    if label is None:
        return verdict
    return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                   reason=f"fails as an identity, but holds when {label} is a distribution "
                          "(its entries sum to 1), which the text may say in words")


def claim_families(claim) -> list:
    """The families of reals either side of ``claim`` sums (:func:`summed_families`), each
    once, with the bound of the first sum that runs over it, left side first.

    >>> from symbolic.latex_in.chains import Claim
    >>> i, K = sp.Symbol("i", integer=True), ob.support_size("K")
    >>> mu = ob.reals("mu", K)
    >>> claim_families(Claim("=", "", "", 0, lhs=sp.Sum(mu[i], (i, 1, K)),
    ...                      rhs=sp.Sum(mu[i], (i, 1, 3))))
    [(mu, K)]
    """
    seen = []
    for side in (claim.lhs, claim.rhs):
        seen += [f for f in summed_families(side) if all(f[0] != g[0] for g in seen)]
    return seen


def distribution_reading(claim, decide):
    """The label of the first family ``claim`` sums whose reading as a distribution makes
    the claim hold (``decide`` judges the twin), or None."""
    for base, size in claim_families(claim)[:_MOST]:
        pmf = ob.pmf(str(base.label), size)
        put = {e: pmf[e.indices] for side in (claim.lhs, claim.rhs)
               for e in side.atoms(sp.Indexed) if e.base == base}
        twin = replace(claim, lhs=claim.lhs.xreplace(put), rhs=claim.rhs.xreplace(put))
        if decide(twin).holds:
            return base.label
    return None
