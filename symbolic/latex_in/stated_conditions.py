r"""Conditions a document states on its unknowns, and the refutations they hold back.

A display such as ``\sum_{i=1}^n 2^{-b_i} \le 1`` (Kraft's inequality for code lengths b_i)
is no identity: one side is a number, the other depends on names the text does not fix, and
the check leaves it ``unknown`` as a statement about particular values.  It constrains those
names for the rest of the document: a later ``\sum_i p_i b_i + \log \sum_i 2^{-b_i} \le \sum_i
p_i b_i`` holds exactly because of it.  The check draws such names freely, so a later failure that involves them may be one
the condition excludes: that refutation is held back, ``unknown``, with the condition named.
Sizes and indices (integers) are not constrained names (``K`` is in every sum), nor are
distributions, which the check draws normalised.  Only an inequality states a condition here:
an equation between a number and free names (``\frac{k}{\theta} - \frac{n-k}{1-\theta} = 0``)
is one to solve, and its solution is checked by putting it in.  An equation between names
that the text states (``\sqrt{\alpha_t} / \sqrt{\alpha_{t-1}} = \sqrt{1 - \beta_t}``, by
the definition of α_t) relates them: a later failure in all those names is held back too.

>>> import sympy as sp
>>> from types import SimpleNamespace
>>> from symbolic.verdict import Counterexample, Verdict
>>> b, p = sp.IndexedBase("b"), sp.IndexedBase("p")
>>> i, n = sp.Symbol("i", integer=True), sp.Symbol("n", integer=True, positive=True)
>>> log = StatedConditions()
>>> kraft = SimpleNamespace(lhs=sp.Sum(2 ** -b[i], (i, 1, n)), rhs=sp.Integer(1), lhs_text=r"\sum 2^{-b_i}",
...                         relation="≤", rhs_text="1")
>>> log.applied(kraft, Verdict("unknown", "none", reason=PARTICULAR + "x"), 348).status
'unknown'
>>> later = SimpleNamespace(lhs=sp.Sum(p[i] * b[i], (i, 1, n)), rhs=sp.Integer(0), lhs_text="", rhs_text="",
...                         relation="≤")
>>> failed = Verdict("refuted", "numeric", counterexample=Counterexample({}, 1.0, 0.0))
>>> log.applied(later, failed, 401).reason
'fails, but the text states a condition on b on line 348 (\\sum 2^{-b_i} ≤ 1), which the check does not apply'
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.confidence import EQUATION_IN_IT, PARTICULAR, RELATES_NOTATION
from symbolic.objects import BinaryLabels, JointPmf, OneHot, Pmf, Probabilities
from symbolic.verdict import INEQUALITIES, Verdict

_DRAWN = (Pmf, JointPmf, Probabilities, OneHot, BinaryLabels)

# the reasons it gives an equation between names (some on one side only)
EQUATION = (RELATES_NOTATION, EQUATION_IN_IT)


def _names(claim, entries: bool = False) -> set:
    """The names of a claim's unknowns that are not sizes or indices, nor distributions (the
    check draws those normalised already: ``\\sum_x Q(x) = 1`` adds nothing); with ``entries``,
    the entries of one index too (η_K, for a failure in the entry an equation gave a value)."""
    out = set()
    for side in (claim.lhs, claim.rhs):
        if isinstance(side, sp.Basic):
            drawn = {b.label for b in side.atoms(sp.IndexedBase) if isinstance(b, _DRAWN)}
            out |= {s.name for s in side.free_symbols
                    if isinstance(s, sp.Symbol) and not s.is_integer and s not in drawn}
            if entries:     # η_K as the entry eta[K]: the name an equation η_K = 0 gives a value
                out |= {f"{a.base.label}_{a.indices[0]}" for a in side.atoms(sp.Indexed)
                        if len(a.indices) == 1 and a.base.label not in drawn}
    return out


def _joint_set_to_zero(claim) -> bool:
    """Whether ``claim`` sets a measure of the joint pmf to 0: ``H(Y|X) = 0`` (Y a function of
    X), ``I(X;Y) = 0`` (X and Y independent), a structure the draws of the joint do not keep."""
    return claim.relation == "=" and any(s == 0 for s in (claim.lhs, claim.rhs)) and \
        _uses_joint(claim)


def _uses_joint(claim) -> bool:
    """Whether a side of ``claim`` holds the joint pmf (a measure of X and Y)."""
    return any(isinstance(s, sp.Basic) and any(isinstance(b, JointPmf) for b in
                                                 s.atoms(sp.IndexedBase))
               for s in (claim.lhs, claim.rhs))


def _lone_names(claim) -> frozenset:
    """The name that a side of ``claim`` is, alone, when the other side does not use it (the
    π̂ of ``\\hat\\pi = \\frac{m_1}{m_0 + m_1}``).

    >>> from types import SimpleNamespace
    >>> pi, m = sp.Symbol("hat{pi}"), sp.Symbol("m")
    >>> sorted(_lone_names(SimpleNamespace(lhs=pi, rhs=m / (m + 1)))), _lone_names(SimpleNamespace(lhs=pi, rhs=pi * m))
    (['hat{pi}'], frozenset())
    """
    out = set()
    for side, other in ((claim.lhs, claim.rhs), (claim.rhs, claim.lhs)):
        if isinstance(side, sp.Symbol) and not side.is_integer and \
                side not in getattr(other, "free_symbols", ()):
            out.add(side.name)
    return frozenset(out)


class StatedConditions:
    """The conditions of one document so far: name → (line, the condition as written)."""

    def __init__(self):
        self.conditions: dict = {}
        self.equations: list = []      # (names, lone names, line, the equation as written)
        self.joint_zero: tuple = ()    # (line, H(Y|X) = 0 as written): the joint's structure

    def applied(self, claim, verdict: Verdict, line: int) -> Verdict:
        """``verdict`` on ``claim`` (on ``line``), after noting a condition it states or
        holding back a refutation that a condition stated before may exclude."""
        if verdict.status == "unknown" and _joint_set_to_zero(claim):
            self.joint_zero = (line, f"{claim.lhs_text.strip()} = {claim.rhs_text.strip()}")
            return verdict
        if verdict.status == "refuted" and self.joint_zero and _uses_joint(claim):
            at, said = self.joint_zero      # H(Y|X) = 0, then I(X;Y) = H(Y): Y a function of X
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds, reason=(
                f"fails, but the text states {said} on line {at}, a structure of the joint "
                "distribution the check does not draw"))
        if verdict.status == "unknown" and PARTICULAR in (verdict.reason or "") and \
                claim.relation in INEQUALITIES:       # an equation in them may be one to solve
            said = f"{claim.lhs_text.strip()} {claim.relation} {claim.rhs_text.strip()}"
            for name in _names(claim):
                self.conditions.setdefault(name, (line, said))
            return verdict
        solved = claim.rhs if claim.relation in ("⇒", "⇔") else None
        if isinstance(solved, sp.Eq) and _lone_names(solved) and verdict.status != "refuted":
            # m_0 (y_0 - π̂) + m_1 (y_1 - π̂) = 0 ⟹ π̂ = (m_0 y_0 + m_1 y_1)/(m_0 + m_1): a value
            said = " ".join(re.sub(r"\\q?quad(?![A-Za-z])", " ", claim.rhs_text).split())
            self.equations.append((frozenset(_names(solved)), _lone_names(solved), line, said))
        if verdict.status == "unknown" and claim.relation == "=" and \
                any(e in (verdict.reason or "") for e in EQUATION):
            names = frozenset(_names(claim))     # √α_t / √α_{t-1} = √(1-β_t), by definition
            if len(names) >= 2:
                said = f"{claim.lhs_text.strip()} = {claim.rhs_text.strip()}"
                self.equations.append((names, _lone_names(claim), line, said))
            return verdict
        if verdict.status != "refuted":
            return verdict
        names = _names(claim, entries=True)
        # a failure in all the names of an equation, or in the name an equation gives a value
        # (π̂ = (m_0 y_0 + m_1 y_1)/(m_0 + m_1), then a row with π̂ put in for y_0 = 0, y_1 = 1)
        stated = [e for e in self.equations if e[0] <= names or e[1] & names]
        if stated:
            among, _, at, said = stated[-1]
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds, reason=(
                f"fails, but the text states an equation between {', '.join(sorted(among))} on "
                f"line {at} ({said}), which the check does not apply"))
        held = sorted(names & set(self.conditions))
        if not held:
            return verdict
        at, said = self.conditions[held[0]]
        return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds, reason=(
            f"fails, but the text states a condition on {held[0]} on line {at} ({said}), which "
            "the check does not apply"))
