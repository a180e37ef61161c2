"""The indices a derivative meets: ∂/∂z_k of Σ_k e^{z_k} (a bound k is another letter),
∂/∂x_k of an expression in x_i (is k = i?), ∂x_i/∂x_j (entries of one vector)."""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.reader_patterns import _plain


def bound_apart_from(expr, variables):
    """``expr`` with each sum or product index that ``var`` also uses renamed: in
    ∂/∂z_k Σ_k e^{z_k} the sum's k is another letter (it is bound), so the derivative
    is e^{z_k}, not the derivative of every term.

    >>> k = sp.Symbol("k", integer=True, positive=True)
    >>> z = sp.IndexedBase("z")
    >>> e = bound_apart_from(sp.Sum(z[k], (k, 1, 3)), [z[k]])
    >>> e.variables[0] == k, e.function.has(k)
    (False, False)
    """
    clash = {i for v in variables if isinstance(v, sp.Indexed) for i in v.indices
             if isinstance(i, sp.Symbol)}
    if not clash:
        return expr

    def apart(e):
        shared = set(e.variables) & clash
        return e.xreplace({v: sp.Dummy(v.name, **v.assumptions0) for v in shared})
    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)) and
                        set(e.variables) & clash, apart)


def open_indices(base: str, sub: str) -> str:
    """The doubt of a derivative in ``base_sub`` of an expression in another entry of base
    (:func:`symbolic.latex_in.conditions.equal_case` reads it back)."""
    return (f"the derivative in {base}_{sub} of an expression in another {base}_·: the result "
            "depends on whether the indices are equal (a case the text may state in words)")


def other_entry(expr, base: str, sub: str) -> bool:
    """Does ``expr`` use an entry of the family ``base`` at a free index other than ``sub``?

    >>> x, i = sp.IndexedBase("x"), sp.Symbol("i", integer=True)
    >>> other_entry(sp.exp(x[i]), "x", "k"), other_entry(sp.exp(x[i]), "x", "i")
    (True, False)
    """
    bound = {v for e in expr.atoms(sp.Sum, sp.Product) for v in e.variables}
    return any(_plain(str(e.base.label)) == base and e.indices[0].is_Symbol and
               e.indices[0].name != sub and e.indices[0] not in bound
               for e in expr.atoms(sp.Indexed))


def same_vector(name: str, var: str) -> bool:
    """Are ``x_i`` and ``x_j`` (or ``x_1``) entries of one vector named by a letter?

    >>> same_vector("x_i", "x_j"), same_vector("x_i", "z_j"), same_vector("x", "x_j")
    (True, False, False)
    """
    a, b = _MEMBER_NAME.fullmatch(name), _MEMBER_NAME.fullmatch(var)
    return bool(a and b) and a.group(1) == b.group(1)


_MEMBER_NAME = re.compile(r"([A-Za-z])_([a-z0-9])")


def other_entry_doubt(base: str, sub: str) -> str:
    """The doubt of ∂/∂x_k of an expression in another entry x_i (a family's entries)."""
    return (f"whether {sub} equals the index of the other entry of {base} that ∂/∂{base}_{sub} "
            "meets may be a case the text states in words")


def is_other_entry_doubt(doubt: str) -> bool:
    """Is ``doubt`` one of :func:`other_entry_doubt`?

    >>> is_other_entry_doubt(other_entry_doubt("z", "j")), is_other_entry_doubt("whether x")
    (True, False)
    """
    return doubt.startswith("whether ") and " the other entry of " in doubt


def settled_indices(doubts: list, *sides) -> list:
    """``doubts`` without those of :func:`other_entry_doubt` when a side writes a Kronecker
    delta (``δ_{ij}``): the relation itself says what holds when the indices are equal.

    >>> i, j = sp.symbols("i j", integer=True)
    >>> settled_indices([other_entry_doubt("z", "j"), "other"], sp.KroneckerDelta(i, j))
    ['other']
    """
    if any(isinstance(side, sp.Basic) and side.has(sp.KroneckerDelta) for side in sides):
        return [d for d in doubts if not is_other_entry_doubt(d)]
    return doubts

