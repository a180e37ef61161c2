"""Readings added in the seventh session for matrix calculus written entry by entry: entries
of a matrix with two indices (``W_{ik}``), the entry (i, j) of a Jacobian, and cases written
without ``&``.  Each true row has near-miss false rows in the same notation, which must be
refuted or unknown, never proved or checked."""
import pytest

from symbolic.latex_in.documents import cases_of
from symbolic.latex_in.lint import lint_source
from verifying_helpers import LIMITS, status


@pytest.mark.parametrize("text, expected", [
    # the derivative in x_j of a row of W x: the entry W_{ij}, through Kronecker deltas
    (r"\frac{\partial}{\partial x_j} \sum_{k=1}^{m} A_{ik} x_k = A_{ij}", "checked"),
    (r"\frac{\partial}{\partial x_j} \sum_{k=1}^{m} A_{ik} x_k = "
     r"\sum_{k=1}^{m} A_{ik} \frac{\partial}{\partial x_j} x_k", "proved"),
    # the sum's k is bound: ∂/∂x_k of Σ_k A_{ik} x_k is the entry A_{ik} of the free k
    (r"\frac{\partial}{\partial x_k} \sum_{k=1}^{m} A_{ik} x_k = A_{ik}", "checked"),
    # a squared norm of a matrix, written with a comma between the indices
    (r"\frac{\partial}{\partial W_{ij}} \sum_{k}\sum_{l} W_{k,l}^2 = 2 W_{i,j}", "checked"),
    (r"\frac{\partial}{\partial U_{ij}} \sum_{k=1}^{n} \sum_{l=1}^{m} U_{kl} x_l = x_j",
     "checked"),
    # two sums over the entries, swapped
    (r"\sum_{k=1}^{n} \sum_{l=1}^{m} W_{kl} = \sum_{l=1}^{m} \sum_{k=1}^{n} W_{kl}", "proved"),
    (r"\frac{\partial}{\partial W_{ij}} \sum_{l=1}^{m} W_{kl} x_l = \delta_{ik} x_j", "checked"),
    # a design matrix x_{ik} (lower case): the gradient of a squared error
    (r"\frac{\partial}{\partial w_j} \sum_{i=1}^{n} (y_i - \sum_{k=1}^{m} x_{ik} w_k)^2 = "
     r"-2 \sum_{i=1}^{n} x_{ij} \cdot (y_i - \sum_{k=1}^{m} x_{ik} w_k)", "checked"),
    (r"\frac{\partial}{\partial w_{ij}} \sum_{k}\sum_{l} w_{kl} h_l = h_j", "checked"),
])
def test_entries_of_a_matrix(text, expected):
    assert status(text) == expected


@pytest.mark.parametrize("text", [
    # the sum is not its j-th term
    r"\sum_{k=1}^{m} A_{ik} x_k = A_{ij}",
    r"\frac{\partial}{\partial x_j} \sum_{k=1}^{m} A_{ik} x_k = A_{ik}",
    r"\frac{\partial}{\partial x_j} \sum_{k=1}^{m} A_{ik} x_k = 1",
    # ∂x_k/∂x_j = 1 only when k = j
    r"\sum_{k=1}^{m} A_{ik} \frac{\partial}{\partial x_j} x_k = \sum_{k=1}^{m} A_{ik}",
    # the row k of W moves only when k = i
    r"\frac{\partial}{\partial W_{ij}} \sum_{l=1}^{m} W_{kl} x_l = x_j",
    r"\frac{\partial}{\partial W_{ij}} \sum_{k}\sum_{l} W_{k,l}^2 = W_{i,j}",
    r"\frac{\partial}{\partial W_{ij}} \sum_{k}\sum_{l} W_{k,l}^2 = 2 \sum_{k} W_{k,j}",
    # a matrix is not symmetric
    r"\sum_{i=1}^{n}\sum_{j=1}^{n} A_{ij} x_j = \sum_{j=1}^{n}\sum_{i=1}^{n} A_{ji} x_j",
    # the sign of a squared error's gradient; w_{kl} moves only in the row k = i
    r"\frac{\partial}{\partial w_j} \sum_{i=1}^{n} (y_i - \sum_{k=1}^{m} x_{ik} w_k)^2 = "
    r"2 \sum_{i=1}^{n} x_{ij} \cdot (y_i - \sum_{k=1}^{m} x_{ik} w_k)",
    r"\frac{\partial}{\partial w_{ij}} \sum_{l} w_{kl} h_l = h_j",
    # labels and probabilities with two indices are not a matrix of reals: not read
    r"\sum_{k=1}^{K} y_{ik} = 1",
])
def test_false_rows_about_entries_are_never_held(text):
    assert status(text) in ("refuted", "unknown")


