"""Pre-parser passes: normalise LaTeX and spot information-theory notation.

``clean`` removes what carries no meaning (spacing, ``\\left``/``\\right``,
bold, ``\\dfrac``) and turns ``\\text{…}``-style names into commands the next
pass knows.  ``log_to_base`` makes the default base of ``\\log`` explicit (the
parser would read ``\\log`` as base 10).

>>> clean(r"D_{\\text{KL}}(p \\;\\|\\; q)")
'\\\\KL(p ‖ q)'
>>> clean(r"\\textrm{softmax}(x_i) + \\dfrac{1}{2}")
'\\\\softmax(x_i) + \\\\frac{1}{2}'
>>> clean(r"\\ell_{\\text{semi-sup}} + p_{\\text{model}}")
'\\\\ell_{semisup} + p_{model}'
>>> clean(r"x^{(i)} + \\hat{y}^{(i)} + f^{(n)}(z) + (a+b)^{(2)}")
'x_{i} + \\\\hat{y}_{i} + f^{(n)}(z) + (a+b)^{(2)}'
"""
from __future__ import annotations

import re

from symbolic.latex_in.integrals import differential_last, whole_range_integrals
from symbolic.latex_in.log_scope import logs_end_at_products
from symbolic.latex_in.spellings import grouped_names, respelled

from symbolic.latex_in.errors import UnknownNotation
from symbolic.latex_in.marks import example_products, normalise_marks
from symbolic.latex_in.written_forms import (bracketed_logs, braced_probabilities,  # noqa: F401
                                             siunitx_numbers)

NAMED = {
    "H": "H", "CE": "\\CE", "KL": "\\KL", "D_{KL}": "\\KL", "JS": "\\JS", "JSD": "\\JS",
    "sigmoid": "\\sigmoid",
    "logit": "\\logit", "softmax": "\\softmax", "odds": "\\odds", "log": "\\log",
    "ln": "\\ln", "exp": "\\exp", "E": "\\mathbb{E}", "I": "I", "h": "h", "arg": "\\arg",
    "logistic": "\\sigmoid",
}
_TEXT_CMD = r"\\(?:text|textrm|mathrm|operatorname\*?|textnormal|mathit|textit|rm|mbox)\s*\{([^{}]*)\}"


def _named(m: re.Match) -> str:
    word = m.group(1).strip()
    # a command, then a space before a letter: \operatorname{ln}p is \ln p, not \lnp
    gap = " " if m.string[m.end():m.end() + 1].isalpha() else ""
    if word in NAMED:
        return NAMED[word] + (gap if NAMED[word].startswith("\\") else "")
    if re.sub(r"\\[,;: ]|\s", "", word).lower() in ("argmax", "argmin"):   # \mathrm{arg\,max}
        return "\\arg\\" + re.sub(r"\\[,;: ]|\s", "", word).lower()[3:] + gap
    if word.lower() in ("softmax", "sigmoid", "logit", "odds", "log", "ln", "exp"):
        return NAMED[word.lower()] + gap        # \text{Softmax}
    if re.fullmatch(r"[A-Za-z]", word):     # \log\mathrm{e}: \log e, never the command \loge
        return (" " if m.string[m.start() - 1:m.start()].isalpha() else "") + word + gap
    return m.group(0)


# a decimal cut off with an ellipsis at the end of a side, or before its unit: 2.58492\ldots
_TRUNCATED = re.compile(r"(\d*\.\d+)\s*(?:\.{2,3}|…|\\(?:ldots|dots|cdots)(?![A-Za-z]))"
                        r"(?=\s*(?:$|\\text|\\mathrm|\\,|\\tag|\\quad))")


# ^*, ^{*}, ^\ast, ^{\star}: the star that marks an optimum
_STARRED = r"\s*\^\s*(?:\*|\{\s*(?:\*|\\ast|\\star)\s*\}|\\(?:ast|star)(?![A-Za-z]))"


