"""Plain text for a terminal: one line per step with its verdict and reason."""
from __future__ import annotations

import sympy as sp

from symbolic.derivation import is_relation
from symbolic.relations import relation_of


def plain(expr) -> str:
    """SymPy's string form of an expression or relation.

    >>> plain(sp.Eq(sp.Symbol("x"), 1))
    'x = 1'
    """
    if is_relation(expr):
        return f"{plain(expr.lhs)} {relation_of(expr)} {plain(expr.rhs)}"
    return sp.sstr(expr)


def derivation_text(report) -> str:
    """The derivation, its source, each step with verdict and reason, and notes."""
    d = report.derivation
    lines = [f"{d.name}: {d.title}", f"source: {d.source_sections}", f"verdict: {report.verdict}", "",
             f"    {plain(d.start)}"]
    for sr in report.steps:
        v = sr.verdict
        lines.append(f"  {sr.step.relation} {plain(sr.step.expr)}")
        lines.append(f"      [{v.status}: {v.method}] {sr.step.reason}")
        if v.reason:
            lines.append(f"      why: {v.reason}")
        if v.counterexample is not None:
            lines.append(f"      counterexample: {v.counterexample.describe()}")
    for note in d.notes:
        lines.append(f"note: {note}")
    for e in d.errata:
        lines.append(f"erratum: {e.file}:{e.line}: {e.correction}")
    return "\n".join(lines) + "\n"
