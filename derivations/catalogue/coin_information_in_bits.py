"""−log₂ 0.99 ≈ 0.0144 bits and −log₂ 0.01 ≈ 6.64 bits: the biased coin of seed 001.

>>> derivation().steps[-1].relation
'≈'
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import Information, StatedDecimal

NAME = "coin-information-in-bits"


def derivation() -> Derivation:
    """Seed 001, Information: the surprise of each face of a 0.99/0.01 coin, in bits."""
    heads, tails = sp.Rational(99, 100), sp.Rational(1, 100)
    ln2 = sp.log(2)
    return Derivation(
        name=NAME,
        title="Information of the faces of a 0.99/0.01 coin, in bits",
        sources=(Source("001_9d059b10c48cc65c.txt", "Information and Entropy"),),
        start=Information(tails) / ln2 - Information(heads) / ln2,
        steps=(
            Step(-sp.log(tails) / ln2 + sp.log(heads) / ln2, "=",
                 "h(E) = -log P(E); dividing by ln 2 gives bits, log2 x = ln x / ln 2"),
            Step(StatedDecimal.from_text("6.64") - StatedDecimal.from_text("0.0144"), "≈",
                 "the document's -log2(0.01) = 6.64 bits (tails) and -log2(0.99) = 0.0144 "
                 "bits (heads)"),
        ),
        notes=(
            "The chain is the gap between the two surprises, tails minus heads, so that "
            "both of the document's numbers are checked in one line; the one-unit rule "
            "then uses the coarser of them (0.01). Each is also checked on its own in "
            "tests/catalogue/test_coin_information_in_bits.py.",
            "-log2(0.99) = 0.0144996 bits: rounded it is 0.0145; the document's 0.0144 "
            "is truncated but within one unit of its last digit. -log2(0.01) = 6.6439 bits.",
        ),
    )
