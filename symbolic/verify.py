"""Verify relations and derivations: symbolic first, then numeric, then mpmath.

Every relation gets a symbolic attempt in a time-limited worker and, always, a
numeric check on ≥ 1,000 seeded samples over support sizes 2..8 (corner cases
included).  A sample that seems to break the relation in float64 is
re-evaluated with mpmath at 50 digits and more, until two precisions agree, and
an interval enclosure must show the failure is certain; only a confirmed failure
makes it ``refuted``.  The symbolic attempt is SymPy first,
then the lemma library, case splits and interval arithmetic (:mod:`symbolic.lemmas`).

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> check_relation(sp.log(x**2), 2 * sp.log(x), "=").status
'proved'
>>> v = check_relation(sp.log(x**2), 3 * sp.log(x), "=")
>>> v.status, v.counterexample is not None
('refuted', True)
"""
from __future__ import annotations

from dataclasses import replace

import multiprocessing
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symbolic import prove
from symbolic.argmin_identity import same_minimisers_by_identity
from symbolic.confirm import (CONFIRMED, MIN_EVIDENCE, CheckOptions, attempt_symbolic,
                              confirm_violation, counterexample_at, result_tolerance,
                              numeric_check, resolved_difference, rng_for, violates)
from symbolic.context import Context, Unsampleable, draw
from symbolic.convex import check_convex, uses_convex
from symbolic.derivation import Derivation, Step
from symbolic.equivalence import check_equivalence
from symbolic.extended_reals import check_extended_reals, has_infinite_constants, limits_taken
from symbolic.extremum import check_extremum, has_extremum
from symbolic.evaluate import Unevaluable, evaluate, evaluate_precise
from symbolic.lemmas.base import Proof
from symbolic.lemmas.decimals import Decision
from symbolic.lemmas.relation import prove_relation
from symbolic.model_checks import check_model_relation
from symbolic.objects import PositiveVector, RealVector
from symbolic.models import is_model_claim
from symbolic.verdict import INEQUALITIES, Counterexample, Verdict, overall

__all__ = ["CheckOptions", "check_relation", "check_derivation", "check_derivations",
           "check_erratum", "check_not_identical", "check_step", "violates", "resolved_difference",
           "rng_for", "result_tolerance", "StepReport", "DerivationReport"]

#: seconds of the symbolic attempt once a counterexample confirmed at 50+ digits is found
AGAINST_A_COUNTEREXAMPLE = 1.0


