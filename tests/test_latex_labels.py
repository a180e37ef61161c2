"""Steps labelled on the relation, sets, rows cut after a relation, words in parentheses,
and a likelihood named in the same breath as its definition (lint verdicts, exact)."""
from symbolic.latex_in.check import Limits
from symbolic.latex_in.lint import lint_source

LIMITS = Limits(seconds=20, samples=300)

GIBBS = r"""
Put $p_{i} := p(x_{i})$ and let $S := \{ 1 \le i \le n \mid p_{i} \neq 0 \}$. Then

\begin{equation}
\sum_{i \in S} p_{i} \log \left( \frac{q_{i}}{p_{i}} \right) \le^{\textrm{(a)}}
\sum_{i \in S} p_{i} \left(\frac{q_{i}}{p_{i}} - 1 \right) = \\
\sum_{i \in S} q_{i} - \sum_{i \in S} p_{i} =^{(b)} \sum_{i \in S} q_{i} - 1
\end{equation}
"""


def steps(text: str, name: str = "post.md"):
    return [(s.line, s.relation, s.status) for s in lint_source(text, name, LIMITS).steps]


def test_a_label_on_a_relation_is_a_note_and_a_set_is_not_split():
    # \le^{(a)} was read as \le then a power; \{ … \neq 0 \} gave three relations; the row
    # ending in '=' left an empty side
    assert steps(GIBBS) == [(5, "≤", "proved"), (6, "=", "proved"), (7, "=", "proved")]


def test_a_wrong_labelled_step_is_still_checked():
    wrong = GIBBS.replace(r"=^{(b)} \sum_{i \in S} q_{i} - 1", r"=^{(b)} \sum_{i \in S} q_{i}")
    assert steps(wrong)[-1] == (7, "=", "refuted")   # the p_i sum to 1: a term dropped


LIKELIHOOD = r"""
$$
\begin{aligned}
\textrm{Likelihood} & := L(\theta | x) = P(X=x | \theta) \; (\textrm{fixed } X) \\
\end{aligned}
$$

$$
\log{L(\theta | x)} = \log{P(X=x | \theta)} = \sum_{k=1}^n \log{P(x_k | \theta)}
$$
"""


def test_a_likelihood_named_after_a_definition_is_defined():
    # the words in parentheses are a note; L(θ|x) = P(X=x|θ) defines L, so the first step
    # below holds (its two sides are then the same expression); the second needs the sample x = (x_1, …, x_n) independent, which the
    # reader does not take from the math: unknown, never refuted
    assert steps(LIKELIHOOD) == [(9, "=", "proved"), (9, "=", "unknown")]


INDEPENDENT = r"""
Each draw is independent of the others.

$$
P(A \cap B) = P(A) P(B)
$$

$$
P(X=x | \theta) = \prod_{k=1}^n P(x_k | \theta)
$$

$$
\log{P(X=x | \theta)} = \sum_{k=1}^n \log{P(x_k | \theta)}
$$

$$
\log{P(X=x | \theta)} = \prod_{k=1}^n \log{P(x_k | \theta)}
$$
"""


def test_independence_the_text_assumes_writes_out_products():
    report = lint_source(INDEPENDENT, "iid.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [
        (5, "checked"), (9, "checked"), (13, "checked"), (17, "unknown")]
    assert "as the text assumes it (line 2)" in report.steps[0].verdict.method
    assert report.steps[-1].verdict.reason.startswith(
        "fails with the sample's or the events' probability read as a product")


def test_without_the_assumption_a_sample_is_not_a_product():
    text = INDEPENDENT.replace("Each draw is independent of the others.", "")
    assert [s.status for s in lint_source(text, "any.md", LIMITS).steps] == ["unknown"] * 4


def test_a_new_name_on_the_right_and_words_are_not_claims():
    text = ("$$\nP(Y=1 | X=x) = p(x; \\theta)\n$$\n\n"
            "$$\n\\textrm{softmax} = \\dfrac{\\textrm{Single odds}}{\\textrm{Sum of odds}}\n$$\n\n"
            "$$\n\\arg\\min_\\theta -\\frac{1}{N}\\sum_{i=1}^N \\log p_{model}(y_i | x_i, \\theta)"
            " = \\hat{\\theta}_{MLE}\n$$\n\n"
            "$$\ne^x = y (1 + e^x)\n$$\n")
    assert [(s.line, s.lhs) for s in lint_source(text, "names.md", LIMITS).steps] == [
        (14, "e^x")]   # y (1 + e^x) is a product, not a new function y


