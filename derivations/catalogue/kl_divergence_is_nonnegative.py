"""D(p‖q) ≥ 0 (Gibbs' inequality) from log t ≤ t − 1 (seed 002).

>>> derivation().conclusion[1]
'≥'
"""
import sympy as sp

from derivations.catalogue.kl_is_cross_entropy_minus_entropy import kl_definition_step, kl_setup
from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import KLDivergence

NAME = "kl-divergence-is-nonnegative"


def derivation() -> Derivation:
    """Seed 002, "Kullback–Leibler Divergence": the first property, proved here."""
    outcomes, p, q = kl_setup()
    k = outcomes.index

    return Derivation(
        name=NAME,
        title="The KL divergence is nonnegative (Gibbs' inequality)",
        sources=(Source("002_639aed3e79f5524e.txt", "Kullback–Leibler Divergence"),),
        start=KLDivergence(p, q),
        steps=(
            kl_definition_step(outcomes, p, q),
            Step(-outcomes.sum(p[k] * sp.log(q[k] / p[k])), "=", "log(a/b) = -log(b/a)"),
            Step(-outcomes.sum(p[k] * (q[k] / p[k] - 1)), "≥",
                 "log t <= t - 1 for every t > 0 (the log lies below its tangent at t = 1), "
                 "applied at t = q/p for each outcome and multiplied by -p < 0",
                 uses=("log-at-most-x-minus-1",)),
            Step(outcomes.sum(p[k]) - outcomes.sum(q[k]), "=",
                 "p (q/p - 1) = q - p for each outcome"),
            Step(sp.Integer(0), "=", "both pmfs sum to 1"),
        ),
        context=Context(),
        notes=(
            "The document links to a proof instead of giving one; this is the short proof "
            "by log t <= t - 1. Equality holds only where every t = q_k/p_k equals 1, so "
            "D(p||q) = 0 exactly when p = q.",
            "Here p and q are strictly positive. If p has zeros the same argument runs over "
            "the support of p, where sum q_k <= 1, and the bound still holds; if q is 0 where "
            "p is not, the divergence is +infinity.",
            "The document's definition (line 545) writes P(X) for P(x) in the sum; the "
            "summand is P(x) log(P(x)/Q(x)).",
        ),
    )
