"""What the twenty-fifth session changed in reading other authors' posts (issue 8)."""
from functools import partial

from verifying_helpers import findings as lint_findings

from symbolic.latex_in.check import Limits
from symbolic.latex_in.document_doubts import applied_letters, borrowed_function_doubt
from symbolic.latex_in.plaintext import formulas
from symbolic.latex_in.sidenotes import set_aside
from symbolic.latex_in.sigma_overload import another_activation

LIMITS = Limits(seconds=10)
findings = partial(lint_findings, limits=LIMITS)     # (line, status, reason) of each step


# --- a reason after a relation runs to the end of its row ------------------------------------

def test_a_reason_word_after_the_claim_takes_the_rest_of_the_row():
    text, notes, _, _ = set_aside(r"A = B \text{ since } p(x,y) = p(y|x) \cdot p(x)")
    assert text.rstrip() == "A = B"
    assert notes == (r"\text{ since } p(x,y) = p(y|x) \cdot p(x)",)


def test_a_reason_word_before_any_relation_only_blanks_its_words():
    text, notes, _, _ = set_aside(r"\text{by Bayes} \; p(a|b) = \frac{p(b|a)p(a)}{p(b)}")
    assert text.strip() == r"\; p(a|b) = \frac{p(b|a)p(a)}{p(b)}"
    assert notes == (r"\text{by Bayes}",)


def test_the_chain_rule_for_entropy_with_reasons_beside_its_rows_is_proved():
    doc = ("$$ \\begin{align}\n"
           "H(X,Y) &= - \\sum_{x}\\sum_{y} p(x,y) \\log p(x,y) \\\\\n"
           "  &= -\\sum_{x} \\sum_{y} p(x,y) \\log \\big( p(y|x) \\ p(x) \\big)\n"
           "      && \\text{ since } p(x,y) = p(y|x) \\cdot p(x) \\\\\n"
           "  &= H(Y|X) + H(X)\n"
           "\\end{align} $$\n")
    assert [f[1] for f in findings(doc)] == ["proved", "proved", "proved"]


# --- a percentage written in plain text --------------------------------------------------------

def test_a_plain_text_percentage_is_a_hundredth():
    [formula] = formulas("准确率就高达：\n999/(999+1)=99.9\\%\\\\ \n")
    assert formula.latex == "999/(999+1)=99.9\\%"
    assert [f[1] for f in findings("准确率就高达：\n999/(999+1)=99.9%\n")] == ["proved"]


def test_a_percent_sign_before_a_digit_is_no_percentage():
    assert formulas("x = 10%3 + log(2)") == []


def test_a_wrong_percentage_is_refuted():
    [(line, status, _)] = findings("the accuracy is\n999/(999+1) = 9.99%\n")
    assert (line, status) == (2, "refuted")


# --- arithmetic in numbers inside a sentence --------------------------------------------------

def test_arithmetic_in_numbers_in_a_sentence_is_read_and_a_dropped_factor_refuted():
    doc = ("On ferait donc (log(0.8 * 0.4 * 0.7) = log(0.8) + log(0.4) + log(0.7) + log(0.1) "
           "plutot que 0.8 * 0.4 * 0.7 * 0.1 = 0.0224)\n")
    assert [f.latex for f in formulas(doc)] == [
        "\\log(0.8 \\cdot 0.4 \\cdot 0.7) = \\log(0.8) + \\log(0.4) + \\log(0.7) + \\log(0.1)",
        "0.8 \\cdot 0.4 \\cdot 0.7 \\cdot 0.1 = 0.0224"]
    assert [f[1] for f in findings(doc)] == ["refuted", "proved"]


def test_a_formula_with_a_name_inside_a_sentence_is_still_prose():
    assert formulas("where the loss L = -log(p) is small") == []


# --- σ set to another activation ---------------------------------------------------------------

def test_sigma_set_to_relu_is_another_activation_not_a_wrong_sigmoid():
    [(line, status, reason)] = findings("ReLU 的表达式为：$$\\sigma(z) = max(0,z)$$\n")
    assert (line, status) == (1, "unknown")
    assert reason.endswith("the text names another activation σ, not the sigmoid")


