r"""The arguments of pmfs as the reader takes them: ``p(x | Y = y)`` and ``p(x_i \cap y_j)`` as
``p(x | y)`` and ``p(x_i, y_j)``; outcomes x_i, y_j as indices; a divergence of pmf expressions
written as its sum; and what a chain writes beside Y's marginal (``q(y)`` apart from it).
"""
from __future__ import annotations

import functools
import re

# the letter q (Y's pmf by convention) written as a pmf of the text's own: q(y), Q(y), \|q
_OWN_Q = re.compile(r"(?<![A-Za-z\\])[qQ]\s*\(|(?:‖|\\\||\|\|)\s*[qQ](?![A-Za-z(])")
# Y's marginal p(y), or the joint pmf of X and Y and its measures
MARGINAL_Y = re.compile(r"(?<![A-Za-z\\])[pP]\s*\(\s*(?:y\s*\)|Y\s*=)")
JOINT_NAMED = re.compile(r"(?<![A-Za-z\\])[pP]\s*\(\s*(?:x\s*,\s*y|y\s*,\s*x|y\s*(?:\||\\mid|\\vert)\s*x|"
                    r"x\s*(?:\||\\mid|\\vert)\s*y)\s*\)|\b(?:I\s*\(\s*X\s*;|H\s*\(\s*(?:X\s*,\s*Y|Y\s*\|))")


# the arguments of a joint or conditional pmf of X and Y: x, X = x, x_i, x_{2}; then the other
# variable's, after a comma, a bar or \cap (the event that both happen)
_ARGUMENT = r"\s*(?:([XY])\s*=\s*)?([xy])(_\{?\s*(?:[a-z]|\d+)\s*\}?)?\s*"
_PAIR = re.compile(_ARGUMENT + r"(,|\||\\mid|\\vert|\\cap)" + _ARGUMENT)


def pair_spelling(inner: str) -> str:
    r"""The arguments of a joint or conditional pmf of X and Y written plainly: an event
    ``Y = y`` as its value y, the event that both happen (``\cap``) as the joint's comma.
    Anything else is returned as written.

    >>> pair_spelling("x | Y = y"), pair_spelling("X=x, Y=y"), pair_spelling(r"x_i \cap y_j")
    ('x|y', 'x,y', 'x_i,y_j')
    >>> pair_spelling("x | X = x"), pair_spelling("X = y | x"), pair_spelling("x_i, x_j")
    ('x | X = x', 'X = y | x', 'x_i, x_j')
    """
    m = _PAIR.fullmatch(inner)
    if not m:
        return inner
    first, x, x_at, bar, second, y, y_at = m.groups()
    if x == y or any(v and v.lower() != o for v, o in ((first, x), (second, y))):
        return inner
    joined = "," if bar in (",", r"\cap") else "|"
    return "".join((x, x_at or "", joined, y, y_at or "")).replace(" ", "")


def outcome_indices(parts, joint: bool = False, outcomes: bool = False):
    r"""The outcomes x_i, y_j of a pair of different variables as their indices i, j (the pmf
    at its i-th outcome, as ``p(x_j)`` is); other parts as written, and so is the i-th pair of
    a sample, ``p(y_i | x_i)``, unless the chain writes ``outcomes`` so elsewhere
    (``p(x_i | y_j)``).  For the ``joint`` pmf, X's outcome comes first, as the joint pmf's
    first index is X's (``p(y_j, x_i)``).

    >>> outcome_indices(["x_i", "y_{2}"]), outcome_indices(["x", "y"]), outcome_indices(["x_i"])
    (['i', '2'], ['x', 'y'], ['x_i'])
    >>> outcome_indices(["y_j", "x_i"]), outcome_indices(["y_j", "x_i"], joint=True)
    (['j', 'i'], ['i', 'j'])
    >>> outcome_indices(["y_i", "x_i"]), outcome_indices(["y_i", "x_i"], outcomes=True)
    (['y_i', 'x_i'], ['i', 'i'])
    """
    found = [re.fullmatch(r"\s*([a-z])_\{?\s*([a-z]|\d+)\s*\}?\s*", p) for p in parts]
    if len(parts) != 2 or not all(found) or found[0][1] == found[1][1] or \
            found[0][2] == found[1][2] and not outcomes:  # p(y_i | x_i): a sample's i-th pair
        return parts
    if joint and [m[1] for m in found] == ["y", "x"]:
        found.reverse()
    return [m[2] for m in found]


