"""softmax(z)_i = (odds of i) / (sum of odds), odds taken against a reference class (seed 002).

>>> len(derivation().errata)
1
"""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.objects import Support, index
from symbolic.quantities import Odds, Softmax

NAME = "softmax-is-odds-over-sum-of-odds"

SEED = "002_639aed3e79f5524e.txt"


def derivation() -> Derivation:
    """Seed 002, section "softmax": softmax = single odds / sum of odds."""
    classes = Support.named("K", "k")
    K, k = classes.size, classes.index
    i = index("i")
    z, p = classes.logits("z"), classes.pmf("p")
    wrong = Erratum(
        SEED, 98,
        wrote="softmax = single odds / sum of odds, with the odds of a class "
              "being p/(1 - p) as defined in equation (1) and e^x = e^{log odds} = odds",
        correction="with odds p_i/(1 - p_i) the ratio single odds / sum of odds is not "
                   "p_i; it is p_i only for odds against one common reference class, "
                   "p_i/p_K = e^{z_i - z_K}",
        claim=(p[i], "=", Odds(p[i]) / classes.sum(Odds(p[k]))),
    )
    return Derivation(
        name=NAME,
        title="Softmax is a single odds over the sum of odds",
        sources=(Source(SEED, "softmax"),),
        start=Softmax(z, i),
        steps=(
            Step(sp.exp(z[i]) / classes.sum(sp.exp(z[k])), "=", "definition of the softmax"),
            Step((sp.exp(z[i]) / sp.exp(z[K])) / classes.sum(sp.exp(z[k]) / sp.exp(z[K])), "=",
                 "divide numerator and denominator by the same positive number, exp of z K"),
            Step(sp.exp(z[i] - z[K]) / classes.sum(sp.exp(z[k] - z[K])), "=",
                 "exp(a) / exp(b) = exp(a - b)"),
            Step((Softmax(z, i) / Softmax(z, K)) / classes.sum(Softmax(z, k) / Softmax(z, K)), "=",
                 "exp(z i - z K) is the ratio of the softmax probabilities of classes i and K: "
                 "the odds of class i against the reference class K under the model"),
        ),
        context=Context(),
        notes=(
            "Read this way the document's slogan holds: exponentiated logits are odds, and "
            "normalising one odds by the sum of all of them gives a probability. But the "
            "odds must all be taken against the same reference (here class K, whose own odds "
            "are 1): e^{z_i - z_K} = p_i/p_K. Adding a constant to every logit only changes "
            "the reference, which is why softmax is shift invariant "
            "(log-sum-exp-is-shift-equivariant).",
            "The document puts the odds in [0, +infinity); an exponential is never 0, so the "
            "odds e^x of a finite logit lie in (0, +infinity).",
            "Erratum: the document identifies e^x with the odds p/(1 - p) of equation (1). "
            "With those odds the slogan is false: for p = (0.8, 0.2) the odds are 4 and 1/4, "
            "and 4/(4 + 1/4) = 16/17 = 0.94, not 0.8. For K = 2 the logit z_1 - z_2 is the "
            "log-odds p_1/(1 - p_1) of the first class, which is the reference-class reading "
            "with reference class 2.",
        ),
        errata=(wrong,),
    )
