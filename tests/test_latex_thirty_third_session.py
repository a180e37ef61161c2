"""What the thirty-third session changed in reading other authors' posts (issue 8)."""
from verifying_helpers import LIMITS, findings, line_statuses, status

from symbolic.latex_in.lint import lint_source

from symbolic.latex_in.row_labels import label, labelled_apart

# --- a section titled "cost function" that defines the log-likelihood -----------------------

LIKELIHOOD_UNDER_COST_TITLE = (
    "## The cost function\n\nCombining the two cases and taking the log, we get the log "
    "likelihood.\n\n$$\nL(\\theta) = \\sum_{i=1}^N \\left[ y_i \\log(p_i) + (1-y_i) \\log(1-p_i)"
    " \\right]\n$$\n")


def test_a_log_likelihood_defined_under_a_cost_title_is_no_loss_with_its_sign_missing():
    # the title says "cost", but the section's prose says what L is: the log-likelihood
    # (a definition that is not refuted is no finding)
    assert line_statuses(LIKELIHOOD_UNDER_COST_TITLE) == []


def test_a_loss_named_by_the_title_alone_is_still_refuted_without_its_sign():
    doc = LIKELIHOOD_UNDER_COST_TITLE.replace(
        "Combining the two cases and taking the log, we get the log likelihood.", "So:")
    [step] = lint_source(doc, "post.md", LIMITS).steps
    assert (step.line, step.status) == (6, "refuted")
    assert step.verdict.method.startswith("a loss is never negative, and this one is negative for every "
                             "label and probability in (0, 1): its sign is missing")


# --- rows labelled apart are alternatives, not steps of solving -------------------------------

LINKS = ("The link functions:\n\n\\begin{align*}\n"
         "& X\\theta = \\mu & \\text{Linear Regression} \\\\\n"
         "& X\\theta = \\ln(\\mu) & \\text{Poisson Regression} \\\\\n"
         "& X\\theta = \\ln\\left(\\frac{\\mu}{1-\\mu}\\right) & \\text{Logistic Regression}\n"
         "\\end{align*}\n")


def test_rows_labelled_apart_are_not_refuted_as_steps_of_solving():
    found = findings(LINKS)
    assert [(line, verdict) for line, verdict, _ in found] == [
        (4, "unknown"), (5, "unknown"), (6, "unknown")]
    assert found[1][2] == ("fails as a step of solving, but the rows are labelled apart (Linear "
                           "Regression, Poisson Regression): alternatives listed, as likely as "
                           "steps")


def test_rows_explained_by_their_notes_are_still_steps_of_solving():
    doc = ("$$\\begin{align*}\n& e^z (1 - P) = P & \\text{(given)} \\\\\n"
           "& e^z = P (1 - e^z) & \\text{(collect the terms)}\n\\end{align*}$$\n")
    assert line_statuses(doc) == [(2, "unknown"), (3, "refuted")]


def test_a_label_names_and_a_reason_explains():
    assert label([r"\quad \text{Linear Regression}"]) == "Linear Regression"
    assert label([r"\text{(by Jensen's inequality)}"]) is None
    assert label([r"\text{양변에 log}"]) is None
    assert labelled_apart([r"\text{Poisson}"], [r"\text{Poisson}"]) is None


# --- limits are taken, then compared -------------------------------------------------------

def test_a_limit_is_taken_then_compared():
    assert status(r"\lim_{n\to \infty} \left( 1 - \frac{1}{n} \right)^n = e^{-1}") == "proved"
    assert status(r"\lim_{x \to 0} \frac{\sin x}{x} = 2") == "refuted"


def test_a_limit_compared_with_a_rounded_value_is_read_as_rounded():
    assert status(r"\lim_{n\to \infty} \left( 1 - \frac{1}{n} \right)^n \approx 0.368") == "proved"
    assert status(r"\lim_{n\to \infty} \left( 1 - \frac{1}{n} \right)^n \approx 0.33") == "refuted"


# --- a definition whose log scope is a guess is not put in --------------------------------

LOG_LIKELIHOOD = ("The log-likelihood is\n\n$$L(\\theta|x) = \\sum_{i=1}^{n}\\log\\frac{1}{\\sigma"
                  "\\sqrt{2\\pi}}\\exp\\left(-\\frac{(x_i-\\mu)^2}{2\\sigma^2}\\right)$$\n\n"
                  "so that\n\n$$\\frac{\\partial L(\\theta|x)}{\\partial \\mu} = -\\frac{1}{2\\sigma^2}"
                  "\\sum_{i=1}^{n}\\frac{\\partial}{\\partial \\mu}\\left(x_i^2-2x_i\\mu+\\mu^2\\right)$$\n")


