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
>>> text = "- 완전히 종속적이면 $I(X;Y) = H(X)$.\\n- 식을 정리하면 $a = b$."
>>> m = markdown_markup(text)
>>> condition_before(text, m, text.index("I(X")), condition_before(text, m, text.index("a = b"))
('이면', None)
"""
from __future__ import annotations

import re

from symbolic.latex_in.markup import prose_before

# a word that makes what follows hold in a case: if, when, for all, 경우, 場合, 如果, …; or
# that names a particular case the text found before: for this value, in that case, 此时
CONDITION = re.compile(
    r"\b(?:if|when|whenever|unless|suppose|supposing|assume|assuming|provided|"
    r"in case|for (?:all|every|any|each)|"
    r"for (?:this|that|these|those|such)|in (?:this|that|such|which|each) cases?)\b|"
    r"만약|경우|라면|이라면|일 때|할 때|때에는|모든|임의의|"
    # 독립이면, 같으면, 크다면: if (a state); not 정리하면, 대입하면, 왜냐하면 (doing, because)
    r"(?<=[가-힣])(?:이면|다면|같으면|없으면|있으면|않으면|크면|작으면|다르면)(?=[\s,]|$)|"
    r"場合|ならば|なら|れば|もし|とき|任意の|すべての|全ての|に対し|"
    r"如果|假如|假设|若|当.{0,30}时|时候|任意|对于所有|对所有|此时|这时", re.I)
# where one sentence ends: . ! ? 。 and the like, then space; not inside "e.g." or "i.e."
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?](?=\s|$)|[。！？]|\n\s*\n")
# between the prose and a display: only space and the display's opening
_OPENING = re.compile(r"(?:\s|\$\$|\\\[|\\begin\{\w+\*?\}|```\s*math)*")


def _last_sentence(text: str) -> str:
    """The part of ``text`` after its last sentence end (all of it when it has none)."""
    ends = list(_SENTENCE_END.finditer(text))
    return text[ends[-1].end():] if ends else text


def same_sentence(source: str, end: int, start: int, reach: int = 80) -> bool:
    """Does the prose between offsets ``end`` and ``start`` stay inside one sentence: short,
    with no sentence end (``For $i \\neq j$, $a = b$``)?  A display's opening at its end is
    not prose (``$u \\neq d$の場合\\n\\n\\begin{align}``).

    >>> same_sentence("For $i$, $a$.", 7, 9), same_sentence("Let $i$. Then $a$.", 7, 14)
    (True, False)
    >>> same_sentence("$u$の場合\\n\\n$$a$$", 3, 10), same_sentence("$u$.\\n\\nSo\\n$$a$$", 3, 11)
    (True, False)
    """
    between = _TRAILING_OPENING.sub("", source[end:start]) if end <= start else "x" * (reach + 1)
    return len(between) <= reach and not _SENTENCE_END.search(between)


# a display's opening at the end of the prose before it: ``:\n\n$$``, ``\n\\begin{align}\n``
_TRAILING_OPENING = re.compile(_OPENING.pattern + r"\Z")


def condition_before(source: str, markup, offset: int) -> str | None:
    """The conditional word of the sentence that leads into the math at ``offset``, or None.

    The prose must lead straight into the math: the paragraph holding an inline formula,
    or prose that ends just before a display's opening.
    """
    listed = case_of_the_parent_item(source, offset)
    if listed:
        return listed
    sentence = lead_in(source, markup, offset)
    found = CONDITION.search(sentence) if sentence else None
    return found.group(0) if found else None


def _leading_paragraph(source: str, markup, offset: int):
    """The paragraph of prose that reaches the math at ``offset`` (nothing but an opening
    between them), or None."""
    prose = prose_before(markup, offset)
    if not prose:
        return None
    last = prose[-1]
    end = last.end if last.end >= 0 else last.offset + len(last.text)
    return last if _OPENING.fullmatch(source[end:offset] if end <= offset else "") else None


# $$ … $$ on lines of their own inside a paragraph (Hexo, kramdown): a display between sentences
_ON_LINES_OF_ITS_OWN = re.compile(r"^[ \t]*\$\$.*?\$\$[ \t]*$", re.M | re.S)


def lead_in(source: str, markup, offset: int) -> str | None:
    """The sentence that leads straight into the math at ``offset``, its own math left out;
    None when the prose before ends with a finished sentence or does not reach the math."""
    last = _leading_paragraph(source, markup, offset)
    if last is None:
        return None
    text = _ON_LINES_OF_ITS_OWN.split(last.text)[-1]    # after a display inside the paragraph
    sentence = _last_sentence(text)
    if _SENTENCE_END.search(text) and not sentence.strip(" \t\n$"):
        return None             # a finished sentence before a display does not lead into it
    return re.sub(r"\$[^$]*\$", " ", sentence)      # the math of the sentence, left out


# words of rewriting an equation: "you can simplify the expression to", "replace μ by …"
_REWRITING = re.compile(r"\b(?:simplif\w*|multiply\w*|multiplie\w*|divid\w*|cancel\w*|rearrang\w*|"
                        r"replac\w*|substitut\w*|plug\w*|rewrit\w*)\b|정리|약분|대입|곱하|나누|化简|"
                        r"整理|代入|两边|両辺|約分", re.I)


def rewrites_equation(source: str, markup, offset: int) -> str | None:
    """The word of the paragraph that leads into the math at ``offset`` saying that the
    equation before is being rewritten (simplified, multiplied out, a value put in), or None.

    >>> from symbolic.latex_in.documents import read_markup
    >>> doc = "Since $s > 0$ you can simplify it to\\n\\n$$f = a = 0$$\\n"
    >>> rewrites_equation(doc, read_markup(doc), doc.index("f ="))
    'simplify'
    """
    last = _leading_paragraph(source, markup, offset)
    if last is None:
        return None
    found = _REWRITING.search(re.sub(r"\$[^$]*\$", " ", last.text))
    return found.group(0) if found else None


# a condition written before its math (if $x = 0$), and what ends it (then, 那么, …)
# (not "suppose" or "assume", which set the values of an example: "Assume $p = 0.8$.")
_HYPOTHESIS = re.compile(r"\b(?:if|when|whenever|unless|either)\b|만약|만일|もし|如果|假如|若|当", re.I)
_CONSEQUENCE = re.compile(r"\b(?:then|so|thus|hence|therefore|we (?:have|get)|it follows)\b|"
                          r"그러면|이면|ならば|なら|那么|则|就", re.I)


# a condition written after its math, as Korean, Japanese and Chinese write it: $y > 0$이면,
# $x = 1$일 때, $x = 1$のとき, $x > 0$时
_POSTPOSED = re.compile(r"[\s$`)\\]*(?:이면|라면|이라면|면(?=[\s,])|일\s*때|인\s*경우|일\s*경우|"
                        r"ならば|なら|のとき|の時|の場合|であれば|时|的时候|的话)")
# $f''(z) < 0$とする, $x > 0$라고 하자: an assumption written after its math (it may set the
# values of an example, q(b) = 1/3 라고 가정: those still bind)
_ASSUMED = re.compile(r"[\s$`)\\]*(?:とする|とします|と仮定|とおく|と置く|"
                      r"(?:이)?라고?\s*하자|라고\s*가정)")


def postposed_condition(source: str, end: int, assumed: bool = False) -> str | None:
    """The conditional ending written right after the inline math that ends at ``end``
    (``$y(x) > 0$이면``: if y(x) > 0), or None; with ``assumed``, an assumption's ending too
    (``$f''(z) < 0$とする``).

    >>> text = "$y > 0$이면 $x$는 w 쪽에 있다. $p = 0.5$のとき、$H = 1$. $a = b$이다."
    >>> [postposed_condition(text, text.index(m) + len(m)) for m in ("y > 0", "p = 0.5", "a = b")]
    ['이면', 'のとき', None]
    """
    found = _POSTPOSED.match(source, end) or assumed and _ASSUMED.match(source, end)
    return found.group(0).lstrip(" \t$`)\\") if found else None


def after_postposed(source: str, offset: int) -> str | None:
    """The conditional ending of the inline math just before the math at ``offset`` on its
    line (``$z=0$ 时 $g(z)=0.5$``: g(z) = 0.5 when z = 0), or None.

    >>> text = "$z=0$ 时 $g(z)=0.5$ and $y = 1$이면, $p = 1$. $a$ 时 b $c$"
    >>> [after_postposed(text, text.index(m)) for m in ("g(z)", "p = 1", "c$")]
    ['时', '이면', None]
    """
    line = source[source.rfind("\n", 0, offset) + 1:offset]
    found = re.search(r"\$" + _POSTPOSED.pattern + r"[\s,，、:：]*\$+\s*$", line)
    return found.group(0).strip(" \t$`)\\,，、:：") if found else None


def _sentence_before(source: str, offset: int) -> str:
    """The sentence that leads into the inline math at ``offset``, on the math's own line."""
    line = source[source.rfind("\n", 0, offset) + 1:offset].rstrip().rstrip("$`(\\").rstrip()
    return _last_sentence(line)


