"""Relations in an arbitrary convex function f (Jensen's inequality and its kin).

A relation in a function f that the context says is convex (``Context.convex``)
claims it for every convex f.  That cannot be sampled, so the relation is checked
for each function of a documented family of convex functions (convex on all of ℝ):

* t², a(t − c)² + b·t + e, |t − d|, (t − d + |t − d|)/2 (a hinge), e^{μt}, log(1 + e^{λ(t−d)}),
  and a positive mix of a hinge, a parabola and an exponential,

with the coefficients drawn from the relation's seeded generator.  It is ``checked``
when it holds for every one ("for these convex functions", said in the method), and
``refuted`` when one of them — a convex function — breaks it (the function is shown).

>>> import numpy as np
>>> fs = family(np.random.default_rng(0))
>>> len(fs), str(fs[0](sp.Symbol("t")))
(7, 't**2')
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.confirm import (CONFIRMED, MIN_EVIDENCE, CheckOptions, numeric_check,
                              rng_for)
from symbolic.context import Context, Unsampleable
from symbolic.evaluate import Unevaluable
from symbolic.verdict import Verdict

#: The relations a convex function is checked in.
RELATIONS = ("=", "≤", "≥", "<", ">")


def family(rng) -> list:
    """Convex functions on ℝ as ``sp.Lambda``s, the coefficients from ``rng``."""
    t = sp.Symbol("t", real=True)
    r = lambda lo, hi: sp.Rational(int(rng.uniform(lo, hi) * 100), 100)   # noqa: E731
    a, c, b, e, d = r(0.1, 3), r(-3, 3), r(-2, 2), r(-2, 2), r(-3, 3)
    mu, lam = r(0.05, 0.5), r(0.5, 3)
    hinge = (t - d + sp.Abs(t - d)) / 2
    return [sp.Lambda(t, f) for f in (
        t ** 2,
        a * (t - c) ** 2 + b * t + e,
        sp.Abs(t - d),
        hinge,
        sp.exp(mu * t),
        sp.log(1 + sp.exp(lam * (t - d))),
        r(0.5, 2) * hinge + r(0.01, 0.2) * (t - c) ** 2 + r(0.1, 1) * sp.exp(-mu * t) - b * t,
    )]


def convex_functions(*exprs) -> set:
    """The undefined functions applied in ``exprs``.

    >>> f = sp.Function("f")
    >>> convex_functions(f(sp.Symbol("x")) + 1)
    {f}
    """
    return {f.func for e in exprs if isinstance(e, sp.Basic) for f in e.atoms(AppliedUndef)}


def uses_convex(lhs, rhs, context: Context) -> bool:
    """Does the relation apply functions, every one of them convex by ``context``?

    >>> f, x = sp.Function("f"), sp.Symbol("x")
    >>> uses_convex(f(x), x, Context(convex=frozenset({"f"}))), uses_convex(f(x), x, Context())
    (True, False)
    """
    funcs = convex_functions(lhs, rhs)
    return bool(funcs) and all(str(f) in context.convex for f in funcs)


def check_convex(lhs, rhs, relation: str, context: Context, options: CheckOptions,
                 key: str) -> Verdict:
    """Check ``lhs relation rhs`` for each function of the family (numeric only).

    >>> f, x = sp.Function("f"), sp.Symbol("x", real=True)
    >>> ctx = Context(convex=frozenset({"f"}))
    >>> check_convex(f(x / 2 + 1), f(x) / 2 + f(2) / 2, "≤", ctx, CheckOptions(), "j").status
    'checked'
    >>> check_convex(f(x / 2 + 1), f(x) / 2 + f(2) / 2, "≥", ctx, CheckOptions(), "j").status
    'refuted'
    """
    funcs = convex_functions(lhs, rhs)
    names = {str(f) for f in funcs}
    clash = sorted(names & {getattr(s, "name", None) for s in (lhs.free_symbols | rhs.free_symbols)})
    if clash:
        return Verdict("unknown", "not read", reason=f"{', '.join(clash)} is used both as a "
                       "function and as a number")
    if relation not in RELATIONS:
        return Verdict("unknown", "none", reason=f"{relation} with an arbitrary convex "
                       "function is not checked")
    # λ f(x) + (1 - λ) f(y): a weight is drawn in (0, 1) as σ(u), a counterexample never has
    # λ = -0.9 (it would refute the definition of convexity itself)
    weights = {w: sp.Symbol(f"{w.name}_weight", real=True) for w in _weights(lhs, rhs)}
    if weights:
        lhs, rhs = (e.xreplace({w: 1 / (1 + sp.exp(-u)) for w, u in weights.items()})
                    for e in (lhs, rhs))
    members = family(rng_for(key, options))
    per = max(200, options.samples // 2)
    support = 0
    for n, g in enumerate(members):
        shown = ", ".join(f"{f}(t) = {g.expr}" for f in sorted(funcs, key=str))
        apply = lambda e: e.replace(lambda a: a.func in funcs, lambda a: g(*a.args))  # noqa: E731
        try:
            counter, got, note = numeric_check(apply(lhs), apply(rhs), relation, context,
                                               rng_for(f"{key}:{n}", options), per)
        except (Unevaluable, Unsampleable) as exc:
            return Verdict("unknown", "none", support, reason=f"with the convex function "
                           f"{shown}: cannot check numerically: {exc}")
        if counter is not None:
            counter = _weights_shown(counter, weights)
            counter = replace(counter, note=(counter.note + "; " if counter.note else "")
                              + f"the convex function {shown}")
            return Verdict("refuted", f"{CONFIRMED}, with the convex function {shown}",
                           got, counter)
        if got < min(MIN_EVIDENCE, per // 2):
            return Verdict("unknown", "numeric", support, reason=f"with the convex function "
                           f"{shown}: only {got} samples could be evaluated")
        support += got
    names = ", ".join(sorted(names))
    return Verdict("checked", f"numeric: holds for each of {len(members)} convex functions "
                   f"{names} (t², a parabola, |t − d|, a hinge, e^(μt), a softplus, a mix; "
                   f"docs/latex.md), {support} samples in all; not a proof for every convex "
                   f"{names}", support)


def _weights(lhs, rhs) -> set:
    """The symbols w of a relation that weigh two terms as w and 1 - w (λ f(x) + (1 - λ) f(y)).

    >>> lam, x = sp.symbols("lambda x", real=True)
    >>> _weights(lam * x + (1 - lam), x), _weights(lam * x, x)
    ({lambda}, set())
    """
    exprs = [e for e in (lhs, rhs) if isinstance(e, sp.Basic)]
    return {w for e in exprs for w in e.free_symbols if isinstance(w, sp.Symbol) and
            any(a.has(1 - w) or a.has(w - 1) for a in exprs)}


def _weights_shown(counter, weights: dict):
    """The counterexample with each weight's value, σ(u), under its own name."""
    if not weights:
        return counter
    values = dict(counter.values)
    for w, u in weights.items():
        if u.name in values:
            values[w.name] = 1 / (1 + float(sp.exp(-values.pop(u.name))))
    return replace(counter, values=values)
