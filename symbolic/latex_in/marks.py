r"""Names with marks: primes, superscript labels and decorations (docs/latex.md).

Real posts decorate their names.  Each mark makes a name of its own, distinct from the bare
letter: ``\theta'`` (also ``\theta^{'}``, ``\theta^{\prime}``, ``C’``) is the name θ', never
θ; ``W^{[1]}``, ``y_k^{LS}`` and ``x^{(train)}`` carry their label in the name, so
``W^{[1]}`` and ``W^{[2]}`` are two names; ``\hat{\beta}``, ``\tilde{d}`` and ``\bar{x}``
are names of their own.  A name with a mark is held as a real symbol whose name has a
``'`` or a ``^`` in it, which the parser never gives a symbol it reads (it drops primes and
reads ``^`` as a power), so no name the author writes can be taken for it.

A prime on an applied function is its derivative when the reader knows the function: the
sigmoid (``\sigma'(z)``) or a function of one variable the text defined (``f(x) = x^2``, then
``f'(x)``).  A prime on any other applied function, and a label on an applied name
(``Q_i^{(t)}(z)``, ``f^{(n)}(x)``, the n-th derivative), are not read.

>>> normalise_marks(r"\theta^{'} + \sigma^{\prime}(z) + \hat\beta + \hat{\beta_0} + C’")
"\\theta' + \\sigma'(z) + \\hat{\\beta} + \\hat{\\beta}_{0} + C'"
>>> normalise_marks(r"\hat{y}^{\text{(train)}} - y^{\mathrm{train}}")
'\\hat{y}^{(train)} - y^{(train)}'
>>> marked_name(r"w_{1,2}^{[1]} x", 0), marked_name(r"\theta' + 1", 0)
(('w_{1,2}^{[1]}', 13, 0, False), ("theta'", 7, 1, False))
>>> marked_name(r"\sigma'(z)", 0), marked_name("y^2", 0), marked_name(r"x_{i}", 0)
(("sigma'", 7, 1, True), None, None)
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import quantities as qu
from symbolic.latex_in.errors import UnknownNotation
from symbolic.latex_in.scan import matching, split_top

GREEK = (r"alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|"
          r"mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|"
          r"Sigma|Phi|Psi|Omega")


def _unicode_greek() -> dict:
    """Each Greek letter of :data:`GREEK` typed as a character (θ, Σ) -> its command."""
    import unicodedata
    out = {}
    for name in GREEK.split("|"):
        case = "CAPITAL" if name[0].isupper() else "SMALL"
        spelled = name.upper().replace("LAMBDA", "LAMDA")     # Unicode's spelling
        if not name.startswith("var"):
            out[unicodedata.lookup(f"GREEK {case} LETTER {spelled}")] = f"\\{name} "
    return out


#: symbols typed into math as characters, and their commands: ∂, ×, θ, Σ (a space after a
#: command, as TeX ends one)
TYPED_SYMBOLS = {"∂": "\\partial ", "−": "-", "×": "\\times ", "·": "\\cdot ", "∑": "\\sum ",
                 "∏": "\\prod ", "∞": "\\infty ", "∈": "\\in ", "～": "\\sim ", "∼": "\\sim ",
                 "–": "-", "ŷ": "\\hat{y}", **_unicode_greek()}

_DECORATIONS = r"hat|widehat|tilde|widetilde|bar|overline|check|breve"
_LETTER = r"(?:\\(?:" + GREEK + r")(?![A-Za-z])|[A-Za-z])"
_SUB = r"_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]|\\(?:" + GREEK + r")(?![A-Za-z]))"
# a superscript label: [l], (train), (t, k), LS (two capitals), or a word of three letters
_LABEL = (r"\^\s*\{\s*(?:\[[^{}\[\]]+\]|\(\s*[A-Za-z][^{}()]*\)|[A-Z]{2,}|[A-Za-z]{3,})\s*\}")
_MARKED = re.compile(r"(?P<core>\\(?:" + _DECORATIONS + r")\s*\{\s*" + _LETTER + r"\s*\}|"
                     + _LETTER + r")\s*(?P<sub>" + _SUB + r")?\s*(?:(?P<primes>'+)|"
                     r"(?P<label>" + _LABEL + r"))(?:\s*(?P<sub2>" + _SUB + r"))?")


# what follows X' in X'X, w'x, x'\beta: another factor, so the prime may be a transpose
_NAME_NEXT = re.compile(r"\s*(?:[A-Za-z]|\\(?:" + GREEK + r"|mathbf|boldsymbol|bm|hat|tilde|bar)"
                        r"(?![A-Za-z]))")


def normalise_marks(text: str) -> str:
    r"""One spelling for each mark: primes as ``'``, a decoration's braces, a subscript out of
    the decoration (``\hat{\beta_0}`` is ``\hat{\beta}_0``), words of a label unwrapped.

    >>> normalise_marks(r"f^{\prime\prime}(x) + \tilde d + x^{\text{train}} + g\prime(x)")
    "f''(x) + \\tilde{d} + x^{(train)} + g'(x)"
    """
    t = re.sub(r"\^\s*\{\s*((?:'|\\prime(?![A-Za-z])\s*)+)\}",
               lambda m: "'" * (m.group(1).count("'") + m.group(1).count("\\prime")),
               text.replace("’", "'"))
    t = re.sub(r"\^\s*\\prime(?![A-Za-z])", "'", t)
    t = re.sub(r"(?<=[A-Za-z}])\s*\\prime(?![A-Za-z])", "'", t)     # f\prime(x), as typed
    t = re.sub(r"\\(" + _DECORATIONS + r")(?:\s+([A-Za-z])(?![A-Za-z])|\s*(\\(?:" + GREEK +
               r"))(?![A-Za-z]))", lambda m: f"\\{m.group(1)}{{{m.group(2) or m.group(3)}}}", t)
    t = re.sub(r"\\(" + _DECORATIONS + r")\s*\{\s*(" + _LETTER + r")\s*_\s*(\{[^{}]*\}|[A-Za-z0-9])"
               r"\s*\}(?!\s*_)", lambda m: f"\\{m.group(1)}{{{m.group(2)}}}_{{{m.group(3).strip('{}')}}}",
               t)
    return re.sub(r"\^\s*\{\s*\\(?:text|textrm|mathrm|textit|mathit)\s*\{\s*\(?\s*([A-Za-z]+)"
                  r"\s*\)?\s*\}\s*\}", r"^{(\1)}", t)


# o^{(i)}(…): the i-th example times a bracket, or the i-th derivative applied (f^{(n)}(x))
_INDEX_BEFORE_BRACKET = re.compile(r"(?<![\\A-Za-z])((?:\\(?:hat|tilde)\s*\{\s*)?(?:[A-Za-z]|\\(?:"
                                   + GREEK + r")(?![A-Za-z]))\s*\}?)\s*\^\s*\{\s*\(\s*([a-z])\s*\)"
                                   r"\s*\}(?=\s*\()")


def example_products(text: str) -> str:
    r"""``o^{(i)}(1 - o^{(i)})``: the bracket uses the i-th example of the same name, so the
    name before it is that example (a product), not an i-th derivative applied.  Without it
    (``f^{(n)}(x)``) nothing changes.

    >>> example_products(r"o^{(i)}(1-o_{i}) + \hat{y}^{(i)}(1 - \hat{y}^{(i)}) + f^{(n)}(x)")
    'o_{i}(1-o_{i}) + \\hat{y}_{i}(1 - \\hat{y}^{(i)}) + f^{(n)}(x)'
    """
    out = text
    for m in reversed(list(_INDEX_BEFORE_BRACKET.finditer(text))):
        open_at = text.index("(", m.end())
        close = matching(text, open_at)
        core, k = re.sub(r"\s+", "", m.group(1)), m.group(2)
        inner = re.sub(r"\s+", "", text[open_at + 1:close]) if close > 0 else ""
        if re.search(r"(?<![\\A-Za-z])" + re.escape(core) + r"(?:_\{?" + k + r"\}?|\^\{\(" + k + r"\)\})",
                     inner):
            out = out[:m.start()] + f"{m.group(1)}_{{{k}}}" + out[m.end():]
    return out


def _canonical(part: str) -> str:
    """A core or script as the parser names it: no spaces or backslashes, one-character
    subscripts without braces."""
    p = re.sub(r"\s+|\\", "", part)
    return re.sub(r"_\{(\w)\}$", r"_\1", p)


def marked_name(t: str, i: int):
    """``(name, end, primes, applied)`` of a name with a prime or a superscript label that
    starts at ``i`` of ``t``, else None.

    >>> marked_name(r"y_k^{LS} + 1", 0), marked_name(r"W^{[2]}_{ij}", 0)
    (('y_k^{LS}', 8, 0, False), ('W_{ij}^{[2]}', 12, 0, False))
    """
    if i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\") or _in_script(t, i):
        return None     # \sum_{k'}, z_{k'}: a bound or an index with a prime is not read
    m = _MARKED.match(t, i)
    if not m or m.group("core") == "e" and not m.group("sub"):
        return None     # e' or e^{(…)}: Euler's number, not read
    name = _canonical(m.group("core")) + (_canonical(m.group("sub")) if m.group("sub") else "")
    if m.group("sub2"):
        if m.group("sub"):
            return None
        name += _canonical(m.group("sub2"))
    if m.group("primes"):
        name += m.group("primes")
    else:
        label = re.sub(r"\s+", "", m.group("label"))[1:]
        name += "^" + re.sub(r"^\{\((.*)\)\}$", r"{\1}", label)   # x^{(train)}: x^{train}
    applied = t[m.end():].lstrip().startswith("(")
    return name, m.end(), len(m.group("primes") or ""), applied


_BOUND_ABOVE = re.compile(r"\\(?:sum|prod|int)\s*(?:_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?\w+))?\s*\^$")


def _in_script(t: str, i: int) -> bool:
    """Is position ``i`` inside the braces of a sub- or superscript (``\\sum_{x' \\in X}``)?

    >>> _in_script("z_{k'}", 3), _in_script("a + {b'}", 5), _in_script("x_1 + b'", 6)
    (True, False, False)
    >>> _in_script("e^{-b'}", 4), _in_script(r"\\sum_{i=1}^{n'}", 13)
    (False, True)
    """
    depth = 0
    for j in range(i - 1, -1, -1):
        depth += (t[j] == "}") - (t[j] == "{")
        if depth < 0:
            before = t[:j].rstrip()
            if before.endswith("_") or _BOUND_ABOVE.search(before):
                return True     # an exponent (e^{-\theta'}) is an expression like any other
            depth = 0
    return False


def _multiplied(t: str, start: int, end: int) -> bool:
    """Is the name at ``t[start:end]`` written beside another factor (``W^{[2]} a^{[1]}``)?

    >>> _multiplied("W^{[1]} W^{[2]}", 0, 7), _multiplied("W^{[1]} + 1", 0, 7)
    (True, False)
    """
    before, after = t[:start].rstrip(), t[end:].lstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "})") or \
        re.match(r"[A-Za-z0-9(]|\\(?!cdot|times|right|frac)[A-Za-z]|\\(?:cdot|times)(?![A-Za-z])",
                 after) is not None


def is_marked(name: str) -> bool:
    """Is ``name`` one a mark made (a symbol the parser never names so)?

    >>> is_marked("theta'"), is_marked("W^{[1]}"), is_marked("theta_1")
    (True, True, False)
    """
    return "'" in name or "^" in name


# g^{-1}(y), \sigma^{-1}(p): a function's inverse applied (not the reciprocal of g(y))
_INVERSE_APPLIED = re.compile(r"(\\sigma|\\phi|\\psi|[A-Za-z])\s*\^\s*(?:\{\s*-\s*1\s*\}|-1)\s*(?:\\left\s*)?\(")


class MarkedNames:
    """A part of :class:`symbolic.latex_in.parse.Reader` (it uses ``sem``, ``read_side`` and
    ``_hold``)."""

    def _inverse_at(self, t: str, i: int):
        """``g^{-1}(y)`` for a function letter (f, g, h, σ, or one the text defines): the
        inverse function applied, an unknown quantity (the parser read 1/g(y))."""
        m = _INVERSE_APPLIED.match(t, i)
        if not m or i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\"):
            return None
        letter = m.group(1).lstrip("\\")
        if letter not in ("f", "g", "h", "sigma", "phi", "psi") and letter not in self.sem.functions:
            return None     # x^{-1}(1 - x): a product
        close = matching(t, m.end() - 1)
        return self._hold(self.opaque(t[i:close + 1], m.group(1))), close + 1

    def _marked_at(self, t: str, i: int, offset: int, depth: int):
        inverse = self._inverse_at(t, i)
        if inverse:
            return inverse
        found = marked_name(t, i)
        if not found:
            return None
        name, end, primes, applied = found
        if primes and (_NAME_NEXT.match(t, end) or name[0].isupper() and
                       re.match(r"\s*\\(?:cdot|times)(?![A-Za-z])", t[end:])):
            raise UnknownNotation("unknown notation (a prime before a name: X'X, w'x may be a "
                                  "transpose, and vectors and matrices are not read)", offset + i)
        if "^{[" in name and name[0].isupper() and _multiplied(t, i, end):
            raise UnknownNotation("unknown notation (a layer's matrix W^{[l]} times another "
                                  "factor: vectors and matrices are not read)", offset + i)
        if not applied:
            return self._hold(sp.Symbol(name, real=True)), end
        if not primes:
            return None     # Q_i^{(t)}(z), f^{(n)}(x): not read (rejected later)
        base = name.rstrip("'")
        close = matching(t, t.index("(", end))
        inner = t[t.index("(", end) + 1:close]
        if base in ("sigma", "sigmoid"):
            u = sp.Dummy("u", real=True)
            body, variables = qu.Sigmoid(u), (u,)
        elif base in self.sem.functions:
            lam = self.sem.functions[base]
            body, variables = lam.expr, lam.variables
            if len(variables) != 1 or body.atoms(sp.Derivative, sp.Integral) or \
                    any(getattr(s, "name", "").startswith("⟨") for s in body.free_symbols):
                raise UnknownNotation(f"the derivative {base}{chr(39) * primes} of a function "
                                      "of several variables or of unread parts is not read",
                                      offset + i)
        else:
            raise UnknownNotation(f"unknown notation (a primed name, θ' or f'(x)): the "
                                  f"derivative of {base}, a function the text does not define",
                                  offset + i)
        if len(split_top(inner, ",")) != 1:
            raise UnknownNotation(f"{base}{chr(39) * primes} takes one argument", offset + i)
        arg = self.read_side(inner, offset + i, depth + 1)
        derivative = sp.diff(body, variables[0], primes)
        return self._hold(derivative.xreplace({variables[0]: arg})), close + 1


# \sum_{k'}, \sum_{k'=1}^{K}, \prod_{j' \neq j}: a sum or a product bound by a primed letter
_PRIMED_BOUND = re.compile(r"\\(?:sum|prod)\s*_\s*\{\s*([A-Za-z])('+)\s*(?=[=}]|\\(?:in|neq?)(?![A-Za-z]))")
_FRESH_INDICES = "jklmnpqrstuvwabcdfghi"


def primed_indices(text: str, chain_text: str = "") -> str:
    r"""``\sum_{k'} e^{z_{k'}}``: the index a sum binds is a name of its own, so a primed one is
    renamed to a letter that no side of the chain (``chain_text``) writes.  The same chain
    gives every side the same letter; a primed name no sum binds is left as it is.

    >>> primed_indices(r"\frac{e^{z_k}}{\sum_{k'=1}^{K} e^{z_{k'}}}")
    '\\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_{j}}}'
    >>> primed_indices(r"\sum_{j'} a_{j j'} + \sum_{j''} b_{j''}", r"\sum_{j'} a_{j j'} = 1")
    '\\sum_{l} a_{j l} + \\sum_{k} b_{k}'
    >>> primed_indices(r"\theta' = \theta - \eta g")
    "\\theta' = \\theta - \\eta g"
    """
    context = f"{chain_text} {text}"
    if "'" not in context and "prime" not in context:
        return text         # nothing primed: the usual case, without a pass over the chain
    context = normalise_marks(context)
    primed = sorted({m.group(1) + m.group(2) for m in _PRIMED_BOUND.finditer(context)},
                    key=lambda name: (-len(name), name))
    if not primed:
        return text
    used = set(re.sub(r"\\[A-Za-z]+", " ", context))
    fresh = [c for c in _FRESH_INDICES if c not in used]
    if len(fresh) < len(primed):
        return text
    out = normalise_marks(text)
    for name, letter in zip(primed, fresh):
        out = re.sub(r"(?<![\\A-Za-z])" + re.escape(name) + r"(?!')", letter, out)
    return out
