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

from dataclasses import dataclass

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


class PositiveVector(sp.IndexedBase):
    """A family of positive reals, unbounded above (density values, weights)."""


class DataSet(sp.IndexedBase):
    """A data set of ``shape[0]`` points (x_i, y_i): ``D[i, 1]`` = x_i, ``D[i, 2]`` = y_i.

    The outcomes are 1-based indices into the supports of x and y, which the sampler
    draws per data set (at most ``ParameterTables`` rows and columns).
    """


class ParameterTables(sp.IndexedBase):
    """A model with parameters θ, as one conditional pmf table per value of θ:
    ``T[t, x, y]`` = p(y | x; θ_t), each row a pmf over the outcomes of y.

    Its dependence on θ is arbitrary: each sampled θ is a table of its own.
    """


OBJECT_KINDS = (Pmf, JointPmf, Logits, OneHot, Probabilities, BinaryLabels, RealVector,
                PositiveVector, DataSet, ParameterTables)


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


def joint_pmf(name: str, size_x, size_y, *more_sizes, zeros: bool = False) -> JointPmf:
    """A joint pmf indexed ``[x, y]`` over ``size_x × size_y`` outcomes (``[x, y, z]`` with a
    third size, and so on).

    >>> joint_pmf("P", 2, 3).shape, joint_pmf("P", 2, 2, 2).shape
    ((2, 3), (2, 2, 2))
    """
    assumption = {"nonnegative": True} if zeros else {"positive": True}
    return JointPmf(name, shape=(size_x, size_y, *more_sizes), real=True, **assumption)


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


def positive_reals(name: str, size) -> PositiveVector:
    """A family of positive reals (values of a density, weights of a Riemann sum).

    >>> positive_reals("w", 3)[1].is_positive
    True
    """
    return PositiveVector(name, shape=_shape(size), positive=True)


def data_set(name: str, size) -> DataSet:
    """A data set of ``size`` points (x_i, y_i) of finite supports.

    >>> D = data_set("D", support_size("N"))
    >>> D[1, 2].is_integer, D.shape[1]
    (True, 2)
    """
    return DataSet(name, shape=(size, 2), positive=True, integer=True)


def parameter_tables(name: str, thetas: int, rows: int, columns: int) -> ParameterTables:
    """A model's conditional pmf tables, one for each of ``thetas`` parameter values.

    >>> T = parameter_tables("p_model", 8, 3, 4)
    >>> T.shape, T[1, 1, 1].is_positive
    ((8, 3, 4), True)
    """
    return ParameterTables(name, shape=(thetas, rows, columns), positive=True, real=True)


@dataclass(frozen=True)
class Support:
    """The outcomes ``1..size`` of a random variable, with the index that runs over them.

    A derivation names its support once and then sums over it and puts its
    objects on it, so that it reads like the math: ``outcomes.sum(p[k] * q[k])``
    is the Sum over ``k`` from 1 to ``K``.

    >>> outcomes = Support.named("K", "k")
    >>> K, k = outcomes.size, outcomes.index
    >>> p = outcomes.pmf("p")
    >>> outcomes.sum(p[k] * sp.log(p[k]))
    Sum(log(p[k])*p[k], (k, 1, K))
    >>> outcomes.sum(p[k]) == sp.Sum(p[k], (k, 1, K)), p == pmf("p", K)
    (True, True)
    """

    size: sp.Expr
    index: sp.Symbol

    @classmethod
    def named(cls, size: str, index_name: str) -> Support:
        """A support of symbolic size ``size``, summed over the index ``index_name``."""
        return cls(support_size(size), index(index_name))

    @property
    def limits(self) -> tuple:
        """``(index, 1, size)``, the limits of a Sum or Product over the support."""
        return (self.index, 1, self.size)

    def reindexed(self, index_name: str) -> Support:
        """The same outcomes, run over by another index (an inner sum, a second class).

        >>> Support.named("N", "y").reindexed("j").sum(1)
        Sum(1, (j, 1, N))
        """
        return Support(self.size, index(index_name))

    def sum(self, body, *outer: Support) -> sp.Sum:
        """The Sum of ``body`` over the support, then over each of ``outer`` in turn.

        >>> X, Y = Support.named("M", "x"), Support.named("N", "y")
        >>> X.sum(X.index * Y.index, Y)
        Sum(x*y, (x, 1, M), (y, 1, N))
        """
        return sp.Sum(body, self.limits, *(s.limits for s in outer))

    def product(self, body) -> sp.Product:
        """The Product of ``body`` over the support (a likelihood of independent data)."""
        return sp.Product(body, self.limits)

    def pmf(self, name: str, zeros: bool = False) -> Pmf:
        """A pmf on the support; ``zeros=True`` allows zero entries."""
        return pmf(name, self.size, zeros=zeros)

    def logits(self, name: str) -> Logits:
        """A real score for each outcome."""
        return logits(name, self.size)

    def one_hot(self, name: str) -> OneHot:
        """A one-hot label over the outcomes."""
        return one_hot(name, self.size)

    def probabilities(self, name: str) -> Probabilities:
        """A probability in (0, 1) for each outcome (or data point)."""
        return probabilities(name, self.size)

    def binary_labels(self, name: str) -> BinaryLabels:
        """A label in {0, 1} for each data point."""
        return binary_labels(name, self.size)

    def reals(self, name: str) -> RealVector:
        """An unconstrained real for each outcome."""
        return reals(name, self.size)


def object_bases(expr: sp.Basic) -> set:
    """Every kinded ``IndexedBase`` in ``expr`` (pmfs, logits, label families).

    >>> p = pmf("p", 3)
    >>> sorted(b.name for b in object_bases(p[1] + 1))
    ['p']
    """
    return {b for b in expr.atoms(sp.IndexedBase) if isinstance(b, OBJECT_KINDS)}
