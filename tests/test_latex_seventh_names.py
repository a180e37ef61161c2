"""Names with marks (seventh session): primes, superscript labels and decorations are names of
their own, a prime on a known function is its derivative, and none of them ever makes a false
relation hold."""
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic.latex_in.lint import lint_source
from symbolic.latex_in.parse import Reader
from verifying_helpers import LIMITS, status, verdicts


@pytest.mark.parametrize("text, expected", [
    # a primed or labelled name is a name of its own: these hold for every value
    (r"\theta' + 1 - 1 = \theta'", "proved"),
    (r"\theta^{'} + \theta^{\prime} = 2\theta'", "proved"),
    (r"C’ - C' = 0", "proved"),
    (r"W^{[1]} + W^{[2]} = W^{[2]} + W^{[1]}", "proved"),
    (r"W_{1,2}^{[1]} + 0 = W^{[1]}_{1,2}", "proved"),
    (r"\hat{y}^{\text{(train)}} + 0 = \hat{y}^{(train)}", "proved"),
    (r"\hat{\beta_0} + 0 = \hat{\beta}_0", "proved"),
    (r"\hat{y_i} + 0 = \hat{y}_i", "proved"),
    (r"\tilde{d} + 1 - 1 = \tilde{d}", "proved"),
    (r"U_{t+1} + 1 - 1 = U_{t+1}", "proved"),
    (r"2\theta^{(t+1)} - \theta_{t+1} = \theta^{(t+1)} + 0", "proved"),
    # the derivative of the sigmoid, written with a prime
    (r"\frac{d}{dx}\sigma(x) = \sigma'(x)", "proved"),
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", "proved"),
    (r"\sigma^{\prime}(z) = \sigma(z)(1 - \sigma(z))", "proved"),
    (r"\sigma''(z) = \sigma(z)(1 - \sigma(z))(1 - 2\sigma(z))", "proved"),
    (r"\sigma'(z) = \sigma(z)(1 + \sigma(z))", "refuted"),
    # o^{(i)}(1 - o^{(i)}): the i-th example times a bracket that uses it
    (r"\sum_{i=1}^{m} a^{(i)}(1-a^{(i)}) = \sum_{i=1}^{m} (a^{(i)} - (a^{(i)})^2)", "proved"),
    (r"\sum_{i=1}^{m} a^{(i)}(1-a^{(i)}) = \sum_{i=1}^{m} (a^{(i)} + (a^{(i)})^2)", "refuted"),
    # a prime or label inside an exponent is a name like any other
    (r"e^{-\theta'} e^{\theta'} = 1", "proved"),
    (r"\sigma'(z) = \sigma(z)^2", "refuted"),
])
def test_marked_names_and_primes(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text", [
    r"a' = a",
    r"a' + 1 = a + 1",
    r"\theta^{(t+1)} = \theta^{(t)}",
    r"\theta^{(t+1)} + 1 = \theta^{(t)} + 1",
    r"W^{[1]} = W^{[2]}",
    r"W^{[1]} W^{[2]} = W^{[3]}",
    r"\hat{\beta} = \beta",
    r"\hat{\beta} + 1 = \beta + 1",
    r"\tilde{d} = d",
    r"\tilde{d} + 0 = d",
    r"\bar{x} + 0 = x",
    r"y^{LS} + 0 = y",
    r"x^{(train)} + 0 = x^{(test)}",
    r"U_{t+1} + 0 = U_t",
    r"\hat{\beta}_0 + 0 = \hat{\beta}_1",
    r"\theta' + 0 = \theta^{''}",
    # a family of hatted Greek letters is real, not a probability as ŷ_k is
    r"\sum_{j=1}^{n} \hat{\beta}_j^2 \le \sum_{j=1}^{n} \hat{\beta}_j",
])
def test_a_mark_never_vanishes(text):
    """Each is false as meant: the marked name is another quantity.  Read without the mark it
    would hold."""
    assert status(text) in ("refuted", "unknown")