def test_a_wrong_sigmoid_keeps_its_exponential_and_is_refuted():
    assert another_activation(r"\sigma(z)", r"\frac{1}{1 - e^{-z}}") is False
    assert [f[1] for f in findings("$$\\sigma(z) = \\frac{1}{1 - e^{-z}}$$\n")] == ["refuted"]


# --- a function letter defined in an earlier section ------------------------------------------

def test_applied_letters_are_generic_function_letters_only():
    assert applied_letters(r"\frac{df}{db} + g(x) + p(x) + q(y) + \sigma(z)") == {"f", "g"}


def test_a_letter_defined_in_an_earlier_section_casts_a_doubt():
    assert borrowed_function_doubt("f(z_k) = 1", {"f": (1, 36)}, 2) == (
        "f is the function the text defined on line 36, in an earlier section: the letter may "
        "name another function here")
    assert borrowed_function_doubt("f(z_k) = 1", {"f": (2, 36)}, 2) is None


def test_f_the_logistic_then_f_the_softmax_in_the_next_section_is_unknown():
    doc = ("# Logistic\n\n$$\nf(x) = \\frac{1}{1 + e^{-x}}\n$$\n\n# Softmax\n\n"
           "$$\np_k = f(z_k) = \\frac{e^{z_k}}{\\sum_{i=1}^{K} e^{z_i}}\n$$\n")
    [(line, status, reason)] = [f for f in findings(doc) if f[1] != "proved"]
    assert (line, status) == (10, "unknown")
    assert "f is the function the text defined on line 3, in an earlier section" in reason


def test_a_wrong_claim_about_f_in_its_own_section_is_refuted():
    doc = "# Logistic\n\n$$\nf(x) = \\frac{1}{1 + e^{-x}}\n$$\n\n$$\nf'(x) = f(x)(1 + f(x))\n$$\n"
    assert [f[1] for f in findings(doc)] == ["refuted"]


# --- numbers as real posts type them ------------------------------------------------------------

def test_log_glued_to_a_decimal_is_the_log_of_that_decimal():
    doc = ("$$ \\begin{align} \\mathcal{L} &= -( 0 log (0.4154) + (1 - 0) log (1 - 0.4154)) "
           "\\\\ &= -log0.5846 \\\\ &=0.5368 \\end{align} $$\n")
    assert [f[1] for f in findings(doc)] == ["proved", "checked"]


def test_a_log_glued_to_a_number_of_two_readings_is_not_guessed():
    [(_, status, reason)] = findings("$$log10.5 = 1$$\n")
    assert status == "unknown"
    assert reason.startswith("the word 'log' in math")


def test_log2_before_a_bracket_is_still_the_base_two_log():
    assert [f[1] for f in findings("$$log2(8) = 3$$\n")] == ["proved"]


def test_an_integer_with_a_leading_zero_is_not_guessed():
    [(line, status, reason)] = findings("악성 종양일 확률이 0.2 라면 양성은 0.8이니 $0.2/08 = 0.25$\n")
    assert (line, status) == (1, "unknown")
    assert reason == "a number written with a leading zero ('08'): a decimal point may be missing"


def test_an_index_with_a_leading_zero_is_read():
    assert [f[1] for f in findings("$$x_{01} + x_{01} = 2 x_{01}$$\n")] == ["proved"]


# --- the unit of a relation with no number in it -----------------------------------------------

def test_a_relation_without_numbers_is_unit_free_and_one_with_numbers_is_not():
    import sympy as sp

    from symbolic.latex_in.chains import Claim
    from symbolic.latex_in.units import unit_free
    x = sp.Symbol("x", positive=True)
    assert unit_free(Claim("=", "H(X, Y)", "H(X) - H(Y|X)", 0, lhs=sp.log(x), rhs=-sp.log(x)))
    assert not unit_free(Claim("=", "H(X)", "1", 0, lhs=sp.log(x), rhs=sp.Integer(1)))
    assert not unit_free(Claim("=", "e^{H(X)}", "x", 0, lhs=sp.exp(sp.log(x) + 1), rhs=x))


def test_a_wrong_chain_rule_in_no_stated_unit_is_refuted_without_a_bits_reading():
    doc = "$$H(X, Y) = H(X) - H(Y | X)$$\n"
    [(line, status, _)] = findings(doc)
    assert (line, status) == (1, "refuted")


