r"""What the first pass finds in a document: math, prose, tables, headings, with offsets.

>>> m = Markup([], [Prose("Logs are base 2.", 0, 0, 16), Prose("So", 20, 0, 22)], [], [])
>>> [p.text for p in prose_before(m, 21)]
['Logs are base 2.', 'S']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass(frozen=True)
class Math:
    """One piece of math: its LaTeX and, for each character, its offset in the file."""

    content: str
    offsets: list
    inline: bool
    section: int = 0
    plain: bool = False    # written as plain text (``-log2(0.99) = 0.0144bits``), converted
    delimiter: str = ""    # "$", "$$", "gitlab", "\\(", "env", "script", "shortcode", "plain", …


@dataclass(frozen=True)
class Prose:
    """A paragraph, heading or table cell of text (its math left in)."""

    text: str
    offset: int
    section: int = 0
    end: int = -1          # file offset just past it (-1: not known)


@dataclass(frozen=True)
class Table:
    """A Markdown table: its rows as lists of cell texts (math left in), header row first."""

    rows: list
    offset: int
    section: int = 0


@dataclass
class Markup:
    math: list
    prose: list
    tables: list
    headings: list = field(default_factory=list)  # file offsets of the headings, in order

    def section_of(self, offset: int) -> int:
        """How many headings come at or before ``offset``.

        >>> Markup([], [], [], [0, 50]).section_of(10)
        1
        """
        return bisect_right(self.headings, offset)


def blanked(text: str, spans) -> str:
    """``text`` with each ``text[a:b]`` of ``spans`` replaced by spaces (newlines kept), so
    that every other character keeps its offset.

    >>> blanked("a $x$\\nb", [(2, 5)])
    'a    \\nb'
    """
    chars = list(text)
    for a, b in spans:
        for k in range(max(0, a), min(b, len(chars))):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def prose_before(markup: Markup, offset: int) -> list:
    """The prose of ``offset``'s section that comes before it, in order; a paragraph that
    holds ``offset`` is cut there (its text is taken to start at its offset)."""
    section = markup.section_of(offset)
    out = []
    for p in markup.prose:
        if p.section != section or p.offset >= offset:
            continue
        if p.end > offset:
            p = replace(p, text=p.text[:offset - p.offset], end=offset)
        out.append(p)
    return out


def is_escaped(source: str) -> bool:
    r"""Does the document write its LaTeX with Markdown escapes (``\\text``, or ``\\\\`` rows,
    ``\_``, ``\\{`` in its ``$$`` math), as a page whose renderer unescapes its math must?

    >>> is_escaped(r"$$ a \\\\ b \\\\ c_\{1\} \_x $$"), is_escaped(r"$$ a \\ b $$")
    (True, False)
    >>> is_escaped(r"$$\\frac{1}{2} \\left( x \\right)$$"), is_escaped(r"$$\frac{1}{2} \left(x\right)$$ \\left")
    (True, False)
    >>> is_escaped("\\begin{align}\n\\sum\\_{v} \\left\\\\{ a\\_1 \\right\\\\} \n\\end{align}")
    True
    """
    words = r"(?:text|begin|end|sum|log|frac|mathbb|left|right|sim)\b"
    hits = len(re.findall(r"\\\\" + words, source))
    # a page that writes these commands mostly with one backslash is not escaped: a stray
    # ``\\left`` or two in it are the author's typos
    hits = hits if hits > len(re.findall(r"(?<!\\)\\" + words, source)) else 0
    # the displays: $$…$$, and environments a renderer reads without them (\begin{align})
    display = "".join(re.findall(r"\$\$.*?\$\$|\\begin\{(?:align|equation|eqnarray|gather|"
                                 r"multline)\*?\}.*?\\end\{", source, flags=re.S))
    marks = len(re.findall(r"\\\\\\\\\s|\\_|\\\\[{}]", display))
    plain_rows = len(re.findall(r"(?<!\\)\\\\\s*\n", display))
    return hits >= 2 or marks >= 3 and marks > plain_rows


def unescape(text: str, offsets: list) -> tuple[str, list]:
    """CommonMark backslash-unescaping, keeping each character's offset.

    >>> unescape(r"a\\_b", [0, 1, 2, 3])
    ('a_b', [0, 2, 3])
    """
    out, offs, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in PUNCT:
            out.append(text[i + 1])
            offs.append(offsets[i + 1])
            i += 2
            continue
        out.append(text[i])
        offs.append(offsets[i])
        i += 1
    return "".join(out), offs


def sectioned(markup: Markup) -> Markup:
    """Number each piece by the headings before it; math in file order.

    >>> sectioned(Markup([Math("x", [9], True)], [], [], [5])).math[0].section
    1
    """
    heads = markup.headings

    def section(offset):
        return bisect_right(heads, offset)

    math = sorted((replace(m, section=section(m.offsets[0] if m.offsets else 0))
                   for m in markup.math), key=lambda m: m.offsets[0] if m.offsets else 0)
    prose = [replace(p, section=section(p.offset)) for p in markup.prose]
    tables = [replace(t, section=section(t.offset)) for t in markup.tables]
    return Markup(math, prose, tables, heads)


# after an inline math's closing $: "= 0.9183", "≈ 0.92" (a unit or punctuation may follow)
_TRAILING_VALUE = re.compile(r"[ \t]*(?:=|≈|\\approx(?![A-Za-z]))[ \t]*-?\d+(?:\.\d+)?"
                             r"(?![\d.]*\d)(?=[ \t]*(?:[A-Za-z%]+\b)?[ \t]*(?:[.,;:)]|$|\s))",
                             re.M)


def with_trailing_values(markup: Markup, source: str) -> Markup:
    r"""Inline math closed before its value, ``$-\frac{4}{9}\log_2\frac{4}{9} - …$ = 0.9910
    bits``: the value written after the ``$`` is read with the math it ends (the math must
    be an expression, not a relation of its own).

    >>> src = r"the entropy is $-\log_2 0.5$ = 1 bit, and $a = b$ = 2."
    >>> m = with_trailing_values(Markup([Math(r"-\log_2 0.5", list(range(16, 27)), True, delimiter="$"),
    ...                                  Math("a = b", list(range(43, 48)), True, delimiter="$")], [], []), src)
    >>> [x.content for x in m.math]
    ['-\\log_2 0.5 = 1', 'a = b']
    """
    out = []
    for m in markup.math:
        close = m.offsets[-1] + 1 if m.inline and m.delimiter == "$" and m.offsets else -1
        while 0 <= close < len(source) and source[close] in " \t":
            close += 1
        value = _TRAILING_VALUE.match(source, close + 1) if 0 <= close < len(source) and \
            source[close] == "$" and source[close + 1:close + 2] != "$" and \
            not re.search(r"=|\\approx|\\[lg]eq?(?![A-Za-z])|[<>≤≥≈]", m.content) else None
        if value:
            m = replace(m, content=m.content + value.group(0),
                        offsets=list(m.offsets) + list(range(value.start(), value.end())))
        out.append(m)
    return replace(markup, math=out)


# $\frac{3}{4}$ = $\frac{800}{1200}$: two inline formulas joined in prose by a relation
_JOINT = re.compile(r"(?:\$\$?|\\\))[ \t]*(=|≈|\\approx(?![A-Za-z]))[ \t]*(?:\$\$?|\\\()")
_RELATION = re.compile(r"=|≈|<|>|\\(?:approx|le|ge|leq|geq|ne|neq)(?![A-Za-z])")


def joined_by_relation(markup: Markup, source: str) -> Markup:
    r"""Inline formulas written in prose with a relation between them, ``$\frac{1}{4}$ =
    $\frac{300}{1200}$``, are one relation (neither formula may hold a relation of its own).

    >>> src = r"so $\frac{1}{4}$ = $\frac{300}{1200}$ here"
    >>> m = joined_by_relation(Markup([Math(r"\frac{1}{4}", list(range(4, 15)), True, delimiter="$"),
    ...                                Math(r"\frac{300}{1200}", list(range(20, 36)), True, delimiter="$")],
    ...                               [], []), src)
    >>> [x.content for x in m.math]
    ['\\frac{1}{4} = \\frac{300}{1200}']
    """
    out, joined = [], False      # joined: the last piece was made by joining (a = b = c)
    for m in sorted(markup.math, key=lambda m: m.offsets[0] if m.offsets else 0):
        last = out[-1] if out else None
        joint = _JOINT.fullmatch(source, last.offsets[-1] + 1, m.offsets[0]) if last and \
            last.inline and m.inline and last.offsets and m.offsets and \
            last.offsets[-1] < m.offsets[0] else None
        if joint and not _RELATION.search(m.content) and \
                (joined or not _RELATION.search(last.content)):
            symbol = " " + joint.group(1) + " "
            out[-1] = replace(last, content=last.content + symbol + m.content,
                              offsets=list(last.offsets) + [joint.start(1)] * len(symbol) +
                              list(m.offsets))
            joined = True
            continue
        out.append(m)
        joined = False
    return replace(markup, math=out)


_LATEX_LEVEL = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4,
                "paragraph": 5}


def section_titles(source: str, markup: Markup, offset: int) -> list:
    r"""The titles of the sections the text at ``offset`` is in, innermost first: the nearest
    heading before it, then each enclosing heading of a higher level (Markdown ``#`` or a
    LaTeX ``\section``).

    >>> doc = "# Cross entropy\n\n## Definition\n\ntext\n\n# Other\n\n## Gradient\n\nmore"
    >>> m = Markup([], [], [], [0, 17, 38, 47])
    >>> section_titles(doc, m, doc.index("text")), section_titles(doc, m, doc.index("more"))
    (['Definition', 'Cross entropy'], ['Gradient', 'Other'])
    """
    titles, level = [], None
    for at in reversed([h for h in markup.headings if h < offset]):
        end = source.find("\n", at)
        line = source[at:end if end >= 0 else None]
        hashes = re.match(r"\s*(#+)\s*(.*)", line)
        command = re.match(r"\s*\\(\w+)\*?\s*\{(.*)\}", line)
        if hashes:
            depth, title = len(hashes.group(1)), hashes.group(2)
        elif command and command.group(1) in _LATEX_LEVEL:
            depth, title = _LATEX_LEVEL[command.group(1)], command.group(2)
        else:
            continue
        if level is None or depth < level:
            titles.append(title.strip().rstrip("#").strip())
            level = depth
    return titles
