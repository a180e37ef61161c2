"""Models with parameters θ, the empirical distribution, argmin, + constant, convex f."""
import pytest
import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in.check import Limits
from symbolic.latex_in.lint import lint_source, verify_text
from symbolic.latex_in.models import (CONST, ArgMin, Conditional, Likelihood, Marginal,
                                      ModelCrossEntropy, ModelKL, resolve)
from symbolic.latex_in.parse import Reader

LIMITS = Limits(seconds=20, samples=300)
i = ob.index("i")
N = ob.support_size("N")
P_MODEL = sp.Symbol("p_model", real=True)
MODEL = Conditional(P_MODEL, i)
DATA = Conditional(sp.Symbol("hatp_data", real=True), i)


def read(latex):
    return Reader().read_side(latex)


def verdicts(latex, **bindings):
    steps, error = verify_text(latex, LIMITS, bindings=bindings or None)
    assert error is None and steps
    return [s.status for s in steps], steps


# --- what the notation means ---------------------------------------------------------
def test_conditional_model_of_a_data_point():
    assert read(r"p_{model}(y_i \mid x_i, \theta)") == MODEL
    assert read(r"p(y_i | x_i; \theta)") == MODEL
    assert read(r"\hat{p}_{data}(y_i \mid x_i)") == DATA
    assert read(r"q_\theta(y_j | x_j)") == Conditional(sp.Symbol("q_theta", real=True),
                                                       ob.index("j"))


def test_likelihood_of_the_data_set_is_the_product_over_the_data():
    assert read(r"p_{model}(\mathbb{X}; \theta)") == Likelihood(P_MODEL)
    assert read(r"p_{model}(\mathbb{X}:\theta)") == Likelihood(P_MODEL)
    # over the data points of the relation's kind of model (conditional unless it says otherwise)
    assert resolve(Likelihood(P_MODEL), Conditional) == sp.Product(MODEL, (i, 1, N))
    assert resolve(Likelihood(P_MODEL), Marginal) == sp.Product(Marginal(P_MODEL, i), (i, 1, N))


def test_unconditional_model_of_a_data_point():
    assert read(r"p_{model}(x^{(i)}; \theta)") == Marginal(P_MODEL, i)
    assert read(r"P(x_i | \theta)") == Marginal(P_MODEL, i)
    assert read(r"\hat{p}_{data}(x_i)") == Marginal(DATA.args[0], i)


def test_empirical_expectation_is_the_average_over_the_data():
    side = read(r"\mathbb{E}_{x,y \sim \hat{p}_{data}} \log p_{model}(y_i \mid x_i,\theta)")
    assert side == sp.Sum(sp.log(MODEL), (i, 1, N)) / N
    assert read(r"\mathbb{E}_{x,y \sim \hat{p}_{data}} [\log p(y|x;\theta)]") == side


def test_cross_entropy_and_kl_of_a_conditional_model_average_over_the_data():
    assert read(r"H(\hat{p}_{data}, p_{model})") == ModelCrossEntropy(P_MODEL)
    assert read(r"D_{KL}(\hat{p}_{data} \mid\mid p_{model})") == ModelKL(P_MODEL)
    assert resolve(ModelCrossEntropy(P_MODEL), Conditional) == -sp.Sum(sp.log(MODEL), (i, 1, N)) / N
    assert resolve(ModelKL(P_MODEL), Conditional) == sp.Sum(sp.log(DATA / MODEL), (i, 1, N)) / N


def test_argmin_argmax_and_constant():
    ce = ModelCrossEntropy(P_MODEL)
    assert read(r"\arg\min_\theta \enspace H(\hat{p}_{data}, p_{model})") == ArgMin(ce)
    assert read(r"\arg\max_{\theta} \prod_{i=1}^N p_{model}(y_i|x_i,\theta)") == \
        ArgMin(-sp.Product(MODEL, (i, 1, N)))
    assert read(r"H(\hat{p}_{data}, p_{model}) + constant") == ce + CONST
    assert read(r"H(\hat{p}_{data}, p_{model}) + \text{const}") == ce + CONST


