"""Evaluate a SymPy expression on samples: numpy (vectorised) or mpmath (exact-ish).

One tree walker serves both: :func:`evaluate` runs on a whole
:class:`~symbolic.context.SampleGroup` at float64, :func:`evaluate_precise` on
one sample at 50 significant digits for re-checking an apparent failure.
Sums and products over a support are looped, never expanded symbolically, and
quantities are evaluated through their definitions.  The information-theory
convention 0 · log 0 = 0 (and 0 · log(0/0) = 0) holds in products with a
logarithm.

>>> import numpy as np, sympy as sp
>>> from symbolic.context import SampleGroup
>>> x = sp.Symbol("x")
>>> evaluate(sp.log(x) * x, SampleGroup({}, {x: np.array([0.0, 1.0])}, 2))
array([0., 0.])
"""
from __future__ import annotations

import functools
import math
import operator

import mpmath
import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.numeric_backends import Unevaluable, _Mpmath, _Numpy, whole
from symbolic.quantities import Quantity, differentiate

MAX_TERMS = 100_000
PRECISE_DIGITS = 50


def _walk(e, env, be, budget):
    if isinstance(e, (sp.Integer, sp.Rational, sp.Float)):
        return be.number(e)
    if e is sp.E:
        return be.exp(be.number(sp.Integer(1)))
    if isinstance(e, sp.NumberSymbol):
        return be.number(e)
    if e is sp.S.Infinity or e is sp.S.NegativeInfinity or \
            (not isinstance(e, sp.Basic) and e in (sp.oo, -sp.oo)):
        return be.number(sp.Float("inf" if e == sp.oo else "-inf"))
    if isinstance(e, sp.Symbol):
        if e not in env:
            raise Unevaluable(f"no value for the symbol {e}")
        return env[e]
    if isinstance(e, sp.Indexed):
        label = e.base.label
        if label not in env:
            raise Unevaluable(f"no value for {e.base}")
        return be.take(env[label], [_walk(i, env, be, budget) for i in e.indices])
    if isinstance(e, sp.Add):
        total = _walk(e.args[0], env, be, budget)
        for a in e.args[1:]:
            total = total + _walk(a, env, be, budget)
        return total
    if isinstance(e, sp.Mul):
        factors = [_walk(a, env, be, budget) for a in e.args]
        product = factors[0]
        for f in factors[1:]:
            product = be.multiply(product, f)
        if _has_log_factor(e):
            product = be.zero_log_convention(product, factors)
        return product
    if isinstance(e, sp.Pow):
        return be.power(_walk(e.base, env, be, budget), _walk(e.exp, env, be, budget))
    if isinstance(e, sp.exp):
        return be.exp(_walk(e.args[0], env, be, budget))
    if isinstance(e, (sp.tanh, sp.sinh, sp.cosh, sp.coth)):
        return _walk(e.rewrite(sp.exp), env, be, budget)     # through exp, on either backend
    if isinstance(e, sp.log):
        value = be.log(_walk(e.args[0], env, be, budget))
        if len(e.args) == 2:
            value = value / be.log(_walk(e.args[1], env, be, budget))
        return value
    if isinstance(e, (sp.Sum, sp.Product)):
        return _walk_loop(e, env, be, budget)
    if isinstance(e, Quantity):
        return _walk(_definition(e), env, be, budget)
    if isinstance(e, sp.Derivative):
        done = _differentiated(e)
        if done.has(sp.Derivative):
            raise Unevaluable(f"cannot differentiate {e}")
        return _walk(done, env, be, budget)
    if isinstance(e, sp.Abs):
        return be.abs(_walk(e.args[0], env, be, budget))
    if isinstance(e, sp.sign):
        return be.sign(_walk(e.args[0], env, be, budget))
    if isinstance(e, (sp.Max, sp.Min)):
        values = [_walk(a, env, be, budget) for a in e.args]
        op = be.maximum if isinstance(e, sp.Max) else be.minimum
        out = values[0]
        for v in values[1:]:
            out = op(out, v)
        return out
    if isinstance(e, sp.binomial):       # of whole numbers only: C(n, k) is 0 past 0..n
        return be.binomial(*(whole(_walk(a, env, be, budget), "a binomial coefficient")
                             for a in e.args))
    if isinstance(e, sp.factorial):      # n! = Γ(n + 1), of whole numbers only
        return be.gamma(whole(_walk(e.args[0], env, be, budget), "a factorial") + 1)
    if isinstance(e, sp.gamma):
        return be.gamma(_walk(e.args[0], env, be, budget))
    if isinstance(e, (sp.floor, sp.ceiling)):
        op = be.floor if isinstance(e, sp.floor) else be.ceiling
        return op(_walk(e.args[0], env, be, budget))
    if isinstance(e, sp.KroneckerDelta):
        return be.equal(_walk(e.args[0], env, be, budget), _walk(e.args[1], env, be, budget))
    if isinstance(e, sp.Piecewise):
        return _walk_piecewise(e, env, be, budget)
    if isinstance(e, AppliedUndef):
        raise Unevaluable(f"the function {e.func} has no definition")
    raise Unevaluable(f"cannot evaluate {type(e).__name__} numerically")


