"""Verification: true steps hold, deliberately wrong steps are refuted with a
counterexample that really violates the relation."""
import time

import numpy as np
import pytest
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.evaluate import evaluate_precise
from symbolic.objects import index, pmf, support_size
from symbolic.quantities import CrossEntropy, Entropy, KLDivergence, Logit, Sigmoid
from symbolic.verify import CheckOptions, check_derivation, check_relation

K = support_size("K")
p, q = pmf("p", K), pmf("q", K)
k = index("k")
x = sp.Symbol("x", real=True)
y = sp.Symbol("y", positive=True)
UNIT = Context(domains={y: sp.Interval.open(0, 1)})
SRC = (Source("000_785bcb426b630ca2.txt", "test"),)


def _values(counter, name):
    return np.array(counter.values[name], dtype=float)


def test_sign_flip_is_refuted_with_a_real_counterexample():
    wrong = -(CrossEntropy(p, q) - Entropy(p))
    v = check_relation(KLDivergence(p, q), wrong, "=")
    assert v.status == "refuted"
    c = v.counterexample
    size = c.values["K"]
    pv, qv = _values(c, "p"), _values(c, "q")
    assert len(pv) == size
    kl = float(np.sum(pv * np.log(pv / qv)))
    assert abs(kl - c.lhs) < 1e-9 * max(1, abs(kl))
    assert abs(c.lhs - c.rhs) > 1e-6


def test_swapped_kl_arguments_are_refuted():
    v = check_relation(KLDivergence(p, q), CrossEntropy(q, p) - Entropy(q), "=")
    assert v.status == "refuted"
    pv, qv = _values(v.counterexample, "p"), _values(v.counterexample, "q")
    assert abs(np.sum(pv * np.log(pv / qv)) - np.sum(qv * np.log(qv / pv))) > 1e-9


def test_reversed_inequality_is_refuted():
    v = check_relation(KLDivergence(p, q), 0, "≤")
    assert v.status == "refuted"
    assert v.counterexample.lhs > 0


def test_strict_inequality_fails_where_equality_is_reached():
    v = check_relation(KLDivergence(p, q), 0, ">")
    assert v.status == "refuted"
    pv, qv = _values(v.counterexample, "p"), _values(v.counterexample, "q")
    assert np.allclose(pv, qv)


def test_wrong_equation_step_is_refuted_at_a_root():
    v = check_relation(sp.Eq(x, Logit(y)), sp.Eq(sp.exp(x), y / (1 + y)), "⇔", UNIT)
    assert v.status == "refuted"
    c = v.counterexample
    xv, yv = c.values["x"], c.values["y"]
    assert abs(xv - np.log(yv / (1 - yv))) < 1e-9          # the first equation holds …
    assert abs(np.exp(xv) - yv / (1 + yv)) > 1e-3          # … the second does not


def test_true_equation_step_holds():
    v = check_relation(sp.Eq(y, sp.exp(x) / (1 + sp.exp(x))), sp.Eq(y, Sigmoid(x)), "⇔", UNIT)
    assert v.holds


def test_gibbs_beyond_simplify_is_proved_by_its_lemma():
    # Gibbs' inequality: true for every pmf pair, beyond SymPy's simplifier.
    v = check_relation(CrossEntropy(p, q), Entropy(p), "≥")
    assert (v.status, v.method, v.uses) == ("proved", "lemma: gibbs", ("gibbs",))
    assert v.samples >= 1000
    assert "q = q[k] > 0" in v.side_conditions


def test_gibbs_with_zeros_uses_the_zero_log_convention():
    pz = pmf("p", K, zeros=True)
    v = check_relation(CrossEntropy(pz, q), Entropy(pz), "≥")
    assert (v.status, v.method) == ("proved", "lemma: gibbs")


def test_a_true_inequality_no_lemma_covers_is_checked_not_refuted():
    # sum_k p_k^2 <= 1 for a pmf: true, but neither SymPy nor a lemma proves it
    v = check_relation(sp.Sum(p[k] ** 2, (k, 1, K)), 1, "≤")
    assert v.status == "checked" and v.method.startswith("numeric: ")
    assert v.samples >= 1000


