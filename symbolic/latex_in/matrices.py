r"""Matrices and vectors written as displays: ``bmatrix``, ``pmatrix``, ``matrix``, ``array``.

The split pass (:mod:`symbolic.latex_in.documents`) replaces each display by the placeholder
``\cases`` (its ``&`` and ``\\`` must not cut the chain) and keeps its cells here.  A relation
``=`` (or ``\approx``) whose two sides are each one display of the same shape is compared entry
by entry, like two lists (:func:`symbolic.latex_in.chains.entrywise`):

    \begin{bmatrix} \frac{\partial}{\partial x} x^2 y \\ \frac{\partial}{\partial y} x^2 y
    \end{bmatrix} = \begin{bmatrix} 2xy \\ x^2 \end{bmatrix}

claims ``\frac{\partial}{\partial x} x^2 y = 2xy`` and ``\frac{\partial}{\partial y} x^2 y = x^2``.
What is not compared (the relation stays ``unknown``): a display beside anything that is not a
display of the same shape (a Jacobian ``\frac{\partial \mathbf{g}}{\partial x}``, a product of
two displays), a display with elided entries (``\vdots``, ``\dots``), a display used for layout
(cells that hold relations, or cases), and determinants (``vmatrix``, which is not kept).

>>> cells_of(r"a & b \\ c & d \\")
(('a', 'b'), ('c', 'd'))
"""
from __future__ import annotations

import re

from symbolic.latex_in.relations import split_chain
from symbolic.latex_in.scan import split_top

PLACEHOLDER = "\\cases"
_ROW = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
_ELIDED = re.compile(r"\\(?:[vcdl]?dots|dotsc|dotsb)(?![A-Za-z])|\.\.\.")
# a side that is one display and nothing else: \cases, \left( \cases \right), [\cases]
_BARE = re.compile(r"\s*(?:\\left\s*)?[(\[]?\s*\\cases\s*(?:\\right\s*)?[)\]]?\s*[.,]?\s*")


def _split(text: str, mark: str) -> list:
    """``text`` cut at each ``mark`` outside braces (a ``\\\\`` or an ``&``)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c == "\\" and text.startswith(mark, i) and depth == 0 and mark == "\\\\":
            out.append(text[start:i])
            end = _ROW.match(text, i).end()
            start = i = end
            continue
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == mark and depth == 0:
            out.append(text[start:i])
            start = i + 1
        i += 1
    out.append(text[start:])
    return out


def cells_of(body: str):
    r"""The cells of a display's body, row by row, or None when it is not a rectangle of
    expressions (a cell that is empty, holds a relation or cases, or rows of unequal length).

    >>> cells_of(r"1 & x = 2 \\ 3 & 4") is None, cells_of(r"1 & 2 \\ 3") is None
    (True, True)
    >>> cells_of(r"\frac{a}{b} \\ c")
    (('\\frac{a}{b}',), ('c',))
    """
    rows = [r for r in _split(body, "\\\\") if r.strip()]
    cells = tuple(tuple(c.strip() for c in _split(r, "&")) for r in rows)
    if not cells or len({len(r) for r in cells}) != 1:
        return None
    for row in cells:
        for cell in row:
            if not cell or PLACEHOLDER in cell or split_chain(cell).relations or \
                    len(split_top(cell, ",")) > 1:
                return None
    return cells


def placed(text: str, offsets, displays: dict) -> tuple:
    r"""For each placeholder of ``text`` (in order), the cells of the display it stands for
    (``displays``: file offset to cells), or None (cases, or a display not kept).

    >>> placed(r"a = \cases", list(range(100, 110)), {104: (("1",),)})
    ((('1',),),)
    """
    out, at = [], text.find(PLACEHOLDER)
    while at >= 0:
        out.append(displays.get(offsets[at]) if at < len(offsets) else None)
        at = text.find(PLACEHOLDER, at + 1)
    return tuple(out)


def entry_rows(chain, text: str, shown: tuple) -> dict:
    r"""``{relation index: [rows]}`` for each relation of ``chain`` (split from ``text``)
    between two displays of one shape: the rows ``a_{ij} = b_{ij}`` of their entries.

    >>> rows = entry_rows(split_chain(r"\cases = \cases"), r"\cases = \cases",
    ...                   ((("x + x",), ("1",)), (("2x",), ("1",))))
    >>> rows
    {0: ['x + x = 2x', '1 = 1']}
    >>> entry_rows(split_chain(r"g = \cases"), r"g = \cases", ((("1",), ("2",)),))
    {}
    """
    out = {}
    if not shown:
        return out
    for n, rel in enumerate(chain.relations):
        if rel.symbol not in ("=", "≈"):
            continue
        pair = []
        for side, at in zip(chain.sides[n:n + 2], chain.side_positions[n:n + 2]):
            k = text.count(PLACEHOLDER, 0, at + side.find(PLACEHOLDER))
            pair.append(shown[k] if _BARE.fullmatch(side) and k < len(shown) else None)
        a, b = pair
        if a is None or b is None or len(a) != len(b) or len(a[0]) != len(b[0]) or \
                len(a) * len(a[0]) < 2 or any(_ELIDED.search(c) for r in a + b for c in r):
            continue
        word = "=" if rel.symbol == "=" else "\\approx"
        out[n] = [f"{x} {word} {y}" for ra, rb in zip(a, b) for x, y in zip(ra, rb)]
    return out


def with_entries(claims: list, chain, rows: dict, read) -> list:
    """``claims`` with each claim of a relation in ``rows`` replaced by the claims of its
    entries (``read`` reads one row), which keep the relation's position."""
    at = {chain.relations[n].position: texts for n, texts in rows.items()}
    out = []
    for claim in claims:
        if claim.position not in at:
            out.append(claim)
            continue
        for row in at.pop(claim.position):
            for entry in read(row):
                entry.position = claim.position
                out.append(entry)
    return out
