r"""Names a chain differentiates by, which it means as variables, not as what they were set to.

A text sets ``\tilde{x} = D(x)`` and then writes ``\frac{d f(\tilde{x})}{d \tilde{x}} = A
\frac{1}{\tilde{x}} - …``: it differentiates by the new name as a variable.  Put in, the
binding would leave the derivative in a name its operand no longer uses.  A name the chain
differentiates by, and that no derivative of the chain differentiates (``\frac{\partial
z}{\partial w}`` in a chain rule needs z's definition), is read free in that chain:
:func:`suspended_bindings` takes its binding out while the chain is read.

>>> sorted(differentiated_names(r"\frac{d f(\tilde{x})}{d \tilde{x}} = \frac{A}{\tilde{x}}"))
['tildex']
>>> sorted(differentiated_names(r"\frac{\partial L}{\partial z}\frac{\partial z}{\partial w}"))
['w']
"""
from __future__ import annotations

import re
from contextlib import contextmanager

from symbolic.latex_in.reader_patterns import _plain

_NAME = (r"((?:\\(?:tilde|hat|bar|widetilde|widehat)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)"
         r"(?:_\{?\s*[A-Za-z0-9]+\s*\}?)?)")
_GROUP = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
# the denominator of a derivative: \frac{…}{d \tilde{x}}, \dfrac{\partial L}{\partial z_j}
_BY = re.compile(r"\\[dt]?frac\s*" + _GROUP + r"\s*\{\s*(?:\\partial|d)\s*" + _NAME + r"\s*\}")
# the numerator of a derivative of a lone name: \frac{\partial z}{…}, \frac{dz}{…}
_OF = re.compile(r"\\[dt]?frac\s*\{\s*(?:\\partial|d)\s*" + _NAME + r"\s*\}")


def differentiated_names(text: str) -> set:
    """The plain names ``text`` differentiates by and never differentiates."""
    by = {_plain(m.group(1)) for m in _BY.finditer(text)}
    of = {_plain(m.group(1)) for m in _OF.finditer(text)}
    return by - of


@contextmanager
def suspended_bindings(reader, text: str):
    """``reader.sem.bindings`` without those of the names ``text`` differentiates by, while
    the block runs; they come back after, into the reader's semantics as they are then (a
    reading in a worker hands back new ones), unless the block set them again.

    >>> from types import SimpleNamespace
    >>> reader = SimpleNamespace(sem=SimpleNamespace(bindings={"tildex": 1, "A": 2}))
    >>> with suspended_bindings(reader, r"\\frac{d f}{d\\tilde{x}} = 0"):
    ...     sorted(reader.sem.bindings)
    ['A']
    >>> sorted(reader.sem.bindings)
    ['A', 'tildex']
    """
    bindings = reader.sem.bindings
    taken = {k: bindings.pop(k) for k in differentiated_names(text) if k in bindings}
    try:
        yield taken
    finally:
        for key, value in taken.items():
            reader.sem.bindings.setdefault(key, value)
