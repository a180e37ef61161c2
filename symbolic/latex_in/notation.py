"""Pre-parser passes: normalise LaTeX and spot information-theory notation.

``clean`` removes what carries no meaning (spacing, ``\\left``/``\\right``,
bold, ``\\dfrac``) and turns ``\\text{…}``-style names into commands the next
pass knows.  ``log_to_base`` makes the default base of ``\\log`` explicit (the
parser would read ``\\log`` as base 10).

>>> clean(r"D_{\\text{KL}}(p \\;\\|\\; q)")
'\\\\KL(p ‖ q)'
>>> clean(r"\\textrm{softmax}(x_i) + \\dfrac{1}{2}")
'\\\\softmax(x_i) + \\\\frac{1}{2}'
"""
from __future__ import annotations

import re

from symbolic.latex_in.errors import UnknownNotation

NAMED = {
    "H": "H", "CE": "\\CE", "KL": "\\KL", "D_{KL}": "\\KL", "sigmoid": "\\sigmoid",
    "logit": "\\logit", "softmax": "\\softmax", "odds": "\\odds", "log": "\\log",
    "ln": "\\ln", "exp": "\\exp", "E": "\\mathbb{E}", "I": "I", "h": "h",
}
_TEXT_CMD = r"\\(?:text|textrm|mathrm|operatorname\*?|textnormal|mathit|textit|rm)\s*\{([^{}]*)\}"


def _named(m: re.Match) -> str:
    word = m.group(1).strip()
    if word in NAMED:
        return NAMED[word]
    if re.fullmatch(r"[A-Za-z]", word):
        return word
    return m.group(0)


def clean(text: str) -> str:
    """Drop layout, normalise names (see the module docstring)."""
    t = text
    # a parenthetical remark made only of text: (\text{Jensen})
    t = re.sub(r"\(\s*" + _TEXT_CMD + r"\s*\)", " ", t)
    t = re.sub(r"\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![A-Za-z])\s*"
               r"(\\\{|\\\}|\\\||\\[A-Za-z]+|\.|.)",
               lambda m: "" if m.group(1) == "." else m.group(1), t)
    t = re.sub(r"\\(?:displaystyle|limits|nolimits|quad|qquad|enspace|thinspace|medspace|"
               r"thickspace|enskip|quad)(?![A-Za-z])", " ", t)
    t = re.sub(r"\\[,;:! ]", " ", t)
    t = t.replace("~", " ")
    t = re.sub(r"\\[dt]frac(?![A-Za-z])", r"\\frac", t)
    t = re.sub(r"\\(?:mathbf|boldsymbol|bm|mathbb\{([A-DF-Z])\})\s*\{([^{}]*)\}",
               lambda m: m.group(2), t)
    t = re.sub(_TEXT_CMD, _named, t)
    # \hat\theta: the parser wants the braces
    t = re.sub(r"\\hat\s*(\\(?:theta|phi|beta|mu|sigma|pi|alpha|lambda|eta|omega))(?![A-Za-z])",
               r"\\hat{\1}", t)
    # ŷ_{θ, i}: the model parameters θ left implicit, the data index kept
    t = re.sub(r"\\hat\{([A-Za-z])_\{?([a-z])\}?\}_\{\s*\\theta\s*,\s*\2\s*\}", r"\\hat{\1}_{\2}", t)
    t = re.sub(r"(\\hat\{[A-Za-z]\}|\\hat [A-Za-z]|[A-Za-z])_\{\s*\\theta\s*,\s*([a-z])\s*\}", r"\1_{\2}", t)
    # ŷ_θ: a prediction's θ subscript only marks its dependence on the parameters
    t = re.sub(r"(\\hat\{[A-Za-z]\}|\\hat [A-Za-z])_(?:\{\s*\\theta\s*\}|\\theta)(?![A-Za-z(])",
               r"\1", t)
    t = re.sub(r"D_\{?\\?KL\}?|D_\{\\KL\}", r"\\KL", t)
    t = re.sub(r"\\mid\s*\\mid(?![A-Za-z])", "‖", t)
    t = re.sub(r"\\(?:parallel|Vert)(?![A-Za-z])|\\\||\|\|", "‖", t)
    t = re.sub(r"\\(?:mid|vert)(?![A-Za-z])", "|", t)
    t = re.sub(r"\\(?:lvert|rvert)(?![A-Za-z])", "|", t)
    t = re.sub(r"\|\s*\\mathcal\{[A-Z]\}(?:_\{?[A-Z]\}?)?\s*\|", " K ", t)
    t = re.sub(r"\\(?:cdotp|centerdot)(?![A-Za-z])", r"\\cdot", t)
    t = re.sub(r"  +", " ", t)
    return t.strip()


def log_to_base(text: str, base) -> str:
    r"""Write the default base of every ``\log`` without one.

    >>> log_to_base(r"\log x + \log_2 y", None)
    '\\ln x + \\log_2 y'
    >>> log_to_base(r"\log x", 2)
    '\\log_{2} x'
    """
    repl = r"\\ln" if base is None else "\\\\log_{" + str(base) + "}"
    return re.sub(r"\\log(?![A-Za-z_])", repl, text)


def reject_unknown(text: str, offset: int = 0) -> None:
    """Raise ``UnknownNotation`` for text the reader cannot give a meaning to."""
    for pattern, what in ((_TEXT_CMD, "text"), (r"\\begin\{(\w+\*?)\}", "environment"),
                          (r"\\cap(?![A-Za-z])|\\cup(?![A-Za-z])", "set operation"),
                          (r"\\(?:to|rightarrow|mapsto|in|sim|forall|exists|cases)(?![A-Za-z])",
                           "symbol"),
                          (r"\\vdots|\\cdots|\\ldots|\\dots", "ellipsis"),
                          (r"\\(?:arg|min|max|sup|inf|argmin|argmax)(?![A-Za-z])", "optimisation")):
        m = re.search(pattern, text)
        if m:
            raise UnknownNotation(f"unknown notation ({what}): {m.group(0)!r}", offset + m.start())
