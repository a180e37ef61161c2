"""Bits and nats: log₂ x = ln x / ln 2, so H in bits is H in nats over ln 2 (seeds 004, 001).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import Entropy

NAME = "entropy-in-bits-and-nats"


def derivation() -> Derivation:
    """Seed 004: log base 2 gives bits, base e gives nats; they differ by the factor ln 2."""
    outcomes = Support.named("K", "k")
    P = outcomes.pmf("P")
    k = outcomes.index
    ln2 = sp.log(2)
    return Derivation(
        name=NAME,
        title="Entropy in bits is entropy in nats divided by ln 2",
        sources=(Source("004_73ece5ec3713df33.txt", "크로스 엔트로피란 무엇인가?"),
                 Source("001_9d059b10c48cc65c.txt", "Information and Entropy")),
        start=-outcomes.sum(P[k] * sp.log(P[k], 2)),
        steps=(
            Step(-outcomes.sum(P[k] * sp.log(P[k]) / ln2), "=",
                 "change of base: log2 x = ln x / ln 2"),
            Step(-outcomes.sum(P[k] * sp.log(P[k])) / ln2, "=",
                 "the constant 1/ln 2 comes out of the sum"),
            Step(Entropy(P) / ln2, "=", "H(P) = -sum P ln P is the entropy in nats"),
        ),
        notes=(
            "The start is H(P) in bits, -sum P(x) log2 P(x); SymPy writes log2 x as "
            "log(x)/log(2) at once, which is the change of base of the first step.",
            "So 1 nat = 1/ln 2 = 1.4427 bits and 1 bit = ln 2 = 0.6931 nats. The same "
            "factor converts cross-entropy and KL divergence, so which base is used "
            "changes the scale of a loss but never its minimiser.",
        ),
    )