DATA_SUMS = r"""
# Likelihood

$$
\mathcal{L}(\boldsymbol{\theta} ; D) = P(D ; \boldsymbol{\theta})
= \prod_{(\mathbf{x}, y) \in D} P(Y=y \vert X=\mathbf{x} ; \boldsymbol{\theta})
$$

# Estimation

$$
\arg \max_{\boldsymbol{\theta}} \log \mathcal{L}(\boldsymbol{\theta} ; D)
= \arg \max_{\boldsymbol{\theta}} \sum_{(\mathbf{x}, y) \in D} \log P(Y=y \vert X=\mathbf{x} ; \boldsymbol{\theta})
$$

$$
\log P(D ; \boldsymbol{\theta}) = \sum_{(\mathbf{x}, y) \in D} 2 \log P(Y=y \vert X=\mathbf{x} ; \boldsymbol{\theta})
$$
"""


def test_a_sum_over_the_pairs_of_a_data_set_and_a_likelihood_defined_earlier():
    # \sum_{(x, y) \in D} runs over the data's pairs (it was a double sum over all outcomes);
    # the likelihood defined in the section before holds in the next
    assert [(s.line, s.status) for s in lint_source(DATA_SUMS, "mle.md", LIMITS).steps] == [
        (6, "checked"), (13, "checked"), (17, "refuted")]


LOGISTIC = r"""
$$
\text{OR}(Y \mid X) = \frac{\text{odds}(Y \mid X=1)}{\text{odds}(Y \mid X=0)}
$$

The model:

$$
\ln{\frac{P(Y=1)}{1-P(Y=1)}} = \beta_0 + \beta_1 \cdot X
$$

$$
\ln{\frac{P(Y=1 \mid X=1)}{1-P(Y=1 \mid X=1)}} = \beta_0 + \beta_1 \times 1
$$

$$
\ln{\frac{P(Y=1 \mid X=0)}{1-P(Y=1 \mid X=0)}} = 2 \beta_0 + \beta_1 \times 0
$$

$$
\ln{\text{OR}(Y \mid X)} = \beta_1
$$
"""


def test_the_model_of_an_event_is_put_in_where_the_event_is_written():
    # the log odds linear in X define P(Y=1 | X=v); OR, defined before, follows the model
    report = lint_source(LOGISTIC, "logistic.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [
        (13, "proved"), (17, "refuted"), (21, "proved")]
    assert report.steps[1].verdict.counterexample is not None


BERNOULLI = r"""
The model is Bernoulli:

$$
p(y \mid x; \theta) = h_{\theta}(x)^{y} (1 - h_{\theta}(x))^{1-y}
$$

$$
\log \prod_{i=1}^{N} p(y_i \mid x_i; \theta)
= \sum_{i=1}^{N} \left[ y_i \log h_{\theta}(x_i) + (1 - y_i) \log (1 - h_{\theta}(x_i)) \right]
$$

$$
\arg\max_\theta \sum_{i=1}^{N} \log p(y_i \mid x_i; \theta)
= \arg\max_\theta \sum_{i=1}^{N} \left[ y_i \log h_{\theta}(x_i) + y_i \log (1 - h_{\theta}(x_i)) \right]
$$
"""


def test_a_declared_bernoulli_model_reads_labels_and_the_probability_of_one():
    report = lint_source(BERNOULLI, "bce.md", LIMITS)
    # the model itself is a distribution over y ∈ {0, 1} (thirtieth session)
    assert [(s.line, s.status) for s in report.steps] == [(5, "proved"), (10, "checked"),
                                                          (15, "refuted")]
    shown = report.steps[2].verdict.counterexample.values
    assert set(shown["labels y (0/1)"]) <= {0, 1} and shown["N"] >= 1


def test_without_the_declaration_a_label_is_not_read():
    text = BERNOULLI.replace(r"p(y \mid x; \theta) = h_{\theta}(x)^{y} (1 - h_{\theta}(x))^{1-y}",
                             r"z = 1")
    assert [s.status for s in lint_source(text, "any.md", LIMITS).steps] == ["unknown"] * 2
