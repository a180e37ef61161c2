"""Checks of relations about models (:mod:`symbolic.models`): pointwise, "+ constant", argmin.

All three draw the data sets and the θ-indexed tables with :func:`symbolic.context.draw`
(data sizes 1..8), evaluate with :mod:`symbolic.evaluate` and confirm a failure with
:func:`symbolic.confirm.resolved_difference`, like every other relation.

* ``A = B``, ``A ≤ B``, …: each sample is a (data set, θ), checked by
  :func:`symbolic.confirm.numeric_check`.
* ``A = B + constant``: A − B is the same at every θ of a data set.
* ``argmin A = argmin B``: ``checked`` when A and B order the sampled θ the same way in
  every data set (so one is an increasing function of the other there, and their
  minimisers agree); ``refuted`` only with a model whose parameter takes finitely many
  values (two sampled tables) where the two minimisers differ; otherwise ``unknown``.

>>> from symbolic.models import ArgMin, ModelCrossEntropy, ModelKL, model_symbol
>>> from symbolic.confirm import CheckOptions, rng_for
>>> p = model_symbol("p_model")
>>> v = check_model_relation(ArgMin(ModelKL(p)), ArgMin(ModelCrossEntropy(p)), "=", Context(),
...                          CheckOptions(), rng_for("kl", CheckOptions()))
>>> v.status
'checked'
"""
from __future__ import annotations

from dataclasses import replace

import mpmath
import numpy as np
import sympy as sp

from symbolic.confirm import (CONFIRMED, MIN_EVIDENCE, CheckOptions, numeric_check,
                              resolved_difference, sample_values)
from symbolic.context import Context, Unsampleable, draw
from symbolic.evaluate import Unevaluable, as_float, evaluate, evaluate_precise
from symbolic.models import (DATA, THETA, THETAS, Unreadable, depends_on_theta, evaluable,
                             free_points, is_binary, model_form)
from symbolic.verdict import Counterexample, Verdict

#: Data sizes 1..8, one group of samples each.
DATA_SIZES = (1, 8)
#: Relative float64 tolerance of the orderings and differences compared across θ.
TOLERANCE = 1e-9


def model_context(context: Context) -> Context:
    """``context`` with θ ranging over the sampled tables and data sizes 1..8.

    >>> model_context(Context()).domains[THETA]
    Range(1, 9, 1)
    """
    return Context({**context.domains, THETA: sp.Range(1, THETAS + 1)}, context.class_of,
                   DATA_SIZES)


