r"""A formula its author takes back: "so it should be like: $$\text{KL}(p||q) = -\sum q \log q +
\sum p \log p$$ But … So the exact definition should change the first term …".

Teaching posts show a wrong first guess and correct it in the next paragraph.  The formula is
false as written, but the author does not claim it: its failure is the lesson.  A refutation is
kept only when the paragraph after the math does not say that the math before it is wrong or
is to be corrected; otherwise the verdict is ``unknown`` with the words that take it back.

>>> from symbolic.latex_in.documents import read_markup
>>> doc = ("It should be like:\n\n$$a = b$$\n\nBut the exact definition should change "
...        "the first term.\n")
>>> corrected_after(read_markup(doc), doc.index("But") - 2)
'the exact definition should'
>>> doc = "$$a = b$$\n\nThis is the loss we minimise.\n"
>>> corrected_after(read_markup(doc), doc.index("This") - 2) is None
True
"""
from __future__ import annotations

import re

# the words of a correction: the math just shown is wrong, or is to be changed
_CORRECTION = re.compile(
    r"\b(?:(?:this|that|it|which|the above|the formula above)\s+(?:is|was)\s+(?:wrong|"
    r"incorrect|not (?:correct|right|quite right))|(?:the\s+)?(?:correct|exact|right|proper|"
    r"true)\s+(?:definition|formula|form|expression|version|equation)\s+(?:is|should|would|"
    r"must)|should (?:be )?chang\w*|(?:is|was) (?:a )?mistake)\b|"
    r"(?:올바른|정확한)\s*(?:정의|식|공식|표현)[은는]|틀린\s*식|잘못된\s*식|"
    r"正确的(?:定义|公式|写法|形式)|上面的(?:公式|式子)是错|"
    r"正しくは|正しい(?:定義|式)は|(?:上の|この)式は(?:誤り|間違い)", re.I)
_REACH = 400        # characters of the next paragraph read


def corrected_after(markup, end: int) -> str | None:
    """The words of the first prose paragraph after ``end`` (in the same section) that say the
    math before them is wrong or is to be corrected; None when it says no such thing."""
    section = markup.section_of(end)
    after = [p for p in markup.prose if p.offset >= end and p.section == section]
    if not after:
        return None
    found = _CORRECTION.search(min(after, key=lambda p: p.offset).text[:_REACH])
    return found.group(0).strip() if found else None
