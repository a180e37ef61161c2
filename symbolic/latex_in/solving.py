"""Rows of an equation being solved: each is equivalent to the one before.

``e^z(1-P) = P``, then ``e^z = P(1 + e^z)``, then ``P = …``: the rows of a solution
are not identities in P and z, so checking each as one refutes them all.  A lone
equation that fails as an identity, written right after another lone equation in
the same unknowns, is checked as a step of solving: that the two equations hold
at the same points (the engine's ⇔ check).  It is refuted only when that fails
too and both rows stand in one display block, where they are meant as one
derivation; otherwise a failure is ``unknown``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from symbolic.latex_in.check import Limits, decide, decide_sides
from symbolic.latex_in.confidence import sizes
from symbolic.latex_in.family_means import family_means
from symbolic.latex_in.row_shapes import linear, shared_parts
from symbolic.quantities import Logit, Odds, Quantity, Sigmoid, differentiate
from symbolic.verdict import Verdict


@dataclass(frozen=True)
class EquationRow:
    """A lone equation of a document that the next row may continue solving."""

    equation: sp.Eq
    line: int
    block: int
    section: int
    unknowns: frozenset


def _unknowns(*exprs) -> frozenset:
    free = set().union(*(e.free_symbols for e in exprs))
    return frozenset(s for s in free if isinstance(s, sp.Symbol)) - frozenset(sizes(free))


def _derivative(claim) -> bool:
    """A row that differentiates is an identity to check, never a step of solving (its
    derivative, read as 0 where a dependence is not read, would make any row "equivalent")."""
    return bool(claim.lhs.atoms(sp.Derivative) or claim.rhs.atoms(sp.Derivative)) or \
        "\\partial" in claim.lhs_text + claim.rhs_text or \
        re.search(r"\\frac\s*\{\s*d", claim.lhs_text + claim.rhs_text) is not None


def _differentiated(expr):
    """``expr`` with its derivatives taken: one left unevaluated would be abstracted as an
    unknown by the engine's checks."""
    return expr.replace(lambda d: isinstance(d, sp.Derivative), differentiate)


def _equivalence(first: sp.Eq, second: sp.Eq, claim, limits: Limits, key: str) -> Verdict:
    """The engine's ⇔ check of two equations, as ``claim`` reads them (its context)."""
    step = replace(claim, relation="⇔", lhs=_differentiated(first), rhs=_differentiated(second))
    return decide(step, limits, key=key)


def equation_row(claim, line: int, block: int, section: int) -> EquationRow | None:
    """The row a lone equation (claim or definition) offers to the next one.

    >>> from symbolic.latex_in.chains import Claim
    >>> x = sp.Symbol("x", real=True)
    >>> equation_row(Claim("=", "x", "2", 0, lhs=x, rhs=sp.Integer(2)), 3, 1, 0).line
    3
    """
    if claim.lhs is None or claim.rhs is None or claim.relation not in _ROWS or \
            _derivative(claim):
        return None
    unknowns = _unknowns(claim.lhs, claim.rhs)
    if not unknowns or claim.relation != "=" and _bound_of_a_whole(claim.lhs, claim.rhs):
        return None
    try:
        equation = sp.Rel(claim.lhs, claim.rhs, _ROWS[claim.relation], evaluate=False)
    except (TypeError, ValueError):
        return None
    return EquationRow(equation, line, block, section, unknowns)


def chain_equation(claims, identities, finals, line: int, block: int,
                   section: int) -> EquationRow | None:
    """The equation a chain of solving leaves for the next row: ``p = e^a(1-p) = e^a - e^a p``
    states ``p = e^a - e^a p`` when its first relation is an equation (no identity) and the
    relations after it hold.  ``identities`` are the claims' verdicts as identities,
    ``finals`` their verdicts in the end (None: not an equation chain).

    >>> from symbolic.latex_in.chains import Claim
    >>> p, a = sp.symbols("p a", real=True)
    >>> rows = [Claim("=", "p", "", 0, lhs=p, rhs=sp.exp(a) * (1 - p)),
    ...         Claim("=", "", "", 1, lhs=sp.exp(a) * (1 - p), rhs=sp.exp(a) - sp.exp(a) * p)]
    >>> fails, holds = Verdict("unknown", "none"), Verdict("proved", "symbolic")
    >>> chain_equation(rows, [fails, holds], [holds, holds], 4, 1, 0).equation
    Eq(p, -p*exp(a) + exp(a))
    """
    if len(claims) < 2 or len(identities) != len(claims) or len(finals) != len(claims) or \
            not all(v is not None and v.holds for v in finals[1:]) or \
            any(c.relation != "=" or c.error is not None or c.definition for c in claims[1:]):
        return None
    first = claims[0]
    equation = first.definition and in_its_own_terms(first)     # p = e^a(1-p)
    if first.relation != "=" or first.error is not None or not equation and (
            first.definition or identities[0] is None or identities[0].holds):
        return None
    whole = replace(claims[0], rhs=claims[-1].rhs, rhs_text=claims[-1].rhs_text)
    return equation_row(whole, line, block, section)


