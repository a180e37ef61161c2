"""Equality in Jensen's inequality for −log: a constant value x_k = a (seed 000).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index, pmf, support_size

NAME = "jensen-equality-for-minus-log"


def derivation() -> Derivation:
    """Seed 000, Jensen section: when is f(E[x]) = E[f(x)]? When x is constant."""
    K = support_size("K")
    p = pmf("p", K, zeros=True)
    a = sp.Symbol("a", positive=True)
    k = index("k")

    def total(body):
        return sp.Sum(body, (k, 1, K))

    return Derivation(
        name=NAME,
        title="Jensen's inequality for -log is an equality when the value is constant",
        sources=(Source("000_785bcb426b630ca2.txt", "젠센 부등식 (Jensen's inequality)"),),
        start=-sp.log(total(p[k] * a)),
        steps=(
            Step(-sp.log(a * total(p[k])), "=", "the constant a comes out of the sum"),
            Step(-sp.log(a), "=", "p sums to 1"),
            Step(-sp.log(a) * total(p[k]), "=", "p sums to 1"),
            Step(total(p[k] * (-sp.log(a))), "=",
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
