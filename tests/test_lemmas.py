"""The lemma library: each lemma proves its instances, and near misses never match."""
import sympy as sp

from symbolic.context import Context
from symbolic.lemmas import LEMMAS, lemma_named, prove_equivalence, prove_order
from symbolic.lemmas.facts import at_most_one, is_positive
from symbolic.objects import index, pmf, probabilities, support_size
from symbolic.quantities import Entropy, KLDivergence

K, k = support_size("K"), index("k")
p, q = pmf("p", K), pmf("q", K)
p0 = pmf("p", K, zeros=True)
x = probabilities("x", K)
t = sp.Symbol("t", positive=True)
r = sp.Symbol("r", real=True)


def S(body):
    return sp.Sum(body, (k, 1, K))


def method(proof):
    return None if proof is None else proof.method


# --- every lemma is a named object with a statement and side conditions ------------------
def test_every_lemma_has_statement_and_side_conditions():
    names = [lemma.name for lemma in LEMMAS]
    assert len(names) == len(set(names)) == 9
    assert {"jensen", "gibbs", "log-at-most-x-minus-1", "log-sum-inequality",
            "entropy-at-most-log-support", "surprisal-nonnegative", "exp-is-increasing",
            "log-is-increasing", "positive-multiplier"} == set(names)
    for lemma in LEMMAS:
        assert lemma.statement and lemma.side_conditions and lemma.title


# --- Jensen -------------------------------------------------------------------------------
def test_jensen_for_the_concave_log_with_pmf_weights():
    proof = prove_order(-sp.log(S(p0[k] * x[k])), S(-p0[k] * sp.log(x[k])), "≤")
    assert proof.method == "lemma: jensen"
    assert proof.uses == ("jensen",)
    assert "f is concave: f''(t) = -1/t**2 <= 0 for t > 0" in proof.side_conditions
    assert proof.instance.startswith("f = log (concave), weights p")


def test_jensen_for_the_convex_exp():
    z = sp.IndexedBase("z", real=True)
    proof = prove_order(sp.exp(S(p[k] * z[k])), S(p[k] * sp.exp(z[k])), "≤")
    assert method(proof) == "lemma: jensen"
    assert "convex" in proof.instance


def test_jensen_near_misses():
    # the wrong direction: a concave f gives f(E x) >= E f(x), not <=
    assert prove_order(sp.log(S(p[k] * x[k])), S(p[k] * sp.log(x[k])), "≤") is None
    z = sp.IndexedBase("z", real=True)
    assert prove_order(sp.exp(S(p[k] * z[k])), S(p[k] * sp.exp(z[k])), "≥") is None
    # weights that are not a pmf (x is a family of probabilities: no sum to 1)
    assert prove_order(-sp.log(S(x[k] * q[k])), S(-x[k] * sp.log(q[k])), "≤") is None
    # a pmf summed over part of its support
    part = sp.Sum(p[k] * q[k], (k, 1, K - 1))
    assert prove_order(-sp.log(part), sp.Sum(-p[k] * sp.log(q[k]), (k, 1, K - 1)), "≤") is None
    # log of values that may be negative: not in the domain of log
    assert prove_order(-sp.log(S(p[k] * z[k])), S(-p[k] * sp.log(z[k])), "≤") is None
    # a strict inequality is not what Jensen gives
    assert prove_order(-sp.log(S(p[k] * x[k])), S(-p[k] * sp.log(x[k])), "<") is None


# --- Gibbs, entropy bound, log-sum --------------------------------------------------------
def test_gibbs():
    assert method(prove_order(KLDivergence(p, q), 0, "≥")) == "lemma: gibbs"
    uniform = prove_order(S(p0[k] * sp.log(K * p0[k])), 0, "≥")
    assert method(uniform) == "lemma: gibbs"
    assert "the sum of q over k = 1..K is at most 1" in uniform.side_conditions
    assert uniform.instance == "p = p, q = 1/K, over k = 1..K"


