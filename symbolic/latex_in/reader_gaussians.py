"""Gaussian densities a document names: ``q(z) \\sim N(\\mu, \\sigma^2)``, ``p(z) = \\mathcal{N}(0, 1)``.

A part of :class:`symbolic.latex_in.parse.Reader` (a mixin: it uses the reader's ``sem``,
``read_side`` and ``_hold``).

VAE posts derive the KL divergence of two Gaussians by hand: ``-\\int q(z) \\log q(z) dz =
\\frac12 \\log(2\\pi\\sigma^2) + \\frac12``, ``\\int z^2 q(z) dz = \\mu^2 + \\sigma^2``.  When the
text says which Gaussian a density letter is (:func:`gaussian_binding`), the reader

* reads ``q(z)`` as that density, a function of the real z;
* reads ``\\int f(z) q(z) dz`` over the whole line, for f a polynomial in z once the logarithms
  of Gaussian densities are expanded, exactly from the moments of the Gaussian (z = μ + σt,
  E t^n = (n−1)!! for even n, 0 for odd n);
* reads ``KL(q \\| p)``, ``H(q)`` and ``H(q, p)`` of two such letters by the same integrals.

Anything else under such an integral is left ``unknown``.

>>> gaussian_binding(r"q(z) \\sim N(\\mu, \\sigma^2)")
('q', 'z', '\\\\mu', '\\\\sigma^2')
>>> gaussian_binding(r"p(z) = \\mathcal{N}(0, 1)")
('p', 'z', '0', '1')
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.latex_in.errors import UnknownNotation
from symbolic.latex_in.reader_patterns import integral_at
from symbolic.latex_in.scan import matching, split_top

# \int_{-\infty}^{\infty} or \int_{}^{}: over the whole line
_BOUNDS = re.compile(r"\s*_\s*\{?\s*-\s*\\infty\s*\}?\s*\^\s*\{?\s*\+?\s*\\infty\s*\}?|"
                     r"\s*_\s*\{\s*\}\s*\^\s*\{\s*\}")
_BINDING = re.compile(r"\s*([pPqQ])\s*\(\s*([a-z])\s*\)\s*(?:\\sim|=)\s*"
                      r"(?:\\mathcal\s*\{\s*N\s*\}|N)\s*\((.*)\)\s*[.,]?\s*")


def gaussian_binding(text: str):
    """``(letter, variable, mean, variance)`` of ``q(z) \\sim N(μ, σ²)``, or None."""
    m = _BINDING.fullmatch(text)
    if not m:
        return None
    parts = normal_parameters(m.group(3), m.group(2))
    return (m.group(1), m.group(2), *parts) if parts else None


def normal_parameters(inside: str, variable: str = ""):
    """``(mean, variance)`` written inside ``N(…)``: ``μ, σ^2``, ``z; μ, σ^2`` or
    ``z \\mid μ, σ^2``; None for another number of parameters.

    >>> normal_parameters(r"z; \\mu, \\sigma^2"), normal_parameters("0, 1", "z")
    (('\\\\mu', '\\\\sigma^2'), ('0', '1'))
    """
    parts = split_top(inside, ",")
    if len(parts) == 3 and parts[0].strip() == variable:      # N(z, μ, σ²) written with commas
        parts = parts[1:]
    if len(parts) == 2 and re.match(r"\s*[a-z]\s*(?:;|\\mid\b|\|)", parts[0]):
        parts = [re.split(r";|\\mid\b|\|", parts[0], maxsplit=1)[1], parts[1]]
    if len(parts) != 2:
        return None
    return parts[0].strip(), parts[1].strip()


# N(…) or \mathcal{N}(…) written out, and a variance: σ², σ_1^2, a number (Σ may be a matrix)
_NORMAL = re.compile(r"(?:\\mathcal\s*\{\s*N\s*\}|N)\s*\((.*)\)")
_VARIANCE = re.compile(r"\s*(?:[^,]*\^\s*\{?\s*2\s*\}?|\d+(?:\.\d+)?)\s*")


_MULTIVARIATE = re.compile(r"(?:\\mathcal\s*\{\s*N\s*\}|(?<![A-Za-z\\])N)\s*\((?:[^()]|\([^()]*\))*"
                           r"\\(?:mathbf|boldsymbol|bm|vec)\b")


def refuse_multivariate_normal(text: str, offset: int = 0) -> None:
    """Raise :class:`UnknownNotation` when ``text`` (as written, before the reader drops bold
    markup) has a normal with bold parameters: a multivariate normal is not read.

    >>> refuse_multivariate_normal(r"\\mathcal{N}(\\mu, \\sigma^2)")
    >>> refuse_multivariate_normal(r"\\mathcal{N}(\\boldsymbol{\\mu}, \\sigma^2)")
    Traceback (most recent call last):
    ...
    symbolic.latex_in.errors.UnknownNotation: a normal of bold (vector) parameters, a multivariate normal, is not read
    """
    found = _MULTIVARIATE.search(text)
    if found:
        raise UnknownNotation("a normal of bold (vector) parameters, a multivariate normal, is "
                              "not read", offset + found.start())


def gaussian_moment(n: int):
    """E t^n of a standard normal t.

    >>> [gaussian_moment(n) for n in range(5)]
    [1, 0, 1, 0, 3]
    """
    return sp.Integer(0) if n % 2 else sp.factorial2(n - 1) if n else sp.Integer(1)


class GaussianNotation:
    """The reading of Gaussian densities (see the module docstring)."""

    def bind_gaussian(self, text: str) -> bool:
        """Bind ``q(z) \\sim N(μ, σ²)`` if ``text`` is one; say whether it was."""
        found = gaussian_binding(text)
        if found is None:
            return False
        letter, var, mean, variance = found
        try:
            mu, var2 = self.read_side(mean), self.read_side(variance)
        except UnknownNotation:
            return False
        self.sem.gaussians[letter.lower()] = (var, mu, var2)
        return True

    def _parameters(self, letter: str):
        """(variable, mean, variance) of a bound letter; their names are fixed by the text."""
        var, mu, var2 = self.sem.gaussians[letter.lower()]
        self.bound_names |= {s.name for s in (mu.free_symbols | var2.free_symbols)}
        return var, mu, var2

    def _density(self, letter: str, at) -> sp.Expr:
        var, mu, var2 = self._parameters(letter)
        return sp.exp(-(at - mu) ** 2 / (2 * var2)) / sp.sqrt(2 * sp.pi * var2)

    def _marker(self, letter: str) -> sp.Symbol:
        return sp.Symbol(f"⟦{letter.lower()}⟧", positive=True)

    def _normals_kl_at(self, t: str, i: int, offset: int, depth: int):
        """``KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²))`` of two normals written out: the closed form
        log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½, in the text's log base.  A second
        parameter that is neither a square nor a number may be a standard deviation or a
        covariance matrix: not read."""
        m = re.match(r"\\KL\s*([(\[])", t[i:])
        if not m:
            return None
        close = matching(t, i + m.end() - 1)
        args = split_top(t[i + m.end():close], "‖")
        normals = [_NORMAL.fullmatch(a.strip()) for a in args]
        if len(args) != 2 or not all(normals):
            return None
        (m1, v1), (m2, v2) = [normal_parameters(n.group(1)) or (None, None) for n in normals]
        if None in (m1, m2):
            return None
        for v in (v1, v2):
            if not _VARIANCE.fullmatch(v):
                raise UnknownNotation(f"N(…, {v}): a second parameter that is not a square or a "
                                      "number may be a standard deviation or a covariance matrix",
                                      offset + i)
        mu1, var1, mu2, var2 = (self.read_side(x, offset + i, depth + 1) for x in (m1, v1, m2, v2))
        value = sp.log(var2 / var1) / 2 + (var1 + (mu1 - mu2) ** 2) / (2 * var2) - sp.Rational(1, 2)
        base = self.sem.log_base
        return self._hold(value / sp.log(base) if base else value), close + 1

    def _gaussian_at(self, t: str, i: int, offset: int, depth: int):
        """``q(z)`` of a bound letter, ``\\int … dz`` over its variable, KL/H of two."""
        gaussians = getattr(self.sem, "gaussians", {})
        if not gaussians or i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\"):
            return None
        m = re.match(r"([pPqQ])\s*\(\s*([a-z])\s*\)", t[i:])
        if m and m.group(1).lower() in gaussians and gaussians[m.group(1).lower()][0] == m.group(2):
            if self.in_gaussian_integral:
                return self._hold(self._marker(m.group(1))), i + m.end()
            z = sp.Symbol(m.group(2), real=True)
            return self._hold(self._density(m.group(1), z)), i + m.end()
        if t.startswith("\\int", i):
            return self._gaussian_integral(t, i, offset, depth)
        m = re.match(r"(\\KL|H)\s*\(", t[i:])
        if m:
            close = matching(t, i + m.end() - 1)
            inner = t[i + m.end():close]
            args = [a.strip() for a in (split_top(inner, "‖") if m.group(1) == "\\KL"
                                        else split_top(inner, ","))]
            if not all(a.lower() in gaussians for a in args) or not 1 <= len(args) <= 2 or \
                    len({gaussians[a.lower()][0] for a in args}) != 1:
                return None
            q = args[0]
            var = gaussians[q.lower()][0]
            if m.group(1) == "\\KL" and len(args) == 2:
                body = f"{q}({var}) \\log \\frac{{{q}({var})}}{{{args[1]}({var})}}"
            elif m.group(1) == "H":
                body = f"-{q}({var}) \\log {args[-1]}({var})"
            else:
                return None
            value = self._gaussian_expectation(body, var, offset, depth)
            base = self.sem.log_base
            return self._hold(value / sp.log(base) if base else value), close + 1
        return None

    def _gaussian_integral(self, t: str, i: int, offset: int, depth: int):
        found = integral_at(t, i, _BOUNDS)
        if not found or not any(g[0] == found[2] for g in self.sem.gaussians.values()):
            return None
        j, body, var, after = found
        return self._hold(self._gaussian_expectation(body, var, offset + j, depth)), after

    def _gaussian_expectation(self, body: str, var: str, offset: int, depth: int) -> sp.Expr:
        """∫ body d(var) for a body linear in one bound density, times a polynomial."""
        self.in_gaussian_integral = True
        try:
            g = self.read_side(body, offset, depth + 1)
        finally:
            self.in_gaussian_integral = False
        z = sp.Symbol(var, real=True)
        g = g.xreplace({s: z for s in g.free_symbols if getattr(s, "name", None) == var})
        markers = {s for s in g.free_symbols if s.name.startswith("⟦")}
        g = sp.expand_log(g, force=True)          # log(q/p) = log q - log p
        logs = {lg: sp.expand_log(sp.log(self._density(lg.args[0].name[1:-1], z)), force=True)
                for lg in g.atoms(sp.log) if lg.args[0] in markers}
        g = g.xreplace(logs)
        weights = [w for w in markers if g.has(w)]
        if len(weights) != 1:
            raise UnknownNotation("an integral that is not one Gaussian density times a "
                                  "polynomial is not read")
        w = weights[0]
        h = sp.expand(sp.expand_log(sp.expand(g), force=True))
        if sp.expand(h.subs(w, 0)) != 0 or sp.diff(h, w, 2) != 0:
            raise UnknownNotation("an integral that is not one Gaussian density times a "
                                  "polynomial is not read")
        poly_part = sp.expand(sp.diff(h, w))
        if poly_part.has(w) or not poly_part.is_polynomial(z):
            raise UnknownNotation("an integral that is not one Gaussian density times a "
                                  "polynomial is not read")
        _, mu, var2 = self._parameters(w.name[1:-1])
        t = sp.Dummy("t", real=True)
        poly = sp.Poly(sp.expand(poly_part.subs(z, mu + sp.sqrt(var2) * t)), t)
        return sp.Add(*[c * gaussian_moment(n) for (n,), c in poly.terms()])
