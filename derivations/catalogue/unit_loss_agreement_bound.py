"""Loss 1 ⇒ P(X = Y) ≥ 1/e ≈ 36%: the corollary of Jensen's bound in seed 000.

>>> derivation().steps[-1].relation
'≈'
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import StatedDecimal

NAME = "unit-loss-agreement-bound"


def derivation() -> Derivation:
    """Seed 000, last section: with CE = 1 nat the bound e^{-CE} is 1/e."""
    ce = sp.Symbol("CE", positive=True)
    return Derivation(
        name=NAME,
        title="A loss of 1 nat bounds P(X = Y) from below by 1/e, about 36 percent",
        sources=(Source("000_785bcb426b630ca2.txt", "젠센 부등식 (Jensen's inequality)"),),
        start=sp.exp(-ce).subs(ce, 1),
        steps=(
            Step(1 / sp.E, "=", "e^(-CE) with the loss CE = 1"),
            Step(StatedDecimal.from_text("0.3679"), "≈", "1/e = 0.36788 to four digits"),
            Step(StatedDecimal.from_text("0.36"), "≈",
                 "the document's 36 percent: within one unit of its last digit"),
        ),
        notes=(
            "The bound is jensen-bound-on-agreement: e^(-CE(p, q)) <= P(X = Y). With a "
            "loss of CE = 1 (in nats, the natural log) it gives P(X = Y) >= 1/e.",
            "What P(X = Y) means: X ~ p is the true label and Y ~ q a label drawn at "
            "random from the model's softmax output, independently; P(X = Y) = "
            "sum_c p(c) q(c) is the probability that the drawn label agrees with the "
            "true one. It is not the argmax accuracy: predicting the most probable class "
            "is right with probability at least as large, but the bound says nothing "
            "more about it. For a one-hot target of class c, P(X = Y) = q(c) and the "
            "bound is an equality: a loss of 1 means exactly q(c) = 1/e.",
            "For a data set the loss is an average of per-example losses; by convexity of "
            "exp, the mean of e^(-CE_i) is at least e^(-mean CE), so a mean loss of 1 "
            "still bounds the mean agreement probability by 1/e.",
            "The document writes 36 percent for 1/e = 0.36788; rounded it is 37 percent. "
            "36 percent is within one unit of its last digit, and as a lower bound it is "
            "still true (0.36 < 1/e), so it is not an erratum.",
        ),
    )
