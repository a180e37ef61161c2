"""Equality in Jensen's inequality for −log: a constant value x_k = a (seed 000).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from derivations.catalogue.jensen_inequality_for_minus_log import SOURCE, jensen_sides
from symbolic.derivation import Derivation, Step
from symbolic.objects import Support

NAME = "jensen-equality-for-minus-log"


def derivation() -> Derivation:
    """Seed 000, Jensen section: when is f(E[x]) = E[f(x)]? When x is constant."""
    outcomes = Support.named("K", "k")
    p = outcomes.pmf("p", zeros=True)
    k = outcomes.index
    a = sp.Symbol("a", positive=True)
    f_of_mean, mean_of_f = jensen_sides(outcomes, p, a)     # x_k = a for every k
    return Derivation(
        name=NAME,
        title="Jensen's inequality for -log is an equality when the value is constant",
        sources=(SOURCE,),
        start=f_of_mean,
        steps=(
            Step(-sp.log(a * outcomes.sum(p[k])), "=", "the constant a comes out of the sum"),
            Step(-sp.log(a), "=", "p sums to 1"),
            Step(-sp.log(a) * outcomes.sum(p[k]), "=", "p sums to 1"),
            Step(mean_of_f, "=",
                 "the constant -log a goes into the sum: this is E[f(x)] for x = a"),
        ),
        notes=(
            "With x_k = a for every k, f(E[x]) = -log a = E[f(x)]: the bound of "
            "jensen-inequality-for-minus-log is attained. Conversely, -log is strictly "
            "convex, so equality forces x_k to be the same for every k with p_k > 0.",
            "For the cross-entropy bound (jensen-bound-on-agreement) x_k = q(k): equality "
            "needs q constant on the support of p, which a one-hot p always satisfies.",
        ),
    )
