r"""Read a LaTeX file: its math, its prose between the math, and its sectioning.

Comments (``%`` to the end of the line, not ``\%``), ``verbatim``/``lstlisting``/
``minted`` environments and ``\verb|…|`` are skipped.  Math is ``$$…$$``, ``$…$``,
``\[…\]``, ``\(…\)`` and the environments ``equation``, ``align``, ``aligned``,
``gather``, ``multline``, ``eqnarray``, ``flalign``, ``alignat`` (starred or not).  A
``$…$`` whose content reads as prose was paired wrongly (a ``$`` left alone, say): the
scan goes on from its closing ``$``.  ``\section``, ``\subsection``, ``\subsubsection``,
``\chapter`` and ``\paragraph`` start sections.

An ``equation`` (or ``align``, …) opened again before its ``\end`` was left open by a slip;
it ends where the next one begins.

>>> m = latex_markup("\\section{A}\nLet $x = 1$ % and $y$\nso\n\\begin{align}a &= b\\end{align}\n")
>>> [(x.content, x.inline, x.section) for x in m.math]
[('x = 1', True, 1), ('\\begin{align}a &= b\\end{align}', False, 1)]
"""
from __future__ import annotations

import re

from symbolic.latex_in.delimiters import looks_like_prose
from symbolic.latex_in.markup import (Markup, Math, Prose, blanked, is_escaped, sectioned,
                                      unescape)

ENVS = r"align\*?|aligned|equation\*?|gather\*?|gathered|eqnarray\*?|split|multline\*?" \
       r"|flalign\*?|alignat\*?|alignedat"
# environments that never hold themselves (an aligned may sit in an aligned; an equation
# never sits in an equation)
_UNNESTED = {"equation", "align", "gather", "eqnarray", "multline", "flalign", "alignat"}
SECTION = re.compile(r"\\(?:chapter|section|subsection|subsubsection|paragraph)\*?\s*[\[{]")
# (and a Sweave chunk of R code in an .Rnw file: a line <<label>>= up to a line @)
VERBATIM = re.compile(r"\\begin\{(verbatim|lstlisting|minted|comment)\*?\}.*?\\end\{\1\*?\}"
                      r"|\\verb\*?(.).*?\2|^<<[^\n]*>>=[ \t]*\n.*?^@[ \t]*$", re.S | re.M)


def skip_comments(source: str) -> str:
    """Blank comments and verbatim text, keeping offsets.

    >>> skip_comments("a % b\\n\\\\% c")
    'a    \\n\\\\% c'
    >>> skip_comments("$x$\\n<<fit>>=\\nd$y <- 1\\n@\\n$z$")
    '$x$\\n        \\n        \\n \\n$z$'
    """
    text = blanked(source, [m.span() for m in VERBATIM.finditer(source)])
    comments = [(m.start() + len(m.group()) - len(m.group().lstrip("\\")), m.end())
                for m in re.finditer(r"(?<!\\)(?:\\\\)*%[^\n]*", text)]
    return blanked(text, comments)


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def _dollar(text: str, i: int):
    """(start, end, inline) of the ``$``/``$$`` math at ``i``, and the index to go on from."""
    n = len(text)
    if text.startswith("$$", i):
        j = text.find("$$", i + 2)
        par = _PARAGRAPH_END.search(text, i + 2, j if j >= 0 else n)
        if par:      # a paragraph ends inside: TeX stops there, and so does the display
            return (i + 2, par.start(), False), par.end()
        if j < 0:
            return None, n
        return (i + 2, j, "\n" not in text[i:j]), j + 2
    j = i + 1
    while j < n and text[j] != "$" and not (text[j] == "\n" and text[j + 1:j + 2] == "\n"):
        j += 2 if text[j] == "\\" else 1
    if j < n and text[j] == "$" and text[i + 1:j].strip():
        if looks_like_prose(text[i + 1:j]):
            return None, j                  # a lone $ before: pair from the closing one
        return (i + 1, j, True), j + 1
    return None, i + 1


def scan_math(source: str) -> list:
    """(content, offsets, inline) of every piece of math in a LaTeX source.

    >>> [(c, o[0], i) for c, o, i in scan_math("Costs \\\\$5; let $x$ be")]
    [('x', 16, True)]

    A ``$$`` left open ends with its paragraph (the ``$`` after it keep their pairs):

    >>> [c for c, o, i in scan_math("$$a = b.\\n\\nThen $x$ and $y$, $$c = d$$")]
    ['a = b.', 'x', 'y', 'c = d']
    """
    escaped = is_escaped(source)
    text = skip_comments(source)
    blocks, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and not escaped and text.startswith(("\\[", "\\("), i):
            close = "\\]" if text[i + 1] == "[" else "\\)"
            j = text.find(close, i + 2)
            if j >= 0:
                blocks.append((i + 2, j, close == "\\)"))
                i = j + 2
                continue
        m = re.match(r"\\begin\{(" + ENVS + r")\}", text[i:i + 40]) if ch == "\\" else None
        if m:
            end = text.find("\\end{" + m.group(1) + "}", i)
            again = text.find("\\begin{" + m.group(1) + "}", i + m.end())
            if 0 < again < end and m.group(1).rstrip("*") in _UNNESTED:
                blocks.append((i, again, False))   # \begin{equation} left open: it ends at
                i = again                            # the next one, which LaTeX would refuse
                continue
            if end > 0:
                blocks.append((i, end + len(m.group(1)) + 6, False))
                i = end + len(m.group(1)) + 6
                continue
        if ch == "\\":
            i += 2
            continue
        if ch == "$":
            block, i = _dollar(text, i)
            if block:
                blocks.append(block)
            continue
        i += 1
    out = []
    for a, b, inline in blocks:
        content, offs = text[a:b], list(range(a, b))
        if escaped:
            content, offs = unescape(content, offs)
        out.append((content, offs, inline))
    return out


def latex_markup(source: str) -> Markup:
    """Math, prose paragraphs and section starts of a LaTeX file (see the module).

    >>> latex_markup("\\\\section{A}\\nText.\\n").headings
    [0]
    """
    headings = [m.start() for m in SECTION.finditer(skip_comments(source))]
    found = scan_math(source)
    math = [Math(c, o, i, delimiter="$" if i else "env") for c, o, i in found]
    prose, text = [], skip_comments(source)
    for m in re.finditer(r"\S(?:[^\n]|\n(?!\s*\n))*", text):
        prose.append(Prose(m.group(), m.start(), 0, m.end()))
    return sectioned(Markup(math, prose, [], headings))
