r"""An inequality in scalar variables that holds for some of their values and fails for others.

``\frac{x + \beta}{x^2} \le \frac{1 + \beta}{x^2}`` holds for x in (0, 1] and fails beyond: a
text writes such a step for the domain it works on (x ∈ (0, 1], β ≤ -1), which it states in
words or not at all.  A failure of an inequality whose variables are plain numbers (no pmf, no
measure of distributions: those are claimed of every distribution) is therefore refuted only
when the inequality fails wherever it is checked; when its negation fails too (the inequality
holds at some values), it is ``unknown``, with both values named.  ``log x \ge x - 1`` is still
refuted: it holds only at x = 1, where the negation's check finds no failure.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in.distribution_twin import distribution_reading
from symbolic.objects import object_bases
from symbolic.quantities import Quantity
from symbolic.verdict import Verdict

# the negation of each inequality
_NEGATION = {"≤": ">", "≥": "<", "<": "≥", ">": "≤"}


def _scalars_only(*sides) -> bool:
    """Are ``sides`` expressions in plain scalar symbols, with no pmf and no measure?

    >>> x, b = sp.symbols("x beta")
    >>> _scalars_only((x + b) / x**2, (1 + b) / x**2), _scalars_only(sp.Integer(1), sp.Integer(2))
    (True, False)
    """
    symbols = set().union(*(s.free_symbols for s in sides))
    return bool(symbols) and all(isinstance(s, sp.Symbol) for s in symbols) and \
        not any(object_bases(s) or s.atoms(Quantity, sp.Indexed) for s in sides)


def at_some_values(claim, verdict: Verdict, decide) -> Verdict:
    """``verdict`` on the inequality ``claim``, or ``unknown`` when it fails at some values of
    its scalar variables and holds at others (its negation fails too); ``decide(twin)``
    decides a claim."""
    if verdict.status != "refuted" or claim.relation not in _NEGATION or claim.lhs is None or \
            not isinstance(claim.lhs, sp.Expr) or not isinstance(claim.rhs, sp.Expr) or \
            not _scalars_only(claim.lhs, claim.rhs):
        return verdict
    negation = decide(replace(claim, relation=_NEGATION[claim.relation]))
    if negation.status != "refuted":
        return verdict
    fails, holds = (v.counterexample.scalars() if v.counterexample else "" for v in (verdict, negation))
    return Verdict("unknown", "none", verdict.samples, seconds=verdict.seconds, reason=(
        f"fails at some values ({fails}) and holds at others ({holds}): the text may state the "
        "inequality for a domain of its variables that it gives in words"))


def _positive_twin(claim):
    """``claim`` with its families of reals and its real names taken positive, or None when
    it has none (a pmf's entries are positive already)."""
    put = {}
    for side in (claim.lhs, claim.rhs):
        for base in side.atoms(sp.IndexedBase):
            if isinstance(base, (ob.RealVector, ob.Logits)):   # entries of any sign
                put[base] = ob.positive_reals(str(base.label), base.shape[0] if base.shape else 2)
        for s in side.free_symbols:
            if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy) and s.is_real and \
                    not s.is_positive and not s.is_integer:
                put[s] = sp.Symbol(s.name, positive=True)
    if not put:
        return None
    return replace(claim, lhs=claim.lhs.xreplace(put), rhs=claim.rhs.xreplace(put))


def for_positive_values(claim, verdict: Verdict, decide) -> Verdict:
    r"""``verdict`` on the inequality ``claim``, or ``unknown`` when it fails only with some of
    its families or names negative: the log sum inequality, Jensen's with weights ``b_i / B``
    or a bound on rates hold for the positive values the text works with, which it states in
    words.  ``decide(twin)`` decides the positive twin.

    >>> import sympy as sp
    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> a, b = sp.symbols("a b", real=True)
    >>> claim = Claim("≥", "", "", 0, lhs=a + b, rhs=2 * sp.sqrt(a * b))
    >>> for_positive_values(claim, decide(claim), decide).status
    'unknown'
    """
    if verdict.status != "refuted" or claim.relation not in _NEGATION or \
            not isinstance(claim.lhs, sp.Expr) or not isinstance(claim.rhs, sp.Expr):
        return verdict
    twin = _positive_twin(claim)
    judged = decide(twin) if twin is not None else None
    if judged is None or not judged.holds and judged.status != "refuted":
        return verdict
    weights = ""
    if not judged.holds:     # Jensen's: positive values, and weights that sum to 1
        label = distribution_reading(twin, decide)
        if label is None:
            return verdict
        weights = f" and {label} is a distribution (its entries sum to 1)"
    return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds, reason=(
        f"fails with some values negative, holds when they are positive{weights}: the text "
        "may work with positive values (weights, counts, rates), which it states in words"))