def in_its_own_terms(claim) -> bool:
    """Does ``claim`` equate a name to an expression in that name (``p = e^a(1 - p)``), an
    equation to solve rather than a definition?

    >>> from types import SimpleNamespace as Row
    >>> p, a = sp.symbols("p a")
    >>> in_its_own_terms(Row(lhs=p, rhs=sp.exp(a) * (1 - p))), in_its_own_terms(Row(lhs=p, rhs=a))
    (True, False)
    """
    return isinstance(claim.lhs, sp.Symbol) and isinstance(claim.rhs, sp.Basic) and \
        claim.lhs in claim.rhs.free_symbols


def _bound_of_a_whole(*sides) -> bool:
    """Does an inequality bound a sum, an integral or a measure (``H(p) \\ge \\log K``)?  It
    then claims something of every distribution, and is no condition being solved."""
    return any(s.atoms(sp.Sum, sp.Integral, sp.Product) or
               any(isinstance(f, Quantity) and not isinstance(f, (Sigmoid, Logit, Odds))
                   for f in s.atoms(sp.Function)) for s in sides)


# the relations a row of solving may state: an equation, or an inequality being solved
# (p > 1 - p, then \frac{p}{1-p} > 1: the condition on p, rewritten)
_ROWS = {"=": "==", "<": "<", ">": ">", "≤": "<=", "≥": ">="}


def solution_row(previous: EquationRow, claim, block: int, limits: Limits,
                 key: str) -> Verdict | None:
    """The verdict on ``claim`` (``\\hat{\\mu} = \\frac{1}{n}\\sum_i x_i``) as the value that solves
    the equation ``previous`` (``\\sum_i (x_i - \\mu) = 0``), or None when it is not one.  A value
    that does not solve it is refuted only in the same display block.

    >>> from symbolic.latex_in.chains import Claim
    >>> mu, x, mu_hat = sp.symbols("mu x hat{mu}")
    >>> row = EquationRow(sp.Eq(2 * (x - mu), 0), 3, 1, 0, frozenset({mu, x}))
    >>> solution_row(row, Claim("=", "", "", 0, lhs=mu_hat, rhs=x), 2, Limits(), "doctest").method
    'symbolic: identical; the value put in for mu in the equation before on line 3'
    """
    if claim.lhs is None or claim.rhs is None or claim.relation != "=" or \
            not isinstance(previous.equation, sp.Eq):
        return None
    named = getattr(claim.lhs.as_base_exp()[0], "name", "")
    defined = previous.equation.lhs
    if isinstance(defined, sp.Symbol) and defined != claim.lhs and \
            defined not in previous.equation.rhs.free_symbols and \
            defined not in getattr(claim.rhs, "free_symbols", {defined}):
        # u_2 = w_2 h_1 + b_2, then h_1 = a_1(u_1): rows naming names, not solving (a value of
        # h_1 that solved it would use u_2, as φ = 1/(1 + e^{-η}) uses η after η = logit φ)
        return None
    if _a_value(previous.equation, claim.lhs):
        return None     # δ = 1/10, then δ = 1: another value (another example), nothing solved
    solved = solution(previous.equation, claim.lhs, claim.rhs, claim, limits, key)
    where = f"line {previous.line}"
    if solved is not None and block != previous.block and estimated(named) == named \
            and not solved.holds:
        return None    # W = 0 in a later display may name a value; \hat{W} is a solution
    return held_back(solved and replace(solved, method=f"{solved.method} on {where}"))


