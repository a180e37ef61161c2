"""Claims about an arbitrary convex function f (Jensen's inequality and its kin).

A document that says f is convex (a sentence of its prose — "convex function $f$",
"볼록함수 $f$" — or ``<!-- infoderive: assume f convex -->``) and then writes a relation
in f (``f(\\mathbb{E}_{x \\sim p}[x]) \\le \\mathbb{E}_{x \\sim p}[f(x)]``) claims it for
every convex f.  That cannot be sampled, so the relation is checked for each function
of a documented family of convex functions (convex on all of ℝ):

* t², a(t − c)² + b·t + e, |t − d|, (t − d + |t − d|)/2 (a hinge), e^{μt}, log(1 + e^{λ(t−d)}),
  and a positive mix of a hinge, a parabola and an exponential,

with the coefficients drawn from the relation's seeded generator.  It is ``checked``
when it holds for every one ("for these convex functions", said in the method), and
``refuted`` when one of them — a convex function — breaks it (the function is shown).

>>> fs = family(np.random.default_rng(0))
>>> len(fs), str(fs[0](sp.Symbol("t")))
(7, 't**2')
"""
from __future__ import annotations

import zlib

import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.verdict import Verdict
from symbolic.verify import CheckOptions, check_relation

CONVEX_WORDS = r"convex|볼록"
NOT_CONVEX = r"concave|not\s+convex|non-?convex|오목|아니|않"


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
    """The undefined functions applied in ``exprs`` (the reader keeps only convex ones)."""
    return {f.func for e in exprs if isinstance(e, sp.Basic) for f in e.atoms(AppliedUndef)}


def decide(claim, samples: int, seed: int, key: str, seconds: float) -> Verdict:
    """Check ``claim`` for each function of the family (numeric only)."""
    funcs = convex_functions(claim.lhs, claim.rhs)
    rng = np.random.default_rng([zlib.crc32(key.encode()), seed])
    members = family(rng)
    per = max(200, samples // 2)
    options = CheckOptions(samples=per, seed=seed, symbolic=False)
    support = 0
    for n, g in enumerate(members):
        repl = {f: g for f in funcs}
        lhs, rhs = claim.lhs.replace(lambda e: e.func in repl, lambda e: repl[e.func](*e.args)), \
            claim.rhs.replace(lambda e: e.func in repl, lambda e: repl[e.func](*e.args))
        v = check_relation(lhs, rhs, claim.relation, claim.context, options, f"{key}:{n}")
        shown = ", ".join(f"{f}(t) = {g.expr}" for f in sorted(funcs, key=str))
        if v.status == "refuted":
            from dataclasses import replace
            ce = replace(v.counterexample, note=(v.counterexample.note + "; " if
                                                 v.counterexample.note else "") +
                         f"the convex function {shown}")
            return Verdict("refuted", f"{v.method}, with the convex function {shown}",
                           v.samples, ce)
        if v.status not in ("proved", "checked"):
            return Verdict("unknown", "numeric", support,
                           reason=f"with the convex function {shown}: {v.reason}")
        support += v.samples
    names = ", ".join(sorted(map(str, funcs)))
    return Verdict("checked", f"numeric: holds for each of {len(members)} convex functions "
                   f"{names} (t², a parabola, |t − d|, a hinge, e^(μt), a softplus, a mix; "
                   f"docs/latex.md), {support} samples in all; not a proof for every convex "
                   f"{names}", support)
