"""What verify and equivalence share: options, evidence thresholds, the symbolic
attempt under a time limit, and the confirmation of a failure with more digits:
a failure counts only when an interval enclosure (:mod:`symbolic.intervals`) of the
difference lies wholly where the relation fails, so cancellation noise never does.

Both :mod:`symbolic.verify` and :mod:`symbolic.equivalence` import from here,
never from each other's internals, so dependencies point one way.

>>> violates(0, "<"), violates(0, "≤"), violates(1e-300, "≤")
(True, False, True)
>>> CheckOptions().samples
1000
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from symbolic.context import Context, draw
from symbolic.evaluate import as_float, evaluate, evaluate_precise
from symbolic.intervals import bounded, evaluate_interval
from symbolic.quantities import StatedDecimal
from symbolic.timelimit import run_limited
from symbolic.verdict import Counterexample

#: Float64 failures re-checked with mpmath, at most, per relation.
RECHECK_LIMIT = 25
#: Samples (or points) a verdict needs before it says more than ``unknown``.
MIN_EVIDENCE = 100
#: The precisions at which a suspected failure is re-evaluated, in turn.
ESCALATION_DIGITS = (50, 120, 300, 1000, 2000)
#: The method of a refutation: a float64 failure confirmed with mpmath.
CONFIRMED = "numeric, confirmed with mpmath at 50+ digits"


@dataclass(frozen=True)
class CheckOptions:
    """How hard to try: samples, seed, symbolic time and memory limits."""

    samples: int = 1000
    seed: int = 0
    symbolic_seconds: float = 10.0
    symbolic: bool = True
    memory_mb: int = 4096


def rng_for(key: str, options: CheckOptions) -> np.random.Generator:
    """The seeded generator of one relation: same key, same samples.

    >>> float(rng_for("a", CheckOptions()).random()) == float(rng_for("a", CheckOptions()).random())
    True
    """
    return np.random.default_rng([zlib.crc32(key.encode()), options.seed])


def result_tolerance(lhs, rhs) -> float:
    """The band of a side that is a stated decimal alone (a rounded result, ``= 0.693``), or
    0.  A decimal stated with d digits after the point matches a value less than one unit in
    its last digit away (../shared/DESIGN.md: 0.287 for −ln 0.75 = 0.28768… is accepted,
    under ``=`` as under ``≈``).  Decimals among the inputs (``-\\log 0.5``) are exact: they
    set no tolerance, or ``\\sigma(z) = 0.9\\sigma(z)`` would hold within 0.1.

    >>> result_tolerance(sp.log(2), StatedDecimal(693, 3)), result_tolerance(StatedDecimal(5, 1) * 2, 1)
    (0.001, 0.0)
    """
    bands = []
    for side in (lhs, rhs):
        side = sp.sympify(side)
        core = -side if side.could_extract_minus_sign() else side
        if isinstance(core, StatedDecimal):
            bands.append(10.0 ** -core.digits)
        else:
            bands.append(_rounded_terms(side))
    return float(max(bands))


def _rounded_terms(side) -> float:
    """For a side that is arithmetic of stated decimals (``0.5 + 0.311``, ``-0.0144 + 6.64``,
    ``0.922 \\ln 2``): one unit in the last digit of each decimal of two or more digits, each a
    rounded term, times how much the side moves with it (a factor of a product moves it by the
    other factors: ``0.341 \\times 0.391 \\times 0.399`` is 0.0532 within 0.00043, not within
    0.003); 0 for any other side, or decimals of one digit only (``0.1 + 0.2`` is exact).
    Constants such as ln 2 may multiply them; a decimal inside a function (``\\log 0.9``) is an
    exact input.

    >>> _rounded_terms(StatedDecimal(5, 1) + StatedDecimal(311, 3))
    0.001
    >>> _rounded_terms(StatedDecimal(1, 1) + StatedDecimal(2, 1)), _rounded_terms(sp.log(2))
    (0, 0)
    >>> _rounded_terms(StatedDecimal(922, 3) * sp.log(2)), _rounded_terms(100 * StatedDecimal(92, 2))
    (0.00069, 1.0)
    >>> _rounded_terms(StatedDecimal(341, 3) * StatedDecimal(391, 3) * StatedDecimal(399, 3))
    0.00043
    """
    if not isinstance(side, sp.Basic) or side.free_symbols:
        return 0
    found = []
    for node in sp.preorder_traversal(side):
        if isinstance(node, StatedDecimal):
            found.append(node)
        elif not isinstance(node, (sp.Add, sp.Mul, sp.Rational)) and not (
                isinstance(node, sp.Pow) and node.exp.is_Integer):
            if node.args and node.atoms(StatedDecimal):
                return 0      # a decimal inside a function is an input, exact
    rounded = [d for d in set(found) if d.digits >= 2]
    if not rounded:
        return 0
    x = sp.Dummy("d")
    total = 0.0
    for d in rounded:
        moves = abs(float(sp.diff(side.xreplace({d: x}), x).subs(x, d)))
        total += 10.0 ** -d.digits * moves
    return round(total, max(d.digits for d in rounded) + 2)


def attempt_symbolic(fn, args, options: CheckOptions,
                     failed: str = "SymPy could not simplify the difference to 0"):
    """(proof or None, note) of a symbolic attempt ``fn(*args)`` under the time limit.

    >>> attempt_symbolic(max, (1, 2), CheckOptions(symbolic=False))
    (None, 'symbolic attempt disabled')
    """
    if not options.symbolic:
        return None, "symbolic attempt disabled"
    outcome = run_limited(fn, *args, seconds=options.symbolic_seconds,
                          memory_mb=options.memory_mb)
    if outcome.status == "timeout":
        return None, f"symbolic attempt timed out after {options.symbolic_seconds:g} s"
    if outcome.status != "ok":
        return None, f"symbolic attempt failed: {outcome.message}"
    if outcome.value is None:
        return None, failed
    return outcome.value, ""


def flat(value):
    """A sampled value as JSON-ready data: a float, or nested lists for a vector.

    >>> flat(np.array([1.0, 2.0])), flat(np.float64(0.5))
    ([1.0, 2.0], 0.5)
    """
    if isinstance(value, np.ndarray) and value.ndim:
        return value.tolist()
    return float(value)


def sample_values(group, row: dict) -> dict:
    """Support sizes and every object's value at one sample, by name."""
    values = {str(s): int(v) for s, v in group.sizes.items()}
    values.update({str(k): flat(v) for k, v in row.items()})
    return values


