"""Patterns and small helpers the reader's passes share (the LaTeX parser call too)."""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.latex_in import models as mo
from symbolic.latex_in.errors import LatexSyntaxError, ParserRejection, UnknownNotation
from symbolic.latex_in.scan import top_level


_CAPITAL_I = sp.Symbol("I", real=True)


def _convert(text: str, offset: int, notes: list | None = None):
    from symbolic.latex_in.latex_parser import parse_latex
    try:
        value = parse_latex(text, notes)
        # a capital I is a name (an identity matrix σ²I, a count \sum_{i=1}^{I}), never the
        # imaginary unit: (\sigma^2 I)^2 = -\sigma^4 was proved
        return value.xreplace({sp.I: _CAPITAL_I}) if isinstance(value, sp.Basic) and \
            value.has(sp.I) else value
    except RecursionError:
        raise LatexSyntaxError("expression too deeply nested", offset) from None
    except Exception as exc:  # the parser's own errors: the side is unreadable
        msg = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise ParserRejection(f"cannot parse {text.strip()!r}: {msg}", offset) from None


# \arg\min_\theta, \arg\max_{\theta}, \operatorname*{arg\,min}_\theta at the start of a side
_ARGOPT = re.compile(r"\s*(?:\\arg\s*\\(min|max)|\\arg(min|max)|\\(?:operatorname\*?|mathrm)"
                     r"\{\s*arg\s*(min|max)\s*\})\s*(?:_\s*\{\s*([^{}]*?)\s*\}|_\s*(\\?[A-Za-z]+))\s*")
# \max_\theta, \min_{q} at the start of a side: the maximum (minimum) over a variable
_EXTREMUM = re.compile(r"\s*\\(max|min)\s*_\s*(?:\{\s*([^{}]*?)\s*\}|(\\?[A-Za-z]+))\s*")
# \underset{\theta}{\arg\min}: the same as \arg\min_{\theta}
_UNDERSET = re.compile(r"\\underset\s*\{([^{}]*)\}\s*\{\s*(\\arg\s*\\(?:min|max)|\\arg(?:min|max)|"
                       r"\\(?:operatorname\*?|mathrm)\{\s*arg\s*(?:min|max)\s*\})\s*\}")
# a θ-independent term: constant, const, \text{const}
_CONST = re.compile(r"(?:\\(?:text|textrm|mathrm)\{\s*(?:constant|const)\.?\s*\}|"
                    r"(?:constant|const)(?![A-Za-z]))")
# a named pmf applied to arguments: p_{model}(…), \hat{p}_{data}(…), q_\theta(…), p(…)
_COND = re.compile(r"(\\hat\s*\{\s*[pPqQ]\s*\}|\\hat\s+[pPqQ]|[pPqQ])\s*"
                   r"(?:_\{\s*([^{}]*?)\s*\}|_\s*(\\?[A-Za-z]+))?\s*\(")
# y_i, y_{i}, y^{(i)} (Goodfellow's data index), y; X = x_i is x_i
_DATA_POINT = re.compile(r"\s*(?:[XY]\s*=\s*)?([a-z])(?:_\{?\s*([a-z])\s*\}?|"
                         r"\^\{\s*\(\s*([a-z])\s*\)\s*\})?\s*")
# the data set in P(\mathcal{D} | θ), p(\mathbb{X}; θ), P(D; θ) (a plain D names the data too)
_DATA_SET = re.compile(r"\s*(?:\\math(?:bb|cal|bf)\{[A-Z]\}|D)\s*[:;|,]\s*\\theta\s*")
_EMPIRICAL_SUB = re.compile(r"\s*(?:\(?\s*[a-z]\s*(?:,\s*[a-z]\s*)*\)?\s*\\sim\s*)?"
                            r"\\hat\s*\{?\s*p\s*\}?\s*_\{?\s*(?:data|\\text\{data\}|\\mathrm\{data\})"
                            r"\s*\}?\s*")


