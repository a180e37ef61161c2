"""D_KL(p‖q) = E_{x~p}[log p(x)/q(x)]: the KL divergence is an expectation (seed 000).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from derivations.catalogue.kl_is_cross_entropy_minus_entropy import kl_definition_step, kl_setup
from symbolic.derivation import Derivation, Source, Step
from symbolic.expectation import expectation
from symbolic.quantities import KLDivergence

NAME = "kl-is-an-expectation"


def derivation() -> Derivation:
    """Seed 000, KL section: the p-weighted sum of log p/q is an expectation under p."""
    outcomes, p, q = kl_setup()
    k = outcomes.index

    return Derivation(
        name=NAME,
        title="The KL divergence is the expected log-ratio of the two pmfs",
        sources=(Source("000_785bcb426b630ca2.txt", "KL-발산 (KL divergence)"),),
        start=KLDivergence(p, q),
        steps=(
            kl_definition_step(outcomes, p, q),
            Step(expectation(outcomes, p, sp.log(p[k]) - sp.log(q[k])), "=",
                 "log(a/b) = log a - log b: the value averaged is log p(x) - log q(x)"),
        ),
        notes=(
            "A sum over the support of p(k) times g(k) is the expectation of g(x) for "
            "x ~ p. With g(x) = log p(x)/q(x) this is the document's line "
            "D(p||q) = E_{x~p}[log p(x)/q(x)]. The last step writes the p-weighted sum as "
            "the expectation it stands for; the engine checks it as that sum.",
            "When p(x) = q(x) for every x each log-ratio is log 1 = 0, so D(p||p) = 0, "
            "as the document says.",
        ),
    )
