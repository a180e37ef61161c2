"""Readings fixed from a second, independent development set of real posts (seventh
session): the doubts of a relation beside ⇔, a relation repeated across two display blocks,
integrals over the range of their variable, pages with a stray escaped command, rows led by
words, and one-character sum scripts.  Each reading comes with near-miss false relations
that must never be proved or checked."""
import pytest

from symbolic.latex_in.lint import verify_text
from verifying_helpers import LIMITS, rows, status


def read(text: str) -> str:
    """The statuses of ``text``'s steps, or ``error`` when it is not read."""
    steps, error = verify_text(text, LIMITS)
    return "error" if error is not None else "/".join(s.status for s in steps)


# -- ⇔ between relations ---------------------------------------------------------------------

INFORMATION = r"""
Mutual information is what knowing one variable tells about the other:

$$I[X, Y] = H[Y] - H[Y \mid X]$$

and since it is a divergence it is non-negative, so

$$I[X, Y] \geq 0 \Leftrightarrow H[X] - H[X \mid Y] \geq 0 \Leftrightarrow H[X \mid Y] \leq H[X]$$
"""


def test_an_opaque_quantity_beside_iff_is_never_refuted():
    got = rows(INFORMATION)
    iff = [r for r in got if r[2] == "⇔"]
    assert [r[4] for r in iff] == ["unknown", "proved"]


@pytest.mark.parametrize("text, expected", [
    # each relation in variables the other lacks: a statement of the prose, not an identity
    (r"u \geq 0 \Leftrightarrow v - w \geq 0", "unknown"),
    (r"s > 1 \iff t < 2", "unknown"),
    # the same variable on both sides: an equivalence that fails is still refuted
    (r"3x = 6 \iff x = 3", "refuted"),
    (r"\sigma(a) > \frac{1}{2} \Leftrightarrow a > 1", "refuted"),
    # and one that holds is proved
    (r"3x = 6 \iff x = 2", "proved"),
])
def test_iff_between_relations(text, expected):
    """In a post (not ``infoderive verify``, where the relation is the user's own claim)."""
    assert [r[4] for r in rows("$$" + text + "$$\n")] == [expected]


# -- a relation at the end of one display block and the start of the next -----------------

SPLIT = r"""
We expand the logarithm of the density:

$$\log g(t) = \log \frac{1}{\sqrt{2\pi}} - \frac{t^2}{2} =$$

$$= -\frac{1}{2}\log(2\pi) - \frac{t^2}{2}$$

and a wrong one:

$$\log h(t) = \log \frac{1}{\sqrt{2\pi}} - \frac{t^2}{2} =$$

$$= -\log(2\pi) - \frac{t^2}{2}$$
"""


def test_a_relation_written_twice_across_blocks_is_one_step():
    got = [(r[0], r[4]) for r in rows(SPLIT) if r[2] == "="]
    assert (4, "proved") in got and (10, "refuted") in got
    assert all(r[4] != "error" for r in rows(SPLIT))


# -- integrals over the range of their variable ----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (r"\int_{\mathcal{U}} q(u) \log \frac{1}{q(u)} du = -\int_{\mathcal{U}} q(u) \log q(u) du",
     "proved"),
    (r"\int_u q(u) \log \frac{1}{q(u)} du = -\int_u q(u) \log q(u) du", "proved"),
    # near misses: a sign lost is never proved; another set is not the whole range
    (r"\int_{\mathcal{U}} q(u) \log \frac{1}{q(u)} du = \int_{\mathcal{U}} q(u) \log q(u) du",
     "refuted"),
    (r"\int_{\mathcal{A}} q(u) \log \frac{1}{q(u)} du = -\int q(u) \log q(u) du", "error"),
    (r"\int_{\mathcal{V}} q(u) \log \frac{1}{q(u)} du = -\int q(u) \log q(u) du", "error"),
])
def test_integral_over_the_range(text, expected):
    assert read(text) == expected


# -- a page with one backslash and a stray \\left --------------------------------------------

STRAY = r"""
The bound, written over several rows:

$$
\begin{align}
\log \left( e^{a} e^{b} \right) &= a + b \\[6pt]
&= b + a \\[6pt]
&= a - b
\end{align}
$$

A stray typo elsewhere: $\Sigma = \mathbb{E}\\left[ e e^T \right]$ and $\mathbb{E}\\left[ f \right]$.
"""


def test_a_stray_escaped_command_does_not_unescape_the_page():
    got = [(r[0], r[4]) for r in rows(STRAY) if r[0] in (6, 7, 8)]
    assert got == [(6, "proved"), (7, "proved"), (8, "refuted")]


# -- a row led by words ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (r"\text{Proof } \frac{1}{1+e^{a}} = 1 - \frac{1}{1+e^{-a}}", "proved"),
    (r"\text{Hence } \frac{1}{1+e^{a}} = \frac{1}{1+e^{-a}}", "refuted"),
    (r"\text{Let } g(a) = a^2 + 1", None),           # a definition: nothing claimed
])
def test_a_row_led_by_words(text, expected):
    got = rows("$$" + text + "$$\n")
    assert [r[4] for r in got] == ([expected] if expected else [])


# -- one-character sum scripts ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (r"H(r) = - \sum_ur(u) \log r(u)", "proved"),
    (r"\sum_{k=1}^Kr_k = 1", "proved"),
    (r"H(r) = \sum_ur(u) \log r(u)", "refuted"),
    (r"\sum_ur(u) \log r(u) = \sum_u r(u)", "refuted"),
])
def test_one_character_sum_scripts(text, expected):
    assert status(text) == expected


# -- two index letters after a comma: the row's case ------------------------------------------

JACOBIAN = r"""
$$s_m = \frac{e^{u_m}}{\sum_n e^{u_n}}$$

$$ \frac{\partial s_m}{\partial u_l} = s_l(1 - s_l), \quad l = m $$

$$ \frac{\partial s_m}{\partial u_l} = -s_l s_m,\quad l \neq m. $$

$$ \frac{\partial s_m}{\partial u_l} = s_l(1 + s_l), \quad l = m $$

$$ \frac{\partial s_m}{\partial u_l} = s_l s_m,\quad l \neq m. $$
"""


def test_index_letters_after_a_comma_are_the_case():
    got = [(r[0], r[4]) for r in rows(JACOBIAN)]
    assert got == [(4, "checked"), (6, "checked"), (8, "refuted"), (10, "refuted")]
