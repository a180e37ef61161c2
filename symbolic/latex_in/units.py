"""The unit of H, D, I and CE when the text states none: refute only what fails in both.

``H(\\frac12, \\frac12) = 1`` writes no log and names no base: it holds in bits and fails in
nats.  The reader reads such measures in nats and notes that the unit was a guess; a
relation that fails so is read again with the measures (and the logs of no written base) in
bits.  If it holds there, that verdict stands (the text meant bits); if it fails there too,
the refutation stands, unless it holds with those logs in base 10 (``\\log 100 = 2``).  A
relation whose only guess is the base of a bare log (``-\\log \\frac{1}{4} = 2``,
``2^{\\log p(x)} = p(x)``) and that holds in base 2 or 10 is ``unknown``: never refuted, and
not proved in a base the text never names.
Beside ``e^z``, ``\\exp`` or ``\\ln`` a bare log is natural and is not read again.

>>> UNIT_GUESS.startswith("the unit of")
True
"""
from __future__ import annotations

import pickle
import re
from dataclasses import replace

import sympy as sp

from symbolic.latex_in.document_doubts import UNDER_A_CONDITION
from symbolic.latex_in.errors import LatexReadError
from symbolic.verdict import Verdict

UNIT_GUESS = "the unit of "


_LATEX = {"≤": "\\le", "≥": "\\ge", "≈": "\\approx", "≠": "\\ne"}


# \log or log with no base written (not \log_2, not \ln): \log0.8 is log(0.8), but a plain
# log2(x) has its base in its name
_BARE_LOG = re.compile(r"(?:\\log(?![A-Za-z_])|(?<![A-Za-z\\])log(?![A-Za-z_0-9]))(?!\s*_)")


def read_again(claim, reader, limits, rewrite=lambda text: text):
    """``claim`` read again as its chain was (``rewrite`` applied to its text first), in a
    worker under ``limits``: the one claim read, or None when it is not one readable claim."""
    from symbolic.latex_in.reading import read_limited
    lhs, rhs = claim.read_texts or (claim.lhs_text, claim.rhs_text)
    text = rewrite(f"{lhs} {_LATEX.get(claim.relation, claim.relation)} {rhs}")
    if text is None:
        return None
    try:
        again = read_limited(text, reader, limits)
    except (LatexReadError, ValueError, TypeError, RecursionError):
        return None
    if len(again) != 1 or again[0].error is not None or again[0].lhs is None:
        return None
    return again[0]


def in_bits(claim, reader, decide, limits, base: int = 2):
    """The verdict on ``claim`` with its measures and its logs of no written base in base
    ``base`` (bits for 2), or None when neither unit nor base was a guess (the text states
    a base) or it cannot be read again.  The relation is read again as the chain was, in a
    worker under ``limits``; ``decide(claim)`` decides the reading."""
    lhs, rhs = claim.read_texts or (claim.lhs_text, claim.rhs_text)
    both = f"{lhs} {rhs}"    # beside e^z, \exp or \ln a bare log is natural: log(1 + e^z)
    bare = reader.sem.log_base is None and bool(_BARE_LOG.search(both)) and \
        not re.search(r"(?<![A-Za-z\\])e\s*\^|\\exp(?![A-Za-z])|\\ln(?![A-Za-z])", both)
    if claim.lhs is None or not (bare or any(d.startswith(UNIT_GUESS) for d in claim.doubts)):
        return None
    saved = pickle.dumps(reader.sem)
    reader.sem.log_base = sp.Integer(base)
    try:
        again = read_again(claim, reader, limits)
    finally:
        reader.sem = pickle.loads(saved)
    if again is None:
        return None
    twin = replace(again, doubts=[d for d in again.doubts if not d.startswith(UNIT_GUESS)])
    verdict = decide(twin)
    if verdict.status == "refuted" and twin.doubts:
        return None        # the bits reading has doubts of its own: no refutation from it
    unit = "with the measures in bits" if base == 2 else f"with logs in base {base}"
    return replace(verdict, method=f"{verdict.method}, {unit}")


def unit_free(claim) -> bool:
    r"""Does ``claim`` hold in one base of its logs exactly when it holds in any other?  So
    when no number but 0 and ±1 is in it, written or read (``H(X, Y) = H(X) - H(Y|X)``,
    ``\mathbb{E}_Q[\log p] - D_{KL}(q \| p)``): changing the base then scales every log and
    every measure alike, so the bits reading needs no deciding of its own.

    >>> from symbolic.latex_in.chains import Claim
    >>> x, y = sp.symbols("x y", positive=True)
    >>> unit_free(Claim("=", "H(X)", "H(Y)", 0, lhs=sp.log(x), rhs=-sp.log(y)))
    True
    >>> unit_free(Claim("=", "H(X)", "1", 0, lhs=sp.log(x), rhs=sp.Integer(1)))
    False
    """
    texts = " ".join(claim.read_texts or (claim.lhs_text, claim.rhs_text))
    sides = (claim.lhs, claim.rhs)
    return not re.search(r"\d", texts) and all(
        isinstance(e, sp.Basic) and e.atoms(sp.Number) <= {sp.S.Zero, sp.S.One, sp.S.NegativeOne}
        and not e.has(sp.exp, sp.E, sp.pi) for e in sides)     # e^{\log x} = x: base e only


def either_unit(claim, verdict, reader, decide, limits):
    """``verdict`` (in nats) or, for a failure whose unit was a guess, the bits reading's:
    its verdict if it holds; the refutation with the guess settled if it fails too."""
    if verdict.status != "refuted":
        return verdict
    if unit_free(claim):        # fails in bits as in nats: the guess of the unit is settled
        claim.doubts = [d for d in claim.doubts if not d.startswith(UNIT_GUESS)]
        return verdict
    bits = in_bits(claim, reader, decide, limits)
    if bits is None:
        return verdict
    if bits.status == "refuted":
        tens = in_bits(claim, reader, decide, limits, base=10)   # \log 100 = 2
        if tens is not None and tens.holds:
            return Verdict("unknown", "none", reason=(
                "fails with its logs in base e and 2, holds in base 10: the text states no "
                "base"))
        # the base was the one guess of arithmetic in numbers and logs (\log 8 = 5 under "if
        # it rains"): failing in every base, it fails under any condition the prose states
        closed = tens is not None and all(isinstance(e, sp.Basic) and not e.free_symbols
                                          for e in (claim.lhs, claim.rhs))
        claim.doubts = [d for d in claim.doubts if not d.startswith(UNIT_GUESS) and
                        not (closed and d.startswith(UNDER_A_CONDITION))]
        return verdict
    if bits.holds and not any(d.startswith(UNIT_GUESS) for d in claim.doubts):
        return Verdict("unknown", "none", reason=(   # a bare log's base is not the measures'
            f"fails with its logs in base e, holds in base 2 ({bits.method}): the text states "
            "no base"))
    return bits if bits.holds else verdict
