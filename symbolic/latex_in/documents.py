"""Find the math of a Markdown or LaTeX document and cut it into chains.

Markdown is read with markdown-it-py and the ``dollarmath``/``amsmath``
plugins of mdit_py_plugins (code, front matter and tables are then what
CommonMark says they are); the math each token holds is aligned back onto the
source so that every chain keeps the exact file offset of each character and a
step is reported at the line of its relation symbol.  LaTeX files (``.tex``, or
a source that starts with ``\\documentclass``) are read with a small scanner:
math is ``$$…$$``, ``$…$``, ``\\[…\\]``, ``\\(…\\)`` and the environments
``align``, ``align*``, ``aligned``, ``equation``, ``equation*``, ``gather``.

Documents whose math is written with Markdown backslash escapes
(``\\\\text``, ``\\_``, ``\\[`` inside ``$$``) are detected and unescaped the way
CommonMark does (a backslash before ASCII punctuation is dropped).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from symbolic.latex_in.relations import _relation_at

PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
ENVS = r"align\*?|aligned|equation\*?|gather\*?|gathered|eqnarray\*?|split|multline\*?"


@dataclass(frozen=True)
class Chain:
    """The text of one chain and, for each character, its offset in the file."""

    text: str
    offsets: tuple
    block: int  # chains of one math block share the number
    inline: bool = False  # from $…$ / \\(…\\) within a paragraph
    section: int = 0  # headings seen before it
    listed: bool = False  # one of several relations written in one row, split at commas

    def offset_of(self, position: int) -> int:
        if not self.offsets:
            return 0
        return self.offsets[max(0, min(position, len(self.offsets) - 1))]


def is_escaped(source: str) -> bool:
    """Does the document write its LaTeX with Markdown escapes (``\\\\text``)?"""
    hits = len(re.findall(r"\\\\(?:text|begin|end|sum|log|frac|mathbb|left|right|sim)\b",
                          source))
    return hits >= 2


def unescape(text: str, offsets: list) -> tuple[str, list]:
    """CommonMark backslash-unescaping, keeping each character's offset."""
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


