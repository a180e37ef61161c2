"""Symbolic attempts: the sum normal form proves true identities over sums and
never a near miss; prove_equal tries it before the simplify strategies."""
import pytest
import sympy as sp

from symbolic.objects import index, joint_pmf, logits, pmf, probabilities, support_size
from symbolic.prove import expanded, prove_equal
from symbolic.quantities import (ConditionalEntropyXY, ConditionalEntropyYX, CrossEntropy,
                                 Entropy, JointEntropy, KLDivergence, MarginalEntropyX,
                                 MarginalEntropyY, MutualInformation)
from symbolic.sums import Unsure, is_positive, normal_form, prove_by_normal_form

K, M, N = support_size("K"), support_size("M"), support_size("N")
i, j, k, x, y = (index(n) for n in "ijkxy")
P = joint_pmf("P", M, N)
PK = joint_pmf("P", K, K)
P0 = joint_pmf("P", M, N, zeros=True)
p, q = pmf("p", K), pmf("q", K)
p0, q0 = pmf("p", K, zeros=True), pmf("q", K, zeros=True)
z = logits("z", K)
yhat = probabilities("yhat", N)

SUM = "sum normal form"
PMF = "sum normal form, a pmf sums to 1"


def px(J=P, var=x, bound=j):
    """The marginal P(x) = Σ_j P[x, j]."""
    return sp.Sum(J[var, bound], (bound, 1, J.shape[1]))


def py(J=P, var=y, bound=i):
    """The marginal P(y) = Σ_i P[i, y]."""
    return sp.Sum(J[bound, var], (bound, 1, J.shape[0]))


def by_sums(lhs, rhs):
    return prove_by_normal_form(expanded(sp.sympify(lhs)), expanded(sp.sympify(rhs)))


# --- (a) true identities ------------------------------------------------------

def test_factor_free_of_the_inner_index_moves_out_of_the_double_sum():
    double = sp.Sum(P[x, y] * sp.log(px()), (y, 1, N), (x, 1, M))
    nested = sp.Sum(sp.Sum(P[x, y], (y, 1, N)) * sp.log(px()), (x, 1, M))
    assert prove_by_normal_form(double, nested) == SUM


def test_the_order_of_the_limits_does_not_matter():
    x_inner = sp.Sum(P[x, y] * sp.log(px()), (x, 1, M), (y, 1, N))
    nested = sp.Sum(sp.Sum(P[x, y], (y, 1, N)) * sp.log(px()), (x, 1, M))
    assert prove_by_normal_form(x_inner, nested) == SUM


def test_marginal_is_alpha_equivalent_whatever_its_index_is_called():
    assert normal_form(px(bound=j)) == normal_form(px(bound=y)) == normal_form(px(bound=k))
    assert prove_by_normal_form(sp.Sum(P[x, y] * sp.log(px(bound=y)), (y, 1, N), (x, 1, M)),
                                sp.Sum(px(bound=j) * sp.log(px(bound=k)), (x, 1, M))) == SUM


def test_mutual_information_is_entropy_minus_conditional_entropy():
    J = joint_pmf("P", K, K)
    assert by_sums(MutualInformation(J), MarginalEntropyX(J) - ConditionalEntropyXY(J)) == SUM
    assert by_sums(MutualInformation(J), MarginalEntropyY(J) - ConditionalEntropyYX(J)) == SUM
    assert by_sums(MutualInformation(P), MarginalEntropyX(P) + MarginalEntropyY(P)
                   - JointEntropy(P)) == SUM
    assert prove_equal(MutualInformation(J), MarginalEntropyX(J) - ConditionalEntropyXY(J)) \
        == SUM


def test_conditional_entropy_chain_rule():
    assert by_sums(ConditionalEntropyYX(PK), JointEntropy(PK) - MarginalEntropyX(PK)) == SUM
    assert by_sums(ConditionalEntropyXY(P), JointEntropy(P) - MarginalEntropyY(P)) == SUM
    assert prove_equal(ConditionalEntropyYX(PK), JointEntropy(PK) - MarginalEntropyX(PK)) == SUM


def test_sum_kept_whole_cancels_against_its_reciprocal():
    conditional = sp.Sum(sp.Sum(P[x, y] / px() * sp.log(P[x, y] / px()), (y, 1, N)) * px(),
                         (x, 1, M))
    assert by_sums(conditional, -ConditionalEntropyYX(P)) == SUM


