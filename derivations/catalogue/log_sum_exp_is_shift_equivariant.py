"""Log-sum-exp is shift-equivariant: log Σ e^{z_k} = c + log Σ e^{z_k − c} (beyond the documents).

Shifting every logit by c shifts the log-sum-exp by c (it is not invariant);
softmax, a difference of a logit and the log-sum-exp, is then shift-invariant
(softmax-is-shift-invariant).

>>> derivation().conclusion[2]
c + log(Sum(exp(-c + z[k]), (k, 1, K)))
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import LogSumExp

NAME = "log-sum-exp-is-shift-equivariant"

#: The name this derivation had before: still accepted by ``show`` and ``check``.
FORMER_NAMES = ("softmax-and-log-sum-exp-are-shift-invariant",)


def shifted_exp_sum(classes: Support, z, c) -> sp.Sum:
    """sum_k e^{z_k - c}: the sum of exponentials after every logit is shifted by c.

    >>> classes = Support.named("K", "k")
    >>> shifted_exp_sum(classes, classes.logits("z"), 1)
    Sum(exp(z[k] - 1), (k, 1, K))
    """
    k = classes.index
    return classes.sum(sp.exp(z[k] - c))


def shift_setup() -> tuple:
    """(classes, z, c): logits z over K classes and the real shift c of both shift derivations.

    >>> classes, z, c = shift_setup()
    >>> classes.size, z[1], c.is_real
    (K, z[1], True)
    """
    classes = Support.named("K", "k")
    return classes, classes.logits("z"), sp.Symbol("c", real=True)


def derivation() -> Derivation:
    """Why stable implementations subtract max_k z_k before exponentiating."""
    classes, z, c = shift_setup()
    k = classes.index

    return Derivation(
        name=NAME,
        title="Log-sum-exp shifts with its argument (shift-equivariant)",
        sources=(Source("002_639aed3e79f5524e.txt", "softmax"),),
        start=LogSumExp(z),
        steps=(
            Step(sp.log(classes.sum(sp.exp(z[k]))), "=", "definition of the log-sum-exp"),
            Step(sp.log(sp.exp(c) * shifted_exp_sum(classes, z, c)), "=",
                 "exp(z k) = exp(c) exp(z k - c) for any real c; factor exp(c) out of the sum"),
            Step(c + sp.log(shifted_exp_sum(classes, z, c)), "=",
                 "log(ab) = log a + log b, and log exp(c) = c"),
        ),
        context=Context(domains={c: sp.S.Reals}),
        notes=(
            "Not in the documents. Since log softmax(z)_i = z_i - log-sum-exp(z), shifting every "
            "logit by c shifts both terms by c: softmax(z - c) = softmax(z) and "
            "log softmax(z - c) = log softmax(z). Only differences of logits matter "
            "(softmax-is-odds-over-sum-of-odds).",
            "Stable implementations take c = max_k z_k: then every exponent z_k - c is <= 0, "
            "so no e^{z_k - c} overflows, and the largest term is e^0 = 1, so the sum is at "
            "least 1 and its log is finite. Without the shift, e^{z_k} overflows in float64 "
            "once z_k > 709.78, and softmax returns inf/inf = NaN.",
        ),
    )
