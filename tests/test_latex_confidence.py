"""Lint of documents by other authors: refute only a reading the author would sign."""
import sympy as sp

from symbolic.latex_in.check import Limits
from symbolic.latex_in.confidence import refutation_doubts
from symbolic.latex_in.lint import lint_source, verify_text
from symbolic.latex_in.names import function_head, lone_name

LIMITS = Limits(seconds=20, samples=300)
x, y, z = sp.symbols("x y z", real=True)


def lint(source):
    return [(s.line, s.status) for s in lint_source(source, "post.md", LIMITS).steps]


def reasons(source):
    return {s.line: s.verdict.reason for s in lint_source(source, "post.md", LIMITS).steps}


# --- the rules, on expressions -------------------------------------------------------
def test_a_number_against_values_the_text_does_not_fix_is_doubted():
    assert refutation_doubts(sp.exp(x), sp.Integer(3), "=") == [
        "one side is a number and the other depends on x, which the text does not fix: a "
        "statement about particular values, not an identity"]


def test_variables_on_each_side_only_are_doubted_even_in_a_chain():
    (doubt,) = refutation_doubts(x + 1, y, "=", chain_step=True)
    assert doubt.startswith("x appears on one side only and y on the other only")


def test_a_chain_step_that_drops_a_variable_stays_refutable():
    assert refutation_doubts(x + y, x, "=", chain_step=True) == []
    assert refutation_doubts(x + y, x, "=", chain_step=False) == [
        "y appears on one side only: the relation states an equation in it, not an identity"]


def test_a_chain_step_that_brings_in_a_variable_is_doubted():
    (doubt,) = refutation_doubts(x, x + z, "=", chain_step=True)
    assert "brings in a new variable" in doubt


# --- names that a document defines ----------------------------------------------------
def test_lone_names_and_function_heads():
    assert [lone_name(t) for t in (r"J", r"\hat{y}_3", r"l_{t}^{i}", r"MSE_{train}", r"\theta^*",
                                   r"e^{z}", r"y^2", r"a + b")] == \
        ["J", "y", "l", "MSE", "theta", None, None, None]
    assert function_head(r"h(\mathbf{x})") == ("h", "x")
    assert function_head(r"L'(\mathrm{w})") == ("L'", "w")
    assert function_head(r"\sigma(z)") is None and function_head(r"P(y|x)") is None


def test_a_name_set_again_in_a_document_is_a_definition_not_a_claim():
    doc = "$$J = 0.5$$\n\nLater:\n\n$$J = -\\frac{1}{n} \\sum_{i=1}^n y_i$$\n\n$$\\gamma = 0$$\n"
    assert lint(doc) == []


def test_a_parameter_list_in_prose_math_is_not_refuted():
    assert "refuted" not in [s for _, s in lint("Then $$1 \\le H(p, q) \\le 2$$ here.\n")]


