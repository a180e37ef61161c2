"""A side written as cases over the values of one variable (symbolic/latex_in/piecewise.py)."""
from symbolic.latex_in.lint import lint_source
from symbolic.latex_in.piecewise import as_written, interpolated

BERNOULLI = r"""
The likelihood of one label is

$$
\hat{y}^{y} (1-\hat{y})^{1-y} = \begin{cases}
    \hat{y} & \text{if } y = 1 \\
    1-\hat{y} & \text{if } y = 0
\end{cases}
$$

and, written with a slip,

$$
\hat{y}^{y} (1-\hat{y})^{y} = \begin{cases} \hat{y}, & y == 1 \\ 1-\hat{y}, & y == 0 \end{cases}
$$
"""


def test_each_case_is_checked_at_its_value():
    steps = lint_source(BERNOULLI, "bernoulli.md").steps
    assert steps[0].verdict.method == "case split: y in {0, 1}"
    assert [(s.line, s.status) for s in steps] == [(5, "proved"), (14, "refuted")]
    assert steps[1].rhs == (r"\begin{cases} \hat{y} & y == 1 \\ 1-\hat{y} & y == 0 "
                            r"\end{cases}")
    assert steps[1].verdict.counterexample.values["y"] in (0.0, 1.0)


def test_cases_of_equal_and_other_indices_are_a_kronecker_delta():
    # at i ≠ k the left side is x_i - x_i x_k, not -x_i x_k: a real failure
    text = ("$$\nx_i - x_i x_k = \\begin{cases} x_i(1 - x_i) & i = k \\\\ -x_i x_k & "
            "\\text{if } i \\neq k \\end{cases}\n$$\n")
    step = lint_source(text, "jacobian.md").steps[0]
    assert step.status == "refuted"
    assert step.rhs == r"\begin{cases} x_i(1 - x_i) & i = k \\ -x_i x_k & i \neq k \end{cases}"


def test_cases_that_are_not_values_of_one_variable_are_not_read():
    assert interpolated(r"a = \cases", (("1", "y = 1"), ("0", "otherwise"))) is None
    assert interpolated(r"a = \cases", (("1", "y = 1"), ("0", "x = 0"))) is None
    assert interpolated(r"a = \cases", (("1", "y = 1"), ("0", "y = 1"))) is None


def test_three_values():
    text, values = interpolated(r"f = \cases", (("a", "c = 1"), ("b", "c = 2"), ("d", "c = 3")))
    assert values == {"c": {1, 2, 3}}
    assert as_written(text, (("a", "c = 1"), ("b", "c = 2"), ("d", "c = 3"))) == \
        r"f = \begin{cases} a & c = 1 \\ b & c = 2 \\ d & c = 3 \end{cases}"
