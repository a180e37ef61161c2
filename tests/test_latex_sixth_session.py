"""Readings added in the sixth session: argmin by identity, names a chain brings in as it
goes, and families whose index a name swallows (never proved)."""
import pytest

from symbolic.latex_in.lint import lint_source, verify_text
from verifying_helpers import LIMITS, status


@pytest.mark.parametrize("text, expected", [
    # the functions minimised are equal for every value of p and y
    (r"\arg\max_\theta \sum_{i=1}^{m} \log p^{y_i} (1-p)^{1-y_i} = "
     r"\arg\max_\theta \sum_{i=1}^m y_i \log p + (1-y_i)\log(1-p)", "proved"),
    # a positive factor 1/m and argmax A = argmin −A
    (r"\arg\max_\theta \frac{1}{m}\sum_{i=1}^m y_i \log p + (1-y_i)\log(1-p) = "
     r"\arg\min_\theta -\sum_{i=1}^m y_i \log p + (1-y_i)\log(1-p)", "proved"),
    # a product and the sum of its logs
    (r"\arg\max_\theta \prod_{i=1}^{m} p^{y_i} (1-p)^{1-y_i} = "
     r"\arg\max_\theta \sum_{i=1}^m y_i \log p + (1-y_i)\log(1-p)", "checked"),
    # a sign changed: the functions are not related, and that is not a refutation
    (r"\arg\max_\theta \sum_{i=1}^{m} \log p^{y_i} (1-p)^{1-y_i} = "
     r"\arg\max_\theta \sum_{i=1}^m y_i \log p - (1-y_i)\log(1-p)", "unknown"),
    (r"\arg\max_\theta \sum_{i=1}^{m} \log p^{y_i} (1-p)^{1-y_i} = "
     r"\arg\min_\theta \sum_{i=1}^m y_i \log p + (1-y_i)\log(1-p)", "unknown"),
])
def test_argmin_by_identity(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text", [
    r"\sum_{k=1}^{m} p_{k, \theta}(x) = m p_{k,\theta}(x)",
    r"\prod_{k=1}^{m} p_{k}(x) = p_{k}(x)^m",
    r"\sum_{i=1}^{N} \log q_{\theta_i}(x) = N \log q_{\theta_i}(x)",
    r"\sum_{j=1}^{K} w_{j1} = K w_{j1}",
])
def test_an_index_in_a_name_is_never_lost(text):
    """Each is false as meant (the terms differ with the index): read with the index lost,
    it would hold."""
    steps, error = verify_text(text, LIMITS)
    assert error is None and [s.status for s in steps] == ["unknown"]
    assert "is not read" in steps[0].verdict.reason


POST = r"""
$$
{P(y = 1| x; \mathrm{w}) = g(\mathrm{w}^Tx)}={1\over{1+e^{-{\mathrm{w}^Tx}}}}=p
$$

$$
{P(y = 0| x; \mathrm{w}) = 1 - g(\mathrm{w}^Tx)}={e^{-{\mathrm{w}^Tx}}\over{1+e^{-{\mathrm{w}^Tx}}}}=1-p
$$

$$
{P(y = 0| x; \mathrm{w}) = 1 - g(\mathrm{w}^Tx)}={e^{-{\mathrm{w}^Tx}}\over{1-e^{-{\mathrm{w}^Tx}}}}=1-p
$$
"""