def solving_step(previous: EquationRow, claim, block: int, limits: Limits,
                 key: str) -> Verdict | None:
    """The verdict on ``claim`` as the next row of solving ``previous`` (None: not one).  A
    row of solving an inequality is only ever shown equivalent to the one before (None
    otherwise: a failing inequality row is judged as an identity, with the reader's doubts)."""
    if claim.lhs is None or claim.rhs is None or claim.relation not in _ROWS or \
            _derivative(claim) or previous.equation.atoms(sp.Derivative):
        return None
    where = f"line {previous.line}"
    solved = solution_row(previous, claim, block, limits, key)
    if solved is not None:
        return solved
    if _unknowns(claim.lhs, claim.rhs) != previous.unknowns:
        return None
    inequality = claim.relation != "=" or not isinstance(previous.equation, sp.Eq)
    try:
        current = sp.Rel(claim.lhs, claim.rhs, _ROWS[claim.relation], evaluate=False)
    except (TypeError, ValueError):
        return None
    verdict = _equivalence(previous.equation, current, claim, limits, key + ":solving")
    if verdict.holds:
        return Verdict(verdict.status, f"a step of solving: equivalent to the "
                       f"{'inequality' if inequality else 'equation'} on {where} "
                       f"({verdict.method})", verdict.samples, seconds=verdict.seconds)
    if inequality:
        return None
    if verdict.status == "refuted" and block == previous.block and \
            linear(previous.equation) and linear(current):
        return Verdict("unknown", "none", verdict.samples, seconds=verdict.seconds, reason=(
            f"not equivalent to the equation on {where}, but both are linear equations with "
            "numbers for coefficients: rows of a system, or values of separate examples, as "
            "likely as steps of solving"))
    if verdict.status == "refuted" and block == previous.block and \
            not shared_parts(previous.equation, current):
        return Verdict("unknown", "none", verdict.samples, seconds=verdict.seconds, reason=(
            f"not equivalent to the equation on {where}, but the two rows share no part "
            "(M v = σ u, then M^T u = σ v): rows of a system, as likely as steps of solving"))
    means = family_means(claim) if verdict.status == "refuted" and block == previous.block else {}
    if means and _equivalence(previous.equation.xreplace(means), current.xreplace(means), claim,
                              limits, key + ":solving-means").holds:
        return Verdict("unknown", "none", verdict.samples, seconds=verdict.seconds, reason=(
            f"not equivalent to the equation on {where} as read, but equivalent when "
            f"{', '.join(sorted(map(str, means)))} are the means of their families (x̄ = (1/n) "
            "Σ_i x_i), which the text may say in words"))
    if verdict.status == "refuted" and block == previous.block:
        return Verdict("refuted", f"neither an identity nor equivalent to the equation on {where} "
                       f"({verdict.method})", verdict.samples, verdict.counterexample,
                       seconds=verdict.seconds)
    return Verdict("unknown", "none", reason=f"not an identity, and not shown equivalent to the "
                   f"equation on {where}: {verdict.reason or verdict.method}",
                   seconds=verdict.seconds)


def held_back(solved: Verdict | None) -> Verdict | None:
    """``solved``, the verdict on a row read as the value that solves the row before it, with a
    failure held back as ``unknown``: unless ⇒ says so (``… = 0 \\Rightarrow \\hat{\\mu} = …``,
    judged by ``solution_after_implication``), for which unknown a row gives a value, and under
    which conditions, the text states in its own words.  On the posts of other authors such a
    failure was far more often a row misread (a where-row, names named in turn, a name defined
    after the display, a value of an example) than an error of the author's (one in six in the
    first runs of the twentieth to twenty-second sessions).  The failure is the reason.

    >>> from symbolic.verdict import Counterexample
    >>> failed = Verdict("refuted", "the value put in for mu in the equation before on line 3",
    ...                  counterexample=Counterexample({"x": 0.5}, 1.0, 0.0))
    >>> held_back(failed).reason
    'read as a solution, the row fails (the value put in for mu in the equation before on line 3; at x = 0.5); no ⇒ says that it solves that equation: what a row solves for, and under which conditions, is for the text to say'
    >>> held_back(None) is None
    True
    """
    if solved is None or solved.status != "refuted":
        return solved
    scalars = solved.counterexample.scalars() if solved.counterexample else ""
    return Verdict("unknown", "none", solved.samples, seconds=solved.seconds, reason=(
        f"read as a solution, the row fails ({solved.method}{f'; at {scalars}' if scalars else ''}); no ⇒ "
        "says that it solves that equation: what a row solves for, and under which "
        "conditions, is for the text to say"))


