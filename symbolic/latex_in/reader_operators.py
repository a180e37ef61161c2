"""Sums without bounds, derivatives (of expressions and of names the text defines) and expectations.

A part of :class:`symbolic.latex_in.parse.Reader` (a mixin: it uses the reader's ``sem``,
``read_side``, ``_hold`` and ``opaque``).
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in.derivative_indices import (open_indices, other_entry,
                                                 other_entry_doubt, same_vector)
from symbolic.latex_in.errors import LatexSyntaxError, UnknownNotation
from symbolic.latex_in.reader_definitions import applied_at, application_key, member_index
from symbolic.latex_in.reader_matrices import entry_of, is_matrix
from symbolic.latex_in.scan import matching, read_group, split_top, top_level
from symbolic.latex_in.reader_patterns import _DOT_PRODUCT as _DOT_ANY
from symbolic.latex_in.reader_patterns import _VARIABLE, _plain, _term_end


# \sum_{i=1}^{m}, \prod_{k=0}^{N-1}: a sum or product with its bounds written out
_BOUNDED = re.compile(r"\\(sum|prod)\s*_\s*\{\s*([a-z])\s*=\s*[^{}]*\}\s*\^\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+)")
# \sum_{(x, y) \in D}, \prod_{(\mathbf{x}, y) \in \mathcal{D}}: over the pairs of a data set
_OVER_DATA = re.compile(r"\\(sum|prod)\s*_\s*\{\s*\(\s*(?:\\math(?:bf|rm)\s*\{\s*)?x\s*\}?\s*,\s*y\s*\)"
                        r"\s*\\in\s*(?:\\math(?:cal|bb|rm)\s*\{\s*D\s*\}|D)\s*\}")
_X_OR_Y = re.compile(r"(?<![A-Za-z\\])([xy])(?![A-Za-z_]|\s*_)")
# w^T x, \theta^{\top} x: a dot product of two vectors named by one letter each
_PLAIN_DOT = re.compile(r"\s*(?P<a>\\(?:theta|beta|mu|phi|alpha|omega)|[A-Za-z])\s*\^\s*"
                        r"(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal)\s*"
                        r"(?P<b>\\(?:theta|beta|mu|phi|alpha|omega|xi)|[A-Za-z])\s*")
_INDICES = "klrsuv"
# \sum_{i \ne j}, \sum_{k \neq i}, \sum_{k \neq 1}: every index but one
_EXCEPT = re.compile(r"\\sum\s*_\s*\{\s*([a-z])\s*(?:\\ne|\\neq|≠)\s*([a-z]|\d+)\s*\}"
                     r"(?:\s*\^\s*(?:\{\s*([A-Za-z]|\d+)\s*\}|([A-Za-z]|\d)))?")


def _member(m: re.Match, k: str) -> str:
    """The pair's x or y for a free x or y of a data sum's body: ``x_{i}``, and ``^{y_{i}}``
    for an exponent ``^y``; a subscript's letter (``p_{x}``) is left as it is."""
    before = m.string[:m.start()].rstrip()
    if before.endswith("_") or before.endswith("_{"):
        return m.group(0)
    member = f"{m.group(1)}_{{{k}}}"
    return "{" + member + "}" if before.endswith("^") else member


def _written(name: str, text: str):
    """The places ``name`` is written in ``text`` as a letter of its own."""
    return re.finditer(r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z])", text)


