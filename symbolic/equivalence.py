"""Check that two relations are equivalent (a ``⇔`` step of an equation chain).

Random points alone say little about equations (both sides are almost always
false), so besides comparing truth values at random points the checker walks
each free scalar along a grid of its domain, finds where each relation's
boundary lies (roots of left − right, by bisection), and demands that both
relations agree there: equations must have the same roots, inequalities the
same truth just inside and outside each boundary.

Quantities that appear unchanged on both sides (``H(p, q)``, ``P(X = Y)``) are
first treated as unknowns ranging over their whole range of values, which
makes the test stronger; a failure found that way is only reported after it
is reproduced with the quantities themselves.

>>> import sympy as sp
>>> from symbolic.quantities import Logit
>>> x, y = sp.Symbol("x", real=True), sp.Symbol("y", positive=True)
>>> ctx = Context(domains={y: sp.Interval.open(0, 1)})
>>> opts = CheckOptions(symbolic=False)
>>> rng = np.random.default_rng(0)
>>> check_equivalence(sp.Eq(x, Logit(y)), sp.Eq(sp.exp(x), y / (1 - y)), ctx, opts, rng).status
'checked'
>>> check_equivalence(sp.Eq(x, Logit(y)), sp.Eq(sp.exp(x), y / (1 + y)), ctx, opts, rng).status
'refuted'
"""
from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from symbolic import prove
from symbolic.context import Context, SampleGroup, Unsampleable, draw, free_parts
from symbolic.lemmas.library import prove_equivalence
from symbolic.evaluate import Unevaluable, evaluate, evaluate_precise
from symbolic.quantities import Quantity, StatedDecimal
from symbolic.verdict import Counterexample, Verdict
from symbolic.confirm import (ESCALATION_DIGITS, MIN_EVIDENCE, RECHECK_LIMIT, CheckOptions,
                              attempt_symbolic, resolved_difference, sample_values, violates)

BISECTIONS = 64


@dataclass(frozen=True)
class NormalisedRelation:
    """A relation as ``lhs − rhs`` against 0: ``kind`` is '=', '≤', '<' or '≠'
    (≥ and > are turned around)."""

    lhs: sp.Basic
    rhs: sp.Basic
    kind: str  # '=', '≤', '<', '≠' of lhs − rhs against 0

    @classmethod
    def of(cls, rel):
        f, kind = prove.normal_form(rel)
        if isinstance(rel, (sp.Ge, sp.Gt)):
            return cls(rel.rhs, rel.lhs, kind)
        return cls(rel.lhs, rel.rhs, kind)


def _truth(l, r, kind):
    """+1 true, −1 false, 0 too close to call, per sample."""
    with np.errstate(invalid="ignore"):
        scale = np.maximum(1.0, np.maximum(np.abs(l), np.abs(r)))
        f = l - r
        if kind in ("=", "≠"):
            t = np.where(np.abs(f) <= 1e-12 * scale, 1, np.where(np.abs(f) > 1e-7 * scale, -1, 0))
            t = -t if kind == "≠" else t
        else:
            t = np.where(f < -1e-9 * scale, 1, np.where(f > 1e-9 * scale, -1, 0))
            if kind == "<":
                t = np.where(np.abs(f) <= 1e-12 * scale, -1, t)
        ok = np.isfinite(l) & np.isfinite(r)
    return np.where(ok, t, 0)


def _resolved_truth(sides_at, kind):
    """+1 / −1 for a relation whose sides ``sides_at(digits)`` gives; None if unresolved."""
    d, _, _ = resolved_difference(sides_at, settle_zero=kind == "=")
    if d is None:
        return None
    relation = {"=": "=", "≠": "≠", "≤": "≤", "<": "<"}[kind]
    return -1 if violates(d, relation) else 1


def _grid(domain: sp.Set):
    """Points spread over a scalar's domain, for finding boundaries."""
    if domain == sp.S.Reals:
        ends = np.logspace(-3, 3, 16)
        return np.concatenate([-ends[::-1], [0.0], ends])
    if isinstance(domain, sp.Interval):
        a, b = float(domain.start), float(domain.end)
        steps = np.logspace(-6, 3, 28)
        if np.isinf(a) and np.isinf(b):
            return _grid(sp.S.Reals)
        if np.isinf(b):
            return a + steps
        if np.isinf(a):
            return b - steps[::-1]
        u = np.concatenate([[1e-6, 1e-4, 1e-2], np.linspace(0.05, 0.95, 19),
                            [1 - 1e-2, 1 - 1e-4, 1 - 1e-6]])
        return a + (b - a) * u
    return None


def abstract_common_quantities(prev, cur):
    """Replace quantities present in both relations by fresh bounded unknowns."""
    common = {q for q in prev.atoms(Quantity) if not isinstance(q, StatedDecimal)}
    common &= cur.atoms(Quantity)
    common = {q for q in common if not any(q != o and q.has(o) is False and o.has(q)
                                           for o in common)}
    mapping, domains = {}, {}
    for n, q in enumerate(sorted(common, key=sp.default_sort_key)):
        u = sp.Symbol(f"u{n}_{type(q).__name__}", real=True)
        mapping[q] = u
        domains[u] = q.value_range
    return prev.xreplace(mapping), cur.xreplace(mapping), domains, mapping


