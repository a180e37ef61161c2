r"""latex2sympy2_extended, with its mixed-number reading turned off for real.

latex2sympy2_extended 1.11 reads an integer followed by any positive rational as a mixed
number (``2\frac{1}{2}`` = 5/2), and its ``ConversionConfig(interpret_as_mixed_fractions=
False)`` is not consulted where that happens (``convert_postfix_list``).  So ``16(2)`` was
read as 18, ``3\sqrt{4}`` as 5 and ``2 e^{0}`` as 3, and a true row of arithmetic such as
``16(2)+4(2)+8(1) = 32+8+8`` was refuted.  In a derivation two factors side by side are a
product; :func:`parse_latex` reads them so, and :func:`mixed_number_doubts` says where an
author may have meant a mixed number.

>>> [sp.simplify(parse_latex(t)) for t in ("16(2)+4(2)+8(1)", r"2\frac{1}{2}", r"3\sqrt{4}")]
[48, 1, 6]
"""
from __future__ import annotations

import copy
import functools
import re

import sympy as sp
from latex2sympy2_extended.latex2sympy2 import ConversionConfig, NormalizationConfig, \
    _Latex2Sympy, normalize_latex

_CONFIG = ConversionConfig(lowercase_symbols=False, interpret_as_mixed_fractions=False)


class _ProductConverter(_Latex2Sympy):
    """The library's converter; adjacent factors always multiply."""

    def convert_postfix_list(self, arr, i=0):
        if i >= len(arr):
            raise Exception("Index out of bounds")
        res = self.convert_postfix(arr[i])
        if isinstance(res, (sp.Expr, sp.MatrixBase)):
            if i == len(arr) - 1:
                return res
            rh = self.convert_postfix_list(arr, i + 1)
            if getattr(res, "is_Matrix", False) or getattr(rh, "is_Matrix", False):
                return self.mat_mul_flat(res, rh)
            return self.mul_flat(res, rh)
        if isinstance(res, list) and len(res) == 1:      # d/dx followed by its operand
            if i == len(arr) - 1:
                raise Exception("Expected expression for derivative")
            return sp.Derivative(self.convert_postfix_list(arr, i + 1), res[0])
        return res

    def convert_mp(self, mp):
        r"""``a / b c`` is (a/b)·c, as ``1/2 x^2`` and ``1/N \sum_i`` mean, where the grammar
        reads a/(b·c); such slashes are counted in ``slashes`` (the reading is a guess)."""
        right = _juxtaposed(mp.mp(1) if hasattr(mp, "mp") else mp.mp_nofunc(1)) \
            if (mp.DIV() or mp.CMD_DIV()) else None
        if right is None:
            return super().convert_mp(mp)
        left = self.convert_mp(mp.mp(0) if hasattr(mp, "mp") else mp.mp_nofunc(0))
        first = self.convert_postfix(right[0])
        if not isinstance(first, sp.Expr) or not isinstance(left, sp.Expr) or \
                getattr(left, "is_Matrix", False) or getattr(first, "is_Matrix", False):
            return super().convert_mp(mp)
        self.slashes += 1
        quotient = sp.Rational(left, first) if left.is_Integer and first.is_Integer else \
            sp.Mul(left, sp.Pow(first, -1, evaluate=False), evaluate=False)
        return self.mul_flat(quotient, self.convert_postfix_list(right, 1))


_SLASH_PRODUCT = "a slash before factors side by side (1/2 x) is read (1/2)·x; 1/(2x) is possible"


def _juxtaposed(mp):
    """The factors written side by side that make up ``mp`` (``2 x`` in ``1/2 x``), when it
    is a bare product of two or more of them; None otherwise."""
    if mp.getChildCount() != 1:          # a/b \cdot c, a/b/c: an operator of its own
        return None
    unary = mp.unary() if hasattr(mp, "unary") else mp.unary_nofunc()
    if unary is None or unary.ADD() or unary.SUB():
        return None
    if hasattr(unary, "postfix_nofunc"):
        factors = [unary.postfix()] + list(unary.postfix_nofunc())
    else:
        factors = list(unary.postfix())
    return factors if len(factors) > 1 else None


def parse_latex(text: str, notes: list | None = None):
    """The SymPy reading of one LaTeX expression by latex2sympy2_extended, symbols' case
    kept, and side-by-side factors read as a product.  The parser's own exceptions pass
    through.

    ``notes``, when given, gets a doubt for each reading that guesses: ``1/2 x`` is read
    (1/2)·x, which an author may mean as 1/(2x).

    >>> parse_latex(r"\\frac{a}{b} + 2(3)")
    a/b + 2*3
    >>> notes = []
    >>> parse_latex("1/2 x", notes), parse_latex("a/b", notes), notes
    (x/2, a/b, ['a slash before factors side by side (1/2 x) is read (1/2)·x; 1/(2x) is possible'])
    """
    outcome, value, slashes = _parsed(text)
    if outcome == "error":
        raise value.with_traceback(None)
    if notes is not None:
        notes += [_SLASH_PRODUCT] * bool(slashes)
    return value if isinstance(value, sp.Basic) else copy.deepcopy(value)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str):
    """``("ok", value, slashes)`` or ``("error", exception, 0)`` for one text, kept: the
    reader parses the same piece of LaTeX again and again (each reading of a chain, each
    twin reading), and the grammar's full-LL parse costs tens of milliseconds.  SymPy values
    are immutable; anything else is copied on the way out."""
    converter = _ProductConverter(None, None, False, config=_CONFIG)
    converter.slashes = 0
    try:
        value = converter.parse(normalize_latex(text, NormalizationConfig()))
    except Exception as exc:       # the parser's own errors, raised again for each caller
        return "error", exc, 0
    return "ok", value, converter.slashes


_MIXED_NUMBER = re.compile(r"(?<![\w.^_}])(\d+)\s*\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}")


def mixed_number_doubts(text: str) -> list[str]:
    r"""An integer written just before a fraction of integers may be a mixed number:
    ``2\frac{1}{2}`` is read as the product 1, but an author may mean 5/2.

    >>> mixed_number_doubts(r"H = 1\frac{3}{4}")
    ['1\\frac{3}{4}: a product, or the mixed number 1 + 3/4?']
    >>> mixed_number_doubts(r"2\frac{x}{2}"), mixed_number_doubts(r"x_2\frac{1}{2}")
    ([], [])
    >>> mixed_number_doubts(r"2 \cdot \frac{1}{2}")
    []
    """
    return ["%s: a product, or the mixed number %s + %s/%s?" % ((m.group(0),) + m.groups())
            for m in _MIXED_NUMBER.finditer(text)]


# a/b/c: two slashes in a row, with no bracket between
_SLASH_CHAIN = re.compile(r"[^\s/(){}]+\s*/\s*[^\s/(){}]+\s*/\s*[^\s/(){}]+")


def arithmetic_doubts(text: str) -> list[str]:
    r"""Arithmetic an author may mean otherwise than the parser reads it: a mixed number
    (:func:`mixed_number_doubts`), and ``a/b/c``, read (a/b)/c, where ``1/1/26`` means
    1/(1/26).

    >>> arithmetic_doubts(r"\log_{2}(1/1/26)")
    ['1/1/26: (a/b)/c or a/(b/c)?']
    >>> arithmetic_doubts(r"\frac{1}{2} + 1/4"), arithmetic_doubts("(1/2)/3")
    ([], [])
    """
    return mixed_number_doubts(text) + [f"{m.group(0)}: (a/b)/c or a/(b/c)?"
                                        for m in _SLASH_CHAIN.finditer(text)]
