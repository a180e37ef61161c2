"""Derivatives in one member of a family, and the reader's messages about unread sides."""
import pytest

from symbolic.latex_in.lint import verify_text
from verifying_helpers import LIMITS, verdicts


@pytest.mark.parametrize("text, expected", [
    # true only for k ≠ i: with no case stated, neither proved nor refuted
    (r"\frac{\partial}{\partial z_i} z_k = 0", "unknown"),
    (r"\frac{\partial}{\partial z_i} e^{z_k} = 0", "unknown"),
    (r"\frac{\partial}{\partial z_i} z_i z_k = z_k", "unknown"),
    # true for every i and k
    (r"\frac{\partial}{\partial z_i} \sum_k e^{z_k} = e^{z_i}", "checked"),
    (r"\frac{\partial}{\partial z_i} z_i^2 = 2 z_{i}", "proved"),
    # W_{ij} and W_{kl}: the case of equal indices is not formed, so not proved
    (r"\frac{\partial}{\partial W_{ij}} W_{kl} = 0", "unknown"),
    (r"\frac{\partial}{\partial W_{ij}} W_{ij} x_j = x_j", "proved"),
    (r"\frac{\partial}{\partial x_{12}} x_{12}^2 = 2x_{12}", "proved"),
    (r"\frac{\partial}{\partial \mu_{k}} (x - \mu_k)^2 = -2(x-\mu_k)", "proved"),
])
def test_derivatives_in_a_member(text, expected):
    assert [s for s, _ in verdicts(text)] == [expected]


def test_a_proof_that_needs_distinct_indices_says_so():
    [(status, reason)] = verdicts(r"\frac{\partial}{\partial z_i} z_k = 0")
    assert status == "unknown"
    assert reason == ("holds when the indices of the derivative differ, but with the indices "
                      "equal (z_k = z_i) it fails, and the text states no case")


@pytest.mark.parametrize("text, expected", [
    (r"\frac{d}{d\theta} \theta^2 = 2\theta", "proved"),
    (r"\frac{d}{d\theta}[k\log\theta + (n-k)\log(1-\theta)] = "
     r"\frac{k}{\theta} - \frac{n-k}{1-\theta}", "proved"),
    (r"\frac{d}{d\theta}[k\log\theta + (n-k)\log(1-\theta)] = "
     r"\frac{k}{\theta} + \frac{n-k}{1-\theta}", "refuted"),
    # θ of a model: still no value of its own
    (r"\log P(D;\theta) = k\log\theta + (n-k)\log(1-\theta)", "unknown"),
])
def test_theta_in_arithmetic_is_one_number(text, expected):
    assert [s for s, _ in verdicts(text)] == [expected]


def test_a_parse_error_shows_the_side_as_written():
    # the reader put placeholders in for p(x) and q(Z); the message shows what was written
    text = r"\ln p(x) - \mathcal{D}\_{KL} ( q(Z) \| p(Z|x) ) ) = 1"
    steps, error = verify_text(text, LIMITS)
    assert error is not None
    assert error.message == (r"cannot parse '\\ln p(x) - \\mathcal{D}\\_{KL} ( q(Z) \\| "
                             r"p(Z|x) ) )': I expected something else here")


@pytest.mark.parametrize("text, expected", [
    # true relations that were refuted: Z and the draws X_1, X_2 were read as X and Y; the
    # pair X, Z alone is now read as the pair X, Y renamed (and a wrong sign refuted)
    (r"H(X|Z) = H(X,Z) - H(Z)", "proved"),
    (r"H(X|Z) = H(X,Z) + H(Z)", "refuted"),
    (r"H(X_1, X_2) = 2H(X)", "unknown"),
    (r"H(X_1, X_2) = H(X_1) + H(X_2)", "unknown"),
    (r"I(X_1;X_2) = 0", "unknown"),
    # q(z) is the text's pmf of Z; the reading's r is not
    (r"H(Z) = -\sum_z q(z) \ln q(z)", "unknown"),
    # the pair X, Y (also the i-th pair) is read as before
    (r"I(X;Y) = H(X) + H(Y) - H(X,Y)", "proved"),
    (r"H(X_{i}, Y_{i}) = H(X_{i}) + H(Y_{i} | X_{i})", "proved"),
    (r"\text{CE}(X, Y) = -\sum_x p(x) \log q(x)", "proved"),
])
def test_measures_of_variables_other_than_x_and_y(text, expected):
    assert [s for s, _ in verdicts(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # beside q(z) and p(z), a bare q or p is that distribution, not the pmf of X or Y
    (r"D_{KL}(q \| p) = \sum_z q(z) \ln \frac{q(z)}{p(z)}", "proved"),
    (r"D_{KL}(q \| p) = \sum_z q(z) \ln \frac{p(z)}{q(z)}", "refuted"),
    (r"H(p, q) = -\sum_z p(z) \ln q(z)", "proved"),
    (r"H(Q) = -\sum_z Q(z) \ln Q(z)", "proved"),
    (r"\mathbb{E}_{q(z)}[\ln p(x,z)] + H(q) = \ln p(x) - D_{KL}(q(z) \| p(z|x))", "proved"),
    (r"H(q(z|x)) = -\sum_z q(z|x) \ln q(z|x)", "proved"),
    # a measure whose distribution the chain does not say: not read
    (r"I(X;Z) = \sum_z q(z) \ln q(z)", "unknown"),
])
def test_measures_of_distributions_named_by_letter(text, expected):
    assert [s for s, _ in verdicts(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # the softmax Jacobian in its usual form; δ was read as a free number and it was refuted
    (r"\frac{\partial}{\partial z_j} \frac{e^{z_i}}{\sum_k e^{z_k}} = "
     r"\frac{e^{z_i}}{\sum_k e^{z_k}}(\delta_{ij} - \frac{e^{z_j}}{\sum_k e^{z_k}})", "checked"),
    (r"\frac{\partial}{\partial z_j} \frac{e^{z_i}}{\sum_k e^{z_k}} = "
     r"\frac{e^{z_i}}{\sum_k e^{z_k}}(\delta_{ij} + \frac{e^{z_j}}{\sum_k e^{z_k}})", "refuted"),
    (r"\sum_j \delta_{ij} a_j = a_i", "checked"),
    (r"\delta_{ij} = \delta_{ji}", "proved"),
    (r"\delta_{i,j}^2 = \delta_{ij}", "proved"),
    (r"\delta_{ij} = 0", "refuted"),
    # z_i and z_j beside δ_{ij} are entries of one family z
    (r"\frac{\partial}{\partial z_j} z_i = \delta_{ij}", "proved"),
    (r"\frac{\partial}{\partial z_j} z_i = 1 - \delta_{ij}", "refuted"),
    (r"-\sum_k \delta_{yk} \log p_k = -\log p_y", "checked"),
])
def test_kronecker_delta(text, expected):
    assert [s for s, _ in verdicts(text)] == [expected]


