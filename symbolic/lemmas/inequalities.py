"""The inequality lemmas: Jensen, Gibbs, log x ≤ x − 1, log-sum, H ≤ log K, −log P ≥ 0.

Each matcher reads a step ``small ≤ large`` (both sides expanded) and proposes
instances: bindings, the side conditions proved for them, and the lemma's gap,
which is ≥ 0 by the lemma.  :mod:`symbolic.lemmas.library` accepts an instance
only when the side conditions hold and ``large − small`` is identical to the gap.

>>> import sympy as sp
>>> from symbolic.objects import index, pmf, support_size
>>> K, k = support_size("K"), index("k")
>>> p, q = pmf("p", K), pmf("q", K)
>>> [i.bindings for i in gibbs_instances(0, sp.Sum(p[k] * sp.log(p[k] / q[k]), (k, 1, K)), None)]
['p = p, q_k = q[k], over k = 1..K']
"""
from __future__ import annotations

import sympy as sp

from symbolic.lemmas import facts
from symbolic.lemmas.base import Condition, Instance
from symbolic.objects import Pmf


def _single_sums(expr: sp.Basic) -> list:
    """Every Sum over one index, innermost last, without repeats."""
    found = [s for s in expr.atoms(sp.Sum) if len(s.limits) == 1]
    return sorted(set(found), key=sp.default_sort_key)


def _pmf_weight(body: sp.Basic, k, lo, hi):
    """(p, p[k]) when ``body`` has a factor p[k], p a pmf on exactly k = 1..hi."""
    if lo != 1:
        return None
    for f in sp.Mul.make_args(body):
        if isinstance(f, sp.Indexed) and isinstance(f.base, Pmf) and f.indices == (k,) \
                and f.base.shape is not None and len(f.base.shape) == 1 \
                and sp.simplify(f.base.shape[0] - hi) == 0:
            return f.base, f
    return None


def _pmf_conditions(p, k, hi) -> tuple:
    return (Condition(f"{p}[{k}] >= 0 for every {k}", True),
            Condition(f"sum of {p}[{k}] over {k} = 1..{hi} is 1 ({p} is a pmf)", True))


def _merged(g: sp.Basic):
    """(limits, body) with g = Σ_limits body, merging the sums over one range; or
    ((), g) when g holds no Sum over one index."""
    buckets, rest = {}, []
    for term in sp.Add.make_args(sp.expand(g, deep=False, log=False, mul=True)):
        sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum) and len(f.limits) == 1]
        if len(sums) != 1:
            rest.append(term)
            continue
        s = sums[0]
        k, lo, hi = s.limits[0]
        factor = term / s
        if factor.has(k):
            rest.append(term)
            continue
        key = (lo, hi)
        d = buckets.setdefault(key, (_fresh_index(k, g), []))
        d[1].append(factor * s.function.xreplace({k: d[0]}))
    if not buckets:
        return (), g
    if len(buckets) > 1 or any(t.has(sp.Sum) for t in rest):
        return None
    (lo, hi), (k, bodies) = next(iter(buckets.items()))
    body = sp.Add(*bodies) + sp.Add(*rest) / (hi - lo + 1)
    return (k, lo, hi), body


def _fresh_index(k, g) -> sp.Symbol:
    """An integer index named like ``k`` that is not free in ``g``."""
    return k if k not in g.free_symbols else sp.Dummy(k.name, integer=True)


def _log_weights(g: sp.Basic):
    """(limits, T, w): g is Σ_limits (−w·log T + …) (or without a Sum), per log T."""
    merged = _merged(g)
    if merged is None:
        return
    limits, body = merged
    body = sp.expand(body, log=False, power_base=False, power_exp=False)
    for log in sorted(body.atoms(sp.log), key=sp.default_sort_key):
        w = -body.coeff(log)
        if w != 0 and not w.has(log):
            yield limits, log.args[0], w


def _wrap(limits, body):
    return sp.Sum(body, limits) if limits else body


def _over(limits) -> tuple:
    return (limits[0],) if limits else ()


def log_bound_instances(small, large, context, strict=False):
    """log T ≤ T − 1, weighted by w ≥ 0, termwise over a sum."""
    for limits, T, w in _log_weights(large - small):
        k = _over(limits)
        yield Instance(f"t = {T}, weight {w}", (
            Condition(f"{T} > 0", facts.is_positive(T, context, k)),
            Condition(f"{w} >= 0", facts.is_nonnegative(w, context, k))),
            gap=_wrap(limits, w * (T - 1 - sp.log(T))))


def surprisal_instances(small, large, context, strict=False):
    """−log P ≥ 0 for 0 < P ≤ 1, weighted by w ≥ 0, termwise over a sum."""
    for limits, P, w in _log_weights(large - small):
        k = _over(limits)
        yield Instance(f"P = {P}, weight {w}", (
            Condition(f"{P} > 0", facts.is_positive(P, context, k)),
            Condition(f"{P} <= 1", facts.at_most_one(P, context, k)),
            Condition(f"{w} >= 0", facts.is_nonnegative(w, context, k))),
            gap=_wrap(limits, -w * sp.log(P)))


def _second_derivative_sign(f: sp.Lambda, domain_positive: bool):
    t = sp.Dummy("t", positive=True) if domain_positive else sp.Dummy("t", real=True)
    f2 = sp.simplify(sp.diff(f(t), t, 2))
    where = "t > 0" if domain_positive else "every real t"
    if f2.is_nonnegative is True:
        return "convex", f"f''(t) = {f2.subs(t, sp.Symbol('t'))} >= 0 for {where}"
    if f2.is_nonpositive is True:
        return "concave", f"f''(t) = {f2.subs(t, sp.Symbol('t'))} <= 0 for {where}"
    return None, ""


