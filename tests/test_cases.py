"""Case splits (one-hot, binary labels, finite domains), zero entries, stated decimals."""
import sympy as sp

from symbolic.context import Context
from symbolic.lemmas.cases import prove_identity
from symbolic.lemmas.decimals import decide
from symbolic.lemmas.zeros import continuous_at_zero, zero_bases
from symbolic.objects import (binary_labels, index, logits, one_hot, pmf, probabilities,
                              support_size)
from symbolic.quantities import BinaryCrossEntropy, CrossEntropy, Softmax, StatedDecimal
from symbolic.verify import CheckOptions, check_relation

C, k, c, i = support_size("C"), index("k"), index("c"), index("i")
n = support_size("n")
y1, q = one_hot("y", C), pmf("q", C)
ONE_HOT = Context(class_of={y1: c})
yhat, labels = probabilities("yhat", n), binary_labels("y", n)


def method(proof):
    return None if proof is None else proof.method


# --- one-hot ------------------------------------------------------------------------------
def test_one_hot_sum_is_its_hot_term():
    proof = prove_identity(CrossEntropy(y1, q), -sp.log(q[c]), ONE_HOT)
    assert method(proof) == ("case split: y is one-hot with y[c] = 1: y[k] = 0 for k != c "
                             "(0 log 0 = 0)")
    entropy = -sp.Sum(y1[k] * sp.log(y1[k]), (k, 1, C))
    assert method(prove_identity(entropy, 0, ONE_HOT)) is not None


def test_one_hot_near_misses():
    assert prove_identity(CrossEntropy(y1, q), -sp.log(q[1]), ONE_HOT) is None
    assert prove_identity(CrossEntropy(y1, q), -sp.log(q[c]), Context()) is None
    # a sum over part of the support keeps no hot term for sure
    part = -sp.Sum(y1[k] * sp.log(q[k]), (k, 1, C - 1))
    assert prove_identity(part, -sp.log(q[c]), ONE_HOT) is None
    # log y_k alone is -oo where y_k = 0: the split does not apply
    assert prove_identity(sp.Sum(sp.log(y1[k]), (k, 1, C)), 0, ONE_HOT) is None


# --- binary labels ------------------------------------------------------------------------
def test_binary_labels_pick_a_factor():
    bern = sp.Product(yhat[i] ** labels[i] * (1 - yhat[i]) ** (1 - labels[i]), (i, 1, n))
    picked = sp.Product(sp.Piecewise((yhat[i], sp.Eq(labels[i], 1)), (1 - yhat[i], True)),
                        (i, 1, n))
    proof = prove_identity(bern, picked)
    assert method(proof).startswith("case split: y in {0, 1}: both cases of each entry")
    nll = -sp.log(bern) / n
    bce = sp.Sum(BinaryCrossEntropy(yhat[i], labels[i]), (i, 1, n)) / n
    assert method(prove_identity(nll, bce)) is not None


def test_binary_labels_near_misses():
    wrong = sp.Product(sp.Piecewise((1 - yhat[i], sp.Eq(labels[i], 1)), (yhat[i], True)),
                       (i, 1, n))
    bern = sp.Product(yhat[i] ** labels[i] * (1 - yhat[i]) ** (1 - labels[i]), (i, 1, n))
    assert prove_identity(bern, wrong) is None
    # y_i² = y_i holds for labels but is not a Piecewise or an index: not claimed
    two = sp.Product(yhat[i] ** (2 * labels[i]), (i, 1, n))
    assert prove_identity(bern, two) is None


def test_finite_domain_scalar_cases():
    y = sp.Symbol("y", integer=True)
    ctx = Context(domains={y: sp.FiniteSet(0, 1)})
    proof = prove_identity(y ** 2, y, ctx)
    assert method(proof) == "case split: y in {0, 1}"
    assert proof.side_conditions == ("y = 0: symbolic: identical", "y = 1: symbolic: identical")
    assert prove_identity(y ** 2, y, Context(domains={y: sp.FiniteSet(0, 2)})) is None


