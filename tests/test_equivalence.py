"""⇔ steps: equivalent relations are proved or checked, inequivalent ones refuted."""
import numpy as np
import sympy as sp

from symbolic.confirm import CheckOptions
from symbolic.context import Context
from symbolic.equivalence import NormalisedRelation, check_equivalence
from symbolic.verify import check_relation

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", positive=True)
UNIT = Context(domains={y: sp.Interval.open(0, 1), x: sp.S.Reals})


def check(prev, cur, symbolic=True):
    return check_equivalence(prev, cur, UNIT, CheckOptions(samples=300, symbolic=symbolic),
                             np.random.default_rng(0))


def test_normalised_relation_turns_ge_around():
    line = NormalisedRelation.of(sp.Ge(x, y))
    assert (line.lhs, line.rhs, line.kind) == (y, x, "≤")


def test_a_positive_factor_is_a_lemma_and_a_sign_change_is_refuted():
    v = check(sp.Le(x, y), sp.Le((1 + y) * x, (1 + y) * y))
    assert (v.status, v.method) == ("proved", "lemma: positive-multiplier")
    assert check(sp.Le(x, y), sp.Le((y - 2) * x, (y - 2) * y)).status == "refuted"


def test_numeric_check_alone_gives_checked():
    v = check(sp.Eq(sp.exp(x), y / (1 - y)), sp.Eq((1 - y) * sp.exp(x), y), symbolic=False)
    assert v.status == "checked" and "symbolic attempt disabled" in v.method


def test_relations_between_numbers():
    # decided by check_relation, relation by relation (one rule for ⇔ between numbers)
    assert check(sp.Le(1, 2), sp.Le(sp.exp(1), 3)).status == "unknown"
    v = check_relation(sp.Le(1, 2), sp.Le(sp.exp(1), 3), "⇔")
    assert (v.status, v.method) == ("proved", "both relations hold at the values given")
    v = check_relation(sp.Le(1, 2), sp.Le(3, sp.exp(1)), "⇔")
    assert (v.status, v.method) == ("refuted", "one relation holds and the other fails")
    assert check_relation(sp.Le(2, 1), sp.Le(3, sp.exp(1)), "⇔").status == "proved"
