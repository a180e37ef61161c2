"""Named lemmas with side conditions, case splits, and exact bounds for stated decimals.

A step that SymPy cannot close on its own is proved here: by a lemma of the
library (:mod:`symbolic.lemmas.library`), by splitting into cases
(:mod:`symbolic.lemmas.cases`), or, for a stated decimal, by interval
arithmetic (:mod:`symbolic.lemmas.decimals`).

>>> [lemma.name for lemma in LEMMAS][:3]
['surprisal-nonnegative', 'log-at-most-x-minus-1', 'gibbs']
"""
from symbolic.lemmas.base import Lemma, Proof
from symbolic.lemmas.library import LEMMAS, lemma_named, prove_equivalence, prove_order

__all__ = ["LEMMAS", "Lemma", "Proof", "lemma_named", "prove_equivalence", "prove_order"]
