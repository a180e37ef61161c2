"""The engine's models with parameters θ, convex functions, ≠ and ⇔ between numbers.

No LaTeX here: the quantities are built directly and go through ``check_relation``,
the path of every claim (catalogue step or relation read from a document).
"""
import math

import numpy as np
import pytest
import sympy as sp

from symbolic.confirm import CheckOptions
from symbolic.context import Context, draw, table_supports
from symbolic.evaluate import evaluate, evaluate_precise
from symbolic.model_checks import model_context
from symbolic.models import (CONST, DATA, EMPIRICAL, THETA, ArgMin, Conditional, Likelihood,
                             Marginal, ModelCrossEntropy, ModelKL, evaluable, model_symbol,
                             tables)
from symbolic.verify import check_relation

P = model_symbol("p_model")
Q = model_symbol("q_theta")
HAT = model_symbol(EMPIRICAL)
I = sp.Symbol("i", integer=True)
N = sp.Symbol("N", integer=True, positive=True)
OPTIONS = CheckOptions(samples=400)


def check(lhs, rhs, relation="=", context=None, key="t"):
    return check_relation(lhs, rhs, relation, context or Context(), OPTIONS, key)


def groups_of(*exprs, n=80):
    return draw(model_context(Context()), [evaluable(e) for e in exprs],
                np.random.default_rng(3), n)


# --- the object kinds and their sampler --------------------------------------------------
def test_data_sets_are_drawn_on_the_supports_of_the_models_tables():
    groups = groups_of(Conditional(P, 1) + Conditional(HAT, 1))
    assert sorted(g.sizes[N] for g in groups) == list(range(1, 9))   # data sizes 1..8
    for g in groups:
        data, tab = g.values[DATA.label], g.values[tables(P).label]
        assert data.shape == (g.count, g.sizes[N], 2) and tab.shape == (g.count, 8, 3, 4)
        rows, cols = table_supports(tab).T
        assert (data[:, :, 0] >= 1).all() and (data[:, :, 0] <= rows[:, None]).all()
        assert (data[:, :, 1] >= 1).all() and (data[:, :, 1] <= cols[:, None]).all()
        assert (data[0, :, 0] == 1).all()                  # one context: a marginal
        for s in range(g.count):                           # every row in use is a pmf
            used = tab[s, :, :rows[s], :cols[s]]
            assert np.allclose(used.sum(axis=2), 1) and (used > 0).all()
            assert (tab[s, :, rows[s]:, :] == 0).all() and (tab[s, :, :, cols[s]:] == 0).all()


def test_model_values_are_table_entries_and_the_empirical_ones_are_counts():
    (g, *_) = [g for g in groups_of(Conditional(P, 2) + Conditional(HAT, 2)) if g.sizes[N] == 5]
    data, tab = g.values[DATA.label].astype(int), g.values[tables(P).label]
    for t in (1, 5):
        model = evaluate(evaluable(Conditional(P, 2)), g, {THETA: t})
        marginal = evaluate(evaluable(Marginal(P, 2)), g, {THETA: t})
        for s in range(g.count):
            x, y = data[s, 1]
            assert model[s] == tab[s, t - 1, x - 1, y - 1]
            assert marginal[s] == tab[s, t - 1, 0, y - 1]
    empirical = evaluate(evaluable(Conditional(HAT, 2)), g)
    empirical_marginal = evaluate(evaluable(Marginal(HAT, 2)), g)
    for s in range(g.count):
        x, y = data[s, 1]
        same_x = data[s, :, 0] == x
        assert empirical[s] == pytest.approx((same_x & (data[s, :, 1] == y)).sum() / same_x.sum())
        assert empirical_marginal[s] == pytest.approx((data[s, :, 1] == y).mean())


def test_the_precise_evaluation_agrees_with_float64():
    kl = evaluable(ModelKL(P))
    g = groups_of(ModelKL(P))[4]
    floats = evaluate(kl, g, {THETA: 3})
    for s in (0, 1, 2):
        precise = evaluate_precise(kl, g.sizes, {**g.row(s), THETA: 3}, 60)
        assert float(precise) == pytest.approx(floats[s], rel=1e-9, abs=1e-12)


# --- the checkers -----------------------------------------------------------------------------
def _ce(values, theta):
    table = values[f"p_model(y|x) at theta_{theta}"]
    return -sum(math.log(table[x - 1][y - 1]) for x, y in zip(values["x"], values["y"])) \
        / values["N"]


def test_pointwise_relations_about_a_model():
    assert check(ModelKL(P), 0, "≥").status == "checked"
    v = check(sp.log(Likelihood(P)), sp.Sum(sp.log(Conditional(P, I)), (I, 1, N)))
    assert v.status == "checked" and "(data set, θ) samples" in v.method
    v = check(ModelCrossEntropy(P), 0, "≤")
    assert v.status == "refuted" and v.method.startswith("numeric, confirmed with mpmath")
    ce = v.counterexample
    theta = int(next(k for k in ce.values if k.startswith("p_model")).rsplit("_", 1)[1])
    assert _ce(ce.values, theta) == pytest.approx(ce.lhs) and ce.lhs > 0 == ce.rhs


def test_plus_a_constant_means_the_difference_does_not_depend_on_theta():
    v = check(ModelKL(P), ModelCrossEntropy(P) + CONST)
    assert v.status == "checked" and "does not depend on θ" in v.method
    v = check(ModelKL(P), 2 * ModelCrossEntropy(P) + CONST)
    assert v.status == "refuted"
    ce = v.counterexample
    s, t = sorted(int(k.rsplit("_", 1)[1]) for k in ce.values if k.startswith("p_model"))
    # lhs − rhs = KL − 2 CE = −H(p̂) − CE: at the two θ shown, −CE(θ) (plus a constant)
    assert ce.lhs - ce.rhs == pytest.approx(_ce(ce.values, t) - _ce(ce.values, s), abs=1e-9)
    assert abs(ce.lhs - ce.rhs) > 1e-9


