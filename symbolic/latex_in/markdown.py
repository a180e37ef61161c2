r"""Read a Markdown page: its math, prose, tables and headings, each with file offsets.

markdown-it-py (with the ``dollarmath``, ``amsmath`` and front-matter plugins of
mdit_py_plugins) gives the structure: code, front matter, tables, headings, ``$$`` display
blocks and amsmath environments are what CommonMark says they are.  The math inside a
paragraph is found by ``delimiters.inline_spans`` on the paragraph's raw text; math fences,
MathJax scripts and Hugo shortcodes by ``delimiters.explicit_blocks`` before parsing; math in
the URL of a rendering image by ``image_math.image_formulas``; lines of LaTeX with no
delimiters by ``bare_latex.bare_lines``; and formulas written as plain text by
``plaintext.formulas``.

>>> m = markdown_markup("# A\n\nSo $`x = 1`$ and -log2(0.5) = 1 bit.\n")
>>> [(x.content, x.inline, x.section, x.delimiter) for x in m.math]
[('x = 1', True, 1, 'gitlab'), ('-\\log_{2}(0.5) = 1', True, 1, 'plain')]
"""
from __future__ import annotations

import re

from mdit_py_plugins.amsmath import ENVIRONMENTS as AMSMATH_ENVIRONMENTS

from symbolic.latex_in import plaintext
from symbolic.latex_in.delimiters import FENCE, explicit_blocks, inline_spans
from symbolic.latex_in.bare_latex import bare_lines, environments, unescaped_star
from symbolic.latex_in.image_math import image_formulas
from symbolic.latex_in.markup import (Markup, Math, Prose, Table, blanked, is_escaped, sectioned,
                                      unescape)


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    return (MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
            .use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
            .use(amsmath_plugin))


def align(content: str, source: str, start: int, end: int) -> list:
    """Offsets in ``source[start:end]`` of the characters of ``content``.

    Markdown drops list markers, indentation and quote markers from a token's content:
    each line of the content is looked for in the source after the line before.  A
    character that cannot be found takes the offset reached so far.

    >>> align("a\\nb", "> a\\n> b", 0, 7)
    [2, 3, 6]
    >>> align("x:\\n$$", "  * x:\\n    $$", 0, 13)
    [4, 5, 6, 11, 12]
    """
    found = source.find(content, start, end) if content else -1
    if found >= 0:
        return list(range(found, found + len(content)))
    offs, pos = [], start
    for n, line in enumerate(content.split("\n")):
        if n:
            k = source.find("\n", pos, end)
            offs.append(k if k >= 0 else max(start, min(pos, end - 1)))
            pos = k + 1 if k >= 0 else pos
        k = source.find(line, pos, end) if line else pos
        lead = len(line) - len(line.lstrip())
        if k < 0 and line.strip():            # indentation written otherwise (a tab)
            k = source.find(line.lstrip(), pos, end)
            offs.extend([max(k, start)] * lead if k >= 0 else [])
            line = line.lstrip() if k >= 0 else line
        if k >= 0:
            offs.extend(range(k, k + len(line)))
            pos = k + len(line)
        else:
            offs.extend(max(start, min(pos, end - 1)) for _ in line)
    return offs


def _inline_escaped(content: str) -> bool:
    r"""Inline math written with Markdown escapes: ``\\\\`` rows, ``\\{``, or ``\\ `` spaces
    outside an environment (a kramdown page whose ``$…$`` the renderer unescapes)."""
    if re.search(r"\\\\\\\\|\\\\[{}_]", content):
        return True
    bare = re.sub(r"\\begin\{(\w+\*?)\}.*?\\end\{\1\}", "", content, flags=re.S)
    return bool(re.search(r"\\\\[ ,;!]", bare))


