"""Readings and false alarms of the nineteenth session, each cause written again here as a
short excerpt of our own, with the near miss that must still be refuted."""
from symbolic.latex_in.notation import bare_functions
from verifying_helpers import findings, rows, status, verdicts


# --- a one-letter base glued to the argument of the log ---------------------------------------

def test_a_one_letter_base_is_the_one_token_tex_takes_as_the_subscript():
    assert bare_functions(r"-\log_bP(x_i)") == r"-\log_{b} P(x_i)"
    assert bare_functions(r"\log_ap(x_k|y_j)") == r"\log_{a} p(x_k|y_j)"
    assert bare_functions(r"\log_{b}P(x)") == r"\log_{b}P(x)"       # braced: as written


def test_entropy_in_base_b_with_the_base_glued_to_the_pmf():
    assert status(r"H(X) = -\sum_{i=1}^nP(x_i)\log_bP(x_i)") == "proved"
    assert status(r"I(x_k|y_j) = -\log_ap(x_k|y_j)") == "proved"
    assert status(r"H(X) = \sum_{i=1}^nP(x_i)\log_bP(x_i)") == "refuted"


# --- a sum up to a number over the outcomes of a pmf the relation also measures ----------------

def test_a_sum_to_a_number_beside_a_measure_of_that_pmf_counts_its_outcomes():
    assert status(r"H(X) = -\sum_{i=1}^{8} P(x_i) \log P(x_i)") == "proved"
    assert status(r"H(p) = -\sum_{i=1}^{4} p_i \log p_i") == "proved"
    assert status(r"-\sum_{i=1}^{4} p_i \log p_i \le \log 4") == "proved"


def test_a_sum_to_a_number_still_refutes_a_wrong_relation():
    assert status(r"H(p) = -\sum_{i=1}^{4} p_i \log p_i + 1") == "refuted"
    assert status(r"H(X) = -\sum_{i=1}^{8} P(x_i) \log P(x_i) + \log 2") == "refuted"
    assert status(r"H(p) \le \log 3") == "refuted"


# --- names in braces, vectors with arrows ------------------------------------------------------

def test_an_editor_that_braces_every_name_writes_the_same_dot_product():
    # some equation editors write { \beta }^{ T }, { e }^{ a }, \overrightarrow { x }
    assert status(r"\frac { 1 }{ 1+{ e }^{ -{ \overrightarrow { \beta  }  }^{ T }\overrightarrow { x }  } }"
                  r" = \frac{1}{1 + e^{-\beta^T x}}") == "proved"
    assert status(r"{ \beta  }_{ 1 }^{ T }{ \overrightarrow {  x  }  } = \beta_1^T x") == "proved"
    assert status(r"{ e }^{ { \overrightarrow { { { \beta  } }_{ c } }  }^{ T }\overrightarrow { x }  }"
                  r" = e^{\beta_c^T x}") == "proved"


def test_a_braced_dot_product_is_opaque_so_a_failure_is_not_refuted():
    assert status(r"{ e }^{ { \beta  }_{ 1 }^{ T }{ x } } = 2 e^{\beta_1^T x}") == "unknown"


# --- a chain that solves an equation leaves its equation to the next row ----------------------

SOLVING = r"""
$$
\begin{align*}
\frac{p}{1-p} &= e^a \\
p &= e^a (1-p) \\
&= e^a - e^a p \\
p(1+e^a) &= ROW
\end{align*}
$$
"""


def test_the_row_after_a_chain_of_solving_is_checked_against_the_chains_equation():
    found = rows(SOLVING.replace("ROW", "e^a"))
    assert ("p(1+e^a)", "=", "e^a", "proved") in [r[1:] for r in found]
    assert ("p", "=", "e^a (1-p)", "proved") in [r[1:] for r in found]    # a row of solving too


def test_a_wrong_row_after_a_chain_of_solving_is_refuted_in_the_same_display():
    found = rows(SOLVING.replace("ROW", "2e^a"))
    assert ("p(1+e^a)", "=", "2e^a", "refuted") in [r[1:] for r in found]


def test_the_first_relation_of_a_chain_may_be_a_row_of_solving():
    text = r"""
$$
\begin{align*}
\frac{p(x)}{1-p(x)} &= e^a \\
p(x) &= e^a (1-p(x)) = e^a - e^a p(x)
\end{align*}
$$
"""
    assert [r[-1] for r in rows(text)] == ["unknown", "checked", "proved"]


def test_an_update_rule_is_no_row_of_solving():
    text = r"""
$$ \theta = \theta - \alpha \frac{\partial J}{\partial \theta} = \theta - \alpha (h - y) x $$
"""
    assert [r[-1] for r in rows(text)] == ["unknown"]


# --- conditions, systems and stated equations ---------------------------------------------------

def test_a_mathjax_extension_loaded_in_the_math_is_layout():
    assert status(r"\require{cancel} \frac{a}{a} = 1") == "proved"


def test_two_linear_equations_in_one_display_may_be_a_system():
    found = findings("\\begin{align}\n 5x_1 + 2x_2 = 10 \\\\\n 3x_1 + 4x_2 = 11\n\\end{align}\n")
    assert [f[1] for f in found] == ["unknown", "unknown"]
    assert "rows of a system" in found[1][2]


def test_two_values_of_one_name_are_two_examples():
    found = findings("\\begin{align}\n \\frac{\\delta w_1}{w_1} = \\frac{1}{10} \\\\\n"
                     " \\frac{\\delta w_2}{w_2} = \\frac{1}{1}\n\\end{align}\n")
    assert [f[1] for f in found] == ["unknown", "unknown"]


