"""What the twenty-fourth session changed in reading other authors' posts (issue 8)."""
from functools import partial

import sympy as sp
from verifying_helpers import findings as lint_findings

from symbolic.latex_in.chains import Claim
from symbolic.latex_in.check import Limits, decide
from symbolic.latex_in.complements import as_complements, complement_ties
from symbolic.latex_in.prose_conditions import offered_as_alternative
from symbolic.latex_in.twin_readings import RULES

LIMITS = Limits(seconds=10)
findings = partial(lint_findings, limits=LIMITS)     # (line, status, reason) of each step


# --- a relation that holds once one name is one minus another is not refuted -----------------

def test_a_diffusion_row_true_with_beta_the_complement_of_alpha_is_unknown():
    # the post sets β_t = 1 - α_t in a figure caption the reader does not see
    doc = ("$$\n\\frac{\\beta_t + \\alpha_t(1 - \\bar{\\alpha}_{t-1})}{\\sqrt{\\alpha_t}} = "
           "\\frac{1 - \\alpha_t \\bar{\\alpha}_{t-1}}{\\sqrt{\\alpha_t}}\n$$\n")
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (2, "unknown")
    assert reason == ("fails as an identity, but holds when beta_t = 1 - alpha_t, a setting "
                      "the text may make in words")


def test_a_row_false_under_every_tie_is_still_refuted():
    # a sign lost in a derivative: with ŷ = 1 - y, or y = 1 - ŷ, the sides still differ
    doc = ("$$\n-\\left(\\frac{y}{\\hat{y}} - \\frac{1-y}{1-\\hat{y}}\\right)\\hat{y}(1-\\hat{y}) "
           "= -(\\hat{y} - y)\n$$\n")
    assert [f[1] for f in findings(doc)] == ["refuted"]


def test_the_complement_of_a_probability_in_a_solved_odds_row_is_unknown():
    doc = "$$\n2^b (1 - p) = 2^b q\n$$\n"
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (2, "unknown")
    assert "holds when q = 1 - p" in reason


def test_ties_are_formed_between_plain_real_names_only():
    x, y = sp.symbols("x y", real=True)
    k = sp.Symbol("k", integer=True)
    assert [str(t) for t in complement_ties([y, x, k])] == ["y = 1 - x", "x = 1 - y"]


def test_a_tie_under_which_both_sides_become_numbers_proves_nothing():
    a, b = sp.symbols("a b", real=True)
    claim = Claim("=", "", "", 0, lhs=a + b, rhs=sp.Integer(2))    # at b = 1 - a: 1 = 2
    assert as_complements(claim, decide(claim), decide).status == "refuted"
    claim = Claim("=", "", "", 0, lhs=a + b, rhs=sp.Integer(1))    # at b = 1 - a: 1 = 1, no more
    assert as_complements(claim, decide(claim), decide).status == "refuted"


def test_a_name_a_derivative_runs_over_is_not_tied():
    x, y = sp.symbols("x y", real=True)
    f = sp.Function("f")
    claim = Claim("=", "", "", 0, lhs=sp.Derivative(f(x), x) * y, rhs=1 - x)
    verdict = decide(claim)
    assert as_complements(claim, verdict, decide) is verdict


# --- the twin rules run in one order ----------------------------------------------------------

def test_the_twin_rules_keep_their_order_and_cache_names():
    assert [name for name, _ in RULES] == ["label", "simplex", "total", "mean", "complement",
                                           "hot", "term", "equal", "bits", "rounding", "exponent",
                                           "softmax", "negation", "positive", "markov"]


def test_a_word_offering_alternatives_is_read_in_several_languages():
    doc = "donc soit $y = 0$, soit $1 - y = 0$; 또는 $z = 1$"
    assert offered_as_alternative(doc, doc.index("y = 0")) == "soit"
    assert offered_as_alternative(doc, doc.index("z = 1")) == "또는"
    assert offered_as_alternative(doc, doc.index("1 - y")) == "soit"


# --- decimals written without their leading zero (.245), as R and statistics posts do ---------

def test_decimals_without_a_leading_zero_are_rounded_results():
    doc = ("So $p = 49/200 =  .245.$ The odds are $.245/(1-.245) = .3245$ and the log of the "
           "odds is $\\log(.3245) = -1.12546.$\n")
    assert [f[1] for f in findings(doc)] == ["proved", "checked", "checked"]
    wrong = doc.replace("= .3245$", "= .4245$")
    assert [f[1] for f in findings(wrong)][1] == "refuted"


