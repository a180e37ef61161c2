"""The meaning pass after the parser: placeholders back (in messages too), families, scalars, opaque quantities.

A part of :class:`symbolic.latex_in.parse.Reader` (a mixin: it uses the reader's ``sem``,
``read_side``, ``_hold`` and ``opaque``).
"""
from __future__ import annotations

import re
from contextlib import contextmanager

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic import objects as ob
from symbolic import quantities as qu
from symbolic.latex_in import semantics as se
from symbolic.latex_in.errors import LatexSyntaxError, UnknownNotation
from symbolic.latex_in.derivative_indices import bound_apart_from
from symbolic.models import ArgMin, depends_on_theta
from symbolic.latex_in.reader_definitions import expand_except, family_of_defined
from symbolic.latex_in.reader_matrices import (entry_of, is_matrix, summed_entries,
                                               unread_entry)
from symbolic.latex_in.reader_patterns import (_check_opaque, _mentions, _plain)
from symbolic.latex_in.marks import is_marked
from symbolic.latex_in.family_entries import (TARGETS, apart_from_family, column_of,
                                             entry_at_another_index, numbered_entry, size_name,
                                             subscript_uses)

# the names read as scalars: y, y_i, \hat{y}, \hat{\beta}_0, \tilde{d}, \bar{x}, U_{t+1}
# C is the number of classes beside what runs over classes: a sum or product, a pmf or a
# measure of one, an entry indexed by c, the set {1, …, C}; alone (C \le \log|\mathcal{X}|)
# it is a letter of the text's own (a channel's capacity, a constant)
_CLASSES = re.compile(r"\\(?:sum|prod|mathbb\s*\{?E|softmax)|\b(?:softmax|E)_|(?<![A-Za-z\\])"
                      r"(?:[HDIpqPQ]\s*(?:\\left)?\s*[(\[]|[pqy]_|[a-zA-Z]_\{?c\b)|\{\s*1\s*,")
_READABLE = re.compile(r"(?:\\?(?:hat|widehat|tilde|widetilde|bar|overline|check|breve|math)\{\\?)?"
                       r"\w+\}?(?:_(?:\{?\w+\}?|\{[A-Za-z]\s*[+-]\s*\d+\}))?")


