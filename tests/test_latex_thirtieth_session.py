"""What the thirtieth session changed in reading other authors' posts (issue 8)."""
from symbolic.latex_in.prose_conditions import same_sentence
from symbolic.latex_in.lint import lint_source
from verifying_helpers import LIMITS, findings, line_statuses

SOFTMAX = ("The softmax is\n\n$$p_j = \\frac{e^{a_j}}{\\sum_{k=1}^N e^{a_k}}$$\n\n")


# --- a case stated inline holds for the math later in its sentence -------------------------

def test_an_inline_case_holds_for_the_inline_math_after_it_in_its_sentence():
    doc = SOFTMAX + "For $i \\neq j$, $\\frac{\\partial p_j}{\\partial a_i} = -p_j p_i$.\n"
    assert line_statuses(doc) == [(5, "checked")]


def test_a_wrong_row_under_an_inline_case_is_refuted_at_an_instance_of_the_case():
    doc = SOFTMAX + "For $i \\neq j$, $\\frac{\\partial p_j}{\\partial a_i} = p_j p_i$.\n"
    [step] = lint_source(doc, "post.md", LIMITS).steps
    assert (step.line, step.status) == (5, "refuted")
    assert step.verdict.method.endswith("at the instance i = 2, j = 1 of the case")


def test_a_case_in_an_earlier_sentence_does_not_reach_inline_math():
    doc = SOFTMAX + "Take $i = j$. Then $\\frac{\\partial p_j}{\\partial a_i} = -p_j p_i$.\n"
    [(line, status, _)] = findings(doc)
    assert (line, status) == (5, "refuted")


def test_same_sentence_stops_at_a_sentence_end_and_after_eighty_characters():
    text = "For $i$, " + "x" * 90 + " $a$."
    assert same_sentence("For $i$, $a$.", 7, 9)
    assert not same_sentence("For $i$. So $a$.", 7, 12)
    assert not same_sentence(text, 7, text.index(" $a"))


def test_the_sentence_whose_condition_is_the_case_does_not_hold_the_refutation_back():
    # "$u \neq d$の場合" then a display: the 場合 is the case the check applies
    doc = ("$p_u = \\frac{e^{b_u}}{\\sum_{v=1}^V e^{b_v}}$ とする。\n\n$u \\neq d$の場合\n\n"
           "$$\\frac{\\partial p_u}{\\partial b_d} = p_u p_d$$\n")
    [step] = lint_source(doc, "post.md", LIMITS).steps
    assert (step.line, step.status) == (5, "refuted")
    assert step.verdict.method.endswith("of the case")


def test_a_condition_word_without_a_stated_case_still_holds_the_refutation_back():
    doc = SOFTMAX + "When the classes differ,\n\n$$\\frac{\\partial p_j}{\\partial a_i} = p_j p_i$$\n"
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (7, "unknown") and "under a condition ('When')" in reason


# --- kramdown escapes in \begin{align} blocks written without $$ ----------------------------

def test_markdown_escapes_in_a_bare_align_block_are_undone():
    doc = ("\\begin{align}\n\\sum\\_{v = 1}^{2} \\left\\\\{ \\frac{1}{2} \\right\\\\} &= 1 \\newline\n"
           "\\sum\\_{v = 1}^{2} \\frac{1}{4} &= 1\n\\end{align}\n")
    assert line_statuses(doc) == [(2, "proved"), (3, "refuted")]


# --- π as a name ----------------------------------------------------------------------------

def test_pi_set_to_a_probability_is_not_the_constant_when_the_text_uses_pi_as_a_name():
    doc = ("$$\\pi(\\mathbf{X}) = \\frac{e^{\\mathbf{X}\\beta}}{1+e^{\\mathbf{X}\\beta}}$$\n\n"
           "The odds are $\\frac{\\pi}{1-\\pi}$. If $\\pi=0.75$, the odds are 3.\n\n"
           "Let $\\pi = 0.75$ here too.\n")
    got = findings(doc)
    assert [(line, status) for line, status, _ in got] == [(3, "unknown"), (5, "unknown")]
    assert got[1][2].endswith("the text uses π as a name (\\pi(…)), and the relation is read with "
                           "the constant 3.14159…")


def test_pi_stays_the_constant_in_a_text_that_never_uses_it_as_a_name():
    doc = "The circle:\n\n$$\\pi = 3$$\n\n$$\\frac{1}{\\sqrt{2\\pi}} = 0.5$$\n"
    assert [status for _, status, _ in findings(doc)] == ["refuted", "refuted"]


