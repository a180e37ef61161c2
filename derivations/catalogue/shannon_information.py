"""h(x) = log₂ 1/P(x) = −log₂ P(x) ≥ 0: Shannon information in bits (seed 002).

>>> derivation().errata[0].line
402
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.quantities import Information

NAME = "shannon-information"

SEED = "002_639aed3e79f5524e.txt"


def derivation() -> Derivation:
    """Seed 002, section "Information": the information of an event of probability P."""
    P = sp.Symbol("P", positive=True)
    domain = {P: sp.Interval.Lopen(0, 1)}
    wrong = Erratum(
        SEED, 402,
        wrote="h(x) := -log_b 1/P(x) = -log_2 P(x)",
        correction="h(x) := log_b 1/P(x) = -log_b P(x); -log_b(1/P(x)) is log_b P(x), "
                   "which is negative",
        claim=(-sp.log(1 / P, 2), "=", -sp.log(P, 2)),
        context=Context(domains=domain),
    )
    return Derivation(
        name=NAME,
        title="Shannon information: the surprisal of an event, in bits",
        sources=(Source(SEED, "Information"),),
        start=sp.log(1 / P, 2),
        steps=(
            Step(-sp.log(P, 2), "=", "log(1/a) = -log a"),
            Step(Information(P) / sp.log(2), "=",
                 "in bits: the surprisal -ln P in nats divided by ln 2"),
            Step(sp.Integer(0), "≥", "P is at most 1, so log(1/P) is at least 0",
                 uses=("surprisal-nonnegative",)),
        ),
        context=Context(domains=domain),
        notes=(
            "h(x) = log_2 1/P(x) is the information (surprisal) of an event x of probability "
            "P(x): 0 bits for a certain event, 1 bit for a fair coin, 3 bits for one of 8 "
            "equally likely outcomes, and more the rarer the event.",
            "Erratum: the document (line 402) writes h(x) := -log_b 1/P(x) = -log_2 P(x). "
            "The first expression has the wrong sign: -log_b(1/P(x)) = log_b P(x) <= 0. "
            "Either log_b 1/P(x) or -log_b P(x) is right; at P(x) = 1/8 they give +3 bits, "
            "while the document's first form gives -3.",
        ),
        errata=(wrong,),
    )
