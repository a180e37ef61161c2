"""A loss defined with its sign missing: ``\\text{loss} = \\sum_j y_j \\log a_j``.

A cross-entropy loss is ``-\\sum_j y_j \\log a_j``: minimised, never negative.  A post that
defines a loss (``loss``, ``cost``, ``CE``, ``BCE``, Nielsen's ``C(y, a)``) as a sum of
``label × log(probability)`` terms without the minus sign has written the log-likelihood, which
is negative for every label and probability: the minimum it asks for is at −∞.  Such a
definition is refuted when the engine proves its right side negative with every scalar in
(0, 1) and every family's entries in (0, 1) (labels, probabilities), and only when the right
side takes a log.  A loss that may be positive somewhere (a Gaussian negative log-likelihood,
a squared error) is never refuted; ``L``, ``\\ell``, ``J`` and ``\\mathcal{L}`` are left alone,
since posts use them for the (log-)likelihood too.
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.context import Context
from symbolic.latex_in.check import Limits, decide_sides
from symbolic.objects import probabilities
from symbolic.verdict import Counterexample, Verdict

_WRAP = r"(?:\\(?:text|mathrm|operatorname|textrm|mathit|rm)\s*\{\s*)?"
# loss, \text{Loss}, cost, CE, BCE, L_{CE}, \mathcal{L}_{BCE}, C(y, a): a loss by its name
_LOSS_NAME = re.compile(
    r"\s*(?:" + _WRAP + r"(?:[Ll]oss|LOSS|[Cc]ost|B?CE)\s*\}?|"
    r"(?:L|\\ell|\\mathcal\s*\{\s*L\s*\})\s*_\s*\{?\s*" + _WRAP + r"B?CE\s*\}?\s*\}?|C)"
    r"\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*")


def names_a_loss(lhs: str) -> bool:
    r"""Does the left side ``lhs`` name a loss (see the module)?

    >>> [names_a_loss(t) for t in ("loss", r"\text{Loss}", "C(y, a)", r"L_{CE}", "BCE(y, p)")]
    [True, True, True, True, True]
    >>> [names_a_loss(t) for t in ("L", r"\ell(\theta)", r"J(\theta)", r"\mathcal{L}", "p")]
    [False, False, False, False, False]
    """
    return bool(_LOSS_NAME.fullmatch(lhs))


def _in_unit_interval(expr: sp.Expr):
    """``expr`` with each family a family of probabilities, and the context that puts every
    scalar in (0, 1)."""
    families = {b: probabilities(str(b.label), b.shape[0]) for b in expr.atoms(sp.IndexedBase)
                if b.shape is not None and len(b.shape) == 1}
    expr = expr.xreplace(families)
    bounds = {v for s in expr.atoms(sp.Sum, sp.Product) for _, *ends in s.limits
              for e in ends for v in sp.sympify(e).free_symbols}
    bounds |= {v for b in families.values() for v in sp.sympify(b.shape[0]).free_symbols}
    scalars = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and not s.is_integer
               and s not in bounds}
    return expr, Context(domains={s: sp.Interval.open(0, 1) for s in scalars}), scalars, bounds


def negative_loss(lhs_text: str, rhs_text: str, rhs, limits: Limits, key: str):
    """``(verdict, suggestions)`` for the definition ``lhs_text = rhs_text`` of a loss whose
    right side ``rhs`` (as read) is negative everywhere, or None.

    >>> y, a = sp.symbols("y a", real=True)
    >>> found = negative_loss("C(y, a)", "…", y * sp.log(a) + (1 - y) * sp.log(1 - a),
    ...                       Limits(), "doctest")
    >>> found[0].status, found[1][0]["change"]
    ('refuted', 'flip the sign of the right side')
    >>> negative_loss("C(y, a)", "…", -y * sp.log(a), Limits(), "doctest") is None
    True
    """
    if rhs is None or not names_a_loss(lhs_text) or not rhs.has(sp.log) or \
            rhs.has(sp.Derivative, sp.Integral) or \
            any(str(s).startswith("⟨") for s in rhs.free_symbols):
        return None
    expr, context, scalars, bounds = _in_unit_interval(rhs)
    verdict = decide_sides(expr, sp.Integer(0), "<", context, limits, key + ":negative loss")
    if not verdict.holds:
        return None
    point = {s: sp.Rational(1, 2) for s in scalars} | {b: 2 for b in bounds}
    at = expr.xreplace(point).doit()
    at = at.xreplace({e: sp.Rational(1, 2) for e in at.atoms(sp.Indexed)})
    values = {str(s): 0.5 for s in scalars} | {str(b): 2 for b in bounds}
    if at.atoms(sp.Indexed) or not at.is_number:
        return None
    counterexample = Counterexample(values, float(at), 0.0, note="entries of every family 0.5")
    refuted = Verdict("refuted", "a loss is never negative, and this one is negative for "
                      "every label and probability in (0, 1): its sign is missing; "
                      + verdict.method, verdict.samples, counterexample, seconds=verdict.seconds)
    flipped = [{"relation": f"{lhs_text.strip()} = -\\left({rhs_text.strip()}\\right)",
                "verdict": verdict.status, "change": "flip the sign of the right side"}]
    return refuted, flipped
