"""What the twenty-third session changed in reading other authors' posts (issue 8)."""
from functools import partial

from verifying_helpers import findings as lint_findings

from symbolic.latex_in.check import Limits
from symbolic.latex_in.lint import lint_source

LIMITS = Limits(seconds=10)
findings = partial(lint_findings, limits=LIMITS)     # (line, status, reason) of each step


# --- a value put into the row before is refuted only when ⇒ says that it solves it ----------

_MEAN = ("$$\n\\begin{aligned}\n\\sum_{i=1}^n (x_i - \\mu) &= 0 \\\\\n"
         "\\hat{\\mu} &= \\frac{1}{n-1}\\sum_{i=1}^n x_i\n\\end{aligned}\n$$\n")


def test_a_wrong_value_in_the_row_after_an_equation_is_held_back():
    line, status, reason = findings(_MEAN)[1]
    assert (line, status) == (4, "unknown")
    assert reason.startswith("read as a solution, the row fails (numeric, confirmed with mpmath")
    assert reason.endswith("no ⇒ says that it solves that equation: what a row solves for, and "
                           "under which conditions, is for the text to say")


def test_the_right_value_in_the_row_after_an_equation_is_proved():
    assert findings(_MEAN.replace("n-1", "n"))[1][:2] == (4, "proved")


def test_a_wrong_value_after_an_implication_is_still_refuted():
    doc = ("$$\\sum_{i=1}^{n}(x_i - \\mu) = 0 \\Rightarrow "
           "\\hat{\\mu} = \\frac{1}{n-1}\\sum_{i=1}^{n} x_i$$\n")
    assert [f[1] for f in findings(doc)] == ["refuted"]


# --- the first row of a chain that puts a measure equal to an expression defines it ----------

def test_a_measure_the_first_row_of_a_chain_defines_its_own_way_is_not_the_fields():
    doc = ("$$ H(S, X) = \\frac{50}{150}  H(S, <= 0.8) + \\frac{100}{150}  H(S, > 0.8) = 0.6666$$\n\n"
           "$$ I(S, X) = H(S) - H(S, X) = 0.9182 $$\n")
    line, status, reason = findings(doc)[-2]
    assert (line, status) == (3, "unknown")
    assert reason.endswith("but the text gave H(S,X) a meaning of its own on line 1 (its "
                           "statement there does not hold as the field defines it)")


def test_the_same_relation_without_that_definition_is_refuted():
    doc = "$$ I(S, X) = H(S) - H(S, X) $$\n"
    assert [f[1] for f in findings(doc)] == ["refuted"]


# --- a definition whose list of variables and parameters leaves out a name it uses ----------

_INVERSE_GAUSSIAN = ("$$\n\\begin{align}\nf(y; \\mu, \\lambda) &= \\sqrt{\\frac{\\lambda}{2\\pi x^3}}\n"
                     "e^{-\\frac{\\lambda(y-\\mu)^2}{2\\mu^2 y}} \\\\\n"
                     "\\log f(y; \\mu, \\lambda) &= -\\frac{\\lambda(y - \\mu)^2}{2\\mu^2 y} + "
                     "\\frac{1}{2}\n\\log \\frac{\\lambda}{2\\pi y^3}\n\\end{align}\n$$\n")


def test_a_definition_that_uses_a_name_its_parameter_list_leaves_out_is_not_put_in():
    assert "refuted" not in [f[1] for f in findings(_INVERSE_GAUSSIAN)]


def test_the_same_definition_with_its_listed_names_is_put_in_and_the_log_checked():
    fixed = _INVERSE_GAUSSIAN.replace("2\\pi x^3", "2\\pi y^3")
    assert [f[1] for f in findings(fixed)] == ["checked"]
    wrong = fixed.replace("\\frac{1}{2}\n\\log", "\\frac{1}{3}\n\\log")
    assert [f[1] for f in findings(wrong)] == ["refuted"]


