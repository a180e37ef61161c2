r"""A sum equal to one of its terms: the label of a worked example is one-hot at that term.

A worked example sets a label vector (``y = [0, 1, 0, 0]^T``, often as a matrix the reader
does not read) and then writes ``-\sum_{j=1}^{4} y_j \log \hat y_j = -y_2 \log \hat y_2``: the
sum keeps the one term where the label is 1.  Read as an identity over every label, the
relation fails.  :func:`as_one_term` decides the twin in which the family the sum runs over
is one-hot at the index the other side names (``y_j`` put as 1 at j = 2, 0 elsewhere); when
it holds, the failure is ``unknown``: the text may set the label so.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symbolic.verdict import Verdict


def _candidates(side, other) -> list:
    """(family, index) pairs: a family that ``side`` sums over its index, and a fixed number
    at which ``other`` names an entry of a family of that sum (``y_2`` or ``\\hat y_2`` beside
    ``\\sum_j y_j \\log \\hat y_j``)."""
    out = []
    for total in side.atoms(sp.Sum):
        if len(total.limits) != 1:
            continue
        index = total.limits[0][0]
        summed = sorted({e.base for e in total.function.atoms(sp.Indexed)
                         if e.indices == (index,)}, key=str)
        named = sorted({e.indices[0] for e in other.atoms(sp.Indexed) if e.base in summed
                        and len(e.indices) == 1 and e.indices[0].is_Integer})
        out += [(base, at) for at in named for base in summed if (base, at) not in out]
    return out


def as_one_term(claim, verdict: Verdict, decide) -> Verdict:
    """``verdict`` on ``claim``, or ``unknown`` when the refuted claim holds once the family
    a sum runs over is one-hot at the index the other side names (``decide`` judges the twin).

    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> import symbolic.objects as ob
    >>> j = sp.Symbol("j", integer=True)
    >>> y, p = ob.reals("y", 4), ob.positive_reals("p", 4)
    >>> claim = Claim("=", "", "", 0, lhs=-sp.Sum(y[j] * sp.log(p[j]), (j, 1, 4)),
    ...               rhs=-y[2] * sp.log(p[2]))
    >>> as_one_term(claim, decide(claim), decide).reason
    'fails as an identity, but holds when y is one-hot at 2 (the label of a worked example), which the text may set'
    >>> short = replace(claim, rhs=-sp.log(p[2]))
    >>> as_one_term(short, decide(short), decide).status
    'unknown'
    >>> wrong = replace(claim, rhs=y[2] * sp.log(p[2]))
    >>> as_one_term(wrong, decide(wrong), decide).status
    'refuted'
    """
    if verdict.status != "refuted" or not isinstance(claim.lhs, sp.Basic) or \
            not isinstance(claim.rhs, sp.Basic) or \
            any(side.has(sp.Derivative, sp.Integral) for side in (claim.lhs, claim.rhs)):
        return verdict      # ∂/∂y_j with y_j put as δ_{j2}: no derivative in a number
    pairs = _candidates(claim.lhs, claim.rhs) + _candidates(claim.rhs, claim.lhs)
    for base, at in pairs[:3]:
        def hot(side):
            return side.replace(lambda e: isinstance(e, sp.Indexed) and e.base == base,
                                lambda e: sp.KroneckerDelta(e.indices[0], at))
        twin = replace(claim, lhs=hot(claim.lhs), rhs=hot(claim.rhs))
        if decide(twin).holds:
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                           reason=f"fails as an identity, but holds when {base} is one-hot at "
                                  f"{at} (the label of a worked example), which the text may set")
    return verdict
