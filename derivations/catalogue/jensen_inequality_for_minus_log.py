"""Jensen's inequality for the convex f(x) = −log x: −log Σ p x ≤ Σ p (−log x) (seed 000).

>>> derivation().conclusion[1]
'≤'
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index, pmf, probabilities, support_size

NAME = "jensen-inequality-for-minus-log"


def derivation() -> Derivation:
    """Seed 000, Jensen section: f(E[x]) ≤ E[f(x)] for f = −log, over a pmf p."""
    K = support_size("K")
    p = pmf("p", K, zeros=True)
    x = probabilities("x", K)
    k = index("k")

    def total(body):
        return sp.Sum(body, (k, 1, K))

    return Derivation(
        name=NAME,
        title="Jensen's inequality for f(x) = -log x",
        sources=(Source("000_785bcb426b630ca2.txt", "젠센 부등식 (Jensen's inequality)"),),
        start=-sp.log(total(p[k] * x[k])),
        steps=(
            Step(total(p[k] * (-sp.log(x[k]))), "≤",
                 "Jensen: f(E[x]) <= E[f(x)] for x ~ p and the convex f(x) = -log x, "
                 "whose second derivative 1/x^2 is positive"),
            Step(-total(p[k] * sp.log(x[k])), "=", "take the sign out of the sum"),
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
