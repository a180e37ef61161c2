"""What the twenty-ninth session changed in reading other authors' posts (issue 8)."""
import pytest

from symbolic.latex_in.distribution_plan import plan
from symbolic.latex_in.lint import lint_source
from verifying_helpers import LIMITS, findings, line_statuses, lint_statuses, status, verdicts

HORSES = r"$p = (\frac12, \frac14, \frac18, \frac1{16}, \frac1{64}, \frac1{64}, \frac1{64}, \frac1{64})$"


# --- \frac1{16} in a listed pmf, and p(i) with i a sum's counter -----------------------------

def test_a_pmf_listed_with_brace_less_fractions_is_bound():
    doc = f"The horses win with probabilities {HORSES}.\n\n$$-\\sum_{{i=1}}^{{8}} p_i\\log_2 p_i = 2$$\n"
    assert lint_statuses(doc) == ["proved"]


def test_p_of_a_counted_index_is_the_listed_pmf():
    doc = (f"The horses win with probabilities {HORSES}.\n\n"
           r"$$H(X) = -\sum_{i=1}^{8} p(i)\log_2 p(i) = 2 \text{ bits}$$" "\n\n"
           r"$$-\sum_{i=1}^{8} p(i)\log_2 p(i) = 2.5$$" "\n")
    got = findings(doc)
    assert [(line, status) for line, status, _ in got] == [(3, "proved"), (3, "proved"),
                                                          (5, "refuted")]


def test_a_counted_index_is_not_a_variable_of_its_own():
    assert plan([r"-\sum_{i=1}^{8} p(i) \log p(i)"]) == {}
    # an index with no numeric range is still a variable: z in q(z) is read as a distribution's
    assert plan([r"\sum_{i} p(i) \log q(z)"]) == {"P": ("i",), "Q": ("z",)}


# --- C is a cost only where the prose calls it one ------------------------------------------

GMM = ("Since the weights sum to one, we only need to maximize:\n\n"
       "$$C((\\pi_k)_{k}) := \\sum_{i = 1}^{N} \\sum_{k = 1}^{K} T_{k, i} \\log \\pi_k.$$\n\n"
       "We let $S_k := \\sum_{i = 1}^{N} T_{k, i}$ and rewrite:\n\n"
       "$$C((\\pi_k)_{k}) = \\sum_{k = 1}^{K-1} S_k \\log \\pi_k + "
       "S_K \\log \\left( 1 - (\\pi_1 + \\ldots + \\pi_{K-1}) \\right).$$\n")


def test_an_objective_named_c_that_is_maximised_is_not_a_loss_without_its_sign():
    assert "refuted" not in lint_statuses(GMM)


def test_a_loss_letter_is_a_cost_when_the_lead_in_says_cross_entropy():
    bce = r"$$L = y \log \hat{y} + (1-y)\log(1-\hat{y})$$" "\n"
    [step] = lint_source("Binary cross-entropy:\n\n" + bce, "post.md", LIMITS).steps
    assert step.status == "refuted" and "its sign is missing" in step.verdict.method
    assert lint_statuses("The loss is the negative of the log-likelihood of one example:\n\n" + bce) \
        != ["refuted"]


def test_a_section_titled_cross_entropy_makes_c_a_cost():
    doc = ("# Cross entropy\n\n## Definition\n\nfor binary classification:\n\n"
           "$$C(y, a) = y \\ln a + (1-y)\\ln (1-a)$$\n")
    assert lint_statuses(doc) == ["refuted"]
    assert lint_statuses(doc.replace("# Cross entropy", "# Likelihood")) == []


# --- {\rm if} and a bare "for" after a comma: the case of a row, as \text{if} is ------------

SOFTMAX = ("the softmax function is defined by\n\n"
           "$$\ny_i = \\frac{e^{x_i}}{\\sum e^{x_k}}, for~i=1,..., C\n$$\n\n"
           "$$\n{\\rm if}~i\\ne j,~\\frac{\\partial y_i}{\\partial x_j} = "
           "\\frac{0\\cdot \\sum e^{x_k}-e^{x_i}\\cdot e^{x_j}}{(\\sum e^{x_k})^2} = -y_i \\cdot y_j\n$$\n")


def test_an_old_font_switch_around_if_states_the_case_of_the_row():
    assert lint_statuses(SOFTMAX) == ["checked", "checked"]
    wrong = SOFTMAX.replace("= -y_i \\cdot y_j", "= y_i \\cdot y_j")
    [*_, (line, got, _)] = findings(wrong)
    assert (line, got) == (8, "refuted")


def test_font_switch_words_are_blanked_as_before_where_they_are_no_condition():
    from symbolic.latex_in.sidenotes import blank_markup
    assert blank_markup(r"{\rm d}x + {\bf w}") == r"{    d}x + {    w}"
    assert blank_markup(r"{\rm where}\ x") == r"\rm{ where}  x"


# --- dot leaders to an equation's label, and a Korean conditional ending --------------------

