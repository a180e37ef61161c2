"""One symbolic attempt at a relation: SymPy first, then the lemmas, case splits and
interval arithmetic.  :func:`symbolic.verify.check_relation` runs it in a
time-limited worker.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> prove_relation(sp.log(x**2), 2 * sp.log(x), "=").method
'symbolic: simplify'
>>> prove_relation(sp.exp(1), sp.Rational(27, 10), "≥").method
'interval arithmetic at 64 bits: lhs ≥ rhs'
"""
from __future__ import annotations

import sympy as sp

from symbolic import prove
from symbolic.context import Context
from symbolic.lemmas.base import Proof
from symbolic.lemmas.cases import prove_identity
from symbolic.lemmas.decimals import Decision, decide
from symbolic.lemmas.library import prove_order


def _decided(lhs, rhs, relation):
    decision = decide(lhs, rhs, relation)
    if decision is None or not decision.holds:
        return decision
    return Proof(decision.method, side_conditions=(decision.detail,))


def prove_relation(lhs, rhs, relation: str, context: Context | None = None
                   ) -> Proof | Decision | None:
    """A :class:`Proof` of ``lhs relation rhs``, a failing :class:`Decision` when
    interval arithmetic shows a relation between numbers false, or None."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    constant = not (lhs.free_symbols or rhs.free_symbols)
    if relation in ("=", "≈"):
        method = prove.prove_equal(lhs, rhs)
        if method:
            return Proof(f"symbolic: {method}")
        if relation == "≈":
            return _decided(lhs, rhs, relation) if constant else None
        return None if constant else prove_identity(lhs, rhs, context)
    if constant:
        decision = _decided(lhs, rhs, relation)
        if decision is not None:
            return decision
    return prove_order(lhs, rhs, relation, context)
