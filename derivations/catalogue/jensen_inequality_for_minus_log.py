"""Jensen's inequality for the convex f(x) = −log x: −log Σ p x ≤ Σ p (−log x) (seed 000).

>>> derivation().conclusion[1]
'≤'
"""
import sympy as sp

from symbolic.expectation import expectation
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support

NAME = "jensen-inequality-for-minus-log"

SOURCE = Source("000_785bcb426b630ca2.txt", "젠센 부등식 (Jensen's inequality)")


def jensen_sides(outcomes: Support, p, x_k) -> tuple:
    """f(E[x]) and E[f(x)] for f(x) = -log x and x ~ p, where x_k is the value at outcome k.

    >>> outcomes = Support.named("K", "k")
    >>> jensen_sides(outcomes, outcomes.pmf("p"), 2)
    (-log(Sum(2*p[k], (k, 1, K))), Sum(-log(2)*p[k], (k, 1, K)))
    """
    k = outcomes.index
    return -sp.log(expectation(outcomes, p, x_k)), expectation(outcomes, p, -sp.log(x_k))


def derivation() -> Derivation:
    """Seed 000, Jensen section: f(E[x]) ≤ E[f(x)] for f = −log, over a pmf p."""
    outcomes = Support.named("K", "k")
    p = outcomes.pmf("p", zeros=True)
    k = outcomes.index
    x = outcomes.probabilities("x")
    f_of_mean, mean_of_f = jensen_sides(outcomes, p, x[k])
    return Derivation(
        name=NAME,
        title="Jensen's inequality for f(x) = -log x",
        sources=(SOURCE,),
        start=f_of_mean,
        steps=(
            Step(mean_of_f, "≤",
                 "Jensen: f(E[x]) <= E[f(x)] for x ~ p and the convex f(x) = -log x, "
                 "whose second derivative 1/x^2 is positive",
                 uses=("jensen",)),
            Step(-outcomes.sum(p[k] * sp.log(x[k])), "=", "take the sign out of the sum"),
        ),
        notes=(
            "The left side is f(E_{k~p}[x_k]) and the right side E_{k~p}[f(x_k)], the "
            "document's f(E[x]) <= E[f(x)]. Its two-point version f((a+b)/2) <= "
            "(f(a)+f(b))/2 is the case p = (1/2, 1/2); for f = -log it is the AM-GM "
            "inequality sqrt(ab) <= (a+b)/2.",
            "Equality case (the question the document leaves to the reader): since -log "
            "is strictly convex, equality holds exactly when x_k takes one value on every "
            "k with p_k > 0, i.e. when the random value is constant "
            "(see jensen-equality-for-minus-log).",
            "The values x_k are sampled in (0, 1), the case of the document (x_k = q(c) "
            "is a probability). The inequality holds for every x_k > 0: replacing x by "
            "a x with a > 0 subtracts log a from both sides.",
        ),
    )
