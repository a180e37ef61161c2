r"""σ of one entry of a vector: the sigmoid, or the softmax some texts also write σ.

Bishop, and many posts after him, write ``\sigma(a_k)`` for the k-th output of the softmax
(``\sigma`` being "the sigmoid or the softmax").  Read with the sigmoid,
``\frac{\exp(a_k)}{\sum_j \exp(a_j)} = \sigma(a_k)`` fails; read with the softmax it holds.
:func:`sigma_or_softmax` decides the softmax reading of a refuted relation that applies σ
to an entry (``a_k``, ``z_{i}``): when it holds, the verdict is ``unknown`` (the text may
mean either), else the refutation stands.

>>> overloaded(r"\frac{\exp(a_k)}{\sum_j \exp(a_j)} = \sigma(a_k)")
'\\frac{\\exp(a_k)}{\\sum_j \\exp(a_j)} = \\softmax(a_k)'
>>> overloaded(r"\sigma(z) = \frac{1}{1 + e^{-z}}") is None
True
"""
from __future__ import annotations

import re

from symbolic.latex_in.units import read_again
from symbolic.verdict import Verdict

_SIGMA_OF_ENTRY = re.compile(r"\\sigma\s*(?=\(\s*(?:\\left\s*)?[A-Za-z]\s*_\s*(?:\{\s*[a-z0-9]\s*\}|[a-z0-9])\s*\))")


def overloaded(text: str) -> str | None:
    """``text`` with each σ of one entry (``\\sigma(a_k)``) written as the softmax's entry,
    or None when σ is applied to no entry."""
    return _SIGMA_OF_ENTRY.sub(r"\\softmax", text) if _SIGMA_OF_ENTRY.search(text) else None


def sigma_or_softmax(claim, verdict: Verdict, reader, decide, limits) -> Verdict:
    """``verdict``, or ``unknown`` when a refuted relation holds with σ read as the softmax.
    ``decide(claim)`` decides the other reading, read again in a worker under ``limits``."""
    if verdict.status != "refuted" or claim.lhs is None:
        return verdict
    again = read_again(claim, reader, limits, overloaded)
    softmax = decide(again) if again is not None else None
    if softmax is None or not softmax.holds:
        return verdict
    return Verdict("unknown", "none", reason=(
        f"fails with σ the sigmoid, holds with σ the softmax ({softmax.method}), which some "
        "texts also write σ: the text does not say which"))