# --- a $$ display on lines of its own inside a paragraph ends the lead-in -------------------

def test_a_display_inside_a_paragraph_ends_the_sentence_that_leads_into_the_next_math():
    from symbolic.latex_in.documents import read_markup
    from symbolic.latex_in.prose_conditions import condition_before, lead_in
    src = ("情况一:比如此时求偏导,则:\n$$\nL = a\n$$\n关键点在于求\n$$\nb = c\n$$\n\n"
           "如果 $$x = 0$$ 那么 $$y = 1$$ 。\n")
    markup = read_markup(src, "post.md")
    at = src.index("b = c")
    assert lead_in(src, markup, at).strip() == "关键点在于求"
    assert condition_before(src, markup, at) is None
    # $$ … $$ inside a line is inline math (kramdown): the sentence goes on through it
    assert condition_before(src, markup, src.index("y = 1")) == "如果"


# --- a binary label's Bernoulli model -------------------------------------------------------

BERNOULLI = ("The model:\n\n$$P(y|x;\\theta)=h_\\theta(x)^y+(1-h_\\theta(x))^{1-y}$$\n\n"
             "$$P(y|x;\\theta)=(h_\\theta(x))^y(1-h_\\theta(x))^{1-y}$$\n\n"
             "$$p(y_i|x_i) = p_i^{y_i} + (1-p_i)^{1-y_i}$$\n\n"
             "$$P(y=1|x) = h^y (1-h)^{1-y}$$\n\n$$p(y|x) = \\sigma(y w x)$$\n")


def test_a_bernoulli_model_must_add_up_to_one_over_the_labels_values():
    steps = lint_source(BERNOULLI, "post.md", LIMITS).steps
    assert [(s.line, s.status) for s in steps] == [(3, "refuted"), (5, "proved"), (7, "refuted"),
                                                   (11, "unknown")]
    assert steps[0].verdict.method.startswith(
        "not a distribution over y ∈ {0, 1}: its values at y = 0 and y = 1 do not add up to 1")
    assert steps[0].verdict.counterexample.lhs == 3
    assert steps[1].verdict.method.startswith("a distribution over y ∈ {0, 1}")


def test_a_head_that_fixes_the_label_or_a_body_without_the_exponent_one_minus_y_is_not_checked():
    from symbolic.latex_in.bernoulli_model import bernoulli_definition
    from sympy import symbols
    y, h = symbols("y h")
    assert bernoulli_definition("P(y=1|x)", h**y * (1 - h)**(1 - y), LIMITS, "t") is None
    assert bernoulli_definition("P(y|x)", h**y * (1 - h)**y, LIMITS, "t") is None
    assert bernoulli_definition("Q(z|x)", h**y * (1 - h)**(1 - y), LIMITS, "t") is None


def test_a_pmf_listed_in_set_braces_is_bound_and_its_support_is_not():
    from symbolic.latex_in.pmf_values import pmf_vector
    from symbolic.latex_in.semantics import Semantics
    doc = ("$$p(x) = \\{\\frac12, \\frac14, \\frac18, \\frac1{16},\n"
           "\\frac1{64}, \\frac1{64}, \\frac1{64}, \\frac1{64}\\}$$\n\n"
           "$$-\\sum_{x=1}^8p(x)log_2(p(x)) = \\frac12log\\frac12 + \\frac14log\\frac14$$\n")
    [(line, status, _)] = findings(doc)
    assert (line, status) == (4, "refuted")
    assert pmf_vector(Semantics(), "p(x)", "\\{0, 1\\}") is False


def test_a_side_note_whose_parenthesis_closes_in_a_later_text_group_is_set_aside_whole():
    doc = ("$$\n\\begin{align*}\n-\\frac12\\log_2\\frac12 - \\frac12\\log_2\\frac12 &= 1"
           " & \\text{(expanding } \\log \\text{)}\\\\\n&= 2\n\\end{align*}\n$$\n")
    assert line_statuses(doc) == [(3, "proved"), (4, "refuted")]


# --- a sum written without brackets, read both ways -----------------------------------------

def test_an_unbracketed_sum_that_fails_in_both_readings_is_refuted():
    doc = ("$$-\\sum_{i=1}^n y_i \\log p_i + (1-y_i)\\log(1-p_i) = "
           "-\\sum_{i=1}^n \\left[y_i \\log p_i + (1-y_i)\\log(1-p_i)\\right]$$\n\n"
           "$$-\\sum_{i=1}^n y_i \\log p_i + (1-y_i)\\log(1-p_i) = "
           "-\\sum_{i=1}^n \\left[y_i \\log p_i - (1-y_i)\\log(1-p_i)\\right]$$\n")
    assert line_statuses(doc) == [(1, "proved"), (3, "refuted")]


