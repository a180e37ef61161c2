"""What the thirty-second session changed in reading other authors' posts (issue 8)."""
import sympy as sp
from verifying_helpers import findings, line_statuses, status

from symbolic.latex_in.document_doubts import same_function

# --- an equation between names is one between names, not between a family and its entry -----

BISHOP_ROWS = ("$$\n\\frac{\\partial E(w)}{\\partial w} = \\sum_{n=1}^{N} (y_n - t_n) x_n \\\\\n"
               "= \\sum_{n=1}^{N} (t_{n} - y_{n})x_{n}\n$$\n")


def test_a_row_with_x_and_its_entries_x_n_states_no_equation_that_holds_back_the_next():
    # x (the family) and x_n (its entry) were two names of an "equation", and the sign error
    # of the next row, in x_n too, was held back as one the equation might explain
    assert line_statuses(BISHOP_ROWS) == [(2, "unknown"), (3, "refuted")]


# --- a total that is the sum of its counts -----------------------------------------------------

STIRLING = ("Out of a total group of $N$ items, $n_i$ are of type $i$:\n\n$$\\begin{align}\n"
            "\\log W &\\approx N\\log N - N - \\sum_{i=1}^{m} (n_i \\log n_i - n_i) \\\\\n"
            "&= \\sum_{i=1}^{m} (n_i\\log N - n_i) - \\sum_{i=1}^{m} (n_i \\log n_i - n_i)\n"
            "\\end{align}$$\n")


def test_a_row_that_holds_when_the_total_is_the_sum_of_the_counts_is_not_refuted():
    [_, (line, verdict, reason)] = findings(STIRLING)
    assert (line, verdict) == (5, "unknown")
    assert reason == ("fails as an identity, but holds when N = \\sum_i n_i (the total of the "
                      "counts), which the text may say in words")


def test_a_row_wrong_for_every_total_is_still_refuted():
    doc = STIRLING.replace("(n_i\\log N - n_i) -", "(n_i\\log N + n_i) -")
    assert line_statuses(doc)[-1] == (5, "refuted")


# --- a function defined as the identity, then redefined ---------------------------------------

def test_the_identity_function_compared_with_another_is_a_different_function():
    # Lambda(x, x) applied to 0.37 gives back a Python float, which had no .subs: the whole
    # post (an activation-function list: f(u) = u, then f(u) = σ(u)) was an internal error
    x, u = sp.symbols("x u")
    assert same_function(sp.Lambda(x, x), sp.Lambda(u, 1 / (1 + sp.exp(-u)))) is False
    assert same_function(sp.Lambda(x, x), sp.Lambda(u, u)) is True


# --- layout: \text{ } is a space; \begin{spreadlines}{…} wraps the rows -----------------------

def test_an_empty_text_is_a_space():
    assert status(r"a \text{ } b = ab") == "proved"
    assert status(r"a \text{ } b = a + b") == "refuted"


def test_rows_inside_spreadlines_are_read():
    doc = ("$$\n\\begin{spreadlines}{0.5em}\n\\begin{align*}\n\\Gamma(1) &= e^{-\\infty} - e^{0}"
           " \\\\\n&= 0 + 1\n\\end{align*}\n\\end{spreadlines}\n$$\n")
    assert line_statuses(doc)[-1] == (5, "refuted")


# --- one variable twice in a measure -----------------------------------------------------------

def test_a_measure_of_one_variable_twice():
    assert status(r"I(X;X) = H(X) - H(X|X)") == "proved"
    assert status(r"H(X, X) = H(X)") == "proved"
    assert status(r"H(X) - H(X|X) = 0") == "refuted"


# --- a measure of the joint set to 0: Y a function of X ----------------------------------------

DETERMINISTIC = ("$Y$ is a deterministic function of $X$, therefore $H(Y|X)=0$.\n\n"
                 "$$\nI(X;Y)=H(Y)\n$$\n")


def test_a_failure_after_the_text_sets_a_conditional_entropy_to_zero_is_held_back():
    [_, (line, verdict, reason)] = findings(DETERMINISTIC)
    assert (line, verdict) == (4, "unknown")
    assert reason == ("fails, but the text states H(Y|X) = 0 on line 1, a structure of the joint "
                      "distribution the check does not draw")


def test_without_the_stated_structure_the_failure_is_refuted():
    assert line_statuses("$$\nI(X;Y)=H(Y)\n$$\n") == [(2, "refuted")]


# --- \times{}: an empty group after an operator ------------------------------------------------

def test_an_empty_group_after_times_is_nothing():
    assert status(r"2\times{}\frac{3}{8} = \frac{3}{4}") == "proved"
    assert status(r"2\times{}\frac{3}{8} = \frac{3}{8}") == "refuted"


# --- a group after e^{…} meant in the exponent ---------------------------------------------------

def test_a_group_after_a_braced_power_of_e_may_belong_in_the_exponent():
    [(line, verdict, reason)] = findings("$$\nOR = e^{-10.662} (1.90-2.00) = e^{1.0662}\n$$\n")
    assert (line, verdict) == (2, "unknown")
    assert reason.startswith("fails as written, but holds with the group after e^{…} in the "
                             "exponent")
    assert line_statuses("$$\ne^{-10.662} (1.90-2.00) = e^{1.5}\n$$\n") == [(2, "refuted")]


# --- a barred name that is the mean of its family ---------------------------------------------

REGRESSION = ("$$\n\\begin{align}\n\\sum_i x_i(y_i - \\bar y) &= \\beta_1 \\sum_i x_i(x_i - \\bar x)"
              " \\\\\n\\sum_i (x_i - \\bar x)(y_i - \\bar y) &= \\beta_1 \\sum_i (x_i -\\bar x)^2\n"
              "\\end{align}\n$$\n")


def test_a_step_of_solving_that_holds_when_the_bars_are_means_is_not_refuted():
    [_, (line, verdict, reason)] = findings(REGRESSION)
    assert (line, verdict) == (4, "unknown")
    assert reason.endswith("equivalent when bar{x}, bar{y} are the means of their families "
                           "(x̄ = (1/n) Σ_i x_i), which the text may say in words")


def test_a_step_of_solving_wrong_for_every_mean_is_still_refuted():
    doc = REGRESSION.replace("(x_i -\\bar x)^2", "(x_i + \\bar x)^2")
    assert line_statuses(doc)[-1] == (4, "refuted")
