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
"""
from __future__ import annotations

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in import semantics as se


def one_size_per_pmf(lhs, rhs):
    """``lhs`` and ``rhs`` with the size of a pmf written over another support size (the
    bound n of a sum) set to the reader's K, when the same pmf is read over K too."""
    pmfs = [b for e in (lhs, rhs) if isinstance(e, sp.Basic) for b in e.atoms(ob.Pmf)]
    over_k = {b.label for b in pmfs if tuple(b.shape or ()) == (se.K,)}
    sizes = {b.shape[0] for b in pmfs if b.label in over_k and len(b.shape or ()) == 1
             and b.shape[0] != se.K}
    if len(sizes) != 1:
        return lhs, rhs
    written = sizes.pop()       # n, or n + 1 for a sum from 0 to n
    bound = written.free_symbols
    shift = written - sum(bound, sp.Integer(0))
    if len(bound) != 1 or not shift.is_Integer or not 0 <= shift <= 2:
        return lhs, rhs
    size = {bound.pop(): se.K - shift}
    return tuple(e.xreplace(size) if isinstance(e, sp.Basic) else e for e in (lhs, rhs))
