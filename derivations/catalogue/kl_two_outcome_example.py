"""D(p‖q) for p = (1/3, 2/3), q = (2/3, 1/3): the worked example of seed 000.

>>> derivation().steps[-1].relation
'≈'
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import StatedDecimal

NAME = "kl-two-outcome-example"


def _kl(p, q):
    """The KL sum over {a, b}, term by term and unevaluated, as the document writes it."""
    return sp.Add(*(sp.Mul(pi, sp.log(sp.Mul(pi, 1 / qi, evaluate=False), evaluate=False),
                           evaluate=False) for pi, qi in zip(p, q)), evaluate=False)


def _terms(*pairs):
    """a1 log x1 + a2 log x2, kept as written."""
    return sp.Add(*(sp.Mul(a, x, evaluate=False) for a, x in pairs), evaluate=False)


def derivation() -> Derivation:
    """Seed 000, KL section: x in {a, b}, p(a) = 1/3, p(b) = 2/3, q(a) = 2/3, q(b) = 1/3."""
    third = sp.Rational(1, 3)
    p, q = (third, 2 * third), (2 * third, third)
    log2 = sp.log(2)
    return Derivation(
        name=NAME,
        title="The KL divergence of p = (1/3, 2/3) from q = (2/3, 1/3)",
        sources=(Source("000_785bcb426b630ca2.txt", "KL-발산 (KL divergence)"),),
        start=_kl(p, q),
        steps=(
            Step(_terms((third, sp.log(sp.Rational(1, 2), evaluate=False)),
                        (2 * third, log2)), "=",
                 "p(a)/q(a) = 1/2 and p(b)/q(b) = 2"),
            Step(_terms((-third, log2), (2 * third, log2)), "=", "log(1/2) = -log 2"),
            Step(third * log2, "=", "collect the multiples of log 2"),
            Step(_kl(q, p), "=",
                 "the same value is D(q||p): q(a)/p(a) = 2 and q(b)/p(b) = 1/2, weighted "
                 "by q = (2/3, 1/3)"),
            Step(StatedDecimal.from_text("0.231"), "≈", "log 2 / 3 = 0.23105 nats"),
        ),
        notes=(
            "The start is D(p||q) = sum over x in {a, b} of p(x) log p(x)/q(x); the "
            "document stops at -(1/3) log 2 + (2/3) log 2, which is (1/3) log 2.",
            "This pair is special: q is p with the outcomes swapped, so D(p||q) = D(q||p). "
            "That holds for every such swapped pair on two outcomes, but not in general: "
            "the KL divergence is not symmetric (the document's remark that it is not a "
            "metric), e.g. D((1/2, 1/2)||(1/4, 3/4)) differs from D((1/4, 3/4)||(1/2, 1/2)).",
            "The last line is a rounded value added here; the document gives none.",
        ),
    )