def test_dot_leaders_to_a_label_end_the_row():
    doc = ("$$\n\\begin{aligned}\nI(X;Y) &= H(X)-H(X \\mid Y) \\\\\n"
           "       &= H(X) + H(Y) - H(X,Y)  .............(1) \\\\\n"
           "       &= H(X) + H(Y) + H(X,Y) ............(2)\n\\end{aligned}\n$$\n")
    assert lint_statuses(doc) == ["proved", "proved", "refuted"]


def test_a_korean_conditional_ending_before_inline_math_states_a_case():
    doc = " - 완전히 종속적이면 $I(X;Y) = H(X) = H(Y)$.\n"
    got = findings(doc)
    assert [status for _, status, _ in got] == ["unknown", "unknown"]
    assert all("under a condition ('이면')" in why for _, _, why in got)


# --- \mathbb P(X = x_i): a blackboard P after a command, and an outcome written x_i ----------

@pytest.mark.parametrize("text, expected", [
    (r"H(X) = -\sum_{x}\mathbb{P}(X=x)\log\mathbb{P}(X=x)", "proved"),
    (r"H(X) = -\sum_{x}\mathbb P(X=x)\log\mathbb P(X=x)", "proved"),
    (r"H(X) = -\sum_{i=1}^{n} P(X=x_i)\log P(X=x_i)", "proved"),
    (r"H(X) = \sum_{i=1}^{n} P(X=x_i)\log P(X=x_i)", "refuted"),
    (r"H(Y) = -\sum_{j} \Pr(Y=y_j)\log \Pr(Y=y_j)", "proved"),
])
def test_probabilities_of_outcomes_written_with_their_index_are_read(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    (r"H(X|Y) = \mathbb{E}_{y\sim p_Y}[H(X|Y=y)]", "proved"),
    (r"H(Y) = \mathbb{E}_{y\sim p_Y}[\log p(y)]", "refuted"),
])
def test_an_expectation_over_the_pmf_named_by_its_variable_is_read(text, expected):
    assert status(text) == expected


# --- binomial coefficients, factorials, floor and ceiling have values -----------------------

@pytest.mark.parametrize("text, expected", [
    (r"\binom{4}{2} = 6", "proved"),
    (r"\binom{5}{2} = 11", "refuted"),
    (r"\sum_{k=0}^{n}\binom{n}{k}p^k(1-p)^{n-k} = 1", "checked"),
    (r"\sum_{k=0}^{n} \binom{n}{k} = 2^{n+1}", "refuted"),
    (r"3! = 6", "proved"),
    (r"\lceil 2.5 \rceil = 3", "proved"),
    (r"\lfloor 2.5 \rfloor = 3", "refuted"),
])
def test_binomials_factorials_and_rounding_are_evaluated(text, expected):
    assert status(text) == expected


def test_a_binomial_of_free_letters_is_never_refuted_at_non_whole_numbers():
    # Γ's continuation is negative at n = 1, k = 2.5: the count is not
    [(got, why)] = verdicts(r"\binom{n}{k} \ge 0")
    assert got == "unknown"
    assert why == ("cannot check numerically: a binomial coefficient of a number that is "
                   "not a whole number ≥ 0")


# --- a KL or an entropy written out in numbers gives the pmfs -------------------------------

KL_EXAMPLE = ("The true distribution is uniform, and the model assumes $q=(0.9,0.1)$.\n\n"
              "$$\nD_{KL}(p \\| q) = \\sum_i p_i \\log_2 \\frac{p_i}{q_i} = 0.5 \\log_2 "
              "\\frac{0.5}{0.9} + 0.5 \\log_2 \\frac{0.5}{0.1} \\approx 0.737\n$$\n\n"
              "$$\n-\\sum_x p(x) \\log_2 p(x) = -8 \\times \\frac{1}{8} \\log_2 \\frac{1}{8} = 3\n$$\n")


def test_a_divergence_and_an_entropy_written_out_in_numbers_are_decided():
    assert "unknown" not in lint_statuses(KL_EXAMPLE)
    wrong = KL_EXAMPLE.replace("\\frac{1}{8} = 3", "\\frac{1}{8} = 2")
    assert [line for line, status, _ in findings(wrong) if status == "refuted"] == [8]


def test_the_range_of_an_index_after_a_relation_is_a_note():
    doc = ("Let the distribution be\n\n$$P(X=x_i, Y=y_j) = P_{ij}, i = 1,2,\\cdots,n; j = 1,2,\\cdots,m$$"
           "\n\n$$H(X) = -\\sum_{i=1}^n p(x_i) \\log p(x_i)$$\n")
    assert line_statuses(doc) == [(3, "unknown"), (5, "proved")]


def test_a_korean_ending_of_doing_or_because_is_no_condition():
    # 정리하면 (rearranging, we get), 왜냐하면 (because): the math after them is claimed
    for words in ("이 식을 정리하면", "왜냐하면"):
        assert lint_statuses(f"{words} $(a + b)^2 = a^2 + b^2$ 이다.\n") == ["refuted"]


def test_a_section_title_does_not_overrule_a_sentence_that_says_what_the_math_is():
    doc = ("# Loss functions\n\nIts probability under the model of the data is:\n\n"
           "$$L = y \\log \\hat{y} + (1-y)\\log(1-\\hat{y})$$\n")
    assert lint_statuses(doc) == []