def clean(text: str) -> str:
    """Drop layout, normalise names (see the module docstring)."""
    t = respelled(text)     # \log _ { 2 }, \underset{z}{\sum}, \frac{\partial L}{z_i}
    t = _TRUNCATED.sub(r"\1", t)   # = 2.58492...: the digits written, the rest cut off
    t = siunitx_numbers(t)          # \num{0.72}, \SI{1.5}{bits}: the number
    # \nabla_{\lambda} f, \partial_{o_j} f: the derivative in one scalar (\nabla_{\mathbf{w}} stays)
    t = re.sub(r"\\(?:nabla|partial)\s*_\s*(?:\{\s*((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]\}?)?)\s*\}|"
               r"(\\[A-Za-z]+|[A-Za-z])(?![A-Za-z{]))",
               lambda m: "\\frac{\\partial}{\\partial " + (m.group(1) or m.group(2)) + "}", t)
    # a parenthetical remark made only of text: (\text{Jensen})
    t = re.sub(r"(?<![A-Za-z0-9}\]])\(\s*" + _TEXT_CMD + r"\s*\)", " ", t)   # (not p(\text{tails}))
    t = re.sub(r"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![A-Za-z])\s*"
               r"(\\\{|\\\}|\\\||\\[A-Za-z]+|\.|.)",
               lambda m: "" if m.group(1) == "." else m.group(1), t)
    t = re.sub(r"\\(?:displaystyle|limits|nolimits|quad|qquad|enspace|thinspace|medspace|"
               r"thickspace|enskip|quad)(?![A-Za-z])", " ", t)
    t = re.sub(r"\\[,;:! ]|\\(?:text|mbox|hbox|textrm)\s*\{\s*\}", " ", t)   # \text{ }: a space
    t = re.sub(r"\\_(?=\s*[{\w])", "_", t)     # \mathcal{D}\_{KL}: Markdown's escaped subscript
    t = re.sub(r"\\\*", "*", t)                  # \theta^\*: Markdown's escaped star
    t = braced_probabilities(t)                # P\{X = x\}, \Pr\{…\}: P(X = x)
    t = re.sub(r"[_^]\s*\{\s*\}(?=\s*[A-Za-z])", " ", t)     # \int_{}^{}p(x): empty scripts, then a name
    t = re.sub(r"[_^]\s*\{\s*\}", "", t)      # \sum_{}^{}{p(x)}, p_{}(y): empty scripts of an editor
    t = re.sub(r"(?<=[}\s])\{\s*\}(?!\s*[_^])", " ", t)   # \sum_{x=1}^{K} {} p(x): an empty group
    t = re.sub(r"(\\(?:times|cdot|pm|mp|div|ast|circ|cdots|ldots|dots))\s*\{\s*\}", r"\1 ", t)  # \times{}
    t = re.sub(r"\(\s+(?=\S)", "(", t)               # \sigma( \boldsymbol {a})_j: σ(a)_j
    t = re.sub(r"(?<=\d)\s*x\s*(?=\d)", r" \\times ", t)   # 32 x 32 x 3: a times sign between numbers
    t = re.sub(r"(?<![A-Za-z\\])d\s*\{\s*([A-Za-z])\s*\}", r"d\1", t)   # d{\bf y}: the differential dy
    t = re.sub(r"\(\s*\{\s*([^{}()]*?)\s*\}\s*\)", r"(\1)", t)   # P({ x }): a group, the argument x
    t = re.sub(r"(?<![\\A-Za-z_^}\]])\{\s*([A-Za-z])\s*\}(?=\s*_)", r"\1", t)   # { D }_{ KL }: the letter D
    t = re.sub(r"(_\s*\{[^{}]*\})\s*\{\s*([A-Za-z])\s*\}(?=\s*_)", r"\1 \2", t)   # { p }_{ i }{ p }_{ j }
    # L_n^*, b_{ij}^{*}: a subscripted name starred, one name (L_{nstar}), not a power
    t = re.sub(r"(?<![\\A-Za-z_^])((?!\\(?:sum|prod|int|oint|iint|lim|max|min|sup|inf|bigcup|"
               r"bigcap|coprod)(?![A-Za-z]))\\[A-Za-z]+|[A-Za-z])\s*_\s*(?:\{\s*([A-Za-z0-9]+)\s*\}|"
               r"([A-Za-z0-9]))" + _STARRED, lambda m: f"{m.group(1)}_{{{m.group(2) or m.group(3)}star}}", t)
    # θ^*, q^{*}(x), w^\ast: a name (the optimum), not a power
    t = re.sub(r"(?<![\\A-Za-z_^])(\\[A-Za-z]+|[A-Za-z])" + _STARRED, r"\1_{star}", t)
    # x^+, \varepsilon^{-} before a relation, a comma or a bracket: a name (the positive part), not a power
    t = re.sub(r"(?<![\\A-Za-z_^])(\\[A-Za-z]+|[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\^\s*(?:\{\s*([+-])\s*\}|([+-]))"
               r"(?=\s*(?:[=<>,;)\]]|\\(?:le|ge|leq|geq|neq|ne|approx|quad|right)(?![A-Za-z])|$))",
               lambda m: m.group(1) + "_{" + ("plus" if (m.group(2) or m.group(3)) == "+" else "minus") + "}", t)
    t = re.sub(r"(?:\\|(?<![A-Za-z]))log\s*_\s*\{?\s*e\s*\}?(?![A-Za-z])", r"\\ln", t)   # \log_e x, log_e x
    t = normalise_marks(t.replace("~", " ").replace("’", "'"))   # θ^{\prime} is θ'
    t = re.sub(r"\\(?:[dt]frac|cfrac(?:\[[lrc]\])?)(?![A-Za-z])", r"\\frac", t)   # \cfrac[l]{a}{b}
    t = re.sub(r"\\bigtriangledown(?![A-Za-z])", r"\\nabla", t)
    t = re.sub(r"\\partial\s*\{\s*((?:[^{}]|\{[^{}]*\})*?)\s*\}", r"\\partial \1", t)   # \partial{p_{k}}
    if "\\int" in t:     # \int\int p(x, y) … dydx: the differentials written as one word
        t = differential_last(t)                    # \int \mathrm{d}z\, p(x, z)
        t = re.sub(r"(?<![A-Za-z\\])d([a-z])\s*d([a-z])(?![A-Za-z])", r"d\1 \\, d\2", t)
    # \partial L / \partial z_j: the derivative written with a slash
    t = re.sub(r"\\partial\s*((?:\\[A-Za-z]+\s*\{[A-Za-z]\}|\\?[A-Za-z]+)(?:_\{?[A-Za-z0-9]+\}?)?"
               r"(?:\s*\([^()]*\))?)\s*/\s*"
               r"\\partial\s*((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?)",
               r"\\frac{\\partial \1}{\\partial \2}", t)
    # \sum_xp(x), \sum_{i=1}^np_i: a script of one character, as LaTeX takes it, then the body
    t = re.sub(r"(\\(?:sum|prod)(?:\s*[_^]\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*?\s*[_^])\s*([A-Za-z0-9])"
               r"(?=[A-Za-z\\])", r"\1{\2} ", t)
    # \frac{dL}{dz}.\frac{dz}{dw}: a dot between a fraction and a command is a product
    t = re.sub(r"(?<=[})])\s*\.\s*(?=\\(?:frac|partial|left|sum|sigma|exp|log|ln)(?![A-Za-z]))",
               r" \\cdot ", t)
    # \frac12, \frac1{n}, \frac{a}2: one-token arguments without braces
    t = re.sub(r"\\frac\s*([0-9A-Za-z])\s*([0-9A-Za-z])", r"\\frac{\1}{\2}", t)
    t = re.sub(r"\\frac\s*([0-9A-Za-z])\s*\{", r"\\frac{\1}{", t)
    t = re.sub(r"\\frac\s*(\{[^{}]*\})\s*([0-9A-Za-z])", r"\\frac\1{\2}", t)
    # \boldsymbol{x^{(i)}}: one level of braces inside; \mid\mathbf{x} keeps the command apart
    t = grouped_names(t)
    t = re.sub(r"(\\[A-Za-z]+)?\\(?:mathbf|boldsymbol|bm|mathbb\{([A-DF-Z])\}|vec|overrightarrow)\s*"
               r"\{((?:[^{}]|\{[^{}]*\})*)\}",
               lambda m: (m.group(1) + " " if m.group(1) else " " if m.start() and
                          m.string[m.start() - 1].isalnum() else "") + m.group(3), t)  # M^T\vec{u}
    t = re.sub(r"\\vec\s+([A-Za-z])(?![A-Za-z])", r"\1", t)      # \vec x: the vector x
    t = grouped_names(t)
    # \ell_{\text{semi-sup}}, p_{\text{model}}: the words of a subscript are its label
    t = re.sub(r"_\s*(\{\s*)?\\(?:text|textrm|mathrm|rm|textit|mathit|operatorname)\s*\{([A-Za-z][A-Za-z -]*)\}"
               r"(?(1)\s*\})", lambda m: "_{" + re.sub(r"[\s-]", "", m.group(2)) + "}", t)   # x_\text{max}
    t = re.sub(r"\\(top|intercal)(?=[A-Za-z0-9])", r"\\\1 ", t)   # \mathbf{w}^\top\mathbf{x}
    t = re.sub(_TEXT_CMD, _named, t)
    t = example_products(t)     # o^{(i)}(1 - o^{(i)}): the i-th example times a bracket
    # x^{(i)}, \hat{y}^{(i)}: the i-th example, not a power (f^{(n)}(x), applied, is left)
    t = re.sub(r"(?<![\\A-Za-z])((?:\\(?:hat|tilde)\s*\{\s*)?(?:[A-Za-z]|\\(?:theta|phi|mu|sigma|beta|"
               r"alpha|pi|lambda|gamma|tau|omega)(?![A-Za-z]))\s*\}?)\s*\^\s*\{\s*\(\s*([a-z](?:\s*[+-]\s*\d+)?|\d+)\s*\)"
               r"\s*\}(?!\s*\()", r"\1_{\2}", t)
    # q^{(t)}(Z), p^{(t)}(z|x): a distribution at iteration t (of f^{(n)}(x), the n-th derivative)
    t = re.sub(r"(?<![\\A-Za-z])([pPqQ])\s*\^\s*\{\s*\(\s*([a-z]|\d+)\s*\)\s*\}(?=\s*\()", r"\1_{\2}", t)
    t = bare_functions(t)
    t = _INVERSE_FUNCTION.sub(lambda m: _INVERSES[m.group(1)], t)   # logit^{-1}(x): the sigmoid
    t = _ZERO_LOG_ZERO.sub(" 0 ", t)                # 0 \log 0 = 0
    t = _LOG_OF_ZERO.sub(r"(-\\infty)", t)             # \log 0 = -∞, a limit, by convention
    # E\{(X - \mu)^2\}, \mathbb{E}_q\{…\}: escaped braces after an expectation are its brackets
    t = _BRACED_EXPECTATION.sub(r"\1[\2]", t)
    # exp\{z_i/T\}: escaped braces around a function's argument are its parentheses
    t = re.sub(r"(\\(?:exp|log|ln)(?:_\{?\w+\}?)?)\s*\\\{((?:(?!\\[{}]).)*)\\\}", r"\1(\2)", t)
    # \hat\theta: the parser wants the braces
    t = re.sub(r"\\hat\s*(\\(?:theta|phi|beta|mu|sigma|pi|alpha|lambda|eta|omega))(?![A-Za-z])",
               r"\\hat{\1}", t)
    # ŷ_{θ, i}: the model parameters θ left implicit, the data index kept
    t = re.sub(r"\\hat\{([A-Za-z])_\{?([a-z])\}?\}_\{\s*\\theta\s*,\s*\2\s*\}", r"\\hat{\1}_{\2}", t)
    t = re.sub(r"(\\hat\{[A-Za-z]\}|\\hat [A-Za-z]|[A-Za-z])_\{\s*\\theta\s*,\s*([a-z])\s*\}", r"\1_{\2}", t)
    # ŷ_θ: a prediction's θ subscript only marks its dependence on the parameters
    t = re.sub(r"(\\hat\{[A-Za-z]\}|\\hat [A-Za-z])_(?:\{\s*\\theta\s*\}|\\theta)(?![A-Za-z(])",
               r"\1", t)
    # D_{KL}, \mathcal{D}_{KL}, \mathbb{D}_{\mathrm{KL}} (the subscript's words are unwrapped above)
    t = re.sub(r"(?:\\math(?:cal|bb|rm|bf)\s*\{\s*D\s*\}|(?<![\\A-Za-z])D)\s*"
               r"(?:_\s*\{?\s*\\?KL\s*\}?|_\{\s*\\KL\s*\})", r"\\KL", t)
    # D_{JS}, JSD(P ‖ Q), JS(P, Q): the Jensen–Shannon divergence
    t = re.sub(r"(?:(?:\\math(?:cal|bb|rm)\s*\{\s*D\s*\}|(?<![\\A-Za-z])D)\s*_\s*\{?\s*\\?JSD?\s*\}?|"
               r"(?<![\\A-Za-z])JSD?)(?=\s*[(\[])", r"\\JS", t)
    t = re.sub(r"\\mid\s*\\mid(?![A-Za-z])|\\vert\s*\\vert(?![A-Za-z])|∥", "‖", t)   # p \vert\vert q
    t = re.sub(r"\\(?:arrowvert|lvert|rvert)(?![A-Za-z])", "|", t)
    t = re.sub(r"\\(?:parallel|Vert|Arrowvert|lVert|rVert)(?![A-Za-z])|\\\||\|\|", "‖", t)
    t = re.sub(r"\\mathbb\{KL\}|\\mathcal\{KL\}", r"\\KL", t)
    t = re.sub(r"\\math(?:cal|bb)\s*\{\s*H\s*\}(?=\s*[_(\[])", "H", t)   # \mathcal{H}_q(Z)
    t = re.sub(r"\\mathbb\s*\{\s*I\s*\}(?=\s*\([^()]*;)", "I", t)   # \mathbb{I}(X;Y), not an indicator
    # D(p ‖ q) without a subscript: the KL divergence
    t = re.sub(r"(?<![\\A-Za-z_])D\s*(?=\((?:[^()‖]|\([^()]*\))*‖)", r"\\KL", t)
    t = re.sub(r"\\(?:mid|vert)(?![A-Za-z])", "|", t)
    t = re.sub(r"\\(?:lvert|rvert)(?![A-Za-z])", "|", t)
    t = re.sub(r"\|\s*\\mathcal\{[A-Z]\}(?:_\{?[A-Z]\}?)?\s*\|", " K ", t)
    t = re.sub(r"\\(?:cdotp|centerdot)(?![A-Za-z])", r"\\cdot", t)
    t = re.sub(r"(\\lim\s*_\s*\{[^{}]*?)\\(?:rightarrow|longrightarrow)(?![A-Za-z])", r"\1\\to", t)
    t = bracketed_logs(t)
    t = logs_end_at_products(t)
    t = whole_range_integrals(t)
    t = re.sub(r"  +", " ", t)
    return t.strip()


