"""Numeric reference implementations of the information measures and losses.

Vectorised over the last axis (the last two for joint pmfs indexed ``[x, y]``),
float64, numpy in and out, one value per row, no reduction.  Every function
takes ``base=`` (default e).  Conventions: 0 log 0 = 0; KL and cross-entropy
are +inf where ``q = 0 < p``; NaN, negative or unnormalised probabilities
raise ``ValueError`` naming the argument and the row.  Rows must sum to 1
within :data:`NORMALISATION_TOLERANCE` (1e-9) and are never renormalised.

Accuracy: worst relative error within 4 ulps of a 60-digit mpmath reference on
the adversarial suite of :mod:`symbolic.numeric.adversarial` (see
``docs/accuracy.md``).

>>> from symbolic.numeric import cross_entropy_from_logits, kl_divergence
>>> float(cross_entropy_from_logits([[1e4, 0.0]], [1])[0])
10000.0
>>> float(kl_divergence([0.5, 0.5], [0.5, 0.5]))
0.0
"""
from ._checks import NORMALISATION_TOLERANCE
from .logits import (binary_cross_entropy, binary_cross_entropy_with_logits,
                     cross_entropy_from_logits, log_softmax, logit, logsumexp,
                     sigmoid, softmax)
from .measures import (conditional_entropy, cross_entropy, entropy, joint_entropy,
                       kl_divergence, mutual_information)

__all__ = [
    "NORMALISATION_TOLERANCE",
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "joint_entropy",
    "conditional_entropy",
    "mutual_information",
    "sigmoid",
    "logit",
    "softmax",
    "log_softmax",
    "logsumexp",
    "cross_entropy_from_logits",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
]
