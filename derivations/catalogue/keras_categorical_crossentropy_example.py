"""Keras's CategoricalCrossentropy on seed 004's batch: (−ln 0.95 − ln 0.1)/2 ≈ 1.1769392.

>>> len(derivation().errata)
1
"""
import sympy as sp

from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.quantities import StatedDecimal

NAME = "keras-categorical-crossentropy-example"
SEED = "004_73ece5ec3713df33.txt"

Y_TRUE = ((0, 1, 0), (0, 0, 1))
Y_PRED = ((sp.Rational(5, 100), sp.Rational(95, 100), 0),
          (sp.Rational(1, 10), sp.Rational(8, 10), sp.Rational(1, 10)))


def _row(y, q):
    """-sum_k y_k log q_k, term by term; a zero prediction (its y_k is 0) gives the term 0."""
    return -sp.Add(*(sp.Mul(yk, sp.log(qk, evaluate=False), evaluate=False) if qk else sp.Integer(0)
                     for yk, qk in zip(y, q)), evaluate=False)


def derivation() -> Derivation:
    """Seed 004, Keras: the loss of each sample, then the mean over the batch."""
    rows = [_row(y, q) for y, q in zip(Y_TRUE, Y_PRED)]
    return Derivation(
        name=NAME,
        title="Keras CategoricalCrossentropy of a two-sample batch",
        sources=(Source(SEED, "케라스 크로스 엔트로피 계산 방법"),),
        start=sp.Mul(sp.Rational(1, 2), sp.Add(*rows, evaluate=False), evaluate=False),
        steps=(
            Step(sp.Mul(sp.Rational(1, 2),
                        sp.Add(-sp.log(sp.Rational(95, 100)),
                               sp.Mul(-1, sp.log(sp.Rational(1, 10), evaluate=False),
                                      evaluate=False), evaluate=False), evaluate=False), "=",
                 "each one-hot row keeps only the log of its true class: 0.95, then 0.1"),
            Step((sp.log(20) - sp.log(19) + sp.log(10)) / 2, "=",
                 "-ln(19/20) = ln 20 - ln 19 and -ln(1/10) = ln 10"),
            Step(sp.log(200) / 2 - sp.log(19) / 2, "=", "ln 20 + ln 10 = ln 200"),
            Step(StatedDecimal.from_text("1.1769392"), "≈",
                 "(0.0512933 + 2.3025851)/2 = 1.17693919: Keras's printed mean"),
        ),
        notes=(
            "Keras computes the categorical cross-entropy of each sample, "
            "-sum_k y_true[k] log y_pred[k] in nats, then averages over the batch "
            "(sum_over_batch_size). The first sample's third prediction is 0 with a true "
            "value of 0; by the convention 0 log 0 = 0 that term vanishes (Keras also "
            "clips predictions to [1e-7, 1 - 1e-7]).",
            "The per-sample losses of comparison 2 are -ln 0.95 = 0.0512932944 and "
            "-ln 0.1 = 2.302585093. The document prints 0.05129331: that is float32 "
            "arithmetic (0.95 in float32 is 0.949999988, whose -ln is 0.0512933070); "
            "exactly, the last digit is off by more than one unit (0.05129329 when "
            "rounded). 2.3025851 and the mean 1.1769392 agree with the exact values.",
            "Comparison 2 prints the list of per-sample losses; CategoricalCrossentropy "
            "with its default reduction returns only their mean, so that list comes from "
            "a call with reduction='none' (or from computing each row).",
        ),
        errata=(
            Erratum(SEED, 95, wrote="0.05129331 (the loss of the first sample)",
                    correction="-ln 0.95 = 0.0512932944..., 0.05129329 to eight digits; "
                               "0.05129331 is the float32 result",
                    claim=(-sp.log(sp.Rational(95, 100)), "≈",
                           StatedDecimal.from_text("0.05129331"))),
        ),
    )
