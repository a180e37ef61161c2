r"""A binary model the text declares: the Bernoulli form of its pmf, and its labels.

Maximum-likelihood derivations of the binary cross-entropy state the model once:

    P(Y=y \vert X=\mathbf{x};\boldsymbol{\theta}) = p_{\boldsymbol{\theta}}(\mathbf{x})^y
    (1-p_{\boldsymbol{\theta}}(\mathbf{x}))^{1-y}

(or ``p(y | x; \theta) = h_\theta(x)^y (1 - h_\theta(x))^{1-y}``).  From that row on, in the
document:

* the task is binary: the labels are 0 and 1 (a model's table has two outcomes, the second
  one the label 1; :class:`symbolic.models.Positive`, :class:`symbolic.models.Label`);
* ``p_{\theta}(x_i)`` (the function the row named) and ``P(Y=1 | X=x_i; \theta)`` are the model's
  probability of the label 1 at x_i, and ``P(Y=0 | …)`` one minus it;
* in a relation about the model, the label ``y_i`` of a data point is that point's 0/1 label.

The declaring row is a definition, not a claim.  Without it nothing here applies: a text
about K classes that writes ``P(Y=1|x)`` is not read as binary.

>>> from symbolic.latex_in.parse import Reader
>>> reader = Reader()
>>> declare_bernoulli(reader, r"P(Y=y | X=x; \theta)", r"p_{\theta}(x)^y (1-p_{\theta}(x))^{1-y}")
True
>>> reader.sem.positives
{'p_theta': 'p_model'}
>>> reader.read_side(r"\log p_{\theta}(x_{k})")
log(Positive(p_model, k))
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import models as mo
from symbolic import objects as ob
from symbolic.latex_in.models import conditional_name
from symbolic.latex_in.reader_definitions import application_key
from symbolic.latex_in.reader_patterns import _DATA_POINT
from symbolic.latex_in.scan import closing

# the function a Bernoulli pmf is written with: p_{\theta}(x), h_\theta(\mathbf{x}), \sigma(…)
_HEAD = r"(?P<head>\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\?[A-Za-z]+))?)"
_BERNOULLI = re.compile(r"\s*\(?\s*" + _HEAD + r"\s*\((?P<arg>[^()]*)\)\s*\)?\s*\^\s*\{?\s*y\s*\}?"
                        r"\s*\(\s*1\s*[-−]\s*(?P=head)\s*\((?P=arg)\)\s*\)\s*"
                        r"\^\s*\{\s*1\s*[-−]\s*y\s*\}\s*")
# the model's pmf of a label y given x: P(Y=y | X=x; θ), p(y | x; θ), p_{\theta}(y | x)
_MODEL_OF_Y = re.compile(r"\s*(?P<letter>[pP])\s*(?:_\s*(?P<sub>\{[^{}]*\}|\\?[A-Za-z]+))?\s*\(\s*"
                         r"(?:Y\s*=\s*)?y\s*(?:\||\\mid|\\vert)\s*(?:X\s*=\s*)?"
                         r"(?:\\mathbf\{x\}|\\boldsymbol\{x\}|x)\s*(?:[;,]\s*(?P<theta>[^()]*))?\)\s*")
_APPLIED = re.compile(_HEAD + r"\s*\(")


def _model_name(letter: str, sub: str | None) -> str:
    named = conditional_name(letter, (sub or "").strip("{}") or None)
    return named[0] if named else f"{letter.lower()}_model"


def declare_bernoulli(reader, lhs_text: str, rhs_text: str) -> bool:
    """Declare the binary model if ``lhs = rhs`` is its Bernoulli form (see the module)."""
    lhs, rhs = _MODEL_OF_Y.fullmatch(lhs_text), _BERNOULLI.fullmatch(rhs_text)
    if not (lhs and rhs) or lhs.group("sub") is None and not lhs.group("theta"):
        return False
    head = application_key(rhs.group("head"))
    reader.sem.positives[head] = _model_name(lhs.group("letter"), lhs.group("sub"))
    return True


class BinaryModel:
    """The reader's part: the positive function applied to a data point."""

    def _positive_at(self, t: str, i: int):
        m = _APPLIED.match(t, i)
        if not m or i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\"):
            return None
        name = self.sem.positives.get(application_key(m.group("head")))
        close = closing(t, m.end() - 1) if name else -1
        # the side is clean already (\mathbf{x} is x): a data point x, x_i or x^{(i)}
        point = _DATA_POINT.fullmatch(t[m.end():close]) if close > 0 else None
        if point is None or point.group(1) != "x":
            return None
        k = ob.index(point.group(2) or point.group(3) or "i")
        return self._hold(mo.Positive(mo.model_symbol(name), k)), close + 1

    def _labelled(self, value: int, name: str, k):
        """``P(Y=1 | x_k; θ)`` of the declared binary model, or ``P(Y=0 | …)``."""
        positive = mo.Positive(mo.model_symbol(name), k)
        return positive if value == 1 else 1 - positive


def labels(expr, binary: bool):
    """``expr`` with each label y_i of a data point (a symbol ``y_i`` or a member ``y[i]``)
    the point's 0/1 label, when the relation is about the declared binary model."""
    if not binary or not isinstance(expr, sp.Basic) or not expr.atoms(*mo.POINT_KINDS):
        return expr
    repl = {}
    for e in expr.atoms(sp.Indexed):
        if str(e.base.label) == "y" and len(e.indices) == 1:
            repl[e] = mo.Label(e.indices[0])
    for s in expr.free_symbols:
        m = re.fullmatch(r"y_\{?([a-z])\}?", getattr(s, "name", ""))
        if m:
            repl[s] = mo.Label(ob.index(m.group(1)))
    return expr.xreplace(repl) if repl else expr
