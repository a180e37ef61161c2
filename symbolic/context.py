"""What is in play in a derivation and how to draw it at random.

A :class:`Context` says which values the free symbols of a derivation may
take: the kinded objects (pmfs, logits, …, see :mod:`symbolic.objects`) carry
their kind with them; scalars get a domain (a SymPy set) from the context, or
one inferred from their assumptions; support sizes run over a range.
:func:`draw` turns that into seeded random samples, grouped by support size.

>>> import numpy as np
>>> from symbolic.objects import pmf, support_size
>>> K = support_size("K")
>>> p = pmf("p", K)
>>> groups = draw(Context(), [p[1]], np.random.default_rng(0), 70)
>>> [g.sizes[K] for g in groups]
[2, 3, 4, 5, 6, 7, 8]
>>> bool(np.allclose(groups[0].values[p.label].sum(axis=1), 1))
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import sympy as sp

from symbolic.objects import (BinaryLabels, DataSet, JointPmf, Logits, OneHot, ParameterTables,
                              Pmf, PositiveVector, Probabilities, RealVector, object_bases)
from symbolic.quantities import LogSoftmax, Softmax

SIZE_RANGE = (2, 8)
#: The largest supports of x and y in a data set drawn without a model's tables.
DATA_SUPPORTS = (3, 4)


class Unsampleable(ValueError):
    """A symbol's domain cannot be sampled (unknown kind of set)."""


@dataclass(frozen=True)
class Context:
    """Domains of the scalars, the range of support sizes, one-hot classes.

    ``domains`` maps a scalar symbol to a SymPy set (``Interval.open(0, 1)``,
    ``S.Reals``, ``Range(1, K + 1)``, ``FiniteSet(0, 1)``).  ``class_of`` maps
    a one-hot vector to the integer symbol naming its hot entry.  ``convex`` names
    the undefined functions that stand for any convex function (:mod:`symbolic.convex`).
    ``markov`` maps a joint pmf's label to the order of its axes along a Markov chain
    (``(0, 1, 2)``: X → Y → Z), drawn then as p(x) p(y|x) p(z|y) (:func:`markov_joint`).
    """

    domains: Mapping[sp.Symbol, sp.Set] = field(default_factory=dict)
    class_of: Mapping[sp.IndexedBase, sp.Symbol] = field(default_factory=dict)
    size_range: tuple[int, int] = SIZE_RANGE
    convex: frozenset = frozenset()
    markov: Mapping[sp.Symbol, tuple[int, ...]] = field(default_factory=dict)

    def domain_of(self, symbol: sp.Symbol, sizes_of_index: Mapping = None) -> sp.Set:
        """The set ``symbol`` ranges over: declared, else from its assumptions.

        >>> x = sp.Symbol("x", positive=True)
        >>> Context().domain_of(x)
        Interval.open(0, oo)
        """
        if symbol in self.domains:
            return self.domains[symbol]
        if sizes_of_index and symbol in sizes_of_index:
            return sp.Range(1, sizes_of_index[symbol] + 1)
        if symbol.is_integer:       # a size or a count written alone: K \le \log K
            return sp.Range(1 if symbol.is_positive else 0 if symbol.is_nonnegative else -sp.oo,
                            sp.oo)
        if symbol.is_positive:
            return sp.Interval.open(0, sp.oo)
        if symbol.is_nonnegative:
            return sp.Interval(0, sp.oo)
        return sp.S.Reals


@dataclass
class SampleGroup:
    """Samples that share one choice of support sizes.

    ``values`` maps an object's label symbol (for kinded objects) or a scalar
    symbol to an array whose first axis runs over the ``count`` samples;
    ``simplex`` names the pmfs among them, whose rows sum to 1 (to float64
    accuracy; the precise re-check renormalises them exactly).
    """

    sizes: dict
    values: dict
    count: int
    simplex: frozenset = frozenset()

    def row(self, i: int) -> dict:
        """The values of sample ``i`` alone (for a high-precision re-check)."""
        return {k: v[i] for k, v in self.values.items()}


