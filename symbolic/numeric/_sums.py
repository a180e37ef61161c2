"""Accurate summation over the last axis for signed terms.

:func:`accurate_sum` is the one place where the references sum terms of both
signs whose cancellation matters (``sum(p - q)``, the residuals of marginals);
:func:`sum_and_residual` gives a sum with (nearly) all of its rounding error.
Non-negative terms are summed with ``np.sum`` (pairwise), whose relative error
is already a fraction of an ulp in practice.
"""
from __future__ import annotations

import math

import numpy as np


def accurate_sum(terms: np.ndarray, scale=None) -> np.ndarray:
    """Sum over the last axis with error about 1 ulp of the *result*.

    Two rounds of Rump's error-free extraction: each round splits the terms at
    a power of two ``sigma`` large enough that the high parts add up exactly,
    and keeps the exact low parts for the next round.  ``scale`` (per row,
    optional) is the size of the quantity the sum will be added to; the second
    round is skipped when the first leaves an error below 2**-60 of it.

    >>> import numpy as np
    >>> x = np.array([1.0, 1e-17, -1.0, 3e-18])
    >>> float(accurate_sum(x)), float(x.sum())
    (1.3e-17, 3e-18)
    """
    n = terms.shape[-1]
    if n == 0:
        return np.zeros(terms.shape[:-1])
    shift = math.ceil(math.log2(n + 2))
    if scale is not None and terms.size:
        # One sigma for every row (the largest term of all) saves a per-row
        # max; when its leftover error is small enough for every row, done.
        biggest = max(float(terms.max()), -float(terms.min()))
        if math.isfinite(biggest):
            sigma = math.ldexp(1.0, math.frexp(biggest)[1] + shift)
            if (n * n * sigma <= 2.0**45 * np.abs(scale)).all():
                high = (terms + sigma) - sigma
                residual = terms - high
                return high.sum(axis=-1) + residual.sum(axis=-1)
    total = np.zeros(terms.shape[:-1])
    residual = terms
    for round_ in range(2):
        biggest = np.abs(residual).max(axis=-1, keepdims=True)
        _, exponent = np.frexp(biggest)  # biggest < 2**exponent
        sigma = np.ldexp(1.0, exponent + shift)
        high = (sigma + residual) - sigma
        residual = residual - high
        total = total + high.sum(axis=-1)  # exact: every partial sum fits
        # left: sum of residual, |residual| <= ulp(sigma)/2, naive error <= n^2 sigma 2^-105
        if round_ == 0 and scale is not None and (
                n * n * sigma[..., 0] <= 2.0**45 * np.abs(scale)).all():
            break
    return total + residual.sum(axis=-1)


def sum_and_residual(terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(s, r)`` over the last axis: ``s`` the float sum, ``r`` the sum of the
    rounding errors of each addition (TwoSum), so ``s + r`` is the exact sum to
    about ``n * u**2`` of the sum of the ``|terms|``.

    >>> s, r = sum_and_residual(np.array([[1.0, 1e-17, 1e-17]]))
    >>> float(s[0]), float(r[0])
    (1.0, 2e-17)
    """
    n = terms.shape[-1]
    if n == 0:
        return np.zeros(terms.shape[:-1]), np.zeros(terms.shape[:-1])
    s = terms[..., 0].copy()
    r = np.zeros_like(s)
    for j in range(1, n):
        x = terms[..., j]
        t = s + x
        b = t - s
        r += (s - (t - b)) + (x - b)
        s = t
    return s, r
