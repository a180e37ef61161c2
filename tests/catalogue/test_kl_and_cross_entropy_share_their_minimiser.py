"""KL(phat||softmax(theta)) and H(phat, softmax(theta)) have the same gradient and minimiser."""
import numpy as np
import sympy as sp

from derivations.catalogue import kl_and_cross_entropy_share_their_minimiser as module
from symbolic.numeric import cross_entropy, kl_divergence, softmax


def test_difference_has_zero_gradient_symbolically():
    d = module.derivation()
    theta = next(b for b in d.start.atoms(sp.IndexedBase) if b.name == "theta")
    gradient = sp.diff(d.start, theta[1]).doit()
    assert sp.simplify(gradient) == 0


def _fit(objective_gradient, steps=3000, rate=0.5):
    theta = np.zeros(4)
    for _ in range(steps):
        theta -= rate * objective_gradient(theta)
    return theta - theta.mean()          # softmax is shift-invariant: compare centred


def test_both_objectives_reach_the_same_theta():
    rng = np.random.default_rng(3)
    labels = rng.choice(4, size=200, p=[0.4, 0.3, 0.2, 0.1])
    phat = np.bincount(labels, minlength=4) / len(labels)

    def numeric_gradient(f, theta, h=1e-6):
        return np.array([(f(theta + h * e) - f(theta - h * e)) / (2 * h)
                         for e in np.eye(len(theta))])

    def kl(theta):
        return float(kl_divergence(phat, softmax(theta)))

    def ce(theta):
        return float(cross_entropy(phat, softmax(theta)))

    theta_kl = _fit(lambda t: numeric_gradient(kl, t))
    theta_ce = _fit(lambda t: numeric_gradient(ce, t))
    theta_mle = np.log(phat) - np.log(phat).mean()     # the MLE: softmax(theta) = phat
    assert np.allclose(theta_kl, theta_ce, atol=1e-6)
    assert np.allclose(theta_ce, theta_mle, atol=1e-4)
    assert np.allclose(softmax(theta_ce), phat, atol=1e-5)
    assert np.isclose(ce(theta_ce) - kl(theta_ce), -np.sum(phat * np.log(phat)))
