"""Mean negative Bernoulli log-likelihood = mean binary cross-entropy (seed 002).

>>> derivation().conclusion[1]
'='
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import Support
from symbolic.quantities import BinaryCrossEntropy

NAME = "bernoulli-likelihood-to-binary-cross-entropy"


def derivation() -> Derivation:
    """Seed 002, "Back to Binary Classification": likelihood, log-likelihood, NLL, BCE."""
    data = Support.named("n", "i")
    n, i = data.size, data.index
    yhat, y = data.probabilities("yhat"), data.binary_labels("y")
    bernoulli = yhat[i] ** y[i] * (1 - yhat[i]) ** (1 - y[i])
    cases = sp.Piecewise((yhat[i], sp.Eq(y[i], 1)), (1 - yhat[i], True))
    mean = sp.Rational(1, 1) / n
    return Derivation(
        name=NAME,
        title="The mean negative Bernoulli log-likelihood is the mean binary cross-entropy",
        sources=(Source("002_639aed3e79f5524e.txt", "Back to Binary Classification"),),
        start=-mean * sp.log(data.product(bernoulli)),
        steps=(
            Step(-mean * sp.log(data.product(cases)), "=",
                 "the Bernoulli pmf picks yhat when the label is 1 and 1 - yhat when it is 0"),
            Step(-mean * data.sum(sp.log(bernoulli)), "=",
                 "the log of a product of positive factors is the sum of their logs"),
            Step(-mean * (data.sum(sp.log(yhat[i] ** y[i]))
                          + data.sum(sp.log((1 - yhat[i]) ** (1 - y[i])))), "=",
                 "log(ab) = log a + log b, and a sum of sums splits"),
            Step(-mean * (data.sum(y[i] * sp.log(yhat[i]))
                          + data.sum((1 - y[i]) * sp.log(1 - yhat[i]))), "=",
                 "log(a to the power b) = b log a: the log-likelihood the document maximises"),
            Step(-mean * data.sum(y[i] * sp.log(yhat[i]) + (1 - y[i]) * sp.log(1 - yhat[i])), "=",
                 "merge the two sums over the same n data points"),
            Step(mean * data.sum(BinaryCrossEntropy(yhat[i], y[i])), "=",
                 "definition of the binary cross-entropy of one data point"),
        ),
        context=Context(),
        notes=(
            "The chain starts from -(1/n) log L, the negative log-likelihood averaged over "
            "the n data points, with L = prod_i yhat_i to the power y_i times (1 - yhat_i) "
            "to the power 1 - y_i for independent labels y_i in {0, 1} and predictions "
            "yhat_i = sigma(f(x_i)) in (0, 1). Maximising L, maximising log L, minimising "
            "-log L and minimising the mean BCE all have the same solutions: log is "
            "increasing and 1/n > 0.",
            "The document writes the likelihood (line 241) and the case split (lines "
            "249-252) with exponents y instead of y_i; each factor uses its own label y_i. "
            "Its first case, yhat to the power y where y = 1, is just yhat.",
            "The document calls the Bernoulli distribution 'binomial' (이항분포) and its "
            "formula a probability density; it is the probability mass function of a "
            "Bernoulli (베르누이) distribution, a binomial with a single trial.",
        ),
    )
