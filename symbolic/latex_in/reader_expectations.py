"""Expectations: ``\\mathbb{E}_{x \\sim p}[…]``, ``E_X \\log P(X)``, ``E_q[…]``, and one written
without its distribution (``E[-\\log p(x)]``) when its argument names it.  Each is read as the
sum over the outcomes of the pmf it runs over."""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in import semantics as se
from symbolic.latex_in.errors import LatexSyntaxError, UnknownNotation
from symbolic.latex_in.reader_patterns import (_EMPIRICAL_SUB, _term_end, _variable_of,
                                               sole_pmf)
from symbolic.latex_in.scan import matching, read_group

_BARE_EXPECTATION = re.compile(r"E\s*[\[(]")    # E[…] or E(…), no subscript
# E\log \frac{1}{p(X)}: Cover and Thomas's expectation without a bracket, of a log
_E_BEFORE_LOG = re.compile(r"E\s*(?=\\(?:log|ln)(?![A-Za-z]))")
# over the joint pmf of X and Y: E_{p(x, y)}, E_{(x, y) \sim p}, E_{P(X, Y)}
_JOINT_SUB = re.compile(r"\s*(?:[pP]\s*\(\s*(?:x\s*,\s*y|X\s*,\s*Y)\s*\)|"
                        r"\(\s*x\s*,\s*y\s*\)\s*\\sim\s*[pP](?:\s*\(\s*x\s*,\s*y\s*\))?)\s*")


_APPLIED_LETTER = re.compile(r"(?<![A-Za-z\\])([pPqQrR])\s*(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\s*\(")


def _one_pmf_of(variable: str, chain: str, sem, at: int) -> None:
    r"""Raise :class:`UnknownNotation` when ``E_X`` cannot say which distribution X is drawn
    from: the chain applies pmfs of two letters (``E_X[\log q(x)] - E_X[\log p(x)]``, X drawn
    from Q) and the document did not bind X's.  The seeds' convention, X drawn from p,
    stands only where p is the one pmf in play.

    >>> from symbolic.latex_in.semantics import Semantics
    >>> _one_pmf_of("X", r"E_X[\log p(X)]", Semantics(), 0) is None
    True
    >>> _one_pmf_of("X", r"E_X[\log q(x)] - E_X[\log p(x)]", Semantics(), 0)
    Traceback (most recent call last):
    ...
    symbolic.latex_in.errors.UnknownNotation: E_X does not say which of the distributions p, q X is drawn from
    """
    if variable in sem.variable_pmfs:
        return
    letters = sorted({m.lower() for m in _APPLIED_LETTER.findall(chain)})
    if len(letters) > 1:
        raise UnknownNotation(f"E_{variable} does not say which of the distributions "
                              f"{', '.join(letters)} {variable} is drawn from", at)


# a pmf letter standing alone: not applied, indexed, raised, primed, nor a subscript
_LONE_PMF = re.compile(r"(?<![A-Za-z\\_^])(?<!_\{)(?<!\^\{)([pqPQ])(?![\w({_^'])")
_UNDER_LOG = re.compile(r"\\(?:log|ln)(?![A-Za-z])")


def _pmf_values_under_log(body: str, var: str) -> str:
    r"""Inside an expectation over ``var``, pmf letters written alone in an argument that
    takes a log (``E_p[\log(p/q)]``, ``E_p[\log \frac{p}{q}]``) stand for their values at
    ``var``; a body with no log, or one with an applied pmf beside them, is left as it is.

    >>> _pmf_values_under_log(r"\log(p/q)", "x")
    '\\log(p(x)/q(x))'
    >>> _pmf_values_under_log(r"\log \frac{p(x)}{q}", "x")     # applied beside: as written
    '\\log \\frac{p(x)}{q}'
    >>> _pmf_values_under_log(r"x_p + q", "x")
    'x_p + q'
    """
    if not _UNDER_LOG.search(body) or _APPLIED_LETTER.search(body):
        return body
    return _LONE_PMF.sub(lambda g: f"{g.group(1)}({var})", body)


