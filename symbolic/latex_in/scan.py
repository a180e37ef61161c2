"""Brace- and bracket-aware scanning helpers shared by the reader's passes."""
from __future__ import annotations

import re

from symbolic.latex_in.errors import LatexSyntaxError, UnknownNotation

OPEN = {"{": "}", "(": ")", "[": "]"}
# 08, 012: an integer with a leading zero, not an index (p_{00}) nor a decimal's digits
_LEADING_ZERO = re.compile(r"(?<![\w.\\{_^,])(?<![\d.][eE][-+])0\d+(?![\d.])")   # not 1.4e-01


def refuse_leading_zero(text: str, offset: int = 0) -> None:
    """Raise ``UnknownNotation`` at an integer written with a leading zero (``0.2/08``): the
    slip of a decimal point, 0.8 or 8, that no reading should guess.

    >>> refuse_leading_zero("p_{01} + 0.05 + 10 + 1.444e-01")
    >>> refuse_leading_zero("0.2/08")
    Traceback (most recent call last):
    ...
    symbolic.latex_in.errors.UnknownNotation: a number written with a leading zero ('08'): a decimal point may be missing
    """
    zero = _LEADING_ZERO.search(text)
    if zero:
        raise UnknownNotation(f"a number written with a leading zero ('{zero.group()}'): a "
                              "decimal point may be missing", offset + zero.start())


def check_balanced(text: str, offset: int = 0) -> None:
    """Raise ``LatexSyntaxError`` at the first unbalanced brace.

    >>> check_balanced("{a}(b)")
    >>> check_balanced("{a")
    Traceback (most recent call last):
    ...
    symbolic.latex_in.errors.LatexSyntaxError: unbalanced '{'
    """
    stack = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            stack.append(i)
        elif ch == "}":
            if not stack:
                raise LatexSyntaxError("unmatched '}'", offset + i)
            stack.pop()
        i += 1
    if stack:
        raise LatexSyntaxError("unbalanced '{'", offset + stack[-1])


def matching(text: str, start: int) -> int:
    """Index of the bracket closing the one at ``start`` (``{``, ``(`` or ``[``).

    >>> matching("f(a(b))c", 1)
    6
    """
    open_ch = text[start]
    close_ch = OPEN[open_ch]
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            # \{ \} \[ are escaped characters, not grouping
            i += 2
            continue
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise LatexSyntaxError(f"unbalanced '{open_ch}'", start)


def escaped_group_end(text: str, start: int) -> int:
    r"""Index just past the ``\}`` that closes a ``\{`` ending just before ``start``, or -1
    when it is never closed (``\min\{a, b\}``, ``P\{X = x\}``); other escaped characters are
    skipped as pairs.

    >>> escaped_group_end(r"\{a, \{b\}\} c", 2), escaped_group_end(r"\{a", 2)
    (12, -1)
    """
    depth, i = 1, start
    while i < len(text) and depth:
        if text.startswith("\\{", i):
            depth += 1
        elif text.startswith("\\}", i):
            depth -= 1
        i += 2 if text[i] == "\\" else 1
    return -1 if depth else i


def closing(text: str, start: int) -> int:
    """Index of the bracket closing the one at ``start``, or -1 if it is never closed.

    >>> closing("f(a(b))c", 1), closing("f(a", 1)
    (6, -1)
    """
    try:
        return matching(text, start)
    except LatexSyntaxError:
        return -1


def read_group(text: str, i: int) -> tuple[str, int]:
    """The argument at ``i``: a ``{…}`` group, a command, or one character.

    Returns the content and the index after it.

    >>> read_group("{ab}c", 0), read_group("xy", 0), read_group(r"\\alpha+", 0)
    (('ab', 4), ('x', 1), ('\\\\alpha', 6))
    """
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text):
        raise LatexSyntaxError("missing argument", i)
    if text[i] == "{":
        end = matching(text, i)
        return text[i + 1:end], end + 1
    if text[i] == "\\":
        j = i + 1
        while j < len(text) and text[j].isalpha():
            j += 1
        if j == i + 1:
            j += 1
        return text[i:j], j
    return text[i], i + 1


def top_level(text: str, start: int = 0, enclosed: bool = False):
    """Positions i ≥ ``start`` outside any braces, parentheses or brackets
    (the character after a backslash is skipped).  ``enclosed``: ``start`` is inside a
    group; the bracket closing it is the last position given.

    >>> list(top_level("a{b}c")), list(top_level("a}b", enclosed=True))
    ([0, 4], [0, 1])
    """
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
            if enclosed and depth < 0:
                yield i
                return
        elif depth == 0:
            yield i
        i += 1


def split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside any braces, parentheses or brackets.

    >>> split_top("a, f(b, c), {d,e}", ",")
    ['a', ' f(b, c)', ' {d,e}']
    """
    parts, last = [], 0
    for i in top_level(text):
        if i >= last and text.startswith(sep, i):
            parts.append(text[last:i])
            last = i + len(sep)
    parts.append(text[last:])
    return parts


def opens_whole_side(text: str) -> bool:
    r"""Does the side start (after a sign) with the one parenthesis it never closes?  Then
    closing it at the end of the side is the only reading.

    >>> opens_whole_side("-(0 \\log 0.3 + 1 \\log(0.4)"), opens_whole_side("(a) (b + c")
    (True, False)
    """
    start = re.match(r"[-+]?\s*\(", text)
    if not start:
        return False
    depth = 0
    for ch in text[start.end() - 1:]:
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return False
    return True


def plain_parentheses(text: str) -> str:
    r"""``L \left( p, \ \lambda \right)`` as ``L( p,   \lambda )``: sized parentheses and
    spacing commands are parentheses and spaces.

    >>> plain_parentheses(r"L \left( p, \ \lambda \right)")
    'L ( p,  \\lambda )'
    """
    text = re.sub(r"\\(?:left|right|[bB]igg?[lr]?)\s*([()])", r"\1", text)
    return re.sub(r"\\[ ,;:!]", " ", text).strip()


def depth_at(text: str, position: int) -> int:
    """How many brackets are open at ``position``.

    >>> depth_at("f(a, [b]) + c", 4), depth_at("f(a, [b]) + c", 11)
    (1, 0)
    """
    depth, i = 0, 0
    while i < position:
        if text[i] == "\\":
            i += 2
            continue
        depth += (text[i] in "{([") - (text[i] in "})]")
        i += 1
    return depth
