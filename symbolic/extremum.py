"""``\\max_v F(v) ≥ F(v_0)``: a maximum is at least the function at any point of its domain.

The reader reads ``\\max_\\theta U(\\theta, q)`` (and ``\\min``) as :class:`Extremum`, the
function F read with the variable v in place.  The one shape decided is the definition of
max and min: ``\\max_v F ≥ F(v_0)`` (also ``F(v_0) ≤ \\max_v F``) and ``\\min_v F ≤ F(v_0)``,
where the other side is F itself with every v replaced by one decorated v (``\\theta^{(t)}``,
``\\theta_0``, ``\\hat\\theta``, ``w^*``) — a value of the variable, hence in its domain.  That
is proved by the definition; the other direction, a strict inequality, an equality (which
names the maximiser) and any other comparison are ``unknown``: a maximum is never refuted.

>>> from sympy.core.symbol import Str
>>> theta, theta_t = sp.Symbol("theta", real=True), sp.Symbol("theta_t", real=True)
>>> F = -(theta - 1) ** 2
>>> check_extremum(Extremum(F, Str("theta"), Str("max")), F.subs(theta, theta_t), "≥").status
'proved'
>>> check_extremum(Extremum(F, Str("theta"), Str("max")), F.subs(theta, theta_t), "≤").status
'unknown'
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.verdict import Verdict


class Extremum(sp.Function):
    """``Extremum(F, Str(v), Str('max'|'min'))``: the maximum (minimum) of F over v.

    >>> from sympy.core.symbol import Str
    >>> e = Extremum(sp.Symbol("w") ** 2, Str("w"), Str("min"))
    >>> e.variable, e.kind
    ('w', 'min')
    """

    nargs = 3

    @property
    def variable(self) -> str:
        return str(self.args[1])

    @property
    def kind(self) -> str:
        return str(self.args[2])


def has_extremum(*sides) -> bool:
    """Does a side use a max or min over a variable?

    >>> from sympy.core.symbol import Str
    >>> has_extremum(Extremum(sp.Symbol("a"), Str("v"), Str("max")) + 1, sp.Integer(0))
    True
    """
    return any(isinstance(s, sp.Basic) and s.atoms(Extremum) for s in sides)


def _token(variable: str) -> str:
    """The variable as a whole word of a name (``theta`` in ``⟨U(theta,q_t)⟩``, not in
    ``theta_t``)."""
    return r"(?<![A-Za-z])\\?" + re.escape(variable) + r"(?![A-Za-z0-9_'^{}])"


def _decoration(variable: str) -> re.Pattern:
    """A decorated variable: ``theta_t``, ``theta_{t+1}``, ``\\theta^{(t)}``, ``hat{theta}``."""
    v = r"\\?" + re.escape(variable)
    return re.compile(rf"{v}(?:_\{{?[\w+\-]+\}}?|\^\{{?\(?[\w+\-]+\)?\}}?|\^\*|\*|'+|_0)+|"
                      rf"\\?hat\{{?{v}\}}?|\\?hat\s*{v}")


def _values_at(body: sp.Expr, other: sp.Expr, variable: str) -> bool:
    """Is ``other`` ``body`` with every occurrence of ``variable`` replaced by one decorated
    value of it?"""
    atoms = [s for s in body.free_symbols if isinstance(s, sp.Symbol)]
    if body.atoms(sp.IndexedBase) and any(re.search(_token(variable), str(b))
                                           for b in body.atoms(sp.IndexedBase)):
        return False
    moving = [a for a in atoms if re.search(_token(variable), a.name)]
    candidates = [s for s in other.free_symbols if isinstance(s, sp.Symbol)]
    choices: dict = {}
    for a in moving:
        pieces = re.split(_token(variable), a.name)
        pattern = "(?P<v>.+?)".join(re.escape(p) for p in pieces[:2])
        pattern += "".join("(?P=v)" + re.escape(p) for p in pieces[2:])
        found = {}
        for b in candidates:
            m = re.fullmatch(pattern, b.name)
            if m and _decoration(variable).fullmatch(m.group("v")):
                found[m.group("v")] = b
        choices[a] = found
    values = set.intersection(*(set(f) for f in choices.values())) if choices else {None}
    for value in values:
        swap = {a: choices[a][value] for a in moving}
        if body.xreplace(swap) == other:
            return True
    return False


def check_extremum(lhs, rhs, relation: str) -> Verdict:
    """The verdict on a relation with a max or min over a variable (:class:`Extremum`).

    >>> from sympy.core.symbol import Str
    >>> w, w0 = sp.Symbol("w", real=True), sp.Symbol("w_0", real=True)
    >>> low = Extremum(w ** 2, Str("w"), Str("min"))
    >>> check_extremum(low, w0 ** 2, "≤").status, check_extremum(low, w0 ** 2, "=").status
    ('proved', 'unknown')
    """
    for side, other, rel in ((lhs, rhs, relation), (rhs, lhs, {"≤": "≥", "≥": "≤"}.get(relation))):
        if isinstance(side, Extremum) and not other.atoms(Extremum):
            wanted = "≥" if side.kind == "max" else "≤"
            if rel == wanted and _values_at(side.args[0], other, side.variable):
                return Verdict("proved", f"by the definition of {side.kind}: the other side is the "
                               f"function at one value of {side.variable}")
    if relation == "=":
        return Verdict("unknown", "none", reason="a max or min set equal to a value names the "
                       "point where it is reached, which is not checked")
    return Verdict("unknown", "none", reason="of a max or min over a variable only "
                   "max_v F ≥ F(v_0) and min_v F ≤ F(v_0), F at one value v_0, are read")
