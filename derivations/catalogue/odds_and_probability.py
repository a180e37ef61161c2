"""British odds 32/7 ⇔ p = 7/39: odds and probability carry the same information (seed 002).

>>> derivation().conclusion[2]
Eq(p, 7/39)
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import Odds

NAME = "odds-and-probability"


def derivation() -> Derivation:
    """Seed 002, section "logit": the win probability behind British odds of 32/7."""
    p = sp.Symbol("p", positive=True)
    return Derivation(
        name=NAME,
        title="Odds and probability: British odds of 32/7 mean a win probability of 7/39",
        sources=(Source("002_639aed3e79f5524e.txt", "logit"),),
        start=sp.Eq((1 - p) / p, sp.Rational(32, 7)),
        steps=(
            Step(sp.Eq(Odds(p), sp.Rational(7, 32)), "⇔",
                 "British odds (1 - p)/p are the odds against winning; the odds for "
                 "winning, p/(1 - p), are their reciprocal"),
            Step(sp.Eq(32 * p, 7 * (1 - p)), "⇔",
                 "definition of the odds, then multiply both sides by 32 (1 - p), which is "
                 "positive for 0 < p < 1",
                 uses=("positive-multiplier",)),
            Step(sp.Eq(39 * p, 7), "⇔", "add 7 p to both sides: (32 + 7) p = 7"),
            Step(sp.Eq(p, sp.Rational(7, 39)), "⇔", "divide by 32 + 7 = 39"),
        ),
        context=Context(domains={p: sp.Interval.open(0, 1)}),
        notes=(
            "In general, odds o = p/(1 - p) for winning give p = o/(1 + o), and British "
            "(fractional) odds b = (1 - p)/p against winning give p = 1/(1 + b). With "
            "b = 32/7 this is 7/(32 + 7) = 7/39, as the document writes.",
            "The document gives 7/39 = 0.17. The exact value is 0.179487..., so 0.18 is the "
            "correctly rounded value; 0.17 is truncated. It still differs from 7/39 by less "
            "than one unit in its last digit (0.0095 < 0.01), so by the rule for stated "
            "decimals it matches and is not listed as an erratum.",
            "The betting reading is right: at 32/7 a stake of 7 wins 32 (39 held after a "
            "win). At p = 7/39 the bet is fair: 32 p - 7 (1 - p) = (224 - 224)/39 = 0.",
        ),
    )
