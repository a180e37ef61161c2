"""softmax over two logits = σ(z₁ − z₂) (seed 002).

>>> derivation().conclusion[2]
Sigmoid(z[1] - z[2])
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import logits
from symbolic.quantities import Sigmoid, Softmax

NAME = "softmax-two-classes-is-sigmoid"


def derivation() -> Derivation:
    """Seed 002, section "softmax": from softmax back to the sigmoid, x = x0 - x1."""
    z = logits("z", 2)
    z1, z2 = z[1], z[2]
    return Derivation(
        name=NAME,
        title="Softmax over two classes is the sigmoid of the logit difference",
        sources=(Source("002_639aed3e79f5524e.txt", "softmax"),),
        start=Softmax(z, 1),
        steps=(
            Step(sp.exp(z1) / (sp.exp(z1) + sp.exp(z2)), "=",
                 "definition of the softmax for K = 2 classes"),
            Step(1 / (1 + sp.exp(z2) / sp.exp(z1)), "=", "divide numerator and denominator by exp(z 1)"),
            Step(1 / (1 + sp.exp(z2 - z1)), "=", "exp(a) / exp(b) = exp(a - b)"),
            Step(1 / (1 + sp.exp(sp.Mul(-1, z1 - z2, evaluate=False))), "=",
                 "take out the minus sign: the exponent is minus the logit difference"),
            Step(Sigmoid(z1 - z2), "=", "definition of the sigmoid, at the logit difference x = x0 - x1 of the document"),
        ),
        context=Context(),
        notes=(
            "The document numbers the two logits x_0 and x_1; indices here are 1-based, "
            "so its x_0, x_1 are z_1, z_2 and its x = x_0 - x_1 is z_1 - z_2.",
            "Only the difference of the two logits matters: the binary logit z_1 - z_2 is "
            "the log-odds of class 1 against class 2. The other probability is "
            "softmax(z)_2 = sigma(z_2 - z_1) = 1 - sigma(z_1 - z_2).",
        ),
    )
