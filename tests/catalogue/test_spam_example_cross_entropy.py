"""Seed 002's spam example and the KL asymmetry built on the same pair of pmfs."""
import numpy as np
import sympy as sp

from derivations.catalogue import kl_divergence_is_asymmetric, spam_example_cross_entropy
from symbolic import numeric

P, Q = np.array([0.8, 0.2]), np.array([0.7, 0.3])


def test_cross_entropy_is_entropy_plus_kl_against_the_reference_implementation():
    ce, h, kl = numeric.cross_entropy(P, Q), numeric.entropy(P), numeric.kl_divergence(P, Q)
    assert np.isclose(ce, h + kl, rtol=0, atol=1e-15)
    d = spam_example_cross_entropy.derivation()
    assert float(d.start) == float(d.steps[-1].expr)
    assert np.isclose(float(d.start), ce, rtol=1e-15)


def test_the_stated_values_in_the_notes():
    assert round(float(numeric.cross_entropy(P, Q)), 6) == 0.526135
    assert round(float(numeric.entropy(P)), 6) == 0.500402
    assert round(float(numeric.kl_divergence(P, Q)), 6) == 0.025732
    assert round(float(numeric.kl_divergence(Q, P)), 6) == 0.028168


def test_kl_asymmetry_chain_ends_at_the_reverse_divergence():
    d = kl_divergence_is_asymmetric.derivation()
    first, relation, last = d.conclusion
    assert relation == "<"
    assert np.isclose(float(first), numeric.kl_divergence(P, Q), rtol=1e-14)
    assert np.isclose(float(last), numeric.kl_divergence(Q, P), rtol=1e-14)
    assert sp.N(last - first) > 0