class MeaningPass:
    def _meaning(self, raw, offset):
        expr = raw
        if not isinstance(expr, sp.Basic) or isinstance(expr, (sp.logic.boolalg.Boolean,)) \
                and not isinstance(expr, sp.Expr):
            raise UnknownNotation(f"not an expression: {type(raw).__name__}", offset)
        hold = {}
        for s in expr.free_symbols | set().union(*(lim.free_symbols for lim in expr.atoms(sp.Tuple))):
            m = re.fullmatch(self.placeholder + r"_\{?(\d+)\}?", getattr(s, "name", ""))
            if m and int(m.group(1)) in self.placeholders:
                hold[s] = self.placeholders[int(m.group(1))]
        expr = expr.xreplace(hold)
        if isinstance(expr, (sp.Tuple, sp.FiniteSet)):
            raise UnknownNotation(f"not an expression: a list of {len(expr.args)} items", offset)
        if not isinstance(expr, sp.Expr):
            raise UnknownNotation(f"not an expression: {type(expr).__name__}", offset)
        expr = expr.replace(lambda e: isinstance(e, sp.log) and len(e.args) == 2,
                            lambda e: sp.log(e.args[0]) if e.args[1] == sp.E
                            else sp.log(e.args[0]) / sp.log(e.args[1]))
        expr = expr.replace(lambda e: isinstance(e, sp.Float),
                            lambda e: qu.StatedDecimal.from_text(str(e)))
        expr = self._undefined_functions(expr)
        expr = self._families(expr)
        expr = self._scalars(expr)
        return expr

    def _in_own_words(self, exc: LatexSyntaxError, text: str) -> LatexSyntaxError:
        """The parser's complaint about the whole side as the author wrote it, not about
        the text with the reader's placeholders in it."""
        if f"\\{self.placeholder}_" not in exc.message and \
                f"\\\\{self.placeholder}_" not in exc.message:
            return exc
        tails = [exc.message.rsplit(mark, 1)[1] for mark in ("': ", '": ') if mark in exc.message]
        reason = min(tails, key=len) if tails else "the parser rejects it"
        shown = re.sub(r"\s+", " ", text.strip())
        return type(exc)(f"cannot parse {shown!r}: {reason}", exc.position)

    def _in_author_terms(self, note: str) -> str:
        """``note`` with the reader's placeholders (``\\xi_{0}``) written back as the author wrote them."""
        return re.sub(r"\s?\\" + self.placeholder + r"_\{(\d+)\}\s?",
                      lambda m: self.written.get(int(m.group(1)), m.group(0)), note)

    def _undefined_functions(self, expr):
        """``f(x)`` for an f the text does not define: an opaque quantity (never refuted)."""
        undefined = {f for f in expr.atoms(AppliedUndef)
                     if not (str(f.func) in self.sem.convex and len(f.args) == 1)}
        if not undefined or expr.atoms(sp.Integral):
            return expr
        return expr.xreplace({f: self.opaque(sp.sstr(f), str(f.func)) for f in undefined})

    def _family_object(self, base: str, size):
        name = re.sub(r"([A-Za-z]+)\{", r"\1", base).replace("}", "").replace("\\", "")  # \check{x}: checkx
        over_classes = size == se.K or (size.is_Integer and size <= 16)
        if base in se.PMF_LETTERS:
            return se.pmf_object(base) if size == se.K else ob.pmf(name, size)
        if base == "y" and TARGETS.search(getattr(self, "chain_text", "")):
            # beside targets t_n (Bishop), y_n is the model's output: a probability
            return ob.pmf(name, size) if over_classes else ob.probabilities(name, size)
        if base in ("y", "t"):    # labels, or targets t_k (Bishop): one-hot over classes
            # (over q classes too, when the text calls them one-hot; never over the data)
            one_hot = over_classes or self.sem.one_hot and str(size) not in ("n", "N", "m", "M")
            return ob.one_hot(base, size) if one_hot else ob.binary_labels(base, size)
        if re.fullmatch(r"\\?hat\{[A-Za-z]\}", base):   # ŷ_k (a hatted Greek β̂_j is real)
            return ob.pmf(name, size) if over_classes else ob.probabilities(name, size)
        return ob.logits(name, size) if over_classes else ob.reals(name, size)

    def _size(self, hi):
        names = {s.name for s in hi.free_symbols}
        if names & se.SUPPORT_NAMES:
            return hi.xreplace({s: se.K for s in hi.free_symbols if s.name in se.SUPPORT_NAMES})
        if hi.is_Symbol:
            return ob.support_size(hi.name)
        if hi.is_Integer and 1 <= hi <= 64:
            return hi
        shift = hi - sum(hi.free_symbols, sp.Integer(0))
        if len(hi.free_symbols) == 1 and shift.is_Integer and 1 <= shift <= 2 and \
                (hi - shift).is_Symbol:    # \sum_{i=0}^{n}: n + 1 terms
            return hi.xreplace({s: ob.support_size(s.name) for s in hi.free_symbols})
        raise UnknownNotation(f"cannot read {hi} as the size of a support")

    def _families(self, expr):
        """Bound indices become integers; x_i under Σ_i becomes an indexed family."""
        families = self.families

        def split(sym):
            m = re.fullmatch(r"(.+?)_\{?([A-Za-z]|\d+)\}?", sym.name)
            return (m.group(1), m.group(2)) if m else (None, None)

        def visit(e):
            if isinstance(e, (sp.Sum, sp.Product)):
                body, limits = e.function, []
                for lim in e.limits:
                    if len(lim) != 3:
                        raise UnknownNotation(f"a sum or product without bounds: {e}")
                    v, lo, hi = lim
                    k = ob.index(v.name)
                    if not (lo.is_Integer and lo == 1):
                        if not lo.is_Integer:
                            raise UnknownNotation(f"cannot read the bounds of {e}")
                    if lo != 1 and lo != 0:
                        raise UnknownNotation(f"sums must start at 1 (or 0): {e}")
                    # \sum_{n=0}^{N-1}: N terms; \sum_{n=0}^{N}: N + 1
                    size = self._size(hi) if lo == 1 else self._size(sp.expand(hi + 1))
                    if lo == 1:     # W_{ik} under \sum_k: an entry of a matrix W[i, k]
                        body = summed_entries(body, v.name, k, size, families, self.doubts,
                                              self._size, {b[0].name: b[2] for b in e.limits
                                                           if len(b) == 3 and b[1] == 1})
                    if not any(_mentions(s, v.name) or column_of(getattr(s, "name", ""), v.name)
                               for s in body.free_symbols):
                        swallowed = sorted(s.name for s in body.free_symbols
                                           if subscript_uses(s, v.name))
                        if swallowed:   # \sum_k p_{k,\theta}(x): a member of a family of k
                            raise UnknownNotation(f"the index {v.name} of the sum is in the "
                                                  f"subscript of {swallowed[0]}: a family "
                                                  "of distributions or functions is not read")
                        if not body.free_symbols <= hi.free_symbols and \
                                not entry_at_another_index(body, v.name):
                            # \sum_{i=1}^{2} \frac12 \log_2 \frac12, \sum_{i=1}^K \log\frac1K: a
                            # constant has one reading; \sum_i \log p(x) may mean x_i (but
                            # \sum_j e^{z_i} writes an index, the wrong one: the author's slip)
                            self.doubts.append(f"the sum over {v.name} has no {v.name} in its "
                                               "body (a misprinted index?)")
                    # from 0: the index as a number is k - 1; a family's storage starts at 1
                    value = k if lo == 1 else k - 1
                    named = {s: value for s in body.free_symbols
                             if isinstance(s, sp.Symbol) and s.name == v.name}
                    stored = sp.Dummy(v.name, integer=True)
                    if lo != 1 and named:   # a member x[n] read already is stored at k too
                        body = body.xreplace({ix: ix.xreplace({s: stored for s in named})
                                              for ix in body.atoms(sp.Indexed)
                                              if set(named) & ix.free_symbols})
                    body = body.xreplace(named).xreplace({stored: k})
                    for s in list(body.free_symbols):
                        if isinstance(s, sp.Symbol) and s.name.startswith("⟨"):
                            if _mentions(s, v.name):   # p(y_i | x_i): a family over i
                                kind = ob.positive_reals if s.is_positive else ob.reals
                                fam = families.setdefault(s.name, kind(s.name, size))
                                body = body.xreplace({s: fam[k]})
                        elif isinstance(s, sp.Symbol):
                            b, sub = split(s)
                            column = column_of(s.name, v.name)
                            if column and not b:   # x_{i1} under Σ_i: column 1, a family over i
                                name = f"{column.group(1)}[{v.name}{column.group(2) or ''}," \
                                    f"{column.group(3) or ''}]".replace(",]", "]").replace("[,", "[")
                                fam = families.setdefault(name, self._family_object(name, size))
                                body = body.xreplace({s: fam[k]})
                                continue
                            if re.fullmatch(r".+_\{?(?=[A-Za-z0-9,]*" + re.escape(v.name) +
                                            r")[A-Za-z0-9]{1,2},?[A-Za-z0-9]?\}?", s.name) and \
                                    not b:
                                raise UnknownNotation(
                                    f"{s.name} under the sum over {v.name}: an entry of a "
                                    "matrix indexed by the sum is not read")
                            if b and sub == v.name:
                                fam = families.setdefault(b, self._family_object(b, size))
                                body = body.xreplace({s: fam[k]})
                            elif subscript_uses(s, v.name):   # x_{t+1} beside x_t in Σ_t
                                raise UnknownNotation(f"{s.name} under the sum over {v.name}: "
                                                      "an entry the sum's index moves is not read")
                    if size != se.K and hi.is_Symbol and any(
                            isinstance(ix.base, (ob.Pmf, ob.JointPmf)) and any(
                                i == k and d == se.K for i, d in zip(ix.indices, ix.base.shape))
                            for ix in body.atoms(sp.Indexed)):
                        # \sum_{j=1}^m p(x_j): a sum over a pmf's outcomes runs over its support
                        size, aliases[hi] = se.K, se.K
                    limits.append((k, 1, size))
                body = visit(body)
                return type(e)(body, *limits)
            if e.args:
                return e.func(*[visit(a) for a in e.args]) if not isinstance(e, sp.Indexed) else e
            return e

        aliases = {}
        if expr.atoms(sp.Sum, sp.Product):
            expr = visit(expr)
            expr = expr.xreplace(aliases) if aliases else expr
        # the same family outside any sum: x_i with a free index i
        repl = {}
        for s in expr.free_symbols:
            if isinstance(s, sp.Symbol):
                b, sub = split(s)
                entry = entry_of(s.name, families)
                if entry is not None:    # W_{ij} beside \sum_k W_{ik} x_k: the entry W[i, j]
                    repl[s] = entry
                elif b in families and sub == "0" and apart_from_family(b, getattr(self, "chain_text", "")):
                    # w_0 + \sum_{i=1}^{n} w_i f_i: a bias or a multiplier beside entries from 1
                    self.doubts.append(f"{b}_0 is read as a name of its own beside the entries "
                                       f"{b}_1, {b}_2, … (a bias or an intercept)")
                elif b in families and (sub.isdigit() or sub == size_name(families[b])):
                    # a_1, a_K beside \sum_k a_k: its first, its last entry
                    repl[s] = numbered_entry(families[b], sub, getattr(self, "chain_text", ""))
                elif b in families and sub.isalpha():
                    repl[s] = families[b][ob.index(sub)]
                elif b and re.fullmatch(r"[A-Za-z]", b) and sub in self.delta_indices:
                    # z_i beside \delta_{ij}: an entry of the family z over 1..K
                    families[b] = self._family_object(b, se.K)
                    repl[s] = families[b][ob.index(sub)]
        return expr.xreplace(repl) if repl else expr

    @contextmanager
    def names_kept(self):
        """Read without putting in what the document defined (see ``_scalars``)."""
        self.keeping_names += 1
        try:
            yield
        finally:
            self.keeping_names -= 1

    def _scalars(self, expr):
        # inside a derivative, and in a definition, defined names stay names: ∂E/∂y_n is
        # taken before y_n is put in, and y_n = \sigma(a_n) keeps a_n for a later a_n = …
        bindings = {} if self.keeping_names else self.sem.bindings
        defined = {k: v for k, v in {**bindings, **self.sem.applications}.items()
                   if k.partition("_")[0] not in self.sem.family_definitions and
                   not (isinstance(v, tuple) and isinstance(v[1], str))}
        family = family_of_defined(expr, defined)
        if family:
            raise UnknownNotation(f"{family} is defined in the text and used here as an indexed "
                                  "family: its members are not read")
        if not self.keeping_names:
            expr = self._through_definitions(expr)
        repl = {}
        labels = {b.label for b in expr.atoms(sp.IndexedBase)}
        symbols = set(expr.free_symbols)
        for d in expr.atoms(sp.Derivative):
            symbols |= {v for v, _ in d.variable_count}
        # N in 1/N beside \sum_{n=1}^{N}: the size the sum runs to, not another scalar
        sizes = {d.name: d for e in expr.atoms(sp.Sum, sp.Product) for lim in e.limits
                 for d in lim[2].free_symbols if d.is_integer and d.is_positive}
        sizes.update({d.name: d for b in expr.atoms(sp.IndexedBase) for d in (b.shape or ())
                      if isinstance(d, sp.Symbol)})
        for s in symbols:
            if not isinstance(s, sp.Symbol) or s.is_integer or s in labels or \
                    s.name.startswith(("⟨", "⟦")):    # opaque; a Gaussian density's mark
                continue
            if s.name in se.SUPPORT_NAMES and (s.name == "K" or
                                               _CLASSES.search(self.chain_text or "")):
                repl[s] = se.K
            elif s.name in sizes:
                repl[s] = sizes[s.name]
            elif _plain(s.name) in bindings:     # y_{n} = \sigma(a_n), and what a_n was set to
                repl[s] = expand_except(bindings[_plain(s.name)], bindings)
            elif s.name == "theta" and (depends_on_theta(expr) or expr.atoms(ArgMin)):
                raise UnknownNotation("the model parameters θ have no value here")
            elif s.name == "theta":    # \log\theta + (n-k)\log(1-\theta): θ is one number
                repl[s] = sp.Symbol("theta", real=True)
            elif is_marked(s.name):     # θ', W^{[1]}: a name a mark made (marks.py)
                repl[s] = sp.Symbol(s.name, real=True)
            elif _READABLE.fullmatch(s.name) is None:
                raise UnknownNotation(f"cannot read the symbol {s.name!r}")
            else:
                repl[s] = sp.Symbol(s.name.replace("\\", ""), real=True)
        if repl:
            expr = expr.replace(lambda e: isinstance(e, sp.Derivative),
                                lambda e: sp.Derivative(e.expr.xreplace(repl),
                                                        *[(repl.get(v, v), n)
                                                          for v, n in e.variable_count]))
            expr = expr.xreplace(repl)
        if not self.keeping_names and (self.sem.bindings or self.sem.family_definitions):
            expr = self._expand_defined(expr)   # p_j, and p[k] in a sum, of p_i = … in the text
            expr = self._adopt_families(expr)
            if self._defines(expr.replace(lambda e: isinstance(e, sp.Derivative),
                                          lambda e: sp.S.Zero)):
                # a defined name left beside its definition would read as a free variable
                raise UnknownNotation("a name the text defines could not be put in here")
        elif not self.keeping_names and self.sem.applications:
            expr = self._adopt_families(expr)   # x_j beside h_w(x) = σ(Σ_k w_k x_k): x[j]
        undefined = {f for f in expr.atoms(AppliedUndef)
                     if not (str(f.func) in self.sem.convex and len(f.args) == 1)}
        if undefined and expr.atoms(sp.Integral):
            f = sorted(undefined, key=str)[0]
            raise UnknownNotation(f"the function {f.func} is not defined")
        expr = expr.replace(lambda e: isinstance(e, sp.Derivative), _entry_derivative)
        _check_opaque(expr)
        if expr.has(sp.EulerGamma):     # the parser's reading of a γ no pattern took for a name
            raise UnknownNotation("\\gamma read as Euler's constant: in these texts γ names a "
                                  "parameter (a focal loss's, a discount)")
        return expr


