"""What the thirty-first session changed in reading other authors' posts (issue 8)."""
from verifying_helpers import findings, line_statuses, status, verdicts


# --- \exp{…}: the braces hold the whole argument ---------------------------------------------

def test_a_braced_exponential_times_another_is_a_product_of_two():
    # the parser read \exp{(a)} \cdot \exp{(b)} as exp(a·exp(b)), and refuted a true identity
    assert status(r"\exp{(a)} \cdot \exp{(b)} = \exp(a+b)") == "proved"
    assert status(r"\frac{1}{\sqrt{2\pi}}\exp{\bigg(-\frac{1}{2}(y^2 - 2\mu y + \mu^2)\bigg)} = "
                  r"\frac{1}{\sqrt{2\pi}}\exp{\bigg(-\frac{1}{2}y^2\bigg)} \cdot "
                  r"\exp{\bigg(\mu y - \frac{1}{2}\mu^2\bigg)}") == "proved"


def test_a_braced_exponential_that_is_wrong_is_still_refuted():
    assert status(r"\exp{(a)} \cdot \exp{(b)} = \exp(a b)") == "refuted"


# --- g^{-1}(y): the inverse function, not the reciprocal -----------------------------------

def test_an_inverse_function_applied_is_not_the_reciprocal():
    [(verdict, reason)] = verdicts(r"g^{-1}(x) = \frac{1}{g(x)}")
    assert verdict == "unknown"
    assert "g^{-1}(x) is read as an unknown real quantity" in reason


def test_a_letter_to_the_power_minus_one_before_a_parenthesis_is_still_a_product():
    assert status(r"x^{-1}(1-x) = \frac{1}{x} - 1") == "proved"
    assert status(r"e^{-1}(x+1) = \frac{x+1}{e}") == "proved"


def test_a_derivative_raised_to_minus_one_may_name_the_inverse_function():
    doc = ("We find $b(\\theta)=\\log(1+e^{\\theta})$ and\n\n"
           "$$b^{\\prime}(\\theta)=\\frac{e^{\\theta}}{1+e^{\\theta}}=p.$$\n"
           "Writing $\\theta$ in terms of p gives the link:\n"
           "$$g=(b^{\\prime}(\\theta))^{-1}=\\log(\\frac{p}{1-p})$$\n")
    [*_, (line, verdict, reason)] = findings(doc)
    assert (line, verdict) == (5, "unknown")
    assert "may name the inverse function, written as a power" in reason


# --- a function the text defines twice, differently ------------------------------------------

def test_a_chain_that_restates_one_f_and_applies_another_is_not_refuted():
    doc = ("$$f(x) = ((x + 1)^3)^2$$\n\nBreak it into parts:\n"
           "$$h(x) = x + 1$$\n$$g(w) = w^3$$\n$$f(v) = v^2$$\n\nThen\n\n"
           "$$f(x) = \\left((x + 1)^3\\right)^2 = f(g(h(x)))$$\n")
    [(line, verdict, reason)] = findings(doc)
    assert (line, verdict) == (10, "unknown")
    assert reason.endswith("the text defines f twice, differently (again on line 10), and the "
                           "row applies f: which one it means is the author's to say")


def test_a_wrong_application_of_a_function_defined_once_is_refuted():
    doc = "$$h(x) = x + 1$$\n$$g(w) = w^3$$\n$$f(v) = v^2$$\n\n$$((x + 1)^3)^2 = f(g(h(x))) + 1$$\n"
    assert line_statuses(doc) == [(5, "refuted")]


def test_a_function_restated_in_another_form_is_one_function():
    doc = ("$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\nso that\n\n"
           "$$\\sigma(z) = \\frac{e^{z}}{1+e^{z}} = \\sigma(-z) + 1$$\n")
    assert line_statuses(doc)[-1] == (5, "refuted")


# --- a value the text derives for an entry holds back a failure in that entry ----------------

SOFTMAX_BASE = ("$$\n\\begin{align*}\n\\frac{\\pi_k}{\\pi_K} &= e^{\\eta_k} \\implies\\\\\n"
                "\\frac{\\pi_K}{\\pi_K} &= e^{\\eta_K} \\implies\\\\\n\\eta_K &= 0\n"
                "\\end{align*}\n$$\n\n")


def test_a_failure_in_an_entry_the_text_set_to_zero_is_held_back():
    doc = SOFTMAX_BASE + ("$$\\log\\Bigg(\\frac{\\sum_{k=1}^K e^{\\eta_k}}{e^{\\eta_K}}\\Bigg) = "
                          "\\log\\Bigg(\\sum_{k=1}^K e^{\\eta_k}\\Bigg)$$\n")
    [*_, (line, verdict, reason)] = findings(doc)
    assert (line, verdict) == (9, "unknown")
    assert reason == ("fails, but the text states an equation between eta_K on line 4 "
                      "(\\eta_K = 0), which the check does not apply")


