"""Find the math of a Markdown or LaTeX document and cut it into chains.

A small scanner (rather than a full Markdown renderer) so that every chain
keeps the exact file offset of each character: a step is reported at the line
of its relation symbol.  Fenced and indented code and inline code are skipped;
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


def math_blocks(source: str) -> list:
    """(content, offsets) of every piece of math, in document order."""
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


def chains(source: str) -> list:
    """Every chain of the document (rows that start with a relation continue one)."""
    out = []
    for number, (content, offs, inline) in enumerate(math_blocks(source)):
        if re.search(r"\\begin\{(?:cases|pmatrix|bmatrix|matrix|array)\}", content):
            content = re.sub(r"\\begin\{(cases|pmatrix|bmatrix|matrix|array)\}.*?\\end\{\1\}",
                             lambda m: " " * len(m.group(0)), content, flags=re.S)
        current = None
        for row, roffs in _rows(content, offs):
            if not row.strip():
                continue
            if current is not None and _starts_with_relation(row):
                current = (current[0] + " " + row, current[1] + [roffs[0] if roffs else 0] + roffs,
                           number, inline)
                out[-1] = current
                continue
            for piece, poffs in _split_commas(row, roffs):
                current = (piece, list(poffs), number, inline)
                out.append(current)
    return [Chain(t, tuple(o), b, i) for t, o, b, i in out]


def line_of(source: str, offset: int) -> int:
    """1-based line of a file offset."""
    return source.count("\n", 0, offset) + 1
