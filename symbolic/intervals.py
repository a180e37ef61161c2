"""Interval enclosures (``mpmath.iv``) of an expression at one sample: the exact value
lies inside, whatever the working precision loses to cancellation.

:func:`symbolic.evaluate.evaluate_precise` rounds at every step.  Where a difference
cancels below its precision its result is noise: 1 − σ(8000) is 0 at 2000 digits (the
exact value is e^{−8000}), and two precisions can agree on the same wrong value.  An
interval carries its rounding error along, so an enclosure of A − B that lies wholly on
one side of 0 makes the sign of A − B certain; one that straddles 0 says the precision
does not resolve it.  Every step the enclosure cannot decide (a condition, an index, the
domain of a log) raises :class:`Uncertain`.

>>> import sympy as sp
>>> z = sp.Symbol("z")
>>> tail = 1 - 1 / (1 + sp.exp(-z))
>>> d = evaluate_interval(tail, {}, {z: 8000.0}, 50)
>>> bool(d.a <= 0 <= d.b)         # 0 or e^{-8000}: 50 digits cannot tell
True
>>> bool(evaluate_interval(tail, {}, {z: 20.0}, 50).a > 0)
True
"""
from __future__ import annotations

import operator

import mpmath
import numpy as np
import sympy as sp
from mpmath import iv

from symbolic.evaluate import MAX_TERMS, Unevaluable, _Mpmath, _walk

ivmpf = type(iv.mpf(0))


class Uncertain(Unevaluable):
    """The enclosure cannot decide a step (a condition, an index, a log's domain)."""


def _iv(x):
    return x if isinstance(x, ivmpf) else iv.mpf(x)


def _end(point):
    """The exact mpf of an interval's end (no rounding to the current precision)."""
    return mpmath.mp.make_mpf(point._mpi_[0])


def _zero(x) -> bool:
    x = _iv(x)
    return bool(x.a == 0 and x.b == 0)


def bounded(x) -> bool:
    """Are both ends of the enclosure ``x`` finite numbers?

    >>> bounded(iv.mpf([1, 2])), bounded(iv.mpf([1, "inf"])), bounded(iv.log(iv.mpf(0)))
    (True, False, False)
    """
    x = _iv(x)
    return all(mpmath.isfinite(_end(end)) for end in (x.a, x.b))


class _Interval(_Mpmath):
    """Interval arithmetic on one sample (``iv.prec`` set by :func:`evaluate_interval`)."""

    def number(self, e):
        if isinstance(e, sp.Rational):
            return iv.mpf(int(e.p)) / int(e.q)
        if e is sp.pi:
            return +iv.pi
        if isinstance(e, sp.Float):                 # a binary float: exactly its value
            return iv.mpf(mpmath.mp.make_mpf(e._mpf_))
        with mpmath.workdps(iv.dps + 20):           # evalf is good to the digits asked
            v = mpmath.mpf(sp.Float(e.evalf(iv.dps + 20), iv.dps + 20)._mpf_)
            r = abs(v) * mpmath.mpf(10) ** -(iv.dps + 10)
            return iv.mpf([v - r, v + r])

    def log(self, x):
        x = _iv(x)
        if not x.a >= 0:
            raise Uncertain("the log of a number that may be negative")
        return iv.log(x)

    def exp(self, x):
        return iv.exp(_iv(x))

    def power(self, b, x):
        b, x = _iv(b), _iv(x)
        if x.a == x.b and mpmath.isint(_end(x.a)) and mpmath.isfinite(_end(x.a)):
            return b ** int(_end(x.a))
        if not b.a >= 0:
            raise Uncertain("a fractional power of a number that may be negative")
        value = b ** x
        if not isinstance(value, ivmpf):
            raise Uncertain("a complex power")
        return value

    def multiply(self, a, b):
        return a * b

    def zero_log_convention(self, product, factors):
        if any(_zero(f) for f in factors) and not bounded(product):
            return iv.mpf(0)
        return product

    def compare(self, op, a, b):
        d = _iv(a) - _iv(b)
        first, last = op(d.a, 0), op(d.b, 0)
        if first is None or last is None or first != last:
            raise Uncertain("a condition the enclosure cannot decide")
        if op in (operator.eq, operator.ne) and not (d.a == d.b or d.a > 0 or d.b < 0):
            raise Uncertain("an equality the enclosure cannot decide")
        return bool(first)

    def equal(self, a, b):
        return iv.mpf(1 if self.compare(operator.eq, a, b) else 0)

    def take(self, arr, idx):
        idx = tuple(self.to_int(i) for i in idx)
        for i, dim in zip(idx, arr.shape):
            if not 1 <= i <= dim:
                raise Unevaluable(f"index {i} is outside the support 1..{dim}")
        value = arr[tuple(i - 1 for i in idx)]
        return value if isinstance(value, ivmpf) else iv.mpf(float(value))

    def to_int(self, v):
        if isinstance(v, (int, np.integer)):
            return int(v)
        v = _iv(v)
        end = _end(v.a)
        if v.a != v.b or not mpmath.isint(end) or not mpmath.isfinite(end):
            raise Uncertain("an index or bound that is not a certain integer")
        return int(end)

    def sign(self, x):
        x = _iv(x)
        if x.a > 0 or x.b < 0:
            return iv.mpf(1 if x.a > 0 else -1)
        if _zero(x):
            return iv.mpf(0)
        raise Uncertain("a sign the enclosure cannot decide")

    def maximum(self, a, b):
        a, b = _iv(a), _iv(b)
        return iv.mpf([a.a if a.a >= b.a else b.a, a.b if a.b >= b.b else b.b])

    def minimum(self, a, b):
        a, b = _iv(a), _iv(b)
        return iv.mpf([a.a if a.a <= b.a else b.a, a.b if a.b <= b.b else b.b])

    def gamma(self, x):
        raise Unevaluable("Γ is not bounded on intervals here")

    def floor(self, x):
        raise Unevaluable("floor is not bounded on intervals here")

    ceiling = floor


def _entry(v):
    if isinstance(v, np.ndarray) and v.ndim:
        return v                                    # entries enclosed as they are read
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, mpmath.mpf):
        return iv.mpf(v)
    return iv.mpf(float(v))


def evaluate_interval(expr: sp.Basic, sizes: dict, row: dict, digits: int,
                      simplex=frozenset()):
    """An enclosure (``mpmath.iv``) of ``expr`` at one sample, at ``digits`` digits.

    Each pmf (``simplex`` keys) is renormalised in interval arithmetic, so the
    enclosure holds the point where Σ p = 1 exactly, as in ``evaluate_precise``.

    >>> x = sp.Symbol("x")
    >>> e = evaluate_interval((1 + x) ** 2 - 1 - 2 * x, {}, {x: 1e-30}, 50)
    >>> bool(e.a > 0)                 # the exact value, x² = 1e-60, is below 50 digits
    False
    >>> bool(evaluate_interval((1 + x) ** 2 - 1 - 2 * x, {}, {x: 1e-30}, 120).a > 0)
    True
    """
    saved = iv.prec
    iv.dps = digits
    try:
        row = dict(row)
        for key in simplex:
            if key in row:
                flat = [iv.mpf(float(x)) for x in np.ravel(row[key])]
                total = sum(flat[1:], flat[0])
                row[key] = np.array([x / total for x in flat], dtype=object).reshape(
                    np.shape(row[key]))
        env = {k: _entry(v) for k, v in row.items()}
        env.update(sizes)
        return _iv(_walk(sp.sympify(expr), env, _Interval(), [MAX_TERMS]))
    finally:
        iv.prec = saved
