"""Monte-Carlo: the mean log-likelihood ratio of samples from p converges to D_KL(p||q)."""
import numpy as np

from symbolic.numeric import kl_divergence

P = np.array([0.5, 0.25, 0.15, 0.1])
Q = np.array([0.1, 0.2, 0.3, 0.4])


def test_mean_log_likelihood_ratio_converges_to_kl():
    rng = np.random.default_rng(20200603)
    kl = float(kl_divergence(P, Q))
    ratio = np.log(P / Q)
    errors = []
    for n in (1_000, 20_000, 200_000):
        x = rng.choice(len(P), size=n, p=P)
        terms = ratio[x]
        stderr = terms.std(ddof=1) / np.sqrt(n)
        error = abs(terms.mean() - kl)
        assert error < 5 * stderr
        errors.append(error)
    assert errors[-1] < 0.005


def test_log_of_product_is_sum_of_logs():
    rng = np.random.default_rng(1)
    x = rng.choice(len(P), size=50, p=P)
    assert np.isclose(np.log(np.prod(P[x] / Q[x])), np.log(P[x] / Q[x]).sum())