_BARE_WORD = re.compile(r"(?<![\\A-Za-z])(?<!_\{)(argmax|argmin|softmax|sigmoid|logit|odds|log|ln|exp|"
                        r"max|min|tanh|sinh|cosh|sin|cos|KL(?=\s*[(\[])|CE(?=\s*\()|"
                        r"logistic(?=\s*\())(\d*)(?![A-Za-z])(?!\d*\.\d)")   # not log10.5
# log0.5846, ln.25: the log of a decimal below 1 written right after it
_LOG_OF_DECIMAL = re.compile(r"(?<![\\A-Za-z])(log|ln)(0?\.\d+)(?![\d.])")
# ln glued between one-letter names (NlnN, n_ilnn_i, lnq(x)); never inside a longer word
_GLUED_LN = re.compile(r"(?<![\\A-Za-z])([A-Za-z](?:_\{?[A-Za-z0-9]\}?)?)?ln"
                       r"(?=[A-Za-z](?:[^A-Za-z]|$)|\()")
# log or ln glued to a probability: logP(x), lnq(x), logp_{\theta}(x)
_GLUED_LOG = re.compile(r"(?<![\\A-Za-z])(log|ln)(?=[PpQq](?:_\{?\\?\w+\}?)?\s*\(|[A-Za-z](?![A-Za-z]))")   # logw, logZ_p
_WORD = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{3,}(?![A-Za-z])")
# plog_2p, qlog(q): one letter, then the log (never inside a longer word: catalog)
_LETTER_LOG = re.compile(r"(?<![\\A-Za-z])([A-Za-z])log(?=_|\s*\(|[A-Za-z](?![A-Za-z]))")   # ylogp
# \log_20.7, \log_2p: a one-character base (2 to 9, or e) glued to the argument
_ONE_TOKEN_BASE = re.compile(r"\\(log|lg)_([2-9A-Za-z])(?=[\d.A-Za-z])")
# y_klog(p_k): a one-character subscript, then the log (LaTeX takes only the k)
# (p_ilogp_i: the log of one-letter name after it too; ln: _GLUED_LN)
_SUBSCRIPT_GLUED = re.compile(r"(_[A-Za-z0-9])(log|exp)(?![A-Za-z]{2})")
# 0 \log 0, 0 \times \log_2(0): 0 by the convention of information theory
_ZERO_LOG_ZERO = re.compile(r"(?<![\d.])0\s*(?:\\cdot|\\times)?\s*\\(?:log|ln)(?:\s*_\s*\{?\w+\}?)?\s*"
                            r"(?:\(\s*0\s*\)|\{\s*0\s*\}|0)(?![\d.])")


