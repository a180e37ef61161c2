"""I(X;Y) = H(X)+H(Y)−H(X,Y) = H(X)−H(X|Y) = H(Y)−H(Y|X), and H(X,Y) = H(X)+H(Y)−I(X;Y) (seed 002).

>>> derivation().conclusion[1]
'⇔'
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support, joint_pmf
from symbolic.quantities import (ConditionalEntropyXY, ConditionalEntropyYX, JointEntropy,
                                 MarginalEntropyX, MarginalEntropyY, MutualInformation)

NAME = "mutual-information-identities"


def derivation() -> Derivation:
    """Seed 002, section "Mutual Information"."""
    X, Y = Support.named("M", "x"), Support.named("N", "y")
    over_i, over_j = X.reindexed("i"), Y.reindexed("j")
    x, y, i, j = X.index, Y.index, over_i.index, over_j.index
    P = joint_pmf("P", X.size, Y.size)
    px = over_j.sum(P[x, j])
    py = over_i.sum(P[i, y])
    HX, HY, HXY = MarginalEntropyX(P), MarginalEntropyY(P), JointEntropy(P)
    I = MutualInformation(P)

    return Derivation(
        name=NAME,
        title="Mutual information in terms of joint, marginal and conditional entropies",
        sources=(Source("002_639aed3e79f5524e.txt", "Mutual Information"),),
        start=I,
        steps=(
            Step(X.sum(P[x, y] * sp.log(P[x, y] / (px * py)), Y), "=",
                 "definition of the mutual information, with the marginals P(x) and P(y)"),
            Step(X.sum(P[x, y] * sp.log(P[x, y]) - P[x, y] * sp.log(px) - P[x, y] * sp.log(py), Y),
                 "=", "log(a/(bc)) = log a - log b - log c"),
            Step(-HXY + HX + HY, "=",
                 "the first term is -H(X, Y); summing P(x, y) over y (or over x) in the others "
                 "leaves minus the sums of P(x) log P(x) and P(y) log P(y), that is H(X) and H(Y)"),
            Step(HX - ConditionalEntropyXY(P), "=", "chain rule: H(X|Y) = H(X, Y) - H(Y)",
                 uses=("conditional-entropy-chain-rule",)),
            Step(HY - ConditionalEntropyYX(P), "=",
                 "chain rule both ways: H(X) - H(X|Y) = H(X) + H(Y) - H(X, Y) = H(Y) - H(Y|X)",
                 uses=("conditional-entropy-chain-rule",)),
            Step(HX + HY - HXY, "=", "chain rule: H(Y|X) = H(X, Y) - H(X)",
                 uses=("conditional-entropy-chain-rule",)),
            Step(sp.Eq(HXY, HX + HY - I), "⇔",
                 "move I(X;Y) and H(X, Y) to the other sides: the joint entropy is the union, "
                 "the mutual information the intersection"),
        ),
        context=Context(),
        notes=(
            "P is a joint pmf of dependent (in general) X and Y, indexed [x, y]. The document's "
            "derivation is right, step by step. With independent X and Y, I(X;Y) = 0 and the "
            "last line is joint-entropy-of-independent-variables.",
            "I(X;Y) >= 0 (it is the KL divergence from P(x, y) to P(x) P(y)), so "
            "H(X, Y) <= H(X) + H(Y) always.",
        ),
    )