def test_log_of_a_product_of_positive_factors_is_expanded():
    assert by_sums(sp.Sum(p[k] * sp.log(2 * p[k] / q[k] ** 2), (k, 1, K)),
                   sp.log(2) * sp.Sum(p[k], (k, 1, K)) + 2 * CrossEntropy(p, q)
                   - Entropy(p)) == SUM
    assert by_sums(KLDivergence(p, q), CrossEntropy(p, q) - Entropy(p)) == SUM


def test_log_of_a_product_over_positive_factors_is_a_sum_of_logs():
    assert prove_by_normal_form(sp.log(sp.Product(yhat[i], (i, 1, N))),
                                sp.Sum(sp.log(yhat[i]), (i, 1, N))) == SUM


def test_product_of_sums_over_independent_indices():
    product = sp.Sum(p[x] * sp.log(p[x]), (x, 1, K)) * sp.Sum(q[y], (y, 1, K))
    double = sp.Sum(p[x] * q[y] * sp.log(p[x]), (x, 1, K), (y, 1, K))
    assert prove_by_normal_form(product, double) == SUM


def test_sum_of_a_constant_is_the_count_times_the_constant():
    c = sp.Symbol("c")
    assert normal_form(sp.Sum(c, (k, 1, K))) == K * c
    assert normal_form(sp.Sum(c, (k, 3, 1))) == -c    # SymPy's (Karr's) reversed range
    assert prove_by_normal_form(sp.Sum(P[x, y] * c, (y, 1, N), (k, 1, K)),
                                K * c * sp.Sum(P[x, j], (j, 1, N))) == SUM


def test_a_pmf_sums_to_one_over_its_whole_support():
    assert prove_by_normal_form(sp.Sum(p[k], (k, 1, K)), 1) == PMF
    assert prove_by_normal_form(sp.Sum(P[x, y], (x, 1, M), (y, 1, N)), 1) == PMF
    assert prove_by_normal_form(sp.Sum(p[k], (k, 1, K)) - sp.Sum(q[j], (j, 1, K)), 0) == PMF
    assert prove_by_normal_form(sp.log(sp.Sum(p0[k], (k, 1, K))), 0) == PMF
    assert prove_by_normal_form(sp.Sum(p[x] * q[y] * sp.log(p[x]), (x, 1, K), (y, 1, K)),
                                sp.Sum(p[x] * sp.log(p[x]), (x, 1, K))) == PMF


def test_sum_positivity_needs_a_nonempty_range_not_the_index_assumptions():
    lying = sp.Symbol("n", integer=True, positive=True)
    assert is_positive(sp.Sum(p[k], (k, 1, K))) is True
    assert is_positive(sp.Sum(p[k], (k, 3, 1))) is False
    assert is_positive(sp.Sum(lying, (lying, -5, 1))) is False   # SymPy says True
    assert is_positive(sp.Sum(p0[k], (k, 1, K))) is False


# --- (b) near misses: never proved ------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    # a wrong sign
    (MutualInformation(PK), MarginalEntropyX(PK) + ConditionalEntropyXY(PK)),
    (ConditionalEntropyYX(P), MarginalEntropyX(P) - JointEntropy(P)),
    (KLDivergence(p, q), Entropy(p) - CrossEntropy(p, q)),
    # swapped indices
    (sp.Sum(P[x, y] * sp.log(px()), (y, 1, N), (x, 1, M)),
     sp.Sum(sp.Sum(P[y, x], (y, 1, N)) * sp.log(px()), (x, 1, M))),
    (MutualInformation(PK), MarginalEntropyX(PK) - ConditionalEntropyYX(PK)),
    (sp.Sum(PK[x, y] * sp.log(px(PK)), (x, 1, K), (y, 1, K)),
     sp.Sum(PK[x, y] * sp.log(px(PK, var=y)), (x, 1, K), (y, 1, K))),
    # a term missing
    (MutualInformation(P), MarginalEntropyX(P) - JointEntropy(P)),
    (sp.Sum(p[k] * sp.log(2 * p[k]), (k, 1, K)), sp.Sum(p[k] * sp.log(p[k]), (k, 1, K))),
    # a factor that depends on the index pulled out of the Sum
    (sp.Sum(p[k] * sp.log(q[k]), (k, 1, K)),
     sp.Sum(p[k], (k, 1, K)) * sp.Sum(sp.log(q[k]), (k, 1, K))),
    (sp.Sum(P[x, y] * sp.log(P[x, y]), (y, 1, N), (x, 1, M)),
     sp.Sum(sp.Sum(P[x, y], (y, 1, N)) * sp.Sum(sp.log(P[x, y]), (y, 1, N)), (x, 1, M))),
    # a pmf sums to 1 only over its whole support, a marginal does not
    (sp.Sum(p[k], (k, 1, K - 1)), 1),
    (sp.Sum(p[k], (k, 2, K)), 1),
    (px(), 1),
    (sp.Sum(z[k], (k, 1, K)), 1),
    # the range of one index depends on another
    (sp.Sum(P[x, y], (x, 1, y), (y, 1, N)), sp.Sum(P[x, y], (y, 1, x), (x, 1, N))),
])
def test_near_misses_are_not_proved(lhs, rhs):
    assert by_sums(lhs, rhs) is None