# --- a bare log in a relation with variables: base 2 is tried as for numbers -----------------

def test_a_power_of_two_of_a_bare_log_is_not_refuted_in_base_e():
    [(line, status, reason)] = findings("$$\n\\mathbb{E}[2^{\\log p(x)}] = \\mathbb{E}[p(X)]\n$$\n")
    assert (line, status) == (2, "unknown")
    assert reason == ("fails with its logs in base e, holds in base 2 (symbolic: identical, with "
                      "the measures in bits): the text states no base")


def test_a_power_of_two_of_a_bare_log_that_fails_in_every_base_is_refuted():
    assert [f[1] for f in findings("$$\n\\mathbb{E}[2^{\\log p(x)}] = \\mathbb{E}[2 p(X)]\n$$\n")] \
        == ["refuted"]


# --- an equation environment opened again before its \end -----------------------------------

def test_an_equation_left_open_ends_where_the_next_one_begins():
    from symbolic.latex_in.latexfile import scan_math
    source = ("So\n\\begin{equation}\nI(X,Y;Z)=H(X,Y)-H(X,Y|Z)\n\\begin{equation}\nthen $H(X,Y)$\n"
              "\\begin{equation}\nI(X,Y;Z)=H(X)+H(Y|X)-H(X|Z)-H(Y|Z)\n\\end{equation}\n")
    assert [c for c, _, _ in scan_math(source)] == [
        "\\begin{equation}\nI(X,Y;Z)=H(X,Y)-H(X,Y|Z)\n", "\\begin{equation}\nthen $H(X,Y)$\n",
        "\\begin{equation}\nI(X,Y;Z)=H(X)+H(Y|X)-H(X|Z)-H(Y|Z)\n\\end{equation}"]


def test_the_rows_after_an_equation_left_open_are_read_and_a_wrong_one_refuted():
    source = ("So\n\\begin{equation}\nI(X,Y;Z)=H(X,Y)-H(X,Y|Z)\n\\begin{equation}\nthen\n"
              "\\begin{equation}\nI(Y;Z|X)=H(Y|X)-H(Z|X,Y)\n\\end{equation}\n")
    steps = lint_source(source, "sol.tex", LIMITS).steps
    assert [(s.line, s.status) for s in steps] == [(3, "proved"), (7, "refuted")]


def test_aligned_inside_aligned_still_nests():
    from symbolic.latex_in.latexfile import scan_math
    source = "\\begin{aligned}a &= \\begin{aligned}b\\end{aligned}\\end{aligned}"
    assert len(scan_math(source)) == 1


# --- relations that hold along a Markov chain the text states -------------------------------

def _steps(doc):
    return [(s.line, s.status, s.verdict.method, s.verdict.reason)
            for s in lint_source(doc, "post.md", LIMITS).steps]


def test_the_data_processing_inequality_is_checked_along_the_chain_the_text_states():
    doc = "Let $X \\to Y \\to Z$ form a Markov chain. Then\n\n$$ I(X;Y) \\ge I(X;Z) $$\n"
    [(line, status, method, _)] = _steps(doc)
    assert (line, status) == (3, "checked")
    assert method.endswith(", with X → Y → Z a Markov chain as the text states on line 1")


def test_the_chain_says_which_variable_is_in_the_middle():
    doc = "Let $X \\to Z \\to Y$ form a Markov chain. Then\n\n$$ I(X;Y) \\ge I(X;Z) $$\n"
    [(line, status, _, reason)] = _steps(doc)
    assert (line, status) == (3, "unknown")
    assert "the text speaks of Markov chains" in reason


def test_without_a_stated_chain_the_failure_is_held_back_as_before():
    doc = "The variables are not independent. Then\n\n$$ I(X;Y) \\ge I(X;Z) $$\n"
    [(line, status, _, reason)] = _steps(doc)
    assert (line, status) == (3, "unknown")
    assert "the text speaks of Markov chains" in reason


