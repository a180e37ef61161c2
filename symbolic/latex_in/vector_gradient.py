"""A gradient in vector form, read entry by entry: ``\\nabla_{\\mathbf{z}} L = \\mathbf{p} - \\mathbf{y}``.

Softmax posts end their derivation with the vector form of ``\\frac{\\partial L}{\\partial z_k} =
p_k - y_k``.  Entry k of ``\\nabla_{\\mathbf{z}} L`` (or ``\\frac{\\partial L}{\\partial
\\mathbf{z}}``) is ``\\frac{\\partial L}{\\partial z_k}``, and entry k of ``\\mathbf{p} - \\mathbf{y}``
is ``p_k - y_k``; so the chain is rewritten with a fresh index k and read as usual.  Only
right sides built from vectors, numbers and a few scalars (``\\frac{1}{T}(\\mathbf{q} -
\\mathbf{p})``) are rewritten: a product of two vectors (inner, outer or entrywise?) or a
letter that may be a vector or a scalar leaves the chain as it was (unread).  A vector is a
bold letter, the variable of the gradient, or a family the text defined entry by entry.
"""
from __future__ import annotations

import re

_BOLD = r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(\\hat\s*\{\s*[a-z]\s*\}|[a-z])\s*\}|\\(?:mathbf|boldsymbol|bm)\s+([a-z])"
_VAR = r"(?:" + _BOLD + r"|([a-z]))"
_NAME = r"(\\mathcal\s*\{\s*[A-Z]\s*\}|[A-Za-z](?:_\{?\w+\}?)?)"
_GRADIENT = re.compile(r"\s*(?:\\nabla\s*_\s*\{?\s*" + _VAR + r"\s*\}?\s*" + _NAME +
                       r"|\\frac\s*\{\s*\\partial\s*" + _NAME + r"\s*\}\s*\{\s*\\partial\s*" +
                       _VAR + r"\s*\})\s*")
_SCALARS = re.compile(r"\\frac\s*\{\s*1\s*\}\s*\{\s*(?:[A-Za-z]|\d+)\s*\}|\d+(?:\.\d+)?|[-+()\s]|"
                      r"\\left|\\right|(?<![A-Za-z\\])[TNmn](?![A-Za-z])")
_VECTOR_REF = re.compile(r"\\hat\s*\{\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*([a-z])\s*\}\s*\}|" + _BOLD +
                         r"|\\hat\s*\{\s*([a-z])\s*\}|(?<![A-Za-z\\_^{])([a-z])(?![A-Za-z_])")


def _letter(m: re.Match) -> str:
    return next(g for g in m.groups() if g)


def entrywise_gradient(text: str, vectors=frozenset()) -> str | None:
    r"""``text`` with a gradient in vector form rewritten entry by entry, or None.

    >>> entrywise_gradient(r"\nabla_{\mathbf{z}} L = \mathbf{p} - \mathbf{y}")
    '\\frac{\\partial L}{\\partial z_{k}} = p_{k} - y_{k}'
    >>> entrywise_gradient(r"\frac{\partial L}{\partial \mathbf{z}} = \frac{1}{T}(q - p)", {"p", "q"})
    '\\frac{\\partial L}{\\partial z_{k}} = \\frac{1}{T}(q_{k} - p_{k})'
    >>> entrywise_gradient(r"\nabla_{\mathbf{z}} L = \hat{\mathbf{y}} - \mathbf{y}")
    '\\frac{\\partial L}{\\partial z_{k}} = \\hat{y}_{k} - y_{k}'
    >>> entrywise_gradient(r"\nabla_{\mathbf{w}} L = (\hat{y} - y) \mathbf{x}") is None
    True
    """
    sides = text.split("=")
    m = _GRADIENT.fullmatch(sides[0]) if len(sides) >= 2 else None
    if not m:
        return None
    groups = m.groups()
    var = next(g for g in groups[:3] + groups[5:] if g)
    name = groups[3] or groups[4]
    var = re.sub(r"\\hat\s*\{\s*([a-z])\s*\}", r"\1", var)
    if "hat" in var or not re.fullmatch(r"[a-z]", var):
        return None
    known = set(vectors) | {var} | {re.sub(r"\\hat\s*\{\s*([a-z])\s*\}", r"\1", _letter(b))
                                    for b in re.finditer(_BOLD, text)}
    k = next(c for c in "kjlin" if not re.search(rf"(?<![A-Za-z\\]){c}(?![A-Za-z])", text))
    out = [f"\\frac{{\\partial {name}}}{{\\partial {var}_{{{k}}}}}"]
    for side in sides[1:]:
        rest = _VECTOR_REF.sub(" ", side)
        if _SCALARS.sub("", rest).strip():
            return None                          # something other than vectors and scalars
        refs = list(_VECTOR_REF.finditer(side))
        if not refs or any(_letter(r) not in known for r in refs):
            return None                          # a letter that may be a scalar
        if re.search(r"\)\s*\(|[a-z\}]\s*\(|\)\s*\\?[a-z(]", re.sub(r"\\frac\s*\{[^{}]*\}\s*\{[^{}]*\}", "", side)):
            return None                          # a product of two vectors
        if any(re.match(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec|hat)|[a-z])", side[r.end():])
               for r in refs):
            return None
        out.append(_VECTOR_REF.sub(lambda r: ("\\hat{" + _letter(r) + "}" if "hat" in r.group(0)
                                              else _letter(r)) + f"_{{{k}}}", side).strip())
    return " = ".join(out)
