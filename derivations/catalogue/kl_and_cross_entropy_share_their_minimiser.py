"""argmin_θ KL(p̂‖q_θ) = argmin_θ H(p̂, q_θ) = θ_MLE: they differ by a θ-free constant (seed 003).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import Entropy

NAME = "kl-and-cross-entropy-share-their-minimiser"


def derivation() -> Derivation:
    """Seed 003, Maximum Likelihood vs KL Divergence, for the model q = softmax(θ)."""
    classes = Support.named("K", "k")
    others = classes.reindexed("m")     # the same classes, summed inside the softmax
    k, m = classes.index, others.index
    p = classes.pmf("phat", zeros=True)     # the empirical distribution of the data
    theta = classes.logits("theta")         # the model's parameters: q_theta = softmax(theta)
    log_q = theta[k] - sp.log(others.sum(sp.exp(theta[m])))   # log softmax(theta)_k
    kl = classes.sum(p[k] * (sp.log(p[k]) - log_q))
    ce = -classes.sum(p[k] * log_q)
    return Derivation(
        name=NAME,
        title="KL divergence and cross-entropy to the data have the same minimiser, the MLE",
        sources=(Source("003_e19f8268ba8bea9e.txt", "Maximum Likelihood vs KL Divergence"),),
        start=kl - ce,
        steps=(
            Step(classes.sum(p[k] * sp.log(p[k])), "=",
                 "KL(phat||q) - H(phat, q): the log q terms cancel, sum phat log phat is left",
                 uses=("kl-is-cross-entropy-minus-entropy",)),
            Step(-Entropy(p), "=",
                 "this is -H(phat), the document's constant: it does not depend on theta"),
        ),
        notes=(
            "The start is KL(phat||q_theta) - H(phat, q_theta) "
            "for the softmax model q_theta(k) = e^(theta_k) / sum_m e^(theta_m) over K "
            "classes. Since the difference is the constant -H(phat) (the document's "
            "+ constant, E_phat[log phat]), the two objectives have the same gradient "
            "everywhere and the same minimisers: argmin KL = argmin H(phat, q_theta), "
            "which is theta_MLE by nll-is-cross-entropy-with-empirical-distribution.",
            "Zero gradient, symbolically: the test file differentiates the start in theta_1 "
            "with SymPy and simplifies the result to 0 (any theta_j is the same after "
            "relabelling the classes).",
            "tests/catalogue/test_kl_and_cross_entropy_share_their_minimiser.py fits a "
            "softmax model to a seeded data set by gradient descent on each objective: "
            "both reach the same theta (up to 1e-6) and the same q = the class "
            "frequencies of the data.",
            "The document's own steps (lines 54-63, 70-75) are right, with KL(P||Q) = "
            "-sum P log(Q/P); it writes the sample index i inside an expectation over "
            "(x, y), a harmless abuse of notation.",
        ),
    )
