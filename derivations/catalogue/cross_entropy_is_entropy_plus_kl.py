"""H(P, Q) = H(P) + KL(P‖Q), with KL(P‖Q) = −Σ P log(Q/P) as seed 004 writes it.

>>> len(derivation().errata)
2
"""
import sympy as sp

from symbolic.derivation import Derivation, Erratum, Source, Step
from symbolic.objects import Support
from symbolic.quantities import CrossEntropy, Entropy, KLDivergence

NAME = "cross-entropy-is-entropy-plus-kl"
SEED_004 = "004_73ece5ec3713df33.txt"


def derivation() -> Derivation:
    """Seeds 001 (Cross entropy) and 004 (cross-entropy and KLD): CE = H + KL."""
    outcomes = Support.named("K", "k")
    P, Q = outcomes.pmf("P"), outcomes.pmf("Q")
    k = outcomes.index

    wrong = (CrossEntropy(P, Q), "=", KLDivergence(P, Q))
    return Derivation(
        name=NAME,
        title="Cross-entropy is entropy plus KL divergence",
        sources=(Source("001_9d059b10c48cc65c.txt", "Cross entropy"),
                 Source(SEED_004, "크로스 엔트로피와 KLD")),
        start=Entropy(P) + KLDivergence(P, Q),
        steps=(
            Step(-outcomes.sum(P[k] * sp.log(P[k])) - outcomes.sum(P[k] * sp.log(Q[k] / P[k])), "=",
                 "H(P) = -sum P log P, and KL(P||Q) = -sum P log(Q/P) as seed 004 writes it"),
            Step(-outcomes.sum(P[k] * (sp.log(P[k]) + sp.log(Q[k]) - sp.log(P[k]))), "=",
                 "one sum, and log(Q/P) = log Q - log P"),
            Step(-outcomes.sum(P[k] * sp.log(Q[k])), "=", "log P cancels"),
            Step(CrossEntropy(P, Q), "=", "definition of the cross-entropy H(P, Q)"),
        ),
        notes=(
            "Seed 004's sign convention is right: KL(P||Q) = -sum P(x) log(Q(x)/P(x)) "
            "equals the usual sum P(x) log(P(x)/Q(x)), since log(Q/P) = -log(P/Q). "
            "Seed 001 states the same identity in figures 3 and 8 (images, not text).",
            "Read in bits (log base 2): H(P) is the average number of bits to code events "
            "of P with a code made for P, KL(P||Q) the extra bits paid for using a code "
            "made for Q, and H(P, Q) their total. Since H(P) does not depend on the "
            "model Q, minimising H(P, Q) and minimising KL(P||Q) over Q are the same, "
            "which is what both documents conclude.",
            "Seed 004 lines 54 and 58 (the Korean text and the English quote it "
            "translates) call the cross-entropy of Q from P the number of additional bits "
            "needed to represent an event using Q instead of P. The additional bits are "
            "KL(P||Q) = H(P, Q) - H(P); the cross-entropy is the total. The same document "
            "says it correctly on lines 115-116.",
        ),
        errata=(
            Erratum(SEED_004, 54,
                    wrote="P에서 Q로의 크로스 엔트로피는 P 대신 Q를 사용해 사건을 표현할 때 "
                          "추가적으로 필요한 bit의 수",
                    correction="the additional bits are KL(P||Q) = H(P, Q) - H(P); the "
                               "cross-entropy H(P, Q) is the total number of bits",
                    claim=wrong),
            Erratum(SEED_004, 58,
                    wrote="the cross-entropy of Q from P is the number of additional bits to "
                          "represent an event using Q instead of P",
                    correction="the additional bits are KL(P||Q) = H(P, Q) - H(P); the "
                               "cross-entropy H(P, Q) is the total number of bits",
                    claim=wrong),
        ),
    )
