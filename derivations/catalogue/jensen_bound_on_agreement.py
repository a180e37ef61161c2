"""CE ≥ −log P(X = Y) ⇔ e^{−CE} ≤ P(X = Y): Jensen's bound of seed 000.

>>> derivation().conclusion[1]
'⇔'
"""
import sympy as sp

from symbolic.context import Context
from symbolic.expectation import expectation
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import AgreementProbability, CrossEntropy

NAME = "jensen-bound-on-agreement"


def derivation() -> Derivation:
    """Seed 000, the Jensen section: the cross-entropy bounds P(X = Y) from below."""
    classes = Support.named("C", "c")
    p, q = classes.pmf("p", zeros=True), classes.pmf("q")
    c = classes.index
    X, Y = sp.Symbol("X"), sp.Symbol("Y")
    ce = CrossEntropy(p, q)
    agree = AgreementProbability(p, q, X, Y)

    return Derivation(
        name=NAME,
        title="Jensen's bound: the cross-entropy bounds P(X = Y) from below",
        sources=(Source("000_785bcb426b630ca2.txt", "Jensen's inequality"),),
        start=ce,
        steps=(
            Step(-classes.sum(p[c] * sp.log(q[c])), "=", "definition of the cross-entropy"),
            Step(expectation(classes, p, -sp.log(q[c])), "=",
                 "move the sign inside: this is E_{c~p}[f(q(c))] with f(x) = -log x"),
            Step(-sp.log(classes.sum(p[c] * q[c])), "≥",
                 "Jensen's inequality E[f(Z)] >= f(E[Z]) for the convex f(x) = -log x",
                 uses=("jensen", "jensen-inequality-for-minus-log")),
            Step(-sp.log(agree), "=",
                 "for independent X ~ p and Y ~ q, P(X = Y) = sum_c p(c) q(c)"),
            Step(sp.Le(-ce, sp.log(agree)), "⇔", "multiply both sides by -1"),
            Step(sp.Le(sp.exp(-ce), agree), "⇔", "exp is increasing",
                 uses=("exp-is-increasing",)),
        ),
        context=Context(),
        notes=(
            "Equality holds exactly when q(c) is the same for every c with p(c) > 0, "
            "because -log is strictly convex. In particular it holds whenever p is "
            "one-hot (a hard label c): then CE = -log q(c) and P(X = Y) = q(c), so "
            "e^{-CE} = P(X = Y). The bound is tight in the usual classification case.",
            "P(X = Y) is the probability that a label drawn at random from the model "
            "q agrees with a label drawn from the true distribution p. It is not the "
            "argmax accuracy of the model.",
            "Here p may have zeros (one-hot labels); q is strictly positive so that "
            "the cross-entropy is finite.",
        ),
    )