class ExpectationNotation:
    def bare_expectation(self, t: str, i: int, offset: int, depth: int):
        r"""``E[-\log p(x)]``, ``E[\log P(X)]``: an expectation written without its
        distribution, read when its argument names it (one random variable, or p alone, see
        :func:`sole_pmf`); None otherwise (``E(W)`` may be a function: an opaque quantity).

        >>> from symbolic.latex_in.parse import Reader
        >>> Reader().read_side(r"E[-\log p(x)]")
        Sum(-log(p[x])*p[x], (x, 1, K))
        >>> Reader().bare_expectation(r"E(W)", 0, 0, 0) is None
        True
        >>> Reader().read_side(r"E\log \frac{1}{p(X)} + 1")
        Sum(log(1/p[x])*p[x], (x, 1, K)) + 1
        """
        if i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\"):
            return None
        m = _BARE_EXPECTATION.match(t, i)
        log = None if m else _E_BEFORE_LOG.match(t, i)
        if log:     # E\log \frac{1}{p(X)}: the log's term (to the next + or -) in brackets
            end = _term_end(t, log.end())
            try:
                held, after = self._expectation(
                    f"{t[:log.end()]}[{t[log.end():end]}]{t[end:]}", i, offset, depth)
            except (UnknownNotation, LatexSyntaxError):
                return None
            return held, after - 2
        if not m:
            return None
        try:
            close = matching(t, m.end() - 1)
            if t[m.end() - 1] == "(" and not sole_pmf(t[m.end():close], self.chain_text):
                return None
            return self._expectation(t, i, offset, depth)
        except (UnknownNotation, LatexSyntaxError):
            return None

    def _expectation(self, t, i, offset, depth):
        j = i + len("\\mathbb{E}") if t.startswith("\\mathbb{E}", i) else \
            i + 1 if t.startswith("E", i) else i + len("\\mathbb E")     # E_{x \sim p}[…]
        sub = None
        if j < len(t) and t[j] == "_":
            sub, j = read_group(t, j + 1)
        else:   # \mathbb{E}P \log …: the pmf written right after E
            m = re.match(r"\s*([PQpq])(?=[\s\\])", t[j:])
            if m:
                sub, j = m.group(1), j + m.end()
        while j < len(t) and t[j] == " ":
            j += 1
        if j < len(t) and t[j] in "[(":
            close = matching(t, j)
            body, body_at, after = t[j + 1:close], j + 1, close + 1
        elif j < len(t) and sub:
            # E_X \log P(X): the argument runs to the next top-level + or - (or the end)
            end = _term_end(t, j)
            body, body_at, after = t[j:end], j, end
        else:
            raise UnknownNotation("an expectation needs its argument", offset + i)
        if sub and _EMPIRICAL_SUB.fullmatch(sub):
            return self._empirical_expectation(body, offset + body_at, depth, after)
        var, pmf_name, rv = "x", "p", None
        if not sub:    # E[-\log P(X)]: over the one random variable the argument uses
            used = set(re.findall(r"\(\s*([XY])\s*\)", body))
            sub = used.pop() if len(used) == 1 and not re.search(r"[XY]\s*[,|]", body) else None
        sub = sub or sole_pmf(body, self.chain_text)     # E[-\log p(x)]: over p
        if sub and _JOINT_SUB.fullmatch(sub):
            return self._joint_expectation(body, offset + body_at, depth), after
        if sub:
            # E_{p(x)}, E_{P(x)}: over x drawn from that pmf; E_{x \in p} (sic) as E_{x \sim p}
            sub = re.sub(r"^\s*([PpQq])\s*\(\s*([a-z])\s*\)\s*$", r"\2 \\sim \1", sub)
            # E_{y \sim p_Y}: over the values of Y, drawn from Y's pmf
            sub = re.sub(r"^\s*([xyzXYZ])\s*\\sim\s*[pP]_\{?\s*([XYZ])\s*\}?\s*$",
                         lambda g: g.group(2) if g.group(1).upper() == g.group(2) else g.group(0), sub)
            m = re.fullmatch(r"\s*([a-zXYZ])\s*\\(?:sim|in)\s*([A-Za-z])(?:\s*\(\s*(?:[a-z]|[XYZ]|"
                             r"\\mathbf\{[XYZ]\})\s*\))?\s*", sub)
            m2 = re.fullmatch(r"\s*([A-Za-z])\s*", sub)
            m3 = re.fullmatch(r"\s*(?:\\mathbf\{([XYZ])\}|([XYZ])|[PpQq]\s*\(\s*([XYZ])\s*\))\s*", sub)
            if m:     # E_{X \sim P}: over the values x of X
                var, pmf_name = m.group(1).lower(), m.group(2)
            elif m3:
                rv = m3.group(1) or m3.group(2) or m3.group(3)
                _one_pmf_of(rv, self.chain_text, self.sem, offset + i)
                var, pmf_name = rv.lower(), self.sem.pmf_of_variable(rv).label.name
            elif m2 and m2.group(1) in se.PMF_LETTERS:
                pmf_name = m2.group(1)
                var = _variable_of(pmf_name, body, t)
                if var is None:     # E_q[\log p(x, z)]: over x or over z?
                    raise UnknownNotation(f"E_{pmf_name}[…] does not say which variable "
                                          f"{pmf_name} draws, and its argument has several",
                                          offset + i)
            else:
                raise UnknownNotation(f"cannot read the expectation subscript {sub!r}", offset + i)
        else:
            raise UnknownNotation("an expectation needs its distribution: E_{x~p}[…]", offset + i)
        # inside E over x: the random variable X stands for its value x, and a bare
        # pmf letter under a log (E_p[-\log q]) for its value q(x)
        body = re.sub(r"\(\s*(?:\\mathbf\{[XYZ]\}|[XYZ])\s*\)", f"({var})", body)
        if rv:   # H(P(Y|X)) inside E over X: the conditional given X = x
            body = re.sub(r"\|\s*" + rv + r"\s*\)", f"|{rv}={var})", body)
        body = re.sub(r"(\\log|\\ln)(\s*_\{?\w+\}?)?\s*\{?\s*([pqPQ])\s*\}?(?![\w({])",
                      lambda g: f"{g.group(1)}{g.group(2) or ''} {g.group(3)}({var})", body)
        body = _pmf_values_under_log(body, var)
        obj = se.pmf_object(pmf_name)
        if pmf_name in ("p", "P"):
            obj = self.sem.pmf_of_variable("X")
        k = ob.index(var)
        inner = self.read_side(body, offset + body_at, depth + 1)
        inner = inner.xreplace({s: k for s in inner.free_symbols
                                if isinstance(s, sp.Symbol) and s.name == var})
        return self._hold(sp.Sum(obj[k] * inner, (k, 1, se.K))), after

    def _joint_expectation(self, body: str, offset: int, depth: int):
        r"""``E_{p(x, y)} \log \frac{p(X, Y)}{p(X)p(Y)}``: the double sum over the joint pmf of
        X and Y, with X and Y standing for their values x and y.

        >>> from symbolic.latex_in.parse import Reader
        >>> Reader().read_side(r"E_{p(x, y)} [ \log p(X, Y) ]").has(se.JOINT)
        True
        >>> Reader().read_side(r"E_{p(x, y)} [ X ]")    # X as a number: not read, kept opaque
        ⟨E_{p(x,y)}[X]⟩
        """
        body = re.sub(r"\(\s*X\s*,\s*Y\s*\)", "(x, y)", body)
        body = re.sub(r"\(\s*([XY])\s*\)", lambda m: f"({m.group(1).lower()})", body)
        if re.search(r"(?<![A-Za-z\\])[XY](?![A-Za-z])", body):
            raise UnknownNotation("E over p(x, y) of a random variable used as a number: not read",
                                  offset)
        return self._hold(self.read_side(f"\\sum_{{x}} \\sum_{{y}} p(x, y) \\left({body}\\right)",
                                         offset, depth + 1))
