r"""Formulas written as plain text, outside any math delimiters, converted to LaTeX.

Some posts write all their math as text: ``-log2(0.99) = 0.0144bits``,
``(0.9 x log2(0.9) + 0.05 x log2(0.05)) = 0.61bits``, ``H(P, Q) = H(P) + KL(P || Q)``,
``KL(P||Q) != KL(Q||P)``.  A formula is a maximal run of formula tokens: numbers,
operators, parentheses, the functions ``log``, ``log2``, ``log10``, ``ln``, ``exp``,
``H``, ``KL``, ``CE``, ``D``, ``σ``, ``sum`` (``sum x in X``), single letters (``p_i``)
and relations; a unit (``bits``, ``nats``) after a number is dropped.  It is taken only
when precision allows:

- it holds a relation at its top level, both sides of which have an operand;
- one side at least is worked out (a function applied, or an operator), so ``x = 5``
  and ``a=b`` (in a URL) are not formulas;
- it is not set inside an English sentence: ordinary words on both sides of it in its
  clause (``the loss L = -log(p) is small``) mean prose;
- its brackets balance.

>>> [(f.latex, f.inline) for f in formulas("information은 -log2(0.99) = 0.0144bits 로 낮다")]
[('-\\log_{2}(0.99) = 0.0144', True)]
>>> [f.latex for f in formulas("KL(P||Q) != KL(Q||P)")]
['D_{KL}(P\\|Q) \\ne D_{KL}(Q\\|P)']
>>> formulas("where x = 5 and the loss L = -log(p) is small, on 2019-01-30")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from symbolic.latex_in.notation import numbers_only
from symbolic.latex_in.relations import split_chain

FUNCTIONS = {"log2": "\\log_{2}", "log_2": "\\log_{2}", "log10": "\\log_{10}", "ln": "\\ln",
             "log": "\\log", "exp": "\\exp", "H": "H", "KL": "D_{KL}", "CE": "H", "D": "D",
             "σ": "\\sigma", "sigmoid": "\\sigma", "sum": "\\sum"}
RELATIONS = {"==": "=", "!=": "\\ne", "≠": "\\ne", "<=": "\\le", ">=": "\\ge", "≤": "\\le",
             "≥": "\\ge", "≈": "\\approx", "=": "=", "<": "<", ">": ">"}
OPERATORS = {"+": "+", "-": "-", "−": "-", "–": "-", "*": "\\cdot", "·": "\\cdot",
             "×": "\\cdot", "/": "/", "^": "^"}
GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
TOKEN = re.compile(
    r"(?P<space>[ \t]+)"
    r"|(?P<sum>\bsum\s+(?P<index>[A-Za-z])\s+in\s+(?P<set>[A-Za-z])\b)"
    r"|(?P<number>(?:\d+(?:\.\d+)?|\.\d+)(?:\s?(?:bits?|nats?)(?![A-Za-z])|\\?%(?![\w(]))?)"
    r"|(?P<function>(?:log_?2|log10|ln|log|exp|sigmoid|sum|KL|CE|[HD]|σ)(?=\s*\())"
    r"|(?P<name>[A-Za-z" + GREEK + r"](?:_[A-Za-z0-9]|[0-9])?(?![A-Za-z0-9_]))"
    r"|(?P<relation>==|!=|<=|>=|[=≠≤≥≈<>])(?![=>])"
    r"|(?P<bars>\|\|)|(?P<bar>\|)"
    r"|(?P<operator>[-+*/^·×−–])(?!>)"
    r"|(?P<open>[(\[])|(?P<close>[)\]])|(?P<comma>,)")
_UNIT = re.compile(r"(?<![A-Za-z])(bit|nat|hartley|ban|dit|shannon)s?(?![A-Za-z])", re.I)
CLAUSE_END = re.compile(r"[.!?;:](?:\s|$)|,\s|[。，、；：\n]")
WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Formula:
    """A formula found in text: its LaTeX, and for each LaTeX character the index in the
    text of the character it comes from."""

    latex: str
    offsets: tuple
    inline: bool  # within a sentence, rather than a line of its own


def _tokens(text: str, start: int):
    """(kind, match) from ``start`` while the text is formula tokens."""
    i = start
    while i < len(text):
        m = TOKEN.match(text, i)
        if not m:
            return
        yield m.lastgroup if m.lastgroup not in ("index", "set") else "sum", m
        i = m.end()


def _runs(text: str):
    """(start, [(kind, match)]) of each maximal run of formula tokens."""
    i = 0
    while i < len(text):
        if i and re.match(r"[A-Za-z0-9_.]", text[i - 1]) and not text[i].isspace():
            i += 1                                  # not at the start of a token
            continue
        run = list(_tokens(text, i))
        if run and any(k != "space" for k, _ in run):
            yield run
            i = run[-1][1].end()
        else:
            i += 1


def _trim(run: list) -> list:
    while run and run[0][0] in ("space", "comma", "close", "relation") or \
            run and run[0][0] == "operator" and run[0][1].group() in "*/^·×":
        run = run[1:]
    while run and run[-1][0] in ("space", "comma", "operator", "open", "relation", "bar"):
        run = run[:-1]
    return run


def _balanced(run: list) -> bool:
    depth = 0
    for kind, _ in run:
        depth += (kind == "open") - (kind == "close")
        if depth < 0:
            return False
    return depth == 0


def _latex(run: list) -> tuple[str, list]:
    """LaTeX of a run, and for each character the text index it comes from."""
    out, offs = [], []

    def emit(s, at):
        out.append(s)
        offs.extend([at] * len(s))

    for n, (kind, m) in enumerate(run):
        at, g = m.start(), m.group()
        prev = next((k for k, _ in reversed(run[:n]) if k != "space"), None)
        nxt = next((k for k, _ in run[n + 1:] if k != "space"), None)
        if kind == "space":
            emit(" ", at)
        elif kind == "number":
            digits = re.match(r"[\d.]+", g).group()
            out.append(digits)
            offs.extend(range(at, at + len(digits)))
            if g.endswith("%"):                     # 99.9% or 99.9\%: a percentage
                emit("\\%", at + len(g) - 1)
        elif kind == "sum":
            emit(f"\\sum_{{{m.group('index')} \\in {m.group('set')}}}", at)
        elif kind == "function":
            emit(FUNCTIONS[g], at)
        elif kind == "name" and g == "x" and prev in ("number", "close") \
                and nxt in ("number", "open", "function", "name", "operator"):
            emit("\\cdot", at)                      # 0.9 x log2(0.9): times
        elif kind == "name":
            emit("\\" + _greek_name(g) if g in GREEK else g, at)
        elif kind == "relation":
            emit(RELATIONS[g], at)
        elif kind == "operator":
            emit(OPERATORS[g], at)
        elif kind == "bars":
            emit("\\|", at)
        else:
            emit(g, at)
    return "".join(out), offs


def _greek_name(letter: str) -> str:
    import unicodedata
    return unicodedata.name(letter).split()[-1].lower()


def _worked_out(side: str) -> bool:
    return bool(re.search(r"\\(?:log|ln|exp|sigma|sum|cdot)|\b[HD](?:_\{KL\})?\(|[+/^]|\S\s*-"
                          r"|-\s*[\\(]", side.strip()))


def _operand(side: str) -> bool:
    return bool(re.search(r"[0-9A-Za-z]", side))


def _in_sentence(text: str, a: int, b: int) -> bool:
    """Ordinary English words on both sides of ``text[a:b]`` within its clause."""
    ends = [m.end() for m in CLAUSE_END.finditer(text, 0, a)]
    start = ends[-1] if ends else 0
    after = CLAUSE_END.search(text, b)
    stop = after.start() if after else len(text)
    return bool(WORD.search(text[start:a])) and bool(WORD.search(text[b:stop]))


def formulas(text: str) -> list:
    """Every plain-text formula of ``text`` (see the module), in order.

    >>> [f.latex for f in formulas("so ln(2) = 0.693nats")]
    ['\\\\ln(2) = 0.693']
    >>> formulas("1 nat = 1/ln(2) bits = 1.4427 bits.")
    []
    >>> [f.latex for f in formulas("On ferait (log(0.5 * 0.5) = log(0.5) + log(0.5) plutot que")]
    ['\\\\log(0.5 \\\\cdot 0.5) = \\\\log(0.5) + \\\\log(0.5)']
    """
    found = []
    text = re.sub(r"\*\*|__", "  ", text)          # Markdown bold is not a product
    for run in _runs(text):
        run = _trim(run)
        while run and run[0][0] == "open" and not _balanced(run):
            run = _trim(run[1:])         # (log(0.8) = … in a sentence: the aside's bracket
        while run and run[-1][0] == "close" and not _balanced(run):
            run = _trim(run[:-1])        # … = 0.0224) at the aside's end
        if not run or not _balanced(run):
            continue
        latex, offs = _latex(run)
        chain = split_chain(latex)
        sides = chain.sides
        if not chain.relations or not all(_operand(s) for s in sides) \
                or not any(_worked_out(s) for s in sides):
            continue
        a, b = run[0][1].start(), run[-1][1].end()
        if _in_sentence(text, a, b) and not numbers_only(latex):
            continue      # words around L = -log(p); arithmetic in numbers is no prose
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        after = re.match(r"\s*[A-Za-z]*", text[b:]).group()      # 1/ln(2) bits: its unit
        if len({u.lower() for u in _UNIT.findall(text[a:b] + after)}) > 1:
            continue          # 1 nat = 1/ln(2) bits: a conversion between units, no equation
        inline = bool(line.replace(text[a:b], "", 1).strip(" \t-*.,:"))
        found.append(Formula(latex, tuple(offs), inline))
    return found
