"""Names and applications a document defines, and derivatives through them
(symbolic/latex_in/reader_definitions.py): a gradient by the chain rule, as posts write it."""
import pytest
import sympy as sp

from symbolic.latex_in.chains import read_chain
from symbolic.latex_in.lint import lint_source
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.reader_definitions import (applied_at, defined_head, expand_except,
                                                  family_of_defined, through_definitions)

GRADIENT = r"""
The loss of one example is

$$
E_{n}(\mathbf{w}) = - ( t_{n} \log y_{n} + (1 - t_{n}) \log (1 - y_{n}) )
$$

with

$$
y_{n} = \sigma(a_{n}) = \frac{1}{1 + \exp(-a_{n})}
$$

$$
a_{n} = w_{0} x_{n} + w_{1}
$$

By the chain rule,

$$
\frac{\partial E_{n}(\mathbf{w})}{\partial w_{0}} = \frac{\partial E_{n}(\mathbf{w})}{\partial y_{n}}
\cdot \frac{\partial y_{n}}{\partial a_{n}} \cdot \frac{\partial a_{n}}{\partial w_{0}}
$$

$$
\begin{aligned}
\frac{\partial E_{n}(\mathbf{w})}{\partial y_{n}}
  &= \frac{\partial}{\partial y_{n}} \left(- ( t_{n} \log y_{n} + (1 - t_{n}) \log (1 - y_{n}) )\right) \\
  &= \frac{y_{n} - t_{n}}{(1 - y_{n}) y_{n}}
\end{aligned}
$$

$$
\frac{\partial y_{n}}{\partial a_{n}} = (1 - y_{n}) y_{n}
$$

$$
\frac{\partial a_{n}}{\partial w_{0}} = \frac{\partial}{\partial w_{0}} ( w_{0} x_{n} + w_{1} ) = x_{n}
$$

$$
\frac{\partial E_{n}(\mathbf{w})}{\partial w_{1}} = y_{n} + t_{n}
$$
"""


def test_a_gradient_by_the_chain_rule_through_defined_names():
    report = lint_source(GRADIENT, "gradient.md")
    steps = [(s.line, s.status) for s in report.steps]
    assert steps == [(11, "proved"), (21, "proved"), (28, "proved"), (29, "proved"),
                     (34, "proved"), (38, "proved"), (38, "proved"), (42, "refuted")]
    # the wrong row is refuted in the variables the definitions lead to
    point = report.steps[-1].verdict.counterexample.values
    assert {"t_n", "w_0", "w_1", "x_n"} == {str(s) for s in point}


def test_the_definitions_are_not_claims():
    report = lint_source(GRADIENT, "gradient.md")
    assert 5 not in [s.line for s in report.steps]      # E_n(w) = …
    assert 17 not in [s.line for s in report.steps]     # a_n = …
    assert 11 in [s.line for s in report.steps]         # y_n = σ(a_n) = …: its second step


def test_an_inline_definition_is_not_a_case_of_the_next_row():
    text = (r"Put $y_{n} = \sigma(a_{n})$ and $a_{n} = w_{0} x_{n} + w_{1}$." "\n\n"
            "$$\n\\frac{\\partial y_{n}}{\\partial a_{n}} = (1 + y_{n}) y_{n}\n$$\n")
    report = lint_source(text, "inline.md")
    assert [(s.line, s.status) for s in report.steps] == [(4, "refuted")]


def test_an_application_with_other_arguments_is_not_the_definition():
    text = GRADIENT + "\n$$\n\\frac{\\partial E_{n}(\\mathbf{v})}{\\partial w_{1}} = 7\n$$\n"
    step = lint_source(text, "other.md").steps[-1]
    assert step.status == "unknown"
    assert "is read as an unknown real quantity" in step.verdict.reason


def test_a_defined_scalar_differentiated_as_a_family_in_a_sum_is_not_read():
    text = ("$$\nE = - ( t_{n} \\log y_{n} )\n$$\n\n$$\ny_{n} = \\sigma(a)\n$$\n\n"
            "$$\n\\sum_{n=1}^{N} \\frac{\\partial}{\\partial a} \\log y_{n} = 0\n$$\n")
    step = lint_source(text, "sum.md").steps[-1]
    assert step.status == "unknown"
    assert step.verdict.reason == ("y_n is defined in the text and used here as an indexed "
                                   "family: its members are not read")


def test_binding_keys_do_not_depend_on_braces():
    reader = Reader()
    read_chain(r"y_{n} = 2 a_{n}", reader, document=True)
    read_chain(r"a_n = 3", reader, document=True)
    assert sorted(reader.sem.bindings) == ["a_n", "y_n"]
    assert reader.read_side(r"y_n + y_{n}") == 12


def test_a_name_that_would_define_itself_is_not_bound():
    reader = Reader()
    read_chain(r"y_{n} = 2 a_{n}", reader, document=True)
    read_chain(r"a_{n} = y_{n} + 1", reader, document=True)
    assert sorted(reader.sem.bindings) == ["y_n"]


