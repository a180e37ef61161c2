r"""Macros a document defines (``\newcommand``, ``\def``, ``\DeclareMathOperator``), expanded.

Lecture notes write ``\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}`` once and then
``\pd{J}{\bz}`` everywhere; a post may define ``\newcommand{\E}{\mathbb{E}}`` in its first
display.  Before math is looked for, each use is replaced by the body with its arguments
put in, and each definition is blanked; every character of an expansion keeps the file
offset of the macro's name, so a finding still points at the line the author wrote.
Expansion stops (leaving the rest as written) when it nests deeper than ``DEPTH`` or the
text grows past ``GROWTH`` times its size.

>>> source = r"\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}} $\pd{J}{z} = 1$"
>>> text, origin = expand(source)
>>> " ".join(text.split())
'$ \\frac{\\partial J}{\\partial z} = 1$'
>>> origin[text.index("frac")] == source.index(r"\pd{J}")
True
>>> expand("no macros here") is None
True
"""
from __future__ import annotations

import re

from symbolic.latex_in.markup import blanked
from symbolic.latex_in.scan import closing

DEPTH = 12
GROWTH = 4
_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand)\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))"
    r"\s*(?:\[\s*(\d)\s*\])?\s*(?=\{)|\\def\s*\\([A-Za-z]+)\s*(?=\{)|"
    r"\\DeclareMathOperator(\*?)\s*\{\s*\\([A-Za-z]+)\s*\}\s*(?=\{)")


def definitions(text: str) -> tuple[dict, list]:
    r"""``({name: (arguments, body)}, [(start, end)])``: the macros ``text`` defines and
    where each definition is written.  A macro with an optional argument is not read.

    >>> definitions(r"\DeclareMathOperator*{\argmax}{arg\,max} \def\R{\mathbb{R}}")[0]
    {'argmax': (0, '\\operatorname*{arg\\,max}'), 'R': (0, '\\mathbb{R}')}
    """
    macros, spans = {}, []
    for m in _DEFINITION.finditer(text):
        open_at = m.end()
        close = closing(text, open_at)
        if close < 0:
            continue
        body = text[open_at + 1:close]
        if m.group(6):
            name, count = m.group(6), 0
            body = f"\\operatorname{m.group(5)}{{{body}}}"
        else:
            name = m.group(1) or m.group(2) or m.group(4)
            count = int(m.group(3) or 0)
        macros[name] = (count, body)
        spans.append((m.start(), close + 1))
    return macros, spans


# Macros lecture notes take from a shared preamble the reader is not given (\input{../macros}),
# with the meaning their names have wherever they are used: delimiters, a script capital, a
# colour around a term, the expectation, the reals, the KL divergence
CONVENTIONAL = {"lp": (0, "\\left("), "rp": (0, "\\right)"), "lb": (0, "\\left["),
                "rb": (0, "\\right]"), "E": (0, "\\mathbb{E}"), "EE": (0, "\\mathbb{E}"),
                "ex": (0, "\\mathbb{E}"), "R": (0, "\\mathbb{R}"), "reals": (0, "\\mathbb{R}"),
                "dkl": (0, "D_{KL}"), "blue": (1, "#1"), "red": (1, "#1"),
                **{f"cal{c}": (0, f"\\mathcal{{{c}}}") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}


def used_conventional(text: str, defined) -> dict:
    r"""The macros of :data:`CONVENTIONAL` that ``text`` uses and does not define.

    >>> sorted(used_conventional(r"\sum_{x \in \calX} p(x) \log \lp \frac{1}{p(x)} \rp", {}))
    ['calX', 'lp', 'rp']
    """
    return {name: body for name, body in CONVENTIONAL.items()
            if name not in defined and re.search(r"\\" + name + r"(?![A-Za-z])", text)}


def expand(text: str, origin: list | None = None):
    """``(text, origin)`` with the macros ``text`` defines expanded and their definitions
    blanked (``origin[i]`` is the offset in the original of character ``i``), or None when
    it defines none and uses none of :data:`CONVENTIONAL`."""
    macros, spans = definitions(text)
    macros.update(used_conventional(text, macros))
    if not macros:
        return None
    origin = list(origin) if origin is not None else list(range(len(text)))
    text = blanked(text, spans)
    pattern = re.compile(r"\\(" + "|".join(sorted(map(re.escape, macros), key=len,
                                                   reverse=True)) + r")(?![A-Za-z])")
    limit = GROWTH * len(text) + 1000
    for _ in range(DEPTH):
        out, out_origin, i, changed = [], [], 0, False
        for m in pattern.finditer(text):
            if m.start() < i or m.start() > 0 and text[m.start() - 1] == "\\":
                continue
            count, body = macros[m.group(1)]
            args, j = _arguments(text, m.end(), count)
            if args is None:
                continue
            out.append(text[i:m.start()])
            out_origin.extend(origin[i:m.start()])
            # \bW x: the body stays apart from what follows; an argument keeps its offsets
            here = origin[m.start()]
            out.append(" ")
            out_origin.append(here)
            for part in re.split(r"(#\d)", body):
                n = int(part[1]) if re.fullmatch(r"#\d", part) else 0
                if 1 <= n <= len(args):
                    a, b = args[n - 1]
                    out.append(text[a:b])
                    out_origin.extend(origin[a:b])
                else:
                    out.append(part)
                    out_origin.extend([here] * len(part))
            out.append(" ")
            out_origin.append(here)
            i, changed = j, True
        if not changed:
            break
        out.append(text[i:])
        out_origin.extend(origin[i:])
        if sum(map(len, out)) > limit:
            break
        text, origin = "".join(out), out_origin
    return text, origin


def _arguments(text: str, j: int, count: int):
    """Where the ``count`` arguments after ``j`` are (a braced group or one token each, as
    ``(start, end)``), and where they end; None if they are not there."""
    args = []
    for _ in range(count):
        while j < len(text) and text[j] in " \t\n":
            j += 1
        if j >= len(text):
            return None, j
        if text[j] == "{":
            close = closing(text, j)
            if close < 0:
                return None, j
            args.append((j + 1, close))
            j = close + 1
        else:
            m = re.match(r"\\[A-Za-z]+|\\.|.", text[j:], re.S)
            args.append((j, j + m.end()))
            j += m.end()
    return args, j