# logit^{-1}(x), \sigmoid^{-1}(p): the inverse function, written before its argument
_INVERSE_FUNCTION = re.compile(r"\\(logit|sigmoid)\s*\^\s*(?:\{\s*-\s*1\s*\}|-1)(?=\s*\()")
_INVERSES = {"logit": "\\sigmoid", "sigmoid": "\\logit"}
_BRACED_EXPECTATION = re.compile(r"(?<![\\A-Za-z])((?:\\mathbb\s*\{?E\}?|E)(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?)"
                                 r"\s*\\\{((?:(?!\\[{}]).)*)\\\}")

_LOG_OF_ZERO = re.compile(r"\\(?:log|ln)(?![A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*"
                          r"(?:\(\s*0\s*\)|\{\s*0\s*\}|0(?![\d.]))")

_WORDED_LOG = re.compile(r"(?<![_^])(?<![_^] )\\(?:text|textrm|mathrm|operatorname|rm|mbox)\s*\{\s*"
                         r"(log|ln|lg|exp|tanh|sinh|cosh)\s*\}")


def bare_functions(text: str) -> str:
    r"""Function names written without a backslash: ``log``, ``log2``, ``ln``, ``exp``, …

    >>> bare_functions("log_{2}{2^1} + log2(x) - exp(z) + argmax_y f")
    '\\log_{2}{2^1} + \\log_{2}(x) - \\exp(z) + \\arg\\max_y f'

    ``ln`` glued to one-letter names, as in ``NlnN - n_ilnn_i + lnq(x)``, is the logarithm:

    >>> bare_functions("NlnN - n_ilnn_i + lnq(x) - y_iln(q_i)")
    'N \\ln N - n_i \\ln n_i + \\ln q(x) - y_i \\ln (q_i)'
    >>> bare_functions("-logP(x) + logq_{\\theta}(x) + logZ_p - ylogp")
    '-\\log P(x) + \\log q_{\\theta}(x) + \\log Z_p - y \\log p'
    >>> bare_functions(r"p(x)\text{log}_{2}p(x)")
    'p(x)\\log_{2}p(x)'
    >>> bare_functions(r"\frac{\text{sinh}(z)}{\text{cosh}(z)} + logistic(x) + L^\text{logistic}(b)")
    '\\frac{\\sinh(z)}{\\cosh(z)} + \\sigmoid(x) + L^\\text{logistic}(b)'
    >>> bare_functions("-log0.5846 + log2(8) + log10.5")
    '-\\log(0.5846) + \\log_{2}(8) + log10.5'
    >>> bare_functions("-y_klog(p_k) - p_ilogp_i")
    '-y_k \\log(p_k) - p_i \\log p_i'
    """
    def command(m: re.Match) -> str:
        word, digits = m.group(1), m.group(2)
        if word.startswith("arg"):
            return f"\\arg\\{word[3:]}" + digits
        name = NAMED.get(word, "\\" + word)
        return name + (f"_{{{digits}}}" if digits and word == "log" else digits)

    text = _WORDED_LOG.sub(lambda m: f"\\{m.group(1)}" + (" " if text[m.end():m.end() + 1].isalpha()
                                                       else ""), text)   # \text{log}_{2}; \operatorname{ln}p
    text = _SUBSCRIPT_GLUED.sub(r"\1 \2", text)
    named = [m.span() for m in re.finditer(_TEXT_CMD, text)]   # \operatorname{arg\,max}
    text = _LETTER_LOG.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in named)
                           else f"{m.group(1)} log", text)            # plog_2p: p log_2 p
    text = _GLUED_LOG.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in named)
                          else f"\\{m.group(1)} ", text)
    text = _GLUED_LN.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in named)
                         else f"{m.group(1) or ''} \\ln ", text)
    text = _LOG_OF_DECIMAL.sub(r"\\\1(\2)", text)
    text = _BARE_WORD.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in named)
                          else command(m), text)
    return _ONE_TOKEN_BASE.sub(r"\\\1_{\2} ", text)     # \log_20.7: TeX's base is the one token 2