def hypothesis(source: str, offset: int) -> str | None:
    """The conditional word (``If``, ``如果``) when the inline math at ``offset`` is the
    condition of its sentence (``If $d(x, y) = 0$, then …``), stated there, not claimed and
    not a definition; else None.  The sentence is read on the math's own line, up to it.

    >>> text = "If $d(x, y) = 0$, then $y = x$. Let $f(x) = 2x$.\\n> 2. 如果$d(x, y) = 0$，那么$y=x$"
    >>> [hypothesis(text, text.index(a)) for a in ("d(x", "y = x", "f(x)", "d(x, y) = 0$，", "y=x")]
    ['If', None, None, '如果', None]
    """
    sentence = _sentence_before(source, offset)
    found = list(_HYPOTHESIS.finditer(sentence))
    after = sentence[found[-1].end():] if found else ""
    return found[-1].group(0) if found and not _CONSEQUENCE.search(after) and "$" not in after \
        else None


# "the likelihood equation is $…$", "가능도방정식은 $…$", "方程为 $…$": an equation to solve
_NAMED_EQUATION = re.compile(r"(?:\bequations?|방정식|方程式?|等式)\s*(?:은|는|이|을|를|は|为|為|:|"
                             r"\b(?:is|reads|becomes|gives)\b)?\s*$", re.I)