def test_an_unbracketed_sum_that_holds_read_strictly_is_not_refuted():
    # read to the end of its group, the sum fails; read strictly (b_i outside it) it holds
    doc = "$$\\sum_{i=1}^n a_i + b_i = b_i + \\sum_{i=1}^n a_i$$\n"
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (1, "unknown") and "is read to the end of its group" in reason


# --- false alarms of the unannotated samples ------------------------------------------------

def test_a_brace_that_starts_with_its_sign_adds_to_the_term_before_it():
    doc = ("$$\\sum_{i} P_i \\log \\frac{P_i}{Q_i} = \\underbrace{\\sum_{i} P_i \\log P_i}_"
           "{\\textrm{-Entropy}}  \\underbrace{-\\sum_{i} P_i \\log Q_i}_{\\texttt{crossentropy}}$$\n")
    assert [status for _, status, _ in findings(doc)] == ["proved"]


def test_a_function_the_text_defines_its_own_way_keeps_that_meaning_in_the_rows_after():
    doc = ("$$\n\\sigma(z)=\\frac{1}{1-e^{-z}}\\\\ \\sigma'(z) =\\frac{1}{1-e^{-z}}"
           "\\frac{-e^{-z}}{1-e^{-z}}\\\\ =\\sigma(z)(1-\\sigma(z))\n$$\n")
    got = findings(doc)
    assert [status for _, status, _ in got] == ["refuted", "unknown", "unknown"]
    assert got[-1][2].endswith("but the text gave \\sigma(z) a meaning of its own on line 2 (its "
                               "statement there does not hold as the field defines it)")


def test_the_labels_of_a_data_set_under_a_product_are_not_one_bernoulli_label():
    doc = ("$$P(y|X;\\theta) = \\prod_{i=1}^{m} h(x_i)^{y_i}(1-h(x_i))^{1-y_i}$$\n\n"
           "$$P(y^{(i)}|x^{(i)};\\theta) = h(x^{(i)})^{y^{(i)}}+(1-h(x^{(i)}))^{1-y^{(i)}}$$\n")
    [step] = lint_source(doc, "post.md", LIMITS).steps     # the product (a definition) is silent
    assert (step.line, step.status) == (3, "refuted")
    assert "distribution over y_i ∈ {0, 1}" in step.verdict.method


# --- second derivatives as one fraction -----------------------------------------------------

def test_second_derivatives_written_as_one_fraction_are_read():
    doc = ("$$\\frac{\\partial^2}{\\partial x^2} e^{2x} = 4 e^{2x}$$\n\n"
           "$$\\frac{\\partial^2 (x^2 y^3)}{\\partial x \\partial y} = 6 x y^2$$\n\n"
           "$$\\frac{d^2}{dx^2} \\log x = \\frac{1}{x^2}$$\n\n"
           "$$\\frac{\\partial^3 f}{\\partial x^3} = 0$$\n")
    got = findings(doc)
    assert [(line, status) for line, status, _ in got] == [(1, "proved"), (3, "proved"),
                                                          (5, "refuted"), (7, "unknown")]
    assert got[3][2] == "a higher derivative in this form is not read"


def test_the_strict_reading_of_a_sum_through_a_function_the_text_defines_reads_in_process():
    # the twin is read by the document's own reader, outside a chain's reading: it once failed
    # with "'Reader' object has no attribute 'defined_names'" and lost the whole file's report
    doc = ("$$L(w) = \\prod_{i=1}^{m} p(y_i|x_i;w)$$\n\n"
           "$$\\log L(w) = \\sum_{i=1}^{m} y_i \\log h(x_i) + (1-y_i)\\log(1+h(x_i))$$\n")
    statuses = [status for _, status, _ in findings(doc)]
    assert statuses and "internal" not in " ".join(statuses)


def test_a_power_read_as_an_entry_is_not_a_bernoulli_model():
    # corpus 04: p := P(y = 1 | x; θ), then P(y | x; θ) = p^{(y)} (1 - p)^{(1 - y)}, correct;
    # p^{(y)} reads as an entry p_y, and the check must not judge that reading
    doc = ("Let $p := P(y = 1 | x; \\theta)$. We therefore have\n\n"
           "$$P(y | x; \\theta) = p^{(y)} (1 - p)^{(1 - y)}$$\n")
    assert "refuted" not in [status for _, status, _ in findings(doc)]
