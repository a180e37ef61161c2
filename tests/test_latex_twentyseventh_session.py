"""What the twenty-seventh session changed in reading other authors' posts (issue 8)."""
from functools import partial

from verifying_helpers import findings as lint_findings

from symbolic.latex_in.check import Limits
from symbolic.latex_in.notation import siunitx_numbers

LIMITS = Limits(seconds=10)
findings = partial(lint_findings, limits=LIMITS)     # (line, status, reason) of each step

PMI = r"\log \frac{\num{0.1721289}}{\num{0.7}\times \num{0.2859216}} = \num{%s}"


# --- siunitx numbers: \num{…} is a number, not the letters ν·m -----------------------------

def test_siunitx_numbers_are_written_as_plain_numbers():
    assert siunitx_numbers(r"\num{0.5} + \num[round-precision=3]{0.0147261}") == "0.5 + 0.0147261"
    assert siunitx_numbers(r"\num{1.5e-3}") == r"1.5\times 10^{-3}"
    assert siunitx_numbers(r"\SI{2}{\bit} = \qty{2}{bits}") == "2 = 2"
    assert siunitx_numbers(r"0.72\,\si{\bit}") == r"0.72\, "


def test_siunitx_commands_without_a_number_are_left():
    assert siunitx_numbers(r"\num{x} + \numbers") == r"\num{x} + \numbers"


def test_a_logarithm_of_siunitx_numbers_is_unknown_when_only_base_two_makes_it_hold():
    [(line, status, reason)] = findings("The association of the two events:\n\n$$" + PMI % "-0.2175571"
                                        + "$$\n")
    assert (line, status) == (3, "unknown")
    assert "fails with its logs in base e, holds in base 2" in reason


def test_siunitx_numbers_under_a_stated_base_are_checked_and_a_wrong_one_refuted():
    doc = ("All logarithms on this page are base 2.\n\n$$" + PMI % "-0.2175571" + "$$\n\n$$"
           + PMI % "-0.3175571" + "$$\n")
    assert [f[1] for f in findings(doc)] == ["checked", "refuted"]


# --- a matrix or a cases block the reader leaves says so ------------------------------------

def test_a_relation_with_a_matrix_names_the_matrix_as_what_was_not_read():
    doc = ("$$\\frac{\\partial J}{\\partial \\beta} = \\begin{bmatrix} a \\\\ b \\end{bmatrix} = "
           "\\begin{bmatrix} a \\\\ b \\end{bmatrix}$$\n")
    reasons = [f[2] for f in findings(doc)]
    assert reasons and all("a matrix or a cases block that is not read" in r for r in reasons)


# --- math the prose denies is not refuted ------------------------------------------------------

def test_a_relation_the_sentence_before_denies_is_unknown_with_the_words():
    doc = ("While it is \\textbf{not} true that $D(P\\parallel Q) = D(Q \\parallel P)$ for all $P$ "
           "and $Q$, equality holds for some.\n")
    [(line, status, reason)] = findings(doc)
    assert (line, status) == (1, "unknown")
    assert reason.startswith("the prose says it does not hold ('not true that')")


def test_a_relation_the_words_after_deny_is_unknown():
    for doc in ("Note that $D_{KL}(p\\|q) = D_{KL}(q\\|p)$ does not hold in general.\n",
                "$D_{KL}(p\\|q) = D_{KL}(q\\|p)$는 성립하지 않는다.\n",
                "$D_{KL}(p\\|q) = D_{KL}(q\\|p)$ 一般不成立。\n"):
        assert [f[1] for f in findings(doc)] == ["unknown"], doc


def test_the_same_relation_claimed_is_still_refuted():
    doc = "By symmetry, $D_{KL}(p\\|q) = D_{KL}(q\\|p)$ for any two distributions.\n"
    assert [f[1] for f in findings(doc)] == ["refuted"]
