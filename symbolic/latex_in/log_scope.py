"""How far the argument of an unparenthesised ``\\log``, ``\\ln`` or ``\\exp`` runs: the
reading the parser gets (``\\log 2 \\cdot 3`` is (log 2)·3), and the doubts a reader should
keep where the scope is a guess (``\\log \\frac{a}{b} \\frac{c}{d}``, ``\\log (1-p)^2``).
"""
from __future__ import annotations

import re

from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.scan import matching, read_group


_LOG_HEAD = re.compile(r"\\(?:log|ln)(?![A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*")


def _argument_end(text: str, j: int):
    """Where the unparenthesised argument of a ``\\log`` that ends at ``j`` stops, or None
    (parenthesised, a sum or product, or unreadable)."""
    if j >= len(text) or text[j] in "({[":
        return None
    number = re.match(r"\d+(?:\.\d+)?", text[j:])
    if number:                  # \log_2 0.5: the whole number
        return j + number.end()
    try:
        arg, j = read_group(text, j)
        if arg in ("\\sum", "\\prod"):
            return None         # \log \prod_i x_i: the log takes the whole product
        if arg == "\\frac":
            _, j = read_group(text, j)
            _, j = read_group(text, j)
        elif re.fullmatch(r"\\(?:hat|widehat|tilde|bar|overline|vec|mathbf|boldsymbol|bm|"
                          r"mathcal|mathrm|mathit|sqrt)", arg):
            _, j = read_group(text, j)
        while text[j:].lstrip()[:1] in ("_", "^"):
            j = len(text) - len(text[j:].lstrip()) + 1
            _, j = read_group(text, j)
        if text[j:].lstrip()[:1] == "(":   # \log p(x): the argument is applied
            j = matching(text, len(text) - len(text[j:].lstrip())) + 1
    except LatexSyntaxError:
        return None
    return j


_BRACED_LOG = re.compile(r"\\(?:log|ln|(exp))(?![A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*\{")


def braced_log_arguments(text: str) -> str:
    r"""``text`` with a log's braced argument that holds no top-level sum in parentheses:
    ``\log{\frac{1-a}{1-b}}(n-na)`` is the log of the fraction times n - na (the parser took
    the factor into the log).  A braced sum (``\log{q_T - p_F}``) is left for its doubt.  The
    braces of ``\exp{…}`` always hold its whole argument (``\exp{(a)} \cdot \exp{(b)}`` is a
    product of two exponentials, which the parser read as exp(a·exp(b))).

    >>> braced_log_arguments(r"\log{\frac{1-a}{1-b}}(n-na) + \log_{2}{x} - \log{q_T - p_F}")
    '\\log\\left(\\frac{1-a}{1-b}\\right)(n-na) + \\log_{2}\\left(x\\right) - \\log{q_T - p_F}'
    >>> braced_log_arguments(r"\exp{\bigg(-\frac{1}{2}y^2\bigg)} \cdot \exp{-a + b}")
    '\\exp\\left(\\bigg(-\\frac{1}{2}y^2\\bigg)\\right) \\cdot \\exp\\left(-a + b\\right)'
    """
    out, last = [], 0
    for m in _BRACED_LOG.finditer(text):
        if m.start() < last:
            continue
        try:
            close = matching(text, m.end() - 1)
        except LatexSyntaxError:
            continue
        inner = text[m.end():close]
        if not inner.strip() or (not m.group(1) and _SUM_INSIDE.search(_groups_out(inner))):
            continue
        out.append(text[last:m.end() - 1] + "\\left(" + inner + "\\right)")
        last = close + 1
    return "".join(out) + text[last:]


_SUM_INSIDE = re.compile(r"(?<=\S)\s*[-+]")