# --- a function the text defines again with a number is forgotten ------------------------------

def test_a_function_set_to_a_number_in_another_case_is_not_the_one_before():
    doc = ("**Dla z > 0:** Funkcja to po prostu $f(z) = z$, więc $f'(z) = 1$\n"
           "**Dla z < 0:** Funkcja to stała $f(z) = 0$, więc $f'(z) = 0$\n")
    assert "refuted" not in [f[1] for f in findings(doc)]
    assert findings(doc)[0][:2] == (1, "proved")


# --- Greek letters typed as characters, and a data matrix times a transposed vector ------------

def test_greek_letters_typed_as_characters_are_their_commands():
    doc = "$$\\frac{1}{1 + e^{-θ^T x}} = \\sigma(θ^T x)$$\n"
    assert [f[1] for f in findings(doc)] == ["proved"]
    assert [f[1] for f in findings(doc.replace("e^{-θ", "e^{θ"))] == ["refuted"]


def test_a_data_matrix_times_a_transposed_vector_is_one_score():
    doc = "$$\\frac{1}{1 + e^{-X \\theta^T}} = \\sigma(X\\theta^T)$$\n"
    assert [f[1] for f in findings(doc)] == ["proved"]
    [(_, status, reason)] = findings(doc.replace("e^{-X", "e^{X"))
    assert status == "unknown"
    assert reason.endswith("but X\\theta^T is read as an unknown real quantity (a failure would "
                           "not show the author wrong)")


def test_a_number_in_scientific_notation_is_a_power_of_ten():
    doc = "So $1.444e-01 \\cdot 2 = 0.2888$ and $1e-3 \\cdot 2 = 0.002$.\n"
    assert [f[1] for f in findings(doc)] == ["proved", "proved"]
    assert [f[1] for f in findings(doc.replace("0.002", "0.02"))] == ["proved", "refuted"]


# --- macros from a preamble the reader is not given, with their conventional meaning ----------

def test_conventional_macros_of_lecture_notes_are_read_when_not_defined():
    doc = ("\\begin{equation}\n\\sum_{x \\in \\calX} \\blue{p(x)} \\log \\lp "
           "\\frac{p(x)}{q(x)} \\rp = \\dkl(p \\| q)\n\\end{equation}\n")
    assert [f[1] for f in findings(doc)] == ["proved"]
    wrong = doc.replace("\\frac{p(x)}{q(x)}", "\\frac{q(x)}{p(x)}")
    assert [f[1] for f in findings(wrong)] == ["refuted"]


def test_a_macro_the_text_defines_wins_over_the_conventional_one():
    doc = ("\\newcommand{\\lp}{\\left[}\n\\newcommand{\\rp}{\\right]}\n"
           "$$ \\log \\lp \\frac{a}{b} \\rp = \\log a - \\log b $$\n")
    from symbolic.latex_in.macros import expand
    assert "\\left[" in expand(doc)[0]


# --- decimal inputs the text shows rounded -----------------------------------------------------

_ROUNDED = ("With A and C left, the probability of A is $\\frac{0.45}{0.45+0.10} = 0.81$, and of "
            "C $\\frac{0.10}{0.10+0.45} = 0.18$, so\n$$\nH(X) = -0.81\\log_2(0.81) - "
            "0.18\\log_2(0.18) = 0.684\\,bits\n$$\n")


def test_a_value_computed_from_unrounded_inputs_is_not_refuted():
    status, reason = [f[1:] for f in findings(_ROUNDED) if f[0] == 3][-1]
    assert status == "unknown"
    assert reason == ("fails with 0.81, 0.18 as written, but holds for values they round: the "
                      "text may compute with the unrounded values")


def test_a_value_no_rounding_of_the_inputs_reaches_is_refuted():
    assert [f[1] for f in findings(_ROUNDED.replace("0.684", "0.784")) if f[0] == 3][-1] == \
        "refuted"


def test_a_claim_followed_by_its_condition_is_not_refuted_as_an_identity():
    doc = "* $H(P,Q) = H(P)$ when $Q = P$ (perfect model)\n"
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (1, "unknown")
    assert "the prose states it under a condition ('when')" in reason
    assert [f[1] for f in findings(doc.replace(" when $Q = P$", ""))] == ["refuted"]


# --- math in the URL of a rendering image (CodeCogs, GitHub) -----------------------------------

