"""x = logit(y) ⇔ y = σ(x): the sigmoid is the inverse of the logit (seed 002).

>>> derivation().is_equation_chain
True
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import Logit, Sigmoid

NAME = "sigmoid-is-inverse-logit"


def derivation() -> Derivation:
    """Seed 002, section "sigmoid": solve x = logit(y) for y."""
    x = sp.Symbol("x", real=True)
    y = sp.Symbol("y", positive=True)
    e = sp.exp(x)
    return Derivation(
        name=NAME,
        title="The sigmoid is the inverse of the logit",
        sources=(Source("002_639aed3e79f5524e.txt", "sigmoid"),),
        start=sp.Eq(x, Logit(y)),
        steps=(
            Step(sp.Eq(x, sp.log(y / (1 - y))), "⇔", "definition of the logit (log-odds)"),
            Step(sp.Eq(e, y / (1 - y)), "⇔", "exponentiate both sides (exp is one-to-one)",
                 uses=("exp-is-increasing",)),
            Step(sp.Eq((1 - y) * e, y), "⇔", "multiply by 1 - y, which is positive for 0 < y < 1",
                 uses=("positive-multiplier",)),
            Step(sp.Eq(e, y * (1 + e)), "⇔", "add y exp(x) to both sides and factor out y"),
            Step(sp.Eq(y, e / (1 + e)), "⇔", "divide by 1 + exp(x), which is positive",
                 uses=("positive-multiplier",)),
            Step(sp.Eq(y, 1 / (1 + sp.exp(-x))), "⇔",
                 "divide numerator and denominator by exp(x)"),
            Step(sp.Eq(y, Sigmoid(x)), "⇔", "definition of the sigmoid"),
        ),
        context=Context(domains={y: sp.Interval.open(0, 1), x: sp.S.Reals}),
        notes=(
            "The seed writes the last two lines as one, y = e^x/(1+e^x) = 1/(1+e^{-x}); "
            "here each is its own step.",
            "Every step is an equivalence only for 0 < y < 1, where the logit is defined.",
        ),
    )
