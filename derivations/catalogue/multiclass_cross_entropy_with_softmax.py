"""−Σ_k y_k log softmax(z)_k = −log softmax(z)_c = −z_c + log Σ_k e^{z_k} for a one-hot y (seed 002).

>>> derivation().conclusion[2]
-LogSoftmax(z, c)
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support, index
from symbolic.quantities import LogSoftmax, LogSumExp, Softmax

NAME = "multiclass-cross-entropy-with-softmax"


def derivation() -> Derivation:
    """Seed 002, "Extend to Multiclass Classification": CE of a one-hot label and softmax."""
    classes = Support.named("K", "k")
    y, z = classes.one_hot("y"), classes.logits("z")
    c, k = index("c"), classes.index
    return Derivation(
        name=NAME,
        title="Cross-entropy of a one-hot label and a softmax is -z_c + log-sum-exp",
        sources=(Source("002_639aed3e79f5524e.txt", "Extend to Multiclass Classification"),),
        start=-classes.sum(y[k] * sp.log(Softmax(z, k))),
        steps=(
            Step(-sp.log(Softmax(z, c)), "=",
                 "the label is one-hot: its entry is 1 for the true class c and 0 for every other class"),
            Step(-sp.log(sp.exp(z[c]) / classes.sum(sp.exp(z[k]))), "=",
                 "definition of the softmax"),
            Step(-z[c] + sp.log(classes.sum(sp.exp(z[k]))), "=",
                 "log(a/b) = log a - log b, and log exp(z c) = z c"),
            Step(-z[c] + LogSumExp(z), "=", "definition of the log-sum-exp"),
            Step(-LogSoftmax(z, c), "=", "the log-softmax of class c is its logit minus the log-sum-exp"),
        ),
        context=Context(class_of={y: c}),
        notes=(
            "The logits z = f(x) are the model's outputs for one data point; the document "
            "writes z_k as f(x_k), meaning the k-th output, not the model at another input.",
            "The last two forms are how libraries compute the loss: -z_c + log-sum-exp(z), "
            "with the log-sum-exp shifted by max_k z_k so that no exponential overflows "
            "(log-sum-exp-is-shift-equivariant). Computing log(softmax) directly "
            "gives log 0 = -inf once the true class's probability underflows.",
        ),
    )
