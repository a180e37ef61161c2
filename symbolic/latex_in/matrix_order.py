r"""Bold capitals are matrices: a proof with commuting numbers does not cover them.

The reader drops bold markup (``\mathbf{W}`` becomes the name ``W``), so it reads
``\mathbf{W}\mathbf{x} = \mathbf{x}\mathbf{W}`` with two numbers, and the engine proves it.
A bold capital is a matrix by a convention every ML text follows, and a product of
matrices (or of a matrix and a vector) does not commute.  An identity of matrices that
holds is still an identity of numbers (a number is a 1×1 matrix), so a *refutation* read
with numbers stands; a relation that *holds* for numbers is ``unknown`` (with the reason)
when the order of its matrices could matter:

* a product of two bold names, one of them a capital (``\mathbf{W}\mathbf{x}``,
  ``\mathbf{A}^{-1}\mathbf{B}``): the reader's SymPy products commute, so the order the
  author wrote is lost before the engine sees it;
* a transpose beside a bold capital, or an inequality, where a bold capital stands as a
  quantity of its own (a random variable ``q(\mathbf{Z})`` inside an argument does not).

A scalar times a matrix (``2\mathbf{W}``, ``\alpha\mathbf{W}``) and a power of one
matrix (``\mathbf{W}^2``) commute, and keep their verdict.

>>> import sympy as sp
>>> from types import SimpleNamespace
>>> from symbolic.verdict import Verdict
>>> W, x = sp.symbols("W x")
>>> claim = SimpleNamespace(relation="=", lhs=W * x, rhs=x * W,
...                         lhs_text=r"\mathbf{W}\mathbf{x}", rhs_text=r"\mathbf{x}\mathbf{W}")
>>> verdict = in_matrix_order(claim, Verdict("proved", "symbolic: identical"))
>>> verdict.status, verdict.reason[:42]
('unknown', 'holds for numbers, but \\mathbf{W} is bold:')
>>> a = sp.Symbol("alpha")
>>> claim = SimpleNamespace(relation="=", lhs=a * (W + W), rhs=2 * a * W,
...     lhs_text=r"\alpha(\mathbf{W} + \mathbf{W})", rhs_text=r"2\alpha\mathbf{W}")
>>> in_matrix_order(claim, Verdict("proved", "symbolic: expand")).status
'proved'
>>> sorted(bold_names(r"\boldsymbol{\Sigma}^{-1} {\bf x} + \bm{W}_1"))
['Sigma', 'W', 'x']
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.verdict import Verdict

_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathbfit|pmb|bf)\s*\{\s*\\?([A-Za-z]+)\s*\}"
                   r"|\\bf\s+\\?([A-Za-z]+)")
_TRANSPOSE = re.compile(r"\^\s*(?:\{\s*)?(?:T(?![A-Za-z])|\\top\b|\\intercal\b|\\mathsf\{T\}|"
                        r"\\mathrm\{T\}|\\rm\s*T)")


def bold_names(text: str) -> set:
    """The names written in bold in ``text`` (Greek without its backslash)."""
    return {a or b for a, b in _BOLD.findall(text)}


def _matrix_names(names: set) -> set:
    return {n for n in names if n[:1].isupper()}


def _bold_base(symbol, names: set):
    """The bold name a symbol was read from (``W`` of ``W_1``), or None."""
    m = re.match(r"[A-Za-z]+", getattr(symbol, "name", ""))
    return m.group(0) if m and m.group(0) in names else None


def _loose_matrix(expr, names: set) -> bool:
    """Does a bold capital stand in ``expr`` as a quantity of its own (a term, a factor),
    not inside an argument (``q(\\mathbf{Z})``) or a sum's bounds?"""
    if isinstance(expr, sp.Symbol):
        base = _bold_base(expr, names)
        return bool(base) and base[:1].isupper()
    if isinstance(expr, (sp.Function, sp.Indexed)):
        return False
    args = (expr.function,) if isinstance(expr, (sp.Sum, sp.Product)) else expr.args
    return any(_loose_matrix(a, names) for a in args if isinstance(a, sp.Basic))


def _products(expr) -> list:
    """The factors of each product in ``expr``, a power counted by its base."""
    return [[f.base if isinstance(f, sp.Pow) else f for f in product.args]
            for product in (expr.atoms(sp.Mul) if isinstance(expr, sp.Basic) else ())]


def _ordered_product(expr, names: set) -> bool:
    """Does ``expr`` multiply two bold names, one of them a matrix (a capital)?  Only the
    factors themselves count: a bold capital inside an argument (``q(\\mathbf{Z})``, a
    random variable) or an operator (``\\mathbf{E}_{q}[…]``) is not a matrix product."""
    for factors in _products(expr):
        bases = {_bold_base(f, names) for f in factors if isinstance(f, sp.Symbol)} - {None}
        if len(bases) >= 2 and _matrix_names(bases):
            return True
    return False


def identity_matrix(expr) -> bool:
    r"""Does the name I stand in ``expr`` as a factor beside another (``\sigma^2 I``, ``aI``,
    ``\frac{1}{a}I``)?  Then it is the identity matrix, not a number.

    >>> a, I = sp.symbols("a I", real=True)
    >>> identity_matrix(I / a), identity_matrix(I + 1), identity_matrix(2 * I)
    (True, False, False)
    """
    for factors in _products(expr):
        if any(getattr(f, "name", "") == "I" for f in factors) and \
                any(not f.is_number and getattr(f, "name", "") != "I" for f in factors):
            return True
    return False


def in_matrix_order(claim, verdict: Verdict) -> Verdict:
    """``verdict`` on ``claim``, or ``unknown`` when it holds only if its bold capitals (its
    matrices) commute, or fails with the identity matrix I read as a number; another
    verdict that does not hold is returned as it is."""
    if verdict.status == "refuted" and any(identity_matrix(side) for side in (claim.lhs, claim.rhs)):
        return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds, reason=(
            "I beside another factor (aI, σ²I) is the identity matrix: matrix algebra is not "
            "read, and a failure with I a number says nothing"))
    if verdict.status not in ("proved", "checked"):
        return verdict
    text = f"{claim.lhs_text} {claim.rhs_text}"
    names = bold_names(text)
    matrices = sorted(_matrix_names(names))
    if not matrices:
        return verdict
    first = next(m.group(0) for m in _BOLD.finditer(text) if (m.group(1) or m.group(2)) in matrices)
    reason = (f"holds for numbers, but {first} is bold: a matrix, and whether the relation "
              "holds for matrices, whose products do not commute, is not decided")
    unknown = Verdict("unknown", "not read", reason=reason)
    if not all(isinstance(side, sp.Expr) for side in (claim.lhs, claim.rhs)):
        return unknown
    loose = any(_loose_matrix(side, names) for side in (claim.lhs, claim.rhs))
    if loose and (claim.relation != "=" or _TRANSPOSE.search(text)):
        return unknown
    return unknown if any(_ordered_product(side, names) for side in (claim.lhs, claim.rhs)) \
        else verdict
