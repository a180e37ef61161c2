"""H(Y|X) = Σ_x P(x) H(Y|X=x) = … = H(X, Y) − H(X) (seed 002).

>>> derivation().conclusion[2]
JointEntropy(P) - MarginalEntropyX(P)
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index, joint_pmf, support_size
from symbolic.quantities import ConditionalEntropyYX, JointEntropy, MarginalEntropyX

NAME = "conditional-entropy-chain-rule"


def derivation() -> Derivation:
    """Seed 002, section "Conditional Entropy"."""
    M, N = support_size("M"), support_size("N")
    P = joint_pmf("P", M, N)
    x, y, j = index("x"), index("y"), index("j")
    px = sp.Sum(P[x, j], (j, 1, N))

    def both(body):
        return sp.Sum(body, (x, 1, M), (y, 1, N))

    return Derivation(
        name=NAME,
        title="Conditional entropy is joint entropy minus marginal entropy",
        sources=(Source("002_639aed3e79f5524e.txt", "Conditional Entropy"),),
        start=ConditionalEntropyYX(P),
        steps=(
            Step(-sp.Sum(px * sp.Sum((P[x, y] / px) * sp.log(P[x, y] / px), (y, 1, N)), (x, 1, M)),
                 "=", "the average over x of the entropy of P(y|x) = P(x, y)/P(x), "
                      "where the marginal P(x) sums P(x, y) over y"),
            Step(-both(P[x, y] * sp.log(P[x, y] / px)), "=",
                 "P(x) P(y|x) = P(x, y); one double sum"),
            Step(-both(P[x, y] * sp.log(P[x, y])) - sp.Sum(px * sp.log(1 / px), (x, 1, M)), "=",
                 "log(a/b) = log a - log b; summing P(x, y) log P(x) over y gives "
                 "P(x) log P(x) = -P(x) log 1/P(x)"),
            Step(JointEntropy(P) - MarginalEntropyX(P), "=",
                 "definitions of the joint entropy H(X, Y) and of the entropy H(X)"),
        ),
        context=Context(),
        notes=(
            "P is the joint pmf of X and Y, indexed [x, y]; P(x) = sum_y P(x, y) is the "
            "marginal of X. The document's chain is right, step by step.",
            "Read the other way, H(X, Y) = H(X) + H(Y|X): the uncertainty of the pair is "
            "that of X plus what remains about Y once X is known (the chain rule).",
        ),
    )
