"""∂/∂z_j of −Σ_k y_k log softmax(z)_k = softmax(z)_j − y_j for a target pmf y (beyond the documents).

Shown for j = 1; relabelling the classes gives every j.

>>> derivation().conclusion[2]
Softmax(z, 1) - y[1]
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import LogSoftmax, LogSumExp, Softmax

NAME = "softmax-cross-entropy-gradient"


def derivation() -> Derivation:
    """The gradient of the softmax cross-entropy loss with respect to the logits."""
    classes = Support.named("K", "k")
    z, y = classes.reals("z"), classes.one_hot("y")
    k = classes.index
    j = 1  # the class we differentiate for; any class can be numbered 1

    return Derivation(
        name=NAME,
        title="The gradient of softmax cross-entropy with respect to the logits is softmax(z) - y",
        sources=(Source("002_639aed3e79f5524e.txt", "Extend to Multiclass Classification"),),
        start=sp.Derivative(-classes.sum(y[k] * LogSoftmax(z, k)), z[j]),
        steps=(
            Step(sp.Derivative(-classes.sum(y[k] * z[k]) + classes.sum(y[k]) * LogSumExp(z), z[j]),
                 "=",
                 "the log-softmax of class k is z k minus the log-sum-exp of z, which does not "
                 "depend on k"),
            Step(sp.Derivative(-classes.sum(y[k] * z[k]) + LogSumExp(z), z[j]), "=",
                 "the target y is one-hot (more generally a pmf): its entries sum to 1"),
            Step(-y[j] + sp.exp(z[j]) / classes.sum(sp.exp(z[k])), "=",
                 "the derivative of z k by z 1 is 1 for k = 1 and 0 otherwise; the derivative of "
                 "the log-sum-exp is exp(z 1) over the sum of exponentials"),
            Step(Softmax(z, j) - y[j], "=", "definition of the softmax"),
        ),
        context=Context(),
        notes=(
            "Not in the documents, but what every implementation relies on: the gradient of "
            "the loss -sum_k y_k log softmax(z)_k with respect to logit j is the predicted "
            "probability minus the target, softmax(z)_j - y_j. For a one-hot target of class c "
            "this is softmax(z)_j - 1 for j = c and softmax(z)_j otherwise.",
            "The logits are sampled as moderate reals (|z| up to about 30) rather than with "
            "the logit sampler's range up to 1e3: there e^{z} overflows in float64, every such "
            "sample is re-evaluated at 50 digits, and each re-evaluation differentiates the "
            "expression again, which makes the check take seconds. The identity itself is "
            "exact for all real logits (its last steps are proved symbolically).",
            "The derivative is taken with respect to z_1: the classes can always be "
            "renumbered so that the logit of interest is the first, so this is the general "
            "case. (A symbolic class index j would vanish from the free symbols of the "
            "derivative, and the numeric check could not sample it.)",
            "The step that uses sum_k y_k = 1 is the only place the target enters: the result "
            "holds for any target distribution (soft labels, label smoothing), and for an "
            "unnormalised target the gradient is (sum_k y_k) softmax(z)_j - y_j. The numeric "
            "check uses one-hot targets: pmf samples sum to 1 only to float64 precision, and "
            "the engine's 50-digit re-check of overflowing samples then reports the 1e-17 "
            "difference as a counterexample.",
            "The gradient is bounded (each entry lies in [-1, 1]) and sums to 0 over j, which "
            "is one reason the softmax with cross-entropy trains well.",
        ),
    )
