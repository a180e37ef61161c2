r"""Math the prose says does not hold.

"While it is **not** true that $D(P\parallel Q) = D(Q \parallel P)$ for all P and Q" and
"$KL(p||q) = KL(q||p)$ does not hold in general" state a relation in order to deny it: a
refutation would tell the author what the author has just said.  Such a relation is left
`unknown`.  The denial is looked for in the sentence right before the math (its last words
lead into it: "not true that", "it is false that", "we cannot say that") and right after it
("does not hold", "is not true", "is false", 성립하지 않는다, が成り立たない, 不成立), in
English, Korean, Japanese, Chinese, French, Spanish and German.

>>> doc = "While it is \\textbf{not} true that $D(P) = D(Q)$ for all $P$. And $a = b$ is fine."
>>> negated_claim(doc, doc.index("D(P)"), doc.index("$ for")), negated_claim(doc, doc.index("a ="), doc.index("$ is"))
('not true that', None)
"""
from __future__ import annotations

import re

# the words just before the math (after any markup is removed): "… is not true that"
_BEFORE = re.compile(
    r"(?:(?:not|n't)\s+(?:(?:always|generally|necessarily)\s+)?(?:true|the\s+case|correct|valid)\s+"
    r"(?:in\s+general\s+)?that|(?:it\s+is|it's)\s+(?:false|wrong|untrue|incorrect)\s+(?:to\s+say\s+)?that|"
    r"(?:cannot|can't|can\s+not|may\s+not)\s+(?:say|claim|conclude|assume|write)\s+that|"
    r"n'est\s+pas\s+(?:vrai|toujours\s+vrai)\s+que|no\s+es\s+(?:cierto|verdad)\s+que|"
    r"(?:ist\s+)?nicht\s+(?:wahr|richtig),?\s+dass)\s*[:,]?\s*$", re.I)

# the words just after the math: "… does not hold", "… 은 성립하지 않는다", "… 不成立"
_AFTER = re.compile(
    r"[\s$`)\\]*(?:"
    r"(?:does\s+not|doesn't|do\s+not|don't|need\s+not|needn't|will\s+not|won't)\s+"
    r"(?:(?:always|generally|necessarily)\s+)?(?:hold|apply|follow|work)|"
    r"(?:is|are)\s+(?:not|n't)\s+(?:(?:always|generally|necessarily)\s+)?(?:true|correct|valid|"
    r"the\s+case|an?\s+identity)|(?:isn't|aren't)\s+(?:true|correct|valid|the\s+case)|"
    r"(?:is|are)\s+(?:false|wrong|incorrect|untrue)|"
    r"(?:[은는이가]\s*)?(?:(?:항상|일반적으로)\s*)?(?:성립하지\s*않|성립\s*안|틀린|틀렸|아니다|아닙니다)|"
    r"(?:[はが]\s*)?(?:(?:一般に|常に|必ずしも)\s*)?(?:成り立たない|成立しない|成り立ちません|誤り|間違い)|"
    r"(?:(?:并|是|也)\s*)?(?:(?:一般|通常)\s*)?(?:不成立|不一定成立|不总是成立|并不成立|是错误的|是错的)|"
    r"n'est\s+pas\s+(?:vrai|valable)|no\s+(?:es\s+cierto|se\s+cumple)|gilt\s+nicht)", re.I)

_MARKUP = re.compile(r"\\(?:textbf|textit|emph|underline)\s*\{([^{}]*)\}|\*\*([^*]*)\*\*|"
                     r"(?<![*\w])\*([^*]+)\*(?![*\w])|__([^_]*)__")


def _plain(text: str) -> str:
    """``text`` with emphasis unwrapped (``\\textbf{not}``, ``**not**`` are ``not``)."""
    return _MARKUP.sub(lambda m: next(g for g in m.groups() if g is not None), text)


def negated_claim(source: str, start: int, end: int) -> str | None:
    """The words that deny the math from ``start`` to ``end`` of ``source`` (the math's own
    offsets, without its delimiters), or None.

    >>> negated_claim("Note that $a = b$ does not hold in general.", 11, 16)
    'does not hold'
    >>> negated_claim("$H(X) = H(Y)$는 성립하지 않는다.", 1, 13)
    '는 성립하지 않'
    >>> negated_claim("We have $a = b$, which does not hold for c.", 9, 14)
    """
    line_start = source.rfind("\n", 0, start) + 1
    before = _plain(source[line_start:start].rstrip().rstrip("$`(\\[").rstrip())
    found = _BEFORE.search(before)
    if found:
        return re.sub(r"\s+", " ", found.group(0).strip(" \t:,"))
    after = _AFTER.match(source, end)
    return after.group(0).strip(" \t\n$`)\\") if after else None
