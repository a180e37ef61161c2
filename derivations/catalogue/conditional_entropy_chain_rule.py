"""H(Y|X) = Σ_x P(x) H(Y|X=x) = … = H(X, Y) − H(X) (seed 002).

>>> derivation().conclusion[2]
JointEntropy(P) - MarginalEntropyX(P)
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support, joint_pmf
from symbolic.quantities import ConditionalEntropyYX, JointEntropy, MarginalEntropyX

NAME = "conditional-entropy-chain-rule"


def derivation() -> Derivation:
    """Seed 002, section "Conditional Entropy"."""
    X, Y = Support.named("M", "x"), Support.named("N", "y")
    x, y = X.index, Y.index
    P = joint_pmf("P", X.size, Y.size)
    over_j = Y.reindexed("j")
    j = over_j.index
    px = over_j.sum(P[x, j])

    return Derivation(
        name=NAME,
        title="Conditional entropy is joint entropy minus marginal entropy",
        sources=(Source("002_639aed3e79f5524e.txt", "Conditional Entropy"),),
        start=ConditionalEntropyYX(P),
        steps=(
            Step(-X.sum(px * Y.sum((P[x, y] / px) * sp.log(P[x, y] / px))),
                 "=", "the average over x of the entropy of P(y|x) = P(x, y)/P(x), "
                      "where the marginal P(x) sums P(x, y) over y"),
            Step(-X.sum(P[x, y] * sp.log(P[x, y] / px), Y), "=",
                 "P(x) P(y|x) = P(x, y); one double sum"),
            Step(-X.sum(P[x, y] * sp.log(P[x, y]), Y) - X.sum(px * sp.log(1 / px)), "=",
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
