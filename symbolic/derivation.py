"""Steps, derivations and verdicts: frozen data, no behaviour beyond bookkeeping.

Two kinds of chain share one model:

* an **expression chain** starts from an expression; each step gives the next
  expression and its relation to the previous one (``=``, ``≤``, ``≥``, ``<``,
  ``>``, ``≈``, ``≠``);
* an **equation chain** starts from a relation (``Eq(x, logit(y))``); each
  ``⇔`` step gives a relation equivalent to the previous one.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> d = Derivation("demo", "Demo", (Source("002_639aed3e79f5524e.txt", "logit"),),
...                start=(x + 1) ** 2,
...                steps=(Step(x**2 + 2*x + 1, "=", "expand the square"),))
>>> d.conclusion
((x + 1)**2, '=', x**2 + 2*x + 1)
>>> d.source
'002_639aed3e79f5524e.txt (logit)'
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symbolic.context import Context

#: Relation symbols, with the ASCII spellings accepted for each.
RELATIONS = {
    "=": "=", "==": "=",
    "≤": "≤", "<=": "≤",
    "≥": "≥", ">=": "≥",
    "<": "<", ">": ">",
    "≈": "≈", "~=": "≈",
    "≠": "≠", "!=": "≠",
    "⇔": "⇔", "<=>": "⇔", "iff": "⇔",
}

_SYMPY_RELATION = {sp.Eq: "=", sp.Le: "≤", sp.Ge: "≥", sp.Lt: "<", sp.Gt: ">", sp.Ne: "≠"}


def relation_symbol(text: str) -> str:
    """The canonical symbol of a relation spelling.

    >>> relation_symbol("<=")
    '≤'
    """
    try:
        return RELATIONS[text]
    except KeyError:
        raise ValueError(f"unknown relation {text!r}; use one of "
                         f"{', '.join(sorted(set(RELATIONS.values())))}") from None


def relation_of(rel: sp.Basic) -> str:
    """The symbol of a SymPy relational (``Eq`` → ``=``).

    >>> relation_of(sp.Le(sp.Symbol("a"), 1))
    '≤'
    """
    for kind, symbol in _SYMPY_RELATION.items():
        if type(rel) is kind:
            return symbol
    raise ValueError(f"not a relation: {rel}")


@dataclass(frozen=True)
class Source:
    """Where a derivation comes from: a seed file name and its section."""

    file: str
    section: str = ""

    def __str__(self) -> str:
        return f"{self.file} ({self.section})" if self.section else self.file


@dataclass(frozen=True)
class Step:
    """The next expression (or relation, for ``⇔``), how it relates, and why."""

    expr: sp.Basic
    relation: str
    reason: str

    def __post_init__(self):
        object.__setattr__(self, "relation", relation_symbol(self.relation))
        object.__setattr__(self, "expr", sp.sympify(self.expr))


@dataclass(frozen=True)
class Derivation:
    """A named chain of steps from ``start``, with its sources and context.

    ``notes`` hold remarks for the reader: what a document wrote where it was
    wrong, equality cases, conventions.
    """

    name: str
    title: str
    sources: tuple
    start: sp.Basic
    steps: tuple
    context: Context = field(default_factory=Context)
    notes: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "start", sp.sympify(self.start))
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "notes", tuple(self.notes))

    @property
    def source(self) -> str:
        """The sources as one string, seed file names first."""
        return ", ".join(str(s) for s in self.sources)

    @property
    def is_equation_chain(self) -> bool:
        return isinstance(self.start, sp.core.relational.Relational)

    def pairs(self):
        """(previous expression, step) for every step."""
        previous = self.start
        for step in self.steps:
            yield previous, step
            previous = step.expr

    @property
    def conclusion(self):
        """(start, overall relation, last expression); relation None if mixed ≤/≥."""
        return self.start, combine_relations(s.relation for s in self.steps), self.steps[-1].expr


_DIRECTION = {"≤": -1, "<": -1, "≥": 1, ">": 1}


def combine_relations(relations) -> str | None:
    """The relation a chain implies between its ends.

    >>> combine_relations(["=", "≥", "=", ">"])
    '>'
    >>> combine_relations(["≤", "≥"]) is None
    True
    """
    result = "="
    for rel in relations:
        if rel == "⇔" or result == "⇔":
            result = "⇔" if result in ("=", "⇔") and rel == "⇔" else None
        elif rel == "=":
            continue
        elif rel == "≈":
            result = "≈" if result in ("=", "≈") else None
        elif rel == "≠":
            result = "≠" if result == "=" else None
        elif result == "=":
            result = rel
        elif result in _DIRECTION and _DIRECTION[result] == _DIRECTION[rel]:
            strict = "<" in (result, rel) or ">" in (result, rel)
            result = ("<" if strict else "≤") if _DIRECTION[rel] < 0 else (">" if strict else "≥")
        else:
            result = None
        if result is None:
            return None
    return result
