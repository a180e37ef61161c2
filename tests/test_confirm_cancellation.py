"""A failure is confirmed only where the digits resolve it: a difference that the
working precision cannot tell from the noise of a cancellation (1 − σ(8000) at 2000
digits) never refutes a relation, and true failures at extreme logits stay refuted."""
import numpy as np
import pytest
import sympy as sp

from symbolic.confirm import confirm_violation, numeric_check
from symbolic.context import Context, SampleGroup
from symbolic.latex_in.lint import lint_source, verify_text
from verifying_helpers import LIMITS, status


# The squared-error gradient through a sigmoid, as a blog post writes it: correct, then
# with the sigmoid's derivative forgotten.  At w ≈ 600 and |x| ≈ 13 the logits reach
# ±8000, where 1 − ŷ = e^{−8000} is far below 2000 digits.
POST = r"""
Each example gets the prediction $\hat{y}_i = \sigma(w x_i + b)$, and the model is fitted
by minimising the mean squared error

$$
J = \frac{1}{2m} \sum_{i=1}^{m} \left( \hat{y}_i - y_i \right)^2 .
$$

By the chain rule, and since the sigmoid's derivative is itself times one minus itself,

$$
\frac{\partial J}{\partial w} = \frac{1}{m} \sum_{i=1}^{m} \left( \hat{y}_i - y_i \right) \hat{y}_i (1 - \hat{y}_i) x_i
$$

while a hurried version drops that derivative:

$$
\frac{\partial J}{\partial w} = \frac{1}{m} \sum_{i=1}^{m} \left( \hat{y}_i - y_i \right) \hat{y}_i x_i
$$
"""


@pytest.mark.slow
def test_squared_error_sigmoid_gradient_is_not_refuted_by_unresolved_logits():
    report = lint_source(POST, "gradient.md", LIMITS)
    assert [s.verdict.status for s in report.steps] == ["checked", "refuted"]


@pytest.mark.parametrize("text, expected", [
    # log(1 + e^z) − z = log(1 + e^{−z}) < 1e-300 only for z > 691: float64 overflows
    # there, 50 to 300 digits see only cancellation noise, 1000 digits resolve it
    (r"\log(1 + e^{z}) - z \ge 10^{-300}", "refuted"),
    (r"\log(1 + e^{z}) \le 500", "refuted"),
    (r"\log(1 + e^{z}) - z > 0", "checked"),
])
def test_extreme_logits(text, expected):
    assert status(text) == expected


def test_the_extreme_refutation_is_at_an_extreme_logit():
    steps, _ = verify_text(r"\log(1 + e^{z}) - z \ge 10^{-300}", LIMITS)
    assert steps[0].verdict.counterexample.values["z"] > 691


A, B = sp.symbols("a b", real=True)
Z = A * B                       # products of two samples: logits far beyond ±1000


def _sigmoid(t):
    return 1 / (1 + sp.exp(-t))


def _slope(t):                  # σ'(t) without a cancellation
    return sp.exp(-t) / (1 + sp.exp(-t)) ** 2


# σ'(z) + σ'(−z) two ways: the right side cancels (1 − σ(z) for z ≫ 0) and float64
# overflows on the left, so these samples are re-checked with more digits
LEFT = _slope(Z) + _slope(-Z)
RIGHT = _sigmoid(Z) * (1 - _sigmoid(Z)) + _sigmoid(-Z) * (1 - _sigmoid(-Z))


def _counterexample(lhs, rhs, relation):
    counter, _, _ = numeric_check(lhs, rhs, relation, Context(), np.random.default_rng(0), 300)
    return counter


@pytest.mark.parametrize("relation", ["=", "≤", "≥"])
def test_an_identity_evaluated_with_cancellation_is_never_refuted(relation):
    assert _counterexample(LEFT, RIGHT, relation) is None


@pytest.mark.parametrize("rhs", [
    RIGHT + sp.Rational(1, 10 ** 400),      # off by 1e-400: resolved from 1000 digits on
    _sigmoid(Z) * (1 - _sigmoid(Z)) + sp.Rational(9, 10) * _sigmoid(-Z) * (1 - _sigmoid(-Z)),
])
def test_a_false_relation_is_still_refuted(rhs):
    assert _counterexample(LEFT, rhs, "=") is not None


@pytest.mark.parametrize("z, expected", [
    (8000.0, None),     # e^{-8000}: no precision up to 2000 digits resolves it
    (20.0, True),       # the same failure, resolved at 50 digits
])
def test_one_sample(z, expected):
    x = sp.Symbol("x", real=True)
    tail = 1 - _sigmoid(x)                  # σ(−x) by cancellation
    group = SampleGroup({}, {x: np.array([z])}, 1)
    assert confirm_violation(tail, sp.Rational(9, 10) * _sigmoid(-x), "=", group, 0, 0.0)[0] \
        is expected
    assert confirm_violation(tail, _sigmoid(-x), "=", group, 0, 0.0)[0] in (None, False)
