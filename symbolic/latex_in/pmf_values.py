"""Values of pmfs a document gives: ``p(a) = 1/3``, ``P(X = 1) = 0.3``, ``p = (0.9, 0.1)``,
and rows of a Markdown table labelled with a pmf letter (docs/latex.md, "What a document
binds").  Each sets values in :class:`symbolic.latex_in.semantics.Semantics`; a pmf whose
values are all given is put into the measures that use it.
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.scan import split_top

_PMF_VALUE = re.compile(r"\s*([pPqQrR])\s*\(\s*(?:([XYZ])(?:_\{?\w+\}?)?\s*=\s*)?"
                        r"(\w|\\(?:text|mathrm|textrm)\s*\{\s*\w+\s*\})\s*\)\s*")    # p(\text{heads})
_RATIONAL = re.compile(r"\s*(\d+(?:\.\d+)?|\\[dt]?frac\{(\d+)\}\{(\d+)\}|(\d+)\s*/\s*(\d+))\s*"
                       r"(?:(?:\\quad|\\qquad|,|\\,|\\;)\s*)*(?:\(\s*(\w)\s*(?:\\ne|\\neq)\s*(\w+)\s*\))?"
                       r"\s*[.,]?\s*")


# p = (0.9, 0.1), q = [\frac14, \frac12, \frac14]: a pmf given as the list of its values
_VECTOR = re.compile(r"\s*([pPqQrR])\s*=?\s*")
_LISTED = re.compile(r"\s*(?:\\left)?\s*(?:[(\[]|\\\{)\s*(.*?)\s*(?:\\right)?\s*(?:[)\]]|\\\})\s*[.,]?\s*",
                     re.S)     # (…), […] or \{…\}


_FRACTION = re.compile(r"\\[dt]?frac\s*(\d|\{\s*\d+\s*\})\s*(\d|\{\s*\d+\s*\})")


def _braced_fractions(text: str) -> str:
    """``\\frac12``, ``\\frac1{16}``, ``\\dfrac{ 1 }{ 3 }`` written as ``\\frac{1}{2}``."""
    return _FRACTION.sub(lambda m: r"\frac{%s}{%s}" % (m.group(1).strip("{} "), m.group(2).strip("{} ")),
                         text)


def number_value(text: str):
    r"""The exact value of a plain number (``0.8``, ``1/3``, ``\frac{1}{3}``, ``\frac1{16}``)
    or None.

    >>> number_value(r"\frac1{16}"), number_value(r"\dfrac{ 2 }{ 3 }"), number_value("0.25"), number_value("x")
    (1/16, 2/3, 1/4, None)
    """
    m = _RATIONAL.fullmatch(_braced_fractions(text))
    if not m:
        return None
    if m.group(2):
        return sp.Rational(int(m.group(2)), int(m.group(3)))
    if m.group(4):
        return sp.Rational(int(m.group(4)), int(m.group(5))) if int(m.group(5)) else None
    return sp.Rational(m.group(1))


def pmf_value(sem, lhs_text: str, rhs_text: str, listed: bool) -> bool:
    r"""``p(a) = 1/3``, ``P(X_i = 1) = 1``, ``P(X_i = c) = 0 (c \ne 1)``: values of a pmf.

    >>> from symbolic.latex_in.semantics import Semantics
    >>> sem = Semantics()
    >>> pmf_value(sem, "p(1)", "0.5", False), pmf_value(sem, "p(2)", r"\frac{1}{2}", False)
    (True, True)
    >>> sem.bound_pmfs()["p"][0]
    {1: 1/2, 2: 1/2}
    """
    m, r = _PMF_VALUE.fullmatch(lhs_text), _RATIONAL.fullmatch(rhs_text)
    if not m or not r:
        return False
    value = number_value(re.sub(r"\(.*$", "", rhs_text).strip().rstrip(".,").strip() or "x")
    if value is None or value < 0 or value > 1:
        return False
    letter = sem.pmf_of_variable(m.group(2)).label.name if m.group(2) else m.group(1)
    outcome = re.sub(r"\\\w+\s*\{\s*(\w+)\s*\}", r"\1", m.group(3))
    if r.group(6):                      # (c \ne 1): every other outcome
        if r.group(6) != outcome:
            return False
        sem.set_pmf_rest(letter, value)
        return True
    if outcome.isdigit():
        sem.set_pmf_value(letter, int(outcome), value)
        return True
    if listed and outcome.isalpha():    # p(a) = 1/3, p(b) = 2/3, p(\text{tails}): named outcomes
        sem.set_pmf_value(letter, outcome, value)
        return True
    return False


def pmf_vector(sem, lhs_text: str, rhs_text: str) -> bool:
    r"""``p = (0.9, 0.1)``, ``q(x) = [0.35, 0.6, 0.05]``: a pmf letter set to two or more
    numbers that sum to 1 gives the pmf's values, outcome by outcome.

    >>> from symbolic.latex_in.semantics import Semantics
    >>> sem = Semantics()
    >>> pmf_vector(sem, "p ", r" (0.9, 0.1)"), sem.bound_pmfs()["p"][0]
    (True, {1: 9/10, 2: 1/10})
    >>> pmf_vector(sem, "q", r"(0.5, 0.6)"), pmf_vector(sem, "x", "(0.5, 0.5)")
    (False, False)
    >>> pmf_vector(sem, "q(x)", "[0.35, 0.6, 0.05]"), sem.bound_pmfs()["q"][0]
    (True, {1: 7/20, 2: 3/5, 3: 1/20})
    >>> pmf_vector(sem, "r(x)", r"\{\frac12, \frac14, \frac14\}"), sem.bound_pmfs()["r"][0]
    (True, {1: 1/2, 2: 1/4, 3: 1/4})
    """
    letter = re.fullmatch(r"\s*([pPqQrR])\s*(?:\(\s*[A-Za-z]\s*\)\s*)?", lhs_text)   # q(x) = […] too
    listed = _LISTED.fullmatch(rhs_text)
    if not (letter and listed):
        return False
    values = [number_value(v) for v in split_top(listed.group(1), ",")]
    if len(values) < 2 or any(v is None or v < 0 for v in values) or sum(values) != 1:
        return False
    if "\\{" in rhs_text and all(v in (0, 1) for v in values):
        return False      # p(x) = \{0, 1\}: its support, not its values
    for k, v in enumerate(values, 1):
        sem.set_pmf_value(letter.group(1), k, v)
    return True


def table_bindings(table, sem) -> None:
    """Rows (or columns) labelled with a pmf letter and holding numbers give its values.

    >>> from types import SimpleNamespace
    >>> from symbolic.latex_in.semantics import Semantics
    >>> sem = Semantics()
    >>> table_bindings(SimpleNamespace(rows=[["x", "1", "2"], ["$p$", "0.25", "0.75"]]), sem)
    >>> sem.bound_pmfs()["p"][0]
    {1: 1/4, 2: 3/4}
    """
    label = re.compile(r"\s*\$?\s*([PQRpqr])\s*\$?\s*(?:\(.*\))?\s*"
                       r"(?:distribution|dist\.|分布|분포)?\s*$")       # $P$分布: the distribution P
    rows = [[c.strip() for c in r] for r in table.rows if r]
    for lines in (rows, [list(col) for col in zip(*rows)] if rows else []):
        for cells in lines:
            if len(cells) < 3 or not label.match(cells[0]):
                continue
            values = [number_value(c) for c in cells[1:]]
            if all(v is not None for v in values):
                for k, v in enumerate(values, 1):
                    sem.set_pmf_value(label.match(cells[0]).group(1), k, v)


_NUMBER = r"(\d+(?:\.\d+)?|\\frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\}|\\frac\s*\d\s*\d)"
# 0.8 \log 0.8, \frac12 \log_2 \frac12, 0.7 \times \ln(0.7), 0.5 log\frac{1}{0.5}; 8 \times
# \frac18 \log \frac18: eight equal terms
_TERM = re.compile(r"(?:(?P<n>\d+)\s*(?:\\cdot|\\times|\*)\s*)?" + _NUMBER +
                   r"\s*(?:\\cdot|\\times|\*)?\s*\\?(?:log|ln|lg)(?:_\s*\{?\s*\d+\s*\}?)?\s*"
                   r"(?:\(\s*(?P<a>[^()]*?)\s*\)|\{\s*(?P<b>[^{}]*?)\s*\}|(?P<c>\\frac\s*\{[^{}]*\}\s*\{[^{}]*\}|"
                   r"\\frac\s*\d\s*\d|\d+(?:\.\d+)?))")
_MEASURED = re.compile(r"\s*H\s*\(\s*([pPqQ]|[XYxy])\s*(?:,\s*([pPqQ])\s*)?\)\s*")
# D_{KL}(p \| q), KL(p||q), D(p \Vert q): the divergence of two pmfs by letter
_KL_NAMED = re.compile(r"\s*(?:D\s*_\s*\{?\s*(?:KL|\\mathrm\s*\{\s*KL\s*\}|\\text\s*\{\s*KL\s*\})\s*\}?|KL|"
                       r"\\mathrm\s*\{\s*KL\s*\}|D)\s*[(\[]\s*([pPqQ])\s*(?:\\\||\|\||\\Vert|\\parallel)"
                       r"\s*([pPqQ])\s*[)\]]\s*")
# -\sum_x p(x) \log q(x), \sum_i p_i \log_2 \frac{p_i}{q_i}: the measures written out
_PMF_AT = r"([pPqQ])\s*(?:\(\s*\w\s*\)|_\s*\{?\s*\w\s*\}?)"
_SUM = (r"\s*-?\s*\\sum\s*(?:_\s*(?:\{[^{}]*\}|\w))?(?:\s*\^\s*(?:\{[^{}]*\}|\w))?\s*" + _PMF_AT +
        r"\s*\\?(?:log|ln|lg)(?:_\s*\{?\s*\d+\s*\}?)?\s*")
_WRITTEN_CE = re.compile(_SUM + r"\(?\s*" + _PMF_AT + r"\s*\)?\s*")
_WRITTEN_KL = re.compile(_SUM + r"\\frac\s*\{\s*" + _PMF_AT + r"\s*\}\s*\{\s*" + _PMF_AT + r"\s*\}\s*")


def _exact(text: str):
    t = _braced_fractions(text.strip())
    decimals = re.fullmatch(r"\\frac\s*\{\s*(\d+(?:\.\d+)?)\s*\}\s*\{\s*(\d+(?:\.\d+)?)\s*\}", t)
    if decimals and float(decimals.group(2)) != 0:      # \frac{1}{0.5}: exactly 2
        return sp.Rational(decimals.group(1)) / sp.Rational(decimals.group(2))
    return number_value(t)


def _measure(side: str):
    r"""``(kind, letters)`` of the measure ``side`` names or writes out, or None: ``("H",
    "q")`` for ``H(q)``, ``("CE", "pq")`` for ``H(p, q)`` or ``-\sum_x p(x)\log q(x)``,
    ``("KL", "pq")`` for ``D_{KL}(p \| q)`` or ``\sum_i p_i \log\frac{p_i}{q_i}``."""
    for pattern, kind in ((_MEASURED, "H"), (_KL_NAMED, "KL"), (_WRITTEN_KL, "KL"),
                          (_WRITTEN_CE, "CE")):
        m = pattern.fullmatch(side)
        if not m:
            continue
        letters = [g for g in m.groups() if g]
        if kind == "KL" and (len(letters) == 3 and letters[0] != letters[1] or len(set(letters)) != 2):
            return None                            # \sum p_i \log \frac{q_i}{p_i}: not read
        if kind == "KL":
            return "KL", letters[-2:]
        if kind == "CE" and len(set(letters)) == 1 or kind == "H" and len(letters) == 1:
            return "H", letters[:1]
        return "CE", letters
    return None


def _fraction_parts(text: str):
    """``(a, b)`` of ``\\frac{a}{b}`` or ``a/b`` with numbers a and b, or None."""
    m = re.fullmatch(r"\s*\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}\s*|\s*([\d.]+)\s*/\s*([\d.]+)\s*", text)
    if not m:
        return None
    a, b = (_exact(m.group(1) or m.group(3)), _exact(m.group(2) or m.group(4)))
    return (a, b) if a is not None and b is not None else None


def expansion_pmfs(side: str, sides) -> dict:
    r"""The pmf values a chain gives by writing a measure out in numbers: in
    ``H(q) = -[0.8 \log 0.8 + 0.1 \log 0.1 + 0.1 \log 0.1]`` q is (0.8, 0.1, 0.1), in
    ``H(p, q) = -(0.5 \log 0.25 + 0.5 \log 0.75)`` p is (1/2, 1/2) and q (1/4, 3/4), and in
    ``D_{KL}(p \| q) = 0.5 \log \frac{0.5}{0.9} + 0.5 \log \frac{0.5}{0.1}`` q is (0.9, 0.1).
    Only when ``side`` (the chain's first) is the measure, named or written out as a sum, and
    another side is such a sum, every term of the same form, the weights summing to 1 (and
    the other pmf's values too); else ``{}``.

    >>> expansion_pmfs("H(q) ", [r" -[0.8 \log(0.8) + 0.1 \log(0.1) + 0.1 \log(0.1)]"])
    {'q': [4/5, 1/10, 1/10]}
    >>> expansion_pmfs("H(P)", [r"0.5 \times \log \frac 1 {0.5} + 0.5 \times \log \frac 1 {0.5}"])
    {'P': [1/2, 1/2]}
    >>> expansion_pmfs("H(X)", [r"0.01 \cdot \log 100 + 0.99 \cdot \log 0.99"])   # a sign lost
    {'X': [1/100, 99/100]}
    >>> expansion_pmfs("H(q)", [r"-[0.8 \log(0.2) + 0.2 \log(0.8)]"])   # not -Σ q log q
    {}
    >>> expansion_pmfs(r"-\sum_x p(x) \log p(x)", [r"-4 \times \frac14 \log_2 \frac14"])
    {'p': [1/4, 1/4, 1/4, 1/4]}
    >>> expansion_pmfs(r"\sum_i p_i \log_2 \frac{p_i}{q_i}",
    ...                [r"0.5 \log_2 \frac{0.5}{0.9} + 0.5 \log_2 \frac{0.5}{0.1}"])
    {'p': [1/2, 1/2], 'q': [9/10, 1/10]}
    """
    measure = _measure(side)
    if measure is None:
        return {}
    kind, letters = measure
    for other in sides:
        text = re.sub(r"\\(?:left|right|[,;!])|\\text\s*\{\s*(log|ln)\s*\}", lambda t: t.group(1) or "",
                      other)
        text = re.sub(r"\\frac\s*(\d)\s*\{", r"\\frac{\1}{", text)     # \frac 1 {0.5}
        terms = list(_TERM.finditer(text))
        rest = _TERM.sub(" ", text)
        if not terms or re.search(r"[0-9A-Za-z\\]", re.sub(r"\\cdot|\\times", "", rest)):
            continue
        pairs = [(_exact(t.group(2)), t.group("a") or t.group("b") or t.group("c") or "")
                 for t in terms for _ in range(int(t.group("n") or 1))]
        if len(pairs) < 2 or any(c is None or c <= 0 for c, _ in pairs):
            continue
        weights = [c for c, _ in pairs]
        if sum(weights) != 1:
            continue
        if kind == "KL":
            parts = [_fraction_parts(a) for _, a in pairs]
            if all(pq and pq[0] == c and pq[1] > 0 for pq, (c, _) in zip(parts, pairs)) and \
                    sum(pq[1] for pq in parts) == 1:
                return {letters[0]: weights, letters[1]: [pq[1] for pq in parts]}
            continue
        args = [_exact(a) for _, a in pairs]
        if any(a is None or a <= 0 for a in args):
            continue
        if kind == "H":     # c log c or c log(1/c), term by term (a lost sign is
            if all(a == c or a == 1 / c for c, a in zip(weights, args)):     # the author's)
                return {letters[0]: weights}
        elif sum(args) == 1:
            return {letters[0]: weights, letters[1]: args}
    return {}


def bind_expansion(text: str, sem):
    """Bind, for one chain, the pmfs its entropy written out in numbers gives (see
    :func:`expansion_pmfs`); return the values the document had set before, to be put back
    after the chain, or None when the chain gives none.

    >>> from symbolic.latex_in.semantics import Semantics
    >>> sem = Semantics()
    >>> before = bind_expansion(r"H(X) = -(0.5 \\log_2 0.5 + 0.5 \\log_2 0.5) = 1", sem)
    >>> before, sorted(sem.pmf_values.values(), key=str)
    ({}, [{1: 1/2, 2: 1/2}])
    """
    from symbolic.latex_in.relations import split_chain
    chain = split_chain(text)
    if len(chain.sides) < 2:
        return None
    found = expansion_pmfs(chain.sides[0], chain.sides[1:])
    if not found:
        return None
    saved = {k: dict(v) for k, v in sem.pmf_values.items()}
    for letter, values in found.items():
        name = sem.pmf_of_variable(letter.upper()).label.name if letter in "XYxy" else letter
        sem.pmf_values.pop(name, None)
        for k, v in enumerate(values, 1):
            sem.set_pmf_value(name, k, v)
    return saved
