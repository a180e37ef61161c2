"""logit(p) = log odds(p) = log p − log(1 − p) = −logit(1 − p) (seed 002).

>>> derivation().name
'logit-is-log-odds'
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.quantities import Logit, Odds

NAME = "logit-is-log-odds"


def derivation() -> Derivation:
    """Seed 002, section "logit": the logit is the logarithm of the odds."""
    p = sp.Symbol("p", positive=True)
    return Derivation(
        name=NAME,
        title="The logit is the log-odds",
        sources=(Source("002_639aed3e79f5524e.txt", "logit"),),
        start=Logit(p),
        steps=(
            Step(sp.log(p / (1 - p)), "=", "definition of the logit"),
            Step(sp.log(Odds(p)), "=", "p/(1 - p) is the odds of an event of probability p"),
            Step(sp.log(p) - sp.log(1 - p), "=",
                 "the log turns the ratio into a difference: log(a/b) = log a - log b"),
            Step(-Logit(1 - p), "=",
                 "the same difference with the roles of win and loss swapped, negated"),
        ),
        context=Context(domains={p: sp.Interval.open(0, 1)}),
        notes=(
            "The logit maps (0, 1) onto the whole real line: it is negative for p < 1/2, "
            "zero at p = 1/2 (even odds) and positive for p > 1/2. Swapping the roles of "
            "winning and losing flips its sign (last step).",
            "The sigmoid is its inverse: see sigmoid-is-inverse-logit.",
        ),
    )
