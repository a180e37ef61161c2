r"""π as a name: a text that writes ``\pi(\mathbf{X}) = p(y = 1 | \mathbf{X})``, ``\frac{\pi}{1-\pi}``
or ``\hat{\pi}`` uses π for a probability, and its ``\pi = 0.75`` sets that probability; the
reader reads ``\pi`` as the constant 3.14159…, so a failure of a relation with π in it shows
nothing about the author's math.

>>> where_pi_is_a_name(r"Odds: $\frac{\pi}{1-\pi}$. If $\pi = 0.75$, the odds are 3.")
'1-\\pi'
>>> where_pi_is_a_name(r"$\pi(\mathbf{X}) = p(y=1|\mathbf{X})$")
'\\pi(…)'
>>> where_pi_is_a_name(r"$\mathcal{N}(x) = \frac{1}{\sqrt{2\pi\sigma^2}} e^{-x^2/2}$") is None
True
"""
from __future__ import annotations

import re

import sympy as sp

# π used as a name: a function π(x), an estimate \hat{π}, 1 - π, π ∈ [0, 1], π = 0.75, π^{(t)}
_PI_AS_NAME = re.compile(
    r"\\pi\s*(?:\\left\s*)?\((?!\s*\d)|"
    r"\\(?:hat|tilde|bar)\s*\{?\s*\\pi(?![A-Za-z])|"
    r"\b1\s*-\s*\\pi(?![A-Za-z_])|"
    r"\\pi\s*(?:\\in|\\le|\\leq|<)(?![A-Za-z])|"
    r"(?<![\d.\\])(?:0|1)\s*(?:\\le|\\leq|<)\s*\\pi(?![A-Za-z_])|"
    r"\\pi\s*=\s*0?\.\d|"
    r"\\pi\s*\^\s*\{\s*\(")


def where_pi_is_a_name(source: str) -> str | None:
    """The first spelling in ``source`` that uses π as a name (a function, a probability), or
    None when π is only ever the constant."""
    found = _PI_AS_NAME.search(source)
    if not found:
        return None
    spelling = re.sub(r"\s+|\\left", "", found.group(0))
    return spelling + "…)" if spelling.endswith("(") else spelling


def pi_doubt(claim, spelling: str | None) -> list:
    r"""The doubt for a claim that has the constant π in it when the text uses π as a name
    (``spelling``: where it does, see :func:`where_pi_is_a_name`).

    >>> from types import SimpleNamespace as Claim
    >>> pi_doubt(Claim(lhs=sp.pi, rhs=sp.Float(0.75)), "1-\\pi")[0][:40]
    'the text uses π as a name (1-\\pi), and t'
    >>> pi_doubt(Claim(lhs=sp.Symbol("x"), rhs=sp.Integer(1)), "1-\\pi")
    []
    """
    if spelling is None:
        return []
    if not any(isinstance(side, sp.Basic) and side.has(sp.pi) for side in (claim.lhs, claim.rhs)):
        return []
    return [f"the text uses π as a name ({spelling}), and the relation is read with the "
            "constant 3.14159…"]
