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
* Unicode symbols typed into math: ``∂``, ``−``, ``×``, ``·``, ``∑``, ``∏``, ``∞``;
* ``\mathcal L``, ``\hat y_i``, ``\mathbb E``, ``\hat\theta``: a font or an accent on one token
  without braces (``\mathcal{L}``, ``\hat{y}_i``: TeX takes the one token);
* ``\frac 1 \lambda``, ``\binom 5 1``: the arguments of a fraction or a binomial without
  braces (TeX takes one token each);
* ``\sum_{k=1}^d e^{x_k}``: one token raised without braces (the parser would read ``d e``);
* ``exp^{-z}``: e raised to a power; ``p_j.p_i``: a dot between two subscripted names, a product;
  ``a_i . 1``, ``\frac{a}{b} . \frac{c}{d}``: a dot with a space on each side between two
  factors, a product (not ``. . .``, and not before words or spacing);
* ``\Large``, ``\small``: sizes of type (dropped); ``\ln{p}_k``: ``\ln p_k``; ``\exp^{-z}`` with no
  argument after it: ``e^{-z}``; ``\textbf{x}``: ``\mathbf{x}``; ``–`` (an en dash): a minus;
  ``ŷ``: ``\hat{y}``; ``p_+``, ``p_{-}``: the names ``p_{pos}``, ``p_{neg}``;
* ``\sum_{k=1, k \not= j}^{c}``: a sum that leaves one index out, the sum with the factor ``(1 -
  \delta_{kj})``; ``\sum_{k \not= j}``: ``\sum_{k \ne j}`` (read by ``reader_operators._sum_except``);
* ``p\|\|q``, ``P\vert\vert Q``, ``p \rvert \rvert q``, ``P\vert{}\vert{}Q``: the divergence's one separator ``\|``; ``z\vert{}x``:
  the bar without its empty group;
