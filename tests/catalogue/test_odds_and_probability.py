"""Seed 002's British-odds example: 32/7 against means p = 7/39, stated as 0.17."""
import sympy as sp

from derivations.catalogue import odds_and_probability
from symbolic.quantities import Odds, StatedDecimal
from symbolic.verify import check_relation

P = sp.Rational(7, 39)


def _status(exact, stated):
    return check_relation(exact, StatedDecimal.from_text(stated), "≈").status


def test_the_win_probability_solves_the_british_odds():
    assert (1 - P) / P == sp.Rational(32, 7)
    assert Odds(P).doit() == sp.Rational(7, 32)
    assert odds_and_probability.derivation().conclusion[2] == sp.Eq(sp.Symbol("p", positive=True), P)


def test_the_documents_017_matches_by_the_last_digit_rule():
    # 7/39 = 0.1795: 0.17 is truncated, not rounded, but within one unit of its last digit.
    assert _status(P, "0.17") in ("proved", "checked")
    assert _status(P, "0.18") in ("proved", "checked")
    assert _status(P, "0.16") == "refuted"
    assert _status(P, "0.170") == "refuted"


def test_the_bet_is_fair_at_that_probability():
    stake, win = 7, 32
    assert P * win - (1 - P) * stake == 0
