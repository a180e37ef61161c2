"""KL divergence of rows, in the non-negative per-term form.

    D(p || q) = sum_i g_i + sum_i (p_i - q_i),   g_i = p_i log(p_i/q_i) - p_i + q_i >= 0

With d = q - p, m = p + q and w = d / m (so p/q = (1 - w)/(1 + w)):

    g = d * w * F(w),   F(w) = 1 - (1 - w) w A(w**2),   A(z) = sum_k z**k / (2k + 3)

which has no cancellation.  It is used where |w| <= 0.6 (1/4 <= p/q <= 4),
with d and m carried to double length; elsewhere ``p log(p/q) + d`` loses at
most a bit or two.  ``sum(p - q)`` is summed with :func:`accurate_sum`, plus
the rounding errors of d in the series region, so the d's cancel exactly.  Blocks of about 32k
values keep the temporaries in cache.

This is the NumPy path; :mod:`._kl_compiled` runs the same form in one compiled
pass, with double-length terms and compensated sums, when numba is installed.
"""
from __future__ import annotations

import numpy as np

from ._sums import accurate_sum

# A(z) on [0, 0.36]: Chebyshev fit of degree 18 (mpmath.chebyfit at 50 digits,
# fit error 4.5e-20), highest degree first.  tests/test_numeric.py checks it.
A_COEFFICIENTS = (
    1.142220377394731, -2.7139223278074516, 3.3217202712475324,
    -2.4521759471303954, 1.328018003793182, -0.4578512192218872,
    0.1769982666318883, 0.009799720348453297, 0.04845130841660182,
    0.046995206864559234, 0.05269069111655149, 0.05881936453597199,
    0.06666687957245562, 0.076923069309926, 0.09090909108940586,
    0.11111111110851254, 0.14285714285716258, 0.19999999999999993,
    0.3333333333333333,
)
NEAR = 0.6  # |w| bound of the series region (1/4 <= p/q <= 4)

_BLOCK = 1 << 15


def series_a(z: np.ndarray, out=None) -> np.ndarray:
    """A(z) = (atanh(sqrt z)/sqrt z - 1)/z for 0 <= z <= 0.36 (Horner);
    ``out`` must not be ``z``."""
    out = np.multiply(z, A_COEFFICIENTS[0], out=out)
    out += A_COEFFICIENTS[1]
    for c in A_COEFFICIENTS[2:]:
        out *= z
        out += c
    return out


def near_terms(p: np.ndarray, q: np.ndarray, scratch=None):
    """(g, d_lo) for pairs with 1/4 <= p/q <= 4: g from the series with
    q - p and p + q kept exact (TwoSum), and d_lo, the rounding error of the
    float q - p that the caller sums.  ``scratch``: six float arrays at least
    as long as p, reused between calls (fresh temporaries cost more than the
    arithmetic); the results are views into them."""
    n = p.shape[0]
    if scratch is None:
        scratch = [np.empty(n) for _ in range(6)]
    w, d_lo, d, m_lo, t, g = (b[:n] for b in scratch)  # g: m, then A and F
    np.subtract(q, p, out=d)
    np.subtract(d, q, out=d_lo)                  # b' = d - q
    np.subtract(d, d_lo, out=t)                  # a' = d - b'
    np.subtract(q, t, out=t)                     # q - a'
    np.add(p, d_lo, out=d_lo)                    # p + b'
    np.subtract(t, d_lo, out=d_lo)               # d_lo = (q - a') - (p + b')
    m = np.add(p, q, out=g)
    np.subtract(m, p, out=m_lo)                  # b' = m - p
    np.subtract(m, m_lo, out=t)                  # a' = m - b'
    np.subtract(p, t, out=t)                     # p - a'
    np.subtract(q, m_lo, out=m_lo)               # q - b'
    m_lo += t                                    # m_lo = (p - a') + (q - b')
    m_lo /= m                                    # relative rounding error of m
    np.divide(d, m, out=w)
    np.multiply(w, w, out=t)
    f = series_a(t, out=g)                       # A(w^2); t is free again
    f *= w
    np.subtract(w, 1.0, out=t)
    f *= t
    f += 1.0                                     # F = 1 - (1 - w) w A(w^2)
    d *= w
    result = np.multiply(d, f, out=t)            # d^2/m F for the rounded d and m;
    f *= w                                       # to first order in d_lo/d and
    f *= d_lo                                    # m_lo/m the exact value is
    f += f                                       # g (1 + 2 d_lo/d - m_lo/m)
    result += f
    m_lo *= result
    result -= m_lo
    return result, d_lo


