r"""A side written as ``\begin{cases}`` over the values of one variable.

``\hat{y}^y (1 - \hat{y})^{1-y} = \begin{cases} \hat{y} & y = 1 \\ 1 - \hat{y} & y = 0
\end{cases}`` claims two things: at y = 1 the left side is ŷ, and at y = 0 it is 1 − ŷ.
When every row's condition gives the same lone variable a number (``y = 1``, ``y == 0``,
``\text{if } y = 1``), the cases are read as one expression that takes each row's value
at its number — the Lagrange interpolation of the rows — and the variable is given
exactly those numbers as its values.  The relation then holds exactly when it holds in
every case.  Any other condition (``otherwise``, ``i \ne k``, ``x > 0``, words) leaves the
cases unread.

>>> text, values = interpolated(r"a^y = \cases", (("a", "y = 1"), ("1", "y == 0")))
>>> text
'a^y = \\left(\\left(a\\right) \\cdot \\frac{y - (0)}{(1) - (0)}+\\left(1\\right) \\cdot \\frac{y - (1)}{(0) - (1)}\\right)'
>>> values
{'y': {0, 1}}
>>> interpolated(r"a = \cases", (("1", "y = 1"), ("0", "otherwise"))) is None
True
"""
from __future__ import annotations

import re

from symbolic.latex_in.names import lone_name
from symbolic.latex_in.reader_patterns import _plain
from symbolic.latex_in.relations import split_chain

PLACEHOLDER = "\\cases"
_CONDITION = re.compile(r"\s*(?:where|if|for|when)?\s*([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*"
                        r"(?:==|=)\s*(-?\d+)\s*")


def interpolated(text: str, rows: tuple):
    """``(text, {variable: values})`` with the one ``\\cases`` of ``text`` written as the
    interpolation of ``rows`` ((value, condition) pairs), or None when it cannot be."""
    if text.count(PLACEHOLDER) != 1 or len(rows) < 2:
        return None
    delta = _index_cases(rows)
    if delta:
        return text.replace(PLACEHOLDER, delta), {}
    points, name = [], None
    for value, condition in rows:
        m = _CONDITION.fullmatch(re.sub(r"\\(?:text|textrm|mathrm)\s*\{\s*(\w+)\s*\}", r"\1",
                                        condition))
        if not m or not value.strip() or not lone_name(m.group(1)) or \
                split_chain(value).relations:       # a row that is itself a relation
            return None
        if name not in (None, _plain(m.group(1))):
            return None
        name = _plain(m.group(1))
        points.append((value, int(m.group(2))))
    numbers = [n for _, n in points]
    if len(set(numbers)) != len(numbers):
        return None
    variable = m.group(1)
    terms = []
    for value, at in points:
        basis = " \\cdot ".join(f"\\frac{{{variable} - ({other})}}{{({at}) - ({other})}}"
                                for other in numbers if other != at)
        terms.append(f"\\left({value}\\right) \\cdot {basis}")
    side = "\\left(" + "+".join(terms) + "\\right)"
    return text.replace(PLACEHOLDER, side), {name: set(numbers)}


def _index_cases(rows: tuple):
    r"""Two rows, one where two indices are equal and one where they are not (``i = j`` and
    ``i \ne j`` or ``otherwise``): the rows joined by the Kronecker delta δ_{ij}, as in a
    softmax Jacobian.  None for anything else.

    >>> _index_cases((("p_i(1 - p_i)", "i = j"), ("-p_i p_j", r"\text{if } i \neq j")))
    '\\left(\\left(p_i(1 - p_i)\\right) \\cdot \\delta_{ij} + \\left(-p_i p_j\\right) \\cdot \\left(1 - \\delta_{ij}\\right)\\right)'
    >>> _index_cases((("1", "i = j"), ("0", "i > j"))) is None
    True
    """
    if len(rows) != 2 or any(split_chain(v).relations for v, _ in rows):
        return None
    conditions = [re.sub(r"\\(?:text|textrm|mathrm)\s*\{\s*([^{}]*?)\s*\}|[,.]", r" \1 ", c).strip()
                  for _, c in rows]
    for k in (0, 1):
        same, rest = _SAME_INDEX.fullmatch(conditions[k]), _OTHER_INDEX.fullmatch(conditions[1 - k])
        if not (same and rest):
            continue
        pair = {same.group(1), same.group(2)}
        if len(pair) != 2 or rest.group(1) and {rest.group(1), rest.group(2)} != pair:
            return None
        i, j = sorted(pair)
        return (f"\\left(\\left({rows[k][0]}\\right) \\cdot \\delta_{{{i}{j}}} + "
                f"\\left({rows[1 - k][0]}\\right) \\cdot \\left(1 - \\delta_{{{i}{j}}}\\right)\\right)")
    return None


