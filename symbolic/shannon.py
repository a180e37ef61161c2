"""Shannon's measures of several random variables, as sums of entropies of marginals.

Every entropy, conditional entropy and (conditional) mutual information of random
variables X_1, …, X_n is a sum of the joint entropies of subsets of them:

* H(A | B) = H(A ∪ B) − H(B);
* I(A; B | C) = H(A ∪ C) + H(B ∪ C) − H(A ∪ B ∪ C) − H(C).

:class:`MarginalEntropy` is one such H(S): the entropy of the marginal of one joint pmf
P[x_1, …, x_n] on the variables S.  Two relations between Shannon measures that are the same
sum of these are one identity (they cancel term by term); a relation that is a different sum
fails for some joint pmf (entropy vectors of n variables span all 2^n − 1 coordinates), and
the sampler finds one.

>>> from symbolic.objects import joint_pmf, support_size
>>> K = support_size("K")
>>> P = joint_pmf("P_XYZ", K, K, K)
>>> mutual_information(P, {0}, {1, 2}) == mutual_information(P, {0}, {2}) + \\
...     mutual_information(P, {0}, {1}, given={2})
True
>>> conditional_entropy(P, {0, 1}, {2}) == conditional_entropy(P, {0}, {2}) + \\
...     conditional_entropy(P, {1}, {0, 2})
True
"""
from __future__ import annotations

import sympy as sp

from symbolic.bound_indices import bound_index as _bound_index
from symbolic.bound_indices import support_of as _size
from symbolic.quantities import Quantity, _NONNEGATIVE


class MarginalEntropy(Quantity):
    """H(X_S) = −Σ p_S log p_S, with p_S the marginal of the joint pmf (first argument) on the
    variables at the positions S (a Tuple of Integers, counted from 0).

    >>> from symbolic.objects import joint_pmf
    >>> MarginalEntropy(joint_pmf("P", 2, 2, 2), sp.Tuple(0, 2)).doit().has(sp.log)
    True
    """

    nargs = 2
    value_range = _NONNEGATIVE

    def definition(self):
        joint, kept = self.args
        taken, indices, summed, outer = set(self.free_symbols), [], [], []
        for axis in range(len(joint.shape)):
            size = _size(joint, axis)
            i = _bound_index(size, taken, "xyzw"[axis] if axis < 4 else None)
            taken.add(i)
            indices.append(i)
            (outer if axis in kept else summed).append((i, 1, size))
        entry = joint[tuple(indices)]
        marginal = sp.Sum(entry, *summed) if summed else entry
        return -sp.Sum(marginal * sp.log(marginal), *outer)


def entropy(joint, variables) -> sp.Expr:
    """H of the variables at the positions ``variables`` (0 when there are none).

    >>> from symbolic.objects import joint_pmf
    >>> entropy(joint_pmf("P", 2, 2), {1}), entropy(joint_pmf("P", 2, 2), set())
    (MarginalEntropy(P, (1,)), 0)
    """
    kept = sorted(set(variables))
    return MarginalEntropy(joint, sp.Tuple(*kept)) if kept else sp.Integer(0)


def conditional_entropy(joint, target, given=()) -> sp.Expr:
    """H(A | B) = H(A ∪ B) − H(B).

    >>> from symbolic.objects import joint_pmf
    >>> P = joint_pmf("P", 2, 2)
    >>> conditional_entropy(P, {0}, {1}) == entropy(P, {0, 1}) - entropy(P, {1})
    True
    """
    return entropy(joint, set(target) | set(given)) - entropy(joint, given)


def mutual_information(joint, first, second, given=()) -> sp.Expr:
    """I(A; B | C) = H(A ∪ C) + H(B ∪ C) − H(A ∪ B ∪ C) − H(C).

    >>> from symbolic.objects import joint_pmf
    >>> P = joint_pmf("P", 2, 2)
    >>> mutual_information(P, {0}, {1}) == entropy(P, {0}) + entropy(P, {1}) - entropy(P, {0, 1})
    True
    """
    a, b, c = set(first), set(second), set(given)
    return entropy(joint, a | c) + entropy(joint, b | c) - entropy(joint, a | b | c) - \
        entropy(joint, c)