def test_a_definition_read_with_a_guessed_log_scope_is_not_substituted_later():
    # \log \frac{1}{σ√2π} \exp(…) read as (log …)·exp(…), put into ∂L/∂μ: a false refutation
    assert line_statuses(LOG_LIKELIHOOD) == [(7, "unknown")]


def test_a_definition_with_its_log_parenthesised_is_still_put_in():
    doc = LOG_LIKELIHOOD.replace("\\log\\frac{1}{\\sigma\\sqrt{2\\pi}}\\exp\\left(", "\\log\\left("
                                 "\\frac{1}{\\sigma\\sqrt{2\\pi}}\\exp\\left(").replace(
        "2\\sigma^2}\\right)$$\n\nso", "2\\sigma^2}\\right)\\right)$$\n\nso")
    assert line_statuses(doc) == [(7, "proved")]


# --- an equation number written by hand, \qquad(5.1) --------------------------------------

def test_an_equation_number_after_qquad_is_no_factor():
    assert status(r"\sigma(0) = 0.5 \qquad(5.1)") == "proved"
    assert status(r"2 = 1 + 1 \quad (3)") == "proved"


# --- σ alone: the sigmoid at the chain's one argument; σ(1 - σ) a product -----------------

def test_sigma_alone_is_the_sigmoid_at_the_chains_argument():
    assert status(r"\frac{\partial \sigma(z)}{\partial z} = \frac{e^{-z}}{(1+e^{-z})^2} = "
                  r"\sigma(1-\sigma)") == "proved/proved"
    assert status(r"\sigma'(z) = \sigma(z)(1-\sigma(z)) = \sigma(1+\sigma)").endswith("refuted")


def test_sigma_alone_without_an_argument_is_a_name_and_its_parenthesis_a_product():
    assert status(r"\frac{1}{\sigma} \sigma(1-\sigma) = 1 - \sigma") == "proved"


# --- a sum put equal to its one term where a worked example's label is 1 -----------------------

WORKED_LABEL = ("$$y = \\begin{bmatrix} 0\\\\1\\\\0\\\\0 \\end{bmatrix}, \\quad \\hat{y} = "
                "\\begin{bmatrix} 0.3\\\\0.2\\\\0.1\\\\0.4 \\end{bmatrix}$$\n\n"
                "$$L = -\\sum_{j=1}^{4}{y_j \\log{\\hat{y}_j}} = -y_2 \\log{\\hat{y}_2} = "
                "-\\log{\\hat{y}_2}$$\n")


def test_a_sum_put_equal_to_the_term_of_the_examples_label_is_not_refuted():
    found = findings(WORKED_LABEL)
    assert [(line, verdict) for line, verdict, _ in found][:1] == [(3, "unknown")]
    assert found[0][2] == ("fails as an identity, but holds when y is one-hot at 2 (the label "
                           "of a worked example), which the text may set")


def test_a_sum_put_equal_to_a_wrong_signed_term_is_still_refuted():
    doc = WORKED_LABEL.replace("= -y_2 \\log{\\hat{y}_2} = -\\log{\\hat{y}_2}", "= y_2 \\log{\\hat{y}_2}")
    assert line_statuses(doc)[-1] == (3, "refuted")


def test_a_derivative_in_an_entry_is_left_to_its_verdict():
    # y_j put as δ_{j2} under ∂/∂y_j raised "Can't calculate derivative wrt 0": a whole post lost
    doc = ("$$\\frac{\\partial}{\\partial y_2} \\sum_{j=1}^{4} y_j \\log p_j = "
           "y_2 \\log p_2$$\n")
    assert line_statuses(doc) == [(1, "refuted")]


# --- a LaTeX $$ left open ends with its paragraph -------------------------------------------

def test_a_display_left_open_in_a_latex_file_ends_with_its_paragraph():
    # the $$ had no pair, and everything after it was skipped (or read out of phase)
    doc = "Show that\n$$D(p\\|q) \\ge 0.\n\nHere $2 + 2 = 5$ and $1 + 1 = 2$.\n"
    steps = lint_source(doc, "notes.tex", LIMITS).steps
    assert [(s.line, s.lhs.strip(), s.status) for s in steps] == [
        (2, "D(p\\|q)", "proved"), (4, "2 + 2", "refuted"), (4, "1 + 1", "proved")]
