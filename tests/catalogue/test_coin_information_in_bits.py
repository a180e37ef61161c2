"""Each number of seed 001's coin examples, checked on its own."""
import sympy as sp

from symbolic.quantities import Information, StatedDecimal
from symbolic.verify import check_relation

LN2 = sp.log(2)


def _matches(exact, stated):
    return check_relation(exact, StatedDecimal.from_text(stated), "≈").status in (
        "proved", "checked")


def test_coin_numbers_match_the_document():
    half, biased = sp.Rational(1, 2), (sp.Rational(99, 100), sp.Rational(1, 100))
    assert _matches(Information(biased[0]) / LN2, "0.0144")
    assert _matches(Information(biased[1]) / LN2, "6.64")
    assert _matches(sum(p * Information(p) for p in biased) / LN2, "0.08")
    assert sp.simplify(2 * half * Information(half) / LN2 - 1) == 0