# --- names the text ties together, and notation the text introduces -------------------------

def test_a_failure_that_frees_names_a_setting_of_the_text_ties_is_held_back():
    doc = ("We use the fact that $$ \\bar{\\alpha}_t = \\bar{\\alpha}_{t-1} \\alpha_t $$ and "
           "$$ \\beta_t = 1 - \\alpha_t $$:\n\n$$\n\\frac{1}{\\sqrt{\\alpha_t}} \\cdot "
           "\\frac{\\beta_t + \\alpha_t(1 - \\bar{\\alpha}_{t-1})}{1 - \\bar{\\alpha}_t} = "
           "\\frac{1}{\\sqrt{\\alpha_t}}\n$$\n")
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (4, "unknown")
    # the tie of the two settings the check tries itself comes first (twenty-fourth session)
    assert reason == ("fails as an identity, but holds when beta_t = 1 - alpha_t, a setting "
                      "the text may make in words")


def test_a_row_the_prose_introduces_as_notation_is_the_authors_definition():
    doc = ("We'll denote:\n\n$$z = -w^Tx_i$$\n\n$$\\sigma(z) = \\frac{1}{1 + \\exp(z)}$$\n")
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (5, "unknown")
    assert reason.endswith("the text introduces it as its notation ('denote'): a definition of "
                           "its own, not a claim of the standard meaning")
    said = doc.replace("We'll denote:", "So we get:")
    assert [f[1] for f in findings(said)] == ["refuted"]


def test_a_convention_the_text_says_it_defines_is_not_refuted():
    doc = "我们知道 $log_21 = 0$，而且需要定义 $log_20 = 0$。\n"
    assert "refuted" not in [f[1] for f in findings(doc)]
    assert "refuted" in [f[1] for f in findings(doc.replace("需要定义", "得到"))]


# --- an inequality in scalars that holds for some values; alternatives ----------------------

def test_an_inequality_in_scalars_that_holds_for_some_values_is_unknown():
    doc = ("$$f'(x) = \\frac{1}{x}+\\frac{\\beta}{x^2}=\\frac{x+\\beta}{x^2} \\leq "
           "\\frac{1+\\beta}{x^2}$$\n")
    [(line, status, reason)] = [f for f in findings(doc) if f[1] != "proved"]
    assert (line, status) == (1, "unknown")
    assert reason.startswith("fails at some values (beta = ")
    assert reason.endswith("the text may state the inequality for a domain of its variables "
                           "that it gives in words")


def test_an_inequality_in_scalars_that_fails_wherever_checked_is_refuted():
    assert [f[1] for f in findings("$$\\log x \\ge x - 1$$\n")] == ["refuted"]


def test_a_relation_the_prose_gives_as_one_of_alternatives_is_a_case():
    [(line, status, reason)] = findings("Since $y$ is $0$ or $1$, either $y=0$ or $1-y=0$, so "
                                        "the sum simplifies.\n")
    assert (line, status) == (1, "unknown")
    assert reason.endswith("but the prose gives it as one of alternatives ('or'): a case, not a "
                           "claim")


def test_a_chain_that_states_a_measure_wrongly_keeps_its_later_uses_refutable():
    doc = ("$$H(X|Y) = \\sum_{x,y} p(x,y) \\log p(x|y) = -\\sum_y p(y) H(X|Y=y)$$\n\n"
           "$$I(X;Y|Z) = H(X) - H(X|Y)$$\n")
    assert findings(doc)[-1][:2] == (3, "refuted")


def test_a_chain_that_ends_in_the_fields_expression_defines_nothing_of_its_own():
    doc = ("$$\nH(p,q) = E_p[-\\log(q)] = -\\sum_x p(x)\\log q(x)\n$$\n\n"
           "$$\nD_{KL}(p||q) = H(p,q)-H(q)\n$$\n")
    assert findings(doc)[-1][:2] == (6, "refuted")