def counterexample_at(group, i: int, lhs_value, rhs_value, note: str = "") -> Counterexample:
    """A counterexample from sample ``i`` of ``group`` with both sides' values."""
    return Counterexample(sample_values(group, group.row(i)), as_float(lhs_value),
                          as_float(rhs_value), note)


def finite(x) -> bool:
    """Is ``x`` a finite real number (mpmath, numpy or Python)?

    >>> finite(1.5), finite(float("inf")), finite(None)
    (True, False, False)
    """
    try:
        return bool(np.isfinite(float(x)))
    except (TypeError, ValueError, OverflowError):
        return False


def resolved_difference(sides_at, settle_zero: bool = False):
    """The value of A − B, trusted once two precisions agree on it.

    ``sides_at(digits)`` gives (A, B) at that many digits.  The difference is
    resolved when it is nonzero with the same sign and a value stable to 6
    digits at two successive precisions (with a side exactly 0, only from 1000 digits
    on: that 0 may be an unresolved cancellation), or exactly 0 at the two highest
    (1000 and 2000 digits; with ``settle_zero``, at any two — enough where 0
    and a tiny value lead to the same verdict).  Returns (d, A, B), with d
    None when that does not settle it or a side is not finite.
    """
    previous = None
    A = B = None
    for n, digits in enumerate(ESCALATION_DIGITS):
        A, B = sides_at(digits)
        if not (finite(A) and finite(B)):
            return None, A, B
        d = A - B
        if previous is not None:
            if d == 0 and previous == 0 and (settle_zero or n == len(ESCALATION_DIGITS) - 1):
                return d, A, B
            # a side that is exactly 0 may be a cancellation the precision cannot resolve
            # yet (1 - 1/(1 + e^{-358}) at 120 digits): trusted only at 1000 digits and more
            zero_side = (A == 0 or B == 0) and digits < 1000
            if d != 0 and previous != 0 and (d > 0) == (previous > 0) \
                    and abs(d - previous) <= 1e-6 * abs(d) and not zero_side:
                return d, A, B
        previous = d
    return None, A, B


