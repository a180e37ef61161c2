r"""Inline math that states a condition or a definition rather than a claim.

``$x = 0$``, ``$p_c > 0$``, ``$k = i$`` in prose name a case or a value for the math that
follows; ``$\log \hat{y}^2 = 1 - \log \hat{y}$`` between two compound expressions is a claim.
"""
from __future__ import annotations

import sympy as sp

from symbolic.extremum import has_extremum
from symbolic.latex_in.prose_conditions import LONE_NAME

#: the reader's names of sizes, never a free variable of a condition
SIZES = {"K", "n", "N"}


def standalone(source: str, offset: int) -> bool:
    """Is the math at ``offset`` a line of its own, ``$…$`` alone on it?

    >>> standalone("text\\n$a = b$\\nmore", 6), standalone("see $a = b$ here", 5)
    (True, False)
    """
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    line = source[start:end if end >= 0 else len(source)].strip()
    return line.startswith("$") and line.endswith("$")


def is_condition(claim, alone: bool = False) -> bool:
    r"""An inline relation with free variables states a condition or a definition
    (``$x = 0$``, ``$y^2 = 1 - y$``, ``$p_c > 0$``) when one side is a lone, possibly
    indexed or superscripted, symbol or a number; between two compound expressions
    (``$\log \hat{y}^2 = 1 - \log \hat{y}$``) it is a claim.  ``alone``: the math is alone
    on its line, where only a relation between two lone sides (``$k = i$``) is a condition.

    >>> from types import SimpleNamespace as Claim
    >>> x, y = sp.symbols("x y")
    >>> is_condition(Claim(lhs=x, rhs=sp.Integer(0), relation="=", lhs_text="x", rhs_text="0"))
    True
    >>> is_condition(Claim(lhs=sp.log(x), rhs=1 - sp.log(y), relation="=", lhs_text="", rhs_text=""))
    False
    """
    if has_extremum(claim.lhs, claim.rhs):
        return False                   # \max_v F(v) ≥ F(v_0) in prose is a claim
    if claim.relation == "≠" and any(LONE_NAME.fullmatch(t.strip())
                                     for t in (claim.lhs_text, claim.rhs_text)):
        return True                    # "or $y \neq 2^x$ and …": a case, even of a y set before
    free = False
    for side in (claim.lhs, claim.rhs):
        for s in getattr(side, "free_symbols", set()):
            if isinstance(s, sp.Symbol) and s.name not in SIZES and not _is_label(s, side):
                free = True
    lone = [_is_lone(side) for side in (claim.lhs, claim.rhs)]
    # $…$ alone on its line is a display: a condition there is ``$k = i$``, both sides lone
    return free and (all(lone) if alone else any(lone))


def _is_lone(side) -> bool:
    if isinstance(side, sp.Pow) and side.exp.is_Integer:
        side = side.base                       # y^2 as a label: the class-2 value of y
    return isinstance(side, (sp.Symbol, sp.Indexed, sp.Number)) or \
        (isinstance(side, sp.Basic) and not side.free_symbols)


def _is_label(s, expr) -> bool:
    return any(b.label == s for b in expr.atoms(sp.IndexedBase))