def check_relation(lhs, rhs, relation: str, context: Context | None = None,
                   options: CheckOptions | None = None, key: str = "") -> Verdict:
    """Verdict on ``lhs relation rhs`` (for ``⇔``, lhs and rhs are relations).

    The one path of every relation, a catalogue step or a claim read from LaTeX:
    relations about models with parameters θ go to :mod:`symbolic.model_checks`, those
    in a function ``context.convex`` names to :mod:`symbolic.convex`; ``≠`` means "not
    identically equal", and ``⇔`` between relations without variables holds when both
    hold or both fail, each decided here.

    >>> x = sp.Symbol("x", positive=True)
    >>> check_relation(x + 1, x, "≠").method
    'numeric: the sides differ at the point shown'
    >>> check_relation(sp.Le(1, 2), sp.Le(2, 3), "⇔").status
    'proved'
    """
    context = context or Context()
    options = options or CheckOptions()
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    key = key or f"{lhs} {relation} {rhs}"
    rng = rng_for(key, options)
    if has_extremum(lhs, rhs):
        return check_extremum(lhs, rhs, relation)
    if lhs == rhs and relation in ("=", "≈"):
        return Verdict("proved", "symbolic: identical")
    if has_infinite_constants(lhs, rhs):
        lhs, rhs = limits_taken(lhs, rhs)     # \lim_{n \to \infty} (1 - 1/n)^n ≈ 0.368: a number
        if has_infinite_constants(lhs, rhs) or not (lhs.is_finite and rhs.is_finite):
            return check_extended_reals(lhs, rhs, relation)
    if is_model_claim(lhs, rhs):
        verdict = check_model_relation(lhs, rhs, relation, context, options, rng)
        if verdict.status == "unknown" and relation == "=":
            return same_minimisers_by_identity(lhs, rhs, check_relation, context, options,
                                               key, verdict.reason)
        return verdict
    if uses_convex(lhs, rhs, context):
        return check_convex(lhs, rhs, relation, context, options, key)
    if relation == "⇔":
        if not (lhs.free_symbols or rhs.free_symbols):
            return _constant_equivalence(lhs, rhs, context, options, key)
        return check_equivalence(lhs, rhs, context, options, rng)
    if relation == "⇒":
        return _implication(check_relation(lhs, rhs, "⇔", context, options, key))
    # the band of a rounded result (= 0.693); an inequality must hold without it
    band = result_tolerance(lhs, rhs)
    has_decimal = bool(band)
    if relation == "≈" and not has_decimal:
        return Verdict("unknown", "none", reason="an approximation without a stated "
                       "decimal has no precision to check against")
    if relation == "≠":
        return _not_identical(lhs, rhs, context, options, key, rng)
    bound = relation in INEQUALITIES
    try:
        counter, support, numeric_note = numeric_check(lhs, rhs, relation, context, rng,
                                                       options.samples,
                                                       0.0 if bound else band)
        unevaluable = None
    except (Unevaluable, Unsampleable) as exc:
        counter, support, numeric_note, unevaluable = None, 0, "", exc
    # a counterexample confirmed at 50+ digits: the symbolic attempt only guards against a
    # branch of a log or a precision limit, which SymPy finds fast (else it waits its whole time)
    outcome, note = attempt_symbolic(
        prove_relation, (lhs, rhs, relation, context),
        replace(options, symbolic_seconds=min(options.symbolic_seconds, AGAINST_A_COUNTEREXAMPLE))
        if counter is not None else options,
        "SymPy could not simplify the difference to 0" if relation in ("=", "≈") else
        "neither SymPy nor a lemma of the library decided the sign of the difference")
    proof = outcome if isinstance(outcome, Proof) else None
    if proof is None and has_decimal:
        note = "the stated decimal is rounded: it must lie within one unit of its last digit"
    if unevaluable is not None:
        if proof:
            return Verdict.proved_by(proof, reason=f"no numeric check: {unevaluable}")
        return Verdict("unknown", "none", reason=f"cannot check numerically: {unevaluable}")
    try:
        rounded = counter is not None and bound and band and not proof and numeric_check(
            lhs, rhs, relation, context, rng_for(key, options), options.samples, band)[0] is None
    except (Unevaluable, Unsampleable) as exc:
        return Verdict("unknown", "none", reason=f"cannot check numerically: {exc}")
    if rounded:
        return Verdict("unknown", "none", support, reason=(
            f"fails ({counter.describe()}), but only by less than one unit in the last "
            "digit of the stated bound: the author may have rounded it"))
    if counter is not None and proof:
        # one of the two is wrong (a precision limit, a branch of a log): never refute then
        return Verdict("unknown", "none", support, reason=(
            f"a symbolic proof ({proof.method}) and a numeric counterexample disagree "
            f"({counter.describe()})"))
    if counter is not None:
        return _unless_only_negative(lhs, rhs, relation, context, options, key,
                                     0.0 if bound else band,
                                     Verdict("refuted", CONFIRMED, support, counter))
    if isinstance(outcome, Decision):   # interval arithmetic: the relation fails exactly
        return Verdict("refuted", outcome.method, support,
                       Counterexample({}, outcome.lhs, outcome.rhs, outcome.detail))
    detail = "; ".join(x for x in (note, numeric_note) if x)
    if support < min(MIN_EVIDENCE, options.samples // 2):
        return Verdict("unknown", "numeric", support,
                       reason=f"only {support} samples could be evaluated" +
                       (f" ({detail})" if detail else ""))
    if proof:
        return Verdict.proved_by(proof, support)
    return Verdict("checked", f"numeric: {support} samples" +
                   (f" ({detail})" if detail else ""), support)


def positive_twin(lhs, rhs):
    """``(lhs, rhs, names)`` with every unconstrained real unknown (a symbol or a
    :class:`~symbolic.objects.RealVector`) made positive, or None when there is none.

    >>> a, k = sp.Symbol("a", real=True), sp.Symbol("k", integer=True)
    >>> lhs, rhs, names = positive_twin(sp.log(a**2), 2 * sp.log(a) + k)
    >>> lhs, names
    (log(a**2), ['a'])
    """
    families = {b for e in (lhs, rhs) for b in e.atoms(sp.IndexedBase)}
    labels = {b.label for b in families}
    swap = {s: sp.Symbol(s.name, positive=True) for e in (lhs, rhs) for s in e.free_symbols
            if isinstance(s, sp.Symbol) and s not in labels and s.is_real and
            s.is_positive is None and s.is_nonnegative is None and not s.is_integer}
    swap.update({b: PositiveVector(b.label, shape=b.shape) for b in families
                 if type(b) is RealVector and len(b.shape or ()) <= 1})   # not a matrix
    names = sorted(str(s) for s in swap)
    if not names:
        return None
    twin = [e.xreplace(swap) for e in (lhs, rhs)]
    return twin[0], twin[1], names


def _unless_only_negative(lhs, rhs, relation, context, options, key, tolerance,
                          refuted: Verdict):
    """``refuted``, unless the relation holds once its unconstrained real unknowns are
    positive: the log-sum inequality for a_i, b_i of either sign fails, for the non-negative
    numbers its statement names it holds, and posts rarely write that condition in math.
    A failure at positive values replaces a first counterexample with negative values."""
    twin = positive_twin(lhs, rhs)
    values = refuted.counterexample.values if refuted.counterexample else {}
    if twin is None or not any(np.any(np.asarray(values.get(name, 0.0), dtype=float) < 0)
                               for name in twin[2]):
        return refuted      # the counterexample already has its unknowns positive
    try:
        counter, support, _ = numeric_check(twin[0], twin[1], relation, context,
                                            rng_for(key + ":positive", options),
                                            max(MIN_EVIDENCE, options.samples // 4), tolerance)
    except (Unevaluable, Unsampleable):
        return refuted
    if counter is not None:
        return replace(refuted, counterexample=counter)
    if support < MIN_EVIDENCE:
        return refuted
    return Verdict("unknown", "none", refuted.samples, reason=(
        f"fails ({refuted.counterexample.describe()}), but holds in {support} samples with "
        f"{', '.join(twin[2])} positive: the text may mean positive numbers"))


_RELATIONS = {sp.Eq: "=", sp.Le: "≤", sp.Ge: "≥", sp.Lt: "<", sp.Gt: ">", sp.Ne: "≠"}


def _implication(equivalence: Verdict) -> Verdict:
    """``A ⇒ B`` from the verdict on ``A ⇔ B``: equivalent relations imply each other; when
    they are not equivalent, A may still imply B, so that is not a refutation.

    >>> _implication(Verdict("refuted", "numeric", counterexample=Counterexample({}, 1, 2))).status
    'unknown'
    """
    if equivalence.holds:
        return replace(equivalence, method=f"{equivalence.method}; the two relations are "
                       "equivalent, so the first implies the second")
    if equivalence.status == "refuted":
        return Verdict("unknown", "none", equivalence.samples, reason=(
            "the two relations are not equivalent; whether the first implies the second "
            "is not checked"))
    return equivalence


def _constant_equivalence(prev, cur, context, options, key) -> Verdict:
    """``A ⇔ B`` between relations without variables: both hold, or both fail; each
    decided by :func:`check_relation` (so a stated decimal keeps its tolerance)."""
    truth = {sp.true: sp.Eq(0, 0, evaluate=False), sp.false: sp.Eq(0, 1, evaluate=False)}
    verdicts = []
    for rel in (truth.get(prev, prev), truth.get(cur, cur)):
        if type(rel) not in _RELATIONS:
            return Verdict("unknown", "none", reason=f"cannot read {rel} as a relation")
        verdicts.append(check_relation(rel.lhs, rel.rhs, _RELATIONS[type(rel)], context,
                                       options, key))
    status = [v.status for v in verdicts]
    holds = [s in ("proved", "checked") for s in status]
    if not all(s in ("proved", "checked", "refuted") for s in status):
        return Verdict("unknown", "none", reason="could not decide both relations")
    if holds[0] == holds[1]:
        kind = "proved" if all(s in ("proved", "refuted") for s in status) else "checked"
        return Verdict(kind, "both relations " + ("hold" if holds[0] else "fail") +
                       " at the values given")
    bad = verdicts[holds.index(False)]
    return Verdict("refuted", "one relation holds and the other fails", bad.samples,
                   bad.counterexample)


def _not_identical(lhs, rhs, context, options, key, rng) -> Verdict:
    """``lhs ≠ rhs``: checked where ``lhs = rhs`` is refuted (the point shown); refuted
    only where it holds and the sides are proved identical; otherwise unknown."""
    equal = check_relation(lhs, rhs, "=", context, options, key)
    if equal.status == "refuted":
        return Verdict("checked", "numeric: the sides differ at the point shown", equal.samples,
                       equal.counterexample)
    if equal.status not in ("proved", "checked"):
        return Verdict("unknown", equal.method, equal.samples,
                       reason=f"could not tell whether the sides differ: {equal.reason}")
    every = check_not_identical(lhs, rhs, context, options, rng)
    if every.status == "refuted" and every.counterexample is not None:
        return Verdict("refuted", f"the sides are identically equal ({equal.method})",
                       every.samples, every.counterexample)
    return Verdict("unknown", "none", reason="the sides agree at every sample, but no point "
                   "where they are equal could be confirmed")


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
    proof, note = attempt_symbolic(prove.prove_equal, (lhs, rhs), options)
    if proof and first is not None:  # a plain method name
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


def check_step(derivation: Derivation, index: int, options: CheckOptions | None = None
               ) -> StepReport:
    """Check step ``index`` of ``derivation`` against the one before it (the same
    verdict as in :func:`check_derivation`: the samples are seeded by name and index).

    >>> from derivations import registry
    >>> check_step(registry.build("sigmoid-is-inverse-logit"), 0).verdict.status
    'proved'
    """
    previous, step = list(derivation.pairs())[index]
    verdict = check_relation(previous, step.expr, step.relation, derivation.context,
                             options or CheckOptions(), key=f"{derivation.name}:{index}")
    return StepReport(previous, step, verdict)


def check_derivation(derivation: Derivation, options: CheckOptions | None = None
                     ) -> DerivationReport:
    """Check every step of ``derivation`` against the one before it."""
    options = options or CheckOptions()
    return DerivationReport(derivation, tuple(check_step(derivation, i, options)
                                              for i in range(len(derivation.steps))))


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