def _a_value(equation, unknown) -> bool:
    """Does ``equation`` already give ``unknown`` a value (``δ = 1/10``), so that a next row
    ``δ = 1`` is another value, not a solution of it?

    >>> d = sp.Symbol("delta")
    >>> _a_value(sp.Eq(d, sp.Rational(1, 10)), d), _a_value(sp.Eq(2 * d, 4), d)
    (True, False)
    """
    sides = (equation.lhs, equation.rhs) if isinstance(equation, sp.Eq) else ()
    return any(a == unknown and isinstance(b, sp.Number) for a, b in (sides, sides[::-1])) \
        if sides else False


def solved_premise(step, line: int):
    """``step``, the finding on a row that a later row (on ``line``) was shown to solve: a
    failure as an identity is then no error, since the row states an equation or an inequality
    in its unknowns (``p > 1 - p``, then ``\\frac{p}{1-p} > 1``).

    >>> from symbolic.latex_in.lint_report import StepResult
    >>> from symbolic.verdict import Counterexample
    >>> failure = Verdict("refuted", "numeric", counterexample=Counterexample({"p": 0.5}, 0.5, 0.5))
    >>> step = StepResult(3, ">", "p", "1 - p", failure)
    >>> solved_premise(step, 4).verdict.reason
    'fails as an identity, but the row on line 4 solves it: an equation or inequality in its unknowns, not an identity'
    """
    if step.status != "refuted":
        return step
    return replace(step, suggestions=[], verdict=Verdict(
        "unknown", "not read", step.verdict.samples,
        reason=f"fails as an identity, but the row on line {line} solves it: an equation or "
               "inequality in its unknowns, not an identity"))


_ESTIMATE = re.compile(r"hat\{([^{}]+)\}(?:_\{?(?:MLE|ML|mle)\}?)?|(.+?)_\{?(?:MLE|ML|mle|star)\}?")


def estimated(name: str) -> str:
    """The name of the unknown that ``name`` (an estimate ``\\hat{\\theta}``, ``\\theta_{MLE}``)
    is the solution for; ``name`` itself otherwise.

    >>> estimated("hat{theta}"), estimated("theta_{MLE}"), estimated("hat{mu}_{ML}"), estimated("p")
    ('theta', 'theta', 'mu', 'p')
    >>> estimated("hat{y}")
    'hat{y}'

    """
    m = _ESTIMATE.fullmatch(name)
    unknown = (m.group(1) or m.group(2)) if m else name
    # \hat{y} is a prediction, not the estimate of the data y: parameters only
    return unknown if m is None or _PARAMETER.fullmatch(unknown) else name


_PARAMETER = re.compile(r"(?:theta|mu|sigma|pi|lambda|phi|beta|alpha|eta|rho|tau|gamma|psi|"
                        r"omega|kappa|nu|p)(?:_\{?\w+\}?)?")


def solution_after_implication(claim, limits: Limits, key: str) -> Verdict | None:
    """The verdict on ``\\hat{\\theta} = \\frac{k}{n}`` written right after
    ``\\frac{k}{\\theta} - \\frac{n-k}{1-\\theta} = 0 \\Rightarrow``: that the value solves the
    equation before ⇒ (put in for θ, the equation holds).  None when the row is not a value
    for an unknown of that equation.

    >>> from symbolic.latex_in.chains import read_chain
    >>> from symbolic.latex_in.parse import Reader
    >>> rows = read_chain(r"L'(\\theta) = \\frac{k}{\\theta} - \\frac{n-k}{1-\\theta} = 0 "
    ...                   r"\\Rightarrow \\hat{\\theta} = \\frac{k}{n}", Reader(), document=True)
    >>> solution_after_implication(rows[-1], Limits(), "doctest").status
    'proved'
    """
    before = claim.after_implication
    if claim.relation == "⇒" and isinstance(claim.lhs, sp.Eq) and isinstance(claim.rhs, sp.Eq):
        return solution(claim.lhs, *claim.rhs.args, claim, limits, key)  # a = 0 ⇒ \hat{θ} = k/n
    if before is None or before.error is not None or claim.error is not None or \
            before.relation != "=" or claim.relation != "=" or before.lhs is None or \
            claim.lhs is None or claim.rhs is None:
        return None
    equation = sp.Eq(before.lhs, before.rhs, evaluate=False)
    solved = solution(equation, claim.lhs, claim.rhs, claim, limits, key)
    if solved is not None or _derivative(claim) or \
            _unknowns(claim.lhs, claim.rhs) - _unknowns(before.lhs, before.rhs):
        return solved
    # … = 0 ⇒ k(1 - θ) = (n - k)θ: a step of solving, equivalent to the equation before ⇒
    verdict = _equivalence(equation, sp.Eq(claim.lhs, claim.rhs, evaluate=False), claim, limits,
                           key + ":implied")
    if not verdict.holds:
        return None     # not shown equivalent; ⇒ may hold one way only
    return Verdict(verdict.status, f"a step of solving: equivalent to the equation before ⇒ "
                   f"({verdict.method})", verdict.samples, seconds=verdict.seconds)


