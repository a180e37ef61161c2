"""Distributions named by letter (symbolic/latex_in/reader_distributions.py): VAE and EM rows."""
import pytest

from symbolic.latex_in.lint import lint_source, verify_text
from symbolic.latex_in.reader_distributions import application, continuous_variables, plan


def verdicts(text):
    steps, error = verify_text(text)
    assert error is None, error
    return [s.verdict.status for s in steps]


@pytest.mark.parametrize("text, expected", [
    # the posterior of the VAE and Bayes' rule
    (r"D_{KL}[Q(z \vert X) \Vert P(z \vert X)] = \sum_z Q(z \vert X) \, \log "
     r"\frac{Q(z \vert X)}{P(z \vert X)}", "proved"),
    (r"\log P(X) \ge E_{z \sim Q(z|X)}[\log P(X|z)] - D_{KL}(Q(z|X) \| P(z))", "checked"),
    (r"\log P(x) \le E_{z \sim Q(z|x)}[\log P(x|z)] - D_{KL}(Q(z|x) \| P(z))", "refuted"),
    (r"\log P(x) - D_{KL}(Q(z|x) \| P(z|x)) = E_{z \sim Q(z|x)}[\log P(x|z)] "
     r"+ D_{KL}(Q(z|x) \| P(z))", "refuted"),
    # p_θ and the prior p are parts of one model: read as unrelated, so never refuted
    (r"\log p_\theta(x) = \log \sum_z p_\theta(x|z) p(z)", "unknown"),
    # a KL "over" an event has no variable to run over
    (r"D_{KL}(P(Y=1|x) \| Q(Y=1|x)) = 0", "unknown"),
    # given X (capital), a KL may be meant averaged over X: a doubt, never refuted
    (r"\log P(X) - D_{KL}(Q(z|X) \| P(z|X)) = E_{z \sim Q(z|X)}[\log P(X|z)] "
     r"+ D_{KL}(Q(z|X) \| P(z))", "unknown"),
    # EM: a free q(Z) and a model with parameters
    (r"E_{q(Z)} [ \ln \frac{p(X, Z | \theta)}{q(Z)} ] = E_{q(Z)} [ \ln p(X | \theta) ] "
     r"- KL(q(Z) \| p(Z|X,\theta))", "proved"),
    (r"\Pr[X=x|Z=j] \Pr[Z=j] = \Pr[X=x, Z=j]", "proved"),
    # a label written 0 or 1 has two outcomes
    (r"P(y = 0 | x; \theta) = 1 - P(y = 1 | x; \theta)", "proved"),
    (r"P(y = 0 | x; \theta) = 1 + P(y = 1 | x; \theta)", "refuted"),
    # E_Q names the one distribution of that letter
    (r"\mathbb{E}_{Q}[\log p_{\theta}(x\mid z)] - D_{KL}(q_{\phi}(z\mid x) \| p_{\theta}(z)) "
     r"\ge \log p_{\theta}(x)", "refuted"),
    # densities: a relation proved holds for densities too, and what only pmfs satisfy is not
    (r"\int Q(z|X) \log \frac{Q(z|X)}{P(z|X)} dz \ge 0", "checked"),
    (r"\int q(z) \log q(z) \, dz \le 0", "refuted"),
    (r"\sum_z q(z) \log q(z) \le 0", "proved"),
    # z outside the distributions: a statement about a particular q (a Gaussian), not read
    (r"\frac{1}{2 \sigma^2} \int (z - \mu)^2 q(z) dz = \frac{1}{2}", "unknown"),
])
def test_distributions_by_letter(text, expected):
    assert verdicts(text) == [expected]


def test_unsubscripted_expectation_is_a_guess_and_never_refuted():
    text = (r"D_{KL}[Q(z \vert X) \Vert P(z \vert X)] = E[\log Q(z \vert X) - \log P(X \vert z)"
            r" - \log P(z)] - \log P(X)")
    steps, _ = verify_text(text)
    assert steps[0].verdict.status == "unknown"
    assert "E[…] without a subscript" in steps[0].verdict.reason
    right = text.replace(r"- \log P(X)", r"+ \log P(X)")
    assert verdicts(right) == ["checked"]


def test_conditional_kl_given_a_random_variable_is_a_doubt():
    text = (r"D_{KL}(P(Y|X)\|Q(Y|X)) = \mathbb{E}_{y\sim P(Y)}[\log\frac{P(y|x)}{Q(y|x)}]")
    steps, _ = verify_text(text)
    assert steps[0].verdict.status == "unknown"
    assert "average it over X" in steps[0].verdict.reason


def test_the_plan_leaves_the_seed_notation_and_data_indices_alone():
    assert plan([r"-\sum_{x} p(x) \log q(x)"]) == {}
    assert plan([r"\sum_{x,y} P(x,y) \log P(y|x)"]) == {}
    assert plan([r"-\sum_i \log p_{model}(y_i | x_i; \theta)"]) == {}
    assert plan([r"\nabla_\theta \log p(y; \theta)"]) == {}       # a derivative in θ
    assert plan([r"q_\phi(z|x) \ge 0"]) == {"Q_phi": ("x", "z")}


def test_application_and_continuity():
    assert application(r"p(X, Z | \theta^{(t)})", 0)[:3] == (
        "P;theta^(t)", [("x", "x"), ("z", "z")], [])
    assert application(r"p(1 - p)", 0) is None
    assert continuous_variables(r"\int p(z) dz = 1, \sum_z q(z)") == frozenset()
    assert continuous_variables(r"\int_{-\infty}^{\infty} q(z) \log q(z)\, dz") == {"z"}


def test_a_row_that_starts_with_a_sign_goes_on_with_the_side_before():
    doc = ("$$\n\\begin{align}\nH(p,q) &= -\\sum_x p(x) \\log q(x) \\\\\n"
           "&= -\\sum_x p(x) \\log p(x) \\\\\n&\\quad + \\sum_x p(x) \\log \\frac{p(x)}{q(x)} \\\\\n"
           "&= H(p) + D_{KL}(p \\| q)\n\\end{align}\n$$\n")
    report = lint_source(doc, "t.md")
    assert [s.verdict.status for s in report.steps] == ["proved", "proved", "proved"]


def test_a_case_k_ne_i_is_read_at_one_instance():
    doc = ("2) $k \\neq i$\n\n"
           "$\\frac{\\partial}{\\partial x_i} \\frac{e^{x_i}}{\\sum_j e^{x_j}} = "
           "\\frac{0 - e^{x_i} \\frac{\\partial}{\\partial x_k}\\sum_j e^{x_j}}{(\\sum_j e^{x_j})^2}$\n\n"
           "$\\frac{\\partial}{\\partial x_k} \\frac{e^{x_i}}{\\sum_j e^{x_j}} = "
           "- \\frac{e^{x_i} e^{x_k}}{(\\sum_j e^{x_j})^2}$\n")
    steps = lint_source(doc, "post.md").steps
    # the case holds for the next display only; the one after it is read without it
    assert [s.verdict.status for s in steps] == ["refuted", "unknown"]
    assert "at the instance i = 1, k = 2 of the case" in steps[0].verdict.method
