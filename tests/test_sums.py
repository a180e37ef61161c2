"""The sum normal form: identities over finite sums, and what it refuses."""
import pytest
import sympy as sp

from symbolic.objects import index, joint_pmf, pmf, support_size
from symbolic.sums import Unsure, is_positive, normal_form, prove_by_normal_form

K, k, j = support_size("K"), index("k"), index("j")
p, q = pmf("p", K), pmf("q", K)


def test_linearity_and_renaming():
    lhs = sp.Sum(p[k] * sp.log(p[k] / q[k]), (k, 1, K))
    rhs = sp.Sum(p[j] * sp.log(p[j]), (j, 1, K)) - sp.Sum(p[k] * sp.log(q[k]), (k, 1, K))
    assert prove_by_normal_form(lhs, rhs) == "sum normal form"
    assert prove_by_normal_form(lhs, -rhs) is None


def test_pmfs_sum_to_one_only_over_their_whole_support():
    assert prove_by_normal_form(sp.Sum(p[k], (k, 1, K)), 1) == "sum normal form, a pmf sums to 1"
    assert prove_by_normal_form(sp.Sum(p[k], (k, 1, K - 1)), 1) is None
    M, N = support_size("M"), support_size("N")
    P, x, y = joint_pmf("P", M, N), index("x"), index("y")
    assert prove_by_normal_form(sp.Sum(P[x, y], (x, 1, M), (y, 1, N)), 1) is not None
    assert prove_by_normal_form(sp.Sum(P[x, y], (x, 1, M)), 1) is None


def test_positivity_needs_a_nonempty_range():
    assert is_positive(sp.Sum(p[k], (k, 1, K)))
    assert not is_positive(sp.Sum(p[k], (k, 3, 1)))
    assert not is_positive(sp.Sum(sp.Symbol("r", real=True), (k, 1, K)))


def test_a_log_of_a_product_is_split_only_for_positive_factors():
    r = sp.Symbol("r", real=True)
    assert normal_form(sp.log(2 * p[1])) == sp.log(2) + sp.log(p[1])
    assert normal_form(sp.log(r * p[1])) == sp.log(r * p[1])


def test_its_own_index_names_are_refused():
    with pytest.raises(Unsure):
        normal_form(sp.Symbol("_s1_0") + 1)