# a function applied to arguments: q_{\phi}(, \hat{p}_{data}(, \mathcal{L}(, f(
_APPLIED = re.compile(r"(\\hat\s*\{?\s*[A-Za-z]\s*\}?|\\mathcal\{[A-Z]\}|[A-Za-z])"
                      r"(?:_\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|_\\?[A-Za-z0-9]+)?\s*\(")
# \mathbb{E}_{q}[…], E_{x \sim p}[…], \Pr[…]: an expectation or probability not read
_EXPECTED = re.compile(r"(\\mathbb\s*\{?E\}?|E|\\Pr|\\mathbb\{P\})"
                       r"(?:_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\?[A-Za-z0-9]+))?\s*[\[(]")
# \mathcal{L}(\theta; X), E_{n}(w): a function named by a script letter or a subscripted capital
_OPAQUE_HEAD = re.compile(r"\\mathcal\{[A-Z]\}(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*\(|"
                          r"[A-OS-Z](?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)\s*\(")
# \max(z), \max({z_i}), \min(\mathbf{x}): the largest entry of a vector named alone (the parser
# reads the max of one number: z itself)
_VECTOR_EXTREMUM = re.compile(r"\\(max|min)\s*(?:\\left\s*)?\(\s*\{*\s*(?:\\math(?:bf|bb)\{[A-Za-z]\}|\\boldsymbol"
                              r"\{\\?[A-Za-z]+\}|\\?[A-Za-z]+)(?:_\{?\\?[A-Za-z0-9]+\}?)?\s*\}*\s*(?:\\right\s*)?\)")
# a vector is named by a lower-case letter (w, x, \theta); a capital (X, \Sigma) is a matrix,
# whose products do not commute
_VECTOR = r"\\?[a-z][A-Za-z]*(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?(?:\^\{\s*\([a-z]\)\s*\})?"
_TRANSPOSED = (r"\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T(?![A-Za-z])|T(?=[a-z](?![A-Za-z]))|"
               r"\\top(?![A-Za-z]))")
# w^T x, θ^T x_i; or a data matrix times a transposed vector, X\theta^T (a row of scores)
_DOT_PRODUCT = re.compile(_VECTOR + _TRANSPOSED + r"\s*" + _VECTOR + r"|[A-Z]\s*" + _VECTOR +
                          _TRANSPOSED + r"(?!\s*[A-Za-z\\(])")
# the variable of a derivative: z, z_j, z_{12}, \theta, W_{ij}, \mu_{k}
_VARIABLE = (r"((?:\\(?:hat|tilde|bar)\s*\{\s*[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?\s*\}|\\[A-Za-z]+|[A-Za-z])"
             r"(?:_\{?[A-Za-z0-9]+\}?|_\{\\[A-Za-z]+\})?)")   # z_i, \theta, \hat{y}_k, \hat{y_k}
# \frac{\partial L}{\partial z_j}, \frac{dJ}{dw}: the derivative of a name the text defines
# (the name may be applied: \frac{\partial E_{n}(\mathbf{w})}{\partial y_n})
_NAMED_DERIVATIVE = re.compile(r"\\frac\{\s*(\\partial|d)\s*((?:\\math(?:cal|scr)\s*\{\s*[A-Z]\s*\}|"
                               r"\\(?:hat|tilde|bar)\s*\{\s*[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?\s*\}|\\[A-Za-z]+|"
                               r"[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?)"
                               r"(\s*\((?:[^()]|\([^()]*\))*\))?\s*\}"
                               r"\{\s*(?:\\partial|d)\s*" + _VARIABLE + r"\s*\}")
_DERIVATIVE = re.compile(r"\\frac\{\s*(?:\\partial|d)\s*(?:\^\s*\{?\s*(2)\s*\}?\s*)?\}"
                         r"\{\s*(?:\\partial|d)\s*" + _VARIABLE +
                         r"\s*(?(1)\^\s*\{?\s*2\s*\}?\s*)\}")
