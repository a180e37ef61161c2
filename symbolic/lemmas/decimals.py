"""Relations between numbers decided exactly, by interval arithmetic (mpmath ``iv``).

A stated decimal ``−log₂ 0.99 ≈ 0.0144`` claims that the exact value lies
within one unit of the last stated digit: |lhs − rhs| < 10^−d, d the digits of
the side that is a stated decimal alone (decimals among the inputs are exact).  Both sides are evaluated as intervals that are
guaranteed to hold the exact values, at 64 bits and more if needed; the
relation is **proved** when the whole interval of lhs − rhs is inside the
bound, **refuted** when it is wholly outside.  Order relations (≤, <, ≥, >)
between numbers are decided the same way.  Only exact SymPy numbers and
pi, E, +, ×, powers, exp, log and sqrt are evaluated; anything else is
left undecided.

>>> import sympy as sp
>>> from symbolic.quantities import StatedDecimal
>>> decide(-sp.log(sp.Rational(99, 100), 2), StatedDecimal(144, 4), "≈").holds
True
>>> decide(-sp.log(sp.Rational(99, 100), 2), StatedDecimal(146, 4), "≈").holds
False
"""
from __future__ import annotations

from dataclasses import dataclass

import mpmath
import sympy as sp

from symbolic.quantities import expand_quantities

PRECISIONS = (64, 256, 1024, 4096)


class _Undecided(Exception):
    """An expression this evaluator does not bound."""


@dataclass(frozen=True)
class Decision:
    """The relation holds or fails, with both sides' enclosures as text."""

    holds: bool
    method: str
    lhs: float
    rhs: float
    detail: str


def _iv(e: sp.Basic):
    iv = mpmath.iv
    if isinstance(e, sp.Integer):
        return iv.mpf(int(e))
    if isinstance(e, sp.Rational):
        return iv.mpf(int(e.p)) / iv.mpf(int(e.q))
    if isinstance(e, sp.Float):
        return iv.mpf(e._mpf_)
    if e is sp.pi:
        return iv.pi
    if e is sp.E:
        return iv.e
    if isinstance(e, sp.Add):
        total = iv.mpf(0)
        for a in e.args:
            total += _iv(a)
        return total
    if isinstance(e, sp.Mul):
        total = iv.mpf(1)
        for a in e.args:
            total *= _iv(a)
        return total
    if isinstance(e, sp.Pow):
        base = _iv(e.base)
        if e.exp.is_Integer:
            n = int(e.exp)
            if n < 0 and base.a <= 0 <= base.b:
                raise _Undecided("a power of an interval holding 0")
            return base ** n
        if base.a <= 0:
            raise _Undecided("a real power of an interval not above 0")
        return iv.exp(_iv(e.exp) * iv.log(base))
    if isinstance(e, sp.exp):
        return iv.exp(_iv(e.args[0]))
    if isinstance(e, sp.log):
        arg = _iv(e.args[0])
        if arg.a <= 0:
            raise _Undecided("the log of an interval not above 0")
        return iv.log(arg)
    raise _Undecided(f"cannot bound {type(e).__name__}")


def _bound(diff, relation: str, tol):
    """True / False when the interval ``diff`` of lhs − rhs settles it, else None."""
    lo, hi = diff.a, diff.b
    if relation == "≈":
        if hi < tol and lo > -tol:
            return True
        if lo >= tol or hi <= -tol:
            return False
        return None
    if relation in ("≥", ">"):
        lo, hi = -hi, -lo
    if hi < 0 or (relation in ("≤", "≥") and hi <= 0):
        return True
    if lo > 0 or (relation in ("<", ">") and lo >= 0):
        return False
    return None


def decide(lhs, rhs, relation: str) -> Decision | None:
    """Whether ``lhs relation rhs`` holds, for two numbers; None if not settled."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    if not (isinstance(lhs, sp.Expr) and isinstance(rhs, sp.Expr)) or lhs.free_symbols \
            or rhs.free_symbols or relation not in ("≈", "≤", "<", "≥", ">"):
        return None
    # the rounded result is a side that is a stated decimal alone; decimals among the
    # inputs are exact (−log 0.5 ≈ 0.639 is not within 0.1 of the truth)
    from symbolic.confirm import result_tolerance
    band = result_tolerance(lhs, rhs)
    if relation == "≈" and not band:
        return None
    tol = sp.Rational(repr(float(band))) if band else sp.S.Zero   # the decimal as written
    a, b = expand_quantities(lhs), expand_quantities(rhs)
    rule = f"|lhs - rhs| < {float(tol):g}" if relation == "≈" else f"lhs {relation} rhs"
    saved = mpmath.iv.prec
    try:
        for bits in PRECISIONS:
            mpmath.iv.prec = bits
            A, B = _iv(a), _iv(b)
            verdict = _bound(A - B, relation, mpmath.iv.mpf(int(tol.p)) / int(tol.q))
            if verdict is not None:
                detail = f"lhs in {mpmath.nstr(A, 15)}, rhs in {mpmath.nstr(B, 15)}"
                return Decision(verdict, f"interval arithmetic at {bits} bits: {rule}",
                                float(A.mid), float(B.mid), detail)
    except (_Undecided, ZeroDivisionError, OverflowError, ValueError):
        return None
    finally:
        mpmath.iv.prec = saved
    return None