def test_gibbs_near_misses():
    assert prove_order(KLDivergence(p, q), 0, "≤") is None
    assert prove_order(KLDivergence(p, q), 0, ">") is None
    # q_k = 2/K sums to 2: D(p || 2/K) = -log 2 < 0 at the uniform p
    assert prove_order(S(p[k] * sp.log(K * p[k] / 2)), 0, "≥") is None
    # weights that are not a pmf
    assert prove_order(S(x[k] * sp.log(x[k] / q[k])), 0, "≥") is None


def test_entropy_at_most_log_support():
    proof = prove_order(Entropy(p0), sp.log(K), "≤")
    assert method(proof) == "lemma: entropy-at-most-log-support"
    assert prove_order(Entropy(p0), sp.log(K) - 1, "≤") is None
    assert prove_order(Entropy(p0), sp.log(K - 1), "≤") is None


def test_log_sum_inequality():
    a, b = probabilities("a", K), probabilities("b", K)
    A, B = S(a[k]), S(b[k])
    proof = prove_order(S(a[k] * sp.log(a[k] / b[k])), A * sp.log(A / B), "≥")
    assert method(proof) == "lemma: log-sum-inequality"
    assert prove_order(S(a[k] * sp.log(a[k] / b[k])), A * sp.log(B / A), "≥") is None
    c = sp.IndexedBase("c", real=True)        # not known positive
    C = S(c[k])
    assert prove_order(S(c[k] * sp.log(c[k] / b[k])), C * sp.log(C / B), "≥") is None


# --- log t <= t - 1 and -log P >= 0 ------------------------------------------------------
def test_log_at_most_x_minus_1():
    assert method(prove_order(sp.log(t), t - 1, "≤")) == "lemma: log-at-most-x-minus-1"
    termwise = prove_order(-S(p[k] * sp.log(q[k] / p[k])), -S(p[k] * (q[k] / p[k] - 1)), "≥")
    assert method(termwise) == "lemma: log-at-most-x-minus-1"
    assert "p[k] >= 0" in termwise.side_conditions


def test_log_at_most_x_minus_1_near_misses():
    assert prove_order(sp.log(t), t - 2, "≤") is None
    assert prove_order(sp.log(r), r - 1, "≤") is None           # r may be <= 0
    assert prove_order(sp.log(t), t - 1, "<") is None           # equality at t = 1
    # a negative weight turns the inequality around
    assert prove_order(-S(-p[k] * sp.log(q[k] / p[k])), -S(-p[k] * (q[k] / p[k] - 1)),
                       "≥") is None


def test_surprisal_nonnegative():
    P = sp.Symbol("P", positive=True)
    ctx = Context(domains={P: sp.Interval.Lopen(0, 1)})
    proof = prove_order(-sp.log(P) / sp.log(2), 0, "≥", ctx)
    assert method(proof) == "lemma: surprisal-nonnegative"
    assert proof.side_conditions == ("P > 0", "P <= 1", "1/log(2) >= 0")
    assert method(prove_order(Entropy(p), 0, "≥")) == "lemma: surprisal-nonnegative"


def test_surprisal_near_misses():
    P = sp.Symbol("P", positive=True)
    # no domain: P may exceed 1
    assert prove_order(-sp.log(P), 0, "≥") is None
    ctx = Context(domains={P: sp.Interval.open(0, 2)})
    assert prove_order(-sp.log(P), 0, "≥", ctx) is None
    ctx = Context(domains={P: sp.Interval.Lopen(0, 1)})
    assert prove_order(sp.log(P), 0, "≥", ctx) is None
    assert prove_order(-sp.log(2 * x[1]), 0, "≥") is None       # 2 x_1 may exceed 1


# --- monotonicity and positive multipliers ----------------------------------------------
def test_exp_and_log_are_increasing():
    a = sp.Symbol("a", positive=True)
    proof = prove_order(sp.exp(r - t), sp.exp(r), "≤")
    assert method(proof) == "lemma: exp-is-increasing"
    assert proof.side_conditions == ()
    assert method(prove_order(sp.log(a), sp.log(a + t), "<")) == "lemma: log-is-increasing"
    assert prove_order(sp.exp(r + t), sp.exp(r), "≤") is None
    assert prove_order(sp.log(r), sp.log(r + t), "≤") is None      # r may be <= 0
    assert prove_order(sp.log(a), sp.log(a + t), "≥") is None