# --- real errors are still found ------------------------------------------------------
def test_a_sign_error_in_a_derivation_row_is_refuted_with_a_suggestion():
    doc = ("$$\n\\begin{aligned}\nD_{KL}(p \\| q) &= \\sum_x p(x) \\log \\frac{p(x)}{q(x)} \\\\\n"
           "&= \\sum_x p(x) \\log q(x) - \\sum_x p(x) \\log p(x)\n\\end{aligned}\n$$\n")
    report = lint_source(doc, "post.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [(3, "proved"), (4, "refuted")]
    (fix,) = report.steps[1].suggestions
    assert fix["change"] == "flip the sign of the right side" and fix["verdict"] == "proved"


def test_the_refuted_json_finding_carries_its_suggestions():
    steps, _ = verify_text(r"H(p, q) = H(q) + D_{KL}(q \| p)", LIMITS)
    finding = steps[0].as_json()
    assert finding["verdict"] == "refuted"
    assert finding["suggestions"] == [{
        "relation": r"H(q, p) = H(q) + D_{\mathrm{KL}}(q \,\|\, p)", "verdict": "proved",
        "change": "swap the arguments of H"}]


# --- equations being solved -----------------------------------------------------------
SOLVING = r"""Solve for P:

$$e^{z}(1-P) = P$$

Expand:

$$e^{z} = P(1 + e^{z})$$

$$\frac{P}{1-P} = e^{z}$$
"""


def test_rows_of_a_solution_are_steps_of_solving():
    steps = lint_source(SOLVING, "post.md", LIMITS).steps
    assert [(s.line, s.status) for s in steps] == [(3, "unknown"), (7, "proved"),
                                                    (9, "proved")]
    assert "P appears on one side only" not in steps[0].verdict.reason
    assert steps[1].verdict.method.startswith("a step of solving: equivalent to the equation on "
                                              "line 3")
    assert steps[2].verdict.method.startswith("a step of solving: equivalent to the equation on "
                                              "line 7")


def test_a_wrong_row_of_a_solution_in_another_block_is_unknown():
    doc = SOLVING.replace("e^{z} = P(1 + e^{z})", "e^{z} = P(1 - e^{z})")
    steps = lint_source(doc, "post.md", LIMITS).steps
    assert [(s.line, s.status) for s in steps][1] == (7, "unknown")
    assert "not shown equivalent to the equation on line 3" in steps[1].verdict.reason


def test_a_wrong_row_of_a_solution_in_one_block_is_refuted():
    doc = ("$$\n\\begin{aligned}\ne^{z}(1-P) &= P \\\\\ne^{z} &= P(1 - e^{z})\n"
           "\\end{aligned}\n$$\n")
    steps = lint_source(doc, "post.md", LIMITS).steps
    assert [(s.line, s.status) for s in steps] == [(3, "unknown"), (4, "refuted")]
    assert steps[1].verdict.method.startswith("neither an identity nor equivalent to the "
                                              "equation on line 3")


# --- words, bare functions and opaque quantities --------------------------------------
def test_bare_log_and_words():
    assert lint("$$log_{2}{2^1} = 1$$\n\n$$log 1 = 0$$\n") == [(1, "proved"), (3, "proved")]
    assert "the word 'hinge' in math" in reasons("$$hinge(z) + 1 = 2 + z$$\n")[1]
    assert lint("$$logistic(z) + 1 = 1 + \\frac{1}{1 + e^{-z}}$$\n") == [(1, "proved")]  # the sigmoid


def test_an_opaque_quantity_is_proved_but_never_refuted():
    steps, _ = verify_text(r"\log (q_{\phi}(z|x) p(x)) = \log q_{\phi}(z|x) + \log p(x)", LIMITS)
    assert steps[0].status == "proved"
    steps, _ = verify_text(r"f(x) = 2", LIMITS)
    assert steps[0].status == "unknown" and "f(x) is read as an unknown real quantity" in \
        steps[0].verdict.reason


def test_a_sum_whose_index_is_not_in_its_body_is_not_refuted():
    reason = reasons("$$\n\\sum_{x} P(z) \\log P(z) = -H(p)\n$$\n")[2]
    assert "the sum over x has no x in its body" in reason


def test_prose_fixes_the_log_base():
    doc = ("All logarithms on this page are base 2.\n\n"
           "$$H(\\frac12, \\frac14, \\frac18, \\frac18) = \\frac{7}{4}$$\n")
    assert lint(doc) == [(3, "proved")]
    # with no base stated and no log written, a failure in nats is read again in bits:
    # 7/4 holds there; 2 fails in both units and is refuted
    plain = doc.replace("All logarithms on this page are base 2.", "Intro.")
    assert lint(plain) == [(3, "proved")]
    assert lint(plain.replace("\\frac{7}{4}", "2")) == [(3, "refuted")]


def test_the_derivative_of_a_name_the_text_defines_is_checked():
    doc = ("$$L = -y \\log \\sigma(z) - (1-y)\\log(1-\\sigma(z))$$\n\n"
           "$$\\frac{\\partial L}{\\partial z} = \\sigma(z) - y$$\n\n"
           "$$\\frac{\\partial L}{\\partial z} = y - \\sigma(z)$$\n")
    steps = lint_source(doc, "post.md", LIMITS).steps
    assert [(s.line, s.status) for s in steps] == [(3, "proved"), (5, "refuted")]
    assert [f["change"] for f in steps[1].suggestions] == ["flip the sign of the right side"]


def test_the_derivative_of_a_name_not_defined_is_opaque():
    steps, _ = verify_text(r"\frac{\partial C}{\partial z} = 1", LIMITS)
    assert steps[0].status == "unknown"
    assert "\\frac{\\partial C}{\\partial z} is read as an unknown real quantity" in \
        steps[0].verdict.reason


def test_a_case_stated_before_a_display_applies_to_it():
    doc = ("Two cases.\n\n1) $k = i$\n\n$$\n\\frac{\\partial}{\\partial z_k} \\sigma(z_i) = "
           "\\sigma(z_i)(1 - \\sigma(z_i))\n$$\n\n2) $k \\neq i$\n\n$$\n"
           "\\frac{\\partial}{\\partial z_k} \\sigma(z_i) = \\sigma(z_i)(1 - \\sigma(z_i))\n$$\n")
    steps = lint_source(doc, "post.md", LIMITS).steps
    assert [(s.line, s.status) for s in steps] == [(6, "proved"), (12, "unknown")]
    assert "the row holds under the case k \\neq i" in steps[1].verdict.reason


def test_a_case_in_the_row_is_applied():
    doc = "$$\n-y \\log p - (1-y) \\log(1-p) = -\\log p \\quad \\text{if } y = 1\n$$\n"
    assert lint(doc) == [(2, "proved")]
