"""The two arithmetics the evaluator walks an expression with: float64 on arrays of samples
(:class:`_Numpy`) and mpmath at high precision on one sample (:class:`_Mpmath`); the
interval arithmetic of :mod:`symbolic.intervals` extends the second.

Special functions a post writes with whole numbers (``\\binom{n}{k}``, ``n!``) have a value
only at whole numbers ≥ 0 (:func:`whole`): at other samples they are :class:`Unevaluable`,
never the Γ-function's continuation, whose signs would refute what holds of counts.

>>> _comb(5, 2), _comb(2, 5), whole(3.0, "a factorial")
(10, 0, 3.0)
>>> _Numpy().gamma(4.0), _Numpy().binomial(np.array([5.0, 2.0]), 2.0)
(6.0, array([10.,  1.]))
"""
from __future__ import annotations

import math

import mpmath
import numpy as np
import sympy as sp


class Unevaluable(ValueError):
    """The expression has a part that cannot be evaluated numerically."""


class _Numpy:
    """float64 arithmetic on arrays of samples."""

    def number(self, e):
        return float(e)

    def log(self, x):
        with np.errstate(all="ignore"):
            return np.log(x)

    def exp(self, x):
        with np.errstate(all="ignore"):
            return np.exp(x)

    def power(self, b, x):
        with np.errstate(all="ignore"):
            if isinstance(b, np.ndarray) or isinstance(x, np.ndarray):
                return np.power(np.asarray(b, dtype=float), x)
            try:
                return float(b) ** float(x)
            except (ZeroDivisionError, OverflowError):
                return np.power(float(b), float(x))

    def multiply(self, a, b):
        with np.errstate(all="ignore"):
            return a * b

    def zero_log_convention(self, product, factors):
        zero = np.zeros(np.shape(product), dtype=bool)
        for f in factors:
            zero = zero | (np.asarray(f) == 0)
        return np.where(zero & ~np.isfinite(product), 0.0, product)

    def where(self, cond, a, b):
        return np.where(cond, a, b)

    def compare(self, op, a, b):
        return op(a, b)

    def take(self, arr, idx):
        n = arr.shape[0]
        if all(isinstance(i, (int, np.integer)) for i in idx):
            for i, dim in zip(idx, arr.shape[1:]):
                if not 1 <= i <= dim:
                    raise Unevaluable(f"index {i} is outside the support 1..{dim}")
            return arr[(slice(None),) + tuple(int(i) - 1 for i in idx)]
        arrays = []
        for i, dim in zip(idx, arr.shape[1:]):
            a = np.broadcast_to(np.asarray(i).astype(int), (n,))
            if (a < 1).any() or (a > dim).any():
                raise Unevaluable(f"an index is outside the support 1..{dim}")
            arrays.append(a - 1)
        return arr[(np.arange(n),) + tuple(arrays)]

    def to_int(self, v):
        if isinstance(v, np.ndarray):
            if v.size and (v == v.flat[0]).all():
                return int(round(float(v.flat[0])))
            raise Unevaluable("a summation bound differs between samples")
        return int(round(float(v)))

    def equal(self, a, b):
        return np.asarray(a == b, dtype=float)

    def abs(self, x):
        return np.abs(x)

    def sign(self, x):
        return np.sign(x)

    def maximum(self, a, b):
        return np.maximum(a, b)

    def minimum(self, a, b):
        return np.minimum(a, b)

    def gamma(self, x):
        return _as_floats(_GAMMA(np.asarray(x, dtype=float)))

    def binomial(self, n, k):
        """C(n, k) of whole numbers (see :func:`whole`), 0 past 0..n."""
        return _as_floats(_COMB(n, k))

    def floor(self, x):
        return np.floor(x)

    def ceiling(self, x):
        return np.ceil(x)


def _gamma_or_nan(x: float) -> float:
    try:
        return math.gamma(x)
    except (ValueError, OverflowError):      # a pole (0, -1, …) or too large: no value
        return math.nan


_GAMMA = np.frompyfunc(_gamma_or_nan, 1, 1)


def _comb(n, k) -> int:
    return math.comb(int(n), int(k)) if 0 <= k <= n else 0


_COMB = np.frompyfunc(_comb, 2, 1)


def _as_floats(values):
    """The objects a ``np.frompyfunc`` returns as floats: an array of samples, or one float."""
    values = np.asarray(values, dtype=float)
    return values if values.ndim else float(values)


def whole(value, what: str):
    """``value`` (a number or an array of samples), when every entry is a whole number ≥ 0."""
    try:
        entries = np.asarray(value, dtype=float)
    except (TypeError, ValueError):          # an interval: not one number
        raise Unevaluable(f"{what} of an interval") from None
    if not (np.all(np.isfinite(entries)) and np.all(entries >= 0) and np.all(entries == np.round(entries))):
        raise Unevaluable(f"{what} of a number that is not a whole number ≥ 0")
    return value


class _Mpmath(_Numpy):
    """High-precision arithmetic on one sample."""

    def number(self, e):
        if isinstance(e, sp.Rational):
            return mpmath.mpf(int(e.p)) / int(e.q)
        if e in (sp.S.Infinity, sp.S.NegativeInfinity):     # sp.Float("inf") is oo itself
            return mpmath.inf if e == sp.S.Infinity else -mpmath.inf
        digits = mpmath.mp.dps + 10
        if isinstance(e, sp.NumberSymbol):
            return mpmath.mpf(sp.Float(e.evalf(digits), digits)._mpf_)
        return mpmath.mpf(sp.Float(e, digits)._mpf_)

    def _real(self, v):
        if isinstance(v, mpmath.mpc):
            return v.real if v.imag == 0 else mpmath.nan
        return v

    def log(self, x):
        x = mpmath.mpf(x)
        if x < 0:
            return mpmath.nan
        return mpmath.log(x) if x > 0 else mpmath.mpf("-inf")

    def exp(self, x):
        return mpmath.exp(x)

    def power(self, b, x):
        try:
            return self._real(mpmath.power(mpmath.mpf(b), x))
        except ZeroDivisionError:
            return mpmath.inf

    def multiply(self, a, b):
        return mpmath.mpf(a) * b

    def zero_log_convention(self, product, factors):
        if any(f == 0 for f in factors) and not mpmath.isfinite(product):
            return mpmath.mpf(0)
        return product

    def where(self, cond, a, b):
        return a if cond else b

    def take(self, arr, idx):
        idx = tuple(int(i) for i in idx)
        for i, dim in zip(idx, arr.shape):
            if not 1 <= i <= dim:
                raise Unevaluable(f"index {i} is outside the support 1..{dim}")
        value = arr[tuple(i - 1 for i in idx)]
        return value if isinstance(value, mpmath.mpf) else mpmath.mpf(float(value))

    def to_int(self, v):
        return int(v)

    def equal(self, a, b):
        return mpmath.mpf(1) if a == b else mpmath.mpf(0)

    def abs(self, x):
        return abs(x)

    def sign(self, x):
        return mpmath.sign(x)

    def maximum(self, a, b):
        return max(a, b)

    def minimum(self, a, b):
        return min(a, b)

    def binomial(self, n, k):
        return mpmath.mpf(_comb(n, k))

    def gamma(self, x):
        try:
            return mpmath.gamma(x)
        except ValueError:          # a pole: no value
            return mpmath.nan

    def floor(self, x):
        return mpmath.floor(x)

    def ceiling(self, x):
        return mpmath.ceil(x)
