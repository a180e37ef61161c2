"""The unit of H, D, I and CE when the text states none: refute only what fails in both.

``H(\\frac12, \\frac12) = 1`` writes no log and names no base: it holds in bits and fails in
nats.  The reader reads such measures in nats and notes that the unit was a guess; a
relation that fails so is read again with the measures in bits.  If it holds there, that
verdict stands (the text meant bits); if it fails there too, the refutation stands.

>>> UNIT_GUESS.startswith("the unit of")
True
"""
from __future__ import annotations

import pickle
from dataclasses import replace

import sympy as sp

from symbolic.latex_in.errors import LatexReadError

UNIT_GUESS = "the unit of "


_LATEX = {"≤": "\\le", "≥": "\\ge", "≈": "\\approx", "≠": "\\ne"}


def in_bits(claim, reader, decide, limits):
    """The verdict on ``claim`` with its measures in bits, or None when its unit was not a
    guess or it cannot be read again.  The relation is read again as the chain was, in a
    worker under ``limits``; ``decide(claim)`` decides the reading."""
    from symbolic.latex_in.reading import read_limited
    if claim.lhs is None or not any(d.startswith(UNIT_GUESS) for d in claim.doubts):
        return None
    lhs, rhs = claim.read_texts or (claim.lhs_text, claim.rhs_text)
    text = f"{lhs} {_LATEX.get(claim.relation, claim.relation)} {rhs}"
    saved = pickle.dumps(reader.sem)
    reader.sem.log_base = sp.Integer(2)
    try:
        again = read_limited(text, reader, limits)
    except (LatexReadError, ValueError, TypeError, RecursionError):
        return None
    finally:
        reader.sem = pickle.loads(saved)
    if len(again) != 1 or again[0].error is not None or again[0].lhs is None:
        return None
    twin = replace(again[0], doubts=[d for d in again[0].doubts
                                     if not d.startswith(UNIT_GUESS)])
    verdict = decide(twin)
    if verdict.status == "refuted" and twin.doubts:
        return None        # the bits reading has doubts of its own: no refutation from it
    return replace(verdict, method=f"{verdict.method}, with the measures in bits")


def either_unit(claim, verdict, reader, decide, limits):
    """``verdict`` (in nats) or, for a failure whose unit was a guess, the bits reading's:
    its verdict if it holds; the refutation with the guess settled if it fails too."""
    if verdict.status != "refuted":
        return verdict
    bits = in_bits(claim, reader, decide, limits)
    if bits is None:
        return verdict
    if bits.status == "refuted":
        claim.doubts = [d for d in claim.doubts if not d.startswith(UNIT_GUESS)]
        return verdict
    return bits if bits.holds else verdict