def test_plain_pmf_values_are_unchanged():
    assert str(read(r"-\sum_{x} p(x) \log q(x)")) == "-Sum(log(q[x])*p[x], (x, 1, K))"
    assert "P_XY" in str(read(r"P(y|x)"))


# --- verdicts --------------------------------------------------------------------------
MODEL_TRUE = [
    r"\arg\min_\theta H(\hat{p}_{data}, p_{model}) = \arg\min_\theta D_{KL}(\hat{p}_{data} \| p_{model})",
    r"\arg\max_\theta \prod_{i=1}^N p_{model}(y_i|x_i;\theta) = \arg\min_\theta H(\hat{p}_{data}, p_{model})",
    r"\arg\min_\theta - \sum_{i=1}^{N} \log p_{model}(y_i \mid x_i,\theta) = "
    r"\arg\min_\theta - \frac{1}{N} \sum_{i=1}^{N} \log p_{model}(y_i \mid x_i,\theta)",
    r"\arg\min_\theta D_{KL}(\hat{p}_{data} \| p_{model}) = \arg\min_\theta H(\hat{p}_{data}, p_{model}) + const",
    r"D_{KL}(\hat{p}_{data} \| p_{model}) = H(\hat{p}_{data}, p_{model}) + constant",
    r"D_{KL}(\hat{p}_{data} \| p_{model}) = - \mathbb{E}_{x,y \sim \hat{p}_{data}} \log "
    r"\frac{p_{model}(y_i \mid x_i,\theta)}{\hat{p}_{data}(y_i \mid x_i)}",
    r"\log p_{model}(\mathbb{X};\theta) = \sum_{i=1}^N \log p_{model}(y_i|x_i;\theta)",
    r"D_{KL}(\hat{p}_{data} \| p_{model}) \ge 0",
    r"H(\hat{p}_{data}, p_{model}) \ge 0",
    r"\underset{\theta}{\arg\min} H(\hat{p}_{data}, p_{model}) = "
    r"\underset{\theta}{\operatorname{arg\,max}} \; \sum_{i=1}^N \log p_{model}(y_i|x_i;\theta)",
]
MODEL_FALSE = [
    # a θ-dependent term changes the minimiser
    r"\arg\min_\theta H(\hat{p}_{data}, p_{model}) = \arg\min_\theta H(\hat{p}_{data}, p_{model}) "
    r"+ \frac{1}{N}\sum_{i=1}^N p_{model}(y_i|x_i,\theta)",
    r"\arg\max_\theta \prod_{i=1}^N p_{model}(y_i|x_i;\theta) = \arg\max_\theta H(\hat{p}_{data}, p_{model})",
    r"\arg\min_\theta D_{KL}(\hat{p}_{data} \| p_{model}) = \arg\min_\theta 0",
    r"D_{KL}(\hat{p}_{data} \| p_{model}) = H(\hat{p}_{data}, p_{model})",
    r"D_{KL}(\hat{p}_{data} \| p_{model}) = 2 H(\hat{p}_{data}, p_{model}) + constant",
    r"H(\hat{p}_{data}, p_{model}) \le 0",
]


@pytest.mark.parametrize("latex", MODEL_TRUE)
def test_true_model_claims_are_checked(latex):
    status, steps = verdicts(latex)
    assert status == ["checked"], [s.verdict.describe() for s in steps]


@pytest.mark.parametrize("latex", MODEL_FALSE)
def test_false_model_claims_are_refuted(latex):
    status, steps = verdicts(latex)
    assert status == ["refuted"], [s.verdict.describe() for s in steps]


def test_different_minimisers_come_with_a_two_valued_model():
    _, steps = verdicts(MODEL_FALSE[0])
    ce = steps[0].verdict.counterexample
    assert "θ ∈ {theta_" in ce.note and ce.lhs != ce.rhs
    assert {"N", "x", "y"} <= set(ce.values)