def numbers_only(text: str) -> bool:
    r"""Is ``text`` arithmetic in numbers alone (``-\log_2(1/2)``, ``\frac{1}{2} \ln 2``)?

    >>> numbers_only(r"-\log_2(1/2)"), numbers_only(r"-\log_2 p(x)"), numbers_only("")
    (True, False, False)
    """
    plain = re.sub(r"\\[A-Za-z]+", "", bare_functions(text))
    return bool(re.search(r"\d", plain)) and not re.search(r"[A-Za-z]", plain)


def words_in_math(text: str) -> list[str]:
    """Runs of three or more letters that are not commands or subscript labels.

    >>> words_in_math(r"logistic(X) + p_{model} + \\hat{y}^{train} + w_{1new}")
    ['logistic']
    """
    out = []
    scripts = [m.span() for m in re.finditer(r"_\s*\{[^{}]*\}", text)]   # w_{1new}: a label
    for m in _WORD.finditer(text):
        before = text[:m.start()].rstrip()
        if before.endswith(("_", "^", "_{", "^{")) or any(a < m.start() < b for a, b in scripts):
            continue
        out.append(m.group(0))
    return out


def log_to_base(text: str, base) -> str:
    r"""Write the default base of every ``\log`` without one.

    >>> log_to_base(r"\log x + \log_2 y", None)
    '\\ln x + \\log_2 y'
    >>> log_to_base(r"\log x", 2)
    '\\log_{2} x'
    """
    repl = r"\\ln" if base is None or str(base) in ("E", "e") else "\\\\log_{" + str(base) + "}"
    return re.sub(r"\\log(?![A-Za-z_])", repl, text)


