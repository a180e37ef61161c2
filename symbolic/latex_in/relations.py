"""Split a chain of relations (``a = b \\le c``) into sides and relation symbols.

The parser drops or merges relations (``x \\approx 0.75`` comes back as
``0.75``), so relations are split here, outside any braces, parentheses or
brackets, and each side is parsed alone.

>>> [(r.symbol, r.position) for r in split_chain("a = b \\\\le c").relations]
[('=', 2), ('≤', 6)]
>>> split_chain("a = b \\\\le c").sides
['a ', ' b ', ' c']

``=>``, ``\\Rightarrow``, ``\\implies`` and ``\\Longrightarrow`` are one relation each:

>>> [r.symbol for r in split_chain("x = 1 => y >= 2 \\\\implies z").relations]
['=', '⇒', '≥', '⇒']
"""
from __future__ import annotations

import re

from dataclasses import dataclass

# Longest first; commands must not be followed by a letter (\le vs \left).
RELATION_TOKENS = [
    (":=", ":="), ("\\coloneqq", ":="), ("\\equiv", ":="), ("\\triangleq", ":="),
    ("\\Leftrightarrow", "⇔"), ("\\iff", "⇔"), ("\\Longleftrightarrow", "⇔"),
    ("\\Rightarrow", "⇒"), ("\\implies", "⇒"), ("\\Longrightarrow", "⇒"),
    ("\\leqslant", "≤"), ("\\geqslant", "≥"),
    ("\\leq", "≤"), ("\\geq", "≥"), ("\\le", "≤"), ("\\ge", "≥"),
    ("\\not =", "≠"), ("\\not=", "≠"), ("\\neq", "≠"), ("\\ne", "≠"), ("\\approx", "≈"), ("\\simeq", "≈"),
    ("\\lt", "<"), ("\\gt", ">"),
    ("<=>", "⇔"), ("==>", "⇒"), ("=>", "⇒"), ("⟹", "⇒"), ("⇒", "⇒"), ("⇔", "⇔"),
    ("==", "="), ("<=", "≤"), (">=", "≥"), ("!=", "≠"),
    ("=", "="), ("<", "<"), (">", ">"), ("≤", "≤"), ("≥", "≥"), ("≈", "≈"), ("≠", "≠"),
]


@dataclass(frozen=True)
class Relation:
    """One relation symbol (normalised: '=', '≤', …, ':=' for definitions)."""

    symbol: str
    position: int  # index of the symbol in the text
    source: str


@dataclass(frozen=True)
class Chain:
    sides: list
    relations: list
    side_positions: list


def _relation_at(text: str, i: int):
    for token, symbol in RELATION_TOKENS:
        if text.startswith(token, i):
            if token[0] == "\\" and text[i + len(token): i + len(token) + 1].isalpha():
                continue
            return token, symbol
    return None


def _unbalanced_parentheses(text: str) -> bool:
    plain = text.replace("\\(", "").replace("\\)", "")
    return plain.count("(") != plain.count(")")


# the environments whose rows are pieces of one value: \begin{cases}, array, the matrices
_INNER_ENVIRONMENT = re.compile(r"\s*\{\s*(?:cases|dcases|array|[pbvBV]?matrix)\*?\s*\}")


def _top_relations(text: str, opening: str = "{([", closing: str = "})]"):
    """``(position, (token, symbol))`` of each relation outside the groups ``opening`` makes
    (no recursion: any depth is safe); a set ``\\{ … \\}`` is a group when the text closes
    each one it opens (``\\left\\{`` of cases closes with ``\\right.``).

    >>> [p for p, _ in _top_relations(r"I := \\{ 1 \\le i \\mid p_i \\neq 0 \\}")]
    [2]
    >>> [p for p, _ in _top_relations(r"P = \\begin{cases} s, & y=1 \\\\ t = 1 - s, & y=0 \\end{cases}")]
    [2]
    """
    sets = text.count("\\{") == text.count("\\}")
    depth, i = 0, 0
    while i < len(text):
        ch = text[i]
        found = _relation_at(text, i) if depth == 0 and ch not in "{}()[]" else None
        if found:
            yield i, found
            i += len(found[0])
            continue
        if ch == "\\":
            if sets and text[i + 1: i + 2] in ("{", "}"):   # \{ i \mid p_i \neq 0 \}: a set
                depth = depth + 1 if text[i + 1] == "{" else max(0, depth - 1)
            if text[i + 1: i + 2] in "{}[]()|":
                i += 2
                continue
            i += 1
            while i < len(text) and text[i].isalpha():
                i += 1
            inner = _INNER_ENVIRONMENT.match(text, i) if text[i - 5:i] in ("begin", "\\end") \
                else None
            if inner:      # a relation in a case's row (σ(-z) = 1 - σ(z), & y = 0) is the row's
                depth = depth + 1 if text[i - 5:i] == "begin" else max(0, depth - 1)
                i = inner.end()
            continue
        if ch in opening:
            depth += 1
        elif ch in closing:
            depth = max(0, depth - 1)
        i += 1


