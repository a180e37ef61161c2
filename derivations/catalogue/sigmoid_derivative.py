"""σ′(z) = σ(z)(1 − σ(z)) (beyond the documents).

>>> derivation().conclusion[2]
(1 - Sigmoid(z))*Sigmoid(z)
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import Sigmoid

NAME = "sigmoid-derivative"


def derivation() -> Derivation:
    """The derivative of the sigmoid in terms of the sigmoid itself."""
    z = sp.Symbol("z", real=True)
    e = sp.exp(-z)
    return Derivation(
        name=NAME,
        title="The derivative of the sigmoid is sigma (1 - sigma)",
        sources=(Source("002_639aed3e79f5524e.txt", "sigmoid"),),
        start=sp.Derivative(Sigmoid(z), z),
        steps=(
            Step(sp.Derivative(1 / (1 + e), z), "=", "definition of the sigmoid"),
            Step(e / (1 + e) ** 2, "=",
                 "chain rule: the derivative of 1/u is -1/u squared times the derivative of "
                 "u = 1 + exp(-z), which is -exp(-z)"),
            Step(sp.Mul(1 / (1 + e), e / (1 + e), evaluate=False), "=",
                 "split the square in the denominator"),
            Step(1 / (1 + e) * (1 - 1 / (1 + e)), "=", "exp(-z)/(1 + exp(-z)) = 1 - 1/(1 + exp(-z))"),
            Step(Sigmoid(z) * (1 - Sigmoid(z)), "=", "definition of the sigmoid"),
        ),
        context=Context(domains={z: sp.S.Reals}),
        notes=(
            "Not in the documents. The derivative is largest, 1/4, at z = 0 and decays like "
            "e^{-|z|}: a saturated sigmoid passes back almost no gradient, which is why the "
            "sigmoid is paired with a log-loss (binary-cross-entropy-gradient-with-logits) "
            "rather than a squared error.",
            "Since 0 < sigma(z) < 1, the derivative is positive: the sigmoid is strictly "
            "increasing from (-infinity, infinity) onto the open interval (0, 1). The document "
            "(line 72) writes that range as {0, 1}, the two-element set; it means (0, 1).",
        ),
    )
