"""The lemma library, and the provers that apply it to a step.

:data:`LEMMAS` lists every lemma by name, in the order the provers try them.
:func:`prove_order` proves ``lhs ≤ rhs`` (or ≥, <, >) by SymPy alone or by a
lemma; :func:`prove_equivalence` proves ``prev ⇔ cur``.  Both run inside the
time-limited symbolic attempt of :mod:`symbolic.verify`.

>>> import sympy as sp
>>> from symbolic.objects import index, pmf, support_size
>>> K, k = support_size("K"), index("k")
>>> p, q = pmf("p", K), pmf("q", K)
>>> proof = prove_order(sp.Sum(p[k] * sp.log(p[k] / q[k]), (k, 1, K)), 0, "≥")
>>> proof.method, proof.uses
('lemma: gibbs', ('gibbs',))
>>> prove_order(sp.Sum(p[k] * sp.log(p[k] / q[k]), (k, 1, K)), 0, "≤") is None
True
"""
from __future__ import annotations

import sympy as sp

from symbolic import prove
from symbolic.context import Context
from symbolic.lemmas import inequalities as ineq
from symbolic.lemmas import monotone
from symbolic.lemmas.base import Lemma, Proof, expanded, same_value

MAX_DEPTH = 3

LEMMAS = (
    Lemma("surprisal-nonnegative", "The information of an event is nonnegative",
          "-log P >= 0 (weighted by w >= 0, termwise over a sum)",
          ("0 < P", "P <= 1", "w >= 0"), ineq.surprisal_instances),
    Lemma("log-at-most-x-minus-1", "The logarithm lies below its tangent at 1",
          "log t <= t - 1 (weighted by w >= 0, termwise over a sum)",
          ("t > 0", "w >= 0"), ineq.log_bound_instances),
    Lemma("gibbs", "Gibbs' inequality",
          "D(p||q) = sum_k p_k log(p_k / q_k) >= 0",
          ("p is a pmf: p_k >= 0, sum_k p_k = 1", "q_k > 0", "sum_k q_k <= 1"),
          ineq.gibbs_instances),
    Lemma("entropy-at-most-log-support", "Entropy is at most the log of the support size",
          "H(p) = -sum_k p_k log p_k <= log K",
          ("p is a pmf on K outcomes: p_k >= 0, sum_k p_k = 1",), ineq.entropy_bound_instances),
    Lemma("jensen", "Jensen's inequality",
          "f(sum_k p_k x_k) <= sum_k p_k f(x_k) for a convex f (>= for a concave f)",
          ("p is a pmf: p_k >= 0, sum_k p_k = 1",
           "f convex (concave) on an interval holding every x_k: f'' >= 0 (<= 0) there"),
          ineq.jensen_instances),
    Lemma("log-sum-inequality", "The log-sum inequality",
          "sum_k a_k log(a_k / b_k) >= (sum_k a_k) log(sum_k a_k / sum_k b_k)",
          ("a_k > 0", "b_k > 0", "the range of k is not empty"), ineq.log_sum_instances),
    Lemma("exp-is-increasing", "exp is increasing",
          "a <= b implies exp(a) <= exp(b) (< stays <); a R b <=> exp(a) R exp(b)",
          ("a, b real",), monotone.monotone_instances("exp")),
    Lemma("log-is-increasing", "log is increasing on (0, oo)",
          "a <= b implies log a <= log b (< stays <); a R b <=> log a R log b",
          ("a > 0", "b > 0"), monotone.monotone_instances("log")),
    Lemma("positive-multiplier", "Multiplying both sides by a positive quantity",
          "a <= b implies c a <= c b; a R b <=> c a R c b",
          ("c > 0 (for an equation, c != 0 suffices)",), monotone.multiplier_instances),
)

#: The rules for ⇔ steps: the lemma each implements and its matcher.
EQUIVALENCE_RULES = (
    ("exp-is-increasing", monotone.monotone_equivalences("exp")),
    ("log-is-increasing", monotone.monotone_equivalences("log")),
    ("positive-multiplier", monotone.multiplier_equivalences),
)

BY_NAME = {lemma.name: lemma for lemma in LEMMAS}


def lemma_named(name: str) -> Lemma:
    """The lemma called ``name`` (KeyError if there is none).

    >>> lemma_named("gibbs").title
    "Gibbs' inequality"
    """
    return BY_NAME[name]


def _oriented(lhs, rhs, relation: str):
    """(small, large, strict) of an order relation."""
    if relation in ("≥", ">"):
        lhs, rhs = rhs, lhs
    return lhs, rhs, relation in ("<", ">")


def _plain(lhs, rhs, relation):
    try:
        method = prove.prove_order(lhs, rhs, relation)
    except (ArithmeticError, LookupError, TypeError, ValueError, StopIteration):
        method = None   # SymPy gave up with an error: the lemmas may still apply
    return Proof(f"symbolic: {method}") if method else None


def prove_order(lhs, rhs, relation: str, context: Context | None = None,
                depth: int = 0) -> Proof | None:
    """A proof of ``lhs relation rhs`` (≤, ≥, <, >) by SymPy or by a lemma, or None."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    plain = _plain(lhs, rhs, relation)
    if plain is not None or depth >= MAX_DEPTH:
        return plain
    small, large, strict = _oriented(expanded(lhs), expanded(rhs), relation)
    for lemma in LEMMAS:
        for instance in lemma.matcher(small, large, context, strict=strict):
            if not all(c.holds for c in instance.conditions):
                continue
            if instance.gap is not None:
                if not strict and same_value(large - small, instance.gap):
                    return lemma.proof(instance)
                continue
            used = []
            for a, rel, b in instance.subgoals:
                sub = prove_order(a, b, rel, context, depth + 1)
                if sub is None:
                    break
                used += [u for u in sub.uses if u not in used]
            else:
                return lemma.proof(instance, tuple(u for u in used if u != lemma.name))
    return None


def prove_equivalence(prev, cur, variables=(), context: Context | None = None) -> Proof | None:
    """A proof of ``prev ⇔ cur`` for two relations: SymPy's rules, then the lemmas."""
    method = prove.prove_equivalent(prev, cur, variables)
    if method:
        return Proof(f"symbolic: {method}")
    for name, matcher in EQUIVALENCE_RULES:
        for instance in matcher(prev, cur, context):
            if all(c.holds for c in instance.conditions):
                return BY_NAME[name].proof(instance)
    return None
