"""Expectations print as the posts write them, and the engine treats them as sums."""
import sympy as sp

from symbolic.expectation import Expectation, expectation, weight_and_body
from symbolic.objects import Support
from symbolic.printing.latex import latex
from symbolic.verify import check_relation

OUTCOMES = Support.named("K", "k")
P, Q = OUTCOMES.pmf("p"), OUTCOMES.pmf("q")
X = OUTCOMES.probabilities("x")
k = OUTCOMES.index


def test_an_expectation_prints_with_its_pmf():
    e = expectation(OUTCOMES, P, sp.log(P[k]) - sp.log(Q[k]))
    assert latex(e) == (r"\mathbb{E}_{k \sim p}\left[ \log{\left({p}_{k} \right)} - "
                        r"\log{\left({q}_{k} \right)} \right]")
    assert latex(-sp.log(expectation(OUTCOMES, P, X[k]))) == \
        r"- \log{\left(\mathbb{E}_{k \sim p}\left[ {x}_{k} \right] \right)}"


def test_a_sum_with_no_single_pmf_weight_prints_as_the_sum():
    both = Expectation(P[k] * Q[k], OUTCOMES.limits)
    assert weight_and_body(both) is None
    assert latex(both) == r"\sum_{k=1}^{K} {p}_{k} {q}_{k}"
    assert latex(sp.Sum(P[k] * sp.log(P[k]), OUTCOMES.limits)).startswith(r"\sum_{k=1}^{K}")


def test_the_engine_checks_an_expectation_as_its_sum():
    e = expectation(OUTCOMES, P, -sp.log(Q[k]))
    as_sum = sp.Sum(-P[k] * sp.log(Q[k]), OUTCOMES.limits)
    assert check_relation(e, as_sum, "=").status == "proved"
    wrong = sp.Sum(-Q[k] * sp.log(Q[k]), OUTCOMES.limits)
    assert check_relation(e, wrong, "=").status == "refuted"