def _entry_derivative(d: sp.Derivative) -> sp.Derivative:
    """A derivative with its bound indices apart from its variables' (∂/∂z_k Σ_k e^{z_k}), and
    a variable ``w_j`` that is an entry of a family ``w`` its expression uses (put in after the
    derivative was read: h_w(x) = σ(Σ_k w_k x_k)) written as that entry w[j].

    >>> k = ob.index("k")
    >>> w = ob.reals("w", ob.support_size("K"))
    >>> _entry_derivative(sp.Derivative(sp.Sum(w[k], (k, 1, 3)), sp.Symbol("w_j", real=True)))
    Derivative(Sum(w[k], (k, 1, 3)), w[j])
    """
    bases = {str(b.label): b for b in d.expr.atoms(sp.IndexedBase)}
    counts = []
    for v, n in d.variable_count:
        entry = entry_of(v.name, bases) if isinstance(v, sp.Symbol) else None
        if entry is not None and v not in d.expr.free_symbols:
            counts.append((entry, n))     # W_{ij} of a matrix the expression uses: W[i, j]
            continue
        m = re.fullmatch(r"([A-Za-z]+)_\{?([a-z]|\d+)\}?", getattr(v, "name", "")) \
            if isinstance(v, sp.Symbol) else None
        if m and m.group(1) in bases and v not in d.expr.free_symbols and \
                not is_matrix(bases[m.group(1)]):
            sub = m.group(2)
            v = bases[m.group(1)][int(sub) if sub.isdigit() else ob.index(sub)]
        counts.append((v, n))
    unread_entry(d.expr, [v for v, _ in counts])    # W_{12} beside W[k, l]: not read
    return sp.Derivative(bound_apart_from(d.expr, [v for v, _ in counts]), *counts)
