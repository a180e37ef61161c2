"""H(0.99, 0.01) ≈ 0.08 bit and H(0.5, 0.5) = 1 bit: the coins of seed 001.

>>> derivation().steps[-1].relation
'≈'
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import StatedDecimal

NAME = "coin-entropies-in-bits"


def _bits(p):
    return -sp.Add(*(pi * sp.log(pi) / sp.log(2) for pi in p))


def derivation() -> Derivation:
    """Seed 001, Information and Entropy: the biased coin carries 0.08 bit, the fair 1 bit."""
    biased = (sp.Rational(99, 100), sp.Rational(1, 100))
    half = sp.Rational(1, 2)
    return Derivation(
        name=NAME,
        title="Entropies of a 0.99/0.01 coin and of a fair coin, in bits",
        sources=(Source("001_9d059b10c48cc65c.txt", "Information and Entropy"),),
        start=_bits((half, half)) - _bits(biased),
        steps=(
            Step(-(half * -1 + half * -1) - _bits(biased), "=",
                 "log2(1/2) = -1: the document's -(0.5 x -1 + 0.5 x -1) = 1 bit"),
            Step(1 - _bits(biased), "=", "the fair coin carries 1 bit"),
            Step(1 - StatedDecimal.from_text("0.08"), "≈",
                 "H(0.99, 0.01) = -(0.99 log2 0.99 + 0.01 log2 0.01) = 0.0808 bit, the "
                 "document's 0.08"),
        ),
        notes=(
            "The chain is H(fair) - H(biased) so that both entropies are checked in one "
            "line: the fair coin's is exactly 1 bit, the biased coin's 0.0808 bit, which "
            "the document gives as 0.08 (within one unit of its last digit).",
            "Entropy here is the expected information, in bits: sum_x p(x) (-log2 p(x)).",
        ),
    )
