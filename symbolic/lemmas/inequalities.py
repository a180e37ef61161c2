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
['p = p, q = q[k], over k = 1..K']
"""
from __future__ import annotations

import sympy as sp

from symbolic.lemmas import facts
from symbolic.lemmas.base import Condition, Instance
from symbolic.objects import JointPmf, Pmf
from symbolic.sums import Unsure, normal_form


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
    """−log P ≥ 0 for 0 < P ≤ 1, weighted by w ≥ 0, for every log of a term or a sum."""
    terms = list(_log_weights(large - small))
    if not terms or len({limits for limits, _, _ in terms}) != 1:
        return
    limits = terms[0][0]
    k = _over(limits)
    conditions = []
    for _, P, w in terms:
        conditions += [Condition(f"{P} > 0", facts.is_positive(P, context, k)),
                       Condition(f"{P} <= 1", facts.at_most_one(P, context, k)),
                       Condition(f"{w} >= 0", facts.is_nonnegative(w, context, k))]
    yield Instance(", ".join(f"P = {P}, weight {w}" for _, P, w in terms), tuple(conditions),
                   gap=_wrap(limits, sp.Add(*(-w * sp.log(P) for _, P, w in terms))))


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


def _weighted_logs(g):
    """{(W, limits): Σ c log A} for the terms c·Σ W·log A of g's sum normal form, W an
    entry of a pmf (or joint pmf) whose indices run over its whole support."""
    try:
        nf = normal_form(g)
    except (Unsure, RecursionError):
        return {}
    # the normal form's own names for inner bound indices, renamed apart (α-equivalence)
    nf = nf.xreplace({v: sp.Dummy("ij"[n % 2], integer=True)
                      for n, v in enumerate(sorted(nf.atoms(sp.Symbol), key=str))
                      if v.name.startswith("_s")})
    groups = {}
    for term in sp.Add.make_args(nf):
        coeff, rest = term.as_coeff_Mul()
        if not isinstance(rest, sp.Sum):
            continue
        weights = [f for f in sp.Mul.make_args(rest.function)
                   if isinstance(f, sp.Indexed) and isinstance(f.base, (Pmf, JointPmf))
                   and f.base.shape is not None and sorted(f.indices, key=str) ==
                   sorted(rest.variables, key=str) and len(set(f.indices)) == len(f.indices)]
        if len(weights) != 1:
            continue
        W = weights[0]
        bounds = {v: (lo, hi) for v, lo, hi in rest.limits}
        if any(bounds[v] != (1, size) for v, size in zip(W.indices, W.base.shape)):
            continue
        names = {v: _fresh_index(sp.Symbol("xyzw"[n] if len(W.indices) > 1 else "k",
                                           integer=True), g)
                 for n, v in enumerate(W.indices)}
        logs = (rest.function / W).xreplace(names)
        if not isinstance(logs, sp.log):
            continue
        key = (W.xreplace(names), tuple((names[v], 1, size)
                                        for v, size in zip(W.indices, W.base.shape)))
        groups[key] = groups.get(key, 0) + coeff * logs
    return groups


def _total_at_most_one(q, limits, context) -> bool:
    total = sp.Sum(q, *limits)
    try:
        if normal_form(total - 1, pmfs_sum_to_one=True) == 0:
            return True
    except (Unsure, RecursionError):
        pass
    total = total.doit()
    return not total.has(sp.Sum) and facts.is_nonnegative(1 - total, context)


def gibbs_instances(small, large, context, strict=False):
    """D(p‖q) = Σ p log(p/q) ≥ 0 for a pmf (or joint pmf) p and q > 0 with Σ q ≤ 1;
    q is read off the terms Σ p log A of the sum normal form: q = p / Π A."""
    for (W, limits), L in sorted(_weighted_logs(large - small).items(), key=str):
        q = sp.cancel(sp.powsimp(W * sp.exp(-L)))
        if q.has(sp.log, sp.exp) or q == W:
            continue
        indices = tuple(v for v, _, _ in limits)
        over = ", ".join(f"{v} = 1..{hi}" for v, _, hi in limits)
        yield Instance(f"p = {W.base}, q = {q}, over {over}", (
            Condition(f"{W.base} is a pmf: its entries are >= 0 and sum to 1", True),
            Condition(f"q = {q} > 0", facts.is_positive(q, context, indices)),
            Condition(f"the sum of q over {over} is at most 1",
                      _total_at_most_one(q, limits, context))),
            gap=sp.Sum(W * sp.log(W / q), *limits))


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