# y_k^{LS}, W^{[l]}, \theta^{(t+1)}: a label, not a power (x^{(i)} was made x_i before;
# e^{(-z)} is a power)
_SUPERSCRIPT_LABEL = (r"\^\s*\{\s*(?:[A-Z]{2,}|[A-Za-z]{3,})\s*\}|"
                      r"(?<![\\A-Za-z])(?:\\[A-Za-z]+|[A-DF-Za-df-z])\s*(?:_\{[^{}]*\}|_\w)?\s*"
                      r"\^\s*\{\s*[\[(]")


# y_i^t, y^p_j: a letter over an entry of a family (its script below)
_LETTER_OVER_ENTRY = re.compile(r"(?<![\\A-Za-z])(?!\\(?:sum|prod|int|iint|oint|lim|max|min|sup|inf|bigcup|bigcap|"
                                r"coprod)(?![A-Za-z]))(\\?[A-Za-z]+)\s*(_\s*(?:\{[^{}]*\}|\w))?\s*\^\s*(?:\{\s*([A-Za-z])\s*\}|"
                                r"([A-Za-z]))(?![A-Za-z_{])(?(2)|\s*_\s*(?:\{[^{}]*\}|\w))")


def labelled_entries(text: str) -> str | None:
    r"""An entry of a family with two letters over it in one relation (``y_i^t`` and ``y_i^p``:
    target and prediction), the first written; None.  Two powers of one entry by letters are
    rarer than such labels.

    >>> labelled_entries(r"-y_i^t + \sum_j y_j^t y_i^p = y_i^p - y_i^t"), labelled_entries(r"x^a x^b = x^{a+b}")
    ('y_i^t', None)
    """
    over = {}
    for m in _LETTER_OVER_ENTRY.finditer(text):
        over.setdefault(m.group(1), {}).setdefault(m.group(3) or m.group(4), m.group(0))
    return next((min(v.values(), key=text.find) for v in over.values() if len(v) > 1), None)