def _skip_code(source: str) -> str:
    """Blank out code (fences, indented code outside math, inline code) keeping offsets."""
    chars = list(source)

    def blank(a, b):
        for k in range(a, b):
            if chars[k] != "\n":
                chars[k] = " "

    for m in re.finditer(r"(?ms)^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", source):
        blank(m.start(), m.end())
    text = "".join(chars)
    for m in re.finditer(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", text, flags=re.S):
        blank(m.start(), m.end())
    for m in re.finditer(r"(?m)^---\n.*?^---$", text[:2000], flags=re.S):
        if m.start() == 0:
            blank(m.start(), m.end())
    return "".join(chars)


def is_latex(source: str, name: str = "") -> bool:
    """A LaTeX file (read with the scanner) rather than Markdown."""
    return name.endswith((".tex", ".ltx")) or source.lstrip().startswith(("\\documentclass",
                                                                         "\\begin{document}"))


@dataclass(frozen=True)
class Math:
    content: str
    offsets: list
    inline: bool
    section: int = 0


@dataclass(frozen=True)
class Prose:
    """A paragraph, heading or table cell of text (its math left in)."""

    text: str
    offset: int
    section: int = 0


@dataclass(frozen=True)
class Table:
    """A Markdown table: its rows as lists of cell texts."""

    rows: list
    offset: int
    section: int = 0


@dataclass
class Markup:
    math: list
    prose: list
    tables: list


def read_markup(source: str, name: str = "") -> Markup:
    """The math, prose and tables of a document (Markdown unless it is LaTeX)."""
    if is_latex(source, name):
        return Markup([Math(c, o, i) for c, o, i in _scan_math(source)], [], [])
    return _markdown_markup(source)


def _markdown_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    return (MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
            .use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
            .use(amsmath_plugin))


def _align(content: str, source: str, start: int, end: int) -> list:
    """Offsets in ``source[start:end]`` of the characters of ``content``.

    Markdown may drop indentation and quote markers from a token's content;
    those source characters are skipped.  A character that cannot be found
    takes the offset reached so far.
    """
    found = source.find(content, start, end) if content else -1
    if found >= 0:
        return list(range(found, found + len(content)))
    offs, j = [], start
    for ch in content:
        k = j
        while k < end and source[k] != ch and source[k] in " \t\r\n>":
            k += 1
        if k < end and source[k] == ch:
            offs.append(k)
            j = k + 1
        else:
            offs.append(max(start, min(j, end - 1)))
    return offs


def _markdown_markup(source: str) -> Markup:
    starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]

    def span(m):
        a = starts[min(m[0], len(starts) - 1)]
        b = starts[m[1]] if m[1] < len(starts) else len(source)
        return a, b

    try:
        tokens = _markdown_parser().parse(source)
    except RecursionError:   # pathological nesting: fall back on the scanner
        return Markup([Math(c, o, i) for c, o, i in _scan_math(source)], [], [])
    escaped = is_escaped(source)
    math, prose, tables = [], [], []
    section, row, rows, table_at = 0, None, None, 0
    for n, tok in enumerate(tokens):
        if tok.type == "heading_open":
            section += 1
        elif tok.type == "table_open":
            rows, table_at = [], span(tok.map)[0] if tok.map else 0
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and rows is not None:
            rows.append(row)
        elif tok.type == "table_close" and rows is not None:
            tables.append(Table(rows, table_at, section))
            rows = None
        if tok.type in ("math_block", "math_block_label", "amsmath") and tok.map:
            a, b = span(tok.map)
            if tok.type != "amsmath":
                opening = source.find("$$", a, b)
                a = opening + 2 if opening >= 0 else a
            math.append(Math(tok.content, _align(tok.content, source, a, b), False, section))
        elif tok.type == "inline" and tok.map:
            a, b = span(tok.map)
            if rows is not None and row is not None:
                row.append(tok.content)
            prose.append(Prose(tok.content, a, section))
            cursor = a
            for child in tok.children or []:
                if child.type in ("math_inline", "math_inline_double"):
                    offs = _align(child.content, source, cursor, b)
                    if offs:
                        cursor = offs[-1] + 1
                    math.append(Math(child.content, offs, True, section))
    if escaped:
        math = [Math(*unescape(m.content, list(m.offsets)), m.inline, m.section) for m in math]
    return Markup(math, prose, tables)


def _scan_math(source: str) -> list:
    """(content, offsets, inline) of every piece of math in a LaTeX source."""
    escaped = is_escaped(source)
    text = _skip_code(source)
    blocks, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and not escaped and text.startswith(("\\[", "\\("), i):
            close = "\\]" if text[i + 1] == "[" else "\\)"
            j = text.find(close, i + 2)
            if j < 0:
                i += 2
                continue
            blocks.append((i + 2, j, close == "\\)"))
            i = j + 2
            continue
        if ch == "\\" and text.startswith("\\begin{", i):
            m = re.match(r"\\begin\{(" + ENVS + r")\}", text[i:])
            if m:
                env = m.group(1)
                end = text.find("\\end{" + env + "}", i)
                if end > 0:
                    blocks.append((i, end + len(env) + 6, False))
                    i = end + len(env) + 6
                    continue
        if ch == "\\":
            i += 2
            continue
        if ch == "$":
            if text.startswith("$$", i):
                j = text.find("$$", i + 2)
                if j < 0:
                    break
                blocks.append((i + 2, j, "\n" not in text[i:j]))
                i = j + 2
                continue
            j = i + 1
            while j < n and text[j] != "$" and not (text[j] == "\n" and text[j + 1:j + 2] == "\n"):
                if text[j] == "\\":
                    j += 1
                j += 1
            if j < n and text[j] == "$" and j > i + 1 and not text[i + 1].isspace() \
                    or (j < n and text[j] == "$" and text[i + 1:j].strip()):
                blocks.append((i + 1, j, True))
                i = j + 1
                continue
            i += 1
            continue
        i += 1
    out = []
    for a, b, inline in blocks:
        content, offs = source[a:b], list(range(a, b))
        if escaped:
            content, offs = unescape(content, offs)
        out.append((content, offs, inline))
    return out