@pytest.mark.parametrize("latex, reason", [
    (r"\sum_{i=1}^N \log p_{model}(y_i|x_i,\theta) = \sum_{i=1}^N \log q_\theta(y_i|x_i)",
     "two models"),
    (r"\arg\min_\theta H(\hat{p}_{data}, p_{model}) = H(\hat{p}_{data}, p_{model})",
     "compared with a value"),
    (r"\arg\min_w H(p, q) = \arg\min_\theta H(p, q)", "different variables"),
    # a data point free on one side only: x may be the whole sample there
    (r"p_{model}(y_i|x_i,\theta) = \prod_{k=1}^{N} p_{model}(y_k|x_k,\theta)", "not bound"),
    (r"H(p) = constant", "other than the model"),
    (r"\arg\min_\theta H(\hat{p}_{data}, p_{model}) \le \arg\min_\theta H(\hat{p}_{data}, p_{model})",
     "compared with"),
])
def test_model_claims_that_cannot_be_decided_are_unknown(latex, reason):
    status, steps = verdicts(latex)
    assert status == ["unknown"] and reason in steps[0].verdict.reason


DOCUMENT = r"""
# MLE

$$
\hat{\theta}_{MLE} = \arg \min _\theta \enspace - p_{model}(\mathbb{X}:\theta)
= \arg \min _\theta \enspace - \prod_{i=1}^{N}  p_{model}(y_i \mid x_i,\theta)
$$

$$
= \arg \min _\theta \enspace H(\hat{p}_{data},p_{model}) = \hat{\theta}_{MLE}
$$

$$
\arg \max _\theta \enspace H(\hat{p}_{data},p_{model}) = \hat{\theta}_{MLE}
$$
"""


def test_an_estimate_set_to_an_argmin_is_a_definition_compared_later():
    report = lint_source(DOCUMENT, "mle.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [
        (6, "checked"), (10, "checked"), (10, "checked"), (14, "refuted")]


# --- an arbitrary convex function ------------------------------------------------------
JENSEN = r"f(\mathbb{E}_{x \sim p(x)} \left[ x \right]) \leq \mathbb{E}_{x \sim p(x)} \left[ f(x) \right]"
MIDPOINT = r"f\left( \frac{a + b}{2} \right) \leq \frac{f(a) + f(b)}{2}"


def test_convex_function_claims_are_checked_on_the_family():
    for latex in (JENSEN, MIDPOINT):
        status, steps = verdicts(latex, f="convex")
        assert status == ["checked"] and "convex functions f" in steps[0].verdict.method


@pytest.mark.parametrize("latex", [
    JENSEN.replace(r"\leq", r"\geq"), MIDPOINT.replace(r"\leq", r"\geq"), r"f(a) \ge 0"])
def test_false_convex_function_claims_are_refuted_with_the_function(latex):
    status, steps = verdicts(latex, f="convex")
    assert status == ["refuted"]
    assert "the convex function f(t) =" in steps[0].verdict.counterexample.note


def test_a_function_not_said_convex_is_unknown():
    status, steps = verdicts(MIDPOINT)
    assert status == ["unknown"] and "f(a) is read as an unknown real quantity" in steps[0].verdict.reason


@pytest.mark.parametrize("prose, expected", [
    ("For a convex function $f$ and a pmf $p$:", ["checked", "checked"]),
    ("볼록함수 $f$와 확률질량함수 $p$에 대해 다음이 성립합니다:", ["checked", "checked"]),
    ("<!-- infoderive: assume f convex -->", ["checked", "checked"]),
    ("For a concave function $f$:", ["unknown", "unknown"]),
    ("For a function $f$:", ["unknown", "unknown"]),
])
def test_convexity_is_read_from_the_prose(prose, expected):
    source = f"{prose}\n\n$$\n{JENSEN}\n$$\n\n$$\n{MIDPOINT}\n$$\n"
    report = lint_source(source, "jensen.md", LIMITS)
    assert [s.status for s in report.steps] == expected