def reject_unknown(text: str, offset: int = 0) -> None:
    """Raise ``UnknownNotation`` for text the reader cannot give a meaning to."""
    labelled = labelled_entries(text)
    if labelled:
        raise UnknownNotation(f"unknown notation (letters over an entry, {labelled}: labels such "
                              "as target and prediction, not powers)", offset + text.find(labelled))
    # \lim_{x \to 0^{+}}: the arrow of a limit's subscript is the limit's own
    text = re.sub(r"\\lim\s*_\s*\{(?:[^{}]|\{[^{}]*\})*\}", lambda m: " " * len(m.group(0)), text)
    words = words_in_math(text)
    if words:
        raise UnknownNotation(f"the word {words[0]!r} in math: a name the text does not define, "
                              "not a product of letters", offset + text.find(words[0]))
    for pattern, what in ((_TEXT_CMD, "text"), (r"\\begin\{(\w+\*?)\}", "environment"),
                          (r"\\cap(?![A-Za-z])|\\cup(?![A-Za-z])", "set operation"),
                          (r"\\cases(?![A-Za-z])", "a matrix or a cases block that is not read"),
                          (r"\\(?:to|rightarrow|mapsto|in|sim|forall|exists)(?![A-Za-z])",
                           "symbol"),
                          (r"\\vdots|\\cdots|\\ldots|\\dots", "ellipsis"),
                          (r"\\det(?![A-Za-z])", "a determinant: matrices are not read"),
                          # E f(X), EX: an expectation written with a plain E and no bracket
                          (r"(?<![\\A-Za-z{])E(?=\s*(?:[A-Za-z]|\\(?!cdot|times|quad)[A-Za-z]))",
                           "an expectation E X without a bracket"),
                          (r"\^\s*(?:\{\s*(?:T|\\top|\\mathrm\{T\}|\\intercal)\s*\}|T(?![A-Za-z])|"
                           r"\\top(?![A-Za-z]))", "transpose: vectors and matrices are not read"),
                          (r"\\(?:arg|sup|inf|argmin|argmax)(?![A-Za-z])|\\(?:min|max)(?![A-Za-z])(?!\s*\()",
                           "optimisation"),
                          (r"'|\^\s*\{?\s*\\prime", "a primed name, θ' or f'(x)"),
                          (r"‖\s*[_^]", "a norm ‖x‖_2: vectors are not read"),
                          (r"\\(?:sum|prod)\s*_\s*\{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*_", "a sum over a "
                           "subscripted variable"),
                          (_SUPERSCRIPT_LABEL, "a superscript label, y^{LS}, W^{[l]} or θ^{(t+1)}"),
                          # (1/2)^{1000000000}, 5000!: exact numbers of thousands of digits
                          (r"\^\s*\{?\s*-?\s*\d{4,}|\d{4,}\s*!", "a power or factorial too large to "
                           "compute exactly")):
        m = re.search(pattern, text)
        if m:
            raise UnknownNotation(f"unknown notation ({what}): {m.group(0)!r}", offset + m.start())


_WRITTEN_LOG = re.compile(r"\\(?:log|lg|ln)(?![A-Za-z])(?:\s*_\s*(?:\{\s*([A-Za-z0-9]+)\s*\}|"
                          r"([A-Za-z0-9])))?|(?<![\\A-Za-z])log(\d+)(?=\s*\()|"
                          r"\\(?:operatorname|mathrm)\s*\{\s*lb\s*\}")


def written_bases(text: str) -> set:
    r"""The bases of the logs ``text`` writes: ``'2'``, ``'b'``, ``'e'`` for ``\ln`` and a
    bare ``\log``; ``\lg`` and ``\operatorname{lb}`` are base 2.

    >>> sorted(written_bases(r"-\sum_x p(x) \log_2 p(x) + \log_{10} 3 - \ln 2")), written_bases("H(p)")
    (['10', '2', 'e'], set())
    >>> written_bases(r"-\operatorname{lb} P(x_i)")
    {'2'}
    """
    out = set()
    for m in _WRITTEN_LOG.finditer(text):
        base = m.group(1) or m.group(2) or m.group(3)
        word = m.group(0)
        out.add(base if base else "2" if word.startswith("\\lg") or "lb" in word else "e")
    return out
