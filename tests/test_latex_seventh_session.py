"""Readings added in the seventh session: sums written out with an ellipsis."""
import pytest

from symbolic.latex_in.ellipses import sums_of_ellipses
from symbolic.latex_in.lint import lint_source
from verifying_helpers import status


@pytest.mark.parametrize("text, expected", [
    (r"\frac{e^{z_j}}{\sum_{i=1}^m e^{z_i}} = \frac{e^{z_j}}{e^{z_1}+e^{z_2}+\dots+e^{z_m}}",
     "proved"),
    (r"\sum_{i=1}^n a_i = a_1 + a_2 + \cdots + a_n", "proved"),
    (r"H(p) = -(p_1 \log p_1 + \dots + p_K \log p_K)", "proved"),
    (r"\sum_{i=0}^{n-1} x_i = x_0 + x_1 + \ldots + x_{n-1}", "proved"),
    (r"\sum_{i=1}^n w_i x_i = w_1 x_1 + w_2 x_2 + \dots + w_n x_n", "proved"),
    # wrong: a sign, a square lost, one term too few (never proved)
    (r"\sum_{i=1}^n a_i = a_1 - a_2 - \cdots - a_n", "unknown"),   # a sum from 2
    (r"\sum_{i=1}^n a_i^2 = a_1 + a_2 + \dots + a_n", "refuted"),
    (r"\sum_{i=1}^n a_i = a_1 + a_2 + \cdots + a_{n-1}", "unknown"),
])
def test_a_sum_written_out_with_an_ellipsis(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text", [
    r"f(x_1, \dots, x_n)",                 # a list of arguments
    r"a_1 + b_2 + \dots + a_n",            # the terms do not count up
    r"a_1 + a_3 + \dots + a_n",            # they count up by two
    r"a_1 + a_2 + \dots + a_2",            # the last term is not a bound
    r"x_1 x_2 \cdots x_n",                 # a product is not rewritten
    r"a_1 + a_2 + \dots - a_n",            # the signs change
    r"1 + 2 + \dots + n",                  # numbers, not an index
])
def test_an_ellipsis_that_is_not_a_counted_sum_is_left(text):
    assert sums_of_ellipses(text) == text


def test_terms_before_the_counted_run_stay():
    assert sums_of_ellipses(r"a_1 - a_2 - \cdots - a_n") == r"a_1 - (\sum_{k=2}^{n} a_{k})"


def test_the_sum_index_is_a_letter_the_text_does_not_use():
    assert sums_of_ellipses(r"k + a_1 + a_2 + \dots + a_n") == \
        r"k + (\sum_{j=1}^{n} a_{j})"


ERROR_FUNCTION = r"""
The error function of the weights:

$$
\begin{aligned}
E(\mathbf{w}) &= -\frac{1}{N} \log P(\mathbf{T} \mid \mathbf{X}) \\
&= -\frac{1}{N} \sum_{n=1}^{N} \left( t_n \log y_n + (1 - t_n) \log (1 - y_n) \right)
\end{aligned}
$$

with $y_n = \sigma(a_n)$ and $a_n = w_0 x_n + w_1$. Then

$$
\frac{\partial}{\partial w_0} E(\mathbf{w}) = \frac{1}{N} \sum_{n=1}^{N} (y_n - t_n) x_n
$$

and, wrongly,

$$
\frac{\partial}{\partial w_1} E(\mathbf{w}) = \frac{1}{N} \sum_{n=1}^{N} (t_n - y_n)
$$
"""


@pytest.mark.slow
def test_an_error_function_of_the_weights_is_defined_by_its_spelled_out_side():
    """E(w) (PRML's error function) is a function the text defines, not an expectation;
    it is defined by the side that spells it out, not by the likelihood P(T|X) the text
    does not read."""
    report = lint_source(ERROR_FUNCTION, "error.md")
    assert [(s.lhs.strip()[:30], s.status) for s in report.steps] == [
        (r"-\frac{1}{N} \log P(\mathbf{T}", "unknown"),
        (r"\frac{\partial}{\partial w_0} ", "checked"),
        (r"\frac{\partial}{\partial w_1} ", "refuted"),
    ]


