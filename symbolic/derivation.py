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
>>> d.source, d.source_sections
('002_639aed3e79f5524e.txt', '002_639aed3e79f5524e.txt (logit)')
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symbolic.context import Context
from symbolic.relations import SPELLINGS, direction, make_relation, relation_of, symbol_of

__all__ = ["Step", "Derivation", "Source", "Erratum", "RELATIONS", "relation_symbol",
           "relation_of", "make_relation", "is_relation", "combine_relations"]

#: Relation symbols, with the ASCII spellings accepted for each (from :mod:`symbolic.relations`).
RELATIONS = SPELLINGS


def relation_symbol(text: str) -> str:
    """The canonical symbol of a relation spelling.

    >>> relation_symbol("<=")
    '≤'
    """
    return symbol_of(text)


@dataclass(frozen=True)
class Source:
    """Where a derivation comes from: a seed file name and its section."""

    file: str
    section: str = ""

    def __str__(self) -> str:
        return f"{self.file} ({self.section})" if self.section else self.file


@dataclass(frozen=True)
class Step:
    """The next expression (or relation, for ``⇔``), how it relates, and why.

    ``reason`` is for people; ``uses`` names, as data, the lemmas of
    :mod:`symbolic.lemmas` and the catalogue derivations the step applies, so
    that printers can link them and a dependency graph can be drawn.

    >>> Step(sp.Integer(0), "≥", "Gibbs", uses=("gibbs",)).uses
    ('gibbs',)
    """

    expr: sp.Basic
    relation: str
    reason: str
    uses: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "relation", relation_symbol(self.relation))
        object.__setattr__(self, "expr", sp.sympify(self.expr))
        if isinstance(self.uses, str):
            raise TypeError("Step.uses is a tuple of names, not one string")
        object.__setattr__(self, "uses", tuple(self.uses))


@dataclass(frozen=True)
class Erratum:
    """A mistake in a source document, with the wrong claim as a checkable relation.

    ``claim`` is ``(lhs, relation, rhs)`` exactly as the document wrote it;
    checking it must give ``refuted`` (a counterexample) — or, for a number
    stated too loosely, fail the one-unit-in-the-last-digit rule.
    """

    file: str
    line: int
    wrote: str
    correction: str
    claim: tuple
    context: Context | None = None


@dataclass(frozen=True)
class Derivation:
    """A named chain of steps from ``start``, with its sources and context.

    ``notes`` hold remarks for the reader (equality cases, conventions, what a
    document wrote where it was wrong); ``errata`` the document's mistakes as
    checkable claims (see :class:`Erratum`).
    """

    name: str
    title: str
    sources: tuple
    start: sp.Basic
    steps: tuple
    context: Context = field(default_factory=Context)
    notes: tuple = ()
    errata: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "start", sp.sympify(self.start))
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "notes", tuple(self.notes))
        object.__setattr__(self, "errata", tuple(self.errata))

    @property
    def source(self) -> str:
        """The seed file names, comma-separated (the JSON ``source`` field)."""
        return ", ".join(dict.fromkeys(s.file for s in self.sources))

    @property
    def source_sections(self) -> str:
        """The sources with their sections, for people."""
        return ", ".join(str(s) for s in self.sources)

    @property
    def is_equation_chain(self) -> bool:
        return is_relation(self.start)

    def pairs(self):
        """(previous expression or relation, step) for every step.

        A ``⇔`` step that follows expression steps restates what the chain has
        shown so far (start R current), so its previous is that relation.
        """
        previous, relations = self.start, []
        for step in self.steps:
            if step.relation == "⇔" and not is_relation(previous):
                previous = make_relation(self.start, combine_relations(relations), previous)
            yield previous, step
            relations.append(step.relation)
            previous = step.expr

    @property
    def conclusion(self):
        """(first, overall relation, last); relation None if mixed ≤/≥.

        For a chain that ends in ``⇔`` steps, ``first`` is the relation the
        equivalences start from.
        """
        pairs = list(self.pairs())
        first = self.start
        relations = [s.relation for s in self.steps]
        for i, (previous, step) in enumerate(pairs):
            if step.relation == "⇔" and is_relation(previous) and not is_relation(self.start):
                first, relations = previous, relations[i:]
                break
        return first, combine_relations(relations), self.steps[-1].expr

    def _repr_markdown_(self) -> str:
        """Jupyter: title, start and steps with their reasons (before checking)."""
        from symbolic.printing.notebook import derivation_markdown_unchecked
        return derivation_markdown_unchecked(self)


def is_relation(expr) -> bool:
    """Is ``expr`` a SymPy relation (Eq, Le, …) rather than an expression?"""
    return isinstance(expr, sp.core.relational.Relational)


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
        elif direction(result) and direction(result) == direction(rel):
            strict = "<" in (result, rel) or ">" in (result, rel)
            result = ("<" if strict else "≤") if direction(rel) < 0 else (">" if strict else "≥")
        else:
            result = None
        if result is None:
            return None
    return result
