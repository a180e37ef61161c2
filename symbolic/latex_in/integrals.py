r"""Integrals as posts write them, in the form the parser reads.

The differential written first: ``\int \mathrm{d}z\, p(x, z)``, as physics writes it.

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


# \int {p(x) \ln p(x) dx}: the integrand and its differential in one group
_GROUPED = re.compile(r"(\\int" + _LIMITS + r")\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*?)"
                      r"(\\[,;!]?\s*|\s)*d\s*([a-z])\s*\}")


def differential_last(t: str) -> str:
    r"""``t`` with each differential written right after ``\int`` moved after its integrand,
    and an integrand grouped with its differential taken out of its braces.

    >>> print(differential_last(r"-\int {p(x)\ln{\frac{p(x)}{q(x)}}dx}"))
    -\int p(x)\ln{\frac{p(x)}{q(x)}} \, dx
    """
    t = _GROUPED.sub(lambda m: f"{m.group(1)} {m.group(2)} \\, d{m.group(4)}", t)
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


# the domain under \int: \mathcal{X}, \mathcal X, X, x, x \in \mathcal{X} (a letter), or \mathbb{R}^n, \Omega
_DOMAIN = r"(?:[a-z]\s*\\in\s*)?(?:\\math(?:cal|scr|bb)\s*\{?\s*([A-Za-z])\s*\}?(?:\s*\^\s*\{?\s*\w\s*\}?)?|\\Omega|([A-Za-z]))"
_RANGE = re.compile(r"\\int\s*_\s*(?:\{\s*" + _DOMAIN + r"\s*\}|" + _DOMAIN.replace("([A-Za-z]))", "([A-Za-z])(?![A-Za-z]))")
                    + r")(?!\s*\^)")
_PAIR = re.compile(r"\\iint(?![A-Za-z])|\\int\s*_\s*\{\s*([a-z])\s*,\s*([a-z])\s*\}(?!\s*\^)")


def whole_range_integrals(text: str) -> str:
    r"""An integral over the whole range of its variable, written ``\int``: over
    ``\mathbb{R}`` or ``\Omega``; over the set named by the variable's letter (``\int_{\mathcal{X}}
    … dx``, ``\int_Z … dZ``, ``\int_{x \in \mathcal X} … dx``); or over the variable itself
    (``\int_x … dx``).  Another set (``\int_A``, ``\int_{\mathcal{A}} … dx``) may be part of
    the range: kept.  ``\iint`` and ``\int_{x,y} … dx\,dy`` are two integrals.

    >>> whole_range_integrals(r"\int_{\mathcal{X}} \int_{\mathcal{Y}} p(x, y) dy dx")
    '\\int \\int p(x, y) dy dx'
    >>> whole_range_integrals(r"\int_{\mathcal{A}} q(x) dx + \int_A q(x) dx")
    '\\int_{\\mathcal{A}} q(x) dx + \\int_A q(x) dx'
    >>> whole_range_integrals(r"\int_{\mathbb{R}} p(x) dx + \int_Z p(X, Z) dZ + \int_\Omega q(z) dz")
    '\\int p(x) dx + \\int p(X, Z) dZ + \\int q(z) dz'
    >>> whole_range_integrals(r"\int_{x,y} p(x,y) dx\,dy = \iint p(x, y) dx dy")
    '\\int\\int p(x,y) dx\\,dy = \\int\\int p(x, y) dx dy'
    """
    def pair(m: re.Match) -> str:
        if m.group(1) and not all(re.search(r"(?<![A-Za-z\\])d" + v + r"(?![A-Za-z])", text[m.end():])
                                  for v in m.group(1, 2)):
            return m.group(0)
        return "\\int\\int"

    def whole(m: re.Match) -> str:
        if "\\mathbb" in m.group(0) or "\\Omega" in m.group(0):
            return "\\int"
        letter = next(g for g in m.groups() if g)
        if not re.search(r"(?:\\,|\\;|\s|\\mathrm\{d\}|(?<=[})\]]))\s*(?:\\mathrm\{d\}|d)\s*(?:\\mathbf\s*\{\s*)?"
                         + "[" + letter.lower() + letter.upper() + r"](?![A-Za-z])", text[m.end():]):
            return m.group(0)
        return "\\int"
    return _RANGE.sub(whole, _PAIR.sub(pair, text))