@functools.lru_cache(maxsize=64)
def q_apart(chain_text: str) -> bool:
    """``MeasureNotation.y_apart`` of a chain's text (read once per chain, not per pmf)."""
    return bool(_OWN_Q.search(chain_text)) and bool(
        MARGINAL_Y.search(chain_text) or JOINT_NAMED.search(chain_text))


def kl_as_sum(parts) -> str | None:
    r"""``D(p(x, y) \| p(x)p(y))``: the divergence of two expressions in pmfs of the same outcomes,
    written as its sum over them (a conditional or another outcome on one side only: None).
    Its log is natural: the reader puts the unit of every measure in afterwards.

    >>> kl_as_sum(["p(x, y)", "p(x)p(y)"])
    '\\sum_{x}\\sum_{y} (p(x, y)) \\ln \\frac{p(x, y)}{p(x)p(y)}'
    >>> kl_as_sum(["q(\\theta)", "p(\\theta | D)"]) is None
    True
    """
    def outcomes(text):
        args = re.findall(r"(?<![A-Za-z\\])[pPqQ]\s*\(([^()]*)\)", text)
        if not args or any("|" in a or not re.fullmatch(r"\s*[a-z]\s*(?:,\s*[a-z]\s*)*", a) for a in args):
            return None
        return {v.strip() for a in args for v in a.split(",")}
    first, second = (outcomes(p) for p in parts)
    if not first or first != second:
        return None
    a, b = (p.strip() for p in parts)
    return "".join(f"\\sum_{{{v}}}" for v in sorted(first)) + f" ({a}) \\ln \\frac{{{a}}}{{{b}}}"


# a pmf or information of two outcomes with different indices: p(x_i, y_j), P(x_i | y_j),
# p(y_j | x_i), I(x_i; y_j)
_OUTCOME = r"[xy]\s*_\s*\{?\s*(?:[a-z]|\d+)\s*\}?"
INDEXED_PAIR = re.compile(r"(?<![A-Za-z\\])[pPI]\s*\(\s*[xy]\s*_\s*\{?\s*([a-z]|\d+)\s*\}?\s*"
                          r"(?:,|;|\||\\mid|\\vert|\\cap)\s*[xy]\s*_\s*\{?\s*(?!\1\b)(?:[a-z]|\d+)\s*\}?\s*\)")
_POINTWISE = re.compile(r"\s*(" + _OUTCOME + r"|x)\s*(?:(;|\||\\mid|\\vert)\s*(" + _OUTCOME + r"|y)\s*)?")


def pointwise_outcomes(inner: str, chain: str):
    r"""(first outcome, ";" or "|" or None, second outcome or None) when ``I(inner)`` is the
    information of outcomes: ``I(x)``, ``I(x_i)``, ``I(x_i | y_j)``, ``I(x_i; y_j)`` (its
    pointwise mutual information).  Outcomes of Y alone, or two of them, need the chain to
    write a pmf of two outcomes with different indices (``p(x_i | y_j)``); ``I(x; y)`` in lower
    case is the mutual information of X and Y, written so: None.

    >>> pointwise_outcomes("x_i", ""), pointwise_outcomes("x_i ; y_j", "p(x_i|y_j)")
    (('x_i', None, None), ('x_i', ';', 'y_j'))
    >>> pointwise_outcomes("x ; y", "p(x|y)"), pointwise_outcomes("y_j", "p(y_j)")
    (None, None)
    """
    m = _POINTWISE.fullmatch(inner)
    if not m:
        return None
    first, joined, second = (re.sub(r"\s+", "", g) if g else None for g in m.groups())
    joined = ";" if joined == ";" else "|" if joined else None
    pair = bool(INDEXED_PAIR.search(chain) or INDEXED_PAIR.fullmatch(f"I({inner})"))
    if second and (not pair or first[0] == second[0] or "_" not in first + second):
        return None
    if first[0] == "y" and not pair:
        return None
    return first, joined, second