class OperatorNotation:
    def dot_product_sum(self, written: str, side: str):
        r"""``w^T x`` as ``\sum_{k=1}^{K} w_{k} x_{k}`` when both vectors are named by one
        letter and the side writes them nowhere else but as entries (``x_j``); None
        otherwise (the dot product is then an opaque real).

        >>> from symbolic.latex_in.parse import Reader
        >>> Reader().dot_product_sum("w^Tx", r"\sigma(w^Tx) x_j")
        ' \\left(\\sum_{k=1}^{K} w_{k} x_{k}\\right) '
        >>> Reader().dot_product_sum("w^Tx", r"\sigma(w^Tx) h(x)") is None
        True
        """
        m = _PLAIN_DOT.fullmatch(written)
        if not m:
            return None
        rest = _DOT_ANY.sub(" ", side)
        for name in {m.group("a"), m.group("b")}:
            if any(not re.match(r"\s*_", rest[w.end():]) for w in _written(name, rest)):
                return None      # the vector written alone too: h(x), p(y | x)
        text = getattr(self, "chain_text", "") + " " + side
        k = next((c for c in _INDICES if not any(_written(c, text))), None)
        if k is None:
            return None
        return f" \\left(\\sum_{{{k}=1}}^{{K}} {m.group('a')}_{{{k}}} {m.group('b')}_{{{k}}}\\right) "

    def _over_data(self, t: str, i: int, offset: int, depth: int):
        """``\\sum_{(x, y) \\in D} f(x, y)`` is ``\\sum_{i=1}^{N} f(x_i, y_i)``: the pairs of
        the data set, with the summand's x and y those of the i-th pair (``None`` for any
        other sum or product)."""
        m = _OVER_DATA.match(t, i)
        if not m:
            return None
        end = _term_end(t, m.end())
        body = t[m.end():end]
        k = next(c for c in "injkmlt" if not re.search(rf"(?<![A-Za-z\\]){c}(?![A-Za-z])", body))
        body = _X_OR_Y.sub(lambda v: _member(v, k), body)
        return (f"\\{m.group(1)}_{{{k}=1}}^{{N}} " + self._rewrite(body, offset + m.end(), depth),
                end)

    def _whole_body(self, t: str, i: int, offset: int, depth: int):
        """``\\sum_{i=1}^{m} y_i \\log h(x_i) + (1 - y_i) \\log(1 - h(x_i))``: the index is used
        after the first term, where nothing else binds it, so the sum runs to the end of its
        group (as the author means; read strictly, i would be free there).  A guess, so a
        failure is not the author's (a doubt); None when the body is one term."""
        m = _BOUNDED.match(t, i)
        if not m or self.strict_sums:
            return None
        k, first = m.group(2), _term_end(t, m.end())
        end = next((j for j in top_level(t, m.end(), enclosed=True) if t[j] in "})]"), len(t))
        rest = t[first:end]
        if not rest.strip() or re.search(r"\\(?:sum|prod|int)(?![A-Za-z])", rest) or \
                not re.search(r"_\s*\{?\s*" + k + r"\s*\}?(?![A-Za-z])", rest):
            return None
        self.doubts.append(f"the {m.group(1)} over {k} is read to the end of its group: its "
                           "index is used after the first term")
        body = self._rewrite(t[m.end():end], offset + m.end(), depth)
        return t[i:m.end()] + " \\left(" + body + " \\right) ", end

    def _sum_except(self, t: str, i: int, offset: int, depth: int):
        r"""``\sum_{i \ne j} f_i`` is ``\sum_{i=1}^{K} f_i - f_j``: every term but the one
        at j (None for any other sum, or when the body uses i other than as a subscript).
        In ``-t_i + \sum_{i \ne j}^C t_j y_i`` i is the side's own index, written outside the
        sum, and j only in it: the sum over j of every term but the one at i, up to C.

        >>> from symbolic.latex_in.parse import Reader
        >>> Reader()._sum_except(r"-t_i + \sum_{i\ne j}^C t_j y_i", 7, 0, 0)[0].split(" - ")[0].strip()
        '\\left(\\sum_{j=1}^{C} \\left( t_j y_i\\right)'
        """
        m = _EXCEPT.match(t, i)
        if not m:
            return None
        k, skipped = m.group(1), m.group(2)
        top = m.group(3) or m.group(4) or "K"
        end = _term_end(t, m.end())
        body = t[m.end():end]
        outside = t[:i] + " " + t[end:]
        written = lambda v, text: re.search(  # noqa: E731
            r"_\s*\{?\s*" + v + r"\s*\}?(?![A-Za-z0-9])", text)
        if skipped.isalpha() and written(k, outside) and not written(skipped, outside) and \
                written(skipped, body):
            k, skipped = skipped, k     # -t_i + \sum_{i \ne j} t_j y_i: over j, all but the i-th
        at = re.sub(r"_\s*\{\s*" + k + r"\s*\}|_" + k + r"(?![A-Za-z0-9])", "_{" + skipped + "}", body)
        if not body.strip() or re.search(r"(?<![A-Za-z\\_{])" + k + r"(?![A-Za-z])", at):
            return None
        full = self._rewrite(body, offset + m.end(), depth)
        one = self._rewrite(at, offset + m.end(), depth)
        return (f" \\left(\\sum_{{{k}=1}}^{{{top}}} \\left({full}\\right) - "
                f"\\left({one}\\right)\\right) "), end

    def _sum(self, t: str, i: int):
        op = "prod" if t.startswith("\\prod", i) else "sum"     # \prod_i as \sum_i
        j = i + 1 + len(op)
        while j < len(t) and t[j] == " ":
            j += 1
        if j >= len(t) or t[j] != "_":
            # \sum p(x) \log q(x), \sum p(y|x) \log p(y|x): a sum without its index runs
            # over the one outcome its pmfs are applied to, when there is exactly one
            term = t[j:_term_end(t, j)]
            outcomes = set(re.findall(r"(?<![A-Za-z\\])[pPqQ]\s*\(\s*([a-z])\s*(?:\)|\||\\mid\b|\\vert\b)",
                                      term))   # p(x), or the outcome y of p(y|x)
            if j < len(t) and t[j] == "^":
                return None
            lead = re.match(r"\s*[pPqQ]\s*\(\s*([a-z])\s*(?:\)|\||\\mid\b)", term)
            if len(outcomes) > 1 and lead:   # \sum q(z) \log \frac{p(x, z)}{p(x)}: over the weight's z
                outcomes = {lead.group(1)}
            if len(outcomes) == 1:
                self.unbounded_indices |= outcomes
                return f"\\{op}_{{{outcomes.pop()}=1}}^{{K}} ", j
            # \sum \log p(x_{i}; \theta): over the one index its terms are written with
            indices = set(re.findall(r"(?<![A-Za-z\\])[A-Za-z]\s*_\s*\{?\s*([a-z])\s*\}?(?![A-Za-z])", term))
            if outcomes or len(indices) != 1:
                return None
            return f"\\{op}_{{{indices.pop()}=1}}^{{N}} ", j
        sub, after = read_group(t, j + 1)
        if "=" in sub:
            return None
        # \sum_{x \in X, y \in Y}: each index with its own set (never only the first index)
        names = [n.strip() for part in split_top(sub, ",")
                 for n in re.sub(r"\\in\b.*$", "", part).strip().strip("()").split(",")]
        variables = {v for vs in getattr(self, "distributions", {}).values() for v in vs}
        names = [n.lower() if n.lower() in variables else n for n in names]   # \sum_Z over z
        if not all(re.fullmatch(r"[a-z]", n) for n in names):
            return None
        upper = "K"
        k = after
        while k < len(t) and t[k] == " ":
            k += 1
        if len(names) == 1 and k < len(t) and t[k] == "^":   # \sum_j^n: from 1 to n
            upper, after = read_group(t, k + 1)
            upper = upper.strip() or "K"                    # \sum_i^{}: no bound written
        if upper == "K":
            self.unbounded_indices |= set(names)
        return "".join(f"\\{op}_{{{n}=1}}^{{{upper}}}" for n in names) + " ", after

    def _derivative(self, t, m, offset, depth):
        """``\\frac{d}{dz} f``, ``\\frac{\\partial}{\\partial z_k} f``: f runs to the next + or -."""
        j = m.end()
        while j < len(t) and t[j] == " ":
            j += 1
        end = _term_end(t, j)
        if not t[j:end].strip():
            raise UnknownNotation("a derivative of nothing", offset + m.start())
        with self.names_kept():    # \frac{\partial}{\partial y_n} of an expression in y_n
            inner = self.read_side(t[j:end], offset + j, depth + 1)
        name = re.sub(r"[{}\\]", "", m.group(2))
        base, _, sub = name.partition("_")
        matrices = {**self.families,     # the operand's own matrix first: one W in ∂/∂W_{ij}
                    **{_plain(str(b.label)): b for b in inner.atoms(sp.IndexedBase)}}
        entry = entry_of(name, matrices)
        if entry is not None:   # W_{ij} beside \sum_l W_{kl} x_l: the entry W[i, j]
            var = entry
        elif sub and is_matrix(matrices.get(base)):
            raise UnknownNotation(f"the derivative in {name}: its entry of {base} is not read",
                                  offset + m.start())
        elif sub and base in self.families and len(sub) == 1 and not sub.isdigit():
            var = self.families[base][ob.index(sub)]
        elif sub and base in self.families and sub.isdigit():
            var = self.families[base][int(sub)]
        elif sub and (len(sub) == 1 or sub.isdigit()) and base in {
                _plain(str(b.label)) for b in inner.atoms(sp.IndexedBase)}:
            # z_i of softmax(z)_i: an entry of the vector the operand uses
            vector = next(b for b in inner.atoms(sp.IndexedBase) if _plain(str(b.label)) == base)
            var = vector[int(sub) if sub.isdigit() else ob.index(sub)]
        else:     # also W_{ij}: one scalar of a matrix the text does not spell out
            var = sp.Symbol(name if len(sub) < 2 else f"{base}_{{{sub}}}", real=True)
            # the same scalar as the reader makes of the operand's symbols: z_i is z_{i}
            var = next((s for s in inner.free_symbols if _plain(getattr(s, "name", "")) ==
                        _plain(var.name)), var)
        if sub and sub.isalpha() and any(
                re.fullmatch(re.escape(base) + r"_\{?(?!" + re.escape(sub) + r"\b)(?:[a-z]+|\d)\}?",
                             getattr(s, "name", "")) for s in inner.free_symbols):
            self.doubts.append(open_indices(base, sub))
        elif sub and sub.isalpha() and other_entry(inner, base, sub):
            # ∂/∂x_k of e^{x_i}/Σ_j e^{x_j}: the sampling covers k = i and k ≠ i, but a
            # failure in one of them may be the case the text states in words
            self.doubts.append(other_entry_doubt(base, sub))
        return self._hold(sp.Derivative(inner, (var, 2 if m.group(1) else 1))), end

    def _function_at(self, lam, arguments: str, offset, depth):
        """A function the text defined (``L(p) = …``) at the arguments written ``(p)``."""
        parts = split_top(arguments.strip()[1:-1], ",")
        if len(parts) != len(lam.variables) or not all(p.strip() for p in parts):
            return None
        return lam(*[self.read_side(p, offset, depth + 1) for p in parts])

    def _named_derivative(self, t, m, offset, depth):
        """``\\frac{\\partial L}{\\partial z_j}``: the derivative of what the text set L to;
        of a name it did not define, an opaque quantity (never refuted)."""
        name = _plain(m.group(2))
        if name not in self.sem.functions and m.group(2).strip() in self.sem.functions:
            name = m.group(2).strip()          # \ell(p) = …: the function is kept as \ell
        if m.group(3):    # an application: as the text defined it, with those arguments
            found = applied_at(m.group(2) + m.group(3).strip(), 0, self.sem.applications)
            value = self.defined_value(found[0], offset, depth) if found else None
            if value is None and name in self.sem.functions:   # \frac{dL(p)}{dp}, L(p) = …
                value = self._function_at(self.sem.functions[name], m.group(3), offset, depth)
        else:
            value = self.sem.bindings.get(name)
            if value is None and name in self.sem.functions:
                lam = self.sem.functions[name]
                value = lam(*lam.variables)
            if value is None:     # p_j of p_i = e^{z_i}/\sum_k e^{z_k} in the text
                member = self._members(sp.Symbol(name, real=True))
                value = None if member == sp.Symbol(name, real=True) else member
            entry = self.sem.applications.get(application_key(m.group(2)))
            if value is None and entry is not None:
                # \frac{df}{dz_i} of f(x_i) = \ln(1 + e^{-z_i}) + …: of the body the text gave f,
                # when the body uses the variable (else f may depend on it through a name)
                body = self.defined_value(entry[1], offset, depth)
                written = _plain(m.group(4))
                labels = {_plain(str(b.label)) for b in body.atoms(sp.IndexedBase)}
                if any(_plain(getattr(s, "name", "")) == written for s in body.free_symbols) \
                        or written.partition("_")[0] in labels:   # ∂/∂p_k of a sum over p_k
                    value = body
        var = re.sub(r"[{}\\]", "", m.group(4))
        if value is None and not m.group(3) and same_vector(name, _plain(var)):
            # ∂x_i/∂x_j: one entry of a vector the text does not define in another, read as
            # \frac{\partial}{\partial x_j} x_i
            operator = f"\\frac{{\\partial}}{{\\partial {m.group(4)}}} {m.group(2)}"
            return self._hold(self.read_side(operator, offset, depth + 1)), m.end()
        if value is None and m.group(3):    # \frac{d\sigma(z)}{dz}: a known function written out
            top, bottom = m.group(0)[6:].split("}{", 1)
            value = self.spelled_derivative(top, bottom[:-1], offset + m.start(), depth)
            if value is not None:
                return self._hold(value), m.end()
        if value is None:
            return self._hold(self.opaque(m.group(0), "")), m.end()
        base, _, sub = var.partition("_")
        target = next((s for s in value.free_symbols if _plain(getattr(s, "name", "")) ==
                       _plain(var)), sp.Symbol(var, real=True))
        bases = {_plain(str(b.label)): b for b in value.atoms(sp.IndexedBase)}
        entry = entry_of(var, bases)
        if entry is not None:     # W_{ij} of a matrix the value uses: W[i, j]
            target = entry
        elif sub and base in bases and target not in value.free_symbols:
            if is_matrix(bases[base]) or not re.fullmatch(r"[a-z]|\d+", sub):
                raise UnknownNotation(f"the derivative in {var}: its entry of {base} is not read")
            target = bases[base][member_index(sub)]   # z_j of a family the value uses: z[j]
        return self._hold(sp.Derivative(value, target)), m.end()

    def _other_derivative(self, t: str, i: int, offset: int = 0, depth: int = 0):
        """``\\frac{d(e^u)}{du}`` and ``\\frac{d \\ln(1 + e^{-x})}{dx}``: the derivative of an
        expression written out, as ``\\frac{d}{du}(e^u)``; ``\\frac{\\partial \\hat{y}}{\\partial z}``
        and other derivatives the patterns do not read: an opaque quantity (the parser would
        take the derivative of a constant, 0)."""
        try:
            top, j = read_group(t, i + len("\\frac"))
            bottom, end = read_group(t, j)
        except LatexSyntaxError:
            return None
        if re.match(r"\s*(?:\\partial(?![A-Za-z])|d(?=\s*\\|\s*[A-Za-z]\b))", bottom) and \
                re.match(r"\s*(?:\\partial(?![A-Za-z])|d(?![a-z]))", top):
            spelled = self.spelled_derivative(top, bottom, offset + i, depth)
            if spelled is not None:
                return self._hold(spelled), end
            return self._hold(self.opaque(t[i:end], "")), end
        return None

    def spelled_derivative(self, top: str, bottom: str, offset: int, depth: int):
        """The derivative ``\\frac{d EXPR}{d v}`` as ``\\frac{d}{d v}(EXPR)``, when EXPR is written
        out: a bracket, or a function the reader knows (σ, ln, log, exp, e^…) applied; None
        when EXPR is a bare name, or reads with a quantity not understood.

        >>> from symbolic.latex_in.parse import Reader
        >>> Reader().spelled_derivative(r"d\\sigma(z)", "dz", 0, 0)
        Derivative(Sigmoid(z), z)
        >>> Reader().spelled_derivative(r"d\\hat{y}", "dz", 0, 0) is None
        True
        """
        op = re.match(r"\s*(\\partial(?![A-Za-z])|d)\s*", top)
        var = re.fullmatch(r"\s*(?:\\partial(?![A-Za-z])|d)\s*" + _VARIABLE + r"\s*", bottom)
        rest = top[op.end():].strip() if op else ""
        written_out = re.match(r"(?:\\left\s*)?[(\[]|\\(?:ln|log|exp|sigma|tanh|softmax)(?![A-Za-z])|e\s*\^",
                               rest) or re.search(r"\\(?:ln|log|exp)(?![A-Za-z])", rest)   # y_1 \log p_1
        if not (var and written_out) or rest.startswith("(") and matching(rest, 0) != len(rest) - 1:
            return None
        before = len(self.doubts)
        try:
            value = self.read_side(f"\\frac{{{op.group(1)}}}{{{op.group(1)} {var.group(1)}}}"
                                   f"\\left({rest}\\right)", offset, depth + 1)
        except (LatexSyntaxError, UnknownNotation):
            del self.doubts[before:]
            return None
        if any(str(s).startswith("⟨") for s in value.free_symbols) or \
                value.atoms(sp.core.function.AppliedUndef):
            del self.doubts[before:]
            return None
        return value
