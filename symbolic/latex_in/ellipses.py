r"""Sums written out with an ellipsis, read as the sums they are.

Posts write ``e^{z_1} + e^{z_2} + \dots + e^{z_m}`` for ``\sum_{k=1}^{m} e^{z_k}`` and
``p(x_1) \log p(x_1) + \cdots + p(x_n) \log p(x_n)`` for an entropy's terms.  This pass
rewrites such a run of terms as the sum, so the parser reads it; it only rewrites when the
terms agree exactly, apart from one integer subscript that counts up by one from term to
term (the first terms) and is a single other value in the last term (the sum's bound).
Anything else (a list ``x_1, \dots, x_n``, terms that differ in more than the index, an
ellipsis in a product) is left as written, and the reader calls it unknown notation.

>>> sums_of_ellipses(r"\frac{e^{z_j}}{e^{z_1}+e^{z_2}+\dots+e^{z_m}}")
'\\frac{e^{z_j}}{(\\sum_{k=1}^{m} e^{z_{k}})}'
>>> sums_of_ellipses(r"-(p_1 \log p_1 + \cdots + p_n \log p_n)")
'-((\\sum_{k=1}^{n} p_{k}\\log p_{k}))'
>>> sums_of_ellipses(r"f(x_1, \dots, x_n)")          # a list of arguments: left as it is
'f(x_1, \\dots, x_n)'
>>> sums_of_ellipses(r"a_1 + b_2 + \dots + a_n")     # the terms do not count up: left
'a_1 + b_2 + \\dots + a_n'
"""
from __future__ import annotations

import re

from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.scan import matching

DOTS = re.compile(r"\\(?:cdots|ldots|dots|dotsb|dotsc)(?![A-Za-z])|\.\.\.|…")
_INDEX_LETTERS = "kjlrstuv"


def sums_of_ellipses(text: str) -> str:
    """``text`` with each run ``t_a + t_{a+1} + … + t_b`` written as ``\\sum_{k=a}^{b} t_k``
    (see the module's docstring)."""
    for _ in range(8):                      # a side rarely has more than one or two
        done = False
        for m in reversed(list(DOTS.finditer(text))):
            rewritten = _rewrite_at(text, m.start(), m.end())
            if rewritten is not None:
                text, done = rewritten, True
                break
        if not done:
            return text
    return text


def _group(text: str, at: int) -> tuple[int, int]:
    """The bounds of the innermost bracket group around ``at`` (its contents only)."""
    depth = 0
    for j in range(at - 1, -1, -1):
        if j > 0 and text[j - 1] == "\\":
            continue
        if text[j] in ")}]":
            depth += 1
        elif text[j] in "({[":
            if depth == 0:
                try:
                    return j + 1, matching(text, j)
                except LatexSyntaxError:
                    return j + 1, len(text)
            depth -= 1
    return 0, len(text)


def terms(segment: str) -> list[tuple[str, int, int]]:
    r"""The top-level terms of ``segment``: ``(sign, start, end)``, where ``start`` is where
    the term's sign (or the term) begins and the term's text is ``segment[start:end]``.

    >>> segment = "a - b^{-1} + c \\cdot -d"
    >>> [(sign, segment[i:j].strip()) for sign, i, j in terms(segment)]
    [('+', 'a'), ('-', '- b^{-1}'), ('+', '+ c \\cdot -d')]
    """
    out, depth, start = [], 0, 0
    for j, ch in enumerate(segment):
        if j > 0 and segment[j - 1] == "\\":
            continue
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch in "+-" and depth == 0:
            before = segment[:j].rstrip()
            if before and not before.endswith(("^", "_", "\\cdot", "\\times", "+", "-")):
                out.append(start)
                start = j
    out.append(start)
    bounds = out + [len(segment)]
    result = []
    for a, b in zip(bounds, bounds[1:]):
        body = segment[a:b].lstrip()
        result.append(("-" if body.startswith("-") else "+", a, b))
    return result


def _normal(term: str) -> str:
    """One spelling of a term: its sign dropped, subscripts braced, spacing dropped except
    between a command and a letter."""
    t = re.sub(r"^\s*[+-]", "", term)
    t = re.sub(r"_\s*([0-9A-Za-z])", r"_{\1}", t)
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r" (?![A-Za-z])|(?<![A-Za-z]) ", "", t)


def _counted(first: str, last: str, run: list[str]):
    """``(template, start, bound)`` when ``run`` (normal terms, from ``first``) counts one
    integer subscript up by one and ``last`` has the bound there; the template holds the
    index as ``{}``.  Else None."""
    values = {int(v) for v in re.findall(r"_\{(\d+)\}", first)}
    for v in sorted(values):
        pieces = re.split(r"_\{" + str(v) + r"\}", first)
        pattern = "_\\{([^{}]+)\\}".join(re.escape(p) for p in pieces[:2])
        pattern += "".join("_\\{\\1\\}" + re.escape(p) for p in pieces[2:])
        m = re.fullmatch(pattern, last)
        if not m or m.group(1) == str(v):
            continue
        template = "_{{{0}}}".join(p.replace("{", "{{").replace("}", "}}") for p in pieces)
        if all(term == template.format(v + r) for r, term in enumerate(run)):
            return template, v, m.group(1)
    return None


def _rewrite_at(text: str, dots_start: int, dots_end: int):
    start, end = _group(text, dots_start)
    segment = text[start:end]
    parts = terms(segment)
    at = next((n for n, (_, a, b) in enumerate(parts) if a <= dots_start - start < b), None)
    if at is None or at == 0 or at + 1 >= len(parts):
        return None
    sign, a, b = parts[at]
    if re.sub(r"^\s*[+-]", "", segment[a:b]).strip() != text[dots_start:dots_end]:
        return None                          # the ellipsis is not a term of its own
    last_sign, la, lb = parts[at + 1]
    if last_sign != sign:
        return None
    last = _normal(segment[la:lb])
    for first in range(at):
        run = parts[first:at]
        if any(s != sign for s, _, _ in run):
            continue
        found = _counted(_normal(segment[run[0][1]:run[0][2]]), last,
                         [_normal(segment[x:y]) for _, x, y in run])
        if found is None:
            continue
        template, low, bound = found
        if first > 0 and parts[first - 1][0] == sign and re.fullmatch(re.escape(template.format("INDEX")).replace("INDEX", "[^{}]+"),
                                      _normal(segment[parts[first - 1][1]:parts[first - 1][2]])):
            return None     # a_1 + a_3 + … + a_n: the terms before do not count up by one
        if bound.isdigit() and int(bound) <= low + len(run) - 1:
            return None
        k = next((c for c in _INDEX_LETTERS
                  if not re.search(rf"(?<![\\A-Za-z]){c}(?![A-Za-z])", text)), None)
        if k is None:
            return None
        written = f"(\\sum_{{{k}={low}}}^{{{bound}}} {template.format(k)})"
        if sign == "-" or first > 0:
            written = ("-" if sign == "-" else "+") + " " + written
        before = text[:start + run[0][1]]
        if before and not before.endswith((" ", "(", "{", "[")):
            before += " "
        return before + written + text[start + lb:]
    return None
