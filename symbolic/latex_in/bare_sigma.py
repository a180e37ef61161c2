r"""σ written alone for the sigmoid at the chain's argument: ``σ(1 - σ)``.

Posts shorten ``σ(z)(1 - σ(z))`` to ``σ(1 - σ)``: σ alone is the sigmoid at the one argument
the chain applies it to, and ``σ(1 - σ)`` is a product, not the sigmoid of 1 - σ (an argument
that holds σ alone is never the sigmoid's).  :func:`sigma_shorthand` writes such a side out:
σ alone becomes ``σ(z)`` when the chain applies σ to one argument only; with no such argument
σ alone is a name (σ(1 - σ) the product σ·(1 - σ)); with several, the reading is a guess and
the reader says so.
"""
from __future__ import annotations

import re

from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.scan import matching

_SIGMA = re.compile(r"\\sigma(?![A-Za-z])")
# σ', σ_j, σ^{-1}, σ^\prime: other names, or the inverse
_OTHER = re.compile(r"\s*(?:'|_|\\prime|\^\s*\{?\s*(?:-\s*1|\\prime))")
_SPACE = re.compile(r"\s*")
_SIZING = re.compile(r"\\(?:left|right|bigg|Bigg|big|Big)(?![A-Za-z])\s*")
SEVERAL = "σ written alone beside σ applied to several arguments: which one it stands for is a guess"


def _uses(text: str) -> list:
    """(start, end, argument or None) of each σ of ``text``: applied (its argument), or alone
    (None; ``end`` after σ, or after the parenthesis a product multiplies)."""
    out = []
    for m in _SIGMA.finditer(text):
        if _OTHER.match(text, m.end()):
            continue
        k = _SPACE.match(text, m.end()).end()
        if text[k:k + 1] == "(":
            try:
                close = matching(text, k)
            except LatexSyntaxError:
                return []
            argument = text[k + 1:close]
            if not any(a is None for *_, a in _uses(argument)):
                out.append((m.start(), close + 1, argument.strip()))
                continue
        out.append((m.start(), m.end(), None))
    return out


def sigma_shorthand(text: str, chain_text: str, doubts: list) -> str:
    r"""``text`` with each σ written alone put as the chain means it (see the module).

    >>> sigma_shorthand(r"\sigma(1-\sigma)", r"\sigma'(z) = \sigma(z)(1-\sigma(z)) = \sigma(1-\sigma)", [])
    '\\sigma(z) \\cdot (1-\\sigma(z))'
    >>> sigma_shorthand(r"\frac{1}{\sigma}\sigma(1-\sigma)", r"\frac{1}{\sigma}\sigma(1-\sigma) = 1-\sigma", [])
    '\\frac{1}{\\sigma}\\sigma \\cdot (1-\\sigma)'
    >>> doubts = []
    >>> sigma_shorthand(r"\sigma", r"\sigma(a) + \sigma(b) = \sigma", doubts), len(doubts)
    ('\\sigma', 1)
    >>> sigma_shorthand(r"\sigma(z)^2 + \sigma'(z)", r"\sigma(z)^2 + \sigma'(z)", [])
    "\\sigma(z)^2 + \\sigma'(z)"
    """
    alone = [(s, e) for s, e, a in _uses(text) if a is None]
    if not alone:
        return text
    applied = {}
    for *_, a in _uses(_SIZING.sub("", chain_text)):
        if a is not None:
            applied.setdefault(re.sub(r"\s+", "", a), a)
    if len(applied) > 1:
        doubts.append(SEVERAL)
    name = f"\\sigma({next(iter(applied.values()))})" if len(applied) == 1 else "\\sigma"
    for start, end in reversed(alone):
        rest = text[end:]
        product = rest.lstrip().startswith("(")     # σ(1 - σ): σ times the parenthesis
        text = text[:start] + name + (" \\cdot " + rest.lstrip() if product else rest)
    return text