def _groups_out(text: str) -> str:
    """``text`` with every bracket or brace group (and its content) removed."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\([^(){}\[\]]*\)|\{[^(){}\[\]]*\}|\[[^(){}\[\]]*\]", "", text)
    return text


_TAKES = ": does the log take the factors after its argument?"
_RAISES = ": does the power raise the log or its argument?"
_FRACTION = ": does the log take the fraction after its argument?"


def is_scope_doubt(doubt: str) -> bool:
    r"""Is ``doubt`` one of :func:`log_scope_doubts` (the log's scope a guess)?

    >>> is_scope_doubt(log_scope_doubts(r"\log \frac{a}{b} \frac{c}{d}")[0]), is_scope_doubt("x")
    (True, False)
    """
    return doubt.endswith((_TAKES, _RAISES, _FRACTION))


def log_scope_doubts(text: str) -> list[str]:
    r"""Readings of ``\log`` that are a guess: an argument without parentheses followed by
    another factor (``\log \frac{a}{b} \frac{c}{d}``) may be meant inside the log; a power
    after a parenthesised argument (``\log (1-p)^2``) may raise the argument.

    >>> log_scope_doubts(r"\log \frac{a}{b} \frac{c}{d}")
    ['\\log \\frac{a}{b} \\frac{c}{d}: does the log take the factors after its argument?']
    >>> log_scope_doubts(r"\log \frac{a}{b} + c"), log_scope_doubts(r"\log(a) b"), log_scope_doubts(r"\log x^2")
    ([], [], [])
    >>> log_scope_doubts(r"\log_2 (1-p)^2")
    ['\\log_2 (1-p)^…: does the power raise the log or its argument?']
    >>> len(log_scope_doubts(r"\log \frac{a}{b} \cdot \frac{b}{c}")), log_scope_doubts(r"\log 2 \cdot \frac{1}{2}")
    (1, [])

    Braces after the log do not show: ``\log{q_T - p_F}`` is printed "log q_T − p_F".

    >>> log_scope_doubts(r"\log{q_{T}-p_{F}}"), log_scope_doubts(r"\log{(1-p)} + \log{-x}")
    (['\\log{q_{T}-p_{F}}: braces do not show, so the log may take only the first term'], [])
    """
    out = []
    for m in _LOG_HEAD.finditer(text):
        if text[m.end():m.end() + 1] == "{":      # \log{q_T - p_F}: braces do not show
            try:
                inner = text[m.end() + 1:matching(text, m.end())]
            except LatexSyntaxError:
                continue
            if _SUM_INSIDE.search(_groups_out(inner)):
                out.append(f"{text[m.start():m.end()].strip()}{{{inner.strip()}}}: braces do not "
                           "show, so the log may take only the first term")
            continue
        if text[m.end():m.end() + 1] == "(":      # \log (1-p)^2: log((1-p)²) or (log(1-p))²
            try:
                j = matching(text, m.end()) + 1
            except LatexSyntaxError:
                continue
            if text[j:].lstrip().startswith("^"):
                out.append(f"{text[m.start():j].strip()}^…" + _RAISES)
            continue
        j = _argument_end(text, m.end())
        if j is None:
            continue
        rest = text[j:].lstrip()
        if re.match(r"\\(?:cdot|times)\s*\\frac", rest) and \
                not re.fullmatch(r"\s*[\d.]+\s*", text[m.end():j]):
            out.append(f"{text[m.start():j].strip()} {rest[:5]}\\frac…" + _FRACTION)
            # \log \frac{a}{b} \cdot \frac{b}{c}
            continue
        if rest and not re.match(r"[-+=<>,)\]}|&]|\\(?:cdot|times|right|quad|qquad|le|ge|ne|"
                                 r"leq|geq|approx|\\|Big|big)(?![A-Za-z])|_|\^", rest):
            out.append(f"{text[m.start():j].strip()} {rest.split()[0] if rest.split() else ''}"
                       .strip() + _TAKES)
    return out


_FUNCTION_HEAD = re.compile(r"\\(?:log|ln|exp)(?![A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*")


def logs_end_at_products(text: str) -> str:
    r"""``\log 2 \cdot 3`` is (log 2)·3, not log 6: an unparenthesised argument of ``\log``,
    ``\ln`` or ``\exp`` ends at ``\cdot`` or ``\times`` (the parser would run on).

    >>> logs_end_at_products(r"\log_2 4 \cdot 2 + \exp x \times y - \log(a) \cdot b")
    '\\log_2 (4) \\cdot 2 + \\exp (x) \\times y - \\log(a) \\cdot b'
    """
    for m in list(_FUNCTION_HEAD.finditer(text))[::-1]:
        j = _argument_end(text, m.end())
        if j is not None and re.match(r"\s*\\(?:cdot|times)(?![A-Za-z])", text[j:]):
            text = text[:m.end()] + "(" + text[m.end():j].strip() + ")" + text[j:]
    return text
