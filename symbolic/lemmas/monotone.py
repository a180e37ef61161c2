"""Rules that move a relation through a function or a factor: exp and log are
increasing, and multiplying both sides by a positive quantity keeps the order.

For an inequality step the matchers return sub-goals (the relation between the
arguments, or between the sides without the factor), proved in turn.  For a
``⇔`` step they compare the two relations directly.

>>> import sympy as sp
>>> from symbolic.context import Context
>>> x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
>>> ctx = Context(domains={y: sp.Interval.open(0, 1)})
>>> inst = next(multiplier_equivalences(sp.Eq(sp.exp(x), y / (1 - y)),
...                                     sp.Eq((1 - y) * sp.exp(x), y), ctx))
>>> inst.bindings, [c.holds for c in inst.conditions]
('c = 1 - y', [True, True])
"""
from __future__ import annotations

import sympy as sp

from symbolic.lemmas import facts
from symbolic.lemmas.base import Condition, Instance, expanded, same_value
from symbolic.prove import normal_form

_INCREASING = {"exp": sp.exp, "log": sp.log}


def _order(strict: bool) -> str:
    return "<" if strict else "≤"


def monotone_instances(name: str):
    """Matcher for ``F(a) ≤ F(b)`` (or ``−F(b) ≤ −F(a)``) from ``a ≤ b``, F increasing."""
    F = _INCREASING[name]

    def matcher(small, large, context, strict=False):
        for sign in (1, -1):
            a, b = sign * small, sign * large
            if isinstance(a, F) and isinstance(b, F):
                lo, hi = (a.args[0], b.args[0]) if sign == 1 else (b.args[0], a.args[0])
                conditions = ()
                if F is sp.log:
                    conditions = tuple(Condition(f"{v} > 0", facts.is_positive(v, context))
                                       for v in (lo, hi))
                yield Instance(f"a = {lo}, b = {hi}", conditions,
                               subgoals=((lo, _order(strict), hi),))
    return matcher


def _factors(e: sp.Basic) -> dict:
    return dict(e.as_powers_dict()) if isinstance(e, sp.Mul) else {e: sp.S.One}


def multiplier_instances(small, large, context, strict=False):
    """``c·a ≤ c·b`` from ``a ≤ b`` and ``c > 0``, c the common factor of both sides."""
    fa, fb = _factors(small), _factors(large)
    common = [b ** min(fa[b], fb[b]) for b in fa if b in fb and fa[b].is_positive
              and fb[b].is_positive and not b.is_number]
    if not common:
        return
    c = sp.Mul(*common)
    yield Instance(f"c = {c}", (Condition(f"{c} > 0", facts.is_positive(c, context)),),
                   subgoals=((small / c, _order(strict), large / c),))


def multiplier_equivalences(prev, cur, context):
    """``f ⋈ 0 ⇔ c·f ⋈ 0`` for c > 0 (c ≠ 0 for = and ≠), f and c·f the normal forms."""
    f1, k1 = normal_form(prev)
    f2, k2 = normal_form(cur)
    if k1 != k2:
        return
    e1, e2 = expanded(f1), expanded(f2)
    if e1 == 0:
        return
    c = sp.factor(sp.simplify(e2 / e1))
    if c.is_number and c.is_positive:
        return   # a constant multiple: plain algebra, not this lemma
    positive = facts.is_positive(c, context)
    nonzero = k1 in ("=", "≠") and not positive and facts.is_nonzero(c, context)
    needed = "c ≠ 0 (an equation)" if nonzero else "c > 0"
    sign_ok = positive or nonzero
    yield Instance(f"c = {c}", (
        Condition(f"{needed}: {c}", sign_ok),
        Condition("the second relation is the first multiplied by c",
                  sp.simplify(e2 - c * e1) == 0)))


def monotone_equivalences(name: str):
    """``a ⋈ b ⇔ F(a) ⋈ F(b)`` for F = exp (any a, b) or log (a, b > 0)."""
    F = _INCREASING[name]

    def matcher(prev, cur, context):
        f1, k1 = normal_form(prev)
        f2, k2 = normal_form(cur)
        if k1 != k2:
            return
        a1, b1 = _oriented(prev)
        a2, b2 = _oriented(cur)
        # a ⋈ b is also −b ⋈ −a (and b ⋈ a for = and ≠)
        pairs = [(a1, b1), (-b1, -a1)] + ([(b1, a1)] if k1 in ("=", "≠") else [])
        for a, b in pairs:
            conditions = ()
            if F is sp.log:
                conditions = tuple(Condition(f"{v} > 0", facts.is_positive(expanded(v), context))
                                   for v in (a, b))
                if not all(c.holds for c in conditions):
                    continue
            if same_value(a2, F(a)) and same_value(b2, F(b)):
                yield Instance(f"a = {a}, b = {b}", conditions)
    return matcher


def _oriented(rel):
    if isinstance(rel, (sp.Ge, sp.Gt)):
        return rel.rhs, rel.lhs
    return rel.lhs, rel.rhs
