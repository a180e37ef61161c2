"""False alarms found on a fourth sample of real posts (ninth session), each fixed at its
cause: names set to one value, a definition written right to left, braces as groups,
``\\text{log}_{2}``, one-hot labels named in the prose, and ``e`` as a probability's argument.
Each excerpt is written for the test in the style of those posts; a near miss shows that the
reading still refutes what is wrong."""
import pytest

from verifying_helpers import rows, status


def verdicts(text: str) -> list[str]:
    return [r[-1] for r in rows(text)]


# -- names set to one value -------------------------------------------------------------------

STATIONARY = r"""Setting the derivative to zero:

$$
p_{1} = p_{2} = \cdots = p_{k} = \frac{1}{K}
$$
"""


def test_names_set_to_one_value_are_no_claim():
    assert rows(STATIONARY) == []


def test_a_chain_that_computes_after_a_name_is_still_checked():
    assert verdicts("$$\nH(p) = -\\sum_k p_k \\log p_k = \\sum_k p_k \\log p_k\n$$\n") == \
        ["proved", "refuted"]


# -- a definition written right to left -------------------------------------------------------

MEAN = r"""Because $\frac{1}{m}\sum_{i=1}^{m}x_i=\bar{x}$, we have
$\bar{x}\sum_{i=1}^{m}x_i=\frac{1}{m}\sum_{i=1}^{m}x_i\sum_{i=1}^{m}x_i=\frac{1}{m}(\sum_{i=1}^{m}x_i)^2$.
"""


def test_a_new_name_on_the_right_is_defined_by_the_left():
    assert verdicts(MEAN) == ["proved", "proved"]


def test_the_mean_so_defined_still_refutes_a_wrong_step():
    wrong = MEAN.replace(r"=\frac{1}{m}(\sum_{i=1}^{m}x_i)^2", r"=(\sum_{i=1}^{m}x_i)^2")
    assert verdicts(wrong) == ["proved", "refuted"]


# -- braces as groups ------------------------------------------------------------------------

def test_a_braced_argument_is_the_same_argument():
    text = (r"{ D }_{ KL }\left( P||Q \right) = -\sum _{ x }^{  }{ P({ x })\log"
            r" { \frac { Q(x) }{ P(x) } } } = H(P,Q)-H(P)")
    assert status(text) == "proved/proved"


# -- \text{log}_{2} ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (r"H(x)=-\sum_{x}p(x)\text{log}_{2}p(x)", "proved"),
    (r"H(x)=\sum_{x}p(x)\text{log}_{2}p(x)", "refuted"),
])
def test_a_log_written_as_text_states_its_base(text, expected):
    assert status(text) == expected


# -- one-hot labels named in the prose -------------------------------------------------------

ONE_HOT = r"""Since $\mathbf{y}$ is a one-hot vector of length $q$, only one term is left:

$$
\sum_{j=1}^q y_j \log \sum_{k=1}^q \exp(o_k) - \sum_{j=1}^q y_j o_j = \log \sum_{k=1}^q \exp(o_k) - \sum_{j=1}^q y_j o_j
$$
"""


def test_one_hot_labels_sum_to_one_over_q_classes():
    assert verdicts(ONE_HOT) == ["proved"]


def test_one_hot_labels_do_not_make_a_wrong_row_hold():
    wrong = ONE_HOT.replace(r"= \log \sum_{k=1}^q", r"= 2 \log \sum_{k=1}^q")
    assert verdicts(wrong) == ["refuted"]


def test_without_one_hot_in_the_prose_labels_over_q_are_not_summed_to_one():
    plain = ONE_HOT.replace("a one-hot vector", "a vector")
    assert verdicts(plain) != ["proved"]


# -- e as a probability's argument -----------------------------------------------------------

def test_e_among_the_arguments_of_a_probability_is_a_variable():
    assert verdicts("The evidence $$p(x\\mid e) = p(x,e)/p(e)$$ with $$e$$ observed.\n") == \
        ["unknown"]
    assert status(r"p(x) e^{x} = e^{x} p(x)") == "proved"
