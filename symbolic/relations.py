"""The relation vocabulary, in one table: symbol, spellings, SymPy class, LaTeX.

Every other module (derivations, printers, the checkers) reads relations from
here, so a new relation is added in one place.

>>> symbol_of("<=")
'≤'
>>> RELATIONS["≥"].latex, RELATIONS["≥"].sympy_class.__name__
('\\\\ge', 'GreaterThan')
>>> relation_of(sp.Le(sp.Symbol("a"), 1))
'≤'
>>> make_relation(sp.Symbol("a"), "≥", 0)
a >= 0
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp


@dataclass(frozen=True)
class Relation:
    """One relation: its symbol, the other spellings accepted for it, its SymPy
    class (None for ≈ and ⇔, which SymPy has no class for), its LaTeX and its
    direction (−1 for ≤ and <, +1 for ≥ and >, 0 otherwise)."""

    symbol: str
    spellings: tuple
    sympy_class: type | None
    latex: str
    direction: int = 0

    @property
    def strict(self) -> bool:
        return self.symbol in ("<", ">")


RELATIONS = {r.symbol: r for r in (
    Relation("=", ("==",), sp.Eq, "="),
    Relation("≤", ("<=",), sp.Le, r"\le", -1),
    Relation("≥", (">=",), sp.Ge, r"\ge", 1),
    Relation("<", (), sp.Lt, "<", -1),
    Relation(">", (), sp.Gt, ">", 1),
    Relation("≈", ("~=",), None, r"\approx"),
    Relation("≠", ("!=",), sp.Ne, r"\ne"),
    Relation("⇔", ("<=>", "iff"), None, r"\Leftrightarrow"),
)}

#: Every accepted spelling → its symbol.
SPELLINGS = {s: r.symbol for r in RELATIONS.values() for s in (r.symbol, *r.spellings)}

#: Symbol → LaTeX.
RELATION_LATEX = {r.symbol: r.latex for r in RELATIONS.values()}


def symbol_of(text: str) -> str:
    """The canonical symbol of a relation spelling (ValueError if unknown)."""
    try:
        return SPELLINGS[text]
    except KeyError:
        raise ValueError(f"unknown relation {text!r}; use one of "
                         f"{', '.join(sorted(RELATIONS))}") from None


def relation_of(rel: sp.Basic) -> str:
    """The symbol of a SymPy relational (``Eq`` → ``=``)."""
    for r in RELATIONS.values():
        if r.sympy_class is not None and type(rel) is r.sympy_class:
            return r.symbol
    raise ValueError(f"not a relation: {rel}")


def make_relation(lhs, relation: str, rhs):
    """The unevaluated SymPy relation ``lhs relation rhs``."""
    r = RELATIONS.get(relation)
    if r is None or r.sympy_class is None:
        raise ValueError(f"no single relation joins the chain ({relation})")
    return r.sympy_class(lhs, rhs, evaluate=False)


def direction(relation: str) -> int:
    """−1 for ≤ and <, +1 for ≥ and >, 0 for the others.

    >>> direction("<"), direction("="), direction("≥")
    (-1, 0, 1)
    """
    return RELATIONS[relation].direction