@functools.lru_cache(maxsize=256)
def _differentiated(e: sp.Derivative) -> sp.Basic:
    return differentiate(e)


# The walk meets the same nodes once per sample group, per term of a sum and per
# precision of a re-check: what it asks of a node's structure is kept by node.
@functools.lru_cache(maxsize=4096)
def _has_log_factor(e: sp.Mul) -> bool:
    """Does a factor of the product ``e`` hold a log (0 · log 0 = 0 applies)?"""
    return any(a.has(sp.log) for a in e.args)


@functools.lru_cache(maxsize=1024)
def _definition(e: Quantity) -> sp.Basic:
    """The quantity's definition (its sums' indices are bound: one Dummy serves every visit)."""
    return e.definition()


@functools.lru_cache(maxsize=1024)
def _loop_parts(e):
    """(index, lower, upper, body) of a Sum or Product: the body keeps the other limits."""
    (k, lo, hi), *rest = e.limits
    return k, lo, hi, (type(e)(e.function, *rest) if rest else e.function)


def _walk_loop(e, env, be, budget):
    k, lo, hi, inner = _loop_parts(e)
    lo_v = be.to_int(_walk(lo, env, be, budget))
    hi_v = be.to_int(_walk(hi, env, be, budget))
    terms = max(0, hi_v - lo_v + 1)
    budget[0] -= terms
    if budget[0] < 0:
        raise Unevaluable(f"{type(e).__name__.lower()} over {terms} terms is too long "
                          f"to evaluate (limit {MAX_TERMS})")
    is_sum = isinstance(e, sp.Sum)
    acc = be.number(sp.Integer(0 if is_sum else 1))
    for value in range(lo_v, hi_v + 1):
        term = _walk(inner, {**env, k: value}, be, budget)
        acc = acc + term if is_sum else be.multiply(acc, term)
    return acc


def _walk_piecewise(e, env, be, budget):
    result = None
    for expr, cond in reversed(e.args):
        value = _walk(expr, env, be, budget)
        truth = _truth(cond, env, be, budget)
        result = value if result is None else be.where(truth, value, result)
    return result


_COMPARISONS = {sp.Eq: operator.eq, sp.Ne: operator.ne, sp.Lt: operator.lt,
                sp.Le: operator.le, sp.Gt: operator.gt, sp.Ge: operator.ge}


def _truth(cond, env, be, budget):
    if cond is sp.true:
        return True
    if cond is sp.false:
        return False
    if isinstance(cond, sp.core.relational.Relational):
        a, b = _walk(cond.lhs, env, be, budget), _walk(cond.rhs, env, be, budget)
        for kind, op in _COMPARISONS.items():
            if isinstance(cond, kind):
                return be.compare(op, a, b)
    raise Unevaluable(f"cannot evaluate the condition {cond}")


def _env(group_sizes, values):
    env = dict(values)
    env.update(group_sizes)
    return env


def evaluate(expr: sp.Basic, group, extra: dict | None = None) -> np.ndarray:
    """float64 values of ``expr`` on every sample of ``group`` (shape ``(count,)``)."""
    env = _env(group.sizes, group.values)
    env.update(extra or {})
    with np.errstate(all="ignore"):
        out = _walk(sp.sympify(expr), env, _Numpy(), [MAX_TERMS])
    return np.broadcast_to(np.asarray(out, dtype=float), (group.count,)).copy()


def exact_simplex(row: dict, simplex) -> dict:
    """``row`` with each pmf (``simplex`` keys) renormalised at the current mpmath
    precision, so that identities using Σ p = 1 hold exactly in the re-check."""
    out = dict(row)
    for key in simplex:
        if key in out:
            flat = [mpmath.mpf(float(x)) for x in np.ravel(out[key])]
            total = mpmath.fsum(flat)
            out[key] = np.array([x / total for x in flat], dtype=object).reshape(
                np.shape(out[key]))
    return out


def evaluate_precise(expr: sp.Basic, sizes: dict, row: dict, digits: int = PRECISE_DIGITS,
                     simplex=frozenset()):
    """``expr`` at one sample with ``digits`` significant digits (an mpmath number).

    >>> x = sp.Symbol("x")
    >>> float(evaluate_precise(sp.exp(x) - 1, {}, {x: 1e-20}))  # float64 gives 0.0
    1e-20
    """
    with mpmath.workdps(digits):
        be = _Mpmath()
        env = {k: _precise_value(v) for k, v in exact_simplex(row, simplex).items()}
        env.update(sizes)
        value = _walk(sp.sympify(expr), env, be, [MAX_TERMS])
        return +mpmath.mpf(value) if not isinstance(value, mpmath.mpc) else value


def _precise_value(v):
    if isinstance(v, np.ndarray) and v.ndim:
        return v
    if isinstance(v, (int, mpmath.mpf)) or (isinstance(v, np.ndarray) and v.dtype == object):
        return v
    return mpmath.mpf(float(v))


def as_float(value) -> float:
    """A JSON-friendly float of an mpmath or numpy number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan
