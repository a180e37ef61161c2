r"""A sum written without brackets, read both ways.

``-\sum_{i=1}^n y_i \log p_i + (1-y_i)\log(1-p_i)`` uses the index after the first term, where
nothing binds it: the author means the sum to run to the end of its group, and the reader reads
it so, with a doubt (read strictly, the sum takes the first term only and i is free after it).
A failure of that reading alone is not the author's error.  When the strict reading fails as
well, the relation is false whichever the author meant, and the doubt goes.
"""
from __future__ import annotations

from dataclasses import replace

from symbolic.latex_in.errors import LatexReadError

#: the words of the reader's doubt on a sum it ran to the end of its group
WHOLE_BODY = "is read to the end of its group"


def read_strictly(claim, reader):
    r"""``claim`` read again with each sum taking its first term only, or None when a side does
    not read so or reads as before.

    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.parse import Reader
    >>> reader = Reader()
    >>> text = r"\sum_{i=1}^n a_i + b_i"
    >>> claim = Claim("=", text, "c", 0, lhs=reader.read_side(text), rhs=reader.read_side("c"))
    >>> claim.lhs, read_strictly(claim, reader).lhs     # b_i after the sum: no family's entry
    (Sum(a[i] + b[i], (i, 1, n)), b_i + Sum(a[i], (i, 1, n)))
    """
    doubts = reader.doubts          # start_chain puts a new list in; the twin's go with it
    reader.strict_sums = True
    try:
        reader.start_chain([claim.lhs_text, claim.rhs_text])   # what the chain's reading knew
        lhs, rhs = reader.read_side(claim.lhs_text, 0, 0), reader.read_side(claim.rhs_text, 0, 0)
    except (LatexReadError, ValueError, TypeError, RecursionError, AttributeError):
        return None      # a twin that does not read keeps the doubt
    finally:
        reader.strict_sums = False
        reader.doubts = doubts
    if (lhs, rhs) == (claim.lhs, claim.rhs):
        return None
    return replace(claim, lhs=lhs, rhs=rhs, context=reader.sem.context([lhs, rhs]))


def strict_reading_fails(claim, verdict, reader, decide) -> None:
    """On a refuted ``claim`` whose sum the reader ran to the end of its group, decide the
    strict reading (``decide(twin)``); when it fails too, take the doubt away (in place)."""
    if verdict.status != "refuted" or not any(WHOLE_BODY in d for d in claim.doubts):
        return
    try:
        twin = read_strictly(claim, reader)
        failed = twin is not None and decide(twin).status == "refuted"
    except Exception:        # noqa: BLE001  (a twin that cannot be decided keeps the doubt)
        return
    if failed:
        claim.doubts = [d for d in claim.doubts if WHOLE_BODY not in d]
