"""Spam example, P = (0.8, 0.2), Q = (0.7, 0.3): H(P, Q) = H(P) + D(P‖Q) exactly (seed 002).

>>> derivation().errata[0].line
531
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.objects import pmf, support_size
from symbolic.quantities import CrossEntropy

NAME = "spam-example-cross-entropy"

SEED = "002_639aed3e79f5524e.txt"


def derivation() -> Derivation:
    """Seed 002, "KL Divergence and Cross Entropy": the spam-mail table."""
    R = sp.Rational
    P1, P2, Q1, Q2 = R(4, 5), R(1, 5), R(7, 10), R(3, 10)
    entropy = -(P1 * sp.log(P1) + P2 * sp.log(P2))
    kl = P1 * sp.log(P1 / Q1) + P2 * sp.log(P2 / Q2)
    K = support_size("K")
    p = pmf("p", K)
    wrong = Erratum(
        SEED, 531,
        wrote="as the prediction gets accurate, the cross-entropy between the two "
              "distributions approaches 0",
        correction="as Q approaches P the cross-entropy H(P, Q) approaches H(P), its minimum; "
                   "only D(P||Q) = H(P, Q) - H(P) approaches 0",
        claim=(CrossEntropy(p, p), "=", 0),
    )
    return Derivation(
        name=NAME,
        title="Spam example: cross-entropy = entropy + KL divergence, exactly",
        sources=(Source(SEED, "KL Divergence and Cross Entropy"),),
        start=-(P1 * sp.log(Q1) + P2 * sp.log(Q2)),
        steps=(
            Step(sp.Add(entropy, sp.Add(P1 * sp.log(P1), P2 * sp.log(P2), -P1 * sp.log(Q1),
                                        -P2 * sp.log(Q2), evaluate=False), evaluate=False),
                 "=", "add and subtract sum P log P"),
            Step(entropy + kl, "=",
                 "log a - log b = log(a/b): the bracket is D(P||Q) = 0.8 log(8/7) + "
                 "0.2 log(2/3)"),
            Step(sp.log(2) + sp.log(5) - R(4, 5) * sp.log(7) - R(1, 5) * sp.log(3), "=",
                 "collect the logs of primes: H(P) = log 5 - (8/5) log 2 = 0.500402 and "
                 "D(P||Q) = (13/5) log 2 - (4/5) log 7 - (1/5) log 3 = 0.025732 nats"),
            Step(P1 * sp.log(R(10, 7)) + P2 * sp.log(R(10, 3)), "=",
                 "the same number as -(0.8 log 0.7 + 0.2 log 0.3) = 0.526135 nats"),
        ),
        context=Context(),
        notes=(
            "With natural logs: H(P, Q) = 0.526135, H(P) = 0.500402 and D(P||Q) = 0.025732 "
            "nats (in bits: 0.759052, 0.721928 and 0.037124). The document states the "
            "formulas but no numbers.",
            "Erratum: the document (line 531) says that as the prediction becomes accurate "
            "the cross-entropy approaches 0. It approaches H(P) (0.500 nats here), reached "
            "at Q = P; it is 0 only for a deterministic P. It is the KL divergence that "
            "approaches 0. This is why minimising the cross-entropy over Q minimises the KL "
            "divergence: they differ by H(P), which does not depend on Q.",
        ),
        errata=(wrong,),
    )