def test_a_chain_names_a_function_and_a_value_in_passing():
    report = lint_source(POST, "post.md", LIMITS)
    got = [(s.line, s.lhs, s.rhs, s.status) for s in report.steps]
    assert got == [
        (7, r"1 - g(\mathrm{w}^Tx)", r"{e^{-{\mathrm{w}^Tx}}\over{1+e^{-{\mathrm{w}^Tx}}}}",
         "proved"),
        (7, r"{e^{-{\mathrm{w}^Tx}}\over{1+e^{-{\mathrm{w}^Tx}}}}", "1-p", "proved"),
        # the planted error (1 - e^{-u} below): w^T x is a sum over the entries, so it fails
        (11, r"1 - g(\mathrm{w}^Tx)", r"{e^{-{\mathrm{w}^Tx}}\over{1-e^{-{\mathrm{w}^Tx}}}}",
         "refuted"),
        (11, r"{e^{-{\mathrm{w}^Tx}}\over{1-e^{-{\mathrm{w}^Tx}}}}", "1-p", "refuted"),
    ]
    assert set(report.steps[2].verdict.counterexample.values) == {"K", "w", "x"}


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    (r"\frac{\partial}{\partial w_j} w^T x = x_j", "checked"),
    (r"\frac{\partial}{\partial w_k} w^T x = x_k", "checked"),
    (r"\frac{\partial}{\partial \theta_j} \left(-y\log\sigma(\theta^T x) - (1-y)\log(1-\sigma("
     r"\theta^T x))\right) = (\sigma(\theta^T x) - y) x_j", "checked"),
    (r"\frac{\partial}{\partial \theta_j} \left(-y\log\sigma(\theta^T x) - (1-y)\log(1-\sigma("
     r"\theta^T x))\right) = (\sigma(\theta^T x) + y) x_j", "refuted"),
    # x written alone too (h(x)): the dot product stays an opaque real, so no refutation
    (r"\sigma(w^T x) = 2 h(x)", "unknown"),
])
def test_a_dot_product_is_a_sum_over_entries(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the sum's index is bound: ∂/∂z_k Σ_k e^{z_k} is e^{z_k}, not every term's derivative
    (r"\frac{\partial}{\partial z_k} \log \sum_{k=1}^{K} e^{z_k} = 1", "refuted"),
    (r"\frac{\partial}{\partial z_k} \log \sum_{k=1}^{K} e^{z_k} = "
     r"\frac{e^{z_k}}{\sum_{j=1}^K e^{z_j}}", "checked"),
    (r"\frac{\partial}{\partial w_k} \sum_{k=1}^{n} w_k x_k = x_k", "checked"),
    (r"\frac{\partial}{\partial w_k} \sum_{k=1}^{n} w_k x_k = \sum_{k=1}^{n} x_k", "refuted"),
    (r"\frac{\partial}{\partial \theta_j} \sum_{j=1}^{d} \theta_j^2 = 2\theta_j", "checked"),
    # a numbered entry beside the family is its entry
    (r"\sum_{k=1}^{3} a_k = a_1 + a_2 + a_3", "proved"),
    (r"\sum_{k=1}^{3} a_k = a_1 + a_2", "refuted"),
    (r"\prod_{i=1}^{2} p_i = p_1 p_2", "proved"),
    (r"\frac{\partial}{\partial w_1} \sum_{k=1}^{n} w_k x_k = x_1", "proved"),
    # an entry written with a number makes the support at least that large
    (r"-\sum_{i=1}^{3} p_i \log p_i = -(p_1 \log p_1 + p_2 \log p_2 + p_3 \log p_3)", "proved"),
])
def test_indices_of_sums_and_entries(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text", [
    # labels in superscripts and primes are names, not powers or nothing
    r"\theta^{(t+1)} = \theta^{(t)} \theta",
    r"W^{[1]} W^{[2]} = W^{[3]}",
    r"a^{[0]} = 1",
    r"a' = a",
    r"\theta' = \theta",
    r"f'(x) = f(x)",
    r"\sum_{k=1}^{K} y_k^{LS} \log \hat{y}_k = \log \hat{y}_c",
    # x without an index is not the x_i of the sum around it
    r"\sum_{i=1}^{n} \log p(x_i|\theta) = \sum_{i=1}^{n} \log p(x|\theta)",
    # a derivative in b of an expression with a \hat{y} that, as read, does not use b
    r"\frac{\partial}{\partial b} \sum_{i=1}^{m} \hat{y}^{(i)} = 0",
])
def test_false_as_meant_is_never_proved(text):
    steps, error = verify_text(text, LIMITS)
    assert [s.status for s in steps] == ["unknown"] and error is None


def test_a_label_superscript_says_why():
    steps, _ = verify_text(r"z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}", LIMITS)
    # labels are names since the seventh session; a layer's matrix times a vector is not read
    assert steps[0].status == "unknown"
    assert steps[0].verdict.reason == ("unknown notation (a layer's matrix W^{[l]} times another "
                                       "factor: vectors and matrices are not read)")


JACOBIAN = r"""
Softmax $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$. Its Jacobian:

$$
\frac{\partial p_i}{\partial z_j} = \begin{cases} p_i(1 - p_i) & i = j \\ -p_i p_j & i \neq j \end{cases}
$$

$$
\frac{\partial p_i}{\partial z_j} = \begin{cases} -p_i p_j & \text{otherwise} \\ p_i(1 - p_j) & i = j \end{cases}
$$

$$
\frac{\partial p_i}{\partial z_j} = \begin{cases} p_i(1 + p_i) & i = j \\ -p_i p_j & i \neq j \end{cases}
$$

$$
\frac{\partial x_i}{\partial x_j} = \begin{cases} 1 & i = j \\ 0 & \text{otherwise} \end{cases}
$$
"""


def test_cases_of_equal_and_other_indices_are_a_kronecker_delta():
    report = lint_source(JACOBIAN, "jacobian.md", LIMITS)
    # the wrong row (1 + p_i) is refuted: the cases state both i = j and i ≠ j, so the
    # derivative's j is the left side's variable too
    assert [(s.line, s.status) for s in report.steps] == [
        (5, "checked"), (9, "checked"), (13, "refuted"), (17, "proved")]


