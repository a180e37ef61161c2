r"""The differential written first: ``\int \mathrm{d}z\, p(x, z)``, as physics writes it.

The parser reads an integral only with its differential after the integrand
(``\int p(x, z)\, dz``).  Many ML notes (VAE and ELBO derivations above all) put it first.
:func:`differential_last` moves it after the integrand, which runs to the end of its
group: the first ``+``, ``-`` or relation at the integral's own depth, a bracket that
closes a group the integral is in, or the end of the text.

>>> differential_last(r"\log \int \mathrm d z p(x, z) \frac{q(z)}{q(z)}")
'\\log \\int  p(x, z) \\frac{q(z)}{q(z)} \\, dz'
>>> differential_last(r"\int_{-\infty}^{\infty} \mathrm{d}x\, p(x) x + 1")
'\\int_{-\\infty}^{\\infty}  p(x) x \\, dx + 1'
>>> differential_last(r"\left(\int dz\; q(z)\right) = 1")
'\\left(\\int  q(z) \\, dz\\right) = 1'
>>> differential_last(r"\int p(z) dz")      # already last: unchanged
'\\int p(z) dz'
>>> differential_last(r"\int p(z) \mathrm d z")
'\\int p(z) \\mathrm{d} z'
"""
from __future__ import annotations

import re

_LIMITS = r"(?:\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z0-9]+|-?\\infty))*"
_FIRST = re.compile(r"(\\int" + _LIMITS + r")\s*(?:\\mathrm\s*\{\s*d\s*\}|\\mathrm\s+d|\\text\s*\{\s*d\s*\}"
                    r"|\\operatorname\s*\{\s*d\s*\}|d)\s*(\\mathbf\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])"
                    r"(?![A-Za-z0-9_(])(?:\s*\\[,;:! ]|\s)*")
_STOP = re.compile(r"[+\-=<>&]|\\(?:le|ge|leq|geq|approx|neq|ne|quad|qquad|right|\\)(?![A-Za-z])")


def _end_of_integrand(t: str, start: int) -> int:
    """Where the integrand that starts at ``start`` ends (see the module's docstring)."""
    depth, i = 0, start
    while i < len(t):
        if t.startswith("\\left", i):
            depth, i = depth + 1, i + len("\\left") + 1
            continue
        if t.startswith("\\right", i):
            if depth == 0:
                return i
            depth, i = depth - 1, i + len("\\right") + 1
            continue
        c = t[i]
        if c in "({[":
            depth += 1
        elif c in ")}]":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and i > start and _STOP.match(t, i):
            return i
        i += 1
    return len(t)


def differential_last(t: str) -> str:
    """``t`` with each differential written right after ``\\int`` moved after its integrand."""
    t = re.sub(r"\\mathrm\s+d(?![A-Za-z])", r"\\mathrm{d}", t)      # \mathrm d z: \mathrm{d} z
    for _ in range(8):          # a few integrals in one side; never loops for ever
        m = _FIRST.search(t)
        if not m:
            return t
        end = _end_of_integrand(t, m.end())
        body = t[m.end():end].rstrip()
        if not body:
            return t
        variable = re.sub(r"\s+", "", m.group(2))
        rest = t[m.end() + len(body):]
        t = f"{t[:m.start()]}{m.group(1)}  {body} \\, d{variable}{rest}"
    return t
