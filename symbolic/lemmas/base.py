"""A lemma as data: statement, side conditions, a matcher, and the proof of an instance.

A matcher only *proposes* instances.  An instance of an inequality lemma is
accepted only when every side condition is proved for it and the step's gap
(large side − small side, both expanded) is shown identical to the lemma's
gap, which the lemma guarantees ≥ 0.  So a matcher that proposes too much can
cost time but never soundness.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> same_value(sp.log(x**2), 2 * sp.log(x))
True
>>> Proof("lemma: jensen", ("jensen",)).as_dict()["uses"]
['jensen']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import sympy as sp

from symbolic.lemmas.zeros import continuous_at_zero, positive_version, zero_bases
from symbolic.quantities import expand_quantities
from symbolic.sums import Unsure, normal_form


@dataclass(frozen=True)
class Proof:
    """How a relation was proved: the method, what it used, the side conditions proved."""

    method: str
    uses: tuple = ()
    side_conditions: tuple = ()
    instance: str = ""

    def as_dict(self) -> dict:
        return {"method": self.method, "uses": list(self.uses),
                "side_conditions": list(self.side_conditions), "instance": self.instance}


@dataclass(frozen=True)
class Condition:
    """A side condition of an instance: its text, and whether it was proved."""

    text: str
    holds: bool


@dataclass(frozen=True)
class Instance:
    """What a matcher proposes: the lemma's gap (≥ 0) for these bindings, and the
    conditions the bindings must meet; or sub-goals (lhs, relation, rhs) to prove."""

    bindings: str
    conditions: tuple
    gap: sp.Basic | None = None
    subgoals: tuple = ()


@dataclass(frozen=True)
class Lemma:
    """A named fact: ``statement`` holds under ``side_conditions``.

    ``matcher(small, large, context)`` yields :class:`Instance` s for a step
    ``small ≤ large`` (both sides expanded); ``kind`` is ``"≤"`` for inequality
    lemmas, ``"⇔"`` for equivalence rules.
    """

    name: str
    title: str
    statement: str
    side_conditions: tuple
    matcher: Callable = field(compare=False, repr=False)
    kind: str = "≤"

    def proof(self, instance: Instance, used=()) -> Proof:
        return Proof(f"lemma: {self.name}", (self.name, *used),
                     tuple(c.text for c in instance.conditions), instance.bindings)


def expanded(expr: sp.Basic) -> sp.Basic:
    """Quantities replaced by their definitions, then ``doit()``."""
    return expand_quantities(sp.sympify(expr)).doit()


def _zero_difference(d: sp.Basic) -> bool:
    if d == 0:
        return True
    if d.has(sp.Sum, sp.Product):
        try:
            if normal_form(d, pmfs_sum_to_one=True) == 0:
                return True
        except (Unsure, RecursionError):
            pass
    try:
        return sp.simplify(sp.expand_log(d)) == 0
    except (ArithmeticError, LookupError, TypeError, ValueError, StopIteration):
        return False   # SymPy gave up with an error: not shown equal


def equal_how(a: sp.Basic, b: sp.Basic, expand: bool = True) -> str | None:
    """How ``a`` and ``b`` were shown identically equal, or None.

    ``expand=False`` when both are already expanded (``doit`` would drop the
    assumptions of a reparametrised family).  ``""`` for sum normal form or ``simplify``; a sentence when a pmf that may
    have zeros was first made positive, both sides being continuous at its
    zero entries (0·log 0 = 0, see :mod:`symbolic.lemmas.zeros`).

    >>> from symbolic.objects import index, pmf
    >>> p, k = pmf("p", 3, zeros=True), index("k")
    >>> equal_how(sp.Sum(p[k] * sp.log(1 / p[k]), (k, 1, 3)), -sp.Sum(p[k] * sp.log(p[k]), (k, 1, 3)))
    'p may have zero entries: shown for positive entries, extended by continuity (0 log 0 = 0)'
    """
    if expand:
        a, b = expanded(a), expanded(b)
    if _zero_difference(a - b):
        return ""
    bases = zero_bases(a - b)
    if bases and continuous_at_zero(a, bases) and continuous_at_zero(b, bases) and \
            _zero_difference(positive_version(a, bases) - positive_version(b, bases)):
        names = ", ".join(sorted(str(b) for b in bases))
        return (f"{names} may have zero entries: shown for positive entries, extended by "
                "continuity (0 log 0 = 0)")
    return None


def same_value(a: sp.Basic, b: sp.Basic) -> bool:
    """Are ``a`` and ``b`` identically equal (see :func:`equal_how`)?"""
    return equal_how(a, b) is not None