def violates(d, relation: str, tol_abs: float = 0.0) -> bool:
    """Does a resolved difference d = lhs − rhs break the relation?

    >>> violates(0, "<"), violates(0, "≤"), violates(1e-300, "≤")
    (True, False, True)
    """
    if relation in ("=", "≈"):
        return abs(d) >= tol_abs * (1 - 1e-12) if tol_abs else d != 0   # one unit off breaks it
    if relation == "≠":
        return d == 0
    if relation in ("≤", "<"):
        return d > 0 or (relation == "<" and d == 0)
    return d < 0 or (relation == ">" and d == 0)


def _float_violations(a, b, relation, tol_abs):
    scale = np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
    tol = 1e-9 * scale + tol_abs
    d = a - b
    if relation in ("=", "≈"):
        # a difference of one unit, to float rounding, is checked with the exact digits
        return np.abs(d) >= tol_abs * (1 - 1e-9) if tol_abs else np.abs(d) > tol
    if relation == "≤":
        return d > tol
    if relation == "≥":
        return d < -tol
    if relation == "<":
        return d >= -1e-12 * scale
    if relation == ">":
        return d <= 1e-12 * scale
    if relation == "≠":
        return np.abs(d) <= tol
    raise ValueError(relation)


def confirm_violation(lhs, rhs, relation: str, group, i: int, tol_abs: float):
    """(broken or None, A, B): the relation at sample ``i`` with enough digits.

    >>> from symbolic.context import SampleGroup
    >>> x = sp.Symbol("x")
    >>> group = SampleGroup({}, {x: np.array([1e-30])}, 1)
    >>> confirm_violation((1 + x) ** 2 - 1 - x ** 2, 2 * x, "=", group, 0, 0.0)[0]
    False
    """
    row = group.row(i)

    def sides_at(digits):
        return (evaluate_precise(lhs, group.sizes, row, digits, group.simplex),
                evaluate_precise(rhs, group.sizes, row, digits, group.simplex))

    if tol_abs:  # a stated decimal: 50 digits decide one unit in its last digit
        A, B = sides_at(ESCALATION_DIGITS[0])
        if not (finite(A) and finite(B)):
            return None, A, B
        broken = violates(A - B, relation, tol_abs)
    else:
        d, A, B = resolved_difference(sides_at, settle_zero=relation in ("=", "≈"))
        broken = None if d is None else violates(d, relation)
    if broken and not certain_violation(lhs, rhs, relation, group, i, tol_abs):
        broken = None    # the digits do not resolve it: the sample does not count
    return broken, A, B


def violated_throughout(d, relation: str, tol_abs: float = 0.0) -> bool:
    """Does every value of the enclosure ``d`` of lhs − rhs (an ``mpmath.iv`` interval,
    finite) break the relation?  Then the failure is certain, whatever the rounding.

    >>> from mpmath import iv
    >>> violated_throughout(iv.mpf([1e-30, 2e-30]), "="), violated_throughout(iv.mpf([-1e-30, 2e-30]), "=")
    (True, False)
    >>> violated_throughout(iv.mpf([0, 1]), "≤"), violated_throughout(iv.mpf([0, 1]), "<")
    (False, True)
    >>> violated_throughout(iv.mpf([0.0011, 0.0012]), "=", 0.001)
    True
    """
    if not bounded(d):
        return False
    lo, hi = mpmath.mp.make_mpf(d.a._mpi_[0]), mpmath.mp.make_mpf(d.b._mpi_[0])
    one_side = relation not in ("=", "≈") or lo > 0 or hi < 0
    return one_side and violates(lo, relation, tol_abs) and violates(hi, relation, tol_abs)


