"""A definition of the normal density: ``\\mathcal{N}(x \\mid \\mu, \\sigma^2) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}} e^{…}``.

Posts restate the Gaussian pdf before they use it, and a misplaced square in its normaliser is
a real error (``(\\sqrt{2\\pi\\sigma})^{-1}``).  The definition is checked against the pdf
itself.  Whether the second parameter is the variance or the standard deviation is a
convention of the author (``N(μ, σ)`` is common), so both readings are tried: the definition
holds if either does, and is refuted only when neither does.  A head ``\\mathcal{N}(X \\mid …)``
whose body is written in ``x`` names the same variable.
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.context import Context

from symbolic.latex_in.check import Limits, decide_sides
from symbolic.latex_in.errors import LatexReadError
from symbolic.latex_in.scan import split_top
from symbolic.verdict import Verdict

_HEAD = re.compile(r"\s*(?:\\mathcal\s*\{\s*N\s*\}|N)\s*\(\s*([A-Za-z])\s*(?:\\mid|\||;|,)(.*)\)\s*")
_PDF = r"\frac{{1}}{{\sqrt{{2\pi \cdot ({v})}}}} \exp\left(-\frac{{({x} - {m})^2}}{{2 ({v})}}\right)"
_PDF_SD = r"\frac{{1}}{{\sqrt{{2\pi}} \cdot ({v})}} \exp\left(-\frac{{({x} - {m})^2}}{{2 ({v})^2}}\right)"


def normal_head(lhs: str):
    r"""``(variable, mean, second parameter)`` of ``\mathcal{N}(x \mid \mu, \sigma^2)``, or None.

    >>> normal_head(r"\mathcal{N}(X\mid\mu,\sigma)")
    ('X', '\\mu', '\\sigma')
    >>> normal_head(r"\mathcal{N}(\mu, \sigma^2)") is None
    True
    """
    m = _HEAD.fullmatch(lhs)
    if not m:
        return None
    parts = split_top(m.group(2), ",")
    return (m.group(1), parts[0].strip(), parts[1].strip()) if len(parts) == 2 else None


def normal_definition(lhs_text: str, rhs, read, limits: Limits, key: str) -> Verdict | None:
    """The verdict on the definition ``lhs_text = rhs`` (``rhs`` as read) of the normal
    density, with the second parameter read as the variance and as the standard deviation;
    ``read(latex)`` reads a side as the document's reader does.  None when ``lhs_text`` is
    not such a head, or a reading fails to read.

    >>> from symbolic.latex_in.parse import Reader
    >>> read = lambda t: Reader().read_side(t, 0, 0)
    >>> body = read(r"\\frac{1}{\\sqrt{2\\pi}\\sigma} e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}")
    >>> normal_definition(r"\\mathcal{N}(x|\\mu,\\sigma)", body, read, Limits(), "doctest").status
    'proved'
    """
    head = normal_head(lhs_text)
    if head is None or rhs is None:
        return None
    x, m, v = head
    names = {getattr(s, "name", "") for s in rhs.free_symbols}
    if x not in names and x.lower() in names:
        x = x.lower()            # N(X | μ, σ) written out in x
    verdicts = []
    for reading, template in (("variance", _PDF), ("standard deviation", _PDF_SD)):
        try:
            pdf, scale = read(template.format(x=x, m=m, v=v)), read(v)
        except LatexReadError:
            return None
        if pdf.free_symbols != rhs.free_symbols:
            return None      # the body names its variables otherwise, or has more (a dimension D)
        positive = Context(domains={s: sp.Interval.open(0, sp.oo) for s in scale.free_symbols})
        verdict = decide_sides(pdf, rhs, "=", positive, limits, f"{key}:normal:{reading}")
        if verdict.holds:
            return Verdict(verdict.status, f"the normal density with {v} its {reading} "
                           f"({verdict.method})", verdict.samples, seconds=verdict.seconds)
        verdicts.append(verdict)
    if all(w.status == "refuted" for w in verdicts):
        first = verdicts[-1]
        return Verdict("refuted", f"not the normal density, with {v} its standard deviation or "
                       f"its variance ({first.method})", first.samples, first.counterexample,
                       seconds=sum(w.seconds for w in verdicts))
    return None
