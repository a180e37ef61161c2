"""Recognise what a side of a definition names: a lone symbol or a function.

``\\hat{y}_3``, ``l_{t}^{i}``, ``\\theta^*``, ``MSE_{train}`` and ``\\mathbf{w}`` are lone
names; ``f(x)``, ``h(\\mathbf{x})``, ``L'(\\mathrm{w})``, ``\\mathcal{L}(\\theta)`` and
``logistic(X\\beta)`` are functions applied to arguments.  Set to something as the
first relation of a chain, either defines the name; it is not a claim.

>>> lone_name(r"\\hat{y}_3"), lone_name(r"l_{t}^{i}"), lone_name("y^2"), lone_name("e^{z}")
('y', 'l', None, None)
>>> lone_name(r"a^{[0]}"), lone_name(r"y_k^{LS}")
('a', 'y')
>>> lone_name(r"x^\\star"), lone_name(r"\\varepsilon^+")
('x', 'varepsilon')
>>> lone_name("e_n"), lone_name("e")
('e', None)
>>> lone_name(r"\\text{sample}\\ 1\\ \\text{loss}")
'sample1loss'
>>> function_head(r"L'(\\mathrm{w})"), function_head(r"H(p, q)")
(("L'", 'w'), None)
"""
from __future__ import annotations

import re

from symbolic.latex_in.scan import plain_parentheses

_DECORATION = re.compile(r"\\(?:hat|widehat|tilde|widetilde|bar|overline|vec|check|dot|ddot|"
                         r"mathbf|boldsymbol|bm|mathrm|mathit|mathcal|mathscr|mathsf|mathbb|"
                         r"operatorname\*?|text|textrm|textit|textbf)\s*")
# sub- and superscripts that label a name rather than raise it to a power
_LABEL_SCRIPT = re.compile(r"\s*(?:_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\?[A-Za-z0-9])|"
                           r"\^\s*(?:\{\s*(?:\([^{}()]*\)|\[[^{}\[\]]*\]|[A-Z]{2,}|[A-Za-z]|\\top|\\prime|\*|T|"
                           r"\\ast|\\star|[+-])\s*\}|"
                           r"\\top|\\prime|\\ast|\\star|\*|[+-]|T(?![A-Za-z]))|'+)\s*$")
_CORE = re.compile(r"\\[A-Za-z]+|[A-Za-z]+")
# names the reader gives a meaning of its own: applied, they are claims, not definitions
KNOWN_FUNCTIONS = {"H", "I", "D", "KL", "CE", "p", "q", "r", "P", "Q", "R", "E", "\\sigma",
                   "sigmoid", "softmax", "logit", "odds", "log", "ln", "exp", "\\log", "\\ln",
                   "\\exp", "\\sigmoid", "\\softmax", "\\logit", "\\odds", "\\KL", "\\CE",
                   "\\mathbb{E}", "max", "min", "\\max", "\\min", "JS", "JSD", "\\JS"}


def _strip(text: str) -> str:
    """The text without outer decorations and label scripts (one layer at a time)."""
    t = text.strip()
    while True:
        before = t
        m = _LABEL_SCRIPT.search(t)
        if m and m.start() > 0:
            t = t[:m.start()].rstrip()
        d = _DECORATION.match(t)
        if d:
            rest = t[d.end():]
            if rest.startswith("{") and _closing(rest) == len(rest) - 1:
                t = rest[1:-1].strip()
            elif re.fullmatch(r"\\?[A-Za-z]+", rest):
                t = rest
        if t.startswith("{") and _closing(t) == len(t) - 1:
            t = t[1:-1].strip()
        if t == before:
            return t


def _closing(text: str) -> int:
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0:
            return i
    return -1


_TEXT_NAME = re.compile(r"(?:\s|\\[ ,;:!]|\\quad|\d|\\(?:text|textrm|mathrm)\s*\{[^{}]*\})+")


def lone_name(text: str) -> str | None:
    """The core of a lone, possibly decorated and labelled, name; else None.

    A name spelled in words (``\\text{sample}\\ 1\\ \\text{loss}``) is one name.
    """
    if "\\text" in text and _TEXT_NAME.fullmatch(text.strip()):
        return re.sub(r"\\(?:text|textrm|mathrm)\s*\{([^{}]*)\}|\\.|\s+", r"\1", text).strip()
    core = _strip(text)
    m = _CORE.fullmatch(core)
    named_e = core == "e" and re.fullmatch(r"\s*e\s*_.*", text, re.S) is not None   # e_n, an error
    if not m or core in ("e", "\\infty", "\\pi", "\\cdot", "\\ldots", "\\sum", "\\prod") \
            and not named_e:
        return None   # e^{z} is a power of e, not a name
    return core.lstrip("\\")


def function_head(text: str) -> tuple[str, str] | None:
    """(name, arguments) of ``name(arguments)`` when the name is not one the reader knows;
    ``L \\left( p, \\lambda \\right)`` is ``L(p, \\lambda)``."""
    t = plain_parentheses(text)
    if not t.endswith(")"):
        return None
    depth, start = 0, -1
    for i in range(len(t) - 1, -1, -1):
        depth += t[i] == ")"
        depth -= t[i] == "("
        if depth == 0:
            start = i
            break
    if start <= 0:
        return None
    head = t[:start].strip()
    if "^" in head and not re.search(r"\^\s*\{?\s*(?:\*|\\ast|\\prime)\s*\}?\s*$", head):
        return None     # e^{z}(1 - P), x^2(1 + x): a power times a bracket
    head = re.sub(r"\^\s*\{?\s*\\prime\s*\}?", "'", head)   # g^\prime(z) is g'(z), not g(z)
    if re.search(r"\^\s*\{?\s*(?:\*|\\ast)\s*\}?\s*$", head):
        return None     # q^*(x): the optimum, another function than q (not read as one)
    prime = re.search(r"'+$", head)
    core = _strip(head[:prime.start()] if prime else head)
    if not _CORE.fullmatch(core) or core in KNOWN_FUNCTIONS or \
            re.fullmatch(r"\\(?:left|right|big|Big|bigg|Bigg)", core):
        return None
    args = re.sub(r"\\(?:mathbf|boldsymbol|mathrm|bm)\s*\{([^{}]*)\}", r"\1", t[start + 1:-1])
    return core + (prime.group(0) if prime else ""), args.strip()


# a lone name: y_n, \hat{y}, \bar{x}, \tilde{x}_i, \hat{\beta}_0
BARE_NAME = re.compile(r"\s*((?:\\math(?:cal|scr)\s*\{\s*[A-Z]\s*\}|\\(?:hat|bar|tilde|overline)\s*\{\s*(?:[A-Za-z]|\\(?:beta|theta|mu|sigma|alpha)"
                       r"(?![A-Za-z]))\s*\}|\\hat\{[A-Za-z]\}?|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?)\s*")


def in_terms_of_itself(lhs_text: str, rhs_text: str) -> bool:
    """Is ``lhs = rhs`` a lone name equated to an expression in that name (``p = e^a(1 - p)``)?
    An equation being solved, then, which offers itself to the next row.

    >>> in_terms_of_itself("p", "e^a (1-p)"), in_terms_of_itself("p", "e^a"), in_terms_of_itself("p_1", "p_2")
    (True, False, False)
    """
    bare = BARE_NAME.fullmatch(lhs_text)
    if not bare:
        return False
    name = bare.group(1).strip()
    return re.search(r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z0-9_])", rhs_text) is not None
