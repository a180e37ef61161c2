"""softmax(z − c) = softmax(z) and log Σ e^{z_k} = c + log Σ e^{z_k − c} (beyond the documents).

>>> derivation().conclusion[2]
c + log(Sum(exp(-c + z[k]), (k, 1, K)))
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index, logits, support_size
from symbolic.quantities import LogSumExp

NAME = "softmax-and-log-sum-exp-are-shift-invariant"


def derivation() -> Derivation:
    """Why stable implementations subtract max_k z_k before exponentiating."""
    K = support_size("K")
    z = logits("z", K)
    k = index("k")
    c = sp.Symbol("c", real=True)

    def total(body):
        return sp.Sum(body, (k, 1, K))

    return Derivation(
        name=NAME,
        title="Log-sum-exp shifts with its argument, so softmax is shift invariant",
        sources=(Source("002_639aed3e79f5524e.txt", "softmax"),),
        start=LogSumExp(z),
        steps=(
            Step(sp.log(total(sp.exp(z[k]))), "=", "definition of the log-sum-exp"),
            Step(sp.log(sp.exp(c) * total(sp.exp(z[k] - c))), "=",
                 "exp(z k) = exp(c) exp(z k - c) for any real c; factor exp(c) out of the sum"),
            Step(c + sp.log(total(sp.exp(z[k] - c))), "=", "log(ab) = log a + log b, and log exp(c) = c"),
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