def jensen_instances(small, large, context, strict=False):
    """f(Σ p x) vs Σ p f(x) for a convex or concave f and a pmf p."""
    g = large - small
    for s in _single_sums(g):
        k, lo, hi = s.limits[0]
        weight = _pmf_weight(s.function, k, lo, hi)
        if weight is None:
            continue
        p, pk = weight
        x = s.function / pk
        applied = [a for a in g.atoms(sp.Function) if a.args == (s,)]
        for application in sorted(applied, key=sp.default_sort_key):
            t = sp.Dummy("t")
            f = sp.Lambda(t, application.func(t))
            positive = facts.is_positive(x, context, (k,))
            if not (positive or facts.is_real(x, (k,))):
                continue
            shape, why = _second_derivative_sign(f, positive)
            if shape is None:
                continue
            mean_of_f = sp.Sum(pk * f(x), (k, lo, hi))
            gap = mean_of_f - f(s) if shape == "convex" else f(s) - mean_of_f
            yield Instance(f"f = {application.func.__name__} ({shape}), weights {p}, "
                           f"values x_{k} = {x}, over {k} = {lo}..{hi}",
                           (Condition(f"f is {shape}: {why}", True),
                            *_pmf_conditions(p, k, hi),
                            Condition(f"x_{k} = {x} in the domain of f", True)), gap=gap)


def _total_at_most_one(q, k, hi, context) -> bool:
    if isinstance(q, sp.Indexed) and isinstance(q.base, Pmf) and q.indices == (k,) \
            and sp.simplify(q.base.shape[0] - hi) == 0:
        return True
    total = sp.summation(q, (k, 1, hi))
    return not total.has(sp.Sum) and facts.is_nonnegative(1 - total, context)


def _gibbs_candidates(g):
    """(p, p[k], q_k, (k, lo, hi)) from the sums of g: q_k = p_k / A for a term
    p_k log A, and q_k = B for a term −p_k log B of the merged sum."""
    merged = _merged(g)
    bodies = [(s.function, s.limits[0]) for s in _single_sums(g)]
    if merged and merged[0]:
        bodies.append((sp.expand(merged[1], log=False, power_base=False, power_exp=False),
                       merged[0]))
    for body, (k, lo, hi) in bodies:
        for term in sp.Add.make_args(body):
            weight = _pmf_weight(term, k, lo, hi)
            if weight is None:
                continue
            p, pk = weight
            for log in term.atoms(sp.log):
                coeff = sp.cancel(term / log)
                if coeff == pk:
                    yield p, pk, sp.cancel(pk / log.args[0]), (k, lo, hi)
                elif coeff == -pk:
                    yield p, pk, log.args[0], (k, lo, hi)


def gibbs_instances(small, large, context, strict=False):
    """D(p‖q) = Σ p log(p/q) ≥ 0 for a pmf p and q > 0 with Σ q ≤ 1."""
    seen = set()
    for p, pk, q, (k, lo, hi) in _gibbs_candidates(large - small):
        if q.has(sp.Sum) or (p, q) in seen:
            continue
        seen.add((p, q))
        yield Instance(f"p = {p}, q_{k} = {q}, over {k} = {lo}..{hi}", (
            *_pmf_conditions(p, k, hi),
            Condition(f"q_{k} = {q} > 0", facts.is_positive(q, context, (k,))),
            Condition(f"sum of q_{k} over {k} = 1..{hi} is at most 1",
                      _total_at_most_one(q, k, hi, context))),
            gap=sp.Sum(pk * sp.log(pk / q), (k, lo, hi)))


def entropy_bound_instances(small, large, context, strict=False):
    """H(p) ≤ log K for a pmf p on K outcomes."""
    g = large - small
    for p in sorted((b for b in g.atoms(sp.IndexedBase) if isinstance(b, Pmf)),
                    key=sp.default_sort_key):
        if p.shape is None or len(p.shape) != 1:
            continue
        K, k = p.shape[0], _fresh_index(sp.Symbol("k", integer=True), g)
        yield Instance(f"p = {p} on {K} outcomes", _pmf_conditions(p, k, K),
                       gap=sp.log(K) + sp.Sum(p[k] * sp.log(p[k]), (k, 1, K)))


def log_sum_instances(small, large, context, strict=False):
    """Σ a log(a/b) ≥ (Σ a) log(Σ a / Σ b) for a, b > 0."""
    g = large - small
    sums = [s for s in _single_sums(g) if any(
        isinstance(l, sp.log) and l.args[0].has(s) for l in g.atoms(sp.log))]
    for sa in sums:
        for sb in sums:
            (ka, lo, hi), (kb, lo2, hi2) = sa.limits[0], sb.limits[0]
            if sa == sb or (lo, hi) != (lo2, hi2):
                continue
            k = _fresh_index(ka, g)
            a, b = sa.function.xreplace({ka: k}), sb.function.xreplace({kb: k})
            A, B = sp.Sum(a, (k, lo, hi)), sp.Sum(b, (k, lo, hi))
            yield Instance(f"a_k = {a}, b_k = {b}, over k = {lo}..{hi}", (
                Condition(f"a_k = {a} > 0", facts.is_positive(a, context, (k,))),
                Condition(f"b_k = {b} > 0", facts.is_positive(b, context, (k,))),
                Condition(f"the range {lo}..{hi} is not empty",
                          facts.is_positive(hi - lo + 1, context))),
                gap=sp.Sum(a * sp.log(a / b), (k, lo, hi)) - A * sp.log(A / B))
