r"""A group written after a power of e, which the author may mean in the exponent.

``e^{-10.662} (1.90-2.00) = e^{1.0662}`` writes the group beside the power, as TeX sets it,
but means ``e^{-10.662 (1.90 - 2.00)}``: the value on the right is that of the exponent with
the group in it.  A braced exponent followed by a parenthesis is an easy slip of the braces;
a refutation of such a relation stands only when the relation also fails with the group
moved into the exponent.  Otherwise the verdict is ``unknown``, with the reading named.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from symbolic.verdict import Verdict

# e^{…} or \exp{…} followed by an opening parenthesis: where a group may have left its braces
_POWER_THEN_GROUP = re.compile(r"(?:(?<![A-Za-z\\])e\s*\^\s*\{[^{}]*\}|\\exp\s*\{[^{}]*\})\s*"
                               r"(?:\\left\s*)?\(")


def _moved(product: sp.Mul):
    """``product`` (a power of e times other factors) with the other factors in the exponent,
    or None when it has no single power of e."""
    powers = [f for f in product.args if isinstance(f, sp.exp)]
    if len(powers) != 1:
        return None
    rest = [f for f in product.args if f is not powers[0]]
    return sp.exp(powers[0].args[0] * sp.Mul(*rest))


def as_exponent_group(claim, verdict: Verdict, decide) -> Verdict:
    r"""``verdict`` on ``claim``, or ``unknown`` when the refuted claim is written with a group
    after a braced power of e and holds with the group in the exponent (``decide`` judges the
    twin claim).

    >>> from symbolic.latex_in.chains import Claim
    >>> from symbolic.latex_in.check import decide
    >>> claim = Claim("=", r"e^{-2} (3 - 4)", "e^{2}", 0, lhs=-sp.exp(-2), rhs=sp.exp(2))
    >>> as_exponent_group(claim, decide(claim), decide).reason
    'fails as written, but holds with the group after e^{…} in the exponent, where its braces may have been meant'
    >>> wrong = replace(claim, rhs=sp.exp(3))
    >>> as_exponent_group(wrong, decide(wrong), decide).status
    'refuted'
    """
    if verdict.status != "refuted" or not all(isinstance(s, sp.Basic)
                                              for s in (claim.lhs, claim.rhs)):
        return verdict
    for side, text in (("lhs", claim.lhs_text), ("rhs", claim.rhs_text)):
        expr = getattr(claim, side)
        if not _POWER_THEN_GROUP.search(text or ""):
            continue
        products = [m for m in expr.atoms(sp.Mul) if _moved(m) is not None]   # the side too
        for product in products[:3]:
            twin = replace(claim, **{side: expr.xreplace({product: _moved(product)})})
            if decide(twin).holds:
                return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                               reason="fails as written, but holds with the group after e^{…} "
                                      "in the exponent, where its braces may have been meant")
    return verdict
