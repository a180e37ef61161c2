r"""Second derivatives written as one fraction, read as two derivatives in a row.

``\frac{\partial^2 \ell}{\partial \lambda^2}`` is ``\frac{\partial}{\partial \lambda}
\frac{\partial \ell}{\partial \lambda}``, ``\frac{\partial^2 f}{\partial x \partial y}`` is
``\frac{\partial}{\partial x}\frac{\partial f}{\partial y}``, and the operator
``\frac{d^2}{dx^2}`` is ``\frac{d}{dx}\frac{d}{dx}``: forms the reader reads.  Anything else
(a third derivative, a denominator it cannot split in two variables) is left as written, and
the reader calls it unknown notation.

>>> second_derivatives(r"-\frac{\partial^2 \ell(\lambda)}{\partial \lambda^2} = \frac{n}{\lambda^2}")
'-\\frac{\\partial}{\\partial \\lambda}\\frac{\\partial \\ell(\\lambda)}{\\partial \\lambda} = \\frac{n}{\\lambda^2}'
>>> second_derivatives(r"\frac{\partial^2 f}{\partial x \partial y}")
'\\frac{\\partial}{\\partial x}\\frac{\\partial f}{\\partial y}'
>>> second_derivatives(r"\frac{d^{2}}{dx^{2}} e^x")
'\\frac{d}{d x}\\frac{d}{d x} e^x'
>>> second_derivatives(r"\frac{\partial^3 f}{\partial x^3}")
'\\frac{\\partial^3 f}{\\partial x^3}'
"""
from __future__ import annotations

import re

from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.scan import matching

_NUMERATOR = re.compile(r"\\frac\s*\{\s*(\\partial|d)\s*\^\s*(?:2|\{\s*2\s*\})")
# a variable: x, \theta, w_i, w_{ij}, \beta^T is not one
_VARIABLE = r"(?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?"
_SQUARED = re.compile(r"\s*(?:\\partial|d)\s*(" + _VARIABLE + r")\s*\^\s*(?:2|\{\s*2\s*\})\s*")
_MIXED = re.compile(r"\s*(?:\\partial|d)\s*(" + _VARIABLE + r")\s*(?:\\partial|d)\s*(" + _VARIABLE + r")\s*")


def second_derivatives(t: str) -> str:
    """``t`` with each second derivative written as two first derivatives (see the module)."""
    out, at = [], 0
    for m in _NUMERATOR.finditer(t):
        if m.start() < at:
            continue
        rewritten = _rewrite(t, m)
        if rewritten is None:
            continue
        text, end = rewritten
        out += [t[at:m.start()], text]
        at = end
    return "".join(out) + t[at:]


def _rewrite(t: str, m: re.Match):
    try:
        top_open = t.index("{", m.start())
        top_close = matching(t, top_open)
        bottom_open = top_close + 1
        while bottom_open < len(t) and t[bottom_open].isspace():
            bottom_open += 1
        if bottom_open >= len(t) or t[bottom_open] != "{":
            return None
        bottom_close = matching(t, bottom_open)
    except (LatexSyntaxError, ValueError, KeyError, IndexError):
        return None            # a brace that does not close (matching raises)
    d = m.group(1)
    body = t[m.end():top_close].strip()
    bottom = t[bottom_open + 1:bottom_close]
    squared, mixed = _SQUARED.fullmatch(bottom), _MIXED.fullmatch(bottom)
    if squared:
        first = second = squared.group(1)
    elif mixed:
        first, second = mixed.group(1), mixed.group(2)
    else:
        return None
    inner = f"\\frac{{{d} {body}}}{{{d} {second}}}" if body else f"\\frac{{{d}}}{{{d} {second}}}"
    return f"\\frac{{{d}}}{{{d} {first}}}" + inner, bottom_close + 1