def test_an_expectation_of_a_random_variable_is_not_defined():
    """E(X) is the expectation: the row is a claim (not read here), not a definition."""
    report = lint_source("$$E(X) = \\sum_x x p(x)$$\n", "expectation.md")
    assert [(s.lhs, s.status) for s in report.steps] == [("E(X)", "unknown")]


def test_an_escaped_subscript_is_a_subscript():
    assert status(r"\mathcal{D}\_{KL}(p \| q) = \sum_x p(x) \log \frac{p(x)}{q(x)}") == "proved"


@pytest.mark.parametrize("text, expected", [
    # the last integral's dz is left out: it runs over the chain's one variable z
    (r"-\int q(z) \log p(z) dz + \int q(z) \log q(z) dz = \int q(z) \log \frac{q(z)}{p(z)}",
     "proved"),
    (r"-\int q(z) \log p(z) dz + \int q(z) \log q(z) dz = \int q(z) \log \frac{p(z)}{q(z)}",
     "refuted"),
])
def test_an_integral_without_its_differential_runs_over_the_chains_variable(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # densities of x: an integral over x reads p and q as densities, as over z
    (r"KL(p||q) = -\int p(x) \ln q(x) dx - (-\int p(x) \ln p(x) dx)", "proved"),
    (r"KL(p\|q) = \int p(x) \log \frac{q(x)}{p(x)} dx", "refuted"),
    (r"H(p,q) = -\int p(x) \log q(x) dx", "proved"),
    (r"\int p(x) dx = 1", "proved"),
    # a density may exceed 1: differential entropy can be negative
    (r"-\int p(x) \log p(x) dx \ge 0", "refuted"),
    (r"\int p(x)^2 dx \le 1", "refuted"),
])
def test_densities_of_x_under_an_integral(text, expected):
    assert status(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    (r"KL(p||q) = -\int_{}^{}p(x)lnq(x)dx-(-\int_{}^{}p(x)lnp(x)dx)", "proved"),   # empty bounds
    # \log\int: the integral right after \log is read as one
    (r"\log p_{\theta}(x) = \log\int p_{\theta}(x\mid z)p_{\theta}(z)dz", "proved"),
    (r"\log p_{\theta}(x) = \log\int p_{\theta}(x\mid z)dz", "refuted"),
    (r"\log\int p_{\theta}(x\mid z)p_{\theta}(z)\frac{q_{\phi}(z\mid x)}{q_{\phi}(z\mid x)}dz \ge "
     r"\int q_{\phi}(z\mid x)\log\left(p_{\theta}(x\mid z)\frac{p_{\theta}(z)}{q_{\phi}(z\mid x)}\right)dz",
     "checked"),                                                                 # Jensen
    (r"\log\int p_{\theta}(x\mid z)p_{\theta}(z)\frac{q_{\phi}(z\mid x)}{q_{\phi}(z\mid x)}dz \le "
     r"\int q_{\phi}(z\mid x)\log\left(p_{\theta}(x\mid z)\frac{p_{\theta}(z)}{q_{\phi}(z\mid x)}\right)dz",
     "refuted"),
])
def test_integrals_of_a_latent_variable_model(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    (r"D_{KL}(\cdot\rVert\cdot) \ge 0", "proved"),       # of any two distributions
    (r"H(\cdot) \ge 0", "proved"),
    # which \cdot is which is not read: a failure is not the author's
    (r"D_{KL}(\cdot \| \cdot) \le 0", "unknown"),
])
def test_information_measures_of_any_distribution(text, expected):
    assert status(text) == expected


def test_a_trailing_for_all_is_a_note():
    report = lint_source("Axioms:\n\n$$P(X) \\ge 0,\\,\\forall X$$\n", "axioms.md")
    assert [(s.lhs, s.relation, s.rhs, s.status) for s in report.steps] == [
        ("P(X)", "≥", "0", "proved")]


