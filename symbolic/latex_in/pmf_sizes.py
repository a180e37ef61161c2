r"""One size for one pmf.

``H(p) = -\sum_{i=1}^n p_i \log p_i`` names one distribution p twice: ``H(p)`` reads it
over the reader's support of K outcomes, and the sum over ``i = 1 … n`` as a pmf of n
outcomes.  The text means the same p, so its support has one size: n is K (K is only the
reader's name for it), and in a sum from 0 to n, n is K - 1.  Without this the two readings
of p are sampled apart.

>>> import sympy as sp
>>> from symbolic import objects as ob
>>> from symbolic.latex_in import semantics as se
>>> n = ob.support_size("n")
>>> lhs, rhs = one_size_per_pmf(se.pmf_object("p")[1], ob.pmf("p", n)[1] + sp.log(n))
>>> rhs
log(K) + p[1]
>>> one_size_per_pmf(se.pmf_object("p")[1], ob.pmf("p", n + 1)[1] + n)[1]     # 0 to n
K + p[1] - 1

A sum from 1 to a written number over a pmf that the relation also reads over its whole
support (``H(X) = -\sum_{i=1}^{8} p(i) \log p(i)``) says how many outcomes p has:

>>> K = se.K
>>> p = se.pmf_object("p")
>>> i = sp.Symbol("i", integer=True)
>>> from symbolic.quantities import Entropy
>>> one_size_per_pmf(Entropy(p), -sp.Sum(p[i] * sp.log(p[i]), (i, 1, 8)))[0].args[0].shape
(8,)
>>> one_size_per_pmf(p[1] + p[2], sp.Sum(p[i], (i, 1, 2)))[1].args[0].base.shape   # nothing over K
(K,)
"""
from __future__ import annotations

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in import semantics as se


def one_size_per_pmf(lhs, rhs):
    """``lhs`` and ``rhs`` with the size of a pmf written over another support size (the
    bound n of a sum) set to the reader's K, when the same pmf is read over K too."""
    lhs, rhs = _counted_support(lhs, rhs)
    pmfs = [b for e in (lhs, rhs) if isinstance(e, sp.Basic) for b in e.atoms(ob.Pmf)]
    over_k = {b.label for b in pmfs if tuple(b.shape or ()) == (se.K,)}
    sizes = {b.shape[0] for b in pmfs if b.label in over_k and len(b.shape or ()) == 1
             and b.shape[0] != se.K}
    if len(sizes) != 1:
        return lhs, rhs
    written = sizes.pop()       # n, or n + 1 for a sum from 0 to n, or a number
    if written.is_Integer:      # H(p) = -\sum_{i=1}^{4} p_i \log p_i: p has 4 outcomes
        if written < 2 or not any(_over_k(e) for e in (lhs, rhs) if isinstance(e, sp.Basic)):
            return lhs, rhs
        return _put({se.K: written}, lhs, rhs)
    bound = written.free_symbols
    shift = written - sum(bound, sp.Integer(0))
    if len(bound) != 1 or not shift.is_Integer or not 0 <= shift <= 2:
        return lhs, rhs
    return _put({bound.pop(): se.K - shift}, lhs, rhs)


def one_size_per_vector(lhs, rhs):
    r"""``\text{softmax}(z)_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}``: the softmax reads z as
    scores over the reader's K outcomes, the sum as a real vector of n entries.  The text means
    one z, so n is K and the vector is those scores.

    >>> K, n = se.K, ob.support_size("n")
    >>> z, v = ob.logits("z", K), ob.RealVector("z", shape=(n,), real=True)
    >>> k = sp.Symbol("k", integer=True)
    >>> summed = one_size_per_vector(z[1], sp.Sum(sp.exp(v[k]), (k, 1, n)))[1]
    >>> summed, type(summed.function.args[0].base).__name__
    (Sum(exp(z[k]), (k, 1, K)), 'Logits')
    """
    sides = [e for e in (lhs, rhs) if isinstance(e, sp.Basic)]
    scores = {b.label for e in sides for b in e.atoms(ob.Logits) if tuple(b.shape or ()) == (se.K,)}
    vectors = {b for e in sides for b in e.atoms(ob.RealVector) if b.label in scores
               and len(b.shape or ()) == 1 and isinstance(b.shape[0], sp.Symbol)}
    sizes = {b.shape[0] for b in vectors}
    if len(sizes) != 1 or sizes == {se.K}:
        return lhs, rhs
    swap = {b: ob.logits(b.label.name, se.K) for b in vectors}
    swap[sizes.pop()] = se.K
    return _put(swap, lhs, rhs)


def _counted_support(lhs, rhs):
    """K set to N where a sum from 1 to the number N runs over the outcomes of a pmf of K
    outcomes, and the relation also reads that pmf elsewhere (a measure of it, a sum to K).
    Without the second reading nothing says the sum covers the whole support."""
    sides = [e for e in (lhs, rhs) if isinstance(e, sp.Basic)]
    counted, rest = set(), []
    for e in sides:
        for s in e.atoms(sp.Sum):
            if len(s.limits) != 1 or s.limits[0][1] != 1 or not s.limits[0][2].is_Integer:
                continue
            index, _, count = s.limits[0]
            over = {ix.base for ix in s.function.atoms(sp.Indexed)
                    if ix.indices == (index,) and isinstance(ix.base, ob.Pmf)
                    and tuple(ix.base.shape or ()) == (se.K,)}
            if over and int(count) >= 2:
                counted.add(int(count))
        rest.append(e.replace(lambda x: isinstance(x, sp.Sum) and x.limits[0][2].is_Integer,
                              lambda x: sp.Integer(0)))
    if len(counted) != 1 or not any(_over_k(e) for e in rest):
        return lhs, rhs
    return _put({se.K: sp.Integer(counted.pop())}, lhs, rhs)


def _over_k(e) -> bool:
    """Whether ``e`` reads a pmf over its whole support: a sum up to K, or the pmf itself
    (not one entry ``p[1]``) as the argument of a measure."""
    for x in sp.preorder_traversal(e):
        if isinstance(x, sp.Sum) and se.K in x.limits[-1][2].free_symbols:
            return True
        if not isinstance(x, sp.Indexed) and any(
                isinstance(a, ob.Pmf) and tuple(a.shape or ()) == (se.K,) for a in x.args):
            return True
    return False


def _put(replacements: dict, lhs, rhs):
    """Both sides with ``replacements`` made (a side that is not an expression left as it is)."""
    return tuple(e.xreplace(replacements) if isinstance(e, sp.Basic) else e for e in (lhs, rhs))
