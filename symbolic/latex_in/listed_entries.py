r"""A relation between two lists of the same length is one relation per entry.

``[e^1, e^{-2}, e^0] = [2.71, 0.14, 1]`` states ``e^1 = 2.71``, ``e^{-2} = 0.14`` and
``e^0 = 1``; each is read and decided as its own row.
"""
from __future__ import annotations

import re

from symbolic.latex_in.relations import split_chain  # noqa: F401  (doctests)
from symbolic.latex_in.scan import matching, split_top

_LISTED = re.compile(r"\s*(?:\\left\s*)?\[(.*)(?:\\right\s*)?\]\s*[.,]?\s*|\s*(?:\\left\s*)?\((.*)(?:\\right\s*)?\)\s*[.,]?\s*",
                     re.S)


def _one_bracket(side: str) -> bool:
    """Does the bracket that opens ``side`` close at its end (not ``(a + 1) \\cdot (1, 2)``)?"""
    t = re.sub(r"\\(?:left|right)(?![A-Za-z])", "", side).strip().rstrip(".,").strip()
    return bool(t) and t[0] in "([" and matching(t, 0) == len(t) - 1


def listed_entries(chain) -> list:
    r"""``[e^1, e^{-2}, e^0] = [2.71, 0.14, 1]``: the rows ``e^1 = 2.71``, … of a relation
    between two lists of the same length (``=`` or ``\approx`` only); [] otherwise.

    >>> listed_entries(split_chain(r"[e^1, e^{-2}] \approx [2.72, 0.14]"))
    ['e^1 \\approx 2.72', 'e^{-2} \\approx 0.14']
    >>> listed_entries(split_chain(r"(a + b)(a - b) = a^2 - b^2"))
    []
    >>> listed_entries(split_chain(r"(0.5 - 1) \\cdot (1, 2) = (-0.5, -1)"))
    []
    """
    if len(chain.relations) != 1 or chain.relations[0].symbol not in ("=", "≈"):
        return []
    lists = [_LISTED.fullmatch(side) for side in chain.sides]
    if not all(lists) or not all(_one_bracket(side) for side in chain.sides):
        return []
    bodies = [m.group(1) if m.group(1) is not None else m.group(2) for m in lists]
    if any(b.count("(") != b.count(")") or b.count("[") != b.count("]") for b in bodies):
        return []
    items = [split_top(b, ",") for b in bodies]
    if len(items[0]) < 2 or len(items[0]) != len(items[1]) or \
            not all(i.strip() for row in items for i in row):
        return []
    word = "=" if chain.relations[0].symbol == "=" else "\\approx"
    return [f"{a.strip()} {word} {b.strip()}" for a, b in zip(*items)]
