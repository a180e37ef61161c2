"""Entropy, cross-entropy, KL divergence and the joint-pmf measures.

Each function evaluates its formula on the float64 values given (rows are
validated, never renormalised) with every sum taken over non-negative terms,
so the relative error stays within a few ulps even when the result is tiny.
"""
from __future__ import annotations

import math

import numpy as np

from ._checks import broadcast, check_pmf, in_base, log_base_parts, result
from ._divergence import kl_rows as _kl_rows
from ._kl_compiled import compiled_marginals
from ._sums import sum_and_residual


def _in_base(values: np.ndarray, base) -> np.ndarray:
    return in_base(values, log_base_parts(base))


_BLOCK = 1 << 15


def _sum_xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """sum x log y over the last axis with 0 log y = 0, in blocks of about
    32k values with one reused buffer; rows where x = y = 0 somewhere (NaN in
    the fast pass) are redone with an explicit mask."""
    k = x.shape[-1]
    batch = x.shape[:-1]
    x2 = np.ascontiguousarray(x).reshape(-1, k)
    y2 = np.ascontiguousarray(y).reshape(-1, k)
    rows = x2.shape[0]
    out = np.empty(rows)
    step = max(1, _BLOCK // max(k, 1))
    buffer = np.empty((min(step, rows), k))
    for start in range(0, rows, step):
        stop = min(start + step, rows)
        xb, yb, terms = x2[start:stop], y2[start:stop], buffer[: stop - start]
        with np.errstate(divide="ignore", invalid="ignore"):
            np.log(yb, out=terms)
            terms *= xb
            sums = terms.sum(axis=-1)
            bad = np.isnan(sums)
            if bad.any():  # 0 * log 0
                xs, ys = xb[bad], yb[bad]
                sums[bad] = np.where(xs > 0, xs * np.log(ys), 0.0).sum(axis=-1)
        out[start:stop] = sums
    return out.reshape(batch)


def _entropy_rows(p: np.ndarray) -> np.ndarray:
    return 0.0 - _sum_xlogy(p, p)  # 0.0 - turns -0.0 into 0.0


def entropy(p, *, base=math.e):
    r"""Shannon entropy :math:`H(p) = -\sum_i p_i \log p_i` of each row.

    ``p`` is a pmf over the last axis (0 log 0 = 0); one value per row.

    >>> import numpy as np
    >>> float(entropy([0.5, 0.5], base=2))
    1.0
    >>> entropy([[1.0, 0.0], [0.25, 0.75]]).round(6)
    array([0.      , 0.562335])
    """
    p = check_pmf(p, "p")
    return result(_in_base(_entropy_rows(p), base))


def cross_entropy(p, q, *, base=math.e):
    r"""Cross-entropy :math:`H(p, q) = -\sum_i p_i \log q_i` of each row.

    +inf where some ``q_i = 0 < p_i``; terms with ``p_i = 0`` are 0.

    >>> float(cross_entropy([1.0, 0.0], [0.5, 0.5], base=2))
    1.0
    >>> float(cross_entropy([0.5, 0.5], [1.0, 0.0]))
    inf
    """
    p = check_pmf(p, "p")
    q = check_pmf(q, "q")
    p, q = broadcast("p", p, "q", q)
    return result(_in_base(0.0 - _sum_xlogy(p, q), base))


def kl_divergence(p, q, *, base=math.e):
    r"""Kullback–Leibler divergence :math:`D(p \| q) = \sum_i p_i \log(p_i / q_i)`.

    +inf where some ``q_i = 0 < p_i``.  Accurate to a few ulps also when
    ``p`` and ``q`` are nearly equal (the result may then be 1e-30 or less).

    >>> float(kl_divergence([0.5, 0.5], [0.25, 0.75], base=2)).__round__(12)
    0.207518749639
    >>> f"{float(kl_divergence([0.5, 0.5], [0.5 + 1e-12, 0.5 - 1e-12])):.3g}"
    '2e-24'
    >>> float(kl_divergence([0.5, 0.5], [1.0, 0.0]))
    inf
    """
    p = check_pmf(p, "p")
    q = check_pmf(q, "q")
    p, q = broadcast("p", p, "q", q)
    return result(_in_base(_kl_rows(p, q), base))


def joint_entropy(pxy, *, base=math.e):
    r"""Joint entropy :math:`H(X, Y)` of a joint pmf indexed ``[x, y]`` over
    the last two axes.

    >>> float(joint_entropy([[0.25, 0.25], [0.25, 0.25]], base=2))
    2.0
    """
    pxy = check_pmf(pxy, "pxy", event_ndim=2)
    flat = pxy.reshape(pxy.shape[:-2] + (pxy.shape[-2] * pxy.shape[-1],))
    return result(_in_base(_entropy_rows(flat), base))


def conditional_entropy(pxy, *, base=math.e):
    r"""Conditional entropy :math:`H(Y \mid X) = -\sum_{x,y} p(x,y) \log p(y \mid x)`
    of a joint pmf indexed ``[x, y]`` over the last two axes.

    Each term is computed as ``p(x,y) log1p(r / p(x,y))`` with ``r`` the rest of
    row x summed directly, so nearly deterministic Y keeps its digits.

    >>> float(conditional_entropy([[0.5, 0.0], [0.0, 0.5]]))
    0.0
    >>> float(conditional_entropy([[0.25, 0.25], [0.5, 0.0]], base=2))
    0.5
    """
    pxy = check_pmf(pxy, "pxy", event_ndim=2)
    zero = np.zeros(pxy.shape[:-1] + (1,))
    left = np.concatenate([zero, np.cumsum(pxy, axis=-1)[..., :-1]], axis=-1)
    right_cum = np.cumsum(pxy[..., ::-1], axis=-1)[..., ::-1]
    right = np.concatenate([right_cum[..., 1:], zero], axis=-1)
    rest = left + right
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        ratio = rest / pxy
        log_term = np.log1p(ratio)
        odd = ~np.isfinite(log_term) & (pxy > 0)
        if odd.any():
            log_term[odd] = np.log(rest[odd]) - np.log(pxy[odd])
        terms = np.where(pxy > 0, pxy * log_term, 0.0)
    return result(_in_base(terms.sum(axis=(-2, -1)) + 0.0, base))


def mutual_information(pxy, *, base=math.e):
    r"""Mutual information :math:`I(X; Y) = D(p_{XY} \| p_X p_Y)` of a joint
    pmf indexed ``[x, y]`` over the last two axes.

    The rounding errors of the marginals are carried to first order (TwoSum),
    not the rounding of p(x) p(y): the absolute error can still reach a few
    units of 1e-17, so a mutual information far below that (nearly independent
    X and Y) is not resolved.

    >>> round(float(mutual_information([[0.5, 0.0], [0.0, 0.5]], base=2)), 12)
    1.0
    >>> float(mutual_information([[0.25, 0.25], [0.25, 0.25]]))
    0.0
    """
    pxy = check_pmf(pxy, "pxy", event_ndim=2)
    marginals = compiled_marginals(pxy)                        # px + px_lo: exact sums
    if marginals is None:
        px, px_lo = sum_and_residual(pxy)
        py, py_lo = sum_and_residual(np.swapaxes(pxy, -1, -2))
    else:
        px, px_lo, py, py_lo = marginals
    batch = pxy.shape[:-2] + (pxy.shape[-2] * pxy.shape[-1],)
    product = (px[..., :, None] * py[..., None, :]).reshape(batch)
    flat = pxy.reshape(batch)
    log_product = None
    if ((product == 0) & (flat > 0)).any():  # p(x) p(y) underflowed
        px_flat, py_flat = (a.reshape(batch) for a in np.broadcast_arrays(
            px[..., :, None], py[..., None, :]))
        with np.errstate(divide="ignore"):
            log_product = np.log(px_flat) + np.log(py_flat)
    # The exact marginals are px + px_lo and py + py_lo; to first order
    # D(p || q + dq) = D(p || q) - sum p dq/q with dq/q = px_lo/px + py_lo/py, and
    # sum_y p(x, y) px_lo/px = px_lo.  (The rounding of the product itself is left.)
    first_order = px_lo.sum(axis=-1) + py_lo.sum(axis=-1)
    return result(_in_base(_kl_rows(flat, product, log_product) - first_order, base))