def test_an_entropy_value_in_bits_is_still_read_in_bits():
    [(_, status, reason)] = findings("$$H(\\frac12, \\frac12) = 1$$\n")
    assert status in ("proved", "checked")
    assert reason == ""


def test_a_prime_typed_as_a_command_after_a_letter_is_a_derivative():
    doc = "$$f(x) = x^3$$\n\n$$f\\prime(x) = 2x^2$$\n"
    [(line, status, _)] = findings(doc)
    assert (line, status) == (3, "refuted")
    assert [f[1] for f in findings(doc.replace("2x^2", "3x^2"))] == ["proved"]


# --- LaTeX with no delimiters: bare lines and environments inside a paragraph -----------------

def test_a_bare_line_of_latex_between_prose_lines_is_a_display():
    from symbolic.latex_in.bare_latex import bare_lines, is_bare_display
    text = ("因为：\n(\\frac{1}{1+e^{-x}})^2 e^{-x} = \\hat{y}(1-\\hat{y})\\\\\n所以：\n"
            "Loss = (\\hat{y} - y)^2\\\\ \\frac{\\partial Loss}{\\partial w} = 2(\\hat{y} - y)\n")
    assert [line.latex for line in bare_lines(text)] == [
        "(\\frac{1}{1+e^{-x}})^2 e^{-x} = \\hat{y}(1-\\hat{y})\\\\",
        "Loss = (\\hat{y} - y)^2\\\\ \\frac{\\partial Loss}{\\partial w} = 2(\\hat{y} - y)"]
    assert not is_bare_display("where \\alpha = 0.5 is the learning rate")
    assert not is_bare_display("sigmoid(x)=11+e−xsigmoid(x) = \\frac{1}{1 + e^{-x}}")   # KaTeX text
    assert not is_bare_display("H(Y|X) &= \\sum_{x} p(x) H(Y|X=x)\\\\")    # a row of an environment
    assert not is_bare_display("a = b")                                     # no LaTeX command


def test_a_wrong_bare_line_is_refuted_and_a_right_one_proved():
    doc = ("所以：\n\\frac{1}{2} \\log_2 \\frac{1}{2} + \\frac{1}{2} \\log_2 \\frac{1}{2} = 1\n其中\n"
           "-\\frac{1}{2} \\log_2 \\frac{1}{2} - \\frac{1}{2} \\log_2 \\frac{1}{2} = 1\n")
    assert [(f[0], f[1]) for f in findings(doc)] == [(2, "refuted"), (4, "proved")]


def test_an_environment_inside_a_list_item_is_read():
    doc = ("* the decision boundary is where:\n"
           "\\begin{align\\*}\n"
           "\\log \\frac{\\frac{1}{1+e^{-w}}}{1-\\frac{1}{1+e^{-w}}} &= w \\\\\n"
           "&= 2w\n"
           "\\end{align\\*}\n")
    assert [(f[0], f[1]) for f in findings(doc)] == [(3, "proved"), (4, "refuted")]


# --- a case that equates two pmfs is not put into their letters ----------------------------------

def test_a_case_equating_two_pmfs_is_a_doubt_not_a_substitution():
    from symbolic.latex_in.chains import read_chain
    from symbolic.latex_in.conditions import apply_cases
    from symbolic.latex_in.parse import Reader
    [claim] = read_chain(r"D_{KL}(p,q) = E_p[\log(p/q)]", Reader())
    before = (claim.lhs, claim.rhs)
    apply_cases([claim], ["q=p"])
    assert (claim.lhs, claim.rhs) == before
    assert "the row holds under the case q=p, which the check does not apply" in claim.doubts


def test_gibbs_inequality_after_its_equality_condition_is_not_refuted():
    doc = ("to show that $D_{KL}(p,q) \\ge 0$ with equality iff (if and only if) $q=p$.\n\n"
           "$$D_{KL}(p,q) = E_p[log(p/q)] = E_p[-log(q/p)] \\ge -\\log \\left( E_p[q/p] \\right)$$\n")
    assert "refuted" not in [f[1] for f in findings(doc)]