def test_a_function_equal_to_a_number_is_a_level_set_not_a_new_definition():
    text = "$$y(x)=w x+w_0$$\n\n- $$y(x)=0$$\n\n$$y(x) - w_0 = w x$$\n"
    assert [f[1] for f in findings(text)] == ["proved"]


def test_math_before_a_korean_conditional_ending_is_the_condition():
    found = findings("$H(p) = 1$이면 분포는 균등하다.\n")
    assert found[0][1] == "unknown" and "under a condition ('이면')" in found[0][2]
    assert findings("$-0.5 \\log_2 0.5 - 0.5 \\log_2 0.5 = 2$이면 틀린 계산이다.\n")[0][1] == "refuted"


DDPM = r"""
By the definition of $\alpha_t$ we use $\sqrt{\alpha_t} / \sqrt{\alpha_{t-1}}=\sqrt{1-\beta_t}$ here.

$$
\begin{aligned}
L &= \frac{1\cdot (1-\beta_t)+\beta_t-\alpha_{t-1}(1-\beta_t)}{\left(1-\alpha_{t}\right) \sqrt{1-\beta_{t}}} z \\
&= \frac{1-\alpha_{t}}{\left(1-\alpha_{t}\right) \sqrt{1-\beta_{t}}} z
\end{aligned}
$$
"""


def test_an_equation_the_text_states_between_names_holds_back_a_later_failure_in_them():
    found = findings(DDPM)
    assert [f[1] for f in found] == ["unknown", "unknown"]
    assert "states an equation between alpha_t, alpha_{t-1}, beta_t on line 2" in found[1][2]
    assert [f[1] for f in findings(DDPM.split("$$", 1)[1].join(["$$", ""]))] == ["refuted"]


# --- spellings: Hugo's display=true, roots of one token, δ over δ, a measure's value -----------

def test_a_hugo_katex_shortcode_with_a_display_value_is_read():
    text = ("defined as\n{{< katex display=true >}}\n\\sigma(z) = \\frac{1}{1-e^{-z}}\n{{< /katex >}}\n"
            "and {{< katex display=false >}}\\frac{a}{a} = 1{{< /katex >}} inline.\n")
    assert [f[1] for f in findings(text)] == ["refuted", "proved"]


def test_a_root_of_one_token_takes_its_subscript():
    assert status(r"\sqrt \beta_1 \cdot \mathbf \epsilon_1 = \sqrt{\beta_1}\epsilon_1") == "proved"
    assert status(r"{\pmb \mu}_1 + \sqrt 4 = \mu_1 + 2") == "proved"
    assert status(r"\sqrt \beta_1 = \beta_1") == "refuted"


def test_delta_over_delta_is_a_derivative_and_delta_over_a_name_an_increment():
    assert status(r"\frac{\delta (\theta^2)}{\delta \theta} = 2\theta") == "proved"
    assert status(r"\frac{\delta{}(\theta^2)}{\delta(\theta)} = 3\theta") == "refuted"
    assert status(r"\frac{\delta w}{w} = \delta") == "proved"


KL_EXAMPLES = r"""
For $\mathcal N(0,1)$ and $\mathcal N(1,1)$:

$D_{KL}(p\parallel q)=0.5$

The relation is this:

$D_{KL}(p \parallel q) = H(q, p) - H(p)$
"""


def test_the_value_of_a_measure_in_an_example_is_no_meaning_of_its_own():
    assert [f[1] for f in findings(KL_EXAMPLES)] == ["unknown", "refuted"]
    assert [f[1] for f in findings(KL_EXAMPLES.replace("H(q, p)", "H(p, q)"))] == ["unknown", "proved"]


def test_w0_beside_entries_from_1_is_a_name_of_its_own():
    assert status(r"w_0 + \sum_{i=1}^n w_i f_i = \sum_{i=1}^n w_i f_i + w_0") == "proved"
    assert verdicts(r"w_0 + \sum_{i=1}^n w_i f_i = \sum_{i=1}^n w_i f_i")[0][0] == "unknown"
    # w^T x may hold w_0 with a dummy input x_0 = 1: not read
    assert "counted from 1" in verdicts(r"\beta^T x = \beta_0+\beta_1 x_1+\beta_2 x_2")[0][1]


def test_a_probability_in_brackets_named_pr():
    assert status(r"\text{Pr}[X = 1] + \text{Pr}[X = 2] = P(X = 1) + P(X = 2)") == "proved"


def test_a_comparison_of_measures_the_text_valued_for_its_example_is_not_refuted():
    text = ("$D _{KL} (p \\rvert \\rvert q)=0.085$ and $D _{KL} (q \\rvert \\rvert p)=0.097$.\n\n"
            "So we get $D _{KL} (p \\rvert \\rvert q) < D _{KL} (q \\rvert \\rvert p)$ here.\n")
    found = findings(text)
    assert [f[1] for f in found] == ["unknown", "unknown", "unknown"]
    assert "a value on line 1 for its example" in found[2][2]
    assert status(r"D _{KL} (p \rvert \rvert q) = KL(p \rvert \rvert q)") == "proved"


def test_two_inline_formulas_joined_in_prose_by_a_relation_are_one_relation():
    text = ("| a | $$\\frac{1}{4}$$ = $$\\frac{300}{1200}$$ |\n"
            "| b | $$\\frac{3}{4}$$ = $$\\frac{800}{1200}$$ |\n\n"
            "Capacity = $1 - h$ = $1 - h$ and $a$ = $b$ = $a$.\n")
    assert [(f[0], f[1]) for f in findings(text)] == [(1, "proved"), (2, "refuted"), (4, "proved")]