def test_positive_multiplier_for_inequalities():
    a = sp.Symbol("a", positive=True)
    proof = prove_order(a * sp.exp(r - t), a * sp.exp(r), "≤")
    assert method(proof) == "lemma: positive-multiplier"
    assert proof.uses == ("positive-multiplier", "exp-is-increasing")
    assert prove_order(r * sp.exp(r - t), r * sp.exp(r), "≤") is None   # r may be negative
    assert prove_order(-a * sp.exp(r - t), -a * sp.exp(r), "≤") is None


def test_equivalences_by_lemma():
    y = sp.Symbol("y", positive=True)
    ctx = Context(domains={y: sp.Interval.open(0, 1)})
    e = sp.exp(r)
    proof = prove_equivalence(sp.Eq(e, y / (1 - y)), sp.Eq((1 - y) * e, y), (), ctx)
    assert method(proof) == "lemma: positive-multiplier"
    assert proof.side_conditions[0] == "c > 0: 1 - y"
    # without the domain, 1 - y may be 0 or negative
    assert prove_equivalence(sp.Eq(e, y / (1 - y)), sp.Eq((1 - y) * e, y), (), Context()) is None
    # an inequality multiplied by a quantity of unknown sign
    assert prove_equivalence(sp.Le(e, y), sp.Le(r * e, r * y), (), ctx) is None
    proof = prove_equivalence(sp.Eq(r, sp.log(y)), sp.Eq(sp.exp(r), y), (), ctx)
    assert method(proof) == "lemma: exp-is-increasing"
    assert prove_equivalence(sp.Eq(r, sp.log(y)), sp.Eq(sp.exp(r), 2 * y), (), ctx) is None
    assert method(prove_equivalence(sp.Le(y, t), sp.Le(sp.log(y), sp.log(t)), (), ctx)) == \
        "lemma: log-is-increasing"
    assert prove_equivalence(sp.Le(r, t), sp.Le(sp.log(r), sp.log(t)), (), ctx) is None


# --- facts used by side conditions -------------------------------------------------------
def test_facts_from_domains():
    y = sp.Symbol("y", real=True)
    assert is_positive(1 - y, Context(domains={y: sp.Interval.open(0, 1)}))
    assert not is_positive(1 - y, Context(domains={y: sp.Interval(0, 1)}))
    assert not is_positive(1 - y)
    assert at_most_one(p[1]) and at_most_one(x[2] * p[1])
    assert not at_most_one(p[1] + q[1])
    assert not at_most_one(y, Context(domains={y: sp.Interval.open(0, 2)}))


def test_lemma_named():
    assert lemma_named("jensen").title == "Jensen's inequality"


def test_gibbs_for_a_joint_pmf_and_the_product_of_its_marginals():
    from symbolic.objects import joint_pmf
    from symbolic.quantities import (ConditionalEntropyYX, JointEntropy, MarginalEntropyX,
                                     MarginalEntropyY, MutualInformation)
    M, N = support_size("M"), support_size("N")
    P = joint_pmf("P", M, N)
    proof = prove_order(MutualInformation(P), 0, "≥")
    assert method(proof) == "lemma: gibbs"
    assert "the sum of q over x = 1..M, y = 1..N is at most 1" in proof.side_conditions
    assert method(prove_order(ConditionalEntropyYX(P), MarginalEntropyY(P), "≤")) == \
        "lemma: gibbs"
    HX, HY = MarginalEntropyX(P), MarginalEntropyY(P)
    assert method(prove_order(JointEntropy(P), HX + HY, "≤")) == "lemma: gibbs"
    assert prove_order(JointEntropy(P), HX + HY, "≥") is None
    assert prove_order(MutualInformation(P), 0, "≤") is None
    # the marginal of X times itself is not a pmf on the M × N outcomes
    assert prove_order(JointEntropy(P), 2 * HX, "≤") is None
