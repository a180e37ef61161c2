"""Verify relations and derivations: symbolic first, then numeric, then mpmath.

Every relation gets a symbolic attempt in a time-limited worker and, always, a
numeric check on ≥ 1,000 seeded samples over support sizes 2..8 (corner cases
included).  A sample that seems to break the relation in float64 is
re-evaluated at 50 digits; only a confirmed failure makes it ``refuted``.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> check_relation(sp.log(x**2), 2 * sp.log(x), "=").status
'proved'
>>> v = check_relation(sp.log(x**2), 3 * sp.log(x), "=")
>>> v.status, v.counterexample is not None
('refuted', True)
"""
from __future__ import annotations

import multiprocessing
import zlib
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symbolic import prove
from symbolic.context import Context, Unsampleable, draw
from symbolic.derivation import Derivation, Step
from symbolic.evaluate import Unevaluable, as_float, evaluate, evaluate_precise
from symbolic.quantities import StatedDecimal
from symbolic.timelimit import run_limited
from symbolic.verdict import Counterexample, Verdict, overall

RECHECK_LIMIT = 25
MIN_EVIDENCE = 100


@dataclass(frozen=True)
class CheckOptions:
    """How hard to try: samples, seed, symbolic time and memory limits."""

    samples: int = 1000
    seed: int = 0
    symbolic_seconds: float = 10.0
    symbolic: bool = True
    memory_mb: int = 4096


def rng_for(key: str, options: CheckOptions) -> np.random.Generator:
    """The seeded generator of one relation: same key, same samples."""
    return np.random.default_rng([zlib.crc32(key.encode()), options.seed])


def decimal_tolerance(*exprs) -> float:
    """One unit in the last digit of the coarsest stated decimal, or 0.

    >>> decimal_tolerance(StatedDecimal(287, 3) + 1)
    0.001
    """
    digits = [d.digits for e in exprs for d in sp.sympify(e).atoms(StatedDecimal)]
    return 10.0 ** -min(digits) if digits else 0.0


def _symbolic(fn, args, options: CheckOptions,
              failed: str = "SymPy could not simplify the difference to 0"):
    """(method or None, note) of a symbolic attempt under the time limit."""
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


def _flat(value):
    if isinstance(value, np.ndarray) and value.ndim:
        return value.tolist()
    return float(value)


def counterexample_at(group, i: int, lhs_value, rhs_value, note: str = "") -> Counterexample:
    """A counterexample from sample ``i`` of ``group`` with both sides' values."""
    values = {str(s): int(v) for s, v in group.sizes.items()}
    values.update({str(k): _flat(v) for k, v in group.row(i).items()})
    return Counterexample(values, as_float(lhs_value), as_float(rhs_value), note)


def _float_violations(a, b, relation, tol_abs):
    scale = np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
    tol = 1e-9 * scale + tol_abs
    d = a - b
    if relation in ("=", "≈"):
        return np.abs(d) >= np.maximum(tol, tol_abs) if tol_abs else np.abs(d) > tol
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


ESCALATION_DIGITS = (50, 120, 300, 1000, 2000)


def resolved_difference(sides_at, settle_zero: bool = False):
    """The value of A − B, trusted once two precisions agree on it.

    ``sides_at(digits)`` gives (A, B) at that many digits.  The difference is
    resolved when it is nonzero with the same sign and a value stable to 6
    digits at two successive precisions, or exactly 0 at the two highest
    (1000 and 2000 digits; with ``settle_zero``, at any two — enough where 0
    and a tiny value lead to the same verdict).  Returns (d, A, B), with d
    None when that does not settle it or a side is not finite.
    """
    previous = None
    A = B = None
    for n, digits in enumerate(ESCALATION_DIGITS):
        A, B = sides_at(digits)
        if not (_finite(A) and _finite(B)):
            return None, A, B
        d = A - B
        if previous is not None:
            if d == 0 and previous == 0 and (settle_zero or n == len(ESCALATION_DIGITS) - 1):
                return d, A, B
            if d != 0 and previous != 0 and (d > 0) == (previous > 0) \
                    and abs(d - previous) <= 1e-6 * abs(d):
                return d, A, B
        previous = d
    return None, A, B


