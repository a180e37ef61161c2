"""What the prose of a document says about its math: assumptions and conventions.

A sentence holds for the math after it up to the next heading (a statement made before
the first heading holds for the whole document); a directive comment
``<!-- infoderive: assume … -->`` (``% infoderive: …`` in LaTeX) for the rest of the file.
Each function returns ``(offset, section, what)`` triples; ``section`` None means every
section.
"""
from __future__ import annotations

import re

from symbolic.latex_in import convex

_SENTENCE = re.compile(r"(?<=[.!?다。])\s+|\n")


_INDEPENDENT = re.compile(r"independen|독립|独立", re.I)
_NEGATED = re.compile(r"not\s+independent|\bdependent|아니|종속|않|不独立|非独立|独立ではな|"
                      r"独立していな|独立でな", re.I)
_DIRECTIVE = re.compile(r"(?:<!--|%)\s*infoderive:\s*assume\s+([^\n]*?)\s*(?:-->|$)", re.M)


def assumptions(source: str, markup) -> list:
    """(offset, section, line text) where the text assumes X and Y independent.

    A sentence of the prose that says so (``independent``, ``독립``, not negated)
    holds for the math after it up to the next heading; a directive comment
    ``<!-- infoderive: assume X, Y independent -->`` (or ``% infoderive: …``
    in LaTeX) holds for the rest of the file.
    """
    out = []
    for prose in markup.prose:
        for sentence in _SENTENCE.split(prose.text):
            if _INDEPENDENT.search(sentence) and not _NEGATED.search(sentence):
                out.append((prose.offset, prose.section, "the text"))
                break
    for m in _DIRECTIVE.finditer(source):
        if _INDEPENDENT.search(m.group(1)):
            out.append((m.start(), None, "a directive"))
    return out


_ONE_HOT = re.compile(r"one[- ]?hot|원[- ]?핫|ワンホット|独热|獨熱", re.I)


def one_hot_labels(source: str) -> bool:
    """Does the text call its labels one-hot (``y`` over q classes sums to 1)?

    >>> one_hot_labels("Since $y$ is a one-hot vector of length $q$"), one_hot_labels("labels")
    (True, False)
    """
    return _ONE_HOT.search(source) is not None


_CONVEX = re.compile(convex.CONVEX_WORDS, re.I)
_NOT_CONVEX = re.compile(convex.NOT_CONVEX, re.I)
_FUNCTION_NAMED = re.compile(r"\$\s*([fgh])\s*\$")
_CONVEX_DIRECTIVE = re.compile(r"\b([fgh])\b\s+(?:is\s+)?convex", re.I)


def convexity(source: str, markup) -> list:
    """(offset, section, name) where the text says the function ``name`` is convex.

    A sentence of the prose that calls a function named in math (``$f$``) convex
    (``convex``, ``볼록``; not ``concave``, ``not convex``, ``오목``) holds for the math
    after it up to the next heading; ``<!-- infoderive: assume f convex -->`` (or
    ``% infoderive: …``) for the rest of the file.
    """
    out = []
    for prose in markup.prose:
        for sentence in _SENTENCE.split(prose.text):
            if _CONVEX.search(sentence) and not _NOT_CONVEX.search(sentence):
                out += [(prose.offset, prose.section, m.group(1))
                        for m in _FUNCTION_NAMED.finditer(sentence)]
    for m in _DIRECTIVE.finditer(source):
        out += [(m.start(), None, c.group(1)) for c in _CONVEX_DIRECTIVE.finditer(m.group(1))]
    return out




# "all logarithms are base 2", "log base 2", "밑이 2인 로그", "以2为底", "底が2"
_BASE = re.compile(r"\blog(?:arithm)?s?\b[^.;:]{0,40}?\bbase[- ]?(2|10|e)\b|"
                   r"\bbase[- ]?(2|10|e)\s+log|\blog\s+base[- ]?(2|10|e)\b|"
                   r"밑[이을은]\s*\$?(2|10|e)\$?|\$?(2|10|e)\$?\s*[를을]\s*밑|以\s*\$?(2|10|e)\$?\s*为底|"
                   r"底[がを]\s*\$?(2|10|e)\$?|"
                   # "omit the base 2", "省略底数 $2$", "밑 2를 생략": a bare log is base 2 from here on
                   r"\bomit(?:s|ting)?\s+the\s+base\s*\$?(2|10|e)\b|省略底数\s*\$?(2|10|e)\$?|"
                   r"底数\s*\$?(2|10|e)\$?\s*(?:会|将)?(?:被)?省略|밑\s*\$?(2|10|e)\$?\s*[를을]?\s*생략", re.I)
# "from now on", "省略 … 之后", "以下", "이후": a convention for the rest of the document
_FROM_HERE_ON = re.compile(r"from now on|hereafter|henceforth|throughout|\bomit|之后|以后|下文|"
                           r"省略|以下|이후|앞으로|생략", re.I)
# "entropy is measured in bits", "단위는 비트", "以比特为单位", "単位はビット": logs base 2
_BITS = re.compile(r"\b(?:measured|expressed|given|computed)\s+in\s+bits\b|\bunits?\s+(?:is|are|of)\s+"
                   r"bits\b|\bin\s+bits\s*[,:.)]|단위는\s*비트|비트\s*단위|以比特为单位|单位是比特|"
                   r"ビット単位|単位はビット", re.I)
_NATURAL = re.compile(r"natural\s+log|자연\s*로그|自然对数|自然対数", re.I)
_BASE_NEGATED = re.compile(r"\bnot\b|\binstead\b|rather than|아니|않|不是|ではない", re.I)


def log_bases(source: str, markup) -> list:
    r"""(offset, section, base) where the prose fixes the base of ``\\log``: 2, 10, or "e"
    ("natural logarithm"); a negated sentence does not count.

    >>> from symbolic.latex_in.documents import read_markup
    >>> doc = "All logarithms on this page are base 2.\n\n# A\n\nWe use the natural log.\n"
    >>> [(sec, base) for _, sec, base in log_bases(doc, read_markup(doc))]
    [(None, 2), (1, 'e')]
    >>> doc = "# A\n\nHere $S(x)=-\\log x$; we omit the base 2 from now on.\n"
    >>> [(sec, base) for _, sec, base in log_bases(doc, read_markup(doc))]
    [(None, 2)]
    """
    out = []
    for prose in markup.prose:
        for sentence in _SENTENCE.split(prose.text):
            if _BASE_NEGATED.search(sentence):
                continue
            m = _BASE.search(sentence)
            section = None if prose.section == 0 or m and _FROM_HERE_ON.search(sentence) \
                else prose.section
            if m:
                value = next(g for g in m.groups() if g)
                out.append((prose.offset, section, "e" if value == "e" else int(value)))
            elif _BITS.search(sentence):
                out.append((prose.offset, section, 2))
            elif _NATURAL.search(sentence):
                out.append((prose.offset, section, "e"))
    return out