@pytest.mark.parametrize("text", [
    # the transpose, and the rows and columns swapped: the shapes do not fit (unknown)
    r"\frac{\partial}{\partial x_j} \sum_{k=1}^{m} A_{ik} x_k = A_{ji}",
    r"\sum_{i=1}^{n}\sum_{j=1}^{m} A_{ij} = \sum_{j=1}^{n}\sum_{i=1}^{m} A_{ij}",
])
def test_false_rows_with_shapes_that_do_not_fit_are_unknown(text):
    assert status(text) == "unknown"


POST = r"""# A linear layer

Write the layer entry by entry:

$$
z_i = \sum_{k=1}^{m} W_{ik} x_k
$$

Then

$$
\left(\frac{\partial \mathbf{z}}{\partial \mathbf{x}}\right)_{ij} = \frac{\partial z_i}{\partial x_j} = \frac{\partial}{\partial x_j} \sum_{k=1}^{m} W_{ik} x_k = W_{ij}
$$

$$
\frac{\partial z_i}{\partial x_j} = W_{ji}
$$

$$
\left(\frac{\partial \mathbf{z}}{\partial \mathbf{x}}\right)_{ij} = \frac{\partial z_j}{\partial x_i}
$$

For a weight:

$$
z_k = \sum_{l=1}^{m} W_{kl} x_l
$$

$$
\frac{\partial z_k}{\partial W_{ij}} = \sum_{l=1}^{m} x_l \frac{\partial}{\partial W_{ij}} W_{kl}
$$

$$
\sum_{k=1}^{n} \delta_k \frac{\partial z_k}{\partial W_{ij}} = \delta_i x_j
$$

$$
\sum_{k=1}^{n} \delta_k \frac{\partial z_k}{\partial W_{ij}} = \sum_{k=1}^{n} \delta_k x_j
$$

$$
\frac{\partial z_k}{\partial W_{ij}} = x_j
$$
"""


@pytest.mark.slow
def test_a_layer_differentiated_entry_by_entry():
    report = lint_source(POST, "layer.md", LIMITS)
    got = [(s.line, s.lhs, s.rhs, s.status) for s in report.steps]
    assert got == [
        # the entry of the Jacobian is read in the numerator layout
        (12, r"\left(\frac{\partial \mathbf{z}}{\partial \mathbf{x}}\right)_{ij}",
         r"\frac{\partial z_i}{\partial x_j}", "proved"),
        (12, r"\frac{\partial z_i}{\partial x_j}",
         r"\frac{\partial}{\partial x_j} \sum_{k=1}^{m} W_{ik} x_k", "proved"),
        (12, r"\frac{\partial}{\partial x_j} \sum_{k=1}^{m} W_{ik} x_k", "W_{ij}", "checked"),
        (16, r"\frac{\partial z_i}{\partial x_j}", "W_{ji}", "unknown"),
        # the denominator layout is another convention, never an error of the author
        (20, r"\left(\frac{\partial \mathbf{z}}{\partial \mathbf{x}}\right)_{ij}",
         r"\frac{\partial z_j}{\partial x_i}", "unknown"),
        (30, r"\frac{\partial z_k}{\partial W_{ij}}",
         r"\sum_{l=1}^{m} x_l \frac{\partial}{\partial W_{ij}} W_{kl}", "proved"),
        # z_k summed to n: W has n rows
        (34, r"\sum_{k=1}^{n} \delta_k \frac{\partial z_k}{\partial W_{ij}}", r"\delta_i x_j",
         "checked"),
        (38, r"\sum_{k=1}^{n} \delta_k \frac{\partial z_k}{\partial W_{ij}}",
         r"\sum_{k=1}^{n} \delta_k x_j", "unknown"),
        (42, r"\frac{\partial z_k}{\partial W_{ij}}", "x_j", "unknown"),
    ]


LAYOUT = r"""# Layout

$$
z_i = x_i \sum_{k=1}^{m} x_k
$$

$$
\left(\frac{\partial \mathbf{z}}{\partial \mathbf{x}}\right)_{ij} = \frac{\partial z_i}{\partial x_j}
$$

$$
\left(\frac{\partial \mathbf{z}}{\partial \mathbf{x}}\right)_{ij} = \frac{\partial z_j}{\partial x_i}
$$
"""


