"""Policy entropies of seed 001: 0.61 bits for (0.9, 0.05, 0.025, 0.025), 1.98 for
(0.3, 0.2, 0.25, 0.25), "almost 3 times".

>>> len(derivation().errata)
1
"""
import sympy as sp

from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.quantities import StatedDecimal

NAME = "policy-entropy-examples"
SEED = "001_9d059b10c48cc65c.txt"

PEAKED = (sp.Rational(9, 10), sp.Rational(1, 20), sp.Rational(1, 40), sp.Rational(1, 40))
SPREAD = (sp.Rational(3, 10), sp.Rational(1, 5), sp.Rational(1, 4), sp.Rational(1, 4))


def signed_sum_bits(p):
    """sum p log2 p, unevaluated term by term (the document's bracket, without a sign)."""
    return sp.Add(*(sp.Mul(pi, sp.log(pi) / sp.log(2), evaluate=False) for pi in p),
                  evaluate=False)


def entropy_bits(p):
    """H(p) in bits, -sum p log2 p."""
    return -sp.Add(*(pi * sp.log(pi) for pi in p)) / sp.log(2)


def derivation() -> Derivation:
    """Seed 001, Entropy and Machine Learning: a peaked and a spread softmax policy."""
    return Derivation(
        name=NAME,
        title="Entropies of two softmax policies over 4 actions, in bits",
        sources=(Source(SEED, "Entropy and Machine Learning"),),
        start=entropy_bits(SPREAD) / entropy_bits(PEAKED),
        steps=(
            Step(signed_sum_bits(SPREAD) / signed_sum_bits(PEAKED), "=",
                 "H = -sum p log2 p; the two minus signs cancel in the ratio"),
            Step(StatedDecimal.from_text("1.985") / StatedDecimal.from_text("0.619"), "≈",
                 "H(0.3, 0.2, 0.25, 0.25) = 1.9855 bits and H(0.9, 0.05, 0.025, 0.025) "
                 "= 0.6190 bits"),
            Step(StatedDecimal.from_text("3.2"), "≈", "the spread policy has 3.21 times "
                 "the entropy of the peaked one"),
            Step(StatedDecimal.from_text("3"), "≈",
                 "the document's almost 3 times: within one unit of its last digit"),
        ),
        notes=(
            "The document's numbers: H(0.9, 0.05, 0.025, 0.025) = 0.61 bits (exact "
            "0.61900, so 0.62 when rounded; 0.61 is truncated but within one unit of its "
            "last digit) and H(0.3, 0.2, 0.25, 0.25) = 1.98 bits (exact 1.98548). Both "
            "are checked on their own in tests/catalogue/test_policy_entropy_examples.py.",
            "The ratio is 3.21, not a little under 3 as almost 3 times suggests; by the "
            "one-unit rule the stated 3 (no digit after the point) still matches.",
            "Line 39 writes (0.9 x log2(0.9) + 0.05 x log2(0.05) + 0.025 x log2(0.025) "
            "+ 0.025 x log2(0.025)) = 0.61bits without a minus sign in front of the "
            "bracket: that sum is -0.619, a negative number. The entropy is minus it. "
            "The leading dash of the line is the Markdown list bullet (as on lines 33 and "
            "97), so the sign the formula needs is missing (probably taken as the bullet).",
        ),
        errata=(
            Erratum(SEED, 39,
                    wrote="(0.9 x log2(0.9) + 0.05 x log2(0.05) + 0.025 x log2(0.025) + "
                          "0.025 x log2(0.025)) = 0.61bits",
                    correction="-(0.9 x log2(0.9) + 0.05 x log2(0.05) + 0.025 x log2(0.025) "
                               "+ 0.025 x log2(0.025)) = 0.619 bits: the entropy is minus "
                               "the sum of p log2 p",
                    claim=(signed_sum_bits(PEAKED), "=", StatedDecimal.from_text("0.61"))),
        ),
    )
