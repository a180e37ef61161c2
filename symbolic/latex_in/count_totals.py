r"""A refuted row that holds once a total is the sum of the counts it totals.

Counting arguments name counts ``n_1, …, n_m`` and their total ``N`` ("out of a total
group of N items", ``\frac{N!}{n_1! \cdots n_m!}``) and then use ``N = \sum_i n_i``
without writing it: ``N \log N - N - \sum_i (n_i \log n_i - n_i) = \sum_i (n_i \log N - n_i)
- …`` holds only so.  The reader takes N for a free name, and the row fails.  A refutation
stands only when the row also fails with N put as the sum of the family of its own letter
(``n_i`` or ``N_i`` for ``N``) over the range the row sums it, the counts drawn positive:
otherwise the verdict is ``unknown``, with the total named.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in.distribution_twin import claim_families
from symbolic.verdict import Verdict


def count_totals(claim) -> list:
    """``(N, Σ_i n_i)`` for each free name N of ``claim`` that shares its letter with a
    family ``n`` the claim sums (over ``i`` from 1 to the sum's bound), N not that bound.

    >>> from symbolic.latex_in.chains import Claim
    >>> i, m = sp.Symbol("i", integer=True), ob.support_size("m")
    >>> n, N = ob.reals("n", m), sp.Symbol("N", real=True)
    >>> claim = Claim("=", "", "", 0, lhs=N * sp.log(N), rhs=sp.Sum(n[i] * sp.log(N), (i, 1, m)))
    >>> [(str(name), str(total)) for name, total in count_totals(claim)]
    [('N', 'Sum(n[_i], (_i, 1, m))')]
    """
    names, labels = set(), set()
    for side in (claim.lhs, claim.rhs):
        names |= {s for s in side.free_symbols
                  if type(s) is sp.Symbol and s.is_real is not False}
        labels |= {b.label for b in side.atoms(sp.IndexedBase)}
    names -= labels
    out = []
    for base, size in claim_families(claim):
        letter = str(base.label)
        for name in sorted(names, key=str):
            if name.name.lower() == letter.lower() and name != size and \
                    name not in getattr(size, "free_symbols", ()):
                index = sp.Dummy("i", integer=True)
                out.append((name, sp.Sum(base[index], (index, 1, size))))
    return out


def _counted(claim, name, total):
    """``claim`` with ``name`` put as ``total``, the family it sums drawn positive."""
    base, size = total.function.base, total.limits[0][2]
    counts = ob.positive_reals(str(base.label), size)
    put = {e: counts[e.indices] for side in (claim.lhs, claim.rhs)
           for e in side.atoms(sp.Indexed) if e.base == base}
    put[name] = total.xreplace({base: counts})
    return replace(claim, lhs=claim.lhs.xreplace(put), rhs=claim.rhs.xreplace(put))


def as_count_total(claim, verdict: Verdict, decide) -> Verdict:
    r"""``verdict`` on ``claim``, or ``unknown`` when the refuted claim holds once a name is
    the total of the counts of its letter (``decide`` judges the twin claim).

    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> i, m = sp.Symbol("i", integer=True), ob.support_size("m")
    >>> n, N = ob.reals("n", m), sp.Symbol("N", real=True)
    >>> claim = Claim("=", "", "", 0, lhs=N * sp.log(N) - N,
    ...               rhs=sp.Sum(n[i] * sp.log(N) - n[i], (i, 1, m)))
    >>> as_count_total(claim, decide(claim), decide).reason
    'fails as an identity, but holds when N = \\sum_i n_i (the total of the counts), which the text may say in words'
    >>> wrong = Claim("=", "", "", 0, lhs=N * sp.log(N), rhs=sp.Sum(n[i] * sp.log(n[i]), (i, 1, m)))
    >>> as_count_total(wrong, decide(wrong), decide).status
    'refuted'
    """
    if verdict.status != "refuted" or not isinstance(claim.lhs, sp.Basic) or \
            not isinstance(claim.rhs, sp.Basic):
        return verdict
    for name, total in count_totals(claim)[:2]:
        if decide(_counted(claim, name, total)).holds:
            family = total.function.base.label
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                           reason=f"fails as an identity, but holds when {name} = \\sum_i "
                                  f"{family}_i (the total of the counts), which the text may "
                                  "say in words")
    return verdict
