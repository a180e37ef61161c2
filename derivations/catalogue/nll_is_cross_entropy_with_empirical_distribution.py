"""The mean negative log-likelihood of a data set is H(p̂_data, p_model) (seed 003).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support, pmf

NAME = "nll-is-cross-entropy-with-empirical-distribution"


def derivation() -> Derivation:
    """Seed 003: −(1/N) Σ_i log q(y_i) = −Σ_k p̂(k) log q(k), p̂ the empirical pmf."""
    data = Support.named("N", "i")
    N, i = data.size, data.index
    y = data.binary_labels("y")  # the N observed labels, each 0 or 1
    q = pmf("q", 2)              # the model: q_1 = P(y = 0), q_2 = P(y = 1)
    ybar = data.sum(y[i]) / N    # p̂(1), the fraction of ones
    return Derivation(
        name=NAME,
        title="The mean negative log-likelihood is the cross-entropy between the "
              "empirical distribution and the model",
        sources=(Source("003_e19f8268ba8bea9e.txt", "Why Is It Called Cross-entropy Cost "
                                                    "Function?"),),
        start=-data.sum(sp.log(q[y[i] + 1])) / N,
        steps=(
            Step(-data.sum((1 - y[i]) * sp.log(q[1]) + y[i] * sp.log(q[2])) / N,
                 "=", "a label y_i is 0 or 1, so q(y_i) is q_1 when y_i = 0 and q_2 when "
                      "y_i = 1"),
            Step(-((1 - ybar) * sp.log(q[1]) + ybar * sp.log(q[2])), "=",
                 "sum over the data: log q_1 counts the zeros and log q_2 the ones, each "
                 "divided by N"),
            Step(-(1 - ybar) * sp.log(q[1]) - ybar * sp.log(q[2]), "=",
                 "this is -sum_k phat(k) log q(k) with phat(0) = 1 - mean(y) and phat(1) "
                 "= mean(y), the fractions of the data: the cross-entropy H(phat, q)"),
        ),
        notes=(
            "The empirical distribution phat_data puts mass 1/N on each data point, so "
            "the mass of a label is the fraction of the data that has it: here phat(1) "
            "= (1/N) sum_i y_i and phat(0) = 1 - phat(1). The last line is therefore "
            "-E_{y~phat}[log q(y)] = H(phat_data, p_model), the document's conclusion.",
            "The labels are binary (q indexed 1, 2 for the labels 0, 1) because the engine "
            "has no kind for a family of class labels in 1..K; the argument for K classes "
            "is the same with the count of each class in place of the count of ones.",
            "The document's p_model(y_i | x_i, theta) conditions on the input x_i; for a "
            "fixed input, or with phat the empirical joint pmf of (x, y), the identity is "
            "the same. The document's argmin steps (minimising -prod p, -sum log p, and "
            "-(1/N) sum log p give the same theta) hold because log is increasing and "
            "1/N > 0; only the minimisers are equal, not the values.",
        ),
    )
