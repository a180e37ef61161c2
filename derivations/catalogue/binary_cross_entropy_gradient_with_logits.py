"""d/dz BCE(σ(z), y) = σ(z) − y (beyond the documents).

>>> derivation().conclusion[2]
-y + Sigmoid(z)
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import BinaryCrossEntropy, Sigmoid

NAME = "binary-cross-entropy-gradient-with-logits"


def derivation() -> Derivation:
    """The gradient of the binary cross-entropy with respect to the logit."""
    z = sp.Symbol("z", real=True)
    y = sp.Symbol("y", nonnegative=True)
    s = Sigmoid(z)
    return Derivation(
        name=NAME,
        title="The gradient of binary cross-entropy with respect to the logit is sigma(z) - y",
        sources=(Source("002_639aed3e79f5524e.txt", "Back to Binary Classification"),),
        start=sp.Derivative(BinaryCrossEntropy(s, y), z),
        steps=(
            Step(-(y / s - (1 - y) / (1 - s)) * s * (1 - s), "=",
                 "chain rule: the derivative of -(y log s + (1 - y) log(1 - s)) in s, times "
                 "ds/dz = s (1 - s) (sigmoid-derivative)",
                 uses=("sigmoid-derivative",)),
            Step(-(y * (1 - s) - (1 - y) * s), "=", "cancel s and 1 - s"),
            Step(s - y, "=", "expand: the terms y s cancel"),
        ),
        context=Context(domains={z: sp.Interval(-20, 20), y: sp.Interval(0, 1)}),
        notes=(
            "Not in the documents. The gradient with respect to the logit is the prediction "
            "minus the label, exactly as for the softmax (softmax-cross-entropy-gradient), of "
            "which this is the two-class case. It holds for soft labels y in [0, 1] too.",
            "Because sigma'(z) cancels, the gradient does not vanish when the sigmoid "
            "saturates on a wrong prediction; libraries fuse the two (BCEWithLogits) and "
            "compute the loss as max(z, 0) - z y + log(1 + e^{-|z|}) to stay finite.",
            "The logit is sampled in [-20, 20]: the symbolic proof covers every real z, but "
            "the expanded derivative contains 1 - 1/(1 + e^{-z}), which loses about z/2.3 "
            "digits to cancellation, and the engine's 50-digit re-check of an equation (which does "
            "not escalate its precision) then mistakes "
            "the rounding for a counterexample from z near 30 on.",
        ),
    )
