r"""Complementary names: a refuted relation that holds once one name is one minus another.

A refutation needs a reading the author would sign.  Texts tie two of their names in words
or in a setting the reader does not bind: ``\beta_t = 1 - \alpha_t`` in diffusion notes,
``q = 1 - p`` for a coin, "the two weights add up to one".  A relation true only under such
a tie fails as an identity in free names.  When it holds with one name put as one minus
another (a twin the engine decides), the verdict is ``unknown``, with the tie named.
(:mod:`symbolic.latex_in.distribution_twin` does the same for a family that sums to 1.)

>>> import sympy as sp
>>> a, b = sp.symbols("alpha_t beta_t", real=True)
>>> [str(t) for t in complement_ties([a, b])]
['beta_t = 1 - alpha_t', 'alpha_t = 1 - beta_t']
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symbolic.verdict import Verdict

_MOST_NAMES = 4      # the names of a relation whose pairs are tried (at most 12 twins)


class Tie:
    """``name = 1 - other``: one name put as the complement of another."""

    def __init__(self, name: sp.Symbol, other: sp.Symbol):
        self.name, self.other = name, other

    def __str__(self) -> str:
        return f"{self.name} = 1 - {self.other}"

    def put(self, expr):
        """``expr`` (one side of a relation) with the tie put in."""
        return expr.xreplace({self.name: 1 - self.other})


def complement_ties(names) -> list:
    """Every tie ``b = 1 - a`` between two of ``names`` (plain real symbols, sorted by name,
    at most the first four), in both directions.

    >>> x, y, z = sp.symbols("x y z", real=True)
    >>> len(complement_ties([z, y, x]))
    6
    """
    plain = sorted((s for s in names if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)
                    and s.is_real is not False and not s.is_integer), key=str)[:_MOST_NAMES]
    return [Tie(b, a) for i, a in enumerate(plain) for b in plain[i + 1:]] + \
        [Tie(a, b) for i, a in enumerate(plain) for b in plain[i + 1:]]


def _scalar_names(claim) -> list:
    """The plain scalar names of ``claim``, without those a derivative, sum or integral
    runs over (a bound name cannot be put as an expression)."""
    from symbolic.latex_in.confidence import variables
    scalars = variables(claim.lhs)[0] | variables(claim.rhs)[0]
    bound = set()
    for side in (claim.lhs, claim.rhs):
        for node in side.atoms(sp.Derivative, sp.Sum, sp.Integral, sp.Product):
            bound |= {s for v in node.variables for s in getattr(v, "free_symbols", ())}
    return [s for s in scalars if not isinstance(s, sp.Indexed) and s not in bound]


def _constant(expr) -> bool:
    return isinstance(expr, sp.Basic) and not expr.free_symbols


def as_complements(claim, verdict: Verdict, decide) -> Verdict:
    r"""``verdict``, or ``unknown`` when the refuted ``claim`` holds once one of its names is
    one minus another (``decide(twin)`` judges a twin).  A tie under which both sides become
    numbers (``a + b = 1`` at ``b = 1 - a``) proves nothing about the relation and is not
    taken.

    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> a, b, x = sp.symbols("alpha_t beta_t x", real=True)
    >>> claim = Claim("=", "", "", 0, lhs=b * x / (1 - a), rhs=x)
    >>> as_complements(claim, decide(claim), decide).reason
    'fails as an identity, but holds when beta_t = 1 - alpha_t, a setting the text may make in words'
    >>> claim = Claim("=", "", "", 0, lhs=a - b, rhs=b - a)
    >>> as_complements(claim, decide(claim), decide).status
    'refuted'
    """
    if verdict.status != "refuted" or not isinstance(claim.lhs, sp.Basic) or \
            not isinstance(claim.rhs, sp.Basic):
        return verdict
    for tie in complement_ties(_scalar_names(claim)):
        try:
            lhs, rhs = tie.put(claim.lhs), tie.put(claim.rhs)
        except (ValueError, TypeError):
            continue                     # the name is bound inside (a derivative's variable)
        if _constant(lhs) and _constant(rhs):
            continue
        if decide(replace(claim, lhs=lhs, rhs=rhs)).holds:
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                           reason=f"fails as an identity, but holds when {tie}, a setting "
                                  "the text may make in words")
    return verdict