def violates(d, relation: str, tol_abs: float = 0.0) -> bool:
    """Does a resolved difference d = lhs − rhs break the relation?

    >>> violates(0, "<"), violates(0, "≤"), violates(1e-300, "≤")
    (True, False, True)
    """
    if relation in ("=", "≈"):
        return abs(d) >= tol_abs if tol_abs else d != 0
    if relation == "≠":
        return d == 0
    if relation in ("≤", "<"):
        return d > 0 or (relation == "<" and d == 0)
    return d < 0 or (relation == ">" and d == 0)


def confirm_violation(lhs, rhs, relation: str, group, i: int, tol_abs: float):
    """(broken or None, A, B): the relation at sample ``i`` with enough digits."""
    row = group.row(i)

    def sides_at(digits):
        return (evaluate_precise(lhs, group.sizes, row, digits, group.simplex),
                evaluate_precise(rhs, group.sizes, row, digits, group.simplex))

    if tol_abs:  # a stated decimal: 50 digits decide one unit in its last digit
        A, B = sides_at(ESCALATION_DIGITS[0])
        if not (_finite(A) and _finite(B)):
            return None, A, B
        return violates(A - B, relation, tol_abs), A, B
    d, A, B = resolved_difference(sides_at, settle_zero=relation in ("=", "≈"))
    return (None if d is None else violates(d, relation)), A, B


def numeric_check(lhs, rhs, relation, context: Context, rng, samples: int):
    """(counterexample or None, samples that support the relation, note)."""
    tol_abs = decimal_tolerance(lhs, rhs)
    support, suspects, odd = 0, [], []
    for group in draw(context, [lhs, rhs], rng, samples):
        a, b = evaluate(lhs, group), evaluate(rhs, group)
        finite = np.isfinite(a) & np.isfinite(b)
        same_inf = np.isinf(a) & (a == b)
        with np.errstate(invalid="ignore"):
            bad = np.zeros(group.count, dtype=bool)
            bad[finite] = _float_violations(a[finite], b[finite], relation, tol_abs)
        support += int((finite & ~bad).sum())
        if relation in ("=", "≤", "≥", "≈"):
            support += int(same_inf.sum())
        suspects += [(group, int(i)) for i in np.flatnonzero(bad)]
        odd += [(group, int(i)) for i in np.flatnonzero(~finite & ~same_inf)]
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


def _finite(x) -> bool:
    try:
        return bool(np.isfinite(float(x)))
    except (TypeError, ValueError, OverflowError):
        return False