def named_equation(source: str, offset: int) -> str | None:
    """The word naming the inline math at ``offset`` an equation, right before it in its
    sentence (``the likelihood equation is $…$``, ``가능도방정식은 $…$``), else None: the math
    is one to solve for its unknowns, neither an identity nor a definition of them.

    >>> text = "한편 가능도방정식은 $a = p$ 이다. The equation $x = 1$; so $y = 2$."
    >>> [named_equation(text, text.index(a)) for a in ("a = p", "x = 1", "y = 2")]
    ['방정식은', 'equation', None]
    """
    found = _NAMED_EQUATION.search(_sentence_before(source, offset))
    return found.group(0).strip() if found else None


_ITEM = re.compile(r"([ \t]*)(?:[-*+]|\d+[.)])[ \t]+(.*)")
# the whole item is math that sets names to values: $r=s=\frac{1}{2}$, $`r=\frac12, s=\frac14`$
_VALUE = r"(?:-?\d+(?:\.\d+)?|\\[dt]?frac\s*\{?\d+\}?\s*\{?\d+\}?|\d+\s*/\s*\d+)"
_NAME = r"(?:\\?[A-Za-z]+(?:_\{?\w+\}?)?)"
#: a name alone, maybe subscripted: ``y``, ``p_2``, ``\mu_{k}``
LONE_NAME = re.compile(_NAME)
_SETTING = re.compile(r"\$`?\s*" + _NAME + r"\s*(?:=\s*" + _NAME + r"\s*)*=\s*" + _VALUE +
                      r"(?:\s*,\s*" + _NAME + r"\s*=\s*" + _VALUE + r")*\s*`?\$[\s.:,)]*")


def case_of_the_parent_item(source: str, offset: int) -> str | None:
    r"""The values the parent list item sets, when the math at ``offset`` is in a nested list
    item and the parent item is nothing but such a setting (``- $r=s=\frac{1}{2}$`` above
    ``  - $D(p\|q) = D(q\|p) = 0$``): a case the check does not apply.

    >>> doc = "- $r=s=\\frac{1}{2}$\n  - $D(p||q) = D(q||p) = 0$\n"
    >>> case_of_the_parent_item(doc, doc.index("D(p"))
    '$r=s=\\frac{1}{2}$'
    >>> case_of_the_parent_item("- $a = 1$\n- $b = a + 1$\n", 14) is None
    True
    """
    start = source.rfind("\n", 0, offset) + 1
    item = _ITEM.match(source, start)
    if not item:
        return None
    indent = len(item.group(1).expandtabs(4))
    for line in reversed(source[:max(start - 1, 0)].split("\n")[-40:]):
        parent = _ITEM.match(line)
        if not parent:
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                return None          # the list ended above
            continue
        if len(parent.group(1).expandtabs(4)) < indent:
            return parent.group(2).strip() if _SETTING.fullmatch(parent.group(2).strip()) \
                else None
    return None


def words_before(markup, start: int, reach: int = 600) -> str:
    r"""The prose of ``start``'s section (its inline math in) that ends within ``reach``
    characters before ``start``; code blocks and displays are not prose.

    >>> from symbolic.latex_in.documents import read_markup
    >>> doc = "```\nH(p) = 0\n```\n\nThe target is one-hot.\n\n$$a = b$$\n"
    >>> words_before(read_markup(doc), doc.index("$$"))
    'The target is one-hot.'
    """
    return " ".join(p.text for p in prose_before(markup, start)
                    if (p.end if p.end >= 0 else p.offset + len(p.text)) > start - reach)


# words that introduce notation: "we'll denote", "define", "we write", 定义, 记为, 定義, 정의
_NOTATION = re.compile(r"\b(?:denot\w*|defin\w*|we\s+write|stands?\s+for|notation|convention)\b|"
                       r"定义|记为|記為|記号|定義|おく|约定|規約|정의|표기|관례", re.I)