def test_the_layout_of_a_jacobian_is_a_convention():
    """∂z_j/∂x_i differs from ∂z_i/∂x_j here, but a text in the denominator layout means it."""
    report = lint_source(LAYOUT, "layout.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [(8, "proved"), (12, "unknown")]
    assert "numerator layout" in report.steps[1].verdict.reason


def test_cases_written_without_ampersands():
    assert cases_of(r"1 \phantom{abc} \text{if $i = j$} \\ 0 \phantom{abc} \text{if otherwise}") \
        == (("1", "i = j"), ("0", "otherwise"))


CASES = r"""\documentclass{article}
\begin{document}
\section{Identity}
We have $z_i = x_i$. So
\begin{align*}
\frac{\partial z_i}{\partial x_j} = \frac{\partial}{\partial x_j} x_i = \begin{cases}
  1 \phantom{abc} \text{if $i = j$} \\
  0 \phantom{abc} \text{if otherwise}
  \end{cases}
\end{align*}
and, wrongly,
\begin{align*}
\frac{\partial}{\partial x_j} x_i = \begin{cases}
  0 \phantom{abc} \text{if $i = j$} \\
  1 \phantom{abc} \text{if otherwise}
  \end{cases}
\end{align*}
\end{document}
"""


def test_a_jacobian_of_the_identity_written_with_cases():
    report = lint_source(CASES, "notes.tex", LIMITS)
    got = [(s.line, s.status) for s in report.steps]
    assert got == [(6, "proved"), (6, "proved"), (13, "unknown")]


PENALTY = r"""# Penalty

$$
R = \sum_{k=1}^{n}\sum_{l=1}^{m} W_{kl}^2
$$

$$
\frac{\partial R}{\partial W_{ij}} = 2 W_{ij}
$$

$$
\frac{\partial R}{\partial W_{12}} = 0
$$

$$
\frac{\partial}{\partial W_{12}} R = 0
$$

$$
\frac{\partial}{\partial W_{12}} \sum_{k=1}^{n}\sum_{l=1}^{m} W_{kl}^2 = 0
$$

$$
\sum_{k=1}^{m} \sum_{l=1}^{m} W_{kl} x_l = \sum_{k=1}^{m}\sum_{l=1}^{m} W_{lk} x_l
$$
"""


def test_an_entry_not_read_is_never_differentiated_to_zero():
    """W_{12} (no comma) is not read as the entry (1, 2): a derivative in it would be 0 and
    the false rows ∂R/∂W_{12} = 0 would hold."""
    report = lint_source(PENALTY, "penalty.md", LIMITS)
    assert [(s.line, s.status) for s in report.steps] == [
        (8, "checked"), (12, "unknown"), (16, "unknown"), (20, "unknown"), (24, "unknown")]
    assert "is not read" in report.steps[1].verdict.reason
    # false for a matrix that is not symmetric, but the text may constrain its entries
    assert "the entries of a matrix" in report.steps[4].verdict.reason


DISPLAYS = r"""# Gradient

$$
\nabla f = \begin{bmatrix} \frac{\partial}{\partial x} x^2 y \\ \frac{\partial}{\partial y} x^2 y \end{bmatrix} = \begin{bmatrix} 2xy \\ x^2 \end{bmatrix}
$$

$$
\begin{pmatrix} \frac{\partial}{\partial x} (x^2 + y) & \frac{\partial}{\partial y} (x^2 + y) \end{pmatrix} = \begin{pmatrix} 2 & 1 \end{pmatrix}
$$

$$
\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} = \begin{bmatrix} 1 & 3 \\ 2 & 4 \end{bmatrix}
$$

$$
\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \begin{bmatrix} 1 \\ 1 \end{bmatrix} = \begin{bmatrix} 3 \\ 7 \end{bmatrix}
$$

$$
\begin{bmatrix} a \\ b \end{bmatrix} = \begin{bmatrix} a & b \end{bmatrix}
$$
"""


def test_two_displays_of_one_shape_are_compared_entry_by_entry():
    report = lint_source(DISPLAYS, "gradient.md", LIMITS)
    got = [(s.line, s.lhs, s.rhs, s.status) for s in report.steps]
    assert got == [
        # a vector beside a display is not read
        (4, r"\nabla f", r"\cases", "unknown"),
        (4, r"\frac{\partial}{\partial x} x^2 y", "2xy", "proved"),
        (4, r"\frac{\partial}{\partial y} x^2 y", "x^2", "proved"),
        (8, r"\frac{\partial}{\partial x} (x^2 + y)", "2", "unknown"),
        (8, r"\frac{\partial}{\partial y} (x^2 + y)", "1", "proved"),
        # a matrix is not its transpose
        (12, "1", "1", "proved"), (12, "2", "3", "refuted"), (12, "3", "2", "refuted"),
        (12, "4", "4", "proved"),
        # a product of two displays, and two shapes: not compared
        (16, r"\cases                                       \cases", r"\cases", "unknown"),
    ]
