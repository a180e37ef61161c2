r"""Relations of three or four random variables that a Markov chain the text states makes true.

Texts on the data-processing inequality state a chain (``X \to Y \to Z``) and then relations
that hold only along it: ``I(X; Y) \ge I(X; Z)``, ``I(X; Z | Y) = 0``.  Read with any joint pmf,
such a relation fails, and the reader holds the failure back (``several_variables``,
``STRUCTURE_DOUBT``).  Here it is checked again with the joint pmf drawn along the chain the
text states before it (:func:`symbolic.context.markov_joint`): if it holds there, the finding
is that check, with the chain named.  A failure along the chain stays held back, as the
relation may be about another example of the text.

>>> [(chain, at) for at, chain in stated_chains("Let $X \\to Y \\to Z$ be a chain; then x - y - z.")]
[(('X', 'Y', 'Z'), 5)]
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace

from symbolic.context import Context
from symbolic.latex_in.several_variables import STRUCTURE_DOUBT
from symbolic.objects import JointPmf
from symbolic.verdict import Verdict

_VARIABLE = r"([A-Z](?:_\{?\w+\}?)?)"
_ARROW = r"\s*(?:\\to|\\rightarrow|\\longrightarrow|→|--|\\leftrightarrow|↔)\s*"
_CHAIN = re.compile(r"(?<![A-Za-z\\])" + _VARIABLE + r"((?:" + _ARROW + _VARIABLE + r"){2,3})"
                    r"(?![A-Za-z_])")


def _name(variable: str) -> str:
    return re.sub(r"[_{}]", "", variable)


def stated_chains(source: str) -> list[tuple[int, tuple[str, ...]]]:
    """(offset, variables in order) of every Markov chain of three or four variables that
    ``source`` writes with arrows (``X \\to Y \\to Z``, ``X → Y → Z``, ``X -- Y -- Z``)."""
    out = []
    for m in _CHAIN.finditer(source):
        names = (m.group(1), *re.findall(_VARIABLE, m.group(2)))
        if len(set(names)) == len(names):
            out.append((m.start(), tuple(_name(n) for n in names)))
    return out


def markov_order(label: str, chain: tuple[str, ...]) -> tuple[int, ...] | None:
    """The axes of the joint pmf ``label`` (``P_XYZ``, its axes in the order of the letters)
    in the order of ``chain``; None when the pmf is not of exactly the chain's variables.

    >>> markov_order("P_XZY", ("X", "Y", "Z")), markov_order("P_XY", ("X", "Y", "Z"))
    ((0, 2, 1), None)
    """
    for axes in itertools.permutations(chain):
        if label == "P_" + "".join(axes):
            return tuple(axes.index(v) for v in chain)
    return None


def along_a_stated_chain(claim, verdict: Verdict, chains, offset: int, line_of, decide) -> Verdict:
    """``verdict`` on ``claim`` (at ``offset`` of the source), or, for a failure held back
    because the text speaks of Markov chains, the check along the last chain stated before
    it, when the relation holds there.  ``decide(twin)`` decides a claim."""
    if verdict.status != "refuted" or STRUCTURE_DOUBT not in claim.doubts or claim.lhs is None:
        return verdict
    before = [(at, chain) for at, chain in chains if at < offset]
    joints = {b for side in (claim.lhs, claim.rhs) for b in side.atoms(JointPmf)}
    if not before or len(joints) != 1:
        return verdict
    at, chain = before[-1]
    joint = joints.pop()
    order = markov_order(str(joint.label), chain)
    if order is None:
        return verdict
    context = replace(claim.context or Context(), markov={joint.label: order})
    twin = replace(claim, context=context, doubts=[d for d in claim.doubts if d != STRUCTURE_DOUBT])
    along = decide(twin)
    if not along.holds:
        return verdict
    return replace(along, method=f"{along.method}, with {' → '.join(chain)} a Markov chain as "
                   f"the text states on line {line_of(at)}")