# --- zero entries -------------------------------------------------------------------------
def test_zero_entries_by_continuity():
    p = pmf("p", C, zeros=True)
    proof = prove_identity(sp.Sum(p[k] * sp.log(1 / p[k]), (k, 1, C)),
                           -sp.Sum(p[k] * sp.log(p[k]), (k, 1, C)))
    assert "p may have zero entries" in method(proof)
    assert continuous_at_zero(p[k] * sp.log(p[k] * q[k]), zero_bases(p[k]))
    # log p_k not multiplied by p_k is -oo at a zero entry
    assert not continuous_at_zero(q[k] * sp.log(p[k]), zero_bases(p[k]))
    assert not continuous_at_zero(sp.log(p[1] + p[2]) * p[1], zero_bases(p[1]))
    assert not continuous_at_zero(1 / p[k], zero_bases(p[k]))
    assert prove_identity(sp.Sum(q[k] * sp.log(1 / p[k]), (k, 1, C)),
                          -sp.Sum(q[k] * sp.log(p[k]), (k, 1, C))) is None


def test_domains_make_signs_known():
    p = sp.Symbol("p", positive=True)
    ctx = Context(domains={p: sp.Interval.open(0, 1)})
    proof = prove_identity(sp.log(p / (1 - p)), sp.log(p) - sp.log(1 - p), ctx)
    assert method(proof) == "symbolic: p in Interval.open(0, 1) written as t/(t + 1), t > 0"
    assert prove_identity(sp.log(p / (1 - p)), sp.log(p) - sp.log(1 - p), Context()) is None


def test_sums_as_unknowns_need_closed_sums():
    K, j = support_size("K"), index("j")
    z = logits("z", K)
    odds = sp.exp(z[1] - z[K]) / sp.Sum(sp.exp(z[k] - z[K]), (k, 1, K))
    ratio = (Softmax(z, 1) / Softmax(z, K)) / sp.Sum(Softmax(z, k) / Softmax(z, K), (k, 1, K))
    assert method(prove_identity(odds, ratio)) == \
        "symbolic: each sum simplified, then treated as one unknown"
    assert prove_identity(odds, 2 * ratio) is None
    # an inner sum that depends on the outer index is not one unknown
    inner = sp.Sum(sp.Sum(z[j], (j, 1, k)), (k, 1, K))
    assert prove_identity(inner, K * sp.Sum(z[j], (j, 1, K))) is None


# --- stated decimals ----------------------------------------------------------------------
def test_decimals_by_interval_arithmetic():
    bits = -sp.log(sp.Rational(99, 100), 2)
    held = decide(bits, StatedDecimal.from_text("0.0144"), "≈")
    assert held.holds and held.method == "interval arithmetic at 64 bits: |lhs - rhs| < 0.0001"
    assert not decide(bits, StatedDecimal.from_text("0.0146"), "≈").holds
    assert decide(bits, StatedDecimal.from_text("0.0145"), "≈").holds   # 0.01449…
    assert decide(sp.pi, StatedDecimal.from_text("3.14"), "≈").holds
    assert decide(sp.pi, StatedDecimal.from_text("3.15"), "≈").holds    # 0.0084 < 0.01
    assert not decide(sp.pi, StatedDecimal.from_text("3.16"), "≈").holds
    assert decide(sp.Symbol("x"), StatedDecimal.from_text("3.14"), "≈") is None
    assert decide(sp.pi, 3, "≈") is None                   # no stated decimal: no tolerance
    assert decide(sp.EulerGamma, StatedDecimal.from_text("0.58"), "≈") is None   # not bounded here


def test_check_relation_proves_and_refutes_stated_decimals():
    opts = CheckOptions(samples=50)
    v = check_relation(-sp.log(sp.Rational(3, 4)), StatedDecimal.from_text("0.288"), "≈",
                       options=opts)
    assert (v.status, v.method) == ("proved", "interval arithmetic at 64 bits: "
                                              "|lhs - rhs| < 0.001")
    v = check_relation(-sp.log(sp.Rational(3, 4)), StatedDecimal.from_text("0.289"), "≈",
                       options=opts)
    assert v.status == "refuted"
    v = check_relation(sp.E, sp.Rational(27, 10), "≥", options=opts)
    assert (v.status, v.method) == ("proved", "interval arithmetic at 64 bits: lhs ≥ rhs")