def solution(equation: sp.Eq, lhs, rhs, claim, limits: Limits, key: str) -> Verdict | None:
    """The verdict on ``lhs = rhs`` as the value of an unknown of ``equation`` that solves it
    (``\\hat{\\mu} = \\frac{1}{n}\\sum_i x_i`` after ``\\sum_i (x_i - \\mu) = 0``); None when
    ``lhs`` is not an unknown of ``equation``, or its estimate, or when undecided.

    >>> mu, x, mu_hat = sp.symbols("mu x hat{mu}")
    >>> solution(sp.Eq(2 * (x - mu), 0), mu_hat, x, None, Limits(), "doctest").status
    'proved'
    """
    power = 1
    target = lhs
    if isinstance(target, sp.Pow) and target.exp == 2:   # \hat{\sigma}^2 = …
        target, power = target.base, 2
    if not isinstance(target, sp.Symbol):
        return None
    unknown = next((s for s in equation.free_symbols
                    if isinstance(s, sp.Symbol) and s.name == estimated(target.name)), None)
    if unknown is None or unknown in rhs.free_symbols:
        return None
    # σ²_MLE = (1/N) Σ (x_i - μ_MLE)²: the estimate of another unknown put in; the value solves
    # the equation at every μ, so at μ_MLE too (failing at some μ, it may still hold at μ_MLE)
    others = {s: u for s in rhs.free_symbols if isinstance(s, sp.Symbol)
              for u in equation.free_symbols if isinstance(u, sp.Symbol) and u != unknown and
              u.name == estimated(s.name) != s.name}
    rhs = rhs.xreplace(others)
    value = rhs if power == 1 else sp.sqrt(rhs)
    try:     # subs, not xreplace: a sum over the unknown's letter keeps its own (Σ_z … beside z)
        put_in = _differentiated(equation.lhs - equation.rhs).subs(unknown, value)
    except (ValueError, TypeError):
        return None
    verdict = decide_sides(put_in, sp.Integer(0), "=", getattr(claim, "context", None), limits,
                           key + ":solution")
    method = f"{verdict.method}; the value put in for {unknown} in the equation before"
    if others and verdict.status == "refuted":
        return Verdict("unknown", "none", reason=f"the value, with {', '.join(sorted(map(str, others)))} "
                       f"read as any value of {', '.join(sorted(str(u) for u in others.values()))}, "
                       f"does not solve the equation before ({verdict.method}); it may at the estimate",
                       seconds=verdict.seconds)
    opaque = sorted(str(s) for s in put_in.free_symbols | equation.free_symbols
                    if str(s).startswith("⟨"))
    if opaque and verdict.status == "refuted":    # f(x) = e^{-z}/β, then z = (x-μ)/β: f unread
        return Verdict("unknown", "none", reason=f"the value does not solve the equation before "
                       f"({verdict.method}), but {', '.join(opaque)} in it is read as an unknown "
                       "quantity: the row may define a name the equation uses, not solve it",
                       seconds=verdict.seconds)
    brought = sorted({str(s) for s in rhs.free_symbols if isinstance(s, sp.Symbol)} -
                     {str(s) for s in equation.free_symbols})
    if brought and verdict.status == "refuted":   # θ = (1/n) Σ (x_i - \bar{x})², "where \bar{x} = …"
        return Verdict("unknown", "none", reason=f"the value does not solve the equation before "
                       f"({verdict.method}), but it uses {', '.join(brought)}, which that equation "
                       "does not: a name the text may define elsewhere", seconds=verdict.seconds)
    if verdict.status in ("proved", "checked", "refuted"):
        return Verdict(verdict.status, method, verdict.samples, verdict.counterexample,
                       seconds=verdict.seconds)
    return None
