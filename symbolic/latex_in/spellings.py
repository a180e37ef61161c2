r"""Authors' spellings of common notation, written the usual way before the reader reads.

Each rewrite keeps the meaning the author plainly intends; none guesses at one:

* spaces around scripts, as editors emit them: ``\log _ { 2 }``, ``p _ { i }``, ``\sum _ {i}``
  (TeX ignores them; the patterns of the reader do not);
* ``\underset{z}{\sum}``, ``\underset{i}{\prod}``: the index set under the operator;
* ``\mathbb{E_{q(z)}}``: the expectation's subscript typed inside the blackboard braces;
* ``\frac{\partial L}{z_i}`` and ``\frac{\partial}{o_k}``: a derivative whose denominator
  lost its ``\partial`` (``∂L`` over ``z_i`` is never a quotient);
* ``e^-x``, ``e^-(wx + b)``: TeX would raise only the minus; the author raises ``-x``;
* ``\Sigma^{N}_{k = 1}``: a capital sigma with the limits of a sum (an index set equal to its
  start) is the sum sign (``\Sigma_k^{-1}``, a covariance, is not);
* ``\mathop{\mathrm{argmax}}``: the operator without its wrapper;
* Unicode symbols typed into math: ``∂``, ``−``, ``×``, ``·``, ``∑``, ``∏``, ``∞``.

>>> respelled(r"\log _ { 2 } p _ { i }")
'\\log_{ 2 } p_{ i }'
>>> respelled(r"-\underset{z}{\sum} q(z) \log q(z)")
'-\\sum_{z} q(z) \\log q(z)'
>>> respelled(r"\mathbb{E_{q_{\phi}(z)}} \log p(x, z)")
'\\mathbb{E}_{q_{\\phi}(z)} \\log p(x, z)'
>>> respelled(r"\dfrac{\partial}{o_k}(-\log p_k) + \frac{\partial g_1(x_1)}{x_1}")
'\\dfrac{\\partial}{\\partial o_k}(-\\log p_k) + \\frac{\\partial g_1(x_1)}{\\partial x_1}'
>>> respelled(r"1 / (1 + e^-x) + e^-(w x + b) + e^-\theta")
'1 / (1 + e^{-x}) + e^{-(w x + b)} + e^{-\\theta}'
>>> respelled(r"\frac{1}{2} \Sigma^{N}_{k = 1} (t_k - y_k)^2 + \Sigma_k^{-1}")
'\\frac{1}{2} \\sum^{N}_{k = 1} (t_k - y_k)^2 + \\Sigma_k^{-1}'
>>> respelled("\\frac{∂ L}{∂ w} − 2 × 3")
'\\frac{\\partial  L}{\\partial  w} - 2 \\times  3'
>>> respelled(r"\frac{\partial L}{\partial z}")        # already right: unchanged
'\\frac{\\partial L}{\\partial z}'
"""
from __future__ import annotations

import re

_SPACED_SCRIPT = re.compile(r"(?<=[A-Za-z0-9}\])])\s+(?=[_^])|(?<=[_^])\s+")
_UNDERSET_OPERATOR = re.compile(r"\\underset\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{\s*\\(sum|prod)\s*\}")
_SUBSCRIPTED_E = re.compile(r"\\mathbb\s*\{\s*E\s*(_\s*(?:\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}|"
                            r"\\?[A-Za-z0-9]+))\s*\}")
# \frac{\partial …}{x_1}: the variable alone below, a letter or Greek name with a subscript
_LOST_PARTIAL = re.compile(r"(\\[dt]?frac\s*\{\s*\\partial(?![A-Za-z])(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
                           r"\s*\{\s*)((?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
                           r"(?:\s*\^\s*\{\s*\([^(){}]*\)\s*\})?\s*\})")


_BARE_MINUS_POWER = re.compile(r"\^\s*-\s*(\\[A-Za-z]+|[A-Za-z0-9](?:_\{?[A-Za-z0-9]\}?)?|\((?:[^()]|\([^()]*\))*\))")


_SIGMA_SUM = re.compile(r"\\Sigma(?=\s*(?:\^\s*(?:\{[^{}]*\}|\w)\s*_\s*\{[^{}=]*=[^{}]*\}|"
                        r"_\s*\{[^{}=]*=[^{}]*\}\s*\^))")
_MATHOP = re.compile(r"\\mathop\s*\{\s*((?:[^{}]|\{[^{}]*\})*?)\s*\}")
_UNICODE = {"∂": "\\partial ", "−": "-", "×": "\\times ", "·": "\\cdot ", "∑": "\\sum ",
            "∏": "\\prod ", "∞": "\\infty "}


def respelled(t: str) -> str:
    """``t`` with the spellings of the module's docstring written the usual way."""
    for char, command in _UNICODE.items():
        t = t.replace(char, command)
    t = _SPACED_SCRIPT.sub("", t)
    t = _SIGMA_SUM.sub(r"\\sum", t)
    t = _MATHOP.sub(r"\1", t)        # \mathop{\mathrm{argmax}}_{\theta}: the operator inside
    t = _BARE_MINUS_POWER.sub(lambda m: "^{-" + m.group(1) + "}", t)
    t = _UNDERSET_OPERATOR.sub(r"\\\2_{\1}", t)
    t = _SUBSCRIPTED_E.sub(r"\\mathbb{E}\1", t)
    return _LOST_PARTIAL.sub(lambda m: m.group(1) + "\\partial " + m.group(2)
                             if not m.group(2).lstrip().startswith(("\\partial", "d"))
                             else m.group(0), t)
