"""Relations an adversarial probe found misread (false proofs and false alarms), exact."""
import pytest

from verifying_helpers import LIMITS, status


@pytest.mark.parametrize("text, expected", [
    # a decimal among the inputs is exact: only a side that is a decimal alone is rounded
    (r"-\log(0.5) = 0.639", "refuted"),
    (r"-\log(0.5) = 0.69", "checked"),
    (r"0.7 \times 0.3 = 0.27", "refuted"),
    (r"-(0.2 \log 0.2 + 0.8 \log 0.8) = 0.45", "refuted"),
    (r"-(0.2 \log 0.2 + 0.8 \log 0.8) = 0.50", "checked"),
    (r"\sigma(z) = 0.9\,\sigma(z)", "refuted"),
    (r"-\log(0.5) \approx 0.639", "refuted"),
    (r"-\log(0.5) \approx 0.69", "proved"),
    # a bound is exact; a failure within its last digit may be the author's rounding
    (r"\sigma(z)(1-\sigma(z)) \le 0.25", "checked"),
    (r"\sigma(z)(1-\sigma(z)) \le 0.2", "unknown"),
    (r"\sum_{k=1}^K p_k^2 \ge \frac{1}{K} + 0.01", "refuted"),
])
def test_stated_decimals(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the argument of \log, \ln, \exp without parentheses ends at \cdot and \times
    (r"\log_2 4 \cdot 2 = 3", "refuted"),
    (r"\log 2 \cdot 3 = \log 6", "refuted"),
    (r"\log_2 3 \cdot \log_3 2 = 1", "proved"),
    (r"\log 2 \times 3 = 3 \log 2", "proved"),
    (r"\exp x \cdot y = y e^x", "proved"),
    (r"\log_{2} 0.5 \cdot 0.5 + \log_2 0.25 \cdot 0.5 = -1.5", "proved"),
    (r"\log 2x = \log 2 + \log x", "proved"),
])
def test_log_arguments_end_at_products(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    (r"\frac{d^2}{dx^2} x^3 = 6x", "proved"),
    (r"\frac{d^2}{dx^2} x^3 = 3x", "refuted"),
    (r"\frac{\partial^2}{\partial x^2} x^3 = 6x", "proved"),
    # a body in the numerator: two derivatives in a row (thirtieth session)
    (r"\frac{d^2 \sigma(z)}{dz^2} = \sigma(z)(1-\sigma(z))(1-2\sigma(z))", "proved"),
    (r"\frac{d^2 \sigma(z)}{dz^2} = \sigma(z)(1-\sigma(z))", "refuted"),
    # the derivative of a name not defined, also \ell and a bare \sigma: never 0
    (r"\frac{\partial \ell}{\partial z} = \sigma(z) - y", "unknown"),
    (r"\frac{d \sigma}{d z} = \sigma(1-\sigma)", "unknown"),
    (r"\frac{\partial \hat{y}}{\partial z} = 0", "unknown"),
    # ∂(Wx)/∂W is not x: a derivative in a bold or capital variable is not read
    (r"\frac{\partial}{\partial \mathbf{W}} (\mathbf{W}\mathbf{x}) = \mathbf{x}", "unknown"),
    (r"\frac{\partial}{\partial W} (W x) = x", "unknown"),
    (r"\nabla_{\lambda} (\lambda^2 + 3\lambda) = 2\lambda + 3", "proved"),
    # an entry of a matrix indexed by the sum's index is not a constant: x_{ik} is x[i, k]
    # (since the seventh session), so the row holds, and a wrong one is never held
    (r"\frac{\partial}{\partial w_j}\sum_{k} w_k x_{ik} = x_{ij}", "checked"),
    (r"\frac{\partial}{\partial w_j}\sum_{k} w_k x_{ik} = x_{ik}", "unknown"),
    # z_i of softmax(z)_i is an entry of z
    (r"\frac{\partial}{\partial z_j} \mathrm{softmax}(z)_i = "
     r"\mathrm{softmax}(z)_i(\delta_{ij} - \mathrm{softmax}(z)_j)", "checked"),
    (r"\frac{\partial}{\partial z_i} \left(-\sum_k y_k \log \mathrm{softmax}(z)_k\right) = "
     r"\mathrm{softmax}(z)_i - y_i", "checked"),
    (r"\frac{\partial}{\partial z_i} \mathrm{softmax}(z)_i = "
     r"\mathrm{softmax}(z)_i(1 + \mathrm{softmax}(z)_i)", "refuted"),
])
def test_derivatives(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # every log of the relation in one base: the measures are in that base
    (r"H(X) = -\sum_{x} p(x) \log_2 p(x)", "proved"),
    (r"D_{KL}(p \| q) = \sum_x p(x)\log_2 \frac{p(x)}{q(x)}", "proved"),
    (r"H(X) = -\sum_{i=1}^{n} P(x_i)\log_b P(x_i)", "proved"),
    (r"H(X) = -\sum_{x} p(x) \log_2 p(x) + 1", "refuted"),
    # no log written and a number: read in nats, and in bits if it fails there
    (r"H(\frac12, \frac12) = 1", "proved"),
    (r"H(0.5, 0.5) = 0.693", "checked"),
    (r"H(\frac12, \frac12) = 2", "refuted"),
    # the Gaussian KL of a VAE: q and p named by letter beside μ_j and σ_j, a family
    (r"-D_{KL}(q(z|x) \| p(z)) = \frac{1}{2}\sum_{j=1}^{J}\left(1 + \log\sigma_j^2 - "
     r"\mu_j^2 - \sigma_j^2\right)", "unknown"),
])
def test_units_and_families(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a lone name set to an expression in other names names it: not a claim
    (r"\hat{y} = \sigma(z)", "unknown"),
    (r"\hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}}", "unknown/proved"),
    (r"p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}", "unknown"),
    (r"a = 2", "unknown"),
    (r"x = x + 1", "refuted"),
    # a case written in the row is applied, as lint applies it
    (r"\frac{\partial}{\partial z_j} \frac{e^{z_i}}{\sum_k e^{z_k}} = "
     r"-\frac{e^{z_i}e^{z_j}}{(\sum_k e^{z_k})^2} \quad \text{if } i \neq j", "checked"),
    (r"\frac{\partial}{\partial z_j} \frac{e^{z_i}}{\sum_k e^{z_k}} = "
     r"\frac{e^{z_i}e^{z_j}}{(\sum_k e^{z_k})^2} \quad \text{if } i \neq j", "refuted"),
    (r"I(X;Y) = 0 \text{ if } X \perp Y", "unknown"),
])
def test_definitions_and_cases_in_verify(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # D(p ‖ q) = 0 ⇔ p = q: p = q is an equation between distributions, not of two numbers
    (r"D_{KL}(p\|q) = 0 \iff p = q", "unknown"),
    # the relations beside ⇒ are equations being solved; the others are identities (⇒ joins
    # relations, so a ⇒ \frac{p}{1-p} is no claim of its own)
    (r"\log\frac{p}{1-p} = a \implies \frac{p}{1-p} = e^{a} \implies p = \frac{e^a}{1+e^a} = "
     r"\frac{1}{1+e^{-a}}", "unknown/unknown/unknown/proved"),
    # targets t_k (Bishop's notation) are one-hot like y_k
    (r"\sum_{k=1}^{K} t_k = 1", "proved"),
    (r"-\sum_{k=1}^K t_k \log \hat{y}_k = -\log\hat{y}_c", "proved"),
    (r"\sum_{k=1}^{K} t_k = 2", "refuted"),
])
def test_equivalences_solutions_and_targets(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a side that adds rounded decimals is a rounded result: one unit per term
    (r"-0.25\log_2 0.25 - 0.75\log_2 0.75 = 0.5 + 0.311 = 0.811", "checked/proved"),
    (r"-0.25\log_2 0.25 - 0.75\log_2 0.75 = 0.5 + 0.411", "refuted"),
    # one-digit decimals are exact, and one unit off breaks the relation
    (r"0.1 + 0.2 = 0.4", "refuted"),
    (r"0.1 + 0.2 = 0.3", "proved"),
])
def test_rounded_arithmetic(text, expected):
    assert status(text) == expected