@pytest.mark.parametrize("text, expected", [
    (r"\frac{\partial x_i}{\partial x_j} = \delta_{ij}", "proved"),
    (r"\frac{\partial x_i}{\partial x_i} = 1", "proved"),
    # holds for i ≠ j only, and no case is stated
    (r"\frac{\partial x_i}{\partial x_j} = 0", "unknown"),
])
def test_an_entry_differentiated_in_another(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a derivative in the whole vector of a dot product is not read (it is not 0)
    (r"\frac{\partial}{\partial x} w^T x = 0", "unknown"),
    (r"\frac{\partial}{\partial w} \sigma(w^T x) = 0", "unknown"),
    # entries numbered from 0 beside sums from 0; the last entry a_K
    (r"\sum_{n=0}^{1} t_n = t_0 + t_1", "proved"),
    (r"\sum_{n=0}^{1} t_n \ne t_0 + t_1", "refuted"),
    (r"\sum_{k=1}^{K} a_k = a_K + \sum_{k=1}^{K-1} a_k", "checked"),
    (r"\prod_{k=1}^{K} p_k = p_K \prod_{k=1}^{K-1} p_k", "checked"),
    (r"\sum_{k=0}^{K} a_k = a_0 + \sum_{k=1}^{K} a_k", "unknown"),
    # one pmf letter at two summed variables: renamed, or two variables' distributions
    (r"\sum_{x} p(x) \log q(x) = \sum_{z} p(z) \log q(z)", "unknown"),
    (r"\sum_{x} p(x)^2 \ne \sum_{y} p(y)^2", "unknown"),
    (r"\sum_x p(x) = \sum_z p(z)", "proved"),
    # two relations side by side: each its own claim, a definition not refuted
    (r"a = b + 1 \quad b = 2", "unknown"),
    (r"\frac{\partial L}{\partial z_i} = \hat{y}_i - y_i \quad L = -\sum_k y_k \log \hat{y}_k",
     "unknown/unknown"),
])
def test_second_probe_of_bound_indices(text, expected):
    assert status(text) == expected


def test_a_quarto_label_closes_its_display():
    from symbolic.latex_in.documents import chains
    source = ("Intro.\n\n$$\na \\ge b - c\n$$ {#eq-one}\n\nProse with $u = 1$ and $v = 2$ "
              "here.\n\n$$\nd = e\n$$\n")
    assert [c.text.strip() for c in chains(source)] == ["a \\ge b - c", "u = 1", "v = 2", "d = e"]


@pytest.mark.parametrize("text, expected", [
    # lists entry by entry; a bracket that closes before the end is not a list
    (r"[e^{0.5}, e^{-1}, e^0] = [1.65, 0.37, 1]", "checked/checked/proved"),
    (r"[e^{0.5}, e^{-1}] = [1.75, 0.37]", "refuted/checked"),
    (r"\lim_{x \rightarrow 0^{+}} x \log x = 0", "proved"),
    # a rounded decimal times a constant keeps its unit
    (r"H(\frac{3}{4}, \frac14) = 0.811 \ln 2", "checked"),
])
def test_lists_limits_and_scaled_decimals(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sum over every index but one: the whole sum less the term at j
    (r"\sum_{i \ne j} p_i = 1 - p_j", "proved"),
    (r"\sum_{i \ne j} p_i = 1 + p_j", "refuted"),
    (r"-\frac{y_j}{p_j}p_j(1-p_j) - \sum_{i \ne j}\frac{y_i}{p_i}(-p_i p_j) = p_j - y_j", "proved"),
    (r"\sum_{k \neq i} e^{z_k} = \sum_{k} e^{z_k} - e^{z_i}", "proved"),
])
def test_a_sum_over_every_index_but_one(text, expected):
    assert status(text) == expected


GRADIENT = r"""
$$
h_w(x) = P(y=1|x;w) = g(w^T x) = \frac{1}{1+e^{-w^T x}}
$$

$$
\frac{\partial}{\partial w_j} \log\left(1 - h_w(x)\right) = -h_w(x) x_j
$$

$$
\frac{\partial}{\partial w_j} \log\left(1 - h_w(x)\right) = h_w(x) x_j
$$
"""


def test_a_gradient_through_a_function_the_chain_defines():
    # h_w is the chain's last side; the wrong sign is refuted (the index j of ∂/∂w_j is on
    # both sides), and never a "step of solving" equivalent to the row before
    report = lint_source(GRADIENT, "gradient.md", LIMITS)
    got = [(s.line, s.status) for s in report.steps]
    assert got == [(3, "unknown"), (7, "checked"), (11, "refuted")]
    assert "step of solving" not in report.steps[2].message()


ERRORS = r"""
Let

$$
e_n = y_n - t_n
$$

$$
\sum_{n=1}^{N} e_n^2 = \sum_{n=1}^{N} (y_n - t_n)^2
$$

$$
\sum_{n=1}^{N} e_n^2 = \sum_{n=1}^{N} (y_n + t_n)^2
$$
"""


def test_a_subscripted_e_is_a_name_not_eulers_number():
    # e_n = … defines e_n (it was a parse error); \mathbf{w}^\top\mathbf{x} is a dot product
    report = lint_source(ERRORS, "errors.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [(9, "proved"), (13, "refuted")]
    assert status(r"\frac{\partial}{\partial w_j} (\mathbf{w}^\top\mathbf{x} + b) = x_j") == \
        "checked"