def test_argmin_checks_and_a_two_valued_model_where_the_minimisers_differ():
    assert check(ArgMin(ModelKL(P)), ArgMin(ModelCrossEntropy(P))).status == "checked"
    assert check(ArgMin(-Likelihood(P)), ArgMin(ModelCrossEntropy(P) + CONST)).status == "checked"
    v = check(ArgMin(ModelCrossEntropy(P)), ArgMin(-ModelCrossEntropy(P)))
    assert v.status == "refuted" and "a model whose parameter takes two values" in v.method
    ce = v.counterexample
    s, t = int(ce.lhs), int(ce.rhs)      # the left side's minimiser, the right side's
    assert "θ ∈ {theta_" in ce.note and s != t
    assert _ce(ce.values, s) < _ce(ce.values, t)          # CE is minimised at s …
    # … and −CE at t
    v = check(ArgMin(ModelKL(P)), ArgMin(sp.Integer(0)))   # a side that does not depend on θ
    assert v.status == "refuted" and "does not depend on θ" in v.counterexample.note


def test_the_same_key_gives_the_same_verdict_and_counterexample():
    a = check(ModelKL(P), 2 * ModelCrossEntropy(P) + CONST, key="k")
    b = check(ModelKL(P), 2 * ModelCrossEntropy(P) + CONST, key="k")
    assert a.counterexample == b.counterexample


@pytest.mark.parametrize("lhs, rhs, relation, reason", [
    (Conditional(P, I), Conditional(Q, I), "=", "two models"),
    (Conditional(P, I), sp.Integer(1), "=", "not bound"),
    (ArgMin(ModelKL(P)), ModelKL(P), "=", "compared with a value"),
    (ModelKL(P), ModelCrossEntropy(P) + CONST, "≤", "'constant' in a relation ≤"),
    (sp.Eq(ModelKL(P), 0), sp.Eq(ModelCrossEntropy(P), 0), "⇔", "⇔ between relations"),
    (Conditional(P, 1) + Marginal(P, 1), 1, "=", "an unconditional one"),
    (ModelKL(P), sp.Symbol("x"), "=", "variables other than"),
    (ModelKL(P) * CONST, 1, "=", "other than as a term"),
])
def test_relations_about_models_that_are_not_checked_are_unknown(lhs, rhs, relation, reason):
    v = check(lhs, rhs, relation)
    assert v.status == "unknown" and reason in v.reason


def test_a_relation_at_any_one_data_point_is_read_at_a_random_one():
    # log p(y_i|x_i)^2 = 2 log p(y_i|x_i) holds at every point i; 2 log p = log p fails there
    assert check(sp.log(Conditional(P, I) ** 2), 2 * sp.log(Conditional(P, I)), "=").status == \
        "checked"
    v = check(2 * sp.log(Conditional(P, I)), sp.log(Conditional(P, I)), "=")
    assert v.status == "refuted" and v.counterexample.values["N"] >= 1


# --- an arbitrary convex function -------------------------------------------------------------
f = sp.Function("f")
a, b = sp.symbols("a b", real=True)
CONVEX = Context(convex=frozenset({"f"}))


def test_a_convex_function_is_checked_on_the_family():
    v = check(f((a + b) / 2), (f(a) + f(b)) / 2, "≤", CONVEX)
    assert v.status == "checked" and "7 convex functions f" in v.method
    v = check(f((a + b) / 2), (f(a) + f(b)) / 2, "≥", CONVEX)
    assert v.status == "refuted" and "the convex function f(t) =" in v.counterexample.note
    ce = v.counterexample
    assert ce.lhs < ce.rhs                               # f at the midpoint is below the chord


def test_a_function_that_is_not_said_convex_is_not_evaluated():
    v = check(f((a + b) / 2), (f(a) + f(b)) / 2, "≤")
    assert v.status == "unknown" and "has no definition" in v.reason


@pytest.mark.parametrize("lhs, rhs, relation, reason", [
    (f(a) + sp.Symbol("f", real=True), 0, "≥", "both as a function and as a number"),
    (f(a), f(b), "≠", "≠ with an arbitrary convex function"),
])
def test_convex_claims_not_checked(lhs, rhs, relation, reason):
    v = check(lhs, rhs, relation, CONVEX)
    assert v.status == "unknown" and reason in v.reason


# --- ≠ and ⇔ between numbers ---------------------------------------------------------------
x = sp.Symbol("x", positive=True)


def test_not_identical():
    v = check(sp.log(x ** 2), 3 * sp.log(x), "≠")
    assert v.status == "checked" and v.method == "numeric: the sides differ at the point shown"
    assert v.counterexample.lhs != v.counterexample.rhs
    v = check(sp.log(x ** 2), 2 * sp.log(x), "≠")
    assert v.status == "refuted" and v.method.startswith("the sides are identically equal")


def test_equivalence_between_numbers_keeps_the_tolerance_of_a_stated_decimal():
    from symbolic.quantities import StatedDecimal
    third = sp.Rational(1, 3)
    v = check(sp.Eq(third, StatedDecimal(333, 3), evaluate=False), sp.Eq(3 * third, 1), "⇔")
    assert (v.status, v.method) == ("checked", "both relations hold at the values given")
    v = check(sp.Eq(third, StatedDecimal(335, 3), evaluate=False), sp.Eq(3 * third, 1), "⇔")
    assert (v.status, v.method) == ("refuted", "one relation holds and the other fails")