def _subgroup(group: SampleGroup, rows: np.ndarray) -> SampleGroup:
    return SampleGroup(group.sizes, {k: v[rows] for k, v in group.values.items()}, len(rows))


def _roots(line: NormalisedRelation, group: SampleGroup, v, grid):
    """(rows, roots) where lhs − rhs changes sign as v moves along the grid."""
    values = np.stack([evaluate(line.lhs - line.rhs, group, {v: np.full(group.count, t)})
                       for t in grid], axis=1)
    with np.errstate(invalid="ignore"):
        change = np.isfinite(values[:, :-1]) & np.isfinite(values[:, 1:]) & \
            (np.sign(values[:, :-1]) * np.sign(values[:, 1:]) < 0)
    rows, cols = np.nonzero(change)
    on_grid_rows, on_grid_cols = np.nonzero(values == 0)     # a root exactly at a grid point
    on_grid = (on_grid_rows, np.asarray(grid, dtype=float)[on_grid_cols])
    if not len(rows):
        return on_grid
    sub = _subgroup(group, rows)
    lo, hi = grid[cols].astype(float), grid[cols + 1].astype(float)
    f_lo = values[rows, cols]
    for _ in range(BISECTIONS):
        mid = (lo + hi) / 2
        f_mid = evaluate(line.lhs - line.rhs, sub, {v: mid})
        same = np.sign(f_mid) == np.sign(f_lo)
        lo, f_lo = np.where(same, mid, lo), np.where(same, f_mid, f_lo)
        hi = np.where(same, hi, mid)
    return np.concatenate([rows, on_grid[0]]), np.concatenate([(lo + hi) / 2, on_grid[1]])


def _point_row(group, i, v=None, value=None):
    row = group.row(i)
    if v is not None:
        row[v] = value
    return row


def _sides_at(line, group, row_at):
    def sides_at(digits):
        row = row_at(digits)
        return (evaluate_precise(line.lhs, group.sizes, row, digits, group.simplex),
                evaluate_precise(line.rhs, group.sizes, row, digits, group.simplex))
    return sides_at


def _confirm_point(lines, group, row):
    """Counterexample if the two relations disagree at this point, each resolved
    with as many digits as it takes (50 up to 1000)."""
    truths = [_resolved_truth(_sides_at(l, group, lambda digits: row), l.kind) for l in lines]
    if None in truths or truths[0] == truths[1]:
        return None
    sides = [_sides_at(l, group, lambda digits: row)(ESCALATION_DIGITS[0]) for l in lines]
    return _counter(group, row, sides, truths)


def _counter(group, row, sides, truths):
    values = sample_values(group, row)
    f = [float(a - b) for a, b in sides]
    word = {1: "holds", -1: "fails"}
    note = f"previous relation {word[truths[0]]}, this one {word[truths[1]]}"
    return Counterexample(values, f[0], f[1], note + " (values are left − right of each)")


def _confirm_root(lines, which, group, i, v, root):
    """Refine a root of lines[which] at each precision; a counterexample if the
    other relation clearly fails there."""
    line, roots = lines[which], {}

    def row_at(digits):
        if digits not in roots:
            with mpmath.workdps(digits):
                def f(t):
                    return evaluate_precise(line.lhs - line.rhs, group.sizes,
                                            _point_row(group, i, v, t), digits, group.simplex)
                start = roots.get(max(roots), mpmath.mpf(float(root))) if roots else \
                    mpmath.mpf(float(root))
                roots[digits] = mpmath.findroot(f, start)
        return _point_row(group, i, v, roots[digits])

    other = lines[1 - which]
    try:
        truth = _resolved_truth(_sides_at(other, group, row_at), other.kind)
    except (ValueError, ZeroDivisionError, TypeError):
        return None
    if truth != -1:
        return None
    truths = [0, 0]
    truths[which], truths[1 - which] = 1, -1
    top = max(roots)
    row = _point_row(group, i, v, roots[top])
    sides = [_sides_at(l, group, lambda digits: row)(top) for l in lines]
    row[v] = float(roots[top])
    return _counter(group, row, sides, truths)


