r"""A definition of a binary label's model: ``P(y | x; \theta) = h_\theta(x)^y (1 - h_\theta(x))^{1-y}``.

Logistic-regression posts write the Bernoulli pmf of a label y ∈ {0, 1} with the exponents y
and 1 - y, and a slip in it is a real error: ``h^y + (1-h)^{1-y}`` (a sum for the product),
``(1 - h^{1-y})`` (a misplaced bracket).  Whatever the model h is, the definition must give a
distribution over the label's two values: its values at y = 0 and y = 1 add up to 1.  That is
what is checked; the model itself is the author's to choose.  The exponent ``1 - y`` is what
says that y takes the values 0 and 1; a body without it (labels in {-1, 1}, σ(y wᵀx)) is left
alone.
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.context import Context
from symbolic.latex_in.check import Limits, decide_sides
from symbolic.verdict import Verdict

# P(y | x; θ), p(y_i | x_i), p(t_n | \mathbf{x}_n, w), P(y^{(i)} | x^{(i)}; θ): a label given more
_HEAD = re.compile(r"\s*[pP]\s*(?:\\left\s*)?\(\s*([yt])\s*(?:_\s*\{?\s*(\w+)\s*\}?|\^\s*\{\s*\(\s*(\w+)\s*\)\s*\})?"
                   r"\s*(?:\||\\mid|;)(?!.*=).*\)\s*")


def label_of(rhs) -> sp.Symbol | None:
    """The symbol ℓ that ``rhs`` raises something to the power ``1 - ℓ`` of, when there is one
    such symbol.

    >>> y, h = sp.symbols("y h")
    >>> label_of(h**y * (1 - h)**(1 - y)), label_of(h * (1 - h))
    (y, None)
    """
    found = {s for p in rhs.atoms(sp.Pow) for s in p.exp.free_symbols
             if isinstance(s, sp.Symbol) and sp.expand(p.exp - (1 - s)) == 0}
    return found.pop() if len(found) == 1 else None


def bernoulli_definition(lhs_text: str, rhs, limits: Limits, key: str) -> Verdict | None:
    r"""The verdict on ``lhs_text = rhs`` (``rhs`` as read) as a distribution over its label's
    values 0 and 1; None when ``lhs_text`` is not the probability of a lone label given more, or
    ``rhs`` has no exponent 1 - y in the label.

    >>> y, h = sp.symbols("y h")
    >>> bernoulli_definition("P(y|x;\\theta)", h**y * (1 - h)**(1 - y), Limits(), "doctest").status
    'proved'
    >>> bernoulli_definition("P(y|x;\\theta)", h**y + (1 - h)**(1 - y), Limits(), "doctest").status
    'refuted'
    >>> bernoulli_definition("P(y=1|x)", h**y * (1 - h)**(1 - y), Limits(), "doctest") is None
    True
    >>> y_i = sp.Symbol("y_i")
    >>> bernoulli_definition("P(y|X)", h**y_i * (1 - h)**(1 - y_i), Limits(), "doctest") is None
    True
    """
    head = _HEAD.fullmatch(lhs_text)
    if head is None or not isinstance(rhs, sp.Basic):
        return None
    label = label_of(rhs)
    index = head.group(2) or head.group(3)
    if label is None or label.name != head.group(1) + (f"_{index}" if index else ""):
        return None      # P(y | X) = \prod_i h_i^{y_i} …: the labels of a data set, not one
    if any(label in e.free_symbols for e in rhs.atoms(sp.Sum, sp.Product)):
        return None
    if not _complementary_powers(rhs, label):
        return None      # p^{(y)} read as an entry p_y: not the form h^y (1-h)^{1-y}
    total = rhs.subs(label, 0) + rhs.subs(label, 1)
    unit = {s: sp.Interval.open(0, 1) for s in total.free_symbols
            if isinstance(s, sp.Symbol) and not s.is_integer}
    verdict = decide_sides(total, sp.Integer(1), "=", Context(domains=unit), limits,
                           f"{key}:bernoulli")
    if verdict.status in ("proved", "checked"):
        return Verdict(verdict.status, f"a distribution over {label} ∈ {{0, 1}}: its values at "
                       f"{label} = 0 and {label} = 1 add up to 1 ({verdict.method})",
                       verdict.samples, seconds=verdict.seconds)
    if verdict.status == "refuted":
        return Verdict("refuted", f"not a distribution over {label} ∈ {{0, 1}}: its values at "
                       f"{label} = 0 and {label} = 1 do not add up to 1 ({verdict.method})",
                       verdict.samples, verdict.counterexample, seconds=verdict.seconds)
    return None


def _complementary_powers(rhs, label) -> bool:
    """Does ``rhs`` raise some h to the power ``label`` and 1 - h to the power 1 - ``label``?

    >>> y, h, p_y = sp.symbols("y h p_y")
    >>> _complementary_powers(h**y + (1 - h)**(1 - y), y), _complementary_powers(p_y * (1 - h)**(1 - y), y)
    (True, False)
    """
    powers = list(rhs.atoms(sp.Pow))
    ups = [p.base for p in powers if sp.expand(p.exp - label) == 0]
    downs = [p.base for p in powers if sp.expand(p.exp - (1 - label)) == 0]
    return any(sp.expand(a + b - 1) == 0 for a in ups for b in downs)