def test_a_failure_in_other_entries_is_still_refuted():
    doc = SOFTMAX_BASE + "$$\\log\\Bigg(\\sum_{k=1}^K e^{\\eta_k}\\Bigg) = \\sum_{k=1}^K \\eta_k$$\n"
    assert line_statuses(doc)[-1] == (9, "refuted")


# --- a parenthesis left open inside \left( … \right) -----------------------------------------

def test_a_parenthesis_left_open_inside_sized_ones_is_a_guess():
    [(verdict, reason)] = verdicts(r"\left( 2(y + c \right) = 2y + c")
    assert verdict == "unknown"
    assert reason.endswith("a parenthesis the text leaves open is closed at the end of the side")


def test_a_definition_with_a_parenthesis_left_open_defines_nothing():
    doc = ("$$L(y) = \\exp \\left( \\frac{1}{a} (y \\theta - b + c \\right)$$\n\n"
           "$$\\log(L(y)) = \\frac{1}{a}(y \\theta - b) + c$$\n")
    assert [s for _, s in line_statuses(doc)] == ["unknown"]


# --- Sweave (.Rnw): LaTeX with chunks of R ----------------------------------------------------

def test_an_rnw_file_is_latex_and_its_r_chunks_are_not_math():
    from symbolic.latex_in.lint import lint_source
    from verifying_helpers import LIMITS
    doc = ("\\section{Logit}\nThe link is $\\log\\frac{p}{1-p} = \\log p - \\log(1-p)$.\n"
           "<<fit, echo=FALSE>>=\nd$y <- plogis(d$x) # $ signs of R\n@\n"
           "So \\[ \\log\\frac{0.5}{1-0.5} = 1 \\]\n")
    steps = lint_source(doc, "notes.Rnw", LIMITS).steps
    assert [(s.line, s.status) for s in steps] == [(2, "proved"), (6, "refuted")]


# --- two bare numbers set equal; σ of one entry differentiated in another -------------------

def test_two_bare_numbers_set_equal_in_prose_are_a_convention():
    doc = "Splitting the scores this way we treat score $1 = 4$, which loses meaning.\n"
    [(line, verdict, reason)] = findings(doc)
    assert (line, verdict) == (1, "unknown")
    assert reason.endswith("two numbers, each written alone, set equal ('we treated 1 = 4'): a "
                           "mapping or a convention of the prose, not a computation")


def test_arithmetic_and_a_chain_of_numbers_are_still_refuted():
    assert line_statuses("So $2 + 2 = 5$.\n\n$$x = 1.5 = 2$$\n") == [(1, "refuted"), (3, "refuted")]


def test_sigma_of_one_entry_differentiated_in_another_is_a_softmax_not_refuted():
    doc = ("$$\\frac{\\partial H}{\\partial A_{13}} = -Y_{11}\\frac{\\partial \\log(\\sigma(A_{11}))}"
           "{\\partial A_{13}} = -1(-\\sigma(A_{13}))$$\n")
    [*_, (line, verdict, reason)] = findings(doc)
    assert (line, verdict) == (1, "unknown")
    assert reason.startswith("σ of one entry is differentiated in another entry")


def test_a_capital_sigma_over_a_set_is_a_sum():
    assert status(r"H(X) = -\Sigma_{x\in\mathcal{X}} p(x) \log p(x) = -\sum_{x} p(x)\log p(x)") \
        == "proved/proved"
    assert status(r"H(X) = \Sigma_{x\in\mathcal{X}} p(x) \log p(x)") == "refuted"


# --- an equation the prose names; I as the identity --------------------------------------------

def test_an_equation_the_prose_names_is_one_to_solve_and_binds_nothing():
    doc = ("모수 $p$를 이용한 가능도방정식은 $\\frac 1n \\sum_{i=1}^n x_i = p$ 이다.\n\n"
           "기하분포의 가능도방정식은 $\\frac{1}{n}\\sum_{i=1}^n x_i = \\frac{1-p}{p}$\n")
    [(line, verdict, reason)] = findings(doc)    # the first, p alone on its right, sets nothing
    assert (line, verdict) == (3, "unknown")
    assert "the prose calls it an equation ('방정식은'): one to solve for its unknowns" in reason


def test_a_bare_capital_i_beside_matrices_may_be_the_identity():
    [(line, verdict, reason)] = findings("$$P (I - P) = P - P^2 + 1$$\n")
    assert (line, verdict) == (1, "unknown")
    assert "I, drawn here as a number, is most likely the identity matrix" in reason
