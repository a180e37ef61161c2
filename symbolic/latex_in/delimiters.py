r"""Find the math delimiters of a Markdown paragraph, and the explicit math blocks of a page.

A paragraph's text is scanned left to right (code spans are skipped):

- GitLab ``$`…`$`` (inline);
- ``$$…$$``: display when it stands on its own lines, inline within a sentence (kramdown);
- ``$…$``: the closing ``$`` is not escaped and not followed by a digit; an opening
  ``$`` right after a digit (``5$``) is a literal.  A span whose
  content reads as prose (two ordinary words in a row, Korean or Chinese text, an amount
  of money such as ``$5 and then $``) is not math: its opening ``$`` was a literal one,
  and the scan goes on from its closing ``$``;
- ``\\(…\\)`` and ``\\[…\\]`` (Markdown-escaped MathJax delimiters: the content is
  unescaped), ``\(…\)`` and ``\[…\]`` when the content looks like math (a single
  backslash before a parenthesis is also Markdown's escaped parenthesis: ``\(such as x\)``).

>>> [(s.start, s.end, s.inline) for s in inline_spans("Cost $5 and then $x = 1$ holds.")]
[(18, 23, True)]
>>> [s.delimiter for s in inline_spans("$`a=b`$, \\\\(c\\\\) and \\(such as this\\)")]
['gitlab', '\\\\(']

Explicit blocks are found in the whole source before Markdown is parsed: fenced
````` ```math ````` (and MyST's ````` ```{math} `````) blocks, reStructuredText's ``.. math::``
directives and ``:math:`…``` roles (MyST's ``{math}`…```), MathJax ``<script type="math/tex">`` (``; mode=display``), and the
Hugo shortcodes ``{{< katex >}}``, ``{{< katex display >}}``, ``{{< math >}}`` and
``{{% math %}}``, and Hexo's tags ``{% mathjax %}…{% endmathjax %}`` (``katex``, ``math``,
``latex`` too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from symbolic.latex_in.markup import blanked

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
TEXT_GROUP = re.compile(r"\\(?:text|textrm|textit|textbf|mathrm|mbox|operatorname\*?|texttt|"
                        r"mathit|mathbf|boldsymbol|mathcal|mathbb|hbox)\s*\{[^{}]*\}")
MATH_WORDS = {"log", "ln", "lg", "exp", "max", "min", "sin", "cos", "tan", "tanh", "lim", "det",
              "sup", "inf", "arg", "argmax", "argmin", "softmax", "sigmoid", "mod", "const",
              "dx", "dy", "dz", "dt", "dw", "relu", "var", "cov", "tr", "diag", "sign", "sgn"}
_WORD_PAIR = re.compile(r"(?<![\\A-Za-z])([A-Za-z]{2,})\s+([A-Za-z]{2,})(?![A-Za-z])")


@dataclass(frozen=True)
class Span:
    """Math found in a text: ``text[start:end]`` is its content."""

    start: int
    end: int
    inline: bool
    delimiter: str
    escaped: bool = False  # written with Markdown escapes (``\\(``): unescape the content


def looks_like_prose(content: str) -> bool:
    r"""Is this text, found between math delimiters, ordinary prose rather than math?

    >>> looks_like_prose("5 and then "), looks_like_prose(r"\log p(x) \text{ for all } x")
    (True, False)
    >>> looks_like_prose("such as dropout"), looks_like_prose("loss=C_1T^2")
    (True, False)
    """
    bare = TEXT_GROUP.sub(" ", content)
    if CJK.search(bare) or "](" in bare or "**" in bare or re.search(r"</?[a-z]+[ >]", bare):
        return True
    for m in _WORD_PAIR.finditer(bare):
        if m.group(1).lower() not in MATH_WORDS and m.group(2).lower() not in MATH_WORDS:
            return True
    words = [w for w in re.findall(r"(?<=\s)[A-Za-z]{3,}(?![A-Za-z])", bare)
             if w.lower() not in MATH_WORDS]
    return bool(re.match(r"\s*\d[\d.,]*\s", content)) and bool(words)   # $5 and then $


def looks_like_math(content: str) -> bool:
    r"""Content between ``\(`` and ``\)`` (or ``\[ \]``) that reads as math.

    >>> looks_like_math(r"x_i \in R^D"), looks_like_math("mat"), looks_like_math("v.s. hard targets")
    (True, False, False)
    """
    if not content.strip() or "$" in content or looks_like_prose(content):
        return False
    return bool(re.search(r"\\[A-Za-z]+|[\^_=<>+]|^\s*[A-Za-z]\s*$", content))


def _escaped(text: str, i: int) -> bool:
    """Is ``text[i]`` preceded by an odd number of backslashes?"""
    n = 0
    while i - n - 1 >= 0 and text[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _closing_dollar(text: str, i: int) -> int:
    """Index of the ``$`` closing the single ``$`` at ``i``, or -1."""
    j = i + 1
    while True:
        j = text.find("$", j)
        if j < 0:
            return -1
        if _escaped(text, j) or text[j + 1:j + 2].isdigit() or text.startswith("$$", j):
            j += 2 if text.startswith("$$", j) else 1
            continue
        return j


def _on_own_lines(text: str, start: int, end: int) -> bool:
    """Do ``text[start:end]`` (with its delimiters) stand alone on their lines?"""
    before = text.rfind("\n", 0, start) + 1
    after = text.find("\n", end)
    after = len(text) if after < 0 else after
    tail = re.sub(r"\{#[-\w:.]+\}|\\tag\{[^{}]*\}", "", text[end:after])
    return not text[before:start].strip() and not tail.strip(" \t.,")


def _code_span_end(text: str, i: int) -> int:
    run = len(text[i:]) - len(text[i:].lstrip("`"))
    close = re.compile(r"(?<!`)" + "`" * run + r"(?!`)")
    m = close.search(text, i + run)
    return m.end() if m else i + run


_WHOLE_MATH = re.compile(r"\s*(?:\$\$?[^$`].*\$|\\\(.*\\\)|\\\[.*\\\])\s*", re.S)


def _math_in_code(text: str, start: int, end: int) -> list:
    r"""The math of a code span that holds one formula and nothing else (`` `$x = 1$` ``,
    `` `\(z_i\)` ``, `` `\[ … \]` ``): blogdown's and some Jekyll themes' way to keep
    Markdown off the math, which a script then renders. Its delimiter is ``code``: a page
    counts it as math only when that is how the page writes its math (``markdown``).

    >>> [(s.start, s.end, s.delimiter) for s in _math_in_code("a `$x = 1$` b", 2, 11)]
    [(4, 9, 'code')]
    >>> _math_in_code("`print(x)`", 0, 10), _math_in_code("`$5 and $6`", 0, 11)
    ([], [])
    """
    run = len(text[start:end]) - len(text[start:end].lstrip("`"))
    inner_at, inner = start + run, text[start + run:end - run]
    if run == 0 or end - start <= 2 * run or not _WHOLE_MATH.fullmatch(inner):
        return []
    found = inline_spans(inner)
    if len(found) != 1 or inner[:found[0].start].strip() not in ("$", "$$", "\\(", "\\[") or \
            inner[found[0].end:].strip() not in ("$", "$$", "\\)", "\\]"):
        return []
    s = found[0]
    return [Span(inner_at + s.start, inner_at + s.end, s.inline, "code", s.escaped)]


def inline_spans(text: str) -> list:
    """Every piece of math in one paragraph of Markdown, in order (see the module).

    >>> [(s.delimiter, s.inline) for s in inline_spans("So $$a$$ and $b$.")]
    [('$$', True), ('$', True)]
    """
    spans, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if text.startswith("$`", i) and not _escaped(text, i):
            j = text.find("`$", i + 2)
            if j > i + 1:
                spans.append(Span(i + 2, j, True, "gitlab"))
                i = j + 2
                continue
        if ch == "`":
            end = _code_span_end(text, i)
            spans += _math_in_code(text, i, end)
            i = end
            continue
        if ch == "\\":
            found = _backslash_math(text, i)
            if found:
                span, i = found
                spans.append(span)
                continue
            i += 2
            continue
        if ch == "$" and text.startswith("$$", i):
            j = text.find("$$", i + 2)
            while j > 0 and _escaped(text, j):
                j = text.find("$$", j + 2)
            if j < 0:
                i += 2
                continue
            spans.append(Span(i + 2, j, not _on_own_lines(text, i, j + 2), "$$"))
            i = j + 2
            continue
        if ch == "$":
            j = _closing_dollar(text, i)
            if j < 0:
                i += 1
                continue
            content = text[i + 1:j]
            if content.strip() and not looks_like_prose(content) and "$" not in content \
                    and not text[i - 1:i].isdigit():
                spans.append(Span(i + 1, j, True, "$"))
                i = j + 1
            else:
                i = j               # the opening $ was a literal one: rescan from here
            continue
        i += 1
    return spans


def _backslash_math(text: str, i: int):
    r"""``\\(…\\)``, ``\\[…\\]``, ``\(…\)`` or ``\[…\]`` at ``i``: (Span, next index) or None."""
    for opening, closing, escaped in (("\\\\(", "\\\\)", True), ("\\\\[", "\\\\]", True),
                                      ("\\(", "\\)", False), ("\\[", "\\]", False)):
        if not text.startswith(opening, i):
            continue
        j = text.find(closing, i + len(opening))
        if j < 0:
            return None
        content = text[i + len(opening):j]
        if escaped and not looks_like_prose(content) or not escaped and looks_like_math(content):
            inline = opening.endswith("(")
            return Span(i + len(opening), j, inline, opening, escaped), j + len(closing)
        return None
    return None


FENCE = re.compile(r"(?ms)^[ \t]{0,3}(```+|~~~+)[ \t]*([^\n]*)\n(.*?)^[ \t]{0,3}\1[ \t]*$")
SCRIPT = re.compile(r"<script\s+type\s*=\s*[\"']math/tex(\s*;\s*mode\s*=\s*display)?[\"']\s*>"
                    r"(.*?)</script>", re.S | re.I)
# (display may carry a value: {{< katex display=true >}}, display="true")
SHORTCODE = re.compile(r"\{\{([<%])\s*(katex|math)((?:\s+display(?:\s*=\s*[\"']?\w+[\"']?)?)?)"
                       r"\s*[>%]\}\}(.*?)"
                       r"\{\{[<%]\s*/\s*\2\s*[>%]\}\}", re.S)
# Hexo's tags: {% mathjax %} … {% endmathjax %}, {% katex %} … {% endkatex %}, {% math %}, {% latex %}
HEXO_TAG = re.compile(r"\{%\s*(mathjax|katex|math|latex)\b[^%]*%\}(.*?)\{%\s*end\1\s*%\}", re.S)
# reStructuredText's and MyST's math roles: :math:`…`, {math}`…`
ROLE = re.compile(r"(?<![\w`]):math:`([^`\n]+)`|\{math\}`([^`\n]+)`")
# reStructuredText's math directive: ".. math::", its options, then its indented lines
DIRECTIVE = re.compile(r"(?m)^([ \t]*)\.\.[ \t]+math::[ \t]*([^\n]*)\n")
_OPTION = re.compile(r"[ \t]+:[\w-]+:[^\n]*\n")
# {{< math >}}$$ … $$ {{< /math >}}: the shortcode around math that has its own delimiters
_DELIMITED_INSIDE = re.compile(r"\s*(?:\$\$(?P<display>.*?)\$\$|\\\[(?P<bracket>.*?)\\\]|"
                               r"\$(?P<inline>[^$]*?)\$)\s*", re.S)


def explicit_blocks(source: str) -> tuple[str, list]:
    """(the source with these blocks blanked, offsets kept; [Span]) for math fences, MathJax
    scripts and Hugo shortcodes (none is looked for inside other fenced code).

    >>> masked, spans = explicit_blocks("a\\n```math\\nx = 1\\n```\\nso {{< katex >}}y{{< /katex >}}.")
    >>> [(masked[s.start:s.end].strip(), s.delimiter, s.inline) for s in spans]
    [('', 'fence', False), ('', 'shortcode', True)]
    >>> _, spans = explicit_blocks("so {% mathjax %} y_i {% endmathjax %} and\\n{% mathjax %}\\nz\\n{% endmathjax %}")
    >>> [(s.start, s.end, s.inline, s.delimiter) for s in spans]
    [(16, 21, True, 'shortcode'), (55, 58, False, 'shortcode')]
    >>> _, spans = explicit_blocks("{{< math >}}\\n$$= b$$\\n{{< /math >}}")
    >>> [(s.start, s.end, s.inline) for s in spans]
    [(15, 18, False)]
    """
    spans, math_fences, fences = [], [], []
    for m in FENCE.finditer(source):
        if m.group(2).strip().lower() in ("math", "{math}"):    # ```{math}: MyST's
            spans.append(Span(m.start(3), m.end(3), False, "fence"))
            math_fences.append((m.start(), m.end()))
        fences.append((m.start(), m.end()))
    fenced, found = blanked(source, fences), list(math_fences)
    for pattern, group, kind in ((SCRIPT, 2, "script"), (SHORTCODE, 4, "shortcode"),
                                 (HEXO_TAG, 2, "shortcode")):
        for m in pattern.finditer(fenced):
            if kind == "script":
                inline = not m.group(1)
            else:
                inline = (pattern is HEXO_TAG or not m.group(3) or "false" in m.group(3)) and \
                    "\n" not in m.group(group).strip("\n") and \
                    not _on_own_lines(fenced, m.start(), m.end())
            start, end = m.start(group), m.end(group)
            inside = _DELIMITED_INSIDE.fullmatch(m.group(group)) if kind == "shortcode" else None
            if inside:
                which = next(k for k in ("display", "bracket", "inline") if inside.group(k) is not None)
                start, end = start + inside.start(which), start + inside.end(which)
                inline = which == "inline"
            spans.append(Span(start, end, inline, kind))
            found.append((m.start(), m.end()))
    for m in ROLE.finditer(fenced):
        group = 1 if m.group(1) is not None else 2
        spans.append(Span(m.start(group), m.end(group), True, "role"))
        found.append((m.start(), m.end()))
    for start, end, pieces in directives(fenced):
        spans += [Span(a, b, False, "directive") for a, b in pieces]
        found.append((start, end))
    return blanked(source, found), sorted(spans, key=lambda s: s.start)


def directives(text: str) -> list:
    r"""reStructuredText's ``.. math::`` directives of ``text``: (start, end, [(start, end) of
    each equation]), its equations being the paragraphs of its indented content (and the
    rest of its first line).

    >>> text = ".. math::\n   :label: eq\n\n   a = b\n\n   c = d\nText."
    >>> [[text[a:b] for a, b in pieces] for _, _, pieces in directives(text)]
    [['a = b', 'c = d']]
    """
    found = []
    for m in DIRECTIVE.finditer(text):
        pieces = [(m.start(2), m.end(2))] if m.group(2).strip() else []
        at = m.end()
        while (o := _OPTION.match(text, at)):
            at = o.end()
        end, paragraph = at, None
        for line in re.finditer(r"[^\n]*(?:\n|$)", text[at:]):
            if not line.group(0):
                break
            body = line.group(0).rstrip("\n")
            if body.strip() and len(body) - len(body.lstrip()) <= len(m.group(1)):
                break            # back to the directive's own indentation: its content ends
            a, b = at + line.start(), at + line.start() + len(body)
            if body.strip():
                paragraph = (paragraph[0] if paragraph else a + len(body) - len(body.lstrip()), b)
            elif paragraph:
                pieces.append(paragraph)
                paragraph = None
            end = at + line.end()
        if paragraph:
            pieces.append(paragraph)
        found.append((m.start(), end, pieces))
    return found
