r"""A worked number computed from values the text shows rounded.

Worked examples compute with exact values and display them rounded: after ``P(A) =
\frac{0.45}{0.55} = 0.81`` a post writes ``-0.81\log_2(0.81) - 0.18\log_2(0.18) = 0.684``,
which holds for 9/11 and 2/11, not for 0.81 and 0.18 as written.  The check reads a decimal
inside a computation as exact (or ``\sigma(z) = 0.9\sigma(z)`` would hold within 0.1), so
such a row fails.  :func:`within_rounding` weighs the other reading: each decimal input of
two or more significant digits stands for any value that rounds to it.  When the relation
holds at a corner of that box of values, or the difference of its sides changes sign across
the box, the verdict is ``unknown``; otherwise the refutation stands.  It only ever takes a
refutation back, never makes a relation hold.

>>> import sympy as sp
>>> from symbolic.quantities import StatedDecimal
>>> [latex(d) for d in rounded_inputs(StatedDecimal(81, 2) * sp.log(StatedDecimal(81, 2)))]
['0.81']
>>> rounded_inputs(StatedDecimal(5, 2) + StatedDecimal(9, 1))
[]
"""
from __future__ import annotations

from dataclasses import replace
from itertools import product

import sympy as sp

from symbolic.printing.latex import latex
from symbolic.quantities import StatedDecimal
from symbolic.verdict import Verdict

_MOST = 4     # decimal inputs varied (16 corners at most)


def rounded_inputs(expr) -> list:
    """The stated decimals of ``expr`` with two significant digits or more, in order of
    appearance (each once), at most four."""
    out = []
    if not isinstance(expr, sp.Basic):
        return out
    for node in sp.preorder_traversal(expr):
        if isinstance(node, StatedDecimal) and node not in out and \
                len(str(abs(int(node.args[0])))) >= 2 and node.digits >= 1:
            out.append(node)
    return out[:_MOST]


def _bounds(d: StatedDecimal) -> tuple:
    """The two ends of what ``d`` rounds from, as stated decimals of one more digit (so that
    the check treats them as ``d`` itself: exact inputs, not rounded terms)."""
    m, k = int(d.args[0]), d.digits
    return StatedDecimal(10 * m - 5, k + 1), StatedDecimal(10 * m + 5, k + 1)


def _difference(verdict: Verdict):
    cx = verdict.counterexample
    try:
        return float(cx.lhs) - float(cx.rhs)
    except (AttributeError, TypeError, ValueError):
        return None


def within_rounding(claim, verdict: Verdict, decide) -> Verdict:
    r"""``verdict``, or ``unknown`` when a refuted relation in numbers only holds for values
    its decimal inputs round (``decide(twin)`` judges each corner of their box).  The sides'
    own stated results keep their tolerance; an input is a decimal inside a computation.

    >>> from symbolic.latex_in.chains import read_chain
    >>> from symbolic.latex_in.parse import Reader
    >>> from symbolic.latex_in.check import decide
    >>> claim = read_chain(r"-0.81\log_2(0.81) - 0.18\log_2(0.18) = 0.684", Reader())[0]
    >>> within_rounding(claim, decide(claim), decide).reason
    'fails with 0.81, 0.18 as written, but holds for values they round: the text may compute with the unrounded values'
    >>> claim = read_chain(r"-0.81\log_2(0.81) - 0.18\log_2(0.18) = 0.784", Reader())[0]
    >>> within_rounding(claim, decide(claim), decide).status
    'refuted'
    """
    if verdict.status != "refuted" or not all(
            isinstance(e, sp.Basic) and not e.free_symbols for e in (claim.lhs, claim.rhs)):
        return verdict
    results = {e for e in (claim.lhs, claim.rhs) if isinstance(e, StatedDecimal) or
               isinstance(-e, StatedDecimal)}
    inputs = [d for d in rounded_inputs(claim.lhs) + rounded_inputs(claim.rhs)
              if d not in results and -d not in results]
    written = f"{claim.lhs_text} {claim.rhs_text}"
    inputs = sorted(dict.fromkeys(inputs), key=lambda d: written.find(latex(d)) if latex(d) in written
                    else len(written))[:_MOST]    # in the order the text writes them
    if not inputs:
        return verdict
    reference = _difference(verdict)     # the sign of lhs - rhs as written
    for corner in product(*(_bounds(d) for d in inputs)):
        put = dict(zip(inputs, corner))
        judged = decide(replace(claim, lhs=claim.lhs.xreplace(put), rhs=claim.rhs.xreplace(put)))
        difference = _difference(judged) if judged.status == "refuted" else None
        if judged.holds or None not in (difference, reference) and difference * reference < 0:
            said = ", ".join(latex(d) for d in inputs)
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                           reason=f"fails with {said} as written, but holds for values they "
                                  "round: the text may compute with the unrounded values")
        reference = difference if reference is None else reference
    return verdict