def _unwrap_relations(text: str) -> str:
    """Blank the braces of a top-level group that holds a relation (``{P(y=1|x) = g(z)} =
    {\\frac{1}{1+e^{-z}}}``): they group nothing the relations do not.  Positions keep.

    >>> _unwrap_relations("{a = b} = {c}")
    ' a = b  = {c}'
    >>> _unwrap_relations(r"\\sum _ {k=1} p_k = 1") == r"\\sum _ {k=1} p_k = 1"
    True
    """
    out, depth, start = list(text), 0, None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            before = text[:i].rstrip()[-1:]      # \sum _ {k=1}: a script, with a space
            if depth == 0 and (not before or not before.isalpha() and before not in "_^}"):
                start = i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and start is not None:
                if next(_top_relations(text[start + 1:i]), None) is not None:
                    out[start] = out[i] = " "
                start = None
        i += 1
    return "".join(out)


def split_chain(text: str) -> Chain:
    """Sides and relations of ``text`` at depth 0 (``P(X = x)`` is not split).

    When the text opens more parentheses than it closes (``-(0 \\log 0.4 = 0.91``, a
    misprint), parentheses do not count for the depth: the relation is still found.

    >>> split_chain("-(a + b = 0.9").sides
    ['-(a + b ', ' 0.9']
    """
    text = _unwrap_relations(text)
    opening = "{([" if not _unbalanced_parentheses(text) else "{["
    closing = "})]" if opening == "{([" else "}]"
    sides, relations, positions = [], [], [0]
    last = 0
    for i, (token, symbol) in _top_relations(text, opening, closing):
        sides.append(text[last:i])
        relations.append(Relation(symbol, i, token))
        last = i + len(token)
        positions.append(last)
    sides.append(text[last:])
    return steps_skipped(Chain(sides, relations, positions))


_ELLIPSIS_SIDE = re.compile(r"\s*(?:\.{3}|…|\\(?:dots|cdots|ldots|dotsb|dotsc)(?![A-Za-z]))\s*")
_MEETS = {"=": 0, "≈": 0, "≤": -1, "<": -1, "≥": 1, ">": 1}
_STRENGTH = {"=": 0, "≈": 1, "≤": 2, "<": 2, "≥": 2, ">": 2}


def steps_skipped(chain: Chain) -> Chain:
    r"""``A = B = \cdots = C``: the steps left out between B and C, as the author claims them,
    make one relation B = C (``≤`` with ``=`` is ``≤``; ``≤`` with ``≥`` says nothing: kept).

    >>> c = split_chain(r"a = b = ... = c \le d")
    >>> c.sides, [r.symbol for r in c.relations]
    (['a ', ' b ', ' c ', ' d'], ['=', '=', '≤'])
    >>> [r.symbol for r in split_chain(r"a \le \cdots \ge b").relations]
    ['≤', '≥']
    """
    sides, relations, positions = list(chain.sides), list(chain.relations), list(chain.side_positions)
    k = 1
    while k < len(sides) - 1:
        first, second = relations[k - 1], relations[k]
        ways = {_MEETS.get(first.symbol), _MEETS.get(second.symbol)} - {0}
        if not _ELLIPSIS_SIDE.fullmatch(sides[k]) or None in ways or len(ways) > 1:
            k += 1
            continue
        # the stronger of the two (an inequality, then ≈, then =); the first of equals
        symbol = max((first.symbol, second.symbol), key=_STRENGTH.get)
        relations[k - 1:k + 1] = [Relation(symbol, first.position, first.source)]
        del sides[k], positions[k]
    return Chain(sides, relations, positions)