def certain_violation(lhs, rhs, relation: str, group, i: int, tol_abs: float = 0.0) -> bool:
    """Is the failure at sample ``i`` certain?  Interval enclosures of both sides, at each
    precision of ESCALATION_DIGITS in turn, until one of lhs − rhs lies wholly where the
    relation fails (:func:`violated_throughout`).  A difference below what the precision
    resolves (the noise of a cancellation: 1 − σ(8000) at 2000 digits) never does.

    >>> from symbolic.context import SampleGroup
    >>> z = sp.Symbol("z")
    >>> tail = 1 - 1 / (1 + sp.exp(-z))          # σ(−z), by cancellation
    >>> far = SampleGroup({}, {z: np.array([8000.0])}, 1)
    >>> certain_violation(tail, 1 / (1 + sp.exp(z)), "=", far, 0)
    False
    >>> certain_violation(tail, 0.9 / (1 + sp.exp(z)), "=", far, 0)
    False
    >>> near = SampleGroup({}, {z: np.array([20.0])}, 1)
    >>> certain_violation(tail, 0.9 / (1 + sp.exp(z)), "=", near, 0)
    True
    """
    row = group.row(i)
    for digits in ESCALATION_DIGITS:
        try:
            d = (evaluate_interval(lhs, group.sizes, row, digits, group.simplex)
                 - evaluate_interval(rhs, group.sizes, row, digits, group.simplex))
        except (ArithmeticError, ValueError, TypeError):   # Uncertain, Unevaluable among them
            return False
        if violated_throughout(d, relation, tol_abs):
            return True
    return False


def numeric_check(lhs, rhs, relation, context: Context, rng, samples: int,
                  tolerance: float | None = None):
    """(counterexample or None, samples that support the relation, note).

    Every float64 failure is re-checked with :func:`confirm_violation`; only a
    confirmed one is returned as a counterexample.

    >>> x = sp.Symbol("x", positive=True)
    >>> counter, support, _ = numeric_check(x + 1, x, ">", Context(), np.random.default_rng(0), 200)
    >>> counter is None, support
    (True, 200)
    """
    tol_abs = result_tolerance(lhs, rhs) if tolerance is None else tolerance
    support, suspects, odd = 0, [], []
    for group in draw(context, [lhs, rhs], rng, samples):
        a, b = evaluate(lhs, group), evaluate(rhs, group)
        ok = np.isfinite(a) & np.isfinite(b)
        same_inf = np.isinf(a) & (a == b)
        with np.errstate(invalid="ignore"):
            bad = np.zeros(group.count, dtype=bool)
            bad[ok] = _float_violations(a[ok], b[ok], relation, tol_abs)
        support += int((ok & ~bad).sum())
        if relation in ("=", "≤", "≥", "≈"):
            support += int(same_inf.sum())
        suspects += [(group, int(i)) for i in np.flatnonzero(bad)]
        odd += [(group, int(i)) for i in np.flatnonzero(~ok & ~same_inf)]
    # Every float64 failure is re-checked (up to a bound), then a spread of the
    # samples float64 could not evaluate (overflow), a few from each group.
    picked = suspects[:2 * RECHECK_LIMIT] + odd[::max(1, len(odd) // RECHECK_LIMIT)][:RECHECK_LIMIT]
    unresolved = len(suspects) + len(odd) - len(picked)
    for group, i in picked:
        broken, A, B = confirm_violation(lhs, rhs, relation, group, i, tol_abs)
        if broken is None:
            unresolved += 1
        elif broken:
            return counterexample_at(group, i, A, B), support, ""
        else:
            support += 1
    note = f"{unresolved} samples outside the domain or not evaluable" if unresolved else ""
    return None, support, note
