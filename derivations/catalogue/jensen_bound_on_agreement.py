"""CE ≥ −log P(X = Y) ⇔ e^{−CE} ≤ P(X = Y): Jensen's bound of seed 000.

>>> derivation().conclusion[1]
'⇔'
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index, pmf, support_size
from symbolic.quantities import AgreementProbability, CrossEntropy

NAME = "jensen-bound-on-agreement"


def derivation() -> Derivation:
    """Seed 000, the Jensen section: the cross-entropy bounds P(X = Y) from below."""
    C = support_size("C")
    p, q = pmf("p", C, zeros=True), pmf("q", C)
    c = index("c")
    X, Y = sp.Symbol("X"), sp.Symbol("Y")
    ce = CrossEntropy(p, q)
    agree = AgreementProbability(p, q, X, Y)

    def total(body):
        return sp.Sum(body, (c, 1, C))

    return Derivation(
        name=NAME,
        title="Jensen's bound: the cross-entropy bounds P(X = Y) from below",
        sources=(Source("000_785bcb426b630ca2.txt", "Jensen's inequality"),),
        start=ce,
        steps=(
            Step(-total(p[c] * sp.log(q[c])), "=", "definition of the cross-entropy"),
            Step(total(p[c] * (-sp.log(q[c]))), "=",
                 "move the sign inside: this is E_{c~p}[f(q(c))] with f(x) = -log x"),
            Step(-sp.log(total(p[c] * q[c])), "≥",
                 "Jensen's inequality E[f(Z)] >= f(E[Z]) for the convex f(x) = -log x"),
            Step(-sp.log(agree), "=",
                 "for independent X ~ p and Y ~ q, P(X = Y) = sum_c p(c) q(c)"),
            Step(sp.Le(-ce, sp.log(agree)), "⇔", "multiply both sides by -1"),
            Step(sp.Le(sp.exp(-ce), agree), "⇔", "exp is increasing"),
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