def free_parts(exprs, context: Context):
    """Split the free symbols of ``exprs`` into objects, sizes, index-like and scalars."""
    bases, free = set(), set()
    for e in exprs:
        bases |= object_bases(e)
        free |= {s for s in e.free_symbols if isinstance(s, sp.Symbol)}
        for d in e.atoms(sp.Derivative):   # d/dz_j: the index j is free too
            for v in d.variables:
                free |= {s for s in v.free_symbols if isinstance(s, sp.Symbol)}
    # a size, or a size in a bound or shape (n + 1 outcomes of \sum_{i=0}^{n})
    sizes = {x for b in bases for s in b.shape for x in sp.sympify(s).free_symbols
             if isinstance(x, sp.Symbol) and x.is_integer}
    for s in free & set(context.domains):   # δ_{ij} alone: i, j in 1..K, and K is a size
        sizes |= {x for x in context.domains[s].free_symbols if x.is_integer}
    labels = {b.label for b in bases}
    for e in exprs:
        for s in e.atoms(sp.Sum, sp.Product):
            for _, lo, hi in s.limits:
                sizes |= {x for b in (lo, hi) for x in sp.sympify(b).free_symbols
                          if isinstance(x, sp.Symbol) and x.is_integer}
    index_of = {}
    for e in exprs:
        for ix in e.atoms(sp.Indexed):
            for axis, i in enumerate(ix.indices):
                if isinstance(i, sp.Symbol) and i in free and ix.base.shape is not None:
                    index_of.setdefault(i, ix.base.shape[axis])
    for e in exprs:   # the component index of softmax(z)_i ranges over z's support
        for f in e.atoms(Softmax, LogSoftmax):
            i = f.args[1]
            if isinstance(i, sp.Symbol) and i in free and f.args[0].shape is not None:
                index_of.setdefault(i, f.args[0].shape[0])
    for onehot, cls in context.class_of.items():
        if cls in free:
            index_of[cls] = onehot.shape[0]
    sizes -= set(context.domains)
    scalars = free - sizes - labels - bases
    return bases, sizes, index_of, scalars


def _least_sizes(exprs) -> dict:
    """The least value of each size that the entries written with a number need: p[3]
    of a pmf p of K outcomes needs K ≥ 3.

    >>> K = sp.Symbol("K", integer=True, positive=True)
    >>> _least_sizes([sp.IndexedBase("p", shape=(K,))[3]])
    {K: 3}
    """
    least = {}
    for e in exprs:
        for ix in e.atoms(sp.Indexed):
            shape = ix.base.shape or ()
            for i, size in zip(ix.indices, shape):
                if i.is_Integer and isinstance(size, sp.Symbol):
                    least[size] = max(least.get(size, 0), int(i))
    return least


