"""argmin_θ KL(p̂‖q_θ) = argmin_θ H(p̂, q_θ) = θ_MLE: they differ by a θ-free constant (seed 003).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index, logits, pmf, support_size
from symbolic.quantities import Entropy

NAME = "kl-and-cross-entropy-share-their-minimiser"


def derivation() -> Derivation:
    """Seed 003, Maximum Likelihood vs KL Divergence, for the model q = softmax(θ)."""
    K = support_size("K")
    p = pmf("phat", K, zeros=True)      # the empirical distribution of the data
    theta = logits("theta", K)          # the model's parameters: q_theta = softmax(theta)
    k, m = index("k"), index("m")
    log_q = theta[k] - sp.log(sp.Sum(sp.exp(theta[m]), (m, 1, K)))   # log softmax(theta)_k
    kl = sp.Sum(p[k] * (sp.log(p[k]) - log_q), (k, 1, K))
    ce = -sp.Sum(p[k] * log_q, (k, 1, K))
    return Derivation(
        name=NAME,
        title="KL divergence and cross-entropy to the data have the same minimiser, the MLE",
        sources=(Source("003_e19f8268ba8bea9e.txt", "Maximum Likelihood vs KL Divergence"),),
        start=kl - ce,
        steps=(
            Step(sp.Sum(p[k] * sp.log(p[k]), (k, 1, K)), "=",
                 "KL(phat||q) - H(phat, q): the log q terms cancel, sum phat log phat is left"),
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
