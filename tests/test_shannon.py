"""Shannon's measures of several random variables (symbolic/shannon.py): chain rules cancel
term by term, and every entropy of a marginal is the entropy of that marginal's numbers."""
import numpy as np
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic.objects import joint_pmf
from symbolic.shannon import (MarginalEntropy, conditional_entropy, entropy,
                              mutual_information)

P3 = joint_pmf("P", 2, 3, 2)
subsets = st.sets(st.integers(0, 2), max_size=3)


@settings(max_examples=60, deadline=None)
@given(subsets, subsets, subsets)
def test_the_chain_rule_of_mutual_information_holds_for_any_groups(a, b, c):
    assert mutual_information(P3, a, b | c) == \
        mutual_information(P3, a, c) + mutual_information(P3, a, b, given=c)


@settings(max_examples=60, deadline=None)
@given(subsets, subsets)
def test_the_chain_rule_of_entropy_holds_for_any_groups(a, b):
    assert entropy(P3, a | b) == entropy(P3, b) + conditional_entropy(P3, a, b)


def test_a_wrong_chain_rule_is_a_different_sum_of_entropies():
    assert conditional_entropy(P3, {0, 1}, {2}) != \
        conditional_entropy(P3, {0}, {2}) + conditional_entropy(P3, {1}, {2})


def test_the_entropy_of_a_marginal_is_computed_from_its_numbers():
    rng = np.random.default_rng(7)
    table = rng.dirichlet(np.ones(12)).reshape(2, 3, 2)
    values = {P3[i, j, k]: table[i - 1, j - 1, k - 1]
              for i in range(1, 3) for j in range(1, 4) for k in range(1, 3)}
    marginal = table.sum(axis=1).ravel()               # of X and Z
    expected = -(marginal * np.log(marginal)).sum()
    got = float(MarginalEntropy(P3, sp.Tuple(0, 2)).doit().subs(values))
    assert abs(got - expected) < 1e-12


def test_no_variable_has_no_entropy():
    assert entropy(P3, set()) == 0
    assert conditional_entropy(P3, {0}, {0}) == 0
