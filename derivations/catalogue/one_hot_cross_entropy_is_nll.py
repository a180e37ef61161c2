"""One-hot target: H = 0, so D_KL = CE = −log P(Y = c) (seed 000).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support, index
from symbolic.quantities import CrossEntropy, Entropy, KLDivergence

NAME = "one-hot-cross-entropy-is-nll"


def derivation() -> Derivation:
    """Seed 000: for a true class c the true pmf is one-hot, its entropy vanishes."""
    classes = Support.named("C", "k")
    y = classes.one_hot("y")     # the true pmf of X_i: y_k = P(X_i = k)
    q = classes.pmf("q")         # the model's pmf of Y_i: q_k = P(Y_i = k)
    k = classes.index
    c = index("c")               # the true class

    return Derivation(
        name=NAME,
        title="With a one-hot target the KL divergence is the cross-entropy, -log P(Y = c)",
        sources=(Source("000_785bcb426b630ca2.txt", "분류 문제 (one-hot true distribution)"),),
        start=KLDivergence(y, q),
        steps=(
            Step(CrossEntropy(y, q) - Entropy(y), "=",
                 "KL = CE - H (see kl-is-cross-entropy-minus-entropy)",
                 uses=("kl-is-cross-entropy-minus-entropy",)),
            Step(CrossEntropy(y, q) + classes.sum(y[k] * sp.log(y[k])), "=",
                 "definition of the entropy, H(y) = -sum y_k log y_k"),
            Step(CrossEntropy(y, q) + y[c] * sp.log(y[c]), "=",
                 "every class k other than c has y_k = 0, and 0 log 0 = 0"),
            Step(CrossEntropy(y, q), "=", "y_c = 1 and log 1 = 0: the entropy is 0"),
            Step(-classes.sum(y[k] * sp.log(q[k])), "=", "definition of the cross-entropy"),
            Step(-y[c] * sp.log(q[c]), "=", "only the term of the true class c remains"),
            Step(-sp.log(q[c]), "=", "y_c = 1: the negative log-likelihood of the true class"),
        ),
        context=Context(class_of={y: c}),
        notes=(
            "The document takes the true class to be 1; here it is any class c of C, "
            "with y the one-hot vector of c (y_k = P(X_i = k)) and q_k = P(Y_i = k) the "
            "softmax output of the model.",
            "Lines 2 to 4 are the document's H(X_i) = -1 log 1 = 0; the last three are "
            "its CE(X_i, Y_i) = -log P(Y_i = 1), the quantity PyTorch's NLLLoss computes.",
        ),
    )
