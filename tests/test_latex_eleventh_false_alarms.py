"""False alarms found on two more samples of real posts (eleventh session), each written
again here as a short excerpt of our own, with the near miss that must still be refuted."""
from verifying_helpers import rows, status


def _verdicts(text):
    return [(r[0], r[-1]) for r in rows(text)]


# A quoted relation is mentioned, not asserted: a list of wrong answers ("trap" column).
QUOTED = r"""| property | trap |
|---|---|
| KL is not symmetric | 「$D_{KL}(P\Vert Q)=D_{KL}(Q\Vert P)$」 |

Some readers believe “$H(P, Q) = H(P)$” always.
"""


def test_a_relation_between_quotation_marks_is_not_checked():
    assert _verdicts(QUOTED) == []


def test_the_same_relation_asserted_is_refuted():
    assert _verdicts("So $D_{KL}(P\\Vert Q)=D_{KL}(Q\\Vert P)$ here.\n") == [(1, "refuted")]


# A colon between a definition and a claim, in one inline formula.
COLON = r"""- $f(x) = e^x: \frac{df}{dx} = \frac{d(e^x)}{dx} = e^x$
- $f(x) = x^2: \frac{df}{dx} = 3x$
"""


def test_a_colon_ends_the_definition_before_it():
    assert _verdicts(COLON) == [(1, "proved"), (1, "proved"), (2, "refuted")]


# A second estimate of the same probability, by another method.
ESTIMATES = r"""By maximum likelihood, $\displaystyle P(Y=1)=p=\frac{k}{n}$.

With a uniform prior the posterior mean is

$$E[p \mid y_1, \dots, y_n] = \frac{k+1}{n+2}$$

$\therefore \displaystyle P(Y=1)=\frac{k+1}{n+2}$
"""


def test_a_second_estimate_of_a_probability_is_not_refuted_against_the_first():
    assert "refuted" not in [v for _, v in _verdicts(ESTIMATES)]


# e^-x: TeX raises only the minus, the author raises -x; dx/dz written with a slash.
ASCII_SIGMOID = r"""$$
\sigma'(x) = 1 / z^2 * dx/dz (1 + e^-x)
= 1 / (1 + e^-x)^2 * -e^-x
= \sigma(x) * ((-1 - e^-x) / (1 + e^-x) + 1 / (1 + e^-x))
= \sigma(x) * ((1 + e^-x) / (1 + e^-x) - 1 / (1 + e^-x))
$$
"""


def test_a_slashed_derivative_is_not_read_as_a_quotient_and_e_to_minus_x_is_read():
    found = _verdicts(ASCII_SIGMOID)
    assert found[0][0] == 2 and found[1] == (3, "unknown")   # dx, dz are not two numbers
    assert (5, "refuted") in found                   # the sign flip between the last two rows


def test_a_relation_with_an_empty_side_is_a_fragment_of_prose_not_a_relation():
    text = ("Far examples get multiplied by $\\approx 0$ and drop out; so $\\Rightarrow w \\approx 1$."
            "\n\n$$a + a = 2a$$\n\n$$\n= 3a - a\n$$\n")
    assert _verdicts(text) == [(3, "proved"), (6, "proved")]


# g(xw + b): the parser reads a letter applied to a compound argument as a product.
def test_a_function_letter_at_a_compound_argument_is_not_refuted_as_a_product():
    text = "$$\\hat{y} = g(\\mathbf{x}\\mathbf{w}+b) = \\frac{1}{1+e^{-(\\mathbf{x}\\mathbf{w}+b)}}$$\n"
    assert "refuted" not in [v for _, v in _verdicts(text)]
    assert status(r"y(1-y) = y + y^2") == "refuted"              # a product still is


# p(\text{tails}): the word is the outcome, not a remark in parentheses to drop.
COIN = r"""Ten tosses, seven heads:

$$p(\text{heads}) = 0.7, \quad p(\text{tails}) = 0.3$$

$$H(p) = -0.7 \log 0.7 - 0.3 \log 0.3$$

$$H(p) = -0.7 \log 0.7 - 0.3 \log 0.7$$

$$\hat p(\text{앞면})=0.7,\qquad \hat p(\text{뒷면})=0.3$$
"""


def test_named_outcomes_are_values_of_the_pmf_not_one_symbol():
    # p(\text{heads}) and p(\text{tails}) were both read as p, and the second refuted
    assert _verdicts(COIN) == [(5, "proved"), (7, "refuted"), (9, "unknown"), (9, "unknown")]
