import pytest
import sympy as sp

from symbolic.derivation import (Derivation, Source, Step, combine_relations, make_relation,
                                 relation_symbol)

a, b = sp.symbols("a b")


def test_relation_spellings_are_canonical():
    assert [relation_symbol(r) for r in ("<=", ">=", "<=>", "!=", "~=")] == \
        ["≤", "≥", "⇔", "≠", "≈"]
    with pytest.raises(ValueError, match="unknown relation '=>'"):
        relation_symbol("=>")


def test_chain_relation_combines_direction_and_strictness():
    assert combine_relations(["=", "≥", "="]) == "≥"
    assert combine_relations(["≥", ">"]) == ">"
    assert combine_relations(["≤", "≥"]) is None
    assert combine_relations(["⇔", "⇔"]) == "⇔"


def test_equivalence_after_expressions_restates_the_chain():
    d = Derivation("d", "D", (Source("f.txt"),), start=a, steps=(
        Step(b, "≥", "r1"), Step(sp.Le(-a, -b), "⇔", "negate")))
    pairs = list(d.pairs())
    assert pairs[1][0] == make_relation(a, "≥", b)
    assert d.conclusion == (sp.Ge(a, b, evaluate=False), "⇔", sp.Le(-a, -b))


def test_steps_are_immutable():
    s = Step(a, "<=", "why")
    assert s.relation == "≤"
    with pytest.raises(AttributeError):
        s.reason = "other"
