"""Models with parameters θ: argmin/argmax, p_model(y_i | x_i, θ), the empirical p̂_data.

A part of :class:`symbolic.latex_in.parse.Reader` (a mixin: it uses the reader's ``sem``,
``read_side``, ``_hold`` and ``opaque``).
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.symbol import Str

from symbolic import objects as ob
from symbolic.extremum import Extremum
from symbolic.latex_in import models as mo
from symbolic.latex_in.errors import LatexSyntaxError, UnknownNotation
from symbolic.latex_in.notation import clean
from symbolic.latex_in.scan import matching, split_top
from symbolic.latex_in.reader_patterns import (_COND, _DATA_POINT, _DATA_SET, _convert)


class ModelNotation:
    def symbol_name(self, text: str) -> str | None:
        """The name the parser gives the symbol written ``text`` (None if not one symbol)."""
        try:
            raw = _convert(clean(text), 0)
        except LatexSyntaxError:
            return None
        return raw.name if isinstance(raw, sp.Symbol) else None

    def _argopt(self, t, m, offset, depth):
        """``\\arg\\min_\\theta A`` (the rest of the side is A); argmax A is argmin −A.

        Over θ, the model parameters; over another one-symbol variable (``\\phi``, ``q``,
        ``w``) the argmin keeps its name, and only an identity between the two functions
        minimised decides it (:mod:`symbolic.argmin_identity`).
        """
        var = (m.group(4) or m.group(5) or "").strip()
        name = None
        if var not in ("\\theta", "{\\theta}"):
            name = self.symbol_name(var)
            if name is None or not re.fullmatch(r"[A-Za-z]+", name) or name == "theta":
                raise UnknownNotation(f"argmin over {var!r}: only the model parameters θ or "
                                      "one named variable are read", offset)
        body = t[m.end():]
        if not body.strip():
            raise UnknownNotation("argmin of nothing", offset)
        inner = self.read_side(body, offset + m.end(), depth + 1)
        inner = inner if (m.group(1) or m.group(2) or m.group(3)) == "min" else -inner
        return mo.ArgMin(inner) if name is None else mo.ArgMin(inner, Str(name))

    def _extremum(self, t, m, offset, depth):
        """``\\max_\\theta U(\\theta, q)`` (``\\min``): the maximum of one application or
        one bracketed group over a named variable (:class:`symbolic.extremum.Extremum`)."""
        name = self.symbol_name(m.group(2) or m.group(3) or "")
        body = t[m.end():].strip()
        head = re.match(r"(?:\\(?:left|[Bb]igg?[lr]?)\s*)?(?=[(\[])|\\?[A-Za-z]+(?:_\{[^{}]*\}|_\w)?"
                        r"\s*(?=\()", body)
        if not (name and re.fullmatch(r"[A-Za-z]+(?:_\w+)?", name) and head and
                matching(body, head.end()) == len(body) - 1):
            raise UnknownNotation("unknown notation (optimisation): a max or min over a "
                                  "variable of more than one function or group", offset)
        inner = self.read_side(body, offset + m.end(), depth + 1)
        return Extremum(inner, Str(name), Str(m.group(1)))

    def _conditional(self, t, m, offset):
        """A model ``p_{model}(y_i | x_i, θ)`` or the empirical ``\\hat{p}_{data}(y_i | x_i)``."""
        open_at = m.end() - 1
        close = matching(t, open_at)
        inner = t[open_at + 1:close]
        pos = offset + open_at + 1
        named = mo.conditional_name(m.group(1), m.group(2) or m.group(3))
        theta = re.search(r"\\theta(?![A-Za-z])", inner)
        if named is None and not theta:
            return None
        letter = re.sub(r"[^A-Za-z]", "", m.group(1).replace("\\hat", "")).lower()
        name, empirical = named or (f"{letter}_model", False)
        if empirical and theta:
            raise UnknownNotation(f"the empirical distribution does not depend on θ: {inner!r}", pos)
        symbol = mo.model_symbol(name)
        # x without an index: some data point, never the one a sum over i runs through
        i = ob.index("§x")
        if _DATA_SET.fullmatch(inner) and not empirical:
            # the likelihood of the data set: Π_i p_model(y_i | x_i, θ)
            return self._hold(mo.Likelihood(symbol)), close + 1
        parts = split_top(inner, "|")
        if len(parts) == 1 or len(parts) == 2 and re.fullmatch(r"\s*\\theta\s*", parts[1]):
            # an unconditional model p_{model}(x_i; θ), p(x^{(i)} | θ), or \hat{p}_{data}(x_i)
            point = _DATA_POINT.fullmatch(re.sub(r"[,;:]\s*\\theta\s*$", "", parts[0]))
            xi = (point.group(2) or point.group(3)) if point else None
            if point and point.group(1) == "x" and (xi or empirical or theta):
                return self._hold(mo.Marginal(symbol, ob.index(xi) if xi else i)), close + 1
        if len(parts) == 2:
            given = re.sub(r"[,;:]\s*\\theta\s*$", "", parts[1])
            x = _DATA_POINT.fullmatch(given)
            label = re.fullmatch(r"\s*[Yy]\s*=\s*([01])\s*", parts[0])
            if label and name in self.sem.positives.values() and x and x.group(1) == "x":
                # P(Y=1 | X=x_i; θ) of the declared binary model: its probability of label 1
                k = ob.index(x.group(2) or x.group(3) or "i")
                return self._hold(self._labelled(int(label.group(1)), name, k)), close + 1
            y = _DATA_POINT.fullmatch(parts[0])
            yi, xi = (y.group(2) or y.group(3)) if y else None, (x.group(2) or x.group(3)) if x else None
            if y and x and y.group(1) == "y" and x.group(1) == "x" and yi == xi:
                k = ob.index(yi) if yi else i
                return self._hold(mo.Conditional(symbol, k)), close + 1
        raise UnknownNotation(f"cannot read {m.group(0)}{inner}) as a conditional model "
                              "p(y_i | x_i, θ) of a data point", pos)

    def _model_measure(self, word, inner, pos):
        """H(\\hat p_data, p_model), D_KL(\\hat p_data ‖ p_model): averaged over the data."""
        if word not in ("H", "\\CE", "\\KL"):
            return None
        parts = split_top(inner, "‖") if word == "\\KL" else []
        if len(parts) != 2:
            parts = split_top(inner, ",")
        if len(parts) != 2:
            return None
        names = []
        for part in parts:
            m = re.fullmatch(r"\s*" + _COND.pattern[:-2] + r"\s*", part)
            names.append(mo.conditional_name(m.group(1), m.group(2) or m.group(3)) if m else None)
        if names == [None, None]:
            return None
        if not (names[0] and names[0][1] and names[1] and not names[1][1]):
            raise UnknownNotation(f"{word.lstrip(chr(92))}({inner.strip()}): of a model only "
                                  "H(\\hat{p}_{data}, p_{model}) and D_{KL}(\\hat{p}_{data} ‖ "
                                  "p_{model}) are read", pos)
        model = mo.model_symbol(names[1][0])
        return mo.ModelKL(model) if word == "\\KL" else mo.ModelCrossEntropy(model)

    def _empirical_expectation(self, body, at, depth, after):
        """``\\mathbb{E}_{x,y \\sim \\hat{p}_{data}} f(x_i, y_i)`` = (1/N) Σ_i f(x_i, y_i)."""
        inner = self.read_side(body, at, depth + 1)
        i = ob.index("i")
        inner = inner.replace(lambda e: isinstance(e, mo.POINT_KINDS) and e.args[1].is_Symbol,
                              lambda e: type(e)(e.args[0], i))
        return self._hold(sp.Sum(inner, (i, 1, mo.DATA_SIZE)) / mo.DATA_SIZE), after