* ``\part`` (KaTeX's short name of ``\partial``) and a bold or italic ``\textbf{KL}``:
  ``\partial`` and ``\mathrm{KL}``;
* plain TeX's font switches ``{\cal X}``, ``\bf x``: ``\mathcal{X}``, ``\mathbf{x}``; MathJax's
  ``\bold{x}``, ``\cal{X}``: ``\mathbf{x}``, ``\mathcal{X}``; LaTeX's ``\ensuremath{…}``: its argument;
* ``\sum_{i=1}^{i=8}``: the upper bound written as an equation, the bound itself;
* ``\min\{a, b\}``, ``\max\{a, b\}``: the least or greatest of the values listed;
  ``\max_k x_k``, ``\min_j(z_j)``: of a vector's entries, ``\max(x)``, ``\min(z)``;
* ``\operatorname{lb}``, ``\mathrm{lb}``: the binary logarithm of ISO 80000-2, ``\log_2``;
  ``\mathrm{Pr}``, ``\operatorname{Pr}``, ``\Pr``: the probability ``P``;
* the indicator of two indices ``\mathbb{1}(i=j)``, ``\mathbb{1}_{\{i = j\}}``,
  ``\mathbf{1}[i=j]``, ``\mathbb{I}\{i=j\}``: the Kronecker delta ``\delta_{ij}`` (``i \ne j``:
  ``(1 - \delta_{ij})``).
* a probability in brackets ``P[X = x | Z = j]``: ``P(X = x | Z = j)``;
* ``\sqrt \beta_1``, ``\sqrt 2``: the root of one token with its subscript, ``\sqrt{\beta_1}``;
  ``\pmb{x}`` (poor man's bold): ``\mathbf{x}``;
* ``\frac{\delta l}{\delta \theta_j}``: δ over δ, the derivative ``\frac{\partial l}{\partial
  \theta_j}`` (δ over anything else is an increment);
* ``{ \beta }^{ T }``, ``{ e }^{ -z }``, ``{{x}}``: braces an equation editor puts around one name
  before its scripts (``grouped_names``);
* ``\underbrace{A}_{\text{label}}``, ``\overbrace{A}^{B}``: the expression A (the brace and
  its label are notes on it).

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
>>> respelled(r"\frac{\partial \mathcal L}{\partial \hat y_i} + \mathbb E[x] + \hat\theta")
'\\frac{\\partial \\mathcal{L}}{\\partial \\hat{y}_i} + \\mathbb{E}[x] + \\hat{\\theta}'
>>> respelled(r"\frac 1 \lambda \sum_i x_i + \binom 5 1 + \dfrac12")
'\\frac{1}{\\lambda} \\sum_i x_i + \\binom{5}{1} + \\dfrac{1}{2}'
>>> respelled(r"\hat{y}_j(\mathbb{1}(i=j) - \hat{y}_i) + \mathbf{1}_{\{k \neq j\}}")
'\\hat{y}_j(\\delta_{ij} - \\hat{y}_i) + (1 - \\delta_{kj})'
>>> respelled(r"\frac{e^{x_i}}{\sum_{k=1}^d e^{x_k}} + exp^{-\eta} - p_j.p_i + 0.5")
'\\frac{e^{x_i}}{\\sum_{k=1}^{d} e^{x_k}} + e^{-\\eta} - p_j \\cdot p_i + 0.5'
>>> respelled(r"KL(P\vert{}\vert{}Q) + D(p\|\|q) + D(q(W)\vert\vert p(W\vert X)) + p(z\vert{}x)")
'KL(P\\|Q) + D(p\\|q) + D(q(W)\\| p(W\\vert X)) + p(z\\vert x)'
>>> respelled(r"\frac{\part l}{\part \theta} + \textbf{KL}(q || p)")
'\\frac{\\partial l}{\\partial \\theta} + \\mathrm{KL}(q || p)'
>>> respelled(r"H({\cal X}) + \sum_{i=1}^{i=8} x_i \le \min\{H(X), H(Y)\} + {\bf x}")
'H(\\mathcal{X}) + \\sum_{i=1}^{8} x_i \\le \\min(H(X), H(Y)) + \\mathbf{x}'
>>> respelled(r"\operatorname{lb}\frac{1}{\mathrm{Pr}(x)} + \Pr(X=1)")
'\\log_2\\frac{1}{P(x)} + P(X=1)'
>>> respelled(r"\log\mathbb{P}(X=x) + \log\mathbb P(Y=y)")
'\\log P(X=x) + \\log P(Y=y)'
>>> respelled(r"e^{(x_i - \max_k x_k)} + \min_{j}(z_{j})")
'e^{(x_i - \\max(x))} + \\min(z)'
>>> respelled(r"\cal{Y} + \bf{x}")
'\\mathcal{Y} + \\mathbf{x}'
>>> respelled(r"\sum_{k=1, k \not=j}^c e^{z_k} + \sum_{j \neq i}^{C} y_j + \sum_{k=0,k\ne i} y_k")
'\\sum_{k=1}^{c} (1 - \\delta_{kj}) e^{z_k} + \\sum_{j \\ne i}^{C} y_j + \\sum_{k=0,k\\ne i} y_k'
>>> respelled(r"\frac{a}{b} . \frac{c}{d} + a_i . 1 + x_1, . . . , x_n")
'\\frac{a}{b} \\cdot \\frac{c}{d} + a_i \\cdot 1 + x_1, . . . , x_n'
>>> respelled(r"\Large p = \frac{1}{1 + \exp^{-z}} - \ln{p}_k + a(\textbf{x}) + x_i – c + ŷ_i")
'p = \\frac{1}{1 + e^{-z}} - \\ln p_k + a(\\mathbf{x}) + x_i - c + \\hat{y}_i'
>>> respelled(r"p_+ + p_{-} = 1 - x_-1")
'p_{pos} + p_{neg} = 1 - x_-1'
>>> respelled(r"\ensuremath{\mathrm{e}}^{x} + \bold{X}")
'{\\mathrm{e}}^{x} + \\mathbf{X}'
>>> respelled(r"P[Z = j] + P[X = x | Z = j]")
'P(Z = j) + P(X = x | Z = j)'
>>> respelled(r"\underbrace{\ln \frac{p}{1-p}}_{y} + \overbrace{a + b}^\text{two} + c")
'{\\ln \\frac{p}{1-p}} + {a + b} + c'
>>> respelled(r"\underbrace{a}_{\text{one}} \underbrace{-b}_{\text{two}} = \underbrace{-c}_{d}")
'{a} +{-b} = {-c}'
>>> respelled(r"\frac{\partial L}{\partial z}")        # already right: unchanged
'\\frac{\\partial L}{\\partial z}'
"""
from __future__ import annotations

import re

from symbolic.latex_in.higher_derivatives import second_derivatives
from symbolic.latex_in.errors import LatexSyntaxError
from symbolic.latex_in.log_scope import braced_log_arguments
from symbolic.latex_in.marks import TYPED_SYMBOLS
from symbolic.latex_in.scan import escaped_group_end, matching

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
                        r"_\s*\{[^{}=]*=[^{}]*\}\s*\^|"     # \Sigma_{x \in \mathcal{X}}: a sum too
                        r"_\s*\{\s*[A-Za-z](?:_\w)?\s*\\in(?![A-Za-z])(?:[^{}]|\{[^{}]*\})*\}))")
_MATHOP = re.compile(r"\\mathop\s*\{\s*((?:[^{}]|\{[^{}]*\})*?)\s*\}")
# one TeX token: a command, a braced group (one level of nesting), or a character
_TOKEN = r"(\\[A-Za-z]+|\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9])"
_UNBRACED_ACCENT = re.compile(r"\\(math(?:cal|bf|bb|rm|scr|it|sf|frak)|boldsymbol|bm|hat|widehat|bar|"
                              r"overline|tilde|widetilde|vec|dot|ddot)(?:\s+|(?=\\))(\\[A-Za-z]+|[A-Za-z0-9])")
_UNBRACED_PAIR = re.compile(r"\\([dt]?frac|binom)(?![A-Za-z])\s*" + _TOKEN + r"\s*" + _TOKEN)
_INDICATOR = re.compile(r"\\math(?:bb|bf|rm)\s*\{\s*[1I]\s*\}\s*(?:_\s*)?(?:\{\s*(?:\\\{)?|\(|\[|\\\{)"
                        r"\s*([a-z])\s*(=|\\neq?(?![A-Za-z])|\\not=)\s*([a-z])\s*"
                        r"(?:\\\}\s*\}|\}|\)|\]|\\\})")
_SCRIPT_TOKEN = re.compile(r"(\\(?:sum|prod)\s*_\s*\{[^{}]*\}\s*\^)\s*([A-Za-z0-9])")
_EXP_POWER = re.compile(r"(?<![A-Za-z\\])exp\s*\^")     # (\exp^2 x may be (exp x)²: left alone)
_DOT_PRODUCT = re.compile(r"(?:(?<=_[A-Za-z0-9])|(?<=\}))\.(?=[A-Za-z]_)")
_SPACED_DOT = re.compile(r"(?<=[A-Za-z0-9})\]])\s+\.\s+(?=\\(?!text|quad|qquad|mbox|,|;|!|\\)[A-Za-z]|"
                         r"[A-Za-z0-9({])")
_EXCLUDED_SUM = re.compile(r"\\sum\s*_\s*\{\s*([a-z])\s*(=\s*[^{},]+?)?\s*,?\s*(?:\1\s*)?"
                           r"(?:\\neq?(?![A-Za-z])|\\not\s*=|!=)\s*([a-z])\s*\}"
                           r"(\s*\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
# \Large, \small: a size of type, no meaning
_SIZE = re.compile(r"\\(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)"
                   r"(?![A-Za-z])\s*")
# \ln{p}_k: a braced name after a log, its subscript outside the braces
_BRACED_LOGGED = re.compile(r"(\\(?:log|ln)(?![A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?)\s*\{\s*([A-Za-z])\s*\}(?=\s*_)")
# \exp^{-z} with no argument after it: e raised to -z (\exp^2 x is left alone)
_EXP_RAISED = re.compile(r"\\exp\s*\^\s*\{([^{}]*)\}(?=\s*(?:[-+})=]|\\right|$))")
# p_+, p_{-}: a name with a sign for its label (the positive and the negative class)
_SIGN_LABEL = re.compile(r"(?<![\\A-Za-z])([A-Za-z])\s*_\s*(?:\{\s*([+-])\s*\}|([+-])(?!\s*[\w(\\{]))")
# \textbf{x}, \textbf X: a bold letter, \mathbf{x}
_TEXT_BOLD = re.compile(r"\\textbf\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z])(?![A-Za-z]))")
_DOUBLE_BAR = re.compile(r"\\\|\s*\\\||\\([lr]?)vert\s*(?:\{\s*\})?\s*\\\1vert(?![A-Za-z])(?:\s*\{\s*\})?")
_EMPTY_AFTER_BAR = re.compile(r"(\\vert|\\mid)\s*\{\s*\}")
_PART = re.compile(r"\\part(?![A-Za-z])")
_STYLED_MEASURE = re.compile(r"\\(?:textbf|mathbf|textsf|mathsf|textit|mathit|texttt|mathtt|boldsymbol|bm)\s*\{\s*(KL|CE)\s*\}")
_FONT_SWITCH = re.compile(r"\{\s*\\(cal|bf|rm|it)\s+([^{}]*?)\s*\}|\\(cal|bf|rm|it)\s*([A-Za-z])(?![A-Za-z])")
_BOUND_AS_EQUATION = re.compile(r"(\\(?:sum|prod)\s*_\s*\{\s*([a-z])\s*=[^{}]*\}\s*\^\s*\{)\s*\2\s*=\s*")
_LISTED_EXTREMUM = re.compile(r"\\(min|max)\s*\\\{")
_NAMED_OPERATOR = re.compile(r"\\(?:operatorname|mathrm|text|textrm)\s*\{\s*(lb|Pr)\s*\}|\\(Pr)(?![A-Za-z])|"
                             r"(?<![\\A-Za-z])(Pr)(?=\s*[(\[])|\\mathbb\s*(?:\{\s*(P)\s*\}|\s(P))(?=\s*[(\[])")
# \sum_{xy}, \sum_{ij}: a sum over two variables, each over its values
_PAIR_SUM = re.compile(r"\\sum\s*_\s*\{\s*([a-z])\s*([a-z])\s*\}")
_ENTRY_EXTREMUM = re.compile(r"\\(max|min)\s*_\s*\{?\s*([a-z])\s*\}?\s*(\(\s*)?([A-Za-z])\s*_\s*"
                             r"(?:\{\s*\2\s*\}|\2(?![A-Za-z]))(?(3)\s*\))")
_FONT_COMMAND = re.compile(r"\\(cal|bf)\s*\{")
_BOLD = re.compile(r"\\(?:bold|pmb)(?![A-Za-z])")
# \sqrt \beta_1, \sqrt 2: the root of one token (with its subscript), as the author means
_UNBRACED_ROOT = re.compile(r"\\sqrt(?:\s+|(?=\\))(\\(?!sqrt|frac|dfrac|tfrac|left|big|Big)[A-Za-z]+|[A-Za-z0-9])(\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
# \frac{\delta l(\theta)}{\delta \theta_j}: a derivative written with δ over δ
_DELTA_OVER_DELTA = re.compile(r"\\frac\s*\{\s*\\delta(?![A-Za-z])\s*(?:\{\s*\})?")
_ENSUREMATH = re.compile(r"\\ensuremath\s*\{")
# 1.444e-01, 2e-3: a number in scientific notation (as code prints it), a power of ten
_E_NOTATION = re.compile(r"(?<![\w.\\])(\d+(?:\.\d+)?)[eE]([-+]?)0*(\d+)(?![\w.])")


# { \beta }^{ T }, { e }^{ -z }, { \beta }_{ 1 }: braces around one name before its scripts
# (not the argument of a command, \frac{a}{ b }, nor a script itself, ^{ T })
_GROUPED_NAME = re.compile(r"(?<![A-Za-z_^}\]\\\s])(\s*)\{\s*((?:\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}]*\}|_[A-Za-z0-9])?)"
                           r"\s*\}(?=\s*[_^])")


_DOUBLE_BRACES = re.compile(r"\{\s*(\{[^{}]*\})\s*\}")     # {{x}}: one group
# w^{ T }{ x }: the name after a transpose, in braces
_TRANSPOSED_GROUP = re.compile(r"(\^\s*\{\s*(?:T|\\top)\s*\}\s*)\{\s*((?:\\[A-Za-z]+|[A-Za-z])"
                               r"(?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*\}")


def grouped_names(text: str) -> str:
    r"""A brace group around one name before its sub- or superscript is that name: some
    equation editors write every name in braces.

    >>> grouped_names(r"-{ \beta  }^{ T }x + { e }^{ -z } + { \beta }_{ 1 }^{ T }x")
    '-\\beta^{ T }x + e^{ -z } + \\beta_{ 1 }^{ T }x'
    >>> grouped_names(r"{ \overrightarrow { { { \beta } }_{ c } } }^{ T }{ x }")
    '{ \\overrightarrow { \\beta_{ c } } }^{ T }x'
    >>> grouped_names(r"\frac{a}{ b }^2 + \sqrt{x}^2 + x^{ T }")
    '\\frac{a}{ b }^2 + \\sqrt{x}^2 + x^{ T }'
    """
    previous = None
    while previous != text:     # { { \beta }_{ 1 } }^{ T }: the inner group, then the outer
        previous = text
        text = _DOUBLE_BRACES.sub(r"\1", text)
        text = _GROUPED_NAME.sub(lambda m: m.group(1) + m.group(2), text)
        text = _TRANSPOSED_GROUP.sub(r"\1\2", text)
    return text


def respelled(t: str) -> str:
    """``t`` with the spellings of the module's docstring written the usual way."""
    for char, command in TYPED_SYMBOLS.items():
        t = t.replace(char, command)
    t = _E_NOTATION.sub(lambda m: f"{m.group(1)} \\times 10^{{{m.group(2).strip('+')}{m.group(3)}}}", t)
    t = second_derivatives(t)       # \frac{\partial^2 f}{\partial x^2}: two derivatives in a row
    t = _SPACED_SCRIPT.sub("", t)
    t = _SIZE.sub("", t)
    t = braced_log_arguments(_BRACED_LOGGED.sub(r"\1 \2", t))
    t = _EXP_RAISED.sub(r"e^{\1}", t)
    t = _SIGN_LABEL.sub(lambda m: m.group(1) + ("_{pos}" if "+" in (m.group(2) or m.group(3))
                                                else "_{neg}"), t)
    t = _TEXT_BOLD.sub(lambda m: "\\mathbf{" + (m.group(1) or m.group(2)) + "}", t)
    t = _PAIR_SUM.sub(lambda m: f"\\sum_{{{m.group(1)},{m.group(2)}}}" if m.group(1) != m.group(2)
                      else m.group(0), t)
    t = _NAMED_OPERATOR.sub(lambda m: "\\log_2" if m.group(1) == "lb" else      # \log\Pr(x): \log P(x)
                            " P" if m.start() and m.string[m.start() - 1].isalpha() else "P", t)
    t = _bracketed_probabilities(_without_braces(t))     # \text{Pr}[y = 1 | x]: P(y = 1 | x)
    t = _ENSUREMATH.sub("{", _BOLD.sub(r"\\mathbf", t))
    t = _FONT_COMMAND.sub(r"\\math\1{", t)        # \cal{Y}: \mathcal{Y}
    t = _ENTRY_EXTREMUM.sub(r"\\\1(\4)", t)          # \max_k x_k: \max(x)
    t = _FONT_SWITCH.sub(lambda m: "\\math" + (m.group(1) or m.group(3)) + "{" +
                         (m.group(2) or m.group(4)) + "}", t)
    t = _BOUND_AS_EQUATION.sub(r"\1", t)
    t = _listed_extrema(t)
    t = _PART.sub(r"\\partial", t)
    t = _DOUBLE_BAR.sub(r"\\|", t)
    t = _EMPTY_AFTER_BAR.sub(r"\1 ", t)
    t = _SCRIPT_TOKEN.sub(r"\1{\2}", t)
    t = _EXP_POWER.sub("e^", t)
    t = _DOT_PRODUCT.sub(r" \\cdot ", t)
    t = _SPACED_DOT.sub(r" \\cdot ", t)
    t = _EXCLUDED_SUM.sub(_excluded_sum, t)
    t = _STYLED_MEASURE.sub(r"\\mathrm{\1}", t)
    t = _UNBRACED_ROOT.sub(lambda m: "\\sqrt{" + m.group(1) + (m.group(2) or "").strip() + "}", t)
    t = _delta_derivatives(plain_fractions(t))
    t = _UNBRACED_ACCENT.sub(r"\\\1{\2}", t)
    t = _UNBRACED_PAIR.sub(_braced_pair, t)
    t = _INDICATOR.sub(lambda m: f"\\delta_{{{m.group(1)}{m.group(3)}}}" if m.group(2) == "="
                       else f"(1 - \\delta_{{{m.group(1)}{m.group(3)}}})", t)
    t = _SIGMA_SUM.sub(r"\\sum", t)
    t = _MATHOP.sub(r"\1", t)        # \mathop{\mathrm{argmax}}_{\theta}: the operator inside
    t = _BARE_MINUS_POWER.sub(lambda m: "^{-" + m.group(1) + "}", t)
    t = _UNDERSET_OPERATOR.sub(r"\\\2_{\1}", t)
    t = _SUBSCRIPTED_E.sub(r"\\mathbb{E}\1", t)
    return _LOST_PARTIAL.sub(lambda m: m.group(1) + "\\partial " + m.group(2)
                             if not m.group(2).lstrip().startswith(("\\partial", "d"))
                             else m.group(0), t)


_OVER = re.compile(r"\\(?:over|atop|choose)(?![A-Za-z])")


def plain_fractions(t: str) -> str:
    r"""TeX's ``{a \over b}``: the whole group over the whole group, written ``\frac{a}{b}``
    (the parser took ``{1 \over 1 + x}`` for 1 + x). An ``\over`` outside braces, or a binomial
    ``\atop``, is left as it is (it is not read).

    >>> plain_fractions(r"{1 \over 1+\exp(-x)} + {a+b \over {c}}")
    '\\frac{1 }{ 1+\\exp(-x)} + \\frac{a+b }{ {c}}'
    """
    for m in reversed(list(_OVER.finditer(t))):
        if m.group(0) == "\\atop":
            continue
        depth, i = 0, m.start() - 1
        while i >= 0 and not (t[i] == "{" and depth == 0 and t[i - 1:i] != "\\"):
            if t[i] == "}" and t[i - 1:i] != "\\":
                depth += 1
            elif t[i] == "{" and t[i - 1:i] != "\\":
                depth -= 1
            i -= 1
        if i < 0:
            continue
        try:
            close = matching(t, i)
        except LatexSyntaxError:
            continue
        command = "\\frac{" if m.group(0) == "\\over" else "\\binom{"
        t = (t[:i] + command + t[i + 1:m.start()] + "}{" + t[m.end():close] + "}"
             + t[close + 1:])
    return t


def _delta_derivatives(t: str) -> str:
    r"""``\frac{\delta l(\theta)}{\delta(\theta_j)}``: δ over δ is the derivative's ∂ (a δ
    over anything else, ``\frac{\delta w}{w}``, is an increment and stays).

    >>> _delta_derivatives(r"\frac{\delta{}l(\theta)}{\delta(\theta_j)} + \frac{\delta w}{w}")
    '\\frac{\\partial l(\\theta)}{\\partial \\theta_j} + \\frac{\\delta w}{w}'
    """
    for m in reversed(list(_DELTA_OVER_DELTA.finditer(t))):
        close = matching(t, t.index("{", m.start()))
        below = re.match(r"\s*\{\s*\\delta(?![A-Za-z])\s*(?:\{\s*\})?\s*", t[close + 1:]) if close > 0 else None
        if below is None:
            continue
        rest = close + 1 + below.end()
        end = matching(t, close + 1 + t[close + 1:].index("{"))
        if end < 0:
            continue
        variable = t[rest:end].strip()
        if variable.startswith("(") and matching(variable, 0) == len(variable) - 1:
            variable = variable[1:-1].strip()      # \delta(\theta_j)
        t = (t[:m.start()] + "\\frac{\\partial " + t[m.end():close].strip() + "}{\\partial " +
             variable + "}" + t[end + 1:])
    return t


_PROBABILITY_BRACKET = re.compile(r"(?<![A-Za-z\\_^])P\s*\[")


_BRACE_NOTE = re.compile(r"\\(under|over)brace\s*\{")
# the label after the brace: a group, or one command (with its group), or one character
_LABEL = re.compile(r"\s*[_^]\s*(?:\\[A-Za-z]+\s*(?=\{)|\\[A-Za-z]+|[^{\s])?")


def _without_braces(t: str) -> str:
    """``t`` with each ``\\underbrace{A}_{…}`` and ``\\overbrace{A}^{…}`` written ``{A}``."""
    def braced(m):
        close = matching(t, m.end() - 1)
        label = _LABEL.match(t, close + 1)
        end = close + 1
        if label:
            end = label.end()
            if t[end - 1:end] != "{" and t[end:end + 1] == "{":
                end = matching(t, end) + 1
        body = t[m.end():close]
        before = t[:m.start()].rstrip()
        # A \underbrace{-B}_{…}: a brace that starts with its sign, after a term, adds to it
        joins = body.lstrip()[:1] in "+-" and before[-1:] not in ("", "=", "(", "{", "[", "+", "-", "&")
        return ("+" if joins else "") + "{" + body + "}", end
    return _each_bracket(t, _BRACE_NOTE, braced)


def _bracketed_probabilities(t: str) -> str:
    """``P[A]`` written ``P(A)`` (a bracket that does not close is left as it is)."""
    def probability(m):
        end = matching(t, m.end() - 1)
        return t[m.start():m.end() - 1] + "(" + t[m.end():end] + ")", end + 1
    return _each_bracket(t, _PROBABILITY_BRACKET, probability)


def _each_bracket(t: str, pattern: re.Pattern, rewrite) -> str:
    """``t`` with each match of ``pattern`` (one that opens a bracket) and what follows it
    up to ``rewrite(match)``'s end replaced by its text; a match inside one rewritten, or
    whose bracket does not close (``LatexSyntaxError``), is left as it is."""
    out, last = [], 0
    for m in pattern.finditer(t):
        if m.start() < last:
            continue
        try:
            text, end = rewrite(m)
        except LatexSyntaxError:
            continue
        out.append(t[last:m.start()] + text)
        last = end
    return "".join(out) + t[last:]


def _excluded_sum(m) -> str:
    index, start, left_out, top = m.group(1), m.group(2), m.group(3), m.group(4)
    if index == left_out or start and start.replace(" ", "") != "=1":
        return m.group(0)
    if not start:      # \sum_{k \not= j}: the reader's own sum-except
        return f"\\sum_{{{index} \\ne {left_out}}}" + (top or "")
    upper = top.strip().lstrip("^").strip() if top else ""
    if upper and not upper.startswith("{"):
        upper = "{" + upper + "}"
    return (f"\\sum_{{{index}=1}}" + (f"^{upper}" if upper else "") +
            f" (1 - \\delta_{{{index}{left_out}}})")


def _braced_pair(m) -> str:
    """``\\frac 1 \\lambda`` → ``\\frac{1}{\\lambda}``; a pair already braced is left as written."""
    if m.group(2).startswith("{") and m.group(3).startswith("{"):
        return m.group(0)
    return "\\" + m.group(1) + "".join(g if g.startswith("{") else "{" + g + "}"
                                     for g in m.group(2, 3))


def _listed_extrema(t: str) -> str:
    """``\\min\\{a, b\\}`` → ``\\min(a, b)`` (the braces matched; a set left open stays)."""
    while True:
        m = _LISTED_EXTREMUM.search(t)
        if not m:
            return t
        i = escaped_group_end(t, m.end())
        if i < 0:
            return t
        t = t[:m.start()] + "\\" + m.group(1) + "(" + t[m.end():i - 2] + ")" + t[i:]
