r"""What independence, when the text assumes it, lets the reader write out.

A text that says its draws or events are independent (``prose.assumptions``) uses two
facts without a word:

* **a sample's pmf is the product of its members'**: ``P(X=x | \theta)`` of the whole
  sample x, beside ``\prod_{k=1}^n P(x_k | \theta)`` or ``\sum_{k=1}^n \log P(x_k | \theta)``
  on the other side, is ``\prod_{k=1}^n P(x_k | \theta)``;
* **independent events**: ``P(A \cap B)`` is ``P(A) P(B)``.

Each rewrite is read in place of the text, only when the text assumes independence; the
finding then says that it holds under that assumption (``lint``).  An x written without an
index counts as the sample only where the other side runs over its members x_1 … x_n.

>>> under_independence(r"P(X=x | \theta)", r"\prod_{k=1}^n P(x_k | \theta)")[0]
'\\left(\\prod_{k=1}^{n} P(x_{k} | \\theta)\\right)'
>>> under_independence(r"P(A \cap B)", r"P(A) P(B)")[0]
'P(A) P(B)'
>>> under_independence(r"P(x | \theta)", r"P(x_1 | \theta)") is None
True
"""
from __future__ import annotations

import re
from dataclasses import replace

from symbolic.verdict import Verdict

# the pmf of a whole sample: P(X = x | θ), p(x; θ), P(\mathbf{x} | \theta)
_SAMPLE = re.compile(r"(?<![A-Za-z\\])([Pp])\s*\(\s*(?:X\s*=\s*)?(?:\\mathbf\{x\}|\\boldsymbol\{x\}|x)"
                     r"\s*([|;][^()]*)\)")
# a sum or product over the members k = 1 … n
_MEMBERS = re.compile(r"\\(?:prod|sum)\s*_\s*\{?\s*([a-z])\s*=\s*1\s*\}?\s*\^\s*\{?\s*([nNmM])\s*\}?")
_EVENTS = re.compile(r"(?<![A-Za-z\\])P\s*\(\s*([A-Z])\s*\\cap\s*([A-Z])\s*\)")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _member_written(side: str, letter: str, given: str, k: str) -> bool:
    """Does ``side`` apply ``letter`` to the member x_k with the same condition?"""
    for m in re.finditer(r"(?<![A-Za-z\\])" + letter + r"\s*\(\s*x_\{?\s*" + k + r"\s*\}?\s*"
                         r"([|;][^()]*)\)", side):
        if _plain(m.group(1)) == _plain(given):
            return True
    return False


def _sample(side: str, other: str):
    """``side`` with the pmf of a whole sample written as the product of its members'."""
    members = _MEMBERS.search(other)
    if not members:
        return None
    k, n = members.group(1), members.group(2)
    out, changed = side, False
    for m in reversed(list(_SAMPLE.finditer(side))):
        letter, given = m.group(1), m.group(2)
        if _member_written(other, letter, given, k):
            product = rf"\left(\prod_{{{k}=1}}^{{{n}}} {letter}(x_{{{k}}} {given.strip()})\right)"
            out, changed = out[:m.start()] + product + out[m.end():], True
    return out if changed else None


def _events(side: str):
    """``side`` with ``P(A \\cap B)`` written ``P(A) P(B)``."""
    out = _EVENTS.sub(lambda m: f"P({m.group(1)}) P({m.group(2)})", side)
    return out if out != side else None


def under_independence(lhs: str, rhs: str):
    """(lhs, rhs) as read under independence, or None when neither side changes."""
    new_lhs = _sample(lhs, rhs) or _events(lhs)
    new_rhs = _sample(rhs, lhs) or _events(rhs)
    if new_lhs is None and new_rhs is None:
        return None
    return new_lhs or lhs, new_rhs or rhs


def assuming_independence(claim, verdict, assumption, line: int, limits, key, decisions):
    """Re-decide a refuted joint claim with X and Y independent, as the text assumes."""
    lhs, rhs = claim.independent
    from symbolic.latex_in.semantics import Semantics
    sem = Semantics()
    alt = replace(claim, lhs=lhs, rhs=rhs, context=sem.context([lhs, rhs]))
    again = decisions.decide(alt, limits, key)
    if again.status in ("proved", "checked"):
        where = f"line {line}"
        return Verdict("checked", f"{again.method}; holds only if X and Y are independent, "
                       f"as {assumption[2]} assumes ({where}); fails for dependent X, Y",
                       again.samples, seconds=verdict.seconds + again.seconds)
    return verdict


def assuming(verdict, assumption, line: int) -> Verdict:
    """A claim read under the independence the text assumes: it holds under that
    assumption (checked, never proved), and a failure there is not shown to be the author's."""
    where = f"{assumption[2]} assumes it (line {line})"
    if verdict.holds:
        return replace(verdict, status="checked", method=(
            f"{verdict.method}; holds for independent draws and events, as {where}"))
    if verdict.status == "refuted":
        return Verdict("unknown", "not refuted", verdict.samples, reason=(
            f"fails with the sample's or the events' probability read as a product, as the "
            f"independence {where[:-1]}) gives; a failure that rests on that reading is not "
            "reported as the author's"))
    return verdict
