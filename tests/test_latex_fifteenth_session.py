"""Readings and false alarms of the fifteenth session, each cause written again here as a
short excerpt of our own, with the near miss that must still be refuted."""
from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.lint import lint_source, verify_text
from verifying_helpers import LIMITS, findings, rows, status, verdicts


# --- a relation that fails only for negative values of its unknowns -------------------------

def test_the_log_sum_inequality_is_not_refuted_with_negative_numbers():
    # a_i and b_i of either sign broke it; its statement names non-negative numbers
    [(verdict, reason)] = verdicts(
        r"\sum_{i=1}^n a_i \log\frac{a_i}{b_i} \ge \left(\sum_{i=1}^n a_i\right)"
        r" \log\frac{\sum_{i=1}^n a_i}{\sum_{i=1}^n b_i}")
    assert verdict == "unknown"
    assert reason.endswith("with a, b positive: the text may mean positive numbers")
    assert reason.startswith("fails (n = ")


def test_a_relation_false_for_positive_numbers_is_refuted_at_positive_numbers():
    assert status(r"\sqrt{x^2} = x") == "unknown"
    steps = verdicts(r"\sum_{i=1}^n a_i \log a_i \ge 0")
    assert steps[0][0] == "refuted"
    assert status(r"\frac{1}{1 + e^{x_2-x_1}} = \frac{1}{1 + e^{-x_1-x_2}}") == "refuted"


# --- a row that holds once the true distribution is one-hot ----------------------------------

ONE_HOT = """The target distribution is one-hot, so its entropy is 0.

$$D_{KL}(p\\|q) = -\\sum_{i=1}^n p(x_i) \\log q(x_i)$$
"""


def test_kl_equal_to_cross_entropy_after_saying_the_target_is_one_hot():
    [(line, verdict, reason)] = findings(ONE_HOT)
    assert (line, verdict) == (3, "unknown")
    assert reason == ("fails as an identity, but holds when p is one-hot (a label "
                      "distribution, of entropy 0), which the text may say in words")


def test_kl_equal_to_cross_entropy_without_those_words_is_refuted():
    text = ONE_HOT.replace("The target distribution is one-hot, so its entropy is 0.",
                           "We expand the divergence:")
    assert [f[1] for f in findings(text)] == ["refuted"]


def test_a_lost_sign_of_the_entropy_stays_refuted_after_the_words():
    # both sides vanish at a one-hot p: no evidence that the row means that case
    text = ONE_HOT.replace("D_{KL}(p\\|q) = -\\sum_{i=1}^n p(x_i) \\log q(x_i)",
                           "H(p) = \\sum_{i=1}^n p(x_i) \\log p(x_i)")
    assert [f[1] for f in findings(text)] == ["refuted"]


# --- the rows of a cases environment that are relations themselves ---------------------------

CASES = """The loss, term by term:

$$
\\ell =
  \\begin{cases}
    -\\log \\sigma(z) = \\log\\left(1 + e^{-z}\\right) & \\text{if } y = 1 \\\\
    -\\log\\left(1 - \\frac{1}{1+e^{-z}}\\right) = \\log\\left(\\frac{e^{-z}}{1+e^{-z}}\\right) & \\text{if } y = 0
  \\end{cases}
$$
"""


def test_each_row_of_cases_is_checked_on_its_own_line():
    assert [(r[0], r[-1]) for r in rows(CASES)] == [(6, "proved"), (7, "refuted")]


def test_a_refuted_row_of_cases_gets_a_sign_repair():
    report = lint_source(CASES, "post.md", LIMITS)
    [repair] = report.steps[1].suggestions
    assert repair["change"] == "flip the sign of the right side"
    assert repair["verdict"] == "proved"


def test_the_case_of_a_row_applies_when_the_row_uses_its_name():
    text = ("$$\\ell = \\begin{cases} -y\\log p - (1-y)\\log(1-p) = -\\log(1-p) & y = 0 \\\\ "
            "-y\\log p = -\\log p & \\text{if } y = 1 \\\\ -y\\log p = 0 & \\text{otherwise}"
            "\\end{cases}$$\n")
    # the row under "otherwise" is left out: without a case, rows are a system to solve
    assert [(r[-1]) for r in rows(text)] == ["proved", "proved"]


# --- a side the parser rejects is not the author's syntax error -------------------------------

def test_a_side_the_parser_rejects_is_unknown_in_lint_and_an_error_in_verify():
    # valid LaTeX the parser does not know is not the author's syntax error
    [(_, verdict, reason)] = findings("$$\\langle a, b \\rangle_W = a_i w_{ij} b_j$$\n")
    assert verdict == "unknown"
    assert reason.startswith("cannot parse '\\\\langle a, b \\\\rangle_W'")
    # one formula typed to verify is the user's own: there the rejection is an error
    steps, error = verify_text("x + 1) = 2", LIMITS)
    assert steps == [] and isinstance(error, LatexSyntaxError)
    assert error.message == "cannot parse 'x + 1)': I don't understand this"


def test_rows_of_a_system_of_equations_are_not_claims():
    # rows without a case are equations to solve together, not identities
    assert rows("$$\\left\\{\\begin{aligned} a + b &= 1 \\\\ a - b &= 0 \\end{aligned}\\right.$$\n") == []
    assert rows("$$\\begin{cases} a + b = 1 \\\\ a - b = 0 \\end{cases}$$\n") == []


# --- a sum whose body is a constant has one reading ------------------------------------------

