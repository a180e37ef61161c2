r"""Math written as the URL of an image that renders it (CodeCogs, GitHub, Google Charts).

READMEs and GitHub pages that cannot run MathJax embed each formula as an image whose URL
carries the LaTeX: ``<img src="https://latex.codecogs.com/gif.latex?f(x)&space;=&space;x^2"/>``,
``![](https://latex.codecogs.com/svg.image?\frac{a}{b})``,
``https://render.githubusercontent.com/render/math?math=a%2Bb``.  The LaTeX is decoded from
the URL (CodeCogs' ``&space;`` and ``&plus;``, HTML entities, percent escapes) and the
renderer's options (``\dpi{120}``, ``\bg_white``, ``\inline``) are dropped.  An image alone
on its line is a display; one in a sentence is inline.

>>> text = 'so <img src="https://latex.codecogs.com/gif.latex?f(x)&space;=&space;x&plus;1" /> here'
>>> [(f.latex, f.inline) for f in image_formulas(text)]
[('f(x) = x+1', True)]
>>> [f.latex for f in image_formulas("![](https://latex.codecogs.com/svg.latex?\\dpi{110}\\bg_white&space;a%5E2)")]
['a^2']
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

_URL = re.compile(
    r"(?:https?:)?//(?:latex\.codecogs\.com/(?:svg|gif|png|eps)(?:\.(?:latex|image|download))?\?|"
    r"render\.githubusercontent\.com/render/math\?(?:[^\"'\s)>]*?&(?:amp;)?)?math=|"
    r"chart\.googleapis\.com/chart\?cht=tx&(?:amp;)?chl=)")
# the renderer's options before the formula: resolution, background, font, size, inline
_OPTIONS = re.compile(r"^(?:\s*\\(?:dpi\{\d+\}|bg_\w+|bg\{\w+\}|fn_\w+|inline|tiny|small|normal|"
                      r"large|Large|LARGE|huge|Huge)(?![A-Za-z]))*\s*")


@dataclass(frozen=True)
class ImageFormula:
    """The LaTeX of one image's URL, where its query starts, whether it is inline, and where
    the image ends (after ``>`` or the link's ``)``): the prose after the math starts there."""

    latex: str
    offset: int
    inline: bool
    end: int


def decoded(query: str) -> str:
    """The LaTeX a renderer's URL query carries.

    >>> decoded("\\\\frac{1}{2}&space;&plus;&space;x%5E2&amp;")
    '\\\\frac{1}{2} + x^2&'
    """
    text = query.replace("&space;", " ").replace("&plus;", "+")
    return html.unescape(unquote(text))


def _query_end(text: str, start: int, quote: str) -> int:
    """Where the query from ``start`` ends: at the closing ``quote`` of an attribute, or, in
    a Markdown link, at the first unbalanced ``)`` or white space."""
    if quote in "\"'":
        end = text.find(quote, start)
        return len(text) if end < 0 else end
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c.isspace() or c == ")" and depth == 0:
            return i
        depth += (c == "(") - (c == ")")
    return len(text)


def image_formulas(text: str) -> list:
    """Every formula written as a rendering image's URL in ``text``, in order."""
    found = []
    for m in _URL.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        quote = next((q for q in "\"'" if re.search(re.escape(q) + r"\s*(?:https?:)?$", before)), "(")
        end = _query_end(text, m.end(), quote)
        latex = _OPTIONS.sub("", decoded(text[m.end():end])).strip()
        if not latex:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", end)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        rest = re.sub(r"<img\b[^<>]*>|!\[[^\]]*\]\([^()]*(?:\([^()]*\)[^()]*)*\)", "", line)
        close = text.find(">", end) + 1 if quote in "\"'" else end + 1
        found.append(ImageFormula(latex, m.end(), bool(rest.strip(" \t-*>")),
                                  close if close > end else len(text)))
    return found
