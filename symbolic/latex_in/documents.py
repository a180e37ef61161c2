r"""Find the math of a Markdown or LaTeX document and cut it into chains.

The first passes of the reader ("scan" and "split"); each character of a chain keeps
its exact file offset, so a finding is reported at the line of its relation symbol.

Scan (``markdown.py``, ``delimiters.py``, ``plaintext.py``, ``latexfile.py``) reads:

- Markdown (markdown-it-py: code, front matter, tables and headings are what
  CommonMark says): ``$…$``, ``$$…$$`` (display on its own lines, inline within a
  sentence, as kramdown writes it), GitLab ``$`…`$`` and ````` ```math ````` fences,
  ``\\(…\\)`` and ``\\[…\\]``, ``\(…\)`` and ``\[…\]`` when their content is math,
  amsmath environments, MathJax ``<script type="math/tex">`` (``; mode=display``),
  Hugo ``{{< katex >}}``/``{{< katex display >}}``/``{{< math >}}``/``{{% math %}}``,
  Quarto ``$$ … $$ {#eq-label}``, R Markdown and notebook exports (their code is code);
- formulas written as plain text outside any delimiters, converted to LaTeX
  (``-log2(0.99) = 0.0144bits`` → ``-\log_{2}(0.99) = 0.0144``; ``plain=True``);
- LaTeX files: ``$``, ``$$``, ``\[``, ``\(`` and the equation environments, with
  comments and verbatim text skipped;
- pages written with Markdown escapes (``\\text``, ``\\\\`` rows, ``\_``) are unescaped
  as CommonMark does, and so is inline math that carries such escapes.

Not read, deliberately: a ``$…$`` whose content is prose (two ordinary words in a row,
Korean or Chinese text, an amount of money) — its ``$`` was a literal; ``\(…\)`` whose
content is not math (Markdown's escaped parenthesis); a plain-text relation set inside an
English sentence, or one that is only an assignment (``x = 5``); math in code.

Split (``sidenotes.py``, ``relations.py``): rows of environments are cut at ``\\``
(``\\[10pt]`` too); a row that starts with a relation continues the chain before it;
``=>``, ``\Rightarrow``, ``\implies`` are one relation (⇒); ``\therefore`` and a
connective (``\text{or equivalently}``) start a new claim; side notes (``\because …``,
``(\text{by } …)``, ``\quad \text{using …}``) are set aside (``Chain.notes``); conditions
(``\text{if } i = j``) are kept as ``Chain.conditions``; parameter lists are cut into
``listed`` assignments with their ``scope``; ``\begin{cases}`` rows become
``Chain.cases`` (value, condition) pairs; ``\label``, ``\tag``, ``\eqref``,
``\nonumber``, ``\notag`` and ``\displaystyle`` are blanked.

>>> [(c.text.strip(), c.conditions) for c in chains("$$\na = 1 \\quad \\text{if } y = 1\n$$\n")]
[('a = 1', ('y = 1',))]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from symbolic.latex_in.latexfile import ENVS, latex_markup, scan_math, skip_comments
from symbolic.latex_in.macros import expand
from symbolic.latex_in.markup import (Markup, Math, Prose, Table, is_escaped, joined_by_relation,
                                      with_trailing_values,  # noqa: F401
                                      prose_before, unescape)
from symbolic.latex_in.relations import _relation_at, split_chain
from symbolic.latex_in.scan import split_top
from symbolic.latex_in.row_pieces import pieces
from symbolic.latex_in.matrices import cells_of as cells_of_display


@dataclass(frozen=True)
class Chain:
    """The text of one chain and, for each character, its offset in the file."""

    text: str
    offsets: tuple
    block: int  # chains of one math block share the number
    inline: bool = False  # from $…$ / \\(…\\) within a paragraph
    section: int = 0  # headings seen before it
    listed: bool = False  # one of several relations written in one row, split at commas
    plain: bool = False   # a formula written as plain text, converted to LaTeX
    conditions: tuple = ()  # LaTeX of the conditions its rows state (``i = j``)
    case_blocks: tuple = ()  # (value, condition) rows, one tuple per ``\begin{cases}``, in order
    displays: tuple = ()    # (file offset, cells) of each matrix display in it (``matrices``)
    notes: tuple = ()       # side notes set aside (``\because …``, ``\text{by …}``)
    scope: str = ""         # ``P(x)`` for ``P(x): \mu = 0`` in a parameter list

    @property
    def cases(self) -> tuple:
        """The rows of every ``\\begin{cases}`` in the chain, in order."""
        return tuple(row for block in self.case_blocks for row in block)

    def offset_of(self, position: int) -> int:
        if not self.offsets:
            return 0
        return self.offsets[max(0, min(position, len(self.offsets) - 1))]


def is_latex(source: str, name: str = "") -> bool:
    """A LaTeX file (read with the scanner) rather than Markdown: ``.tex``, ``.ltx``, or a
    Sweave ``.Rnw`` (LaTeX with chunks of R, which are skipped as verbatim text)."""
    return name.lower().endswith((".tex", ".ltx", ".rnw")) or source.lstrip().startswith(("\\documentclass",
                                                                         "\\begin{document}"))


def read_markup(source: str, name: str = "") -> Markup:
    """The math, prose and tables of a document (Markdown unless it is LaTeX), with the
    macros it defines expanded (offsets stay those of the file: see ``macros``)."""
    # in LaTeX a macro used in a comment is not used: comments go before expansion, or a
    # body's new lines would carry \begin{align*} out of its comment
    expanded = expand(skip_comments(source) if is_latex(source, name) else source)
    if expanded is None:
        return joined_by_relation(with_trailing_values(_read_markup(source, name), source), source)
    text, origin = expanded
    at = origin + [len(source)]
    markup = _read_markup(text, name if is_latex(source, name) else "")
    return joined_by_relation(with_trailing_values(Markup(
                  [replace(m, offsets=[at[o] for o in m.offsets]) for m in markup.math],
                  [replace(p, offset=at[p.offset], end=at[p.end] if p.end >= 0 else -1)
                   for p in markup.prose],
                  [replace(t, offset=at[t.offset]) for t in markup.tables],
                  [at[h] for h in markup.headings]), source), source)


def _read_markup(source: str, name: str) -> Markup:
    if is_latex(source, name):
        return latex_markup(source)
    from symbolic.latex_in.markdown import markdown_markup
    try:
        return markdown_markup(source)
    except RecursionError:   # pathological nesting: fall back on the scanner
        return Markup([Math(c, o, i) for c, o, i in scan_math(source)], [], [])


# environments of layout only, around the rows: \begin{spreadlines}{0.5em}, subequations, center
_LAYOUT = r"\\begin\{(?:spreadlines|subequations|center|small|footnotesize)\}(?:\{[^{}]*\})?|" \
    r"\\end\{(?:spreadlines|subequations|center|small|footnotesize)\}"
_NEW_ROW = re.compile(r"\\(?:newline|cr)(?![A-Za-z])")


def _rows(content: str, offs: list):
    """Split an environment into rows on ``\\\\`` (and ``\\\\[2pt]``); drop ``&`` and the
    ``\\begin``/``\\end`` of the environment."""
    chars = list(content)
    for m in re.finditer(r"\\(?:begin|end)\{(?:" + ENVS + r")\}(?:\{\d+\})?|" + _LAYOUT, content):
        for k in range(m.start(), m.end()):
            chars[k] = " "
    t = "".join(chars)
    rows, start, depth, i = [], 0, 0, 0
    while i < len(t):
        if t[i] == "\\" and t.startswith("\\\\", i) and depth == 0:
            rows.append((t[start:i], offs[start:i]))
            spacing = re.match(r"\\\\\*?(?:\s*\[[^\]]*\])?", t[i:])
            start = i + spacing.end()
            i = start
            continue
        if t[i] == "\\" and depth == 0 and (ended := _NEW_ROW.match(t, i)):   # \newline, \cr
            rows.append((t[start:i], offs[start:i]))
            start = i = ended.end()
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


CASES = re.compile(r"\\left\\\{\s*\\begin\{(aligned|array|matrix)\}(?:\{[^{}]*\})?(.*?)\\end\{\1\}"
                   r"\s*\\right\.|\\begin\{(cases|dcases|rcases)\}(.*?)\\end\{\3\}", re.S)
MATRIX = re.compile(r"\\begin\{(pmatrix|bmatrix|matrix|array)\}(.*?)\\end\{\1\}", re.S)


# a case in words after its value, without &: 1 \phantom{abc} \text{if $i = j$}
_WORDED_CONDITION = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:if|when|otherwise)\b")


def cases_of(body: str) -> tuple:
    r"""(value, condition) of each row of a ``cases`` environment's body (or of
    ``\left\{ \begin{aligned} … \end{aligned} \right.``).

    >>> cases_of(r"S_i(1 - S_i) & i = k \\ -S_i S_k & \text{if } i \neq k")
    (('S_i(1 - S_i)', 'i = k'), ('-S_i S_k', 'i \\neq k'))
    >>> cases_of(r"\begin{aligned} p, y=1 \\ 1-p,y=0 \end{aligned}")
    (('p', 'y=1'), ('1-p', 'y=0'))
    >>> cases_of(r"1 \phantom{ab} \text{if $i = j$} \\ 0 \phantom{ab} \text{if otherwise}")
    (('1', 'i = j'), ('0', 'otherwise'))
    >>> cases_of(r"p_i(1-p_j) &  if & i=j \\ -p_j.p_i & if & i \neq j")
    (('p_i(1-p_j)', 'i=j'), ('-p_j.p_i', 'i \\neq j'))
    """
    out = []
    body = re.sub(r"\\(?:begin|end)\{\w+\*?\}(?:\{[^{}]*\})?", " ", body)
    for row in re.split(r"\\\\(?:\s*\[[^\]]*\])?", body):
        if not row.strip():
            continue
        value, _, condition = row.partition("&")
        condition = condition.replace("&", " ")     # p_i(1 - p_j) & if & i = j: one more column
        worded = None if condition else _WORDED_CONDITION.search(row)
        if worded:      # 1 \phantom{abc} \text{if $i = j$}: no &, the words start the case
            value, condition = row[:worded.start()], row[worded.start():]
        if not condition:
            parts = split_top(row, ",")
            if len(parts) > 1 and split_chain(parts[-1]).relations:
                value, condition = ",".join(parts[:-1]), parts[-1]
        condition = re.sub(r"\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:if|when|for|otherwise)?"
                           r"\s*(\$?)([^{}]*?)\1\s*\}", r" \2 ", condition)
        condition = re.sub(r"\\q?quad|~|\\[,;!]|^\s*(?:if|for|when)\b|[,.]\s*$", " ", condition)
        value = re.sub(r"\\q?quad|~|\\[,;!]|\\phantom\s*\{[^{}]*\}|[,.]\s*$", " ", value)
        out.append((value.strip(), " ".join(condition.split()) or "otherwise"))
    return tuple(out)


_CELL_RELATION = re.compile(r"\s*(?:=|<|>|\\(?:le|ge|leq|geq|neq|ne|approx|equiv)(?![A-Za-z]))")


def aligned_array(body: str) -> bool:
    r"""Is an ``array`` the layout of a derivation (``\begin{array}{rcl} H & = & … \\ & = &
    …``), every row with a relation opening a cell of its own, rather than a matrix?

    >>> aligned_array(r"H[Y] & = & E[-\log p(Y)] \\[4pt] & = & -\sum_y p(y) \log p(y)")
    True
    >>> aligned_array(r"1 & 0 \\ 0 & 1"), aligned_array(r"a & = & b \\ 0 & 1")
    (False, False)
    """
    rows = [r for r in re.split(r"\\\\(?:\s*\[[^\]]*\])?", body) if r.strip()]
    return bool(rows) and all(any(_CELL_RELATION.match(c) for c in r.split("&")[1:])
                              for r in rows)


def _blank_cases(content: str) -> tuple[str, dict, dict]:
    """Replace each cases-like environment, and each matrix, by ``\\cases`` and spaces; the
    rows of the cases, and the cells of the matrices, by the position of their placeholder."""
    rows, displays = {}, {}

    def placeholder(g):
        return "\\cases" + " " * (len(g.group(0)) - 6)

    def cases(g):
        rows[g.start()] = cases_of(g.group(2) if g.group(2) is not None else g.group(4))
        return placeholder(g)

    def matrix(g):
        body = re.sub(r"^\s*\{[^{}]*\}", "", g.group(2)) if g.group(1) == "array" else g.group(2)
        if g.group(1) == "array" and aligned_array(body):    # {rcl}: rows of a derivation
            return " " * (g.end(2) - len(body) - g.start()) + body + " " * (g.end() - g.end(2))
        cells = cells_of_display(body)
        if cells is not None:
            displays[g.start()] = cells
        return placeholder(g)
    return MATRIX.sub(matrix, CASES.sub(cases, content)), rows, displays


def _starts_with_relation(row: str) -> bool:
    s = row.lstrip()
    return bool(s) and _relation_at(s, 0) is not None and not s.startswith(("<<", ">>"))


def _ends_with_relation(text: str) -> bool:
    """Does ``text`` end with a relation symbol and nothing after it (``a = b = \\\\``, the
    next row being the right side)?

    >>> _ends_with_relation("a = b = "), _ends_with_relation("a = b")
    (True, False)
    """
    chain = split_chain(text)
    return bool(chain.relations) and not chain.sides[-1].strip()


def _once(before: str, row: str) -> str:
    """``row`` without its leading relation when ``before`` already ends with the same one
    (``$$ a = b = $$`` then ``$$ = c $$``: the relation is written at the end of one block
    and again at the start of the next; it is one step).

    >>> _once("a = b = ", " = c"), _once("a = b", " = c"), _once("a > b =", "< c")
    ('   c', ' = c', '< c')
    """
    chain = split_chain(before)
    s = row.lstrip()
    lead = _relation_at(s, 0)
    if not chain.relations or chain.sides[-1].strip() or lead is None or \
            chain.relations[-1].symbol != lead[1]:
        return row
    k = len(row) - len(s)
    return row[:k] + " " * len(lead[0]) + row[k + len(lead[0]):]


def _continues_side(row: str) -> bool:
    """A row that starts with ``+`` or ``-`` (``& \\quad - \\sum …``) goes on with the
    right side of the row before it.

    >>> _continues_side(r"  \\qquad - \\log q(x)"), _continues_side("-1 = x")
    (True, True)
    """
    s = re.sub(r"^(?:\s|\\(?:quad|qquad|;|,|:|!)(?![A-Za-z]))*", "", row)
    return s[:1] in ("+", "-") and not s.startswith(("+=", "-="))


def chains(source: str, name: str = "", markup: Markup | None = None) -> list:
    """Every chain of the document.

    Rows that start with a relation continue the chain of the row before, and rows that
    start with ``+`` or ``-`` its last side; so does a display block that starts with a
    relation (``$$ = … $$`` after prose
    continues the previous display block's last chain).
    """
    markup = markup or read_markup(source, name)
    out = []              # [text, offsets, block, inline, section, fields]
    last_display = None   # index in ``out`` of the last chain of a display block
    for number, m in enumerate(markup.math):
        content, offs = m.content, list(m.offsets)
        content, case_rows, shown = _blank_cases(content)
        cases_at = {offs[k]: v for k, v in case_rows.items() if k < len(offs)}
        shown_at = {offs[k]: v for k, v in shown.items() if k < len(offs)}
        current = None
        for row, roffs in _rows(content, offs):
            if not row.strip():
                continue
            for piece in pieces(row, roffs):
                blocks = tuple(v for at, v in sorted(cases_at.items()) if at in piece.offsets)
                displays = tuple((at, v) for at, v in shown_at.items() if at in piece.offsets)
                extra = dict(conditions=piece.conditions, case_blocks=blocks, notes=piece.notes,
                             displays=displays)
                if not piece.text.strip() and current is not None:
                    # & \quad \text{where } a \triangleq 2b: a row of a note only; the chain
                    # goes on from the row before it
                    current[5].update({k: current[5][k] + v for k, v in extra.items()})
                    continue
                joins = current is not None or (not m.inline and last_display is not None
                                                and out[last_display][4] == m.section)
                if not piece.new_claim and not piece.listed and (
                        joins and _starts_with_relation(piece.text)
                        or current is not None and (_continues_side(piece.text)
                                                    or _ends_with_relation(current[0]))):
                    # the chain this row continues: the one the block's rows went into so far
                    # (maybe an earlier display's), not the last chain found (an inline one)
                    at = current_at if current is not None else last_display
                    prev = out[at]
                    merged = {k: prev[5][k] + v for k, v in extra.items()}
                    text = _once(prev[0], piece.text)
                    current = [prev[0] + " " + text,
                               prev[1] + [piece.offsets[0] if piece.offsets else 0]
                               + list(piece.offsets), *prev[2:5], {**prev[5], **merged}]
                    out[at], current_at = current, at
                    continue
                current = [piece.text, list(piece.offsets), number, m.inline, m.section,
                           dict(extra, listed=piece.listed, scope=piece.scope, plain=m.plain)]
                out.append(current)
                current_at = len(out) - 1
        out += _relations_in_cases(m.content, offs, case_rows, number, m)
        if not m.inline and current is not None:
            last_display = next(k for k in range(len(out) - 1, -1, -1) if out[k][2] == current[2])
    return [Chain(t, tuple(o), b, i, sec, **fields) for t, o, b, i, sec, fields in out]


def _relations_in_cases(content: str, offs: list, case_rows: dict, number: int, math) -> list:
    r"""A chain of its own for each row of a ``cases`` environment whose value is itself a
    relation (``-\log(1 - \sigma(z)) = \log(1 + e^{z}) & \text{if } y = 0``), with its
    case as the chain's condition; its offsets run from where the row starts in the file.  A row
    without a case is left out: rows without cases are a system of equations to solve.

    >>> from types import SimpleNamespace
    >>> rows = {0: (("a = b", "y = 1"), ("c", "y = 0"))}
    >>> [(c[0], c[5]["conditions"]) for c in _relations_in_cases("a = b & y = 1", list(range(13)), rows, 0,
    ...                                                   SimpleNamespace(inline=False, section=0, plain=False))]
    [('a = b', ('y = 1',))]
    """
    out = []
    for at, rows in case_rows.items():
        cursor = at
        for value, condition in rows:
            found = content.find(value[:12], cursor)
            if found >= 0:      # the next row starts after this one's \\\\
                start, cursor = found, max(content.find("\\\\", found), found + 1)
            else:
                start = at
            if condition == "otherwise" or not split_chain(value).relations:
                continue     # a system of equations (\left\{ \begin{aligned} rows), or no relation
            base = offs[min(start, len(offs) - 1)] if offs else 0
            out.append([value, [base + k for k in range(len(value))], number, math.inline,
                        math.section, dict(conditions=(condition,), case_blocks=(), notes=(),
                                           displays=(), listed=False, scope="", plain=math.plain)])
    return out


def line_of(source: str, offset: int) -> int:
    """1-based line of a file offset.

    >>> line_of("a\\nb", 2)
    2
    """
    return source.count("\n", 0, offset) + 1
