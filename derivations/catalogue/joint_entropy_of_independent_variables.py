"""H(X, Y) = H(X) + H(Y) for independent X ~ p, Y ~ q: the document's seven-step chain (seed 002).

>>> len(derivation().steps)
5
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import Entropy

NAME = "joint-entropy-of-independent-variables"


def derivation() -> Derivation:
    """Seed 002, section "Joint Entropy": the proof by the properties of the log."""
    X, Y = Support.named("M", "x"), Support.named("N", "y")
    x, y = X.index, Y.index
    p, q = X.pmf("p", zeros=True), Y.pmf("q", zeros=True)
    one = sp.Integer(1)

    return Derivation(
        name=NAME,
        title="The joint entropy of independent random variables is the sum of their entropies",
        sources=(Source("002_639aed3e79f5524e.txt", "Joint Entropy"),),
        start=-X.sum(p[x] * q[y] * sp.log(p[x] * q[y]), Y),
        steps=(
            Step(-X.sum(p[x] * sp.log(p[x]) * q[y], Y) - X.sum(q[y] * sp.log(q[y]) * p[x], Y), "=",
                 "log(P(x) P(y)) = log P(x) + log P(y), and a sum of sums splits"),
            Step(-X.sum(p[x] * sp.log(p[x])) * Y.sum(q[y])
                 - Y.sum(q[y] * sp.log(q[y])) * X.sum(p[x]), "=",
                 "pull out of each inner sum the factor that does not depend on its index"),
            Step(sp.Mul(-X.sum(p[x] * sp.log(p[x])), one, evaluate=False)
                 - sp.Mul(Y.sum(q[y] * sp.log(q[y])), one, evaluate=False), "=",
                 "a pmf sums to 1"),
            Step(-X.sum(p[x] * sp.log(p[x])) - Y.sum(q[y] * sp.log(q[y])), "=",
                 "drop the factors 1"),
            Step(Entropy(p) + Entropy(q), "=",
                 "definition of the entropy, twice: H(X) + H(Y)"),
        ),
        context=Context(),
        notes=(
            "The chain starts from H(X, Y) = -sum_{x,y} P(x, y) log P(x, y) with the joint pmf "
            "of independent X ~ p and Y ~ q written as P(x, y) = p(x) q(y). For a joint pmf that "
            "does not factor, H(X, Y) = H(X) + H(Y) - I(X; Y) is smaller "
            "(mutual-information-identities).",
            "The supports may contain zero-probability outcomes (0 log 0 = 0), as the document's "
            "convention says.",
        ),
    )
