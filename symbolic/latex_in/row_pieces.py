r"""Cut one row of math into its claims, each a :class:`Piece` with what was set aside from
it (:func:`symbolic.latex_in.sidenotes.set_aside`: notes, conditions, cuts).

A parameter list (``P(x): \mu = 0, \sigma = 2.2395 \quad Q(x): \mu = 7.484``) is cut into one
assignment per piece (``listed``), each with the label before its colon (``scope``).

>>> [(p.text.strip(), p.conditions) for p in pieces(r"\delta_{ij} = 1 \quad \text{if } i = j")]
[('\\delta_{ij} = 1', ('i = j',))]
>>> [(p.text.strip(), p.notes) for p in pieces(r"a \le b \quad (\text{by Jensen})")]
[('a \\le b', ('(\\text{by Jensen})',))]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from symbolic.latex_in.relations import split_chain
from symbolic.latex_in.scan import depth_at, split_top
from symbolic.latex_in.sidenotes import (
    SPACING,
    blank,
    blank_markup,
    set_aside,
)


@dataclass(frozen=True)
class Piece:
    """One claim's text cut from a row, with what was set aside from it."""

    text: str
    offsets: tuple
    conditions: tuple = ()
    notes: tuple = ()
    new_claim: bool = False  # begins a claim of its own (\therefore, a connective)
    listed: bool = False     # one of several assignments written in one row
    scope: str = ""          # ``P(x)`` in ``P(x): \mu = 0``


LABEL = re.compile(r"\s*([^=<>:$\\]{1,30}?|\\[A-Za-z]+\s*\([^()]*\)|[A-Za-z]\([^()]*\))\s*:(?!=)")


def _whole_relation(text: str) -> bool:
    """A relation with something on each side of each symbol (not ``\\Leftrightarrow``)."""
    chain = split_chain(text)
    return bool(chain.relations) and all(side.strip() for side in chain.sides)


def _split_list(text: str, offs: list) -> list:
    """``a = 1, b = 2`` or ``P(x): \\mu = 0, … \\quad Q(x): …``: (text, offs, scope) each.

    >>> [t.strip() for t, _, _ in _split_list(r"P(y = 1 | x; \\theta) = \\sigma(z)", list(range(30)))]
    ['P(y = 1 | x; \\\\theta) = \\\\sigma(z)']
    """
    groups, pos = [], 0
    # p(y | x; \theta) = …: a semicolon inside brackets separates parameters, not relations
    for m in re.finditer(r"\\qquad|\\quad|;", text):
        if depth_at(text, m.start()) == 0:
            groups.append((text[pos:m.start()], offs[pos:m.start()]))
            pos = m.end()
    groups.append((text[pos:], offs[pos:]))
    out = []
    for group, goffs in groups:
        if not group.strip():
            continue
        scope, label = "", LABEL.match(group)
        if label and split_chain(group[label.end():]).relations \
                and not split_chain(label.group(1)).relations:
            scope = label.group(1).strip()
            group = blank(group, 0, label.end())
        pos = 0
        for part in split_top(group, ","):
            out.append((part, goffs[pos:pos + len(part)], scope))
            pos += len(part) + 1
    parts = [p for p in out if p[0].strip()]
    if len(parts) > 1 and all(_whole_relation(p[0]) for p in parts):
        return parts
    return [(text, offs, "")]


def _trim_spacing(chunk: str) -> str:
    """Blank ``\\quad``, ``~`` and the like at either end of a piece."""
    head = re.match(r"(?:\s|~|\\q?quad|\\[,;:!])*", chunk).end()
    tail = SPACING.search(chunk).start()
    return blank(blank(chunk, 0, head), max(tail, head), len(chunk))


def _left_side(text: str) -> str:
    chain = split_chain(text)
    return " ".join(chain.sides[0].split()) if chain.relations else ""


def pieces(row: str, offs: list | None = None) -> list:
    """The claims of one row, each a ``Piece`` (see the module).

    >>> [(p.text.strip(), p.new_claim) for p in pieces(r"a = b \\therefore c = d")]
    [('a = b', False), ('c = d', True)]
    >>> [p.text.strip() for p in pieces(r"a = b \\rightarrow c = d")]
    ['a = b', 'c = d']
    """
    offs = list(range(len(row))) if offs is None else list(offs)
    text, notes, conditions, cuts = set_aside(blank_markup(row))
    # a full stop ends the row; the ; of a spacing command \; stays with its backslash
    end = re.search(r"(?<!\\)(?:\\\\)*([,.;]\s*)$", text)      # (an even run of backslashes before it)
    if end:
        text = text[:end.start(1)] + " " * (len(text) - end.start(1))
    bounds = [0] + sorted(set(cuts)) + [len(text)]
    out = []
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        chunk = _trim_spacing(text[a:b])
        if not chunk.strip():
            continue
        if out and _left_side(chunk) and _left_side(chunk) == _left_side(out[-1].text):
            # "L = A, or equivalently L = B": one chain L = A = B
            chunk = blank(chunk, 0, split_chain(chunk).relations[0].position)
            out.append(Piece(chunk, tuple(offs[a:b]), conditions, notes))
            continue
        listed = _split_list(chunk, offs[a:b])
        for part, poffs, scope in listed:
            out.append(Piece(part, tuple(poffs), conditions, notes, k > 0 or bool(out),
                             len(listed) > 1, scope))
    if not out and (conditions or notes):
        out.append(Piece(" " * len(text), tuple(offs), conditions, notes))
    return out