# \frac{d^2 f}{dx^2}, \frac{\partial^2 L}{\partial w \partial b}: higher derivatives of a name
_HIGHER_DERIVATIVE = re.compile(r"\\frac\s*\{\s*(?:\\partial|d)\s*\^")


# the differential closing an integral: \, dz, \mathrm{d}z, \operatorname{d} z, …)dz
DIFFERENTIAL = re.compile(r"(?:\\,|\\;|\s|\\mathrm\{d\}|\\operatorname\{d\}|(?<=[})\]]))\s*"
                          r"(?:\\mathrm\{d\}|\\operatorname\{d\}|d)\s*([a-z])(?![A-Za-z])")


# \sum_i, \sum_{j=1}: the index a sum binds
SUM_INDEX = re.compile(r"\\sum\s*_\s*\{?\s*([a-z])(?![A-Za-z])")
# \int_z, \int_{Z}: the variable of the integral named in its subscript
_OVER_VARIABLE = re.compile(r"_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))(?![A-Za-z])(?!\s*\^)")


def integral_at(t: str, i: int, bounds: re.Pattern, unwritten: str | None = None):
    """``(start, body, variable, end)`` of the ``\\int … dz`` at ``i`` whose bounds, if any,
    ``bounds`` matches; None for other bounds, no differential, or an integral inside.
    An integral whose differential the author left out (the side ends without one) is over
    ``unwritten``, the one variable the chain's other integrals run over, if given.

    >>> integral_at(r"\\int q(z) \\log q(z) \\, dz + 1", 0, re.compile("x^"))
    (4, ' q(z) \\\\log q(z) ', 'z', 25)
    >>> integral_at(r"\\int q(z) \\log q(z)", 0, re.compile("x^"), "z")
    (4, ' q(z) \\\\log q(z)', 'z', 19)
    >>> integral_at(r"\\int_Z q(Z) \\log q(Z)", 0, re.compile("x^"))
    (6, ' q(Z) \\\\log q(Z)', 'Z', 21)
    >>> integral_at(r"\\int_z q(z) \\log q(z) + 1", 0, re.compile("x^")) is None
    True
    """
    j = i + 4
    written = bounds.match(t, j)
    over = _OVER_VARIABLE.match(t, j)
    if over:        # \int_z q(z) \log q(z): over the variable its subscript names, no dz
        letter = over.group(1) or over.group(2)
        named = DIFFERENTIAL.search(t, over.end())
        if named and named.group(1).lower() != letter.lower():
            if not written:
                return None     # \int_A p(x) dx: over a subset A
        else:
            unwritten = unwritten or letter
    if written:
        j = written.end()
    elif over:
        j = over.end()
    elif t[j:j + 1] in "_^":
        return None
    end = DIFFERENTIAL.search(t, j)
    if not end and unwritten and "\\int" not in t[j:] and not t[_term_end(t, j):].strip() and \
            re.search(r"(?<![A-Za-z\\])" + unwritten + r"(?![A-Za-z])", t[j:]):
        # without dz, the integrand is the rest of the side only when that is one term
        # (\int_z q(z) \log q(z) + \log p(x): where the integral ends is not written)
        return j, t[j:], unwritten, len(t)
    if not end or "\\int" in t[j:end.start()]:
        return None
    return j, t[j:end.start()], end.group(1), end.end()


def _plain(name: str) -> str:
    """A symbol's name without braces or backslashes: ``z_{i}`` and ``z_i`` are one symbol;
    ``\\mathcal{L}`` as written and the parser's ``math{L}`` are one name.

    >>> _plain("z_{i}"), _plain(r"\\mathcal{L}"), _plain("math{L}_{sup}")
    ('z_i', 'mathL', 'mathL_sup')
    """
    return re.sub(r"[{}\\\s]", "", _SCRIPT_FONT.sub("math", name))


# \mathcal{L}, \mathscr{L}: a letter in a script font, which the parser names math{L}
_SCRIPT_FONT = re.compile(r"\\?math(?:cal|scr|frak|sf)(?=\s*\{\s*[A-Z]\s*\})")