def draw(context: Context, exprs, rng: np.random.Generator, n: int,
         extra_domains: Mapping | None = None) -> list[SampleGroup]:
    """Draw ``n`` samples of every free object of ``exprs``, grouped by sizes.

    How many samples a check draws is set in one place, ``CheckOptions.samples``.
    """
    bases, sizes, index_of, scalars = free_parts(exprs, context)
    domains = dict(context.domains)
    domains.update(extra_domains or {})
    ctx = Context(domains, context.class_of, context.size_range, context.convex, context.markov)
    lo, hi = context.size_range
    span = hi - lo + 1
    ordered_sizes = sorted(sizes, key=lambda s: s.name)
    n_groups = span if ordered_sizes else 1
    per_group = -(-n // n_groups)
    groups = []
    least = _least_sizes(exprs)   # p(x_3) written out: the support has 3 outcomes at least
    for g in range(n_groups):
        size_values = {s: max(least.get(s, 0), lo + (g + 3 * j) % span)
                       for j, s in enumerate(ordered_sizes)}
        values = {}
        index_sizes = {i: int(sp.sympify(v).subs(size_values)) for i, v in index_of.items()}
        for sym in sorted(scalars, key=lambda s: s.name):
            dom = ctx.domain_of(sym, index_sizes)
            values[sym] = sample_set(dom, rng, per_group, size_values)
        supports = None   # a data set is drawn on the supports of the model's tables
        for base in sorted(bases, key=lambda b: (isinstance(b, DataSet), str(b.label))):
            shape = tuple(int(sp.sympify(s).subs(size_values)) for s in base.shape)
            cls = context.class_of.get(base)
            hot = values.get(cls) if cls is not None else supports
            values[base.label] = sample_object(type(base), shape, rng, per_group,
                                               zeros=not base.label.is_positive, hot=hot) \
                if base.label not in context.markov else \
                markov_joint(rng, per_group, shape, context.markov[base.label],
                             zeros=not base.label.is_positive)
            if isinstance(base, ParameterTables) and supports is None:
                supports = table_supports(values[base.label])
        simplex = frozenset(b.label for b in bases if isinstance(b, (Pmf, JointPmf, OneHot)))
        groups.append(SampleGroup(size_values, values, per_group, simplex))
    return groups


def _dirichlet_rows(rng, n, k, zeros):
    alphas = rng.choice([0.05, 0.3, 1.0, 3.0, 30.0], size=n)
    rows = rng.gamma(alphas[:, None], size=(n, k))
    if not zeros:
        rows = np.maximum(rows, 1e-12 * rows.max(axis=1, keepdims=True) + 1e-300)
    sums = rows.sum(axis=1, keepdims=True)
    rows = np.where(sums > 0, rows / np.where(sums > 0, sums, 1), 1.0 / k)
    rows[0] = 1.0 / k                                   # uniform
    if n > 1:
        rows[1] = 1e-6 / max(k - 1, 1)                  # near-degenerate
        rows[1, 0] = 1 - 1e-6
    if zeros and n > 3:
        rows[2] = 0.0
        rows[2, rng.integers(k)] = 1.0                  # one-hot
        mask = rng.random(k) < 0.5
        mask[rng.integers(k)] = True
        rows[3] = mask / mask.sum()                     # uniform on a subset
    return rows


def markov_joint(rng, n, shape, order, zeros=False) -> np.ndarray:
    """``n`` samples of a joint pmf of ``shape`` whose axes, taken in ``order``, form a Markov
    chain: the first axis's pmf times, for each next axis, a table of its pmf given the one
    before (rows drawn as a pmf's, near-degenerate and one-hot ones among them).

    >>> j = markov_joint(np.random.default_rng(0), 6, (2, 3, 2), (0, 1, 2))
    >>> bool(np.allclose(j.sum(axis=(1, 2, 3)), 1))
    True
    >>> p_xy, p_yz, p_y = j.sum(axis=3), j.sum(axis=1), j.sum(axis=(1, 3))   # p(x,y,z) p(y) =
    >>> bool(np.allclose(j * p_y[:, None, :, None], p_xy[:, :, :, None] * p_yz[:, None, :, :]))
    True

    (p(x, y) p(y, z): X and Z independent given Y.)
    """
    sizes = [shape[a] for a in order]
    joint = _dirichlet_rows(rng, n, sizes[0], zeros)
    for before, size in zip(sizes, sizes[1:]):
        table = np.stack([_dirichlet_rows(rng, n, size, zeros) for _ in range(before)], axis=1)
        joint = joint[..., None] * table.reshape((n,) + (1,) * (joint.ndim - 2) + (before, size))
    return np.moveaxis(joint, list(range(1, len(order) + 1)), [a + 1 for a in order])


def _tables(rng, n, shape):
    """``n`` samples of θ-indexed conditional pmf tables of ``shape`` (θ, rows, columns).

    Each sample has its own supports: 1.. rows contexts x and 2.. columns outcomes y
    (the rest of the table is 0); each row is Dirichlet of a concentration per θ.
    """
    thetas, kx_max, ky_max = shape
    kx = rng.integers(1, kx_max + 1, size=n)
    ky = rng.integers(min(2, ky_max), ky_max + 1, size=n)
    alphas = rng.choice([0.3, 1.0, 3.0, 30.0], size=(n, thetas, 1, 1))
    rows = np.maximum(rng.gamma(np.broadcast_to(alphas, (n,) + tuple(shape))), 1e-12)
    mask = ((np.arange(kx_max)[None, :] < kx[:, None])[:, None, :, None]
            & (np.arange(ky_max)[None, :] < ky[:, None])[:, None, None, :])
    rows = np.where(mask, rows, 0.0)
    sums = rows.sum(axis=3, keepdims=True)
    return np.where(sums > 0, rows / np.where(sums > 0, sums, 1.0), 0.0)


def table_supports(tables: np.ndarray) -> np.ndarray:
    """The (rows, columns) in use in each sample of θ-indexed tables, shape ``(n, 2)``.

    >>> t = sample_object(ParameterTables, (2, 3, 4), np.random.default_rng(0), 5)
    >>> s = table_supports(t)
    >>> bool(np.allclose(t[:, :, :1, :].sum(axis=3), 1)), bool((s[:, 1] >= 2).all())
    (True, True)
    """
    first = tables[:, 0]
    return np.stack([(first.sum(axis=2) > 0).sum(axis=1), (first[:, 0] > 0).sum(axis=1)], axis=1)


def _data_sets(rng, n, size, supports=None):
    """``n`` data sets of ``size`` points (x, y), 1-based, on ``supports`` (rows, columns)."""
    if supports is None:
        supports = np.stack([rng.integers(1, DATA_SUPPORTS[0] + 1, size=n),
                             rng.integers(2, DATA_SUPPORTS[1] + 1, size=n)], axis=1)
    xs = np.floor(rng.random((n, size)) * supports[:, :1]) + 1
    ys = np.floor(rng.random((n, size)) * supports[:, 1:]) + 1
    xs[0] = 1                                           # one context: a marginal
    return np.stack([xs, ys], axis=2)


def sample_object(kind, shape, rng, n, zeros=False, hot=None):
    """Samples of one kinded object: an array of shape ``(n, *shape)``.

    ``hot`` is the hot class of each sample of a one-hot vector, or the supports
    (rows, columns) of each sample of a data set (its model's tables').
    """
    if kind is ParameterTables:
        return _tables(rng, n, shape)
    if kind is DataSet:
        return _data_sets(rng, n, shape[0], hot)
    if kind is Pmf:
        return _dirichlet_rows(rng, n, shape[0], zeros)
    if kind is JointPmf:
        flat = _dirichlet_rows(rng, n, int(np.prod(shape)), zeros)
        return flat.reshape(n, *shape)
    if kind is Logits:
        scales = rng.choice([1.0, 1.0, 10.0, 100.0, 1000.0], size=n)
        z = rng.standard_normal((n,) + shape) * scales[:, None]
        z[0] = 0.0
        if n > 1:
            z[1] = 0.0
            z[1, 0] = 60.0                               # one dominant logit
        return z
    if kind is OneHot:
        hot = rng.integers(1, shape[0] + 1, size=n) if hot is None else np.asarray(hot)
        out = np.zeros((n,) + shape)
        out[np.arange(n), hot.astype(int) - 1] = 1.0
        return out
    if kind is Probabilities:
        return 1 / (1 + np.exp(-rng.standard_normal((n,) + shape) *
                               rng.choice([0.5, 2.0, 8.0], size=n)[:, None]))
    if kind is BinaryLabels:
        return rng.integers(0, 2, size=(n,) + shape).astype(float)
    if kind is RealVector:     # a vector, or a matrix W[i, k]: one scale per sample
        scales = rng.choice([1.0, 10.0], size=n).reshape((n,) + (1,) * len(shape))
        return rng.standard_normal((n,) + shape) * scales
    if kind is PositiveVector:   # log-normal over many orders of magnitude, both sides of 1
        return np.exp(rng.standard_normal((n,) + shape) *
                      rng.choice([0.5, 2.0, 8.0], size=n)[:, None])
    raise Unsampleable(f"no sampler for objects of kind {kind.__name__}")


def sample_set(domain: sp.Set, rng, n: int, sizes: Mapping | None = None) -> np.ndarray:
    """Samples from a SymPy set: intervals (finite or not), ranges, finite sets.

    >>> x = sample_set(sp.Interval.open(0, 1), np.random.default_rng(1), 500)
    >>> bool((x > 0).all() and (x < 1).all())
    True
    >>> k = sample_set(sp.Range(1, sp.oo), np.random.default_rng(1), 500)
    >>> bool((k >= 1).all() and (k == np.floor(k)).all() and (k <= 3).mean() > 0.3)
    True
    """
    sizes = sizes or {}
    domain = domain.subs(sizes) if domain.free_symbols else domain
    if domain == sp.S.Reals:
        scales = rng.choice([1.0, 1.0, 3.0, 10.0, 100.0, 1000.0], size=n)
        return rng.standard_normal(n) * scales
    if isinstance(domain, sp.Interval):
        a, b = float(domain.start), float(domain.end)
        if np.isinf(a) and np.isinf(b):
            return sample_set(sp.S.Reals, rng, n)
        if np.isinf(b):
            off = np.exp(rng.standard_normal(n) * 3)
            out = a + off
            if not domain.left_open:
                out[: max(1, n // 50)] = a
            return out
        if np.isinf(a):
            return -sample_set(sp.Interval(-b, sp.oo, domain.right_open, domain.left_open),
                               rng, n)
        width = b - a
        u = rng.random(n)
        near = 10.0 ** -rng.uniform(1, 8, size=n)
        choice = rng.random(n)
        out = np.where(choice < 0.7, a + width * u,
                       np.where(choice < 0.85, a + width * near, b - width * near))
        out = np.clip(out, np.nextafter(a, b), np.nextafter(b, a))
        if not domain.left_open:
            out[0] = a
        if not domain.right_open and n > 1:
            out[1] = b
        return out
    if isinstance(domain, sp.Range) and domain.sup == sp.oo:   # the small integers most often
        steps = np.floor(np.expm1(np.abs(rng.standard_normal(n)) * 2.5))
        if domain.inf == -sp.oo:
            return steps * rng.choice([-1.0, 1.0], size=n)
        out = float(domain.inf) + steps
        out[0] = float(domain.inf)
        return out
    if isinstance(domain, sp.Range):
        lo, hi = int(domain.inf), int(domain.sup)
        return rng.integers(lo, hi + 1, size=n).astype(float)
    if isinstance(domain, sp.FiniteSet):
        return rng.choice(np.array([float(v) for v in domain]), size=n)
    raise Unsampleable(f"cannot sample from the set {domain}")