# i = j, if i = j, i == j; and i \ne j, j \neq i, otherwise
_SAME_INDEX = re.compile(r"(?:if|for|when)?\s*([a-z])\s*==?\s*([a-z])")
_OTHER_INDEX = re.compile(r"(?:if|for|when)?\s*(?:([a-z])\s*(?:\\ne|\\neq|!=|≠)\s*([a-z])|"
                          r"otherwise|else)")


def as_written(text: str, rows: tuple) -> str:
    r"""``text`` of a claim with the interpolation put back as the cases the author wrote.

    >>> rows = (("a", "y = 1"), ("1", "y = 0"))
    >>> print(as_written(interpolated(r"a^y = \cases", rows)[0], rows))
    a^y = \begin{cases} a & y = 1 \\ 1 & y = 0 \end{cases}
    """
    hit = interpolated(PLACEHOLDER, rows)
    if hit is None or hit[0] not in text:
        return text
    written = " \\\\ ".join(f"{value} & {condition}" for value, condition in rows)
    return text.replace(hit[0], f"\\begin{{cases}} {written} \\end{{cases}}")


def put_back(claims, written: str, read: str, rows: tuple) -> None:
    """The claims read from ``read`` (``written`` with its cases interpolated), as the author
    wrote them: positions after the cases moved back, and the cases in the sides' texts."""
    moved = len(read) - len(written)
    if not moved:
        return
    at = written.find(PLACEHOLDER)
    for claim in claims:
        if claim.position > at:
            claim.position = max(at, claim.position - moved)
        claim.lhs_text = as_written(claim.lhs_text, rows)
        claim.rhs_text = as_written(claim.rhs_text, rows)


def _blocks_placed(text: str, blocks: tuple):
    """``(text, values, spans)`` with each ``\\cases`` of ``text`` in turn interpolated from
    its block of rows; ``spans`` holds, for each, (start in the read text, length read, start
    in ``text``).  None when a block cannot be read, or one variable takes two sets of values."""
    values, spans, read, shift = {}, [], text, 0
    for rows in blocks:
        at = read.find(PLACEHOLDER, spans[-1][0] + spans[-1][1] if spans else 0)
        hit = interpolated(PLACEHOLDER, rows)
        if at < 0 or hit is None or any(values.get(k, v) != v for k, v in hit[1].items()):
            return None
        values.update(hit[1])
        spans.append((at, len(hit[0]), at - shift))
        read = read[:at] + hit[0] + read[at + len(PLACEHOLDER):]
        shift += len(hit[0]) - len(PLACEHOLDER)
    return read, values, spans


def interpolated_blocks(text: str, blocks: tuple):
    r""":func:`interpolated` for a chain with several ``\cases``, one block of rows each, in
    order (``loss = \cases = \cases`` in an ``align``): each is read over the same values.

    >>> rows = (("a", "y = 1"), ("1", "y = 0"))
    >>> text, values = interpolated_blocks(r"a^y = \cases = \cases", (rows, rows))
    >>> text.count("\\cases"), values
    (0, {'y': {0, 1}})
    """
    if len(blocks) < 2 or text.count(PLACEHOLDER) != len(blocks):
        return interpolated(text, blocks[0] if blocks else ())
    placed = _blocks_placed(text, blocks)
    return None if placed is None else placed[:2]


def put_back_blocks(claims, written: str, read: str, blocks: tuple) -> None:
    """:func:`put_back` for a chain read with :func:`interpolated_blocks`."""
    placed = _blocks_placed(written, blocks) if len(blocks) > 1 and read != written else None
    if placed is None or placed[0] != read:
        put_back(claims, written, read, blocks[0] if blocks else ())
        return
    for claim in claims:
        shift = 0
        for start, length, origin in placed[2]:
            if claim.position >= start + length:
                shift += length - len(PLACEHOLDER)
            elif claim.position > start:
                shift = claim.position - origin
                break
        claim.position -= shift
        for rows in blocks:
            claim.lhs_text = as_written(claim.lhs_text, rows)
            claim.rhs_text = as_written(claim.rhs_text, rows)
