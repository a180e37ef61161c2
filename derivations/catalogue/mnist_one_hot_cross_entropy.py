"""The MNIST example of seed 001: one-hot P for the digit 2, CE = −log 0.75 ≈ 0.287.

>>> derivation().steps[-1].relation
'≈'
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import StatedDecimal

NAME = "mnist-one-hot-cross-entropy"

TRUE = (0, 0, 1, 0, 0, 0, 0, 0, 0, 0)                       # the digit 2, digits 0..9
PREDICTED = tuple(sp.Rational(x, 1000) for x in (10, 20, 750, 50, 20, 100, 1, 20, 9, 20))


def derivation() -> Derivation:
    """Seed 001, Cross entropy: only the true class's term of the sum survives."""
    terms = [sp.Mul(p, sp.log(q), evaluate=False) for p, q in zip(TRUE, PREDICTED)]
    return Derivation(
        name=NAME,
        title="Cross-entropy of a one-hot MNIST label: -log 0.75",
        sources=(Source("001_9d059b10c48cc65c.txt", "Cross entropy"),),
        start=-sp.Add(*terms, evaluate=False),
        steps=(
            Step(-sp.log(sp.Rational(3, 4)), "=",
                 "P is 0 except for the digit 2, where it is 1 and Q = 0.75"),
            Step(StatedDecimal.from_text("0.287"), "≈", "-ln 0.75 = 0.28768 nats"),
        ),
        notes=(
            "The start is H(P, Q) = -sum_x P(x) log Q(x) with P = (0, 0, 1, 0, 0, 0, 0, 0, "
            "0, 0) for the digit 2 and the network's Q = (0.01, 0.02, 0.75, 0.05, 0.02, "
            "0.1, 0.001, 0.02, 0.009, 0.02), which sums to 1.",
            "The digit 2 is the third entry (the digits start at 0); the document's "
            "2번째 값 (line 99) means the entry of the digit 2, not the second entry.",
            "The value 0.287 is in nats (natural log), although the document measures "
            "information in bits elsewhere: in bits the loss is -log2 0.75 = 0.415. "
            "-ln 0.75 = 0.287682, so 0.287 is truncated (rounded: 0.288) but within one "
            "unit of its last digit.",
        ),
    )