def test_a_sum_of_a_constant_over_numbers_is_refuted_when_wrong():
    # two outcomes of probability 1/2 carry 1 bit, not 2
    assert status(r"-\sum_{i=1}^2 \frac{1}{2} \log_2(\frac{1}{2}) = 2") == "refuted"
    assert status(r"-\sum_{i=1}^K \frac1K \log_2 \frac{1}{K} = \log_2 K") == "proved"
    assert status(r"2^{\frac{1}{K} -\sum_{i=1}^K \log_2 \frac{1}{K}} = 2^{-\log_2 \frac{1}{K}}") \
        == "refuted"


def test_a_sum_whose_body_names_data_without_the_index_stays_in_doubt():
    # \sum_i \log p(x) may be the author's shorthand for \sum_i \log p(x_i)
    [(verdict, reason)] = verdicts(r"\sum_{i=1}^n \log p(x) = \log p(x)")
    assert verdict == "unknown"
    assert reason.endswith("the sum over i has no i in its body (a misprinted index?)")


def test_a_sum_over_numbers_is_arithmetic_under_a_condition_of_the_prose():
    text = ("If the coin is fair, then\n\n"
            "$$H(X) = -\\sum_{i=1}^2 \\frac{1}{2} \\log_2(\\frac{1}{2}) = 2\\, bits$$\n")
    assert [r[-1] for r in rows(text)] == ["unknown", "refuted"]


# --- an align whose rows are each a cases environment over the label ------------------------

ALIGNED_CASES = """The logistic loss of one example:

$$
\\begin{align*}
  \\text{loss}
  &= -y\\log(\\sigma(z)) - (1-y)\\log(1 - \\sigma(z)) \\\\
  &= \\begin{cases}
    -\\log(1 - \\sigma(z)) & y = 0 \\\\
    -\\log(\\sigma(z))     & y = 1
    \\end{cases} \\\\
  &= \\begin{cases}
    \\log(1 + e^{z})    & y = 0 \\\\
    \\log(1 + e^{-z}) & y = 1
    \\end{cases}
\\end{align*}
$$
"""


def test_each_cases_block_of_a_chain_is_read_over_the_label():
    assert [(r[0], r[-1]) for r in rows(ALIGNED_CASES)] == [(7, "proved"), (11, "proved")]


def test_a_wrong_row_of_a_cases_block_is_refuted_though_the_other_holds():
    # the y = 1 row still holds: the cases state each value, so no label case holds it back
    text = ALIGNED_CASES.replace("\\log(1 + e^{z})    & y = 0", "\\log(1 + e^{2z})    & y = 0")
    assert [(r[0], r[-1]) for r in rows(text)] == [(7, "proved"), (11, "refuted")]


# --- a sum from 0 to n has n + 1 terms -------------------------------------------------------

def test_a_sum_from_zero_to_n_runs_over_n_plus_one_terms():
    # "cannot read n + 1 as the size of a support" before; the sampler draws n, then n + 1 terms
    assert status(r"\sum_{i=0}^{n} 1 = n + 1") == "proved"
    assert status(r"\sum_{i=0}^{n} 1 = n") == "refuted"
    assert status(r"\sum_{i=0}^{n} a_i b_i \le \sqrt{\sum_{i=0}^{n} a_i^2}\sqrt{\sum_{i=0}^n b_i^2}") \
        == "checked"
    assert status(r"\sum_{i=0}^{n} x_i = \sum_{i=1}^{n} x_i") == "refuted"


# --- a base the prose omits from then on; a condition the text states on its unknowns -------

def test_omitting_the_base_in_prose_fixes_it_for_the_later_sections():
    text = ("# Surprise\n\nWe take $S(x) = -\\log_2 x$ and omit the base 2 from now on.\n\n"
            "# Coding\n\n$$2^{-n\\log p} = p^{-n}$$\n")
    assert [r[-1] for r in rows(text)] == ["proved"]
    chinese = text.replace("We take $S(x) = -\\log_2 x$ and omit the base 2 from now on.",
                           "取 $S(x)=-\\log_2 x$，为了简化表达之后会省略底数 $2$。")
    assert [r[-1] for r in rows(chinese)] == ["proved"]


def test_a_condition_stated_on_code_lengths_holds_back_a_later_failure():
    kraft = ("Code lengths satisfy\n\n$$\\sum_{i=1}^n 2^{-b_i} \\le 1$$\n\nso\n\n"
             "$$\\sum_{i=1}^n p_i b_i + \\log_2 \\sum_{i=1}^n 2^{-b_i} \\le \\sum_{i=1}^n p_i b_i$$\n")
    assert findings(kraft)[-1] == (7, "unknown", (
        "fails, but the text states a condition on b on line 3 (\\sum_{i=1}^n 2^{-b_i} ≤ 1), "
        "which the check does not apply"))
    alone = kraft[kraft.index("so"):]
    assert [f[1] for f in findings(alone)] == ["refuted"]


def test_an_upright_e_right_after_log_is_eulers_number():
    # \log\mathrm{e} became \loge, which the parser read as log base 10 of e
    assert status(r"\log_2\mathrm{e} \cdot \ln 2 = 1") == "proved"
    assert status(r"\log\mathrm e = 1") == "proved"


def test_words_in_a_code_block_do_not_say_the_distribution_is_one_hot():
    text = "```\none-hot: H(p) = 0\n```\n\n" + ONE_HOT.split("\n", 2)[2]
    assert [f[1] for f in findings(text)] == ["refuted"]
