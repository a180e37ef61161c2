"""Reading that a function is convex: the words of the prose.

A document that says f is convex (a sentence of its prose — "convex function $f$",
"볼록함수 $f$" — or ``<!-- infoderive: assume f convex -->``) and then writes a relation
in f claims it for every convex f; the reader keeps f as an undefined function and the
engine checks the relation on a family of convex functions (:mod:`symbolic.convex`,
re-exported here).

>>> import re
>>> bool(re.search(CONVEX_WORDS, "a convex function")), bool(re.search(NOT_CONVEX, "concave"))
(True, True)
"""
from __future__ import annotations

from symbolic.convex import convex_functions, family  # noqa: F401

CONVEX_WORDS = r"convex|볼록"
NOT_CONVEX = r"concave|not\s+convex|non-?convex|오목|아니|않"