@pytest.mark.parametrize("lhs, rhs", [
    # pmfs that may be 0: log(p q) is not log p + log q at p = 0
    (sp.Sum(p0[x] * q0[y] * sp.log(p0[x] * q0[y]), (x, 1, K), (y, 1, K)),
     sp.Sum(p0[x] * q0[y] * sp.log(p0[x]), (x, 1, K), (y, 1, K))
     + sp.Sum(p0[x] * q0[y] * sp.log(q0[y]), (x, 1, K), (y, 1, K))),
    (sp.Sum(p0[k] * sp.log(1 / p0[k]), (k, 1, K)), -sp.Sum(p0[k] * sp.log(p0[k]), (k, 1, K))),
    (ConditionalEntropyYX(P0), JointEntropy(P0) - MarginalEntropyX(P0)),
    # real, possibly negative, arguments
    (sp.Sum(sp.log(z[k] ** 2), (k, 1, K)), 2 * sp.Sum(sp.log(z[k]), (k, 1, K))),
    (sp.Sum(sp.log(-p[k]), (k, 1, K)), sp.Sum(sp.log(p[k]), (k, 1, K)) + K * sp.log(-1)),
    (sp.log(sp.Product(z[k], (k, 1, K))), sp.Sum(sp.log(z[k]), (k, 1, K))),
])
def test_log_of_an_argument_not_known_positive_is_not_expanded(lhs, rhs):
    assert by_sums(lhs, rhs) is None


def test_a_sum_is_positive_by_its_range_not_by_its_index_assumptions():
    n = sp.Symbol("n", integer=True, positive=True)
    s, t = sp.Sum(n, (n, -5, 1)), sp.Sum(n, (n, -6, 1))    # -14 and -20; SymPy says positive
    assert prove_by_normal_form(sp.log(s * t), sp.log(s) + sp.log(t)) is None
    assert is_positive(sp.Sum(n, (n, 1, K))) is False        # n could be any integer
    u, v = px(), sp.Sum(p[k], (k, 1, K))
    assert prove_by_normal_form(sp.log(u * v), sp.log(u) + sp.log(v)) == SUM


def test_infinite_limits_are_left_to_other_strategies():
    a, b = sp.IndexedBase("a"), sp.IndexedBase("b")
    with pytest.raises(Unsure):
        normal_form(sp.Sum(a[k] + b[k], (k, 1, sp.oo)))
    assert prove_by_normal_form(sp.Sum(a[k] + b[k], (k, 1, sp.oo)),
                                sp.Sum(a[k], (k, 1, sp.oo)) + sp.Sum(b[k], (k, 1, sp.oo))) is None


def test_dependent_limits_are_refused():
    with pytest.raises(Unsure):
        normal_form(sp.Sum(P[x, y], (x, 1, y), (y, 1, N)))


def test_this_modules_names_in_the_input_are_refused():
    s = sp.Symbol("_s1_0", integer=True)
    assert prove_by_normal_form(sp.Sum(p[s], (s, 1, K)), sp.Sum(p[k], (k, 1, K))) is None


# --- prove_equal: order of the strategies ------------------------------------

def test_prove_equal_keeps_simplify_for_identities_without_sums():
    t = sp.Symbol("t", positive=True)
    assert prove_equal(sp.log(t ** 2), 2 * sp.log(t)) == "simplify"
    assert prove_equal((t + 1) ** 2, t ** 2 + 2 * t + 1) == "simplify"


def test_prove_equal_refuses_a_near_miss_with_every_strategy():
    assert prove_equal(ConditionalEntropyYX(PK), MarginalEntropyX(PK) - JointEntropy(PK)) \
        is None
