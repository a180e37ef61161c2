"""Values of pmfs a document gives: ``p(a) = 1/3``, ``P(X = 1) = 0.3``, ``p = (0.9, 0.1)``,
and rows of a Markdown table labelled with a pmf letter (docs/latex.md, "What a document
binds").  Each sets values in :class:`symbolic.latex_in.semantics.Semantics`; a pmf whose
values are all given is put into the measures that use it.
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.scan import split_top

_PMF_VALUE = re.compile(r"\s*([pPqQrR])\s*\(\s*(?:([XYZ])(?:_\{?\w+\}?)?\s*=\s*)?(\w)\s*\)\s*")
_RATIONAL = re.compile(r"\s*(\d+(?:\.\d+)?|\\[dt]?frac\{(\d+)\}\{(\d+)\}|(\d+)\s*/\s*(\d+))\s*"
                       r"(?:(?:\\quad|\\qquad|,|\\,|\\;)\s*)*(?:\(\s*(\w)\s*(?:\\ne|\\neq)\s*(\w+)\s*\))?"
                       r"\s*[.,]?\s*")


# p = (0.9, 0.1), q = [\frac14, \frac12, \frac14]: a pmf given as the list of its values
_VECTOR = re.compile(r"\s*([pPqQrR])\s*=?\s*")
_LISTED = re.compile(r"\s*(?:\\left)?\s*[(\[]\s*(.*?)\s*(?:\\right)?\s*[)\]]\s*[.,]?\s*", re.S)


def number_value(text: str):
    """The exact value of a plain number (``0.8``, ``1/3``, ``\\frac{1}{3}``) or None."""
    m = _RATIONAL.fullmatch(text)
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
    outcome = m.group(3)
    if r.group(6):                      # (c \ne 1): every other outcome
        if r.group(6) != outcome:
            return False
        sem.set_pmf_rest(letter, value)
        return True
    if outcome.isdigit():
        sem.set_pmf_value(letter, int(outcome), value)
        return True
    if listed and outcome.isalpha():    # p(a) = 1/3, p(b) = 2/3: named outcomes
        sem.set_pmf_value(letter, outcome, value)
        return True
    return False


def pmf_vector(sem, lhs_text: str, rhs_text: str) -> bool:
    r"""``p = (0.9, 0.1)``: a pmf letter set to two or more numbers that sum to 1 gives the
    pmf's values, outcome by outcome.

    >>> from symbolic.latex_in.semantics import Semantics
    >>> sem = Semantics()
    >>> pmf_vector(sem, "p ", r" (0.9, 0.1)"), sem.bound_pmfs()["p"][0]
    (True, {1: 9/10, 2: 1/10})
    >>> pmf_vector(sem, "q", r"(0.5, 0.6)"), pmf_vector(sem, "x", "(0.5, 0.5)")
    (False, False)
    """
    letter, listed = re.fullmatch(r"\s*([pPqQrR])\s*", lhs_text), _LISTED.fullmatch(rhs_text)
    if not (letter and listed):
        return False
    values = [number_value(v) for v in split_top(listed.group(1), ",")]
    if len(values) < 2 or any(v is None or v < 0 for v in values) or sum(values) != 1:
        return False
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
    label = re.compile(r"\s*\$?\s*([PQRpqr])\s*\$?\s*(?:\(.*\))?\s*$")
    rows = [[c.strip() for c in r] for r in table.rows if r]
    for lines in (rows, [list(col) for col in zip(*rows)] if rows else []):
        for cells in lines:
            if len(cells) < 3 or not label.match(cells[0]):
                continue
            values = [number_value(c) for c in cells[1:]]
            if all(v is not None for v in values):
                for k, v in enumerate(values, 1):
                    sem.set_pmf_value(label.match(cells[0]).group(1), k, v)