def introduces_notation(source: str, markup, offset: int) -> str | None:
    """The word of the prose that leads into the math at ``offset`` — or into the first of the
    displays that follow one another with nothing between them up to it — saying that the math
    introduces notation ("We'll denote:", "而且需要定义 $\\log_2 0 = 0$"); None otherwise.  A
    row so introduced is the author's definition, and a failure of it against the standard
    meaning is no error.

    >>> from symbolic.latex_in.documents import read_markup
    >>> doc = "We'll denote:\\n\\n$$z = -w^T x$$\\n\\n$$\\\\sigma(z) = \\\\frac{1}{1 + e^{z}}$$\\n"
    >>> introduces_notation(doc, read_markup(doc), doc.index("\\\\sigma"))
    'denote'
    >>> doc = "By convention, $0 \\\\log\\\\frac{p}{0} = \\\\infty$."
    >>> introduces_notation(doc, read_markup(doc), doc.index("$") + 1)
    'convention'
    >>> doc = "So we get\\n\\n$$\\\\sigma(z) = \\\\frac{1}{1 + e^{z}}$$\\n"
    >>> introduces_notation(doc, read_markup(doc), doc.index("\\\\sigma")) is None
    True
    """
    starts = sorted((m.offsets[0], m.offsets[-1] + 1) for m in markup.math if m.offsets)
    start = max((s for s, _ in starts if s <= offset), default=offset)
    while True:
        before = [(s, e) for s, e in starts if e <= start]
        gap = source[before[-1][1]:start] if before else ""
        if not before or gap.strip(" \t\n$\\[]") or "\n" not in gap:
            break       # prose between, or inline math on one line: the run of displays ends
        start = before[-1][0]
    words = lead_in(source, markup, start)
    found = list(_NOTATION.finditer(words)) if words else []
    # in the clause that leads into the math: "… 다음과 같이 정의하고 $y^1 = y$, $y^2 = 1-y$,
    # 확률도 $…$" defines the labels, and says of the probabilities only that they are so
    rest = words[found[-1].end():].strip(" \t,:;，：") if found else ""    # "By convention, $…$"
    return found[-1].group(0) if found and len(rest) <= 25 and not re.search(r"[,，、;；]", rest) \
        else None


# a word that offers the math after it as one of alternatives: "either $y = 0$ or $1 - y = 0$"
_ALTERNATIVE = re.compile(r"(?:^|[\s,(])(either|or|soit|ou|oder|entweder|o bien|或者|或|또는|または|"
                          r"あるいは)\s*,?\s*\$*\s*$", re.I)


def offered_as_alternative(source: str, offset: int) -> str | None:
    """The word just before the inline math at ``offset`` that offers it as one of
    alternatives ("either $y = 0$ or $1 - y = 0$", "soit … soit"); None otherwise.  Such math
    is a case the sentence considers, not a claim.

    >>> doc = "so either $y = 0$ or $1 - y = 0$."
    >>> offered_as_alternative(doc, doc.index("y = 0")), offered_as_alternative(doc, doc.index("1 -"))
    ('either', 'or')
    >>> offered_as_alternative("Therefore $y = 0$.", 11) is None
    True
    """
    found = _ALTERNATIVE.search(source[max(0, offset - 24):offset])
    return found.group(1) if found else None


# a condition the sentence puts after its claim: "$H(P,Q) = H(P)$ when $Q = P$", "… si …"
_CONDITION_AFTER = re.compile(
    r"[\s$`)\\]*(?:,\s*|\(\s*)?(?<![\w])(when(?:ever)?|if|iff|only\s+(?:if|when)|provided|unless|"
    r"as\s+long\s+as|given\s+that|assuming|quand|lorsque|si|wenn|falls|cuando|quando|se|khi|"
    r"nếu|gdy|jeśli|jeżeli|когда|если|jika|ketika|apabila)(?![\w])", re.I)


def condition_after(source: str, end: int) -> str | None:
    """The conditional word right after the inline math that ends at ``end`` when the
    sentence states the math under it ("$H(P,Q) = H(P)$ when $Q = P$", "… si $p = q$");
    None otherwise.  The claim holds under a condition the check does not apply.

    >>> doc = "* $H(P,Q) = H(P)$ when $Q = P$ (perfect model); $a = b$ and so on"
    >>> condition_after(doc, doc.index(" when")), condition_after(doc, doc.index(" and"))
    ('when', None)
    >>> condition_after("$x = 1$, if $y > 0$", 7), condition_after("$x = 1$ for all x", 7)
    ('if', None)
    """
    found = _CONDITION_AFTER.match(source, end)
    return found.group(1) if found else None