def _code_spans(text: str):
    for m in re.finditer(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", text, flags=re.S):
        yield m.start(), m.end()


_QUARTO_LABEL = re.compile(r"\$\$[ \t]*\{#[-\w:.]+\}[ \t]*$", re.M)
# $$ lines around a top-level amsmath environment (align, not aligned): markdown-it's amsmath
# rule takes the environment as a block of its own even inside a paragraph, and the two $$
# would then pair with other dollars (indented four spaces, it is not taken)
_WRAPPED_ENV = re.compile(r"(?m)^([ \t]*\$\$[ \t]*\n)( {0,3}\\begin\{((?:"
                          + "|".join(AMSMATH_ENVIRONMENTS) + r")\*?)\}(?:(?!\$\$|\\begin\{\3\})[\s\S])*?"
                          r"\\end\{\3\}[ \t]*\n)([ \t]*\$\$)[ \t]*$")


_ESCAPED_STAR = re.compile(r"(\\(?:begin|end)\{(?:" + "|".join(AMSMATH_ENVIRONMENTS) + r"))\\\*\}")


# a line inside a $$ … $$ display that Markdown would take for a list item, a quote, a heading
# or a setext underline (+ (1 - \theta) \log (1 - \theta), or = \sum …): MathJax reads it as math
_BLOCK_MARKER = re.compile(r"([ \t]{0,3})([-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])|>|#{1,6}(?=[ \t])|=+[ \t]*$)")
_SHIELDS = {"-": "\ue000", "+": "\ue001", "*": "\ue002", ">": "\ue003", "#": "\ue004", "=": "\ue005"}
_SHIELDS.update({str(d): chr(0xe010 + d) for d in range(10)})
_UNSHIELD = str.maketrans({v: k for k, v in _SHIELDS.items()})
_DOLLARS_LINE = re.compile(r"[ \t]*\$\$[ \t]*")


def shield_displays(masked: str) -> str:
    r"""Keep the lines of a ``$$`` display from being read as Markdown blocks: between a line
    that is only ``$$`` and the next such line (no blank line, no other ``$$`` between), the
    first character of a list marker, quote, heading or underline that starts a line becomes a
    private character, one for one, which :data:`_UNSHIELD` turns back.

    >>> shield_displays("Then\n$$\nH = a \\log a\n+ (1 - a) \\log (1 - a).\n$$\n+ item").translate(_UNSHIELD)
    'Then\n$$\nH = a \\log a\n+ (1 - a) \\log (1 - a).\n$$\n+ item'
    >>> "\n+ (1" in shield_displays("$$\nH = a\n+ (1 - a)\n$$"), "\n- b" in shield_displays("- $$a$$\n- b $$\n")
    (False, True)
    """
    fenced = blanked(masked, [m.span() for m in FENCE.finditer(masked)])
    lines = fenced.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out, k = list(masked), 0
    while k < len(lines):
        if not _DOLLARS_LINE.fullmatch(lines[k]):
            k += 1
            continue
        end = k + 1
        while end < len(lines) and lines[end].strip() and "$$" not in lines[end]:
            end += 1
        if end >= len(lines) or not _DOLLARS_LINE.fullmatch(lines[end]):
            k = end
            continue
        for n in range(k + 1, end):
            b = _BLOCK_MARKER.match(lines[n])
            if b:
                for at in range(starts[n] + b.start(2), starts[n] + b.end(2)):
                    out[at] = _SHIELDS.get(out[at], out[at])
        k = end + 1
    return "".join(out)


def _unwrap_environments(masked: str) -> str:
    r"""Blank the ``$$`` lines around an environment, keeping offsets.

    >>> _unwrap_environments("So:\n$$\n\\begin{align}a&=b\n\\end{align}\n$$\nNext $c$.")
    'So:\n  \n\\begin{align}a&=b\n\\end{align}\n  \nNext $c$.'
    """
    return _WRAPPED_ENV.sub(lambda m: " " * (len(m.group(1)) - 1) + "\n" + m.group(2)
                            + " " * len(m.group(4)), masked)


def markdown_markup(source: str) -> Markup:
    """The math, prose, tables and headings of a Markdown page (see the module).

    >>> markdown_markup("# T\\n\\n| a | b |\\n|---|---|\\n| $x$ | 1 |\\n").tables[0].rows
    [['a', 'b'], ['$x$', '1']]
    """
    masked, explicit = explicit_blocks(source)
    # \begin{align\*}: the star escaped for Markdown (kramdown, Hexo); MathJax reads it as align*
    masked = _ESCAPED_STAR.sub(lambda m: m.group(1) + "*} ", masked)
    # Quarto's $$ … $$ {#eq-label}: the label after the closing $$ would keep the block open
    masked = _QUARTO_LABEL.sub(lambda m: "$$" + " " * (len(m.group(0)) - 2), masked)
    tokens = _parser().parse(_unwrap_environments(shield_displays(masked)))
    for tok in tokens:
        tok.content = tok.content.translate(_UNSHIELD)
    starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]

    def span(m):
        a = starts[min(m[0], len(starts) - 1)]
        b = starts[m[1]] if m[1] < len(starts) else len(source)
        return a, b

    escaped = is_escaped(source)
    math, prose, tables, headings = [], [], [], []
    row, rows, table_at = None, None, 0
    for tok in tokens:
        if tok.type == "heading_open" and tok.map:
            headings.append(span(tok.map)[0])
        elif tok.type == "table_open":
            rows, table_at = [], span(tok.map)[0] if tok.map else 0
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and rows is not None:
            rows.append(row)
        elif tok.type == "table_close" and rows is not None:
            tables.append(Table(rows, table_at))
            rows = None
        if tok.type in ("math_block", "math_block_label", "amsmath") and tok.map:
            a, b = span(tok.map)
            delimiter = "env"
            if tok.type != "amsmath":
                opening = source.find("$$", a, b)
                a, delimiter = (opening + 2 if opening >= 0 else a), "$$"
            offs = align(tok.content, source, a, b)
            math.append(_math(tok.content, offs, False, delimiter, escaped))
        elif tok.type == "html_block" and tok.map:     # MathJax reads math in HTML too
            a, b = span(tok.map)
            html = re.sub(r"(?is)<(script|style|code|pre)\b.*?</\1>|<[^<>]*>",
                          lambda m: " " * len(m.group(0)), tok.content)
            math += _paragraph_math(html, align(tok.content, source, a, b), escaped,
                                    in_table=True)
        elif tok.type == "inline" and tok.map:
            a, b = span(tok.map)
            if rows is not None and row is not None:
                row.append(tok.content)
            prose.append(Prose(tok.content, a, 0, b))
            math += _paragraph_math(tok.content, align(tok.content, source, a, b), escaped,
                                    in_table=rows is not None)
    for s in explicit:
        math.append(Math(source[s.start:s.end], list(range(s.start, s.end)), s.inline,
                         delimiter=s.delimiter))
    # <img src="https://latex.codecogs.com/gif.latex?…">: math in a rendering image's URL
    for f in image_formulas(blanked(source, [(m.start(), m.end()) for m in FENCE.finditer(source)])):
        offsets = [f.offset] * (len(f.latex) - 1) + [f.end - 1]     # the prose after: after it
        math.append(Math(f.latex, offsets, f.inline, delimiter="image"))
    return sectioned(Markup(_code_math_kept(math), prose, tables, sorted(headings)))


