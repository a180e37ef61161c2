"""softmax(z)_i = e^{z_i − c} / Σ_k e^{z_k − c} for every real c (beyond the documents).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from derivations.catalogue.log_sum_exp_is_shift_equivariant import shift_setup, shifted_exp_sum
from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index
from symbolic.quantities import LogSoftmax, LogSumExp, Softmax

NAME = "softmax-is-shift-invariant"


def derivation() -> Derivation:
    """Adding the same number to every logit leaves the softmax unchanged."""
    classes, z, c = shift_setup()
    k, i = classes.index, index("i")

    return Derivation(
        name=NAME,
        title="Softmax is shift invariant: only differences of logits matter",
        sources=(Source("002_639aed3e79f5524e.txt", "softmax"),),
        start=Softmax(z, i),
        steps=(
            Step(sp.exp(z[i]) / classes.sum(sp.exp(z[k])), "=", "definition of the softmax"),
            Step(sp.exp(z[i] - c) / shifted_exp_sum(classes, z, c), "=",
                 "multiply numerator and denominator by the same positive number exp(-c)"),
            Step(sp.exp(z[i] - LogSumExp(z)), "=",
                 "write a / b as exp(log a - log b); log-sum-exp shifts with its argument, so c "
                 "plus the log of the shifted sum is the log-sum-exp of z "
                 "(log-sum-exp-is-shift-equivariant)",
                 uses=("log-sum-exp-is-shift-equivariant",)),
            Step(sp.exp(LogSoftmax(z, i)), "=", "the log-softmax of class i is z i minus the log-sum-exp"),
        ),
        context=Context(domains={c: sp.S.Reals}),
        notes=(
            "Not in the documents. With c = max_k z_k, the form exp(z_i - c) / sum_k exp(z_k - c) "
            "is how libraries compute the softmax: no exponent is positive, so nothing "
            "overflows, and the denominator is at least 1. The direct form returns inf/inf = "
            "NaN in float64 as soon as a logit exceeds about 709.78.",
            "Shift invariance is why a K-class softmax has only K - 1 free logits, and why the "
            "two-class softmax depends only on z_1 - z_2 (softmax-two-classes-is-sigmoid).",
        ),
    )
