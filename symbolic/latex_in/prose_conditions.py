"""Math stated under a condition of the prose that leads into it.

``If $p = q$, then $D(p \\| q) = D(q \\| p) = 0$`` and ``if $X$ is an invertible function of
$Y$, then $I(X; Y) = H(X)$`` state relations that hold in a case the sentence names in
words; ``the following must hold for all $\\lambda \\in [0, 1]$:`` before a display limits its
variables.  The reader cannot read such a case, so a relation that fails when read without
it is not refuted: the sentence that leads into the math (the part of its sentence before an
inline formula, or an unfinished sentence that runs into a display) is searched for a
conditional word, in English, Korean, Japanese and Chinese.  A sentence that ends with its
stop before a display states something of its own, not the display's case.

>>> from symbolic.latex_in.markdown import markdown_markup
>>> text = "If $p = q$, then $D(p||q) = 0$. We have $a = b$."
>>> m = markdown_markup(text)
>>> condition_before(text, m, text.index("D(p")), condition_before(text, m, text.index("a = b"))
('If', None)
"""
from __future__ import annotations

import re

from symbolic.latex_in.markup import prose_before

# a word that makes what follows hold in a case: if, when, for all, 경우, 場合, 如果, …
CONDITION = re.compile(
    r"\b(?:if|when|whenever|unless|suppose|supposing|assume|assuming|provided|"
    r"in case|for (?:all|every|any|each))\b|"
    r"만약|경우|라면|이라면|일 때|할 때|때에는|"
    r"場合|ならば|なら|れば|もし|とき|"
    r"如果|假如|假设|若|当.{0,30}时|时候", re.I)
# where one sentence ends: . ! ? 。 and the like, then space; not inside "e.g." or "i.e."
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?](?=\s|$)|[。！？]|\n\s*\n")
# between the prose and a display: only space and the display's opening
_OPENING = re.compile(r"(?:\s|\$\$|\\\[|\\begin\{\w+\*?\}|```\s*math)*")


def condition_before(source: str, markup, offset: int) -> str | None:
    """The conditional word of the sentence that leads into the math at ``offset``, or None.

    The prose must lead straight into the math: the paragraph holding an inline formula,
    or prose that ends just before a display's opening.
    """
    prose = prose_before(markup, offset)
    if not prose:
        return None
    last = prose[-1]
    end = last.end if last.end >= 0 else last.offset + len(last.text)
    gap = source[end:offset] if end <= offset else ""
    if not _OPENING.fullmatch(gap):
        return None
    text = last.text
    ends = list(_SENTENCE_END.finditer(text))
    if ends and not text[ends[-1].end():].strip(" \t\n$"):
        return None             # a finished sentence before a display does not lead into it
    sentence = text[ends[-1].end():] if ends else text
    sentence = re.sub(r"\$[^$]*\$", " ", sentence)      # the math of the sentence, left out
    found = CONDITION.search(sentence)
    return found.group(0) if found else None