def numeric_equivalence(prev, cur, context: Context, rng, samples: int, extra_domains=None):
    """(counterexample or None, evidence count) for ``prev ⇔ cur``."""
    lines = (NormalisedRelation.of(prev), NormalisedRelation.of(cur))
    exprs = [lines[0].lhs, lines[0].rhs, lines[1].lhs, lines[1].rhs]
    _, _, _, scalars = free_parts(exprs, context)
    domains = {**context.domains, **(extra_domains or {})}
    evidence, suspects = 0, []
    # an outcome x of p(x) is an index: no boundary lies between its values
    indices = {s for e in exprs for ix in e.atoms(sp.Indexed) for i in ix.indices
               for s in i.free_symbols}
    for group in draw(context, exprs, rng, samples, extra_domains):
        t = [_truth(evaluate(l.lhs, group), evaluate(l.rhs, group), l.kind) for l in lines]
        decided = (t[0] != 0) & (t[1] != 0)
        agree = decided & (t[0] == t[1])
        evidence += int((agree & ((t[0] == 1) | (t[1] == 1))).sum())
        suspects += [("point", group, int(i), None, None)
                     for i in np.flatnonzero(decided & (t[0] != t[1]))[:RECHECK_LIMIT]]
        for v in sorted(scalars - indices, key=lambda s: s.name):
            grid = _grid(Context(domains).domain_of(v))
            if grid is None:
                continue
            found = [_roots(l, group, v, grid) for l in lines]
            for which, (rows, roots) in enumerate(found):
                other = lines[1 - which]
                if lines[which].kind == "=" and other.kind == "=":
                    o_rows, o_roots = found[1 - which]
                    for i, r in zip(rows, roots):
                        match = o_roots[o_rows == i]
                        if np.any(np.abs(match - r) <= 1e-6 * max(1.0, abs(r))):
                            evidence += 1
                        else:
                            suspects.append(("root", group, int(i), v, (which, r)))
                    continue
                for delta in (-1e-5, 1e-5):
                    pts = roots + delta * np.maximum(1.0, np.abs(roots))
                    sub = _subgroup(group, rows)
                    tt = [_truth(evaluate(l.lhs, sub, {v: pts}), evaluate(l.rhs, sub, {v: pts}),
                                 l.kind) for l in lines]
                    ok = (tt[0] != 0) & (tt[1] != 0)
                    evidence += int((ok & (tt[0] == tt[1])).sum())
                    for j in np.flatnonzero(ok & (tt[0] != tt[1]))[:RECHECK_LIMIT]:
                        suspects.append(("point", group, int(rows[j]), v, pts[j]))
    for kind, group, i, v, extra in suspects[:4 * RECHECK_LIMIT]:
        if kind == "root":
            counter = _confirm_root(lines, extra[0], group, i, v, extra[1])
        else:
            counter = _confirm_point(lines, group, _point_row(group, i, v, extra)
                                     if v is not None else group.row(i))
        if counter is not None:
            return counter, evidence
    return None, evidence


def check_equivalence(prev, cur, context: Context, options: CheckOptions, rng) -> Verdict:
    """Verdict on ``prev ⇔ cur`` for two relations."""
    rel = sp.core.relational.Relational
    # SymPy evaluates relations between numbers on sight (Eq(2, 2) is True).
    truth = {sp.true: sp.Eq(0, 0, evaluate=False), sp.false: sp.Eq(0, 1, evaluate=False)}
    prev, cur = truth.get(prev, prev), truth.get(cur, cur)
    if not (isinstance(prev, rel) and isinstance(cur, rel)):
        return Verdict("unknown", "none", reason="⇔ needs a relation (=, ≤, <, …) on both sides")
    if not (prev.free_symbols or cur.free_symbols):   # check_relation decides each
        return Verdict("unknown", "none", reason="⇔ between relations without variables is "
                       "decided by check_relation, relation by relation")
    a_prev, a_cur, extra, _ = abstract_common_quantities(prev, cur)
    _, _, _, scalars = free_parts([prev, cur], context)
    variables = [(v, Context(context.domains).domain_of(v)) for v in sorted(scalars, key=str)]
    proof, note = attempt_symbolic(prove_equivalence, (prev, cur, variables, context), options,
                                   "no symbolic rule or lemma showed the equivalence")
    try:
        counter, evidence = numeric_equivalence(a_prev, a_cur, context, rng, options.samples, extra)
        if counter is not None and extra:
            counter, _ = numeric_equivalence(prev, cur, context, rng, options.samples)
            if counter is None:
                return Verdict("unknown", "numeric", evidence, reason=(
                    "the equivalence fails for some values of the quantities "
                    f"{', '.join(str(u) for u in extra)} but no failure was found for the "
                    "objects themselves"))
    except (Unevaluable, Unsampleable) as exc:
        if proof:
            return Verdict.proved_by(proof, reason=f"no numeric check: {exc}")
        return Verdict("unknown", "none", reason=f"cannot check numerically: {exc}")
    if counter is not None:
        return Verdict("refuted", "numeric, confirmed with mpmath at 50+ digits", evidence, counter)
    if evidence < min(MIN_EVIDENCE, options.samples // 2):
        return Verdict("unknown", "numeric", evidence, reason=(
            f"only {evidence} points where either relation holds were found"))
    if proof:
        return Verdict.proved_by(proof, evidence)
    detail = f" ({note})" if note else ""
    return Verdict("checked", f"numeric: {evidence} points incl. boundaries{detail}", evidence)
