r"""Spellings of numbers and brackets that other authors write, put into the forms the reader
reads: siunitx's numbers (``\num{0.72}``), a probability in braces (``P\{X = x\}``), a log of
a bracket (``\ln [ … ]``).  Each is a pure function of the text (called by
:func:`symbolic.latex_in.notation.clean`).
"""
from __future__ import annotations

import re

from symbolic.latex_in.scan import escaped_group_end, matching


# siunitx: \num[opts]{1.2e-3}, \SI{2}{\bit}, \qty{2}{bits} (the unit dropped, as \text{bits} is)
_SIUNITX = re.compile(r"\\(?:num|(SI|qty))(?![A-Za-z])\s*(?:\[[^\]]*\])?\s*\{\s*([-+]?(?:\d+\.?\d*|\.\d+))"
                      r"(?:\s*[eE]\s*([-+]?\d+))?\s*\}(?(1)\s*\{(?:[^{}]|\{[^{}]*\})*\})")


def siunitx_numbers(text: str) -> str:
    r"""Write siunitx's numbers (``\num``, ``\SI``, ``\qty``) as plain numbers; ``\si{…}``, a
    unit alone, is blanked.

    >>> siunitx_numbers(r"\num{-0.2175571} + \SI{1.5e-3}{\bit} + 2\,\si{bits}")
    '-0.2175571 + 1.5\\times 10^{-3} + 2\\, '
    """
    text = _SIUNITX.sub(lambda m: m.group(2) + (f"\\times 10^{{{m.group(3)}}}" if m.group(3) else ""),
                        text)
    return re.sub(r"\\si\s*\{(?:[^{}]|\{[^{}]*\})*\}", " ", text)


_BRACED_PROBABILITY = re.compile(r"(?<![\\A-Za-z])(?:\\Pr|Pr|P)\s*\\\{")


def braced_probabilities(text: str) -> str:
    r"""``P\{X = x\}``, ``\Pr\{X_1 = 1 \middle| Y = 0\}``: a probability written with braces
    (Cover and Thomas) is ``P(…)``.

    >>> braced_probabilities(r"P \{ X = x, \sum_i X_i = T \} + \Pr\{Y = \{1\}\}")
    'P( X = x, \\sum_i X_i = T ) + P(Y = \\{1\\})'
    """
    out, i = [], 0
    for m in _BRACED_PROBABILITY.finditer(text):
        if m.start() < i:
            continue
        j = escaped_group_end(text, m.end())
        if j < 0:
            break
        out.append(text[i:m.start()] + "P(" + text[m.end():j - 2] + ")")
        i = j
    return "".join(out) + text[i:]


def bracketed_logs(text: str) -> str:
    """``\\ln [ … ]`` and ``\\log [ … ]``: the parser wants parentheses.

    >>> bracketed_logs(r"\\ln [ \\sum_z q(z) ] + [a]")
    '\\\\ln ( \\\\sum_z q(z) ) + [a]'
    """
    out = text
    for m in list(re.finditer(r"\\(?:ln|log)(?:_\{?\w+\}?)?\s*\[", text))[::-1]:
        open_at = m.end() - 1
        close = matching(out, open_at)
        if close < 0 or close >= len(out):
            continue
        out = out[:open_at] + "(" + out[open_at + 1:close] + ")" + out[close + 1:]
    return out