def _log_ratio(p, q, log_q):
    """log(p/q) where p > 0, also if p/q over- or underflows."""
    with np.errstate(divide="ignore", over="ignore", under="ignore", invalid="ignore"):
        out = np.log(p / q)
    odd = ~np.isfinite(out)
    if odd.any():
        with np.errstate(divide="ignore"):
            out[odd] = np.log(p[odd]) - (np.log(q[odd]) if log_q is None else log_q[odd])
    return out


def _terms_careful(p, q, log_q=None):
    """g for rows with zeros or extreme ratios (masked, slower)."""
    d = q - p
    m = p + q
    with np.errstate(invalid="ignore"):
        w = d / m
    near = (np.abs(w) <= NEAR) & (m > 0)
    g = np.zeros_like(m)
    d_lo = np.zeros_like(m)
    far = ~near & (p > 0)
    if far.any():
        with np.errstate(invalid="ignore"):
            g[far] = p[far] * _log_ratio(p[far], q[far], None if log_q is None else log_q[far]) + d[far]
    far_zero = ~near & (p == 0)
    g[far_zero] = q[far_zero]
    if near.any():
        g[near], d_lo[near] = near_terms(p[near], q[near])
    return g, d, d_lo


def kl_rows(p: np.ndarray, q: np.ndarray, log_q=None) -> np.ndarray:
    """sum p log(p/q) over the last axis of validated, broadcast pmfs.

    ``log_q``, if given, is log q computed without forming q, shaped like p;
    it is used where q underflowed to 0 (a product of marginals).
    """
    k = p.shape[-1]
    batch = p.shape[:-1]
    p2 = np.ascontiguousarray(p).reshape(-1, k)
    q2 = np.ascontiguousarray(q).reshape(-1, k)
    rows = p2.shape[0]
    if log_q is None:
        from ._kl_compiled import compiled_kl_rows
        fast = compiled_kl_rows(p2, q2)   # one compiled pass, when numba is installed
        if fast is not None:
            return fast.reshape(batch)
    log_q2 = None if log_q is None else np.broadcast_to(log_q, p.shape).reshape(-1, k)
    out = np.empty(rows)
    step = max(1, _BLOCK // max(k, 1))
    scratch = [np.empty(min(step, rows) * k) for _ in range(6)]
    block = [np.empty((min(step, rows), k)) for _ in range(3)]
    for start in range(0, rows, step):
        stop = min(start + step, rows)
        pb, qb = p2[start:stop], q2[start:stop]
        d, w, g = (b[: stop - start] for b in block)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
            np.subtract(qb, pb, out=d)
            np.add(pb, qb, out=w)
            np.divide(d, w, out=w)
            np.divide(pb, qb, out=g)
            np.log(g, out=g)
            g *= pb
            g += d
            np.abs(w, out=w)
            near = np.flatnonzero(w <= NEAR)
            sums_lo = 0.0
            if near.size:
                g_near, d_lo = near_terms(pb.ravel()[near], qb.ravel()[near], scratch)
                g.ravel()[near] = g_near
                w.fill(0.0)                          # w is free: d_lo by row
                w.ravel()[near] = d_lo
                sums_lo = w.sum(axis=-1)
            sums = g.sum(axis=-1)
        bad = ~np.isfinite(sums)
        if bad.any():  # zeros in p or q, or p/q out of range: redo those rows carefully
            rows_bad = np.flatnonzero(bad)
            sub_log_q = None if log_q2 is None else log_q2[start:stop][rows_bad]
            g_bad, _, d_lo_bad = _terms_careful(pb[rows_bad], qb[rows_bad], sub_log_q)
            sums[rows_bad] = g_bad.sum(axis=-1)
            if np.ndim(sums_lo) == 0:
                sums_lo = np.zeros(stop - start)
            sums_lo[rows_bad] = d_lo_bad.sum(axis=-1)
        out[start:stop] = sums - (accurate_sum(d, scale=sums) + sums_lo)
    return out.reshape(batch)
