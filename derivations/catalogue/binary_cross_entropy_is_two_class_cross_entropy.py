"""BCE(ŷ, y) = −Σ_{c=1}^2 y_c log ŷ_c with (y_1, y_2) = (y, 1 − y), (ŷ_1, ŷ_2) = (ŷ, 1 − ŷ) (seed 002).

>>> derivation().errata[0].line
324
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.objects import Support, index
from symbolic.quantities import BinaryCrossEntropy

NAME = "binary-cross-entropy-is-two-class-cross-entropy"

SEED = "002_639aed3e79f5524e.txt"


def derivation() -> Derivation:
    """Seed 002, "Extend to Multiclass Classification": BCE as a sum over two classes."""
    y = sp.Symbol("y", nonnegative=True)
    t = sp.Symbol("yhat", positive=True)
    classes = Support(2, index("c"))
    c = classes.index

    def two_class(first, second):
        return sp.Piecewise((first, sp.Eq(c, 1)), (second, True))

    wrong = Erratum(
        SEED, 324,
        wrote="log yhat^2 = 1 - log yhat",
        correction="yhat^2 = 1 - yhat, so log yhat^2 = log(1 - yhat); the log of a "
                   "difference is not a difference of logs",
        claim=(sp.log(1 - t), "=", 1 - sp.log(t)),
        context=Context(domains={t: sp.Interval.open(0, 1)}),
    )
    return Derivation(
        name=NAME,
        title="Binary cross-entropy is the cross-entropy over two classes",
        sources=(Source(SEED, "Extend to Multiclass Classification"),),
        start=BinaryCrossEntropy(t, y),
        steps=(
            Step(-y * sp.log(t) - (1 - y) * sp.log(1 - t), "=",
                 "definition of the binary cross-entropy"),
            Step(-classes.sum(two_class(y, 1 - y) * sp.log(two_class(t, 1 - t))), "=",
                 "write it as a sum over the classes c = 1, 2: class 1 has label y and probability "
                 "yhat, class 2 has label 1 - y and probability 1 - yhat, whose log is log(1 - yhat)"),
        ),
        context=Context(domains={y: sp.Interval(0, 1), t: sp.Interval.open(0, 1)}),
        notes=(
            "The last line is the cross-entropy H(y, yhat) = -sum_c y_c log yhat_c of the "
            "label distribution (y, 1 - y) and the model's distribution (yhat, 1 - yhat): "
            "the binary cross-entropy is the K = 2 case of the multiclass loss. Checked for "
            "hard labels (y = 0 or 1) and soft labels in [0, 1] alike.",
            "Erratum: the document (line 324) writes log yhat^2 = 1 - log yhat for the second "
            "class. The second class's probability is yhat^2 = 1 - yhat, so log yhat^2 = "
            "log(1 - yhat), which is not 1 - log yhat (at yhat = 1/2: log(1/2) = -0.693 but "
            "1 - log(1/2) = 1.693). The sum it motivates, -sum_c y_c log yhat_c, is right.",
            "The two-class vectors are written out as cases rather than as two pmfs: pmf "
            "samples are normalised only to float64 precision, and the 50-digit re-check then "
            "sees log(1 - yhat_1) differ from log yhat_2 when yhat_2 is tiny.",
        ),
        errata=(wrong,),
    )
