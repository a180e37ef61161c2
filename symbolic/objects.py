"""The objects a derivation talks about: pmfs, joint pmfs, logits, label families.

Each kind is an ``IndexedBase`` subclass, so the kind travels with the object
through every SymPy operation (``subs``, ``xreplace``, ``doit``) and the
sampler in :mod:`symbolic.context` knows how to draw it.  Indices are 1-based:
``p[1]`` … ``p[K]``.

>>> K = support_size("K")
>>> p = pmf("p", K)
>>> p[1].is_positive, p.shape
(True, (K,))
"""
from __future__ import annotations

import sympy as sp


class Pmf(sp.IndexedBase):
    """A probability mass function over the support ``1..shape[0]``."""


class JointPmf(sp.IndexedBase):
    """A joint pmf of two random variables, indexed ``[x, y]``."""


class Logits(sp.IndexedBase):
    """A vector of unbounded real scores (pre-softmax activations)."""


class OneHot(sp.IndexedBase):
    """A one-hot label vector: one entry is 1, the others 0."""


class Probabilities(sp.IndexedBase):
    """A family of independent probabilities in (0, 1), e.g. predictions ŷ_i."""


class BinaryLabels(sp.IndexedBase):
    """A family of labels in {0, 1}, e.g. targets y_i of a binary classifier."""


class RealVector(sp.IndexedBase):
    """A family of unconstrained reals (features, parameters)."""


OBJECT_KINDS = (Pmf, JointPmf, Logits, OneHot, Probabilities, BinaryLabels, RealVector)


def support_size(name: str) -> sp.Symbol:
    """A positive integer symbol for a support or data-set size.

    >>> support_size("K").is_integer
    True
    """
    return sp.Symbol(name, integer=True, positive=True)


def index(name: str) -> sp.Symbol:
    """An integer summation index.

    >>> index("k").is_integer
    True
    """
    return sp.Symbol(name, integer=True)


def _shape(size) -> tuple:
    return tuple(size) if isinstance(size, (tuple, list)) else (size,)


def pmf(name: str, size, zeros: bool = False) -> Pmf:
    """A pmf over ``size`` outcomes; ``zeros=True`` allows zero entries.

    >>> pmf("q", 3)[2]
    q[2]
    """
    assumption = {"nonnegative": True} if zeros else {"positive": True}
    return Pmf(name, shape=_shape(size), real=True, **assumption)


def joint_pmf(name: str, size_x, size_y, zeros: bool = False) -> JointPmf:
    """A joint pmf indexed ``[x, y]`` over ``size_x × size_y`` outcomes.

    >>> joint_pmf("P", 2, 3).shape
    (2, 3)
    """
    assumption = {"nonnegative": True} if zeros else {"positive": True}
    return JointPmf(name, shape=(size_x, size_y), real=True, **assumption)


def logits(name: str, size) -> Logits:
    """A real score vector of length ``size``.

    >>> logits("z", 4)[1].is_real
    True
    """
    return Logits(name, shape=_shape(size), real=True)


def one_hot(name: str, size) -> OneHot:
    """A one-hot label vector of length ``size``.

    >>> one_hot("y", 3)[1].is_nonnegative
    True
    """
    return OneHot(name, shape=_shape(size), nonnegative=True, integer=True)


def probabilities(name: str, size) -> Probabilities:
    """A family of probabilities strictly between 0 and 1.

    >>> probabilities("yhat", 5)[1].is_positive
    True
    """
    return Probabilities(name, shape=_shape(size), positive=True)


def binary_labels(name: str, size) -> BinaryLabels:
    """A family of labels in {0, 1}.

    >>> binary_labels("y", 5)[1].is_integer
    True
    """
    return BinaryLabels(name, shape=_shape(size), nonnegative=True, integer=True)


def reals(name: str, size) -> "RealVector":
    """A family of unconstrained reals.

    >>> reals("x", 3)[1].is_real
    True
    """
    return RealVector(name, shape=_shape(size), real=True)


def object_bases(expr: sp.Basic) -> set:
    """Every kinded ``IndexedBase`` in ``expr`` (pmfs, logits, label families).

    >>> p = pmf("p", 3)
    >>> sorted(b.name for b in object_bases(p[1] + 1))
    ['p']
    """
    return {b for b in expr.atoms(sp.IndexedBase) if isinstance(b, OBJECT_KINDS)}