EM_NOTES = r"""# EM

$$
\ln \mathcal{L} (\boldsymbol{\theta}; \mathbf{X}, \mathbf{Z}) \equiv \ln p(\mathbf{X}, \mathbf{Z} \mid \boldsymbol{\theta})
$$

$$
\ln \mathcal{L}(\boldsymbol{\theta}; \mathbf{X}) \equiv \ln p(\mathbf{X} \mid \boldsymbol{\theta})
$$

$$
\begin{aligned}
U(\boldsymbol{\theta}, q)
&= \mathbf{E}_{q(\mathbf{Z})} \left[ \ln p(\mathbf{X} \mid \boldsymbol{\theta}) \right] - \mathbf{E}_{q(\mathbf{Z})} \left[ \ln \frac{q(\mathbf{Z})}{p(\mathbf{Z} \mid \mathbf{X}, \boldsymbol{\theta})} \right] \\
&= \ln \mathcal{L} (\boldsymbol{\theta}; \mathbf{X}) - \mathcal{D}_{KL} \left( q(\mathbf{Z}) \parallel p(\mathbf{Z} \mid \mathbf{X}, \boldsymbol{\theta}) \right) \\
&= \mathbf{E}_{q(\mathbf{Z})} \left[ \ln \mathcal{L} (\boldsymbol{\theta}; \mathbf{X}, \mathbf{Z}) \right] + \mathcal{H}_q(\mathbf{Z}) \\
&= \sum_\mathbf{Z} q^{(t)} (\mathbf{Z}) \ln \mathcal{L} (\boldsymbol{\theta}; \mathbf{X}, \mathbf{Z}) - \sum_\mathbf{Z} q^{(t)} (\mathbf{Z}) \ln q^{(t)} (\mathbf{Z})
\end{aligned}
$$
"""


def test_an_em_derivation_is_read_through_its_definitions():
    # ln L(θ; X) ≡ ln p(X | θ) defines L at each of its two arities; \mathcal{D}_{KL} is KL;
    # \mathcal{H}_q(Z) is the entropy of q; q^{(t)}(Z) is a distribution, not a power
    from symbolic.latex_in.lint import lint_source
    report = lint_source(EM_NOTES, "em.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [
        (15, "proved"), (16, "proved"), (17, "unknown")]
    assert report.steps[2].verdict.reason.startswith("fails when read as an identity")


@pytest.mark.parametrize("text, expected", [
    (r"\sum_\mathbf{Z} q^{(t)} (\mathbf{Z}) \ln q^{(t)}(\mathbf{Z}) = -H(q^{(t)})", "proved"),
    (r"D_{KL}(q_\phi \| p) = \sum_z q_\phi(z|x) \ln \frac{q_\phi(z|x)}{p(z|x)}", "proved"),
    (r"\mathbb{E}_{q(Z)}[\ln p(X,Z)] + H_q(Z) = \ln p(X) - \mathbb{D}_{\mathrm{KL}}(q(Z) \| p(Z|X))",
     "proved"),
    (r"\mathbb{E}_{q(Z)}[\ln p(X,Z)] - H_q(Z) = \ln p(X) - D_{KL}(q(Z) \| p(Z|X))", "refuted"),
])
def test_measures_named_by_head(text, expected):
    assert [s for s, _ in verdicts(text)] == [expected]
