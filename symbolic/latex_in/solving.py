"""Rows of an equation being solved: each is equivalent to the one before.

``e^z(1-P) = P``, then ``e^z = P(1 + e^z)``, then ``P = …``: the rows of a solution
are not identities in P and z, so checking each as one refutes them all.  A lone
equation that fails as an identity, written right after another lone equation in
the same unknowns, is checked as a step of solving: that the two equations hold
at the same points (the engine's ⇔ check).  It is refuted only when that fails
too and both rows stand in one display block, where they are meant as one
derivation; otherwise a failure is ``unknown``.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, replace

import sympy as sp

from symbolic.latex_in.check import Limits, decide
from symbolic.latex_in.confidence import sizes
from symbolic.verdict import Verdict
from symbolic.quantities import differentiate


@dataclass(frozen=True)
class EquationRow:
    """A lone equation of a document that the next row may continue solving."""

    equation: sp.Eq
    line: int
    block: int
    section: int
    unknowns: frozenset


def _unknowns(*exprs) -> frozenset:
    free = set().union(*(e.free_symbols for e in exprs))
    return frozenset(s for s in free if isinstance(s, sp.Symbol)) - frozenset(sizes(free))


def _derivative(claim) -> bool:
    """A row that differentiates is an identity to check, never a step of solving (its
    derivative, read as 0 where a dependence is not read, would make any row "equivalent")."""
    return bool(claim.lhs.atoms(sp.Derivative) or claim.rhs.atoms(sp.Derivative)) or \
        "\\partial" in claim.lhs_text + claim.rhs_text or \
        re.search(r"\\frac\s*\{\s*d", claim.lhs_text + claim.rhs_text) is not None


def equation_row(claim, line: int, block: int, section: int) -> EquationRow | None:
    """The row a lone equation (claim or definition) offers to the next one.

    >>> from symbolic.latex_in.chains import Claim
    >>> x = sp.Symbol("x", real=True)
    >>> equation_row(Claim("=", "x", "2", 0, lhs=x, rhs=sp.Integer(2)), 3, 1, 0).line
    3
    """
    if claim.lhs is None or claim.rhs is None or claim.relation != "=" or _derivative(claim):
        return None
    unknowns = _unknowns(claim.lhs, claim.rhs)
    if not unknowns:
        return None
    try:
        equation = sp.Eq(claim.lhs, claim.rhs, evaluate=False)
    except (TypeError, ValueError):
        return None
    return EquationRow(equation, line, block, section, unknowns)


def solving_step(previous: EquationRow, claim, block: int, limits: Limits,
                 key: str) -> Verdict | None:
    """The verdict on ``claim`` as the next row of solving ``previous`` (None: not one)."""
    if claim.lhs is None or claim.rhs is None or claim.relation != "=" or _derivative(claim) \
            or previous.equation.atoms(sp.Derivative):
        return None
    if _unknowns(claim.lhs, claim.rhs) != previous.unknowns:
        return None
    current = sp.Eq(claim.lhs, claim.rhs, evaluate=False)
    # a derivative left unevaluated would be abstracted as an unknown by the ⇔ check
    done = lambda e: e.replace(lambda d: isinstance(d, sp.Derivative),  # noqa: E731
                               differentiate)
    step = replace(claim, relation="⇔", lhs=done(previous.equation), rhs=done(current))
    verdict = decide(step, limits, key=key + ":solving")
    where = f"line {previous.line}"
    if verdict.holds:
        return Verdict(verdict.status, f"a step of solving: equivalent to the equation on {where} "
                       f"({verdict.method})", verdict.samples, seconds=verdict.seconds)
    if verdict.status == "refuted" and block == previous.block:
        return Verdict("refuted", f"neither an identity nor equivalent to the equation on {where} "
                       f"({verdict.method})", verdict.samples, verdict.counterexample,
                       seconds=verdict.seconds)
    return Verdict("unknown", "none", reason=f"not an identity, and not shown equivalent to the "
                   f"equation on {where}: {verdict.reason or verdict.method}",
                   seconds=verdict.seconds)