@pytest.mark.parametrize("text, reason", [
    # a prime on a function the text does not define: its derivative is not read
    (r"f'(x) = 2x", "the derivative of f"),
    (r"\delta^{'}(z) = \delta(z)(1 - \delta(z))", "the derivative of delta"),
    # f^{(n)}(x) is the n-th derivative, never a power or a label
    (r"f^{(n)}(x) = f(x)^n", "superscript label"),
    # an entry the sum's index moves (x_{t+1} beside x_t) is not read
    (r"\sum_{t=1}^{N} (x_{t+1} - x_t) = x_{N+1} - x_1", "the sum's index moves"),
    (r"\sum_{t=1}^{N} (x_{t+1} - x_t) = N x_{t+1} - \sum_{t=1}^{N} x_t", "the sum's index moves"),
    (r"\sum_{k=1}^{K} y_k^{LS} = K y_k^{LS}", "subscript of y_k^{LS}"),
    # a marked name may depend on the variable through a definition not read
    (r"\frac{\partial}{\partial \theta} \theta' = 0", "definition not read"),
    (r"\frac{\partial}{\partial x_t} x_{t+1} = 0", "definition not read"),
    (r"\frac{\partial}{\partial \theta} W^{[1]} = 0", "definition not read"),
    # a primed index or bound, a norm, a sum over a subscripted variable: not read
    (r"\sum_{i=1}^{n'} x_i = n' x_1", "a primed name"),
    (r"\frac{1}{m} ||a^{(train)} - b||_2^2 = 1", "a norm"),
    (r"\sum_{z^{(i)}} q(z^{(i)}) = 1", "subscripted variable"),
    # a prime before a name may be a transpose (X'X, w'x): matrices are not read
    (r"X'X = XX'", "may be a transpose"),
    (r"w'x = x'w", "may be a transpose"),
    (r"(X'X)^{-1}X'y = X^{-1}y", "may be a transpose"),
    (r"X' \cdot X = X \cdot X'", "may be a transpose"),
    # a layer's matrix times another factor does not commute
    (r"W^{[1]} W^{[2]} = W^{[2]} W^{[1]}", "a layer's matrix"),
    (r"W^{[2]} a^{[1]} + b^{[2]} = a^{[1]} W^{[2]} + b^{[2]}", "a layer's matrix"),
])
def test_marks_not_read_stay_unknown(text, reason):
    [(got, why)] = verdicts(text)
    assert got == "unknown" and reason in why


POST = r"""
Let $f(x) = x^2 + 3x$. Its derivative is

$$f'(x) = 2x + 3$$

and not

$$f'(x) = 2x + 1$$

With $g(u) = e^{2u}$ the second derivative is

$$g''(u) = 4 e^{2u}$$

The update is

$$\theta' = \theta - \eta g$$

so that

$$\theta' + \eta g = \theta$$

The layers multiply:

$$W^{[1]} W^{[2]} = W^{[3]}$$

and the estimate differs from the truth:

$$\hat{\beta} + 1 = \beta + 1$$
"""


def test_a_post_with_marked_names():
    report = lint_source(POST, "post.md", LIMITS)
    got = [(s.line, s.lhs, s.status) for s in report.steps]
    assert got == [
        (4, "f'(x)", "proved"),
        (8, "f'(x)", "refuted"),
        (12, "g''(u)", "proved"),
        (20, r"\theta' + \eta g", "proved"),
        (24, "W^{[1]} W^{[2]}", "unknown"),
        (28, r"\hat{\beta} + 1", "unknown"),
    ]


marked = st.one_of(
    st.builds(lambda g: f"\\{g}'", st.sampled_from(["xi", "chi", "psi", "zeta", "iota", "theta"])),
    st.builds(lambda g, n: f"\\{g}^{{[{n}]}}", st.sampled_from(["xi", "chi", "kappa", "psi"]),
              st.integers(0, 9)),
    st.builds(lambda c, n: f"{c}_{{{n}}}^{{(train)}}", st.sampled_from("abxyzw"),
              st.integers(0, 40)),
    st.builds(lambda g: f"\\hat{{\\{g}}}", st.sampled_from(["xi", "psi", "beta", "upsilon"])),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(marked, min_size=1, max_size=4))
def test_marked_names_never_capture_placeholders(names):
    """Names with marks that use the reader's placeholder letters stay names of their own."""
    expr = Reader().read_side(r"H(p) + " + " + ".join(names))
    symbols = [s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s.name not in ("p", "K")]
    assert len(symbols) == len(set(names))
    assert not any(s.name.startswith(("xi_", "chi_", "psi_")) and s.name[-1].isdigit()
                   for s in symbols)


MEAN = r"""
The sample mean is

$$\bar{x} = \frac{1}{n}\sum_{i=1}^{n} x_i$$

so the squared deviations are

$$\sum_{i=1}^{n} (x_i - \bar{x})^2 = \sum_{i=1}^{n} x_i^2 - n\bar{x}^2$$

and not

$$\sum_{i=1}^{n} (x_i - \bar{x})^2 = \sum_{i=1}^{n} x_i^2 - \bar{x}^2$$
"""


def test_a_decorated_name_the_text_defines_is_put_in():
    report = lint_source(MEAN, "mean.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [(8, "proved"), (12, "refuted")]
