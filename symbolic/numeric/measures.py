"""Entropy, cross-entropy, KL divergence and the joint-pmf measures.

Each function evaluates its formula on the float64 values given (rows are
validated, never renormalised) with every sum taken over non-negative terms,
so the relative error stays within a few ulps even when the result is tiny.
"""
from __future__ import annotations

import math

import numpy as np

from ._checks import broadcast, check_base, check_pmf, result
from ._sums import accurate_sum

# A(z) = sum_k z**k / (2k + 3); 17 terms reach 1e-17 relative for z <= 1/9.
_ATANH_TAIL = tuple(1.0 / (2 * k + 3) for k in range(17))


def _in_base(values: np.ndarray, base) -> np.ndarray:
    log_base = check_base(base)
    return values if log_base is None else values / log_base


def _xlogx_terms(p: np.ndarray) -> np.ndarray:
    """-p log p with 0 log 0 = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(p > 0, -p * np.log(p), 0.0)


def _entropy_rows(p: np.ndarray) -> np.ndarray:
    return _xlogx_terms(p).sum(axis=-1) + 0.0  # + 0.0 turns -0.0 into 0.0


def _relative_log(p: np.ndarray, q: np.ndarray, log_q=None) -> np.ndarray:
    """log(p / q), also where p / q over- or underflows (then log p - log q,
    with ``log_q()`` giving log q where q itself underflowed)."""
    with np.errstate(divide="ignore", over="ignore", under="ignore", invalid="ignore"):
        ratio = p / q
        out = np.log(ratio)
        odd = ~np.isfinite(out) & (p > 0)
        if odd.any():
            log_q_odd = np.log(q[odd]) if log_q is None else log_q(odd)
            out[odd] = np.log(p[odd]) - log_q_odd
    return out


def _kl_rows(p: np.ndarray, q: np.ndarray, log_q=None) -> np.ndarray:
    """sum p log(p/q) over the last axis, as sum g + sum (p - q).

    g = p log(p/q) - p + q >= 0 term by term.  Near p = q it is evaluated as
    g = d w F(w) with d = q - p (exact there), w = d / (p + q) and
    F(w) = 1 - (1 - w) w A(w**2), a series free of cancellation; elsewhere
    directly.  sum(p - q) is summed accurately, so KL of nearly equal pmfs
    keeps its digits.  ``log_q(mask)``, if given, is log q at ``q[mask]``
    computed without forming q (for a product of marginals that underflows).
    """
    d = q - p
    m = p + q
    near = (np.abs(d) * 3.0 <= m) & (m > 0)
    g = np.zeros_like(m)
    with np.errstate(invalid="ignore"):
        far = ~near & (p > 0)
        if far.any():
            pf, qf = p[far], q[far]
            log_qf = None if log_q is None else (lambda odd: log_q(far)[odd])
            g[far] = pf * _relative_log(pf, qf, log_qf) + (qf - pf)
        far_zero = ~near & (p == 0)
        g[far_zero] = q[far_zero]
    if near.any():
        dn = d[near]
        w = dn / m[near]
        z = w * w
        tail = np.full_like(z, _ATANH_TAIL[-1])
        for c in _ATANH_TAIL[-2::-1]:
            tail = tail * z + c
        g[near] = (dn * w) * (1.0 - (1.0 - w) * w * tail)
    return g.sum(axis=-1) - accurate_sum(d)


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
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * np.log(q), 0.0)
    return result(_in_base(terms.sum(axis=-1) + 0.0, base))


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
    flat = pxy.reshape(pxy.shape[:-2] + (-1,))
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

    The marginals are rounded to float64 before the product, so for nearly
    independent X and Y the absolute error is about 1e-16 times the largest
    relative deviation from independence.

    >>> round(float(mutual_information([[0.5, 0.0], [0.0, 0.5]], base=2)), 12)
    1.0
    >>> float(mutual_information([[0.25, 0.25], [0.25, 0.25]]))
    0.0
    """
    pxy = check_pmf(pxy, "pxy", event_ndim=2)
    px = pxy.sum(axis=-1)
    py = pxy.sum(axis=-2)
    batch = pxy.shape[:-2] + (-1,)
    px_full, py_full = np.broadcast_arrays(px[..., :, None], py[..., None, :])
    px_flat, py_flat = px_full.reshape(batch), py_full.reshape(batch)

    def log_product(mask):  # p(x) p(y) can underflow although p(x, y) > 0
        return np.log(px_flat[mask]) + np.log(py_flat[mask])

    product = px_flat * py_flat
    return result(_in_base(_kl_rows(pxy.reshape(batch), product, log_product), base))