def test_math_written_as_a_codecogs_image_is_read_and_checked():
    doc = ('<img src="https://latex.codecogs.com/gif.latex?\\frac{d}{dw}(16log(w)&plus;4log(1-w))'
           '=\\frac{16}{w}-\\frac{4}{1-w}" title="x" />\n\n'
           "so ![](https://latex.codecogs.com/svg.latex?\\dpi{110}\\log_2%208%20=%204) here\n")
    assert [(f[0], f[1]) for f in findings(doc)] == [(1, "proved"), (3, "refuted")]


def test_image_formulas_decode_the_renderers_escapes_and_options():
    from symbolic.latex_in.image_math import image_formulas
    text = ('a <img src="https://latex.codecogs.com/png.image?\\inline&space;x%5E2&space;&plus;'
            '&space;1" /> b\n![](https://render.githubusercontent.com/render/math?math=a%2Bb)\n')
    assert [(f.latex, f.inline) for f in image_formulas(text)] == [("x^2 + 1", True),
                                                                   ("a+b", False)]


def test_a_name_tried_at_two_values_is_not_bound_to_either():
    doc = ("First try $w = \\frac{1}{2}$, which gives a small likelihood; "
           "then try $w = \\frac{2}{3}$, which gives more.\n\n"
           "Setting the derivative to zero:\n\n$$16 - 20w = 0$$\n")
    assert "refuted" not in [f[1] for f in findings(doc)]


# --- inequalities of positive quantities, and the identity matrix ------------------------------

def test_the_log_sum_inequality_with_weights_holds_for_positive_families():
    doc = ("Let $B = \\sum_{j=1}^n b_j$:\n\n$$\n\\sum_i \\frac{b_i}{B} \\cdot \\frac{a_i}{b_i} "
           "\\log{\\frac{a_i}{b_i}} \\geq \\sum_i \\frac{b_i}{B} \\cdot \\frac{a_i}{b_i} \\cdot "
           "\\log{\\sum_i \\frac{b_i}{B} \\cdot \\frac{a_i}{b_i}}\n$$\n")
    [(_, status, reason)] = [f for f in findings(doc) if f[0] == 4]
    assert status == "unknown"
    assert reason == ("fails with some values negative, holds when they are positive: the text "
                      "may work with positive values (weights, counts, rates), which it states in "
                      "words")


def test_an_inequality_false_for_positive_values_too_is_refuted():
    assert [f[1] for f in findings("$$\\log x \\ge x - 1$$\n")] == ["refuted"]


def test_the_identity_matrix_beside_a_factor_is_not_a_number():
    doc = ("$$\n\\begin{gathered}\n    A &= aI \\\\\n    A^{-1}A &= A^{-1}aI \\\\\n"
           "    \\frac{1}{a}I &= A^{-1}\n\\end{gathered}\n$$\n")
    last = findings(doc)[-1]
    assert last[1] == "unknown"
    assert last[2].startswith("I beside another factor (aI, σ²I) is the identity matrix")


def test_jensens_inequality_holds_for_positive_values_and_weights_that_sum_to_one():
    doc = ("Với $f(x) = -\\log(x)$:\n\n"
           "$$ \\sum_{i=1}^{n}\\lambda_i f(x_i) \\geq f(\\sum_{i=1}^{n}\\lambda_i x_i) $$\n")
    [(_, status, reason)] = [f for f in findings(doc) if f[0] == 3]
    assert status == "unknown"
    assert reason.startswith("fails with some values negative, holds when they are positive and "
                             "lambda is a distribution (its entries sum to 1)")


# --- a name the chain differentiates by is a variable there ------------------------------------

def test_a_name_set_before_is_a_variable_where_the_chain_differentiates_by_it():
    from symbolic.latex_in.derivative_variables import differentiated_names
    assert differentiated_names(r"\frac{d f(\tilde{x})}{d \tilde{x}} = 1") == {"tildex"}
    doc = ("Let $u = 2x$.\n\n$$\\frac{d}{d u} u^2 = 2u$$\n")
    assert [f[1] for f in findings(doc)] == ["proved"]


def test_a_name_set_as_a_function_of_its_arguments_may_depend_on_them():
    doc = ("Onde $z(w,b) = xw^T + b$.\n\n"
           "$$\\frac{\\partial}{\\partial b}\\log(1+e^z) = \\frac{e^z}{1+e^z}$$\n")
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (3, "unknown")
    assert "z is set in the text (z = …) in a form not read" in reason
