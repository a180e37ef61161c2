"""Decide the claims of a chain, each in a worker with a time and memory limit."""
from __future__ import annotations

import time
from dataclasses import dataclass, replace

from symbolic.latex_in import convex, models
from symbolic.timelimit import run_limited
from symbolic.verdict import Verdict
from symbolic.verify import CheckOptions, check_relation

DEFAULT_TIMEOUT = 10.0
MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    """Per-relation wall-clock seconds and memory, and how many samples."""

    seconds: float = DEFAULT_TIMEOUT
    memory_mb: int = MEMORY_MB
    samples: int = 1000
    seed: int = 0


def _check(lhs, rhs, relation, context, options, key):
    v = check_relation(lhs, rhs, relation, context, options, key)
    return v


def decide(claim, limits: Limits = Limits(), key: str = "") -> Verdict:
    """The verdict on one claim; unreadable claims are ``unknown`` with the reason.

    ``a \\ne b`` claims that a and b are not identically equal: a point where
    they differ makes it ``checked``; it is ``refuted`` only when ``a = b``
    holds everywhere (proved, or at every sample).
    """
    if claim.error is not None:
        return Verdict("unknown", "not read", reason=claim.error.message)
    if models.is_model_claim(claim.lhs, claim.rhs):
        if claim.relation == "⇔":
            return Verdict("unknown", "none", reason="⇔ between relations about models is not checked")
        return _model(claim, limits, key)
    functions = convex.convex_functions(claim.lhs, claim.rhs)
    if functions:
        names = {str(f) for f in functions}
        if any(getattr(s, "name", None) in names for e in (claim.lhs, claim.rhs)
               for s in e.free_symbols):
            return Verdict("unknown", "not read", reason=f"{', '.join(sorted(names))} is used both "
                           "as a function and as a number")
        if claim.relation not in ("=", "≤", "≥", "<", ">"):
            return Verdict("unknown", "none", reason=f"{claim.relation} with an arbitrary convex "
                           "function is not checked")
        return _convex(claim, limits, key)
    if claim.relation == "≠":
        return _not_identical(claim, limits, key)
    if claim.relation == "⇔" and not (claim.lhs.free_symbols | claim.rhs.free_symbols):
        return _constant_equivalence(claim, limits, key)
    return _limited(claim, limits, key)


def _limited(claim, limits: Limits, key: str) -> Verdict:
    options = CheckOptions(samples=limits.samples, seed=limits.seed,
                           symbolic_seconds=max(0.5, 0.5 * limits.seconds),
                           memory_mb=limits.memory_mb)
    start = time.monotonic()
    outcome = run_limited(_check, claim.lhs, claim.rhs, claim.relation, claim.context,
                          options, key or f"{claim.lhs_text} {claim.relation} {claim.rhs_text}",
                          seconds=limits.seconds, memory_mb=limits.memory_mb)
    elapsed = time.monotonic() - start
    if outcome.status == "ok":
        v = outcome.value
        return Verdict(v.status, v.method, v.samples, v.counterexample, v.reason, seconds=elapsed)
    if outcome.status == "timeout":
        return Verdict("unknown", "none", reason=f"time limit of {limits.seconds:g} s reached",
                       seconds=elapsed)
    if outcome.status == "memory":
        return Verdict("unknown", "none", reason=outcome.message, seconds=elapsed)
    return Verdict("unknown", "none", reason=f"could not check: {outcome.message}",
                   seconds=elapsed)


def _model(claim, limits: Limits, key: str) -> Verdict:
    """A claim about models with parameters θ, argmin or ``+ constant`` (see ``models``)."""
    start = time.monotonic()
    outcome = run_limited(models.decide, claim, limits.seed,
                          key or f"{claim.lhs_text} {claim.relation} {claim.rhs_text}",
                          seconds=limits.seconds, memory_mb=limits.memory_mb)
    elapsed = time.monotonic() - start
    if outcome.status == "ok":
        return replace(outcome.value, seconds=elapsed)
    return Verdict("unknown", "none", reason=outcome.message or f"could not check: {outcome.status}",
                   seconds=elapsed)


def _convex(claim, limits: Limits, key: str) -> Verdict:
    """A relation in a function the text says is convex: checked on a family of them."""
    start = time.monotonic()
    outcome = run_limited(convex.decide, claim, limits.samples, limits.seed,
                          key or f"{claim.lhs_text} {claim.relation} {claim.rhs_text}",
                          limits.seconds, seconds=limits.seconds, memory_mb=limits.memory_mb)
    elapsed = time.monotonic() - start
    if outcome.status == "ok":
        return replace(outcome.value, seconds=elapsed)
    return Verdict("unknown", "none", reason=outcome.message or f"could not check: {outcome.status}",
                   seconds=elapsed)


def _not_identical(claim, limits, key) -> Verdict:
    equal = decide(replace(claim, relation="="), limits, key)
    if equal.status == "refuted":
        return Verdict("checked", "numeric: the sides differ at the point shown", equal.samples,
                       equal.counterexample, seconds=equal.seconds)
    if equal.status not in ("proved", "checked"):
        return Verdict("unknown", equal.method, equal.samples,
                       reason=f"could not tell whether the sides differ: {equal.reason}",
                       seconds=equal.seconds)
    every = _limited(claim, limits, key)   # "differ at every point": fails where equal
    if every.status == "refuted" and every.counterexample is not None:
        return Verdict("refuted", f"the sides are identically equal ({equal.method})",
                       every.samples, every.counterexample, seconds=equal.seconds + every.seconds)
    return Verdict("unknown", "none", reason="the sides agree at every sample, but no point "
                   "where they are equal could be confirmed", seconds=equal.seconds)


def _constant_equivalence(claim, limits, key) -> Verdict:
    """``A ⇔ B`` between relations without variables: both hold, or both fail."""
    symbol = {"Equality": "=", "LessThan": "≤", "GreaterThan": "≥", "StrictLessThan": "<",
              "StrictGreaterThan": ">", "Unequality": "≠"}
    verdicts = []
    for rel in (claim.lhs, claim.rhs):
        name = type(rel).__name__
        if name not in symbol:
            return Verdict("unknown", "none", reason=f"cannot read {rel} as a relation")
        verdicts.append(decide(replace(claim, relation=symbol[name], lhs=rel.lhs, rhs=rel.rhs),
                               limits, key))
    status = [v.status for v in verdicts]
    seconds = sum(v.seconds for v in verdicts)
    holds = [s in ("proved", "checked") for s in status]
    if all(s in ("proved", "checked", "refuted") for s in status):
        if holds[0] == holds[1]:
            kind = "proved" if all(s in ("proved", "refuted") for s in status) else "checked"
            return Verdict(kind, "both relations " + ("hold" if holds[0] else "fail") +
                           " at the values given", seconds=seconds)
        bad = verdicts[holds.index(False)]
        return Verdict("refuted", "one relation holds and the other fails", bad.samples,
                       bad.counterexample, seconds=seconds)
    return Verdict("unknown", "none", reason="could not decide both relations", seconds=seconds)
