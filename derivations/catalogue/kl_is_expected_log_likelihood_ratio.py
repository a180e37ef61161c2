"""The log-likelihood ratio of n samples is a sum; its mean estimates D_KL(p‖q) (seed 001).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support

NAME = "kl-is-expected-log-likelihood-ratio"


def derivation() -> Derivation:
    """Seed 001, KL divergence: LR = prod p(x_i)/q(x_i), log LR = sum log p(x_i)/q(x_i)."""
    samples = Support.named("n", "i")
    n, i = samples.size, samples.index
    p = samples.probabilities("p")   # p_i = p(x_i), the likelihood of sample i under p
    q = samples.probabilities("q")   # q_i = q(x_i), its likelihood under q
    return Derivation(
        name=NAME,
        title="The mean log-likelihood ratio of n samples, whose expectation is the KL "
              "divergence",
        sources=(Source("001_9d059b10c48cc65c.txt", "KL divergence"),),
        start=sp.log(samples.product(p[i] / q[i])) / n,
        steps=(
            Step(samples.sum(sp.log(p[i] / q[i])) / n, "=",
                 "the log of a product of positive factors is the sum of their logs"),
            Step(samples.sum(sp.log(p[i]) - sp.log(q[i])) / n, "=",
                 "log(a/b) = log a - log b"),
        ),
        notes=(
            "For independent samples x_1..x_n the likelihood ratio is "
            "LR = prod_i p(x_i)/q(x_i), and log LR = sum_i log p(x_i)/q(x_i): the "
            "document's log-likelihood ratio. Here p_i and q_i stand for p(x_i) and "
            "q(x_i).",
            "Expectation: each term log p(x_i)/q(x_i) with x_i ~ p has mean "
            "sum_x p(x) log p(x)/q(x) = D_KL(p||q) (see kl-is-an-expectation), so by the "
            "law of large numbers the mean above converges to D_KL(p||q). "
            "tests/catalogue/test_kl_is_expected_log_likelihood_ratio.py checks this by a "
            "seeded Monte-Carlo run: with n = 200000 samples the sample mean is within "
            "5 standard errors of D_KL(p||q), and within 0.005 of it.",
            "The LR is the ratio of the two likelihoods of the data; it is not the "
            "probability that the data came from p rather than q, as line 61 of the "
            "document puts it (that would need a prior and Bayes' rule).",
        ),
    )
