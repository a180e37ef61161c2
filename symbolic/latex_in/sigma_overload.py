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


# \sigma(x)_i, \sigma(\mathbf{z})_{j}: σ of a whole vector, then one entry
_SIGMA_OF_VECTOR = re.compile(r"\\sigma\s*\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-z])\s*\}|([a-z]))\s*\)(?=\s*_)")
# … with its one index: \sigma(x)_i, \sigma(x)_{1}
_SIGMA_AT_ENTRY = re.compile(_SIGMA_OF_VECTOR.pattern + r"\s*_\s*(?:\{\s*([a-z0-9])\s*\}|([a-z0-9]))")


def vector_entries(text: str) -> str:
    """``text`` with σ of a whole vector taken at an entry (``\\sigma(x)_i``) written as the
    softmax's entry: a scalar sigmoid has no entries.  σ applied entrywise (σ(x)_i = σ(x_i))
    is the other reading, which :func:`sigma_or_softmax` tries before a refutation.

    >>> vector_entries(r"\\sigma(x)_i (1 - \\sigma(x)_i)")
    '\\\\softmax(x)_i (1 - \\\\softmax(x)_i)'
    """
    return _SIGMA_OF_VECTOR.sub(lambda m: f"\\softmax({m.group(1) or m.group(2)})", text)


def entrywise(text: str) -> str | None:
    """``text`` with σ of a vector at an entry read as σ of the entry (``\\sigma(x)_i``:
    ``\\sigma(x_{i})``), or None when it writes none.

    >>> entrywise(r"\\sigma(\\mathbf{z})_j + 1")
    '\\\\sigma(z_{j}) + 1'
    """
    def of_entry(m):
        return f"\\sigma({m.group(1) or m.group(2)}_{{{m.group(3) or m.group(4)}}})"
    return _SIGMA_AT_ENTRY.sub(of_entry, text) if _SIGMA_AT_ENTRY.search(text) else None


def overloaded(text: str) -> str | None:
    """``text`` with each σ of one entry (``\\sigma(a_k)``) written as the softmax's entry,
    or None when σ is applied to no entry."""
    return _SIGMA_OF_ENTRY.sub(r"\\softmax", text) if _SIGMA_OF_ENTRY.search(text) else None


_SIGMA_OF_ONE = re.compile(r"\s*\\sigma\s*(?:\\left\s*)?\(\s*([A-Za-z](?:_\{?\w\}?)?|\\[a-z]+)\s*"
                           r"(?:\\right\s*)?\)\s*")
_EXPONENTIAL = re.compile(r"\\exp|\bexp|\be\s*\^|\\sigma|\\mathrm\{e\}|\\frac\s*\{\s*1\s*\}")


def another_activation(lhs_text: str, rhs_text: str) -> bool:
    r"""Is ``\sigma(z) = rhs`` the text naming another activation σ (ReLU, tanh, a step), not
    a claim about the sigmoid?  So read when the right side has no exponential (no ``e^``,
    ``\exp``, ``\frac{1}{…}``) and no σ: a slip in the sigmoid's formula keeps its e.

    >>> another_activation(r"\sigma(z)", "max(0,z)"), another_activation(r"\sigma(z)", r"\tanh(z)")
    (True, True)
    >>> another_activation(r"\sigma(z)", r"\frac{1}{1 - e^{-z}}"), another_activation("f(z)", "z")
    (False, False)
    """
    of_one = _SIGMA_OF_ONE.fullmatch(lhs_text or "")
    return bool(of_one) and bool(re.search(re.escape(of_one.group(1)) + r"(?![A-Za-z])",
                                           rhs_text or "")) and not _EXPONENTIAL.search(rhs_text)


_SIGMA_AT = re.compile(r"\\sigma\s*(?:\\left\s*)?\(\s*([A-Za-z])\s*_\s*\{?\s*(\w+)\s*\}?\s*(?:\\right\s*)?\)")
_IN_ENTRY = re.compile(r"\\partial\s*([A-Za-z])\s*_\s*\{?\s*(\w+)\s*\}?")


def coupled_entries(text: str) -> bool:
    r"""Does ``text`` differentiate σ of one entry in another entry of the same vector
    (``\frac{\partial \log \sigma(A_{11})}{\partial A_{13}}``)?  With σ the sigmoid that is
    0, which no one writes out: the text's σ couples the entries, a softmax.

    >>> coupled_entries(r"\frac{\partial \log(\sigma(A_{11}))}{\partial A_{13}}")
    True
    >>> coupled_entries(r"\frac{\partial \sigma(z_i)}{\partial z_i}")
    False
    """
    applied = {(m.group(1), m.group(2)) for m in _SIGMA_AT.finditer(text)}
    # written entries only (11 and 13): σ(z_i) in z_k may be the case k = i
    return any(letter == name and index != entry and index.isdigit() and entry.isdigit()
               for letter, index in applied
               for name, entry in ((m.group(1), m.group(2)) for m in _IN_ENTRY.finditer(text)))


def sigma_or_softmax(claim, verdict: Verdict, reader, decide, limits) -> Verdict:
    """``verdict``, or ``unknown`` when a refuted relation holds with σ read as the softmax.
    ``decide(claim)`` decides the other reading, read again in a worker under ``limits``."""
    if verdict.status != "refuted" or claim.lhs is None:
        return verdict
    if claim.relation == "=" and another_activation(claim.lhs_text, claim.rhs_text):
        return Verdict("unknown", "none", reason=(
            "σ(z) is set here to a function with no exponential in it: the text names another "
            "activation σ, not the sigmoid"))
    if coupled_entries(claim.lhs_text + " = " + claim.rhs_text):
        return Verdict("unknown", "none", reason=(
            "σ of one entry is differentiated in another entry, which is 0 for the sigmoid: "
            "the text's σ couples the entries (a softmax), and which one it is is not read"))
    again = read_again(claim, reader, limits, overloaded)
    softmax = decide(again) if again is not None else None
    if softmax is not None and softmax.holds:
        return Verdict("unknown", "none", reason=(
            f"fails with σ the sigmoid, holds with σ the softmax ({softmax.method}), which some "
            "texts also write σ: the text does not say which"))
    again = read_again(claim, reader, limits, entrywise)
    sigmoid = decide(again) if again is not None else None
    if sigmoid is not None and sigmoid.holds:
        return Verdict("unknown", "none", reason=(
            f"fails with σ(x)_i the softmax's entry, holds with σ applied entrywise "
            f"({sigmoid.method}): the text does not say which"))
    return verdict