def test_convexity_ends_at_the_next_heading():
    source = f"For a convex function $f$:\n\n# Next\n\n$$\n{MIDPOINT}\n$$\n"
    assert [s.status for s in lint_source(source, "j.md", LIMITS).steps] == ["unknown"]


# --- the entropy of a conditional distribution ----------------------------------------
FAST = Limits(seconds=4, samples=300)


@pytest.mark.parametrize("latex, expected", [
    (r"\mathbb{E}_{P(\mathbf{X})} \left[ H(P(Y|X))\right] = H(Y|X)", "checked"),
    (r"\sum_x P(x) H(P(Y|X =x)) = -\sum_x P(x) \sum_y P(y|x) \log{P(y|x)}", "checked"),
    (r"\mathbb{E}_{P(\mathbf{X})} \left[ H(P(Y|X))\right] = H(Y)", "refuted"),
    (r"\sum_x P(x) H(P(X|Y =x)) = H(X|Y)", "refuted"),   # weights of X, conditionals given Y
])
def test_entropy_of_the_conditional_given_x(latex, expected):
    steps, error = verify_text(latex, FAST)
    holds = {"proved": "checked"}   # the symbolic attempt may or may not finish in time
    assert error is None and [holds.get(s.status, s.status) for s in steps] == [expected]


GOODFELLOW = r"""
$$
\theta_{ML} = \arg\max_\theta \sum_{i=1}^m \log p(y^{(i)} | x^{(i)}; \theta)
$$

$$
\hat\theta = \arg\min_\theta -\frac{1}{m}\sum_{i=1}^m \log p(y^{(i)} | x^{(i)}; \theta)
$$

$$
\theta_{ML} = \hat\theta
$$

$$
\theta_{ML} = \arg\max_\theta H(\hat{p}_{data}, p_{model})
$$
"""


def test_estimates_bind_once_then_are_compared():
    # θ_ML and θ̂ are definitions; a second θ_ML = … is a claim about the first
    report = lint_source(GOODFELLOW, "goodfellow.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [(11, "checked"), (15, "refuted")]
    assert read(r"p(y^{(i)} | x^{(i)}; \theta)") == MODEL


UNCONDITIONAL = [
    (r"\arg\max_\theta p_{model}(\mathbb{X}; \theta) = \arg\max_\theta \sum_{i=1}^m \log p_{model}(x^{(i)}; \theta)",
     "checked"),
    (r"\arg\max_\theta \sum_{i=1}^m \log p_{model}(x^{(i)}; \theta) = "
     r"\arg\max_\theta \mathbb{E}_{x \sim \hat{p}_{data}} \log p_{model}(x; \theta)", "checked"),
    (r"D_{KL}(\hat{p}_{data} \| p_{model}) = \mathbb{E}_{x \sim \hat{p}_{data}}[\log \hat{p}_{data}(x) "
     r"- \log p_{model}(x; \theta)]", "checked"),
    (r"\arg\min_\theta D_{KL}(\hat{p}_{data} \| p_{model}) = "
     r"\arg\max_\theta \mathbb{E}_{x \sim \hat{p}_{data}} \log p_{model}(x; \theta)", "checked"),
    (r"\arg\min_\theta D_{KL}(\hat{p}_{data} \| p_{model}) = "
     r"\arg\min_\theta \mathbb{E}_{x \sim \hat{p}_{data}} \log p_{model}(x; \theta)", "refuted"),
    (r"\sum_{i=1}^m \log p_{model}(x^{(i)}; \theta) = \sum_{i=1}^m \log p_{model}(y_i | x_i; \theta)",
     "unknown"),
]


@pytest.mark.parametrize("latex, expected", UNCONDITIONAL)
def test_unconditional_models(latex, expected):
    status, steps = verdicts(latex)
    assert status == [expected], [s.verdict.describe() for s in steps]
