r"""A refuted row that holds once a barred name is the mean of the family of its letter.

Regression and statistics posts write ``\bar x`` for the mean of the x_i and use its
definition without writing it: ``\sum_i x_i (y_i - \bar y) = \sum_i (x_i - \bar x)(y_i -
\bar y)`` holds only because the deviations from a mean sum to 0.  The reader takes x̄ for a
free name, and the row fails.  A refutation stands only when the row also fails with every
barred name (``\bar x``, ``\overline{y}``) put as the mean of the family of its letter over the
range the row sums it: otherwise the verdict is ``unknown``, with the means named.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from symbolic.latex_in.distribution_twin import claim_families
from symbolic.verdict import Verdict

_BARRED = re.compile(r"(?:bar|overline)\{(\w)\}")


def family_means(claim) -> dict:
    """``{x̄: (1/n) Σ_i x_i}`` for each barred name of ``claim`` whose letter is a family the
    claim sums (from 1 to n).

    >>> from symbolic import objects as ob
    >>> from symbolic.latex_in.chains import Claim
    >>> i, n = sp.Symbol("i", integer=True), ob.support_size("n")
    >>> x, xbar = ob.reals("x", n), sp.Symbol("bar{x}", real=True)
    >>> claim = Claim("=", "", "", 0, lhs=sp.Sum(x[i] - xbar, (i, 1, n)), rhs=sp.Integer(0))
    >>> {str(k): str(v) for k, v in family_means(claim).items()}
    {'bar{x}': 'Sum(x[_i], (_i, 1, n))/n'}
    """
    families = {str(base.label): (base, size) for base, size in claim_families(claim)}
    out = {}
    for side in (claim.lhs, claim.rhs):
        for name in side.free_symbols:
            barred = _BARRED.fullmatch(getattr(name, "name", ""))
            if type(name) is sp.Symbol and barred and barred.group(1) in families:
                base, size = families[barred.group(1)]
                index = sp.Dummy("i", integer=True)
                out[name] = sp.Sum(base[index], (index, 1, size)) / size
    return out


def as_family_means(claim, verdict: Verdict, decide) -> Verdict:
    r"""``verdict`` on ``claim``, or ``unknown`` when the refuted claim holds once its barred
    names are the means of their families (``decide`` judges the twin claim).

    >>> from symbolic import objects as ob
    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> i, n = sp.Symbol("i", integer=True), ob.support_size("n")
    >>> x, y = ob.reals("x", n), ob.reals("y", n)
    >>> xbar, ybar = sp.Symbol("bar{x}", real=True), sp.Symbol("bar{y}", real=True)
    >>> claim = Claim("=", "", "", 0, lhs=sp.Sum(x[i] * (y[i] - ybar), (i, 1, n)),
    ...               rhs=sp.Sum((x[i] - xbar) * (y[i] - ybar), (i, 1, n)))
    >>> as_family_means(claim, decide(claim), decide).reason
    'fails as an identity, but holds when bar{x}, bar{y} are the means of their families (x̄ = (1/n) Σ_i x_i), which the text may say in words'
    >>> wrong = replace(claim, lhs=sp.Sum(x[i] * y[i], (i, 1, n)))
    >>> as_family_means(wrong, decide(wrong), decide).status
    'refuted'
    """
    if verdict.status != "refuted" or not all(isinstance(s, sp.Basic)
                                              for s in (claim.lhs, claim.rhs)):
        return verdict
    means = family_means(claim)
    if not means:
        return verdict
    twin = replace(claim, lhs=claim.lhs.xreplace(means), rhs=claim.rhs.xreplace(means))
    if not decide(twin).holds:
        return verdict
    names = ", ".join(sorted(str(m) for m in means))
    are = "are the means of their families" if len(means) > 1 else "is the mean of its family"
    return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                   reason=f"fails as an identity, but holds when {names} {are} (x̄ = (1/n) "
                          "Σ_i x_i), which the text may say in words")