def _code_math_kept(math: list) -> list:
    """``math`` without the formulas found in code spans, unless code spans are how the page
    writes its math: two or more of them, more than the formulas written otherwise (a single
    `` `$x^2$` `` shows how to type a formula; it states nothing)."""
    code = sum(m.delimiter == "code" for m in math)
    other = sum(m.delimiter not in ("code", "plain") for m in math)
    if code >= 2 and code > other:
        return math
    return [m for m in math if m.delimiter != "code"]


def _math(content: str, offs: list, inline: bool, delimiter: str, escaped: bool) -> Math:
    if escaped or inline and _inline_escaped(content):
        content, offs = unescape(content, offs)
    return Math(content, offs, inline, delimiter=delimiter)


def _html_script(m: re.Match) -> str:
    """``<sub>0</sub>`` as ``_0`` (``<sup>2</sup>`` as ``^2``), padded to the same length;
    a script of more than one character as a run of ``¦``, which no formula crosses.

    >>> _html_script(re.match(r"<(sub)>(.*?)</sub>", "<sub>0</sub>"))
    '_0          '
    """
    inner = m.group(2).strip()
    if not re.fullmatch(r"[A-Za-z0-9]", inner):
        return "¦" * len(m.group(0))
    return ("_" if m.group(1).lower() == "sub" else "^") + inner + " " * (len(m.group(0)) - 2)


def _paragraph_math(text: str, offs: list, escaped: bool, in_table: bool = False) -> list:
    """Delimited math of one paragraph, then its plain-text formulas (not in a table cell or
    an HTML block)."""
    out, taken = [], []
    text = re.sub(r"(?s)<code>.*?</code>", lambda m: " " * len(m.group(0)), text)
    for s in inline_spans(text):
        taken.append((s.start - 2, s.end + 2))
        out.append(_math(text[s.start:s.end], offs[s.start:s.end], s.inline, s.delimiter,
                         escaped or s.escaped))
    if in_table:
        return out
    rest = blanked(text, taken + list(_code_spans(text)))
    # a<sub>0</sub>: an index in HTML (a_0, padded to keep the offsets); a longer one stops
    # any plain-text formula there, which may not drop it (a·0 or a)
    rest = re.sub(r"(?is)<(sub|sup)\b[^<>]*>(.*?)</\1>", _html_script, rest)
    rest = re.sub(r"<[^<>\n]*>|\*\*|__", lambda m: " " * len(m.group(0)), rest)
    spans = environments(rest)   # \begin{align*} … \end{align*} in a list item: a display
    for a, b in spans:
        out.append(_math(*unescaped_star(rest[a:b], offs[a:b]), False, "env", escaped))
    rest = blanked(rest, spans)
    bare = bare_lines(rest)      # a line of LaTeX with no delimiters (a Zhihu export): a display
    for line in bare:
        span = range(line.start, line.start + len(line.latex))
        out.append(Math(line.latex, [offs[k] for k in span], False, delimiter="bare"))
    rest = blanked(rest, [(line.start, line.start + len(line.latex)) for line in bare])
    for f in plaintext.formulas(rest):
        out.append(Math(f.latex, [offs[k] for k in f.offsets], f.inline, plain=True,
                        delimiter="plain"))
    return out
