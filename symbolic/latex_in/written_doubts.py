"""Doubts of a failure that come from how a relation is written, not from what it says
(docs/latex.md, "Read since the thirty-first session"): a bare I beside matrices, a function
applied and raised to -1, and two numbers set equal in the prose.

>>> from types import SimpleNamespace as Row
>>> written_doubts(Row(lhs_text="P (I - P)", rhs_text="P - P^2"), {"I": 0.5, "P": 0.2})[0][:33]
'I, drawn here as a number, is mos'
>>> written_doubts(Row(lhs_text="(b'(\\theta))^{-1}", rhs_text="\\log p"), {"theta": 1.0})
["(b'(θ))^{-1} may name the inverse function, written as a power"]
"""
from __future__ import annotations

import re


def written_doubts(claim, values: dict) -> list[str]:
    """The doubts a failure at ``values`` (the counterexample's) keeps from how ``claim`` is
    written: a bare ``I`` drawn as a number (most likely the identity matrix), and a function
    applied and raised to -1 (``(b'(\\theta))^{-1}``, perhaps the inverse function)."""
    out = []
    if any(_IDENTITY_NAME.fullmatch(str(name)) for name in values):   # \Pi (I - \Pi) = \Pi - \Pi^2
        out.append("I, drawn here as a number, is most likely the identity matrix (1 for a "
                   "number), which the reader does not read")
    if _RECIPROCAL_OF_APPLIED.search(claim.lhs_text + " = " + claim.rhs_text):
        out.append("(b'(θ))^{-1} may name the inverse function, written as a power")
    return out


def numbers_set_equal(claim) -> str | None:
    """The doubt of inline math that sets two numbers, each written alone, equal outside a
    chain (``ta đã coi điểm $1 = 4$``, "we treated score 1 as 4"): a mapping or a convention of
    the prose, not a computation.  Arithmetic (``2 + 2 = 5``) and a chain's step are claims.

    >>> from types import SimpleNamespace as Row
    >>> numbers_set_equal(Row(relation="=", chain_step=False, lhs_text="1", rhs_text=" 4"))[:31]
    'two numbers, each written alone'
    >>> numbers_set_equal(Row(relation="=", chain_step=False, lhs_text="2 + 2", rhs_text="5"))
    """
    if claim.relation == "=" and not claim.chain_step and \
            all(_BARE_NUMBER.fullmatch(side) for side in (claim.lhs_text, claim.rhs_text)):
        return ("two numbers, each written alone, set equal ('we treated 1 = 4'): a mapping or "
                "a convention of the prose, not a computation")
    return None


_IDENTITY_NAME = re.compile(r"(?:math(?:bf|bb|rm)\{)?I(?:_\{?\w+\}?)?\}?")
_BARE_NUMBER = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*")
# (b'(\theta))^{-1}, \left(g(x)\right)^{-1}: a function applied, then raised to -1
_RECIPROCAL_OF_APPLIED = re.compile(r"\((?:\s*\\left\s*\()?\s*\\?[A-Za-z]+(?:'|\^\s*\{?\s*\\prime\s*\}?)*\s*"
                                    r"(?:\\left\s*)?\([^()]*(?:\\right\s*)?\)\s*(?:\\right\s*)?\)\s*\^\s*\{?\s*-\s*1")


