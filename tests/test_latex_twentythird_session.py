"""What the twenty-third session changed in reading other authors' posts (issue 8)."""
from symbolic.latex_in.check import Limits
from symbolic.latex_in.lint import lint_source

LIMITS = Limits(seconds=10)


def findings(doc: str):
    return [(s.line, s.status, s.verdict.reason) for s in lint_source(doc, "post.md", LIMITS).steps]


# --- a value put into the row before is refuted only when ⇒ says that it solves it ----------

_MEAN = ("$$\n\\begin{aligned}\n\\sum_{i=1}^n (x_i - \\mu) &= 0 \\\\\n"
         "\\hat{\\mu} &= \\frac{1}{n-1}\\sum_{i=1}^n x_i\n\\end{aligned}\n$$\n")


def test_a_wrong_value_in_the_row_after_an_equation_is_held_back():
    line, status, reason = findings(_MEAN)[1]
    assert (line, status) == (4, "unknown")
    assert reason.startswith("read as a solution, the row fails (numeric, confirmed with mpmath")
    assert reason.endswith("no ⇒ says that it solves that equation: what a row solves for, and "
                           "under which conditions, is for the text to say")


def test_the_right_value_in_the_row_after_an_equation_is_proved():
    assert findings(_MEAN.replace("n-1", "n"))[1][:2] == (4, "proved")


def test_a_wrong_value_after_an_implication_is_still_refuted():
    doc = ("$$\\sum_{i=1}^{n}(x_i - \\mu) = 0 \\Rightarrow "
           "\\hat{\\mu} = \\frac{1}{n-1}\\sum_{i=1}^{n} x_i$$\n")
    assert [f[1] for f in findings(doc)] == ["refuted"]


# --- the first row of a chain that puts a measure equal to an expression defines it ----------

def test_a_measure_the_first_row_of_a_chain_defines_its_own_way_is_not_the_fields():
    doc = ("$$ H(S, X) = \\frac{50}{150}  H(S, <= 0.8) + \\frac{100}{150}  H(S, > 0.8) = 0.6666$$\n\n"
           "$$ I(S, X) = H(S) - H(S, X) = 0.9182 $$\n")
    line, status, reason = findings(doc)[-2]
    assert (line, status) == (3, "unknown")
    assert reason.endswith("but the text gave H(S,X) a meaning of its own on line 1 (its "
                           "statement there does not hold as the field defines it)")


def test_the_same_relation_without_that_definition_is_refuted():
    doc = "$$ I(S, X) = H(S) - H(S, X) $$\n"
    assert [f[1] for f in findings(doc)] == ["refuted"]