def check_relation(lhs, rhs, relation: str, context: Context | None = None,
                   options: CheckOptions | None = None, key: str = "") -> Verdict:
    """Verdict on ``lhs relation rhs`` (for ``⇔``, lhs and rhs are relations)."""
    context = context or Context()
    options = options or CheckOptions()
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    rng = rng_for(key or f"{lhs} {relation} {rhs}", options)
    if relation == "⇔":
        from symbolic.equivalence import check_equivalence
        return check_equivalence(lhs, rhs, context, options, rng)
    has_decimal = bool(decimal_tolerance(lhs, rhs))
    if relation == "≈" and not has_decimal:
        return Verdict("unknown", "none", reason="an approximation without a stated "
                       "decimal has no precision to check against")
    if relation == "≠":
        return check_not_identical(lhs, rhs, context, options, rng)
    if relation in ("=", "≈"):
        proof, note = _symbolic(prove.prove_equal, (lhs, rhs), options)
    else:
        proof, note = _symbolic(prove.prove_order, (lhs, rhs, relation), options,
                                "SymPy could not decide the sign of the difference")
    if proof is None and has_decimal:
        note = "the stated decimal is rounded: it must lie within one unit of its last digit"
    try:
        counter, support, numeric_note = numeric_check(lhs, rhs, relation, context, rng,
                                                       options.samples)
    except (Unevaluable, Unsampleable) as exc:
        if proof:
            return Verdict("proved", f"symbolic: {proof}",
                           reason=f"no numeric check: {exc}")
        return Verdict("unknown", "none", reason=f"cannot check numerically: {exc}")
    if counter is not None:
        method = "numeric, confirmed at 50 digits"
        if proof:
            method += f" (contradicts the symbolic '{proof}')"
        return Verdict("refuted", method, support, counter)
    detail = "; ".join(x for x in (note, numeric_note) if x)
    if support < min(MIN_EVIDENCE, options.samples // 2):
        return Verdict("unknown", "numeric", support,
                       reason=f"only {support} samples could be evaluated" +
                       (f" ({detail})" if detail else ""))
    if proof:
        return Verdict("proved", f"symbolic: {proof}", support)
    return Verdict("checked", f"numeric: {support} samples" +
                   (f" ({detail})" if detail else ""), support)


def check_not_identical(lhs, rhs, context: Context, options: CheckOptions, rng) -> Verdict:
    """``lhs ≠ rhs`` read as "not identically equal", as in D(p‖q) ≠ D(q‖p).

    Checked when a sample shows the two sides differ (confirmed at 50+ digits);
    refuted only when SymPy proves them identical; otherwise unknown.
    """
    try:
        differ, first = 0, None
        for group in draw(context, [lhs, rhs], rng, options.samples):
            a, b = evaluate(lhs, group), evaluate(rhs, group)
            scale = np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
            with np.errstate(invalid="ignore"):
                apart = np.flatnonzero(np.isfinite(a) & np.isfinite(b) &
                                       (np.abs(a - b) > 1e-6 * scale))
            first = first or (group, 0)
            for i in apart[:3]:
                broken, _, _ = confirm_violation(lhs, rhs, "=", group, int(i), 0.0)
                if broken:
                    differ += len(apart)
                    break
        if differ:
            return Verdict("checked", f"numeric: the sides differ at {differ} samples", differ)
    except (Unevaluable, Unsampleable) as exc:
        return Verdict("unknown", "none", reason=f"cannot check numerically: {exc}")
    proof, note = _symbolic(prove.prove_equal, (lhs, rhs), options)
    if proof and first is not None:
        group, i = first
        A = evaluate_precise(lhs, group.sizes, group.row(i), simplex=group.simplex)
        B = evaluate_precise(rhs, group.sizes, group.row(i), simplex=group.simplex)
        return Verdict("refuted", f"symbolic: {proof}", options.samples, counterexample_at(
            group, i, A, B, note="the two sides are identically equal"))
    return Verdict("unknown", "numeric", reason="no sample where the two sides differ, "
                   "and no proof that they are identical" + (f" ({note})" if note else ""))


@dataclass(frozen=True)
class StepReport:
    """A step, the expression it follows, and its verdict."""

    previous: sp.Basic
    step: Step
    verdict: Verdict

    def _repr_markdown_(self) -> str:
        """Jupyter: the step's math, reason and verdict."""
        from symbolic.printing.notebook import step_report_markdown
        return step_report_markdown(self)


@dataclass(frozen=True)
class DerivationReport:
    """Every step's verdict for one derivation."""

    derivation: Derivation
    steps: tuple

    @property
    def verdict(self) -> str:
        return overall(r.verdict.status for r in self.steps)

    def _repr_markdown_(self) -> str:
        """Jupyter: the checked derivation, each step with its reason and verdict."""
        from symbolic.printing.markdown import derivation_markdown
        return derivation_markdown(self)


def check_erratum(erratum, options: CheckOptions | None = None) -> Verdict:
    """The verdict on a document's wrong claim (``refuted`` if the erratum is real)."""
    lhs, relation, rhs = erratum.claim
    return check_relation(lhs, rhs, relation, erratum.context or Context(), options,
                          key=f"erratum:{erratum.file}:{erratum.line}")


def check_derivation(derivation: Derivation, options: CheckOptions | None = None
                     ) -> DerivationReport:
    """Check every step of ``derivation`` against the one before it."""
    options = options or CheckOptions()
    reports = []
    for i, (previous, step) in enumerate(derivation.pairs()):
        verdict = check_relation(previous, step.expr, step.relation, derivation.context,
                                 options, key=f"{derivation.name}:{i}")
        reports.append(StepReport(previous, step, verdict))
    return DerivationReport(derivation, tuple(reports))


_POOL_WORK: list = []


def _check_index(args):
    index, options = args
    return check_derivation(_POOL_WORK[index], options).steps


def check_derivations(derivations, options: CheckOptions | None = None,
                      jobs: int = 1) -> list[DerivationReport]:
    """Check many derivations, on ``jobs`` processes (forked) when > 1."""
    derivations = list(derivations)
    options = options or CheckOptions()
    if jobs <= 1 or len(derivations) < 2:
        return [check_derivation(d, options) for d in derivations]
    _POOL_WORK[:] = derivations
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(min(jobs, len(derivations))) as pool:
        results = pool.map(_check_index, [(i, options) for i in range(len(derivations))],
                           chunksize=1)
    return [DerivationReport(d, steps) for d, steps in zip(derivations, results)]