def check_model_relation(lhs, rhs, relation: str, context: Context, options: CheckOptions,
                         rng) -> Verdict:
    """The verdict on a relation about models (``symbolic.models.is_model_claim``)."""
    try:
        kind, lhs, rhs = model_form(lhs, rhs, relation)
        fixed = tuple(not depends_on_theta(s) for s in (lhs, rhs))
        points = free_points(lhs, rhs) if kind == "pointwise" else frozenset()
        binary = is_binary(lhs, rhs)
        a, b = (evaluable(s, pointwise=points, binary=binary) for s in (lhs, rhs))
    except Unreadable as exc:
        return Verdict("unknown", "none", reason=str(exc))
    ctx = model_context(context)
    try:
        if kind == "pointwise":
            verdict = _pointwise(a, b, relation, ctx, options, rng)
        else:
            groups = draw(ctx, [a, b], rng, max(1, options.samples // THETAS))
            verdict = _differ_by_constant(a, b, groups, options) if kind == "constant" else \
                _same_minimisers(a, b, groups, options, fixed)
    except (Unevaluable, Unsampleable) as exc:
        return Verdict("unknown", "none", reason=f"cannot check numerically: {exc}")
    return _as_labels(verdict) if binary else verdict


def _as_labels(verdict: Verdict) -> Verdict:
    """A binary task's counterexample with its labels 0/1 (the tables' outcomes 1 and 2).

    >>> v = Verdict("refuted", "numeric", 1, Counterexample({"N": 1, "y": [2]}, 1.0, 0.0, ""))
    >>> _as_labels(v).counterexample.values
    {'N': 1, 'labels y (0/1)': [1]}
    """
    counter = verdict.counterexample
    if counter is None or "y" not in counter.values:
        return verdict
    values = {("labels y (0/1)" if k == "y" else k): ([y - 1 for y in v] if k == "y" else v)
              for k, v in counter.values.items()}
    return replace(verdict, counterexample=replace(counter, values=values))


def _enough(support: int, options: CheckOptions) -> bool:
    return support >= min(MIN_EVIDENCE, options.samples // 2)


def shown(values: dict, thetas) -> dict:
    """A sample's values as the data set (N, x, y) and the model at the θ shown.

    >>> shown({"N": 1, "§θ": 2, "§D": [[1.0, 2.0]], "p_model": [[[1.0]], [[0.5]]]}, [2])
    {'N': 1, 'x': [1], 'y': [2], 'p_model(y|x) at theta_2': [[0.5]]}
    """
    out = {"N": values.get("N")}
    data = values.get(str(DATA.label), [])
    out["x"], out["y"] = [int(r[0]) for r in data], [int(r[1]) for r in data]
    for name, value in values.items():
        if name not in ("N", str(DATA.label), str(THETA)) and isinstance(value, list):
            for t in thetas:
                out[f"{name}(y|x) at theta_{int(t)}"] = value[int(t) - 1]
    return out


def _pointwise(a, b, relation, ctx, options, rng) -> Verdict:
    counter, support, note = numeric_check(a, b, relation, ctx, rng, options.samples)
    if counter is not None:
        values = shown(counter.values, [counter.values.get(str(THETA), 1)])
        return Verdict("refuted", CONFIRMED, support, Counterexample(
            values, counter.lhs, counter.rhs, "the model at the one θ shown"))
    if not _enough(support, options):
        return Verdict("unknown", "numeric", support, reason=f"only {support} samples could be "
                       "evaluated" + (f" ({note})" if note else ""))
    return Verdict("checked", f"numeric: {support} (data set, θ) samples of a conditional model "
                   "with an arbitrary dependence on θ", support)


def _by_theta(expr, group) -> np.ndarray:
    """``expr`` at every sample of ``group`` and every θ: shape (samples, THETAS)."""
    return np.stack([evaluate(expr, group, {THETA: t}) for t in range(1, THETAS + 1)], axis=1)


def _difference(group, d: int, terms):
    """Σ sign · expr(θ_t) over ``terms`` [(sign, expr, t)] at sample d, resolved by
    escalating precision: (value or None, each term's value at the last precision)."""
    row, values = group.row(d), []

    def sides_at(digits):
        values[:] = [evaluate_precise(e, group.sizes, {**row, THETA: t}, digits, group.simplex)
                     for _, e, t in terms]
        with mpmath.workdps(digits):
            plus = mpmath.fsum(v for (s, _, _), v in zip(terms, values) if s > 0)
            minus = mpmath.fsum(v for (s, _, _), v in zip(terms, values) if s < 0)
        return plus, minus

    q, _, _ = resolved_difference(sides_at)
    return q, list(values)


def _counter(group, d, thetas, lhs, rhs, note) -> Counterexample:
    values = shown(sample_values(group, group.row(d)), thetas)
    return Counterexample(values, as_float(lhs), as_float(rhs), note)


def _differ_by_constant(a, b, groups, options) -> Verdict:
    """``a = b + constant``: a − b is the same at every θ of a data set."""
    support = 0
    for group in groups:
        A, B = _by_theta(a, group), _by_theta(b, group)
        diff = A - B
        for d in range(group.count):
            row = diff[d]
            if not np.isfinite(row).all():
                continue
            lo, hi = int(np.argmin(row)), int(np.argmax(row))
            if row[hi] - row[lo] <= TOLERANCE * max(np.abs(A[d]).max(), np.abs(B[d]).max()):
                support += 1
                continue
            q, (a_hi, b_hi, a_lo, b_lo) = _difference(group, d, [
                (1, a, hi + 1), (-1, b, hi + 1), (-1, a, lo + 1), (1, b, lo + 1)])
            if q is not None and q > 0:
                return Verdict("refuted", CONFIRMED, support * THETAS, _counter(
                    group, d, [lo + 1, hi + 1], a_lo - b_lo, a_hi - b_hi,
                    "lhs and rhs here are lhs − rhs at the two θ shown: they differ, so no "
                    "θ-independent constant makes the sides equal"))
    if not _enough(support * THETAS, options):
        return Verdict("unknown", "numeric", support * THETAS,
                       reason=f"only {support} data sets could be evaluated")
    return Verdict("checked", f"numeric: the difference of the sides is the same at "
                   f"{THETAS} θ in each of {support} data sets (it does not depend on θ)",
                   support * THETAS)


def _signs(values: np.ndarray, pairs) -> np.ndarray:
    """The sign of values[s] − values[t] over ``pairs``, 0 within the tolerance."""
    u, v = values[pairs[0]], values[pairs[1]]
    tol = TOLERANCE * np.maximum(np.abs(u), np.abs(v)) + 1e-300
    return np.where(np.abs(u - v) <= tol, 0, np.sign(u - v))


def _same_minimisers(a, b, groups, options, fixed) -> Verdict:
    """``argmin a = argmin b``: a and b order the sampled θ alike, or a finite model where not.

    A side without a model does not depend on θ (``fixed``): every θ minimises it.
    """
    agreeing, disagreeing = 0, False
    pairs = np.triu_indices(THETAS, 1)
    for group in groups:
        A, B = _by_theta(a, group), _by_theta(b, group)
        for d in range(group.count):
            if not (np.isfinite(A[d]).all() and np.isfinite(B[d]).all()):
                continue
            if (_signs(A[d], pairs) == _signs(B[d], pairs)).all():
                agreeing += 1
                continue
            found = _different_minimisers((a, b), group, d, (A[d], B[d]), fixed)
            if found is not None:
                return found
            disagreeing = True
    if disagreeing:
        return Verdict("unknown", "numeric", reason="the sides order the sampled θ differently "
                       "(so one is not an increasing function of the other), but no finite "
                       "model with different minimisers was confirmed")
    if not _enough(agreeing * THETAS, options):
        return Verdict("unknown", "numeric", agreeing * THETAS,
                       reason=f"only {agreeing} data sets could be evaluated")
    return Verdict("checked", f"numeric: both sides order the {THETAS} sampled θ (conditional "
                   f"pmf tables) the same way in each of {agreeing} data sets, so they have the "
                   "same minimisers", agreeing * THETAS)


def _different_minimisers(exprs, group, d, values, fixed):
    """A model with θ ∈ {two sampled tables} whose argmin a and argmin b differ, or None."""
    method = CONFIRMED + ": a model whose parameter takes two values"
    if fixed[0] != fixed[1]:
        # one side is the same at every θ: over θ ∈ {s, t} it is minimised by both,
        # the other side (clearly smaller at s) only by s
        k = 1 if fixed[0] else 0
        s, t = int(np.argmin(values[k])), int(np.argmax(values[k]))
        q, (high, low) = _difference(group, d, [(1, exprs[k], t + 1), (-1, exprs[k], s + 1)])
        if q is not None and q > 0:
            side, other = ("right", "left") if k else ("left", "right")
            return Verdict("refuted", method, THETAS, _counter(
                group, d, [s + 1, t + 1], s + 1, t + 1,
                f"θ ∈ {{theta_{s + 1}, theta_{t + 1}}}: the {side} side is minimised at "
                f"theta_{s + 1} only ({mpmath.nstr(low, 8)} < {mpmath.nstr(high, 8)}), the "
                f"{other} side does not depend on θ and is minimised at both"))
        return None
    a, b = values
    for s in range(THETAS):
        for t in range(THETAS):
            if s == t or not (a[s] < a[t] and b[t] < b[s]):
                continue
            # θ takes the two values s, t: argmin a = {s}, argmin b = {t}
            qa, (a_t, a_s) = _difference(group, d, [(1, exprs[0], t + 1), (-1, exprs[0], s + 1)])
            if qa is None or qa <= 0:
                continue
            qb, (b_s, b_t) = _difference(group, d, [(1, exprs[1], s + 1), (-1, exprs[1], t + 1)])
            if qb is not None and qb > 0:
                return Verdict("refuted", method, THETAS, _counter(
                    group, d, [s + 1, t + 1], s + 1, t + 1,
                    f"θ ∈ {{theta_{s + 1}, theta_{t + 1}}}: the left side is minimised at "
                    f"theta_{s + 1} ({mpmath.nstr(a_s, 8)} < {mpmath.nstr(a_t, 8)}), the right "
                    f"side at theta_{t + 1} ({mpmath.nstr(b_t, 8)} < {mpmath.nstr(b_s, 8)}); "
                    "lhs and rhs are the numbers of the minimisers"))
    return None
