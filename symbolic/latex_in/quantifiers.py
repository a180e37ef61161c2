r"""Quantifiers written in a row: ``\forall x \in X, y \in Y, p(x, y) = p(x)p(y)``.

The quantifier is set aside as a note of the row (:func:`leading_quantifier`), and a relation
stated under one may define a property its variables are asked to have rather than claim an
identity (:func:`quantifier_doubts`).
"""
from __future__ import annotations

import re

from symbolic.latex_in.markup import blanked
from symbolic.latex_in.relations import split_chain
from symbolic.latex_in.scan import depth_at


def leading_quantifier(text: str, notes: list) -> str:
    r"""``\forall x \in X, y \in Y, p(x, y) = p(x)p(y)``: the quantifier, up to the last
    comma (colon, ``\quad``) before the relation it ranges over, set aside as a note.

    >>> notes = []
    >>> leading_quantifier(r"\forall x \in X, y \in Y, p(x, y) = p(x)p(y)", notes).strip()
    'p(x, y) = p(x)p(y)'
    >>> notes
    ['\\forall x \\in X, y \\in Y,']
    >>> leading_quantifier(r"\forall x > 0, \log x < x", []).strip()
    '\\log x < x'
    """
    m = re.match(r"\s*\\forall(?![A-Za-z])", text)
    if not m:
        return text
    cuts = [c for c in re.finditer(r",|:(?!=)|\\q?quad(?![A-Za-z])", text)
            if c.start() > m.end() and depth_at(text, c.start()) == 0]
    if not cuts:
        return text
    after = cuts[0].end()
    relations = split_chain(text[after:]).relations
    if not relations:
        return text
    end = max((c for c in cuts if c.start() < after + relations[0].position),
              key=lambda c: c.start()).end()
    if not split_chain(text[end:]).relations:
        return text
    notes.append(text[m.start():end].strip())
    return blanked(text, [(0, end)])


QUANTIFIED = ("a relation under a quantifier (\\forall …) may state a property its variables "
              "are asked to have (independence: p(x, y) = p(x)p(y)), not an identity")


def quantifier_doubts(notes) -> list[str]:
    """The doubt of a row that states its relation under a quantifier (``\\forall …``), which
    may define a property rather than claim an identity; [] for any other row."""
    return [QUANTIFIED] if any(n.lstrip().startswith("\\forall") for n in notes) else []