def test_bits_stated_in_the_row_or_the_prose():
    from symbolic.latex_in.lint import lint_source
    doc = ("$$\\frac{1}{2}\\log 2 + \\frac{1}{4}\\log 4 + \\frac{1}{4}\\log 4 = 1.5 \\text{ bits}$$"
           "\n\nx\n\n$$-\\log 0.5 \\approx 0.693 \\text{ bits}$$\n")
    assert [(s.line, s.status) for s in lint_source(doc, "b.md", LIMITS).steps] == [
        (1, "proved"), (5, "refuted")]
    prose = "In this post entropy is measured in bits. A fair coin has\n\n$$-\\log 0.5 = 1$$\n"
    assert [s.status for s in lint_source(prose, "p.md", LIMITS).steps] == ["proved"]


def test_a_name_a_chain_brings_in_and_drops_is_not_a_lost_term():
    from symbolic.latex_in.lint import lint_source
    doc = ("$$\\frac{d}{dz}\\log(1+e^z) = \\frac{e^z}{Z} = \\frac{1}{1+e^{-z}}$$\n\n"
           "where $Z = 1 + e^z$.\n")
    steps = lint_source(doc, "c.md", LIMITS).steps
    assert [s.status for s in steps] == ["unknown", "unknown"]
    assert "which an earlier step of the chain brought in" in steps[1].verdict.reason