def _rows(content: str, offs: list):
    """Split an environment into rows on ``\\\\``; drop ``&``, ``\\begin``/``\\end``."""
    chars = list(content)
    for m in re.finditer(r"\\(?:begin|end)\{(?:" + ENVS + r")\}|\\(?:nonumber|notag)\b"
                         r"|\\(?:label|tag)\{[^{}]*\}", content):
        for k in range(m.start(), m.end()):
            chars[k] = " "
    t = "".join(chars)
    rows, start, depth, i = [], 0, 0, 0
    while i < len(t):
        if t[i] == "\\" and t.startswith("\\\\", i) and depth == 0:
            rows.append((t[start:i], offs[start:i]))
            start = i + 2
            i += 2
            continue
        if t[i] == "\\":
            i += 2
            continue
        if t[i] == "{":
            depth += 1
        elif t[i] == "}":
            depth = max(0, depth - 1)
        i += 1
    rows.append((t[start:], offs[start:]))
    return [(r.replace("&", " "), o) for r, o in rows]


def _starts_with_relation(row: str) -> bool:
    s = row.lstrip()
    return bool(s) and _relation_at(s, 0) is not None and not s.startswith(("<<", ">>"))


def _split_commas(row: str, offs: list):
    """``a = 1, b = 2`` written in one row: separate relations at top-level commas."""
    from symbolic.latex_in.relations import split_chain
    from symbolic.latex_in.scan import split_top
    parts = split_top(row, ",")
    if len(parts) > 1 and all(split_chain(p).relations for p in parts):
        out, pos = [], 0
        for p in parts:
            out.append((p, offs[pos:pos + len(p)]))
            pos += len(p) + 1
        return out
    return [(row, offs)]


def chains(source: str, name: str = "", markup: Markup | None = None) -> list:
    """Every chain of the document.

    Rows that start with a relation continue the chain of the row before; so
    does a display block that starts with one (``$$ = … $$`` after prose
    continues the previous display block's last chain).
    """
    markup = markup or read_markup(source, name)
    out = []
    last_display = None   # index in ``out`` of the last chain of a display block
    for number, m in enumerate(markup.math):
        content, offs, inline = m.content, list(m.offsets), m.inline
        if re.search(r"\\begin\{(?:cases|pmatrix|bmatrix|matrix|array)\}", content):
            content = re.sub(r"\\begin\{(cases|pmatrix|bmatrix|matrix|array)\}.*?\\end\{\1\}",
                             lambda g: "\\cases" + " " * (len(g.group(0)) - 6), content,
                             flags=re.S)
        current = None
        for row, roffs in _rows(content, offs):
            if not row.strip():
                continue
            if _starts_with_relation(row) and (current is not None or
                                               (not inline and last_display is not None
                                                and out[last_display][4] == m.section)):
                at = len(out) - 1 if current is not None else last_display
                prev = out[at]
                current = (prev[0] + " " + row, prev[1] + [roffs[0] if roffs else 0] + roffs,
                           *prev[2:])
                out[at] = current
                continue
            pieces = _split_commas(row, roffs)
            for piece, poffs in pieces:
                current = (piece, list(poffs), number, inline, m.section, len(pieces) > 1)
                out.append(current)
        if not inline and current is not None:
            last_display = next(k for k in range(len(out) - 1, -1, -1) if out[k][2] == current[2])
    return [Chain(t, tuple(o), b, i, sec, lst) for t, o, b, i, sec, lst in out]


def line_of(source: str, offset: int) -> int:
    """1-based line of a file offset."""
    return source.count("\n", 0, offset) + 1
