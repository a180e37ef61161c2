"""D(P‖Q) < D(Q‖P) for P = (0.8, 0.2), Q = (0.7, 0.3): the KL divergence is not symmetric (seed 002).

>>> derivation().conclusion[1]
'<'
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step

NAME = "kl-divergence-is-asymmetric"


def derivation() -> Derivation:
    """Seed 002, "Kullback–Leibler Divergence": the second property, by a counterexample."""
    R = sp.Rational
    P1, P2, Q1, Q2 = R(4, 5), R(1, 5), R(7, 10), R(3, 10)
    log2, log3, log7 = sp.log(2), sp.log(3), sp.log(7)
    return Derivation(
        name=NAME,
        title="The KL divergence is asymmetric: D(P||Q) and D(Q||P) differ",
        sources=(Source("002_639aed3e79f5524e.txt", "Kullback–Leibler Divergence"),),
        start=P1 * sp.log(P1 / Q1) + P2 * sp.log(P2 / Q2),
        steps=(
            Step(R(13, 5) * log2 - R(1, 5) * log3 - R(4, 5) * log7, "=",
                 "D(P||Q) for P = (4/5, 1/5) and Q = (7/10, 3/10): log(8/7) = 3 log 2 - log 7 "
                 "and log(2/3) = log 2 - log 3; about 0.025732 nats"),
            Step(R(7, 10) * log7 + R(3, 10) * log3 - R(12, 5) * log2, "<",
                 "compare the exact values: 0.025732 < 0.028168"),
            Step(Q1 * sp.log(Q1 / P1) + Q2 * sp.log(Q2 / P2), "=",
                 "this is D(Q||P) = 0.7 log(7/8) + 0.3 log(3/2)"),
        ),
        context=Context(),
        notes=(
            "P = (0.8, 0.2) and Q = (0.7, 0.3) are the spam example of the same document. "
            "D(P||Q) = 0.025732 nats but D(Q||P) = 0.028168 nats, so "
            "D(P||Q) != D(Q||P): modelling P by Q loses a different amount of information "
            "than modelling Q by P. The KL divergence is therefore not a distance.",
            "It is symmetric in special cases, e.g. when Q is P with its outcomes permuted "
            "in a way that swaps P and Q; in general it is not.",
        ),
    )
