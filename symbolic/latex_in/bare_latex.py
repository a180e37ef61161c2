r"""Lines of LaTeX written with no math delimiters around them.

Posts copied from an editor that renders LaTeX itself (Zhihu, Notion, a CMS) keep each
display as a bare line of LaTeX between lines of prose, its rows joined by ``\\``::

    如果我们使用 MSE 作为损失函数，那么来计算一下其梯度：
    Loss = (\hat{y}_i - y_i )^2\\ \frac{\partial Loss}{\partial w} =2(\hat{y}_i - y_i)…
    因为：

Such a line is read as a display when all of it is math:

- it uses a LaTeX command of math (``\frac``, ``\sum``, ``\partial``, ``\hat``, a Greek
  letter …) and holds a relation at its top level;
- it is ASCII (no CJK prose, no KaTeX rendering beside its source), with no Markdown markup of
  a list, heading, quote or table, no ``$`` (delimited math is read as such), no HTML, no
  ``&`` (a row of an environment) and no Markdown-escaped LaTeX (``\_``);
- outside its commands and ``\text{…}``, it has at most one run of three or more letters that
  is no function name (``Loss`` may name a side; two words are prose).

>>> text = "因为：\n(\\frac{1}{1+e^{-x}})^2 e^{-x} = \\hat{y}(1-\\hat{y})\\\\\n所以："
>>> [(line.latex, line.start) for line in bare_lines(text)]
[('(\\frac{1}{1+e^{-x}})^2 e^{-x} = \\hat{y}(1-\\hat{y})\\\\', 4)]
>>> bare_lines("where \\alpha = 0.5 is the rate")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from symbolic.latex_in.delimiters import MATH_WORDS
from symbolic.latex_in.relations import split_chain

_MATH_COMMAND = re.compile(r"\\(?:frac|dfrac|tfrac|sum|prod|int|partial|hat|bar|tilde|log|ln|exp|"
                           r"sqrt|cdot|times|left|mathbb|mathcal|mathbf|nabla|sigma|theta|alpha|"
                           r"beta|lambda|mu|pi|phi|omega|epsilon|varepsilon|eta|Rightarrow|"
                           r"infty)(?![A-Za-z])")
# Markdown of a list, heading, quote or table; delimited math; HTML; an alignment mark (a row
# of an environment read elsewhere); Markdown-escaped LaTeX (\_, \[latex\])
_MARKUP = re.compile(r"^\s*(?:[-*+]\s|[>#|]|\d+[.)]\s)|\$|`|\|\s*$|[\"<&]|\\[_\[\]]")


# \begin{align*} … \end{align*} inside a paragraph or a list item (Markdown may escape the *)
_ENVIRONMENT = re.compile(r"\\begin\{(align|aligned|equation|gather|eqnarray|multline)(\\?\*)?\}"
                          r".*?\\end\{\1(?:\\?\*)?\}", re.DOTALL)


def environments(text: str) -> list[tuple[int, int]]:
    r"""(start, end) of each math environment written inside a paragraph, where Markdown sees
    prose (MathJax still renders it).

    >>> environments("so:\n\\begin{align\\*}\na &= b\n\\end{align\\*}\nend")
    [(4, 40)]
    """
    return [m.span() for m in _ENVIRONMENT.finditer(text)]


def unescaped_star(latex: str, offsets: list) -> tuple[str, list]:
    r"""``\begin{align\*}`` as ``\begin{align*}``, each character keeping its offset.

    >>> unescaped_star(r"\begin{align\*}", list(range(15)))
    ('\\begin{align*}', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14])
    """
    drop = {m.start() for m in re.finditer(r"\\(?=\*\})", latex)}
    return ("".join(c for i, c in enumerate(latex) if i not in drop),
            [o for i, o in enumerate(offsets) if i not in drop])


@dataclass(frozen=True)
class BareLine:
    """The LaTeX of one bare line and the offset of its first character in the text."""

    latex: str
    start: int


def _prose_words(line: str) -> list[str]:
    plain = re.sub(r"\\(?:text|textrm|mathrm|operatorname|mbox)\s*\{[^{}]*\}|\\[A-Za-z]+", " ", line)
    return [w for w in re.findall(r"[A-Za-z]{3,}", plain) if w.lower() not in MATH_WORDS]


def is_bare_display(line: str) -> bool:
    r"""Is ``line`` (one line of a paragraph) all LaTeX math (see the module)?

    >>> is_bare_display(r"Loss = (\hat{y}_i - y_i )^2\\")
    True
    >>> is_bare_display(r"the loss \hat{L} = x is small"), is_bare_display(r"a = b")
    (False, False)
    """
    text = line.strip()
    if not text or not text.isascii() or _MARKUP.search(text) or not _MATH_COMMAND.search(text):
        return False        # CJK prose, or KaTeX's rendered text beside its source (−, π, ⋯)
    if len(set(_prose_words(text))) > 1:      # Loss = …, \frac{\partial Loss}{…}: one name
        return False
    try:
        return bool(split_chain(re.sub(r"\\\\", "  ", text)).relations)
    except (ValueError, IndexError):
        return False


def bare_lines(text: str) -> list[BareLine]:
    """Every line of ``text`` that is a bare display of LaTeX, in order."""
    out, at = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if is_bare_display(body):
            lead = len(body) - len(body.lstrip())
            out.append(BareLine(body.strip(), at + lead))
        at += len(line)
    return out