def test_symbolic_timeout_falls_back_to_numeric_and_says_so(monkeypatch):
    from symbolic import prove

    def slow(*args):
        time.sleep(30)

    monkeypatch.setattr(prove, "prove_equal", slow)
    start = time.monotonic()
    v = check_relation(sp.log(y**2), 2 * sp.log(y), "=",
                       options=CheckOptions(symbolic_seconds=0.5))
    assert time.monotonic() - start < 10
    assert v.status == "checked"
    assert "timed out after 0.5 s" in v.method


def test_stated_decimal_within_one_unit_is_accepted_and_outside_refuted():
    from symbolic.quantities import StatedDecimal
    exact = -sp.log(sp.Rational(3, 4))                    # 0.28768…
    assert check_relation(exact, StatedDecimal.from_text("0.287"), "≈").holds
    assert check_relation(exact, StatedDecimal.from_text("0.288"), "≈").holds
    v = check_relation(exact, StatedDecimal.from_text("0.286"), "≈")
    assert v.status == "refuted"


def test_approximation_without_a_decimal_is_unknown():
    v = check_relation(sp.log(1 + x), x, "≈")
    assert v.status == "unknown"
    assert "precision" in v.reason


def test_unevaluable_function_is_unknown_never_refuted():
    f = sp.Function("f")
    v = check_relation(f(x), x, "=")
    assert v.status == "unknown"
    assert "f" in v.reason


def test_counterexample_reproduces_at_high_precision():
    v = check_relation(Entropy(p), sp.log(K), "=")
    assert v.status == "refuted"
    c = v.counterexample
    pv = _values(c, "p")
    h = -sum(pi * np.log(pi) for pi in pv if pi > 0)
    assert abs(h - c.lhs) < 1e-9
    assert abs(np.log(c.values["K"]) - c.rhs) < 1e-12


def test_wrong_derivation_reports_the_wrong_step_only():
    d = Derivation("wrong", "Wrong", SRC, start=KLDivergence(p, q), steps=(
        Step(sp.Sum(p[k] * sp.log(p[k] / q[k]), (k, 1, K)), "=", "definition"),
        Step(sp.Sum(p[k] * sp.log(q[k]), (k, 1, K)) - sp.Sum(p[k] * sp.log(p[k]), (k, 1, K)),
             "=", "a sign error"),
    ))
    report = check_derivation(d)
    assert [s.verdict.status for s in report.steps] == ["proved", "refuted"]
    assert report.verdict == "refuted"


def test_same_seed_same_counterexample():
    a = check_relation(KLDivergence(p, q), 0, "≤", key="k1")
    b = check_relation(KLDivergence(p, q), 0, "≤", key="k1")
    assert a.counterexample == b.counterexample


def test_precise_evaluation_beats_float64():
    assert float(evaluate_precise(sp.exp(x) - 1, {}, {x: 1e-20})) == pytest.approx(1e-20)


def test_strict_bounds_of_the_sigmoid_hold_where_float64_saturates():
    # σ(102.4) = 1 − 3e−45 and σ(−493) ≈ 7e−215: resolving them needs more than 50 digits.
    z = sp.Symbol("z", real=True)
    assert check_relation(Sigmoid(z), 1, "<").holds
    assert check_relation(Sigmoid(z), 0, ">").holds
    assert check_relation(Sigmoid(z), sp.Rational(1, 2), "<").status == "refuted"


def test_softmax_component_index_ranges_over_the_support():
    from symbolic.objects import logits
    from symbolic.quantities import Softmax
    z, i = logits("z", K), index("i")
    assert check_relation(Softmax(z, i), 1, "≤").holds


def test_not_equal_means_not_identically_equal():
    v = check_relation(KLDivergence(p, q), KLDivergence(q, p), "≠")
    assert v.status == "checked" and "differ" in v.method
    same = check_relation(CrossEntropy(p, q) - Entropy(p), KLDivergence(p, q), "≠")
    assert same.status == "refuted"
    assert same.counterexample.note == "the two sides are identically equal"


def test_equivalence_of_constant_relations():
    assert check_relation(sp.Eq(2, 2), sp.Le(1, 3), "⇔").status == "proved"
    assert check_relation(sp.Eq(2, 3, evaluate=False), sp.Lt(5, 4, evaluate=False),
                          "⇔").status == "proved"
    v = check_relation(sp.Eq(2, 2), sp.Lt(5, 4, evaluate=False), "⇔")
    assert v.status == "refuted"
