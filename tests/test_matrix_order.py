"""Bold capitals are matrices: a relation that holds only because the reader's products
commute is ``unknown``, never proved (``symbolic/latex_in/matrix_order.py``)."""
import pytest

from verifying_helpers import rows, status, verdicts


@pytest.mark.parametrize("relation", [
    r"\mathbf{W}\mathbf{x} = \mathbf{x}\mathbf{W}",
    r"\mathbf{A}\mathbf{B} = \mathbf{B}\mathbf{A}",
    r"\boldsymbol{\Sigma}^{-1}\boldsymbol{\mu} = \boldsymbol{\mu}\boldsymbol{\Sigma}^{-1}",
    r"\bm{W}_1\bm{h} + \bm{b} = \bm{h}\bm{W}_1 + \bm{b}",
    r"\mathbf{A}(\mathbf{B} + \mathbf{C}) = \mathbf{B}\mathbf{A} + \mathbf{C}\mathbf{A}",
    r"\mathbf{W}^T\mathbf{x} = \mathbf{x}^T\mathbf{W}",
])
def test_a_product_of_matrices_in_another_order_is_not_proved(relation):
    assert status(relation) == "unknown"


def test_the_reason_names_the_matrix():
    (state, reason), = verdicts(r"\mathbf{W}\mathbf{x} = \mathbf{x}\mathbf{W}")
    assert state == "unknown"
    assert reason == (r"holds for numbers, but \mathbf{W} is bold: a matrix, and whether the "
                      "relation holds for matrices, whose products do not commute, is not decided")


@pytest.mark.parametrize("relation, expected", [
    (r"2\mathbf{W} = \mathbf{W} + \mathbf{W}", "proved"),          # a scalar times a matrix
    (r"\alpha \mathbf{W} \cdot 3 = 3\alpha\mathbf{W}", "proved"),
    (r"\mathbf{w}^T\mathbf{x} = \mathbf{x}^T\mathbf{w}", "proved"),   # vectors: a dot product
    (r"AB = BA", "proved"),
    (r"\sum_{\mathbf{Z}} q(\mathbf{Z}) \mathbf{W} = \mathbf{W}", "proved"),   # Z, an argument                  # plain capitals are numbers (P, N, K in ML texts)
    (r"\mathbf{W}\mathbf{x} = 2\mathbf{x}\mathbf{W}", "refuted"),  # false for 1×1 matrices too
])
def test_what_commutes_keeps_its_verdict(relation, expected):
    assert status(relation) == expected


def test_lint_leaves_a_matrix_product_in_a_post_unknown():
    post = "The layer computes\n\n$$\\mathbf{W}\\mathbf{x} + \\mathbf{b} = \\mathbf{x}\\mathbf{W} + \\mathbf{b}$$\n"
    assert [r[-1] for r in rows(post)] == ["unknown"]


@pytest.mark.parametrize("relation, expected", [
    (r"-\sum_{\mathbf{Z}} q(\mathbf{Z}) \ln q(\mathbf{Z}) \ge 0", "proved"),   # Z: a variable
    (r"\mathbf{A} \ge \mathbf{A} - 1", "unknown"),        # an order between matrices
])
def test_an_inequality_is_unknown_only_where_a_matrix_stands_alone(relation, expected):
    assert status(relation) == expected
