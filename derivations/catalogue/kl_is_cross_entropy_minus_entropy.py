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


def kl_setup() -> tuple:
    """(outcomes, p, q): two positive pmfs on a support of K outcomes, summed over k."""
    outcomes = Support.named("K", "k")
    return outcomes, outcomes.pmf("p"), outcomes.pmf("q")


def kl_definition_step(outcomes: Support, p, q) -> Step:
    """D(p‖q) = Σ_k p_k log(p_k / q_k), the step every KL derivation starts with.

    >>> outcomes, p, q = kl_setup()
    >>> kl_definition_step(outcomes, p, q).expr
    Sum(log(p[k]/q[k])*p[k], (k, 1, K))
    """
    k = outcomes.index
    return Step(outcomes.sum(p[k] * sp.log(p[k] / q[k])), "=",
                "definition of the KL divergence over a support of K outcomes")


def derivation() -> Derivation:
    """Seed 000 (KL divergence section) and seed 002 (KL Divergence and Cross Entropy)."""
    outcomes, p, q = kl_setup()
    k = outcomes.index

    return Derivation(
        name=NAME,
        title="KL divergence is cross-entropy minus entropy",
        sources=(Source("000_785bcb426b630ca2.txt", "KL divergence and cross-entropy"),
                 Source("002_639aed3e79f5524e.txt", "KL Divergence and Cross Entropy")),
        start=KLDivergence(p, q),
        steps=(
            kl_definition_step(outcomes, p, q),
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
