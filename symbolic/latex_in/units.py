"""The unit of H, D, I and CE when the text states none: refute only what fails in both.

``H(\\frac12, \\frac12) = 1`` writes no log and names no base: it holds in bits and fails in
nats.  The reader reads such measures in nats and notes that the unit was a guess; a
relation that fails so is read again with the measures in bits.  If it holds there, that
verdict stands (the text meant bits); if it fails there too, the refutation stands.

>>> UNIT_GUESS.startswith("the unit of")
True
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symbolic.latex_in.errors import LatexReadError

UNIT_GUESS = "the unit of "


def in_bits(claim, reader, decide):
    """The verdict on ``claim`` with its measures in bits, or None when its unit was not a
    guess or it cannot be read again (``decide(claim)`` decides the twin)."""
    if claim.lhs is None or not any(d.startswith(UNIT_GUESS) for d in claim.doubts):
        return None
    saved = reader.sem.log_base
    reader.sem.log_base = sp.Integer(2)
    try:
        texts = claim.read_texts or (claim.lhs_text, claim.rhs_text)
        lhs, rhs = (reader.read_side(t, claim.position) for t in texts)
    except (LatexReadError, ValueError, TypeError, RecursionError):
        return None
    finally:
        reader.sem.log_base = saved
    twin = replace(claim, lhs=lhs, rhs=rhs,
                   doubts=[d for d in claim.doubts if not d.startswith(UNIT_GUESS)])
    verdict = decide(twin)
    return replace(verdict, method=f"{verdict.method}, with the measures in bits")


def either_unit(claim, verdict, reader, decide):
    """``verdict`` (in nats) or, for a failure whose unit was a guess, the bits reading's:
    its verdict if it holds; the refutation with the guess settled if it fails too."""
    if verdict.status != "refuted":
        return verdict
    bits = in_bits(claim, reader, decide)
    if bits is None:
        return verdict
    if bits.status == "refuted":
        claim.doubts = [d for d in claim.doubts if not d.startswith(UNIT_GUESS)]
        return verdict
    return bits if bits.holds else verdict
