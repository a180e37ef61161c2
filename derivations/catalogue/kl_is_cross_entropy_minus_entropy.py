"""D_KL(p‖q) = H(p, q) − H(p): the KL divergence splits into cross-entropy and entropy.

>>> d = derivation()
>>> d.name, len(d.steps)
('kl-is-cross-entropy-minus-entropy', 3)
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import CrossEntropy, Entropy, KLDivergence

NAME = "kl-is-cross-entropy-minus-entropy"


def derivation() -> Derivation:
    """Seed 000 (KL divergence section) and seed 002 (KL Divergence and Cross Entropy)."""
    outcomes = Support.named("K", "k")
    p, q = outcomes.pmf("p"), outcomes.pmf("q")
    k = outcomes.index

    return Derivation(
        name=NAME,
        title="KL divergence is cross-entropy minus entropy",
        sources=(Source("000_785bcb426b630ca2.txt", "KL divergence and cross-entropy"),
                 Source("002_639aed3e79f5524e.txt", "KL Divergence and Cross Entropy")),
        start=KLDivergence(p, q),
        steps=(
            Step(outcomes.sum(p[k] * sp.log(p[k] / q[k])), "=",
                 "definition of the KL divergence over a support of K outcomes"),
            Step(outcomes.sum(p[k] * sp.log(p[k])) - outcomes.sum(p[k] * sp.log(q[k])), "=",
                 "log(a/b) = log a - log b, and a sum of differences is a difference of sums"),
            Step(CrossEntropy(p, q) - Entropy(p), "=",
                 "H(p) = -sum p log p and H(p, q) = -sum p log q"),
        ),
        notes=(
            "Seed 000 writes the result as -H(X) + CE(X, Y) for random variables X ~ p, "
            "Y ~ q; seed 002 as H(P, Q) - H(P). Both are this identity.",
            "The support size K is symbolic: the identity is proved for every K, and "
            "checked numerically for K = 2..8.",
        ),
    )