@pytest.mark.parametrize("text, expected", [
    # Q_phi and P_theta named bare: the distributions the chain applies to the same variables
    (r"D_{KL}(Q_{\phi}\rVert P_{\theta}) = "
     r"\int q_{\phi}(z\mid x)\log\frac{q_{\phi}(z\mid x)}{p_{\theta}(z\mid x)}dz", "proved"),
    (r"D_{KL}(Q_{\phi}\rVert P_{\theta}) = "
     r"\int q_{\phi}(z\mid x)\log\frac{p_{\theta}(z\mid x)}{q_{\phi}(z\mid x)}dz", "refuted"),
    # no p_theta of z given x in the chain: which one is meant is not read
    (r"D_{KL}(Q_{\phi}\rVert P_{\theta}) = "
     r"\int q_{\phi}(z\mid x)\log\frac{q_{\phi}(z\mid x)}{p_{\theta}(z, x)}dz + \log p_{\theta}(x)",
     "unknown"),
])
def test_a_kl_divergence_of_distributions_named_bare(text, expected):
    assert status(text) == expected


ELBO = r"""
The evidence lower bound:

\begin{equation}
\mathcal{L}(\phi) = \mathbb{E}_{Q}\left[\log\frac{p_{\theta}(z)}{q_{\phi}(z\mid x)}+\log p_{\theta}(x\mid z)\right]
\end{equation}

so that, by the non-negativity of the KL divergence,

\begin{equation}
\log p_{\theta}(x)\geq\mathcal{L}(\phi)
\end{equation}

and not

\begin{equation}
\log p_{\theta}(x)\leq\mathcal{L}(\phi)
\end{equation}
"""


@pytest.mark.slow
def test_a_definition_read_through_distributions_is_read_again_where_it_is_used():
    """The ELBO defined through q_phi(z|x) and p_theta(x|z) is read again, with the chain's
    distributions, where log p_theta(x) is compared with it: the bound holds, and the
    reversed one is refuted (its distributions are free, as in the definition)."""
    report = lint_source(ELBO, "elbo.tex")
    assert [(s.relation, s.status) for s in report.steps] == [("≥", "checked"), ("≤", "refuted")]


ENTROPY_EXAMPLES = r"""
For a fair coin

$$H(X) = -(\frac{1}{2}\log_2\frac{1}{2} + \frac{1}{2}\log_2\frac{1}{2}) = 1$$

and for a biased one

$$H(q) = -[0.8 \log(0.8) + 0.1 \log(0.1) + 0.1 \log(0.1)] = 0.639$$

and, with the minus sign lost,

$$H(q) = 0.8 \log(0.8) + 0.2 \log(0.2)$$

and then $$H(X) = 1.5$$ for a distribution the text does not give.
"""


def test_an_entropy_written_out_in_numbers_gives_its_pmf():
    """The numbers of -Σ p log p give p for that chain only; a lost minus sign is refuted."""
    report = lint_source(ENTROPY_EXAMPLES, "entropy.md")
    assert [(s.line, s.status) for s in report.steps] == [
        (4, "proved"), (4, "proved"), (8, "proved"), (8, "checked"), (12, "refuted"),
        (14, "unknown")]


@pytest.mark.parametrize("text", [
    r"-[0.8 \log(0.2) + 0.2 \log(0.8)]",          # a cross-entropy's terms, not -Σ q log q
    r"-(0.5 \log 0.5 + 0.25 \log 0.25)",          # the numbers do not sum to 1
    r"-(0.5 \log 0.5 + 0.5 \log 0.5) + x",        # something besides the terms
])
def test_an_expansion_that_is_not_an_entropy_gives_nothing(text):
    from symbolic.latex_in.pmf_values import expansion_pmfs
    assert expansion_pmfs("H(q)", [text]) == {}


def test_the_other_value_of_a_binary_label_is_the_complement_of_the_model():
    post = ("The model is\n\n$$P(y=1 \\mid x) = \\frac{1}{1+e^{-w^T x}}$$\n\nthen\n\n"
            "$$P(y=0 \\mid x) = 1 - P(y=1 \\mid x)$$\n\nand, wrongly,\n\n"
            "$$P(y=0 \\mid x) = \\frac{1}{1+e^{w^T x}} + 1$$\n")
    report = lint_source(post, "binary.md")
    # the second is false as read, but the label's two values are the reader's assumption
    assert [(s.line, s.status) for s in report.steps] == [(7, "proved"), (11, "unknown")]
    assert "taken to have two values" in report.steps[1].message()