def test_pieces():
    assert defined_head(r"E_{n} ( { \bf w } )") == ("E_n", "w")
    assert defined_head(r"S(x_i)") == ("S", "x_i")
    assert defined_head(r"p(x_k)") is None and defined_head(r"E(x)") is None
    # a likelihood L(\theta | x) or \mathcal{L}(\theta; D) the text names is defined too
    assert defined_head(r"L(\theta | x)") == ("L", "theta|x")
    assert defined_head(r"g(z \sim q)") is None and defined_head(r"q(z | x)") is None
    body = sp.Symbol("b")
    assert applied_at(r"1 + E_{n}(\mathbf{w})", 4, {"E_n": ("w", body)}) == (body, 21)
    assert applied_at(r"1 + E_{n}(v)", 4, {"E_n": ("w", body)}) is None
    x, y, z = sp.symbols("x y z")
    assert expand_except(x * y, {"x": z + 1, "y": x}, keep={y}) == (z + 1) * y
    assert through_definitions(sp.Derivative(x ** 2, z), {"x": z + 1}) == 2 * z + 2
    k = sp.Symbol("k", integer=True)
    family = sp.IndexedBase("y")[k]
    assert family_of_defined(family * sp.Symbol("y_n"), {"y_n": z}) == "y_n"
    assert family_of_defined(family, {"y_n": z}) is None


SOFTMAX = r"""
The softmax output is

$$
p_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}
$$

and the loss is

$$
L = -\sum_{k=1}^{K} y_k \log p_k
$$

For $i = j$,

$$
\frac{\partial p_i}{\partial z_j} = p_i (1 - p_j)
$$

and for $i \neq j$,

$$
\frac{\partial p_i}{\partial z_j} = -p_i p_j
$$

Then

$$
\frac{\partial L}{\partial z_i} = p_i - y_i
$$
"""


def test_a_family_the_text_defines_is_read_member_by_member():
    steps = lint_source(SOFTMAX, "softmax.md").steps
    assert [(s.line, s.status) for s in steps] == [(17, "checked"), (23, "checked"),
                                                   (29, "checked")]


def test_a_wrong_softmax_gradient_is_refuted_in_the_case_it_states():
    wrong = SOFTMAX.replace("p_i (1 - p_j)", "p_i (1 + p_j)").replace("= p_i - y_i",
                                                                       "= y_i - p_i")
    steps = lint_source(wrong, "softmax.md").steps
    assert [(s.line, s.status) for s in steps] == [(17, "refuted"), (23, "checked"),
                                                   (29, "refuted")]
    assert steps[2].verdict.counterexample.values["y"] in ([0.0, 1.0], [1.0, 0.0])


def test_an_index_set_equal_to_another_is_a_case_not_a_definition():
    reader = Reader()
    read_chain(r"i = j", reader, document=True)
    assert reader.sem.bindings == {}


def test_a_sum_from_zero_over_members_read_twice_keeps_one_index():
    text = GRADIENT + ("\n$$\n\\frac{1}{N} \\sum_{n=0}^{N-1} \\frac{\\partial}{\\partial w_{0}} "
                       "E_{n}(\\mathbf{w}) = \\frac{1}{N} \\sum_{n=0}^{N-1} (y_{n} - t_{n}) x_{n}"
                       "\n$$\n")
    step = lint_source(text, "sum.md").steps[-1]
    assert step.status in ("proved", "checked")


def test_a_row_of_solving_for_a_name_does_not_define_it_in_terms_of_itself():
    reader = Reader()
    read_chain(r"p = \frac{1}{1 + e^{-y}}", reader, document=True)
    read_chain(r"p = e^{y}(1 - p)", reader, document=True)
    assert reader.sem.bindings["p"] == 1 / (1 + sp.exp(-sp.Symbol("y", real=True)))


DISTILLATION = r"""
* softmax with temperature
  $$
  q_i=exp\{z_i/T\}/\sum_j exp\{z_j/T\}
  $$
* $C=\sum_i (-y_iln(q_i))$ from the labels, and its gradient
  $$
  \frac{\partial C}{\partial z_i}=\frac{1}{T}(q_i-y_i)
  $$
* $C_2=\sum_i (-y_iln(q_i)-(1-y_i)ln(1-q_i))$ with its claimed gradient
  $$
  \frac{\partial C_2}{\partial z_i}=\frac{1}{T}(q_i-y_i)
  $$
"""


@pytest.mark.slow
def test_a_gradient_through_a_family_and_an_inline_definition():
    steps = lint_source(DISTILLATION, "distill.md").steps
    # C alone is a size (the number of classes), so the first gradient is not read; C_2 is a
    # name: its gradient is a sum of binary cross-entropies, not the categorical one
    assert [(s.line, s.status) for s in steps][-1] == (12, "refuted")
    assert steps[-1].verdict.counterexample.values["i"] in (1, 2)


def test_a_semicolon_inside_brackets_separates_parameters_not_relations():
    text = ("$$\nP(y = 1 | \\boldsymbol{x}; \\theta) = \\sigma(\\theta^\\top \\boldsymbol{x})\n$$\n\n"
            "$$\nP(y = 0 | x; \\theta) = 1 - P(y = 1 | x; \\theta)\n$$\n\n"
            "$$\na = 1; b = 2\n$$\n")
    steps = lint_source(text, "model.md").steps
    # the first display defines the model (not a claim); the second is one claim about it
    assert [(s.line, s.relation) for s in steps] == [(6, "=")]
    assert steps[0].status in ("proved", "checked")