def _mentions(symbol, name: str) -> bool:
    """Does ``symbol`` (``x_i``, ``x_{i}``, or an opaque ``⟨p(y_i | x_i)⟩``) use ``name``?"""
    text = getattr(symbol, "name", "")
    if text == name or re.search(r"_\{?" + re.escape(name) + r"\}?$", text):
        return True
    return text.startswith("⟨") and re.search(
        r"(?<![A-Za-z\\])" + re.escape(name.lstrip("\\")) + r"(?![A-Za-z])", text) is not None


def _check_opaque(expr) -> None:
    """An opaque quantity inside a sum, product, integral, derivative or argmin must not use
    the variable that construct binds: as a constant it would make false relations hold.
    Nor may a family be indexed twice by a summed index (``\\prod_k p_k(x)`` read as the pmf
    P[k] at x: P[k] would be one pmf whatever k is)."""
    _check_hidden_dependence(expr)
    bound = {v for e in expr.atoms(sp.Sum, sp.Product, sp.Integral) for v in e.variables}
    nested = [ix for ix in expr.atoms(sp.Indexed) if isinstance(ix.base.label, sp.Indexed)
              and ix.base.label.free_symbols & bound]   # q_t(z) at one t is one pmf
    if nested:
        raise UnknownNotation(f"cannot read {nested[0]}: a family of distributions or "
                              "functions indexed by a variable is not read")
    for e in expr.atoms(sp.Sum, sp.Product, sp.Derivative, sp.Integral, mo.ArgMin):
        bound = [v.name for v in e.variables] if hasattr(e, "variables") else [e.variable]
        bound += [re.sub(r"_.*$", "", b) for b in bound]   # d/dw_j also moves w
        bound += [b.upper() for b in bound if len(b) == 1]  # \sum_z beside ⟨L(θ; X, Z)⟩
        labels = {b.label for b in e.atoms(sp.IndexedBase)}
        for s in e.free_symbols - labels:
            if isinstance(s, sp.Symbol) and s.name.startswith("⟨") and \
                    any(_mentions(s, b) for b in bound):
                raise UnknownNotation(f"cannot read {s.name[1:-1]} where it depends on a "
                                      "summed, integrated, differentiated or optimised variable")


# names of quantities that are usually functions of the parameters: \hat{y}, \tilde{x}, ⟨…⟩,
# and names whose definition is not read: θ', W^{[1]}, x_{t+1}
_DEPENDENT_LOOKING = re.compile(r"hat|tilde|bar|⟨|'|\^|_\{[A-Za-z]\s*[+-]")


def _check_hidden_dependence(expr) -> None:
    r"""A derivative in v of an expression that, as read, does not use v is 0; if the
    expression has a quantity such as ``\hat{y}`` (a model output the text may define
    in a way not read), that 0 is a guess: unknown, never a proof or a refutation."""
    for d in expr.atoms(sp.Derivative):
        body = d.expr
        names = {getattr(s, "name", "") for s in body.free_symbols} | \
            {str(b.label) for b in body.atoms(sp.IndexedBase)}
        for v in d.variables:
            base = v.base.label if isinstance(v, sp.Indexed) else v
            if isinstance(v, sp.Symbol) and any(str(b.label) == v.name
                                                for b in body.atoms(sp.IndexedBase)):
                raise UnknownNotation(f"a derivative in the vector {v.name} (of an expression "
                                      f"in its entries) is not read")
            if v in body.free_symbols or base in body.free_symbols or \
                    any(str(b.label) == str(base) for b in body.atoms(sp.IndexedBase)):
                continue
            hidden = sorted(n for n in names if _DEPENDENT_LOOKING.search(n))
            if hidden or body.atoms(AppliedUndef):
                shown = hidden[0] if hidden else str(sorted(body.atoms(AppliedUndef), key=str)[0])
                raise UnknownNotation(f"the derivative in {v} of an expression that, as read, "
                                      f"does not use {v}: {shown} may depend on it through a "
                                      "definition not read")


