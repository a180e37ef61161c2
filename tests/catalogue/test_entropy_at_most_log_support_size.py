"""H(p) <= log K with equality exactly at the uniform pmf (seed 002, Entropy)."""
import numpy as np
import pytest
import sympy as sp

from derivations.catalogue import entropy_at_most_log_support_size
from symbolic import numeric


@pytest.mark.parametrize("K", [2, 3, 5, 8])
def test_equality_at_the_uniform_pmf(K):
    u = sp.Rational(1, K)
    assert sp.simplify(-K * u * sp.log(u) - sp.log(K)) == 0
    assert np.isclose(numeric.entropy(np.full(K, 1.0 / K)), np.log(K), rtol=1e-15)


def test_strict_below_log_k_away_from_uniform():
    rng = np.random.default_rng(2)
    p = rng.dirichlet(np.ones(6), size=500)
    assert (numeric.entropy(p) < np.log(6)).all()
    gap = np.log(6) - numeric.entropy(p)
    assert np.allclose(gap, numeric.kl_divergence(p, np.full(6, 1 / 6)), atol=1e-12)


def test_the_chain_ends_at_log_k():
    first, relation, last = entropy_at_most_log_support_size.derivation().conclusion
    assert relation == "≤" and last == sp.log(sp.Symbol("K", integer=True, positive=True))
