"""Hypothesis strategies for the inputs of information measures and losses: pmfs (with
zeros and near-degenerate rows), joint pmfs, logits (huge and dominant ones), class labels
and binary targets. :mod:`symbolic.testing`, the pytest plugin, exports them.

Hypothesis is imported on first use, so importing this module costs nothing.

>>> from hypothesis import given, settings
>>> @settings(max_examples=20)
... @given(distributions(3))
... def sums_to_one(p):
...     assert abs(p.sum() - 1) < 1e-12
>>> sums_to_one()
"""
from __future__ import annotations


def _strategies():
    try:
        import hypothesis.strategies as st
    except ImportError as exc:  # the strategies are the only part that needs it
        raise ImportError(
            "symbolic.testing strategies need Hypothesis: pip install hypothesis"
        ) from exc
    return st


def distributions(k: int, *, zeros: bool = True, near_degenerate: bool = True):
    """Strategy for a pmf over ``k`` outcomes (a float64 array of shape (k,)).

    Draws spread and uniform rows; with ``zeros`` also sparse and one-hot rows;
    with ``near_degenerate`` also rows with one outcome near 1 and the others
    between 1e-300 and 1e-6.  Rows sum to 1 within float64 rounding.

    >>> from hypothesis import given
    >>> @given(distributions(4))
    ... def test(p):
    ...     assert p.shape == (4,) and abs(p.sum() - 1) < 1e-12 and (p >= 0).all()
    >>> test()
    """
    if k < 1:
        raise ValueError(f"k: need at least one outcome, got {k}")
    st = _strategies()
    kinds = ["spread", "uniform"]
    if zeros:
        kinds += ["sparse", "one_hot"]
    if near_degenerate and k > 1:
        kinds.append("near_degenerate")
    weight = st.floats(1e-3, 1.0)

    @st.composite
    def pmf(draw):
        import numpy as np

        kind = draw(st.sampled_from(kinds))
        if kind == "uniform":
            w = np.ones(k)
        elif kind == "one_hot":
            w = np.zeros(k)
            w[draw(st.integers(0, k - 1))] = 1.0
        elif kind == "spread":
            w = np.array(draw(st.lists(weight, min_size=k, max_size=k)))
        elif kind == "sparse":
            w = np.array(draw(st.lists(st.one_of(st.just(0.0), weight), min_size=k, max_size=k)))
            if not w.any():
                w[draw(st.integers(0, k - 1))] = 1.0
        else:
            exponents = draw(st.lists(st.integers(-300, -6), min_size=k - 1, max_size=k - 1))
            small = [10.0 ** e for e in exponents]
            at = draw(st.integers(0, k - 1))
            w = np.array(small[:at] + [1.0] + small[at:])
        return w / w.sum()

    return pmf()


def joint_distributions(kx: int, ky: int, *, zeros: bool = True,
                        near_degenerate: bool = True):
    """Strategy for a joint pmf of shape (kx, ky), indexed ``[x, y]``.

    >>> from hypothesis import given
    >>> @given(joint_distributions(2, 3))
    ... def test(pxy):
    ...     assert pxy.shape == (2, 3) and abs(pxy.sum() - 1) < 1e-12
    >>> test()
    """
    return distributions(kx * ky, zeros=zeros, near_degenerate=near_degenerate).map(
        lambda p: p.reshape(kx, ky))


def logits(k: int, *, max_abs: float = 1e4, dominant: bool = True):
    """Strategy for a logit vector of shape (k,): moderate values in [-30, 30],
    wide values in [-max_abs, max_abs], and with ``dominant`` one logit 30 to
    100 above all others (so the loss of that class is 1e-13 to 1e-43).

    >>> from hypothesis import given
    >>> @given(logits(3, max_abs=1e3))
    ... def test(z):
    ...     assert z.shape == (3,) and (abs(z) <= 1e3).all()
    >>> test()
    """
    st = _strategies()
    kinds = ["moderate", "wide"] + (["dominant"] if dominant and k > 1 else [])
    moderate = st.floats(-30.0, 30.0)

    @st.composite
    def vector(draw):
        import numpy as np

        kind = draw(st.sampled_from(kinds))
        if kind == "moderate":
            return np.array(draw(st.lists(moderate, min_size=k, max_size=k)))
        if kind == "wide":
            wide = st.floats(-max_abs, max_abs)
            return np.array(draw(st.lists(wide, min_size=k, max_size=k)))
        rest = np.array(draw(st.lists(st.floats(-5.0, 5.0), min_size=k, max_size=k)))
        at = draw(st.integers(0, k - 1))
        rest[at] = rest.max() + draw(st.floats(30.0, min(100.0, max_abs)))
        return rest

    return vector()


def labels(k: int, *, one_hot: bool = False):
    """Strategy for a class label in ``range(k)``: an integer, or with
    ``one_hot`` a float64 one-hot vector of shape (k,).

    >>> from hypothesis import given
    >>> @given(labels(3), labels(3, one_hot=True))
    ... def test(i, y):
    ...     assert 0 <= i < 3 and y.sum() == 1.0
    >>> test()
    """
    st = _strategies()
    index = st.integers(0, k - 1)
    if not one_hot:
        return index

    def encode(i):
        import numpy as np

        y = np.zeros(k)
        y[i] = 1.0
        return y

    return index.map(encode)


def binary_targets(*, soft: bool = True, near_edges: bool = True):
    """Strategy for a binary-cross-entropy target: 0.0 or 1.0, with ``soft``
    any value in [0, 1], with ``near_edges`` also values within 1e-12 of 0
    and 1.

    >>> from hypothesis import given
    >>> @given(binary_targets())
    ... def test(y):
    ...     assert 0.0 <= y <= 1.0
    >>> test()
    """
    st = _strategies()
    options = [st.sampled_from([0.0, 1.0])]
    if soft:
        options.append(st.floats(0.0, 1.0))
    if near_edges:
        options.append(st.sampled_from([1e-300, 1e-12, 1e-6, 1.0 - 1e-6, 1.0 - 1e-12,
                                        1.0 - 2.0 ** -53]))
    return st.one_of(*options)
