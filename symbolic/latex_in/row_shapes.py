"""The shapes of two rows of a display, for telling steps of solving from rows of a system.

A row that is not equivalent to the row before is a wrong step of solving only when it was
derived from it.  Two linear equations with numbers for coefficients, or two rows that share
no compound part, are as likely the rows of a system (or separate examples).
"""
from __future__ import annotations

import sympy as sp


def shared_parts(first, second) -> set:
    """The compound parts (not a lone name or number, nor its negative) that two relations
    both write: a row derived from the one before keeps some (``e^z`` of ``e^z(1-P) = P``
    in ``e^z = P(1 - e^z)``); the rows of a system need not.

    >>> z, P = sp.symbols("z P")
    >>> shared_parts(sp.Eq(sp.exp(z) * (1 - P), P), sp.Eq(sp.exp(z), P * (1 - sp.exp(z))))
    {exp(z)}
    >>> M, u, v, s = sp.symbols("M u v sigma")
    >>> shared_parts(sp.Eq(M * v, s * u), sp.Eq(M ** 2 * u, s * v))
    set()
    """
    def parts(rel):
        return {a for side in rel.args for a in sp.preorder_traversal(side)
                if not a.is_Atom and a.free_symbols and
                not (a.is_Mul and len(a.args) == 2 and a.args[0] == -1 and a.args[1].is_Atom)}
    return parts(first) & parts(second)


def linear(equation) -> bool:
    """Is ``equation`` linear in its unknowns with numbers for coefficients (``5x_1 + 2x_2 =
    10``, ``\\frac{\\delta w}{w} = \\frac{1}{10}`` as δ = 1/10)?

    >>> x, y = sp.symbols("x y")
    >>> linear(sp.Eq(5 * x + 2 * y, 10)), linear(sp.Eq(x * sp.exp(y), y)), linear(sp.Eq(x * y / y, 1))
    (True, False, True)
    """
    if not isinstance(equation, sp.Eq):
        return False
    raw = equation.lhs - equation.rhs
    if sp.count_ops(raw) > 60 or any(p.exp.is_Number and abs(p.exp) > 3 for p in raw.atoms(sp.Pow)):
        return False                    # no expansion of a large expression (it is bounded)
    try:
        difference = sp.cancel(sp.expand(raw))
        unknowns = sorted(difference.free_symbols, key=str)
        if not unknowns or not all(isinstance(u, sp.Symbol) for u in unknowns):
            return False
        poly = sp.Poly(difference, *unknowns)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return False
    return poly.total_degree() <= 1 and all(c.is_number for c in poly.coeffs())