def _term_end(t: str, j: int) -> int:
    """Index of the first top-level ``+`` or ``-`` after ``j``, or of the brace that closes
    the group ``j`` is in (``\\frac{0 - \\frac{\\partial}{\\partial x} f}{…}``), or the end.

    >>> _term_end("a + b", 0), _term_end("{a b} c", 1), _term_end("a b} - c", 0)
    (2, 4, 3)
    """
    return next((i for i in top_level(t, j, enclosed=True)
                 if t[i] in "})]" or t[i] in "+-" and t[j:i].strip()), len(t))


# --- names and forms the reader of one side (parse.py) looks for ---------------------------
# E_{x \sim p}[…], E_{p(x)}[…], E_X \log P(X): an expectation written with a plain E
_PLAIN_EXPECTATION = re.compile(r"E\s*_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[A-Za-z])\s*(?:\[|\\(?:log|ln)(?![A-Za-z]))|"
                                r"E\s*_\s*\{[^{}]*\\sim[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\(")  # E_{x\sim P}(…)
# x^i, \mathbf{x}^i, x_j^i: a superscript i, read as a power, may be a data point's index
_INDEX_SUPERSCRIPT = re.compile(r"(?:[A-Za-z]|\})\s*\^\s*(?:\{\s*i\s*\}|i)(?![A-Za-z0-9])")
_SUM_INDEX = re.compile(r"\\(?:sum|prod)\s*_\s*(?:\{\s*([A-Za-z])(?![A-Za-z])|([A-Za-z]))")


def sum_index_superscripts(t: str) -> list:
    r"""The indices of sums in ``t`` that are also written as a superscript on a name
    (``\sum_j y^j \log \hat{y}_j``): a label's entry, as likely as a power.  Euler's e
    (``e^{j}``) is left out.

    >>> sum_index_superscripts(r"-\sum_{j=0}^{n-1} y^j \cdot \log \hat{y}_i + \sum_k e^k")
    ['j']
    >>> sum_index_superscripts(r"\sum_{j} y_j^2"), sum_index_superscripts(r"\sum_k \hat{p}^{k}")
    ([], ['k'])
    """
    indices = {m.group(1) or m.group(2) for m in _SUM_INDEX.finditer(t)}
    return sorted(k for k in indices if re.search(
        r"(?:(?<![\\A-Za-z])[A-DF-Za-df-z]|\})\s*\^\s*(?:\{\s*" + k + r"\s*\}|" + k + r"(?![A-Za-z0-9]))", t))


# p(x | e), P(e): an e among a probability's arguments is a variable (evidence, an event)
_E_ARGUMENT = re.compile(r"(?<![A-Za-z\\])[pPqQ]\s*\((?:[^()]*[,|;]\s*|\s*)e\s*(?:[,|;)]|\\mid)")
# e_n, e_{12}, E_{n}: a subscripted e or E is a name, not Euler's number (E_{x}[…] and
# E_{n}(…) are an expectation and an application, read elsewhere)
_E_NAME = re.compile(r"([eE])_(?:\{\s*([A-Za-z0-9]+)\s*\}|([A-Za-z0-9]))")
# \gamma, \gamma_j, \gamma_{ij}, \Gamma_k: a name (a discount, a responsibility); the parser reads
# them as Euler's constant (\Gamma(x), applied, stays the Gamma function) and drops a subscripted one (\gamma_j + 1 became 1)
# \gamma_{ij}(x_i - \mu_j), \gamma (1 - p_t)^{\gamma}: γ before a compound bracket is a factor too
# (γ_j(x_i) may be a function of x_i, so a bracket of one name is left to the parser)
_GAMMA_NAME = re.compile(r"\\(gamma|Gamma)(?![A-Za-z])(?:\s*_\s*(?:\{\s*([A-Za-z0-9,]+)\s*\}|([A-Za-z0-9]))"
                         r"(?=\s*\((?=[^()]*[-+])|(?!\s*\())|(?!\s*_)(?:(?<=gamma)(?=\s*\((?=[^()]*[-+]))|(?!\s*\()))")
