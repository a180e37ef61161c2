"""H(p) = log K − D(p‖uniform) ≤ log K, with equality exactly at the uniform pmf (seed 002).

>>> derivation().conclusion[1]
'≤'
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.objects import Support
from symbolic.quantities import Entropy

NAME = "entropy-at-most-log-support-size"

SEED = "002_639aed3e79f5524e.txt"


def derivation() -> Derivation:
    """Seed 002, section "Entropy": H(X) <= log |A_X|, equality for the uniform pmf."""
    outcomes = Support.named("K", "k")
    K, k = outcomes.size, outcomes.index
    p = outcomes.pmf("p", zeros=True)

    wrong = Erratum(
        SEED, 419,
        wrote="H(X) = sum_x P(x) log 1/P(x) = E_X log P(X)",
        correction="H(X) = E_X log 1/P(X) = -E_X log P(X)",
        claim=(outcomes.sum(p[k] * sp.log(1 / p[k])), "=", outcomes.sum(p[k] * sp.log(p[k]))),
    )
    return Derivation(
        name=NAME,
        title="Entropy is at most the log of the support size, with equality for the uniform",
        sources=(Source(SEED, "Entropy"),),
        start=Entropy(p),
        steps=(
            Step(outcomes.sum(p[k] * sp.log(1 / p[k])), "=",
                 "definition: the expected information log 1/P(x), with 0 log(1/0) = 0"),
            Step(sp.log(K) - outcomes.sum(p[k] * sp.log(K * p[k])), "=",
                 "log(1/p) = log K - log(K p) for each term, and the probabilities sum to 1"),
            Step(sp.log(K), "≤",
                 "the subtracted sum is the KL divergence from p to the uniform pmf (1/K, ..., "
                 "1/K), which is nonnegative and is 0 exactly when p is uniform",
                 uses=("gibbs", "kl-divergence-is-nonnegative")),
        ),
        context=Context(),
        notes=(
            "K = |A_X| is the number of outcomes. The bound is an equality exactly when "
            "p_k = 1/K for every k, because the KL divergence vanishes only when its two "
            "arguments agree (see kl-divergence-is-nonnegative). If p has zeros the bound is "
            "strict; p is then uniform over a smaller set at best.",
            "Erratum: the document (line 419) writes H(X) = E_X log P(X). That expectation "
            "is -H(X) <= 0; the entropy is E_X log 1/P(X) = -E_X log P(X), as in its "
            "previous line.",
        ),
        errata=(wrong,),
    )
