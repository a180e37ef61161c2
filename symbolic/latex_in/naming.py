r"""Relations that name rather than claim.

Three shapes of a row introduce notation or speak in words; none is a claim to check:

* **a new name on the right**: ``P(Y=1 | X=x) = p(x; \theta)`` where the math before has never
  applied ``p`` — the author writes p(x; θ) for the left side from here on;
* **an estimate named at the end of a chain**: ``\arg\min_\theta … = \hat{\theta}_{MLE}``
  where ``\hat{\theta}_{MLE}`` is not yet named — it names the result (the mirror of
  ``\hat{\theta} = \arg\min …``);
* **a quoted relation**: ``「$D_{KL}(P\Vert Q)=D_{KL}(Q\Vert P)$」`` in a list of wrong
  answers, ``the myth "$a = b$"``: math between quotation marks is mentioned, not asserted;
* **a side of words**: ``\textrm{softmax} = \frac{\textrm{Single odds}}{\textrm{Sum of odds}}``
  — a phrase of several words is prose, not a quantity.

>>> verbal(r"\dfrac{\textrm{Single odds}}{\textrm{Sum of odds}}"), verbal(r"\text{odds}")
(True, False)
>>> rows = ["p = 0.3", r"P(Y=1 | X=x) = p(x; \theta)"]
>>> first = first_applications([(rows[0], range(0, 7)), (rows[1], range(10, 38))])
>>> first["p"], first["P"]
(25, 10)
>>> introduces(rows[1], 10, first), introduces(rows[1], 30, first)
(True, False)
>>> introduces(r"y_n = \\sigma(a_n)", 0, first_applications([(r"y_n = \\sigma(a_n)", range(18))]))
False
>>> introduces("e^x = y (1 + e^x)", 0, first_applications([("e^x = y (1 + e^x)", range(17))]))
False
"""
from __future__ import annotations

import re

from symbolic.latex_in.relations import split_chain
from symbolic.latex_in.scan import closing

_TEXT = re.compile(r"\\(?:text|textrm|mathrm|mbox|textit|textbf|operatorname)\s*\{([^{}]*)\}")
# what may stand between the phrases of a side of words: fractions, operators, spacing
_GLUE = re.compile(r"\\(?:d?frac|tfrac|cdot|times|div|left|right|quad|qquad|[,;:! ])|[{}()+\-/*\s]")
# a letter (with a subscript) applied to arguments: p(…), h_{\theta}(…), \phi(…)
# (one letter: \sigma(a) or \log(x) applies a function the reader knows; H, I, D, E measure)
_APPLIED = re.compile(r"(?<![A-Za-z\\])([A-CF-GJ-Za-z])\s*(?:_\s*(\{[^{}]*\}|\\?[A-Za-z0-9]))?\s*\(")


def verbal(side: str) -> bool:
    """Is ``side`` made of words only, one phrase at least of two words or more?"""
    phrases = _TEXT.findall(side)
    if not phrases or not any(len(p.split()) >= 2 for p in phrases):
        return False
    return not _GLUE.sub("", _TEXT.sub("", side)).strip()


def worded(side: str) -> bool:
    r"""Does ``side`` hold a phrase of two words or more beside its math (not in a script)?
    ``\text{Gradient Descent on } (-\log P)`` is prose about the math, not a quantity.

    >>> worded(r"\text{Gradient Descent on } (-\log P)"), worded(r"p_{\text{model data}}(x)")
    (True, False)
    """
    return any(len(m.group(1).split()) >= 2 and not re.search(r"[_^]\s*\{?\s*$", side[:m.start()])
               for m in _TEXT.finditer(side))


def _key(head: str, sub: str | None) -> str:
    return head + ("_" + re.sub(r"[\s{}]", "", sub) if sub else "")


def first_applications(maths) -> dict:
    """The file offset at which each applied name (``p``, ``h_\\theta``) first appears in
    the math: ``maths`` gives each piece's text and the file offset of each character."""
    first = {}
    for text, offsets in maths:
        for m in _APPLIED.finditer(text):
            first.setdefault(_key(m.group(1), m.group(2)), offsets[m.start()])
    return first


def introduces(text: str, start: int, first: dict) -> bool:
    """Is ``text`` (a lone equation at file offset ``start``) ``A = f(…)`` with ``f`` applied
    for the first time there?"""
    chain = split_chain(text)
    if [r.symbol for r in chain.relations] != ["="]:
        return False
    rhs = chain.sides[1].strip()
    m = _APPLIED.match(rhs)
    if not m or closing(rhs, m.end() - 1) != len(rhs) - 1 or \
            re.search(r"[-+^]|\\frac|\\sum|\\prod", rhs[m.end():-1]):
        return False     # y (1 + e^x) is a product, not y applied to an argument
    return first.get(_key(m.group(1), m.group(2)), -1) >= start


_OPENING = "「『“\"‘«"
_CLOSING = "」』”\"’»"


def quoted(source: str, start: int, end: int) -> bool:
    r"""Is the inline math whose text runs from ``start`` to ``end`` (file offsets) between
    quotation marks, its delimiters aside?

    >>> s = "誤答：「$a = b$」。"
    >>> quoted(s, s.index("a"), s.index("b")), quoted("so $a = b$.", 4, 8)
    (True, False)
    """
    before = source[max(0, start - 12):start]
    after = source[end + 1:end + 13]
    before = re.sub(r"(?:\$+|\\\(|`)\s*$", "", before.rstrip()).rstrip()
    after = re.sub(r"^\s*(?:\$+|\\\)|`)", "", after.lstrip()).lstrip()
    return bool(before) and bool(after) and before[-1] in _OPENING and after[0] in _CLOSING


# f(x + 1), g(\mathbf{x}\mathbf{w} + b): a letter that names functions, applied to more than a
# single atom, which the parser reads as a product (it reads g(z) as an application)
_FUNCTION_LETTER = re.compile(r"(?<![\\A-Za-z_^])([fghFG]|\\(?:phi|varphi|psi|ell))\s*\(")


def function_letter_doubts(text: str) -> list[str]:
    r"""Doubts for a function letter applied to a compound argument, which the parser reads
    as the letter times the argument: ``g(xw + b)`` may be the function g at xw + b.

    >>> function_letter_doubts(r"g(\mathbf{x}\mathbf{w}+b) - 1")
    ['g(…) is read as g times (…): g may be a function the text names but does not define']
    >>> function_letter_doubts("g(z) + y(1 - y)")
    []
    """
    out = []
    for m in _FUNCTION_LETTER.finditer(text):
        close = closing(text, m.end() - 1)
        inner = text[m.end():close] if close > 0 else ""
        if re.search(r"[-+*/]|\\cdot|\\frac|\s\S", inner.strip()):
            head = m.group(1)
            out.append(f"{head}(…) is read as {head} times (…): {head} may be a function the "
                       "text names but does not define")
    return out