_BRACKET_NEXT = re.compile(r"\s*(?:[\[(]|\\left|\\\{|\\[bB]igg?)")
# the Kronecker delta of two indices: \delta_{ij}, \delta_{i,j}, \delta_{yk}
_KRONECKER = re.compile(r"\\delta\s*_\s*\{\s*([a-z])\s*,?\s*([a-z])\s*\}")
# a derivative or gradient in a bold variable: \partial \mathbf{W}, \nabla_{\boldsymbol{\theta}}
# (or in a capital letter alone, a matrix's usual name: \partial W)
_BOLD_DERIVATIVE = re.compile(r"\\(?:partial|nabla)\s*_?\s*\{?\s*\\(?:mathbf|boldsymbol|bm|vec|bf)"
                              r"(?![A-Za-z])|\}\s*\{\s*\\partial\s*[A-Z]\s*\}|"
                              r"\\nabla\s*_\s*\{?\s*[A-Z]\s*\}?(?![_^A-Za-z])")
# 2^{H(p)}, 10^{-H}: a measure in an exponent of 2 or 10 is in bits or in decimal digits
_MEASURE_EXPONENT = re.compile(r"(?<![\d.])(?:2|10)\s*\^\s*\{?\s*-?\s*(?:H|I|D|\\mathrm\{KL\}|KL|CE)"
                               r"(?![A-Za-z])")
# a side that is a number other than 0 (H(0.5, 0.5) = 1, H(X) = 1.5 \text{ bits})
_NUMBER_SIDE = re.compile(r"\s*-?\s*(?:(?!0\s*$)\d+(?:\.\d+)?|\\[dt]?frac\s*\{?\d+\}?\s*\{?\d+\}?)\s*"
                          r"(?:\\(?:text|mathrm)\s*\{[^{}]*\}|bits?|nats?)?\s*[.,]?\s*")


def _variable_of(pmf: str, body: str, side: str):
    """The variable an expectation ``E_q[…]`` runs over: the argument ``q`` is applied to in
    the bracket or elsewhere in the side (``q(z)``), else the one variable the bracket's
    applications share (``p(x)``); None when that is not one letter."""
    applied = re.compile(re.escape(pmf) + r"\s*(?:_\s*(?:\{[^{}]*\}|\\?\w+))?\s*\(\s*([a-z])\s*[|)]")
    for text in (body, side):
        found = {m.group(1) for m in applied.finditer(text)}
        if len(found) == 1:
            return found.pop()
    lone = set(re.findall(r"\(\s*([a-z])\s*\)", body))
    several = re.search(r"\(\s*[a-z]\s*[,|;]", body)
    return lone.pop() if len(lone) == 1 and not several else \
        "x" if not lone and not several else None


_APPLIED_PMF = re.compile(r"(?<![A-Za-z\\])([pPqQrR])\s*\(\s*([a-z])\s*\)")
_OTHER_DISTRIBUTION = re.compile(r"(?<![A-Za-z\\])[qQrR](?![A-Za-z])|\\(?:sim|mid)(?![A-Za-z])|\|")


def sole_pmf(body: str, chain: str) -> str | None:
    r"""The pmf an expectation written without its distribution (``E[-\log p(x)]``) runs
    over: p, when p (or P) applied to one outcome is the only pmf its argument uses and the
    chain names no other distribution (``E[\log q(x)]`` beside ``H(p, q)`` is over p, not
    q: then None, and the expectation stays unread).

    >>> sole_pmf(r"-\log p(x)", r"H(p) = E[-\log p(x)]")
    'p'
    >>> sole_pmf(r"\log\frac{p(x)}{q(x)}", r"D(p \| q) = E[\log\frac{p(x)}{q(x)}]") is None
    True
    """
    applied = _APPLIED_PMF.findall(body)
    if not applied or {a[0] for a in applied} - {"p", "P"} or len({a[1] for a in applied}) != 1:
        return None
    return None if _OTHER_DISTRIBUTION.search(chain) else applied[0][0]
