"""Distributions named by letter: ``Q(z|X)``, ``q_{\\phi}(z|x)``, ``p(X, Z|\\theta)``, ``\\Pr[X=x|Z=j]``.

A part of :class:`symbolic.latex_in.parse.Reader` (a mixin: it uses the reader's ``sem``,
``read_side``, ``_hold`` and ``doubts``).

Posts on variational inference and EM write several distributions side by side (the
posterior ``Q(z|X)``, the model ``P(X|z) P(z)``, a free ``q(Z)``) where the seeds write
one joint pmf of X and Y.  :func:`plan` looks at every side of a chain first.  When each
distribution applied in it can be read this way, each *head* (a pmf letter with its
decoration and parameters: ``Q``, ``q_phi``, ``p;theta``) becomes one arbitrary joint pmf
over the random variables it is applied to in the chain, and

* ``Q(z|x)`` is ``Q(x, z) / Q(x)``, a marginal being a sum over the other variables;
* ``E_{z\\sim Q(z|X)}[f]``, ``E_{q(Z)}[f]`` and ``D_{KL}(Q(z|X) \\| P(z|X))`` are sums over
  the variables before the bar, weighted by that conditional;
* over a variable the document integrates (``\\int … dz``), the pmf becomes a density:
  its values are divided by positive cell widths ``dz[k]``, and ``\\int … dz`` sums with
  those widths, so that a relation proved holds for densities too.

The relation then holds for every choice of the distributions if it is a true identity,
which is what the rows of such derivations claim.  Two heads that differ only in the
parameters (``p(X|\\theta)`` and ``p(X|\\theta^{(t)})``) are read as unrelated
distributions, a doubt: a failure is not the author's.

>>> from symbolic.latex_in.parse import Reader
>>> r = Reader()
>>> r.start_chain([r"D_{KL}[Q(z|X) \\| P(z|X)]", r"\\sum_z Q(z|X) \\log \\frac{Q(z|X)}{P(z|X)}"])
>>> sorted(r.distributions)
['P', 'Q']
>>> r.read_side(r"Q(z|X)")
Q[x, z]/Sum(Q[x, u], (u, 1, K))
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in import semantics as se
from symbolic.latex_in.distribution_plan import (  # noqa: F401  (application, plan re-exported)
    _BOUNDS, _MEASURE, _applications, _binary_variables, _by_letter, _whole, application,
    continuous_variables, plan)
from symbolic.latex_in.errors import UnknownNotation
from symbolic.latex_in.notation import clean
from symbolic.latex_in.reader_definitions import applied_at
from symbolic.latex_in.reader_patterns import DIFFERENTIAL, _term_end, integral_at
from symbolic.latex_in.scan import matching, read_group, split_top


class DistributionNotation:
    """The reading of distributions named by letter (see the module docstring)."""

    integrated = None     # the one variable the chain integrates over, if one

    def _support_of(self, name: str):
        """2 for a variable the chain writes only as 0 or 1 (a label), else K."""
        return sp.Integer(2) if name in self.binary else se.K

    def _distribution(self, head: str):
        names = self.distributions[head]
        label = head.replace(";", "|")
        if len(names) == 1:
            return ob.pmf(label, self._support_of(names[0]))
        return ob.joint_pmf(label, *(self._support_of(n) for n in names))

    def _width(self, name: str):
        return ob.positive_reals(f"d{name}", se.K)

    def _value_of(self, value: str):
        if value.isdigit():
            return sp.Integer(int(value) + 1)    # outcomes 0, 1, … are the support's 1, 2, …
        return ob.index(value)

    def distribution_value(self, head: str, left, given) -> sp.Expr:
        """P(left | given) of ``head``: a ratio of marginals of its joint pmf."""
        names = self.distributions[head]
        obj = self._distribution(head)
        continuous = getattr(self.sem, "continuous", frozenset())

        def marginal(fixed: dict):
            index, dummies = [], []
            for n in names:
                if n in fixed:
                    index.append(fixed[n])
                else:
                    u = sp.Dummy("u", integer=True)
                    dummies.append((u, self._support_of(n)))
                    index.append(u)
            value = obj[index[0]] if len(index) == 1 else obj[tuple(index)]
            for u, size in dummies:         # masses: a marginal sums them, widths or not
                value = sp.Sum(value, (u, 1, size))
            for n, v in fixed.items():
                if n in continuous:
                    value = value / self._width(n)[v]     # a density: mass over cell width
            return value

        both = {n: self._value_of(v) for n, v in left + given}
        if not given:
            return marginal(both)
        return marginal(both) / marginal({n: self._value_of(v) for n, v in given})

    def _distribution_at(self, t: str, i: int, offset: int, depth: int):
        """A distribution, an expectation under one, or a KL divergence of two, at ``i``."""
        if i > 0 and (t[i - 1].isalpha() or t[i - 1] == "\\") and \
                not t.startswith(("\\Pr", "\\int"), i):     # \log\int …: an integral all the same
            return None
        hit = application(t, i)
        if hit is not None:
            head, left, given, end = hit
            if head in self.distributions:
                return self._hold(self.distribution_value(head, left, given)), end
            return None
        m = _MEASURE.match(t, i)
        if m:
            return self._information_measure(t, i, m, offset)
        if t.startswith("\\int", i):
            return self._integral(t, i, offset, depth)
        return self._expectation_under(t, i, offset, depth)

    def _information_measure(self, t: str, i: int, m, offset: int):
        """``D_{KL}(Q(z|X) \\| P(z|X))``, ``D_{KL}(q \\| p)``, ``H(q)``, ``H(p, q)`` of the
        chain's distributions; any other ``H``, ``I``, ``KL`` or ``CE`` beside them (``H(Z)``,
        of a letter the chain applies twice) is not read: which distribution it means is
        not known, and the one pmf of X the seeds' reading would take is not theirs."""
        close = matching(t, m.end() - 1)
        word, inner = m.group(1), t[m.end():close]
        parts = split_top(inner, "‖" if word == "\\KL" else ",")
        dists = [_whole(p) or self.by_letter.get(p.strip()) or self._of_head(p) for p in parts]
        known = [d for d in dists if d is not None]
        if known and len(known) < len(dists):   # D_{KL}(Q_\phi \| P_\theta) beside q_\phi(z|x):
            dists = [d or self._of_head(p, known[0]) for d, p in zip(dists, parts)]  # p_θ(z|x)
        written = re.sub(r"^_|[{}\s]", "", m.group(2) or "")
        under = (self.by_letter.get(written) or self._of_head(written)) if written else None
        if word == "H" and under and len(parts) == 1 and \
                parts[0].strip().lower() == " ".join(v for v, _ in under[1]):
            dists = [under]      # H_q(Z), \mathcal{H}_q(Z): the entropy of q, over Z
        elif m.group(2):
            dists = [None]
        sizes = {"H": (1, 2), "\\KL": (2,), "\\CE": (2,)}.get(word, ())
        if len(parts) not in sizes or \
                not all(d is not None and d[0] in self.distributions for d in dists) or \
                len({tuple(v for v, _ in d[1]) for d in dists}) != 1:
            raise UnknownNotation(f"{word.lstrip(chr(92))}({inner.strip()}) beside distributions "
                                  "named by letter: which distribution it means is not read",
                                  offset + i)
        if word == "\\KL" and any(     # given X, or given x beside a sum over x (Cover and Thomas)
                v.isupper() or re.search(r"\\sum\s*_\s*\{?\s*" + v + r"(?![A-Za-z])|(?<![A-Za-z\\])d" + v +
                                         r"(?![A-Za-z])", self.chain_text)
                for v in re.findall(r"\|\s*([A-Za-z])", parts[0])):
            self.doubts.append("a KL divergence of distributions given X: taken at the "
                               "value X here, where some texts average it over X")
        first, last = dists[0], dists[-1]
        log_last = sp.log(self.distribution_value(*last[:3]))
        value = self._expected(first, sp.log(self.distribution_value(*first[:3])) - log_last
                               if word == "\\KL" else -log_last)
        base = self.measure_base(word)
        return self._hold(value / sp.log(base) if base else value), close + 1

    def _of_head(self, written: str, like=None):
        """The one distribution the chain applies whose head is ``written`` bare (``q_t``,
        ``q_{\\phi}``), or None; with ``like`` (another distribution), the one applied to the
        same variables, before and after the bar, as it is."""
        hit = application(written.strip() + "(u)", 0) if written.strip() else None
        if hit is None or hit[3] != len(written.strip()) + 3:
            return None
        found = {(h, tuple(left), tuple(given)) for h, left, given, _ in self.applied
                 if h == hit[0]}
        if like is not None:
            found = {f for f in found if [v for v, _ in f[1]] == [v for v, _ in like[1]] and
                     [v for v, _ in f[2]] == [v for v, _ in like[2]]}
        if len(found) != 1:
            return None
        head, left, given = found.pop()
        return head, list(left), list(given)

    def _integral(self, t: str, i: int, offset: int, depth: int):
        """``\\int f(z) dz`` over a variable of the distributions: a sum with cell widths."""
        found = integral_at(t, i, _BOUNDS, self.integrated)
        variables = {v for vs in self.distributions.values() for v in vs}
        if not found or found[2] not in variables or not found[1].strip():
            return None
        # \int_{\mathcal{X}} … dx: over the range of x, written with its capital; any other
        # set (\int_{\mathcal{A}} … dx) may be part of the range
        over = re.search(r"\\mathcal\s*\{?\s*([A-Z])", t[i:found[0]])
        if over and over.group(1).lower() != found[2]:
            return None
        j, body, n, after = found
        inner = self.read_side(body, offset + j, depth + 1)
        k = ob.index(n)
        inner = inner.xreplace({s: k for s in inner.free_symbols
                                if isinstance(s, sp.Symbol) and s.name == n})
        weight = self._width(n)[k] if n in getattr(self.sem, "continuous", ()) else 1
        return self._hold(sp.Sum(weight * inner, (k, 1, se.K))), after

    def _expected(self, dist, inner) -> sp.Expr:
        """Σ over the variables before the bar of P(them | given) · inner."""
        head, left, given = dist[:3]
        if any(v != n for n, v in left):      # E over P(Y = 1 | x): no variable to run over
            raise UnknownNotation("an expectation or KL divergence over an event, not a "
                                  "variable, is not read")
        continuous = getattr(self.sem, "continuous", frozenset())
        value = self.distribution_value(head, left, given) * inner
        for n, _ in left:
            k = ob.index(n)
            weight = self._width(n)[k] if n in continuous else 1
            value = sp.Sum(weight * value, (k, 1, self._support_of(n)))
        return value

    def _expectation_under(self, t: str, i: int, offset: int, depth: int):
        m = re.match(r"\\mathbb\s*\{?E\}?|E(?![A-Za-z])", t[i:])
        if not m:
            return None
        j = i + m.end()
        dist = None
        if t[j:j + 1] == "_":
            sub, j = read_group(t, j + 1)
            _, _, written = sub.rpartition("\\sim")
            dist = _whole(written) or self.by_letter.get(written.strip())
            if dist is None or dist[0] not in self.distributions:
                raise UnknownNotation(f"cannot read the expectation subscript {sub.strip()!r} "
                                      "beside distributions named by letter", offset + i)
            bound = [v.strip() for v in sub.rpartition("\\sim")[0].split(",")] if \
                "\\sim" in sub else []
            if bound and sorted(b.lower() for b in bound) != sorted(v for v, _ in dist[1]):
                return None
        else:
            dist = self.implicit_expectation
            if dist is None:
                return None
            self.doubts.append("E[…] without a subscript is read as the expectation under "
                               "the first distribution of the KL divergence beside it")
        while j < len(t) and t[j] == " ":
            j += 1
        if j < len(t) and t[j] in "[(":
            close = matching(t, j)
            body, body_at, after = t[j + 1:close], j + 1, close + 1
        elif j < len(t) and t[i:j].rstrip().endswith("}"):
            # E_{q(z)} \log q(z): the argument runs to the next top-level + or - (or the end),
            # read with the chain's distributions (not the reader's own pmfs)
            after = _term_end(t, j)
            body, body_at = t[j:after], j
        else:
            return None
        inner = self.read_side(body, offset + body_at, depth + 1)
        names = {v for v, _ in dist[1]}
        inner = inner.xreplace({s: ob.index(s.name) for s in inner.free_symbols
                                if isinstance(s, sp.Symbol) and s.name in names})
        return self._hold(self._expected(dist, inner)), after

    def _bodies_used(self, sides) -> list:
        """The texts of the definitions (kept as text) that ``sides`` apply."""
        applications = getattr(self.sem, "applications", {})
        texts = [v[1] for v in applications.values() if isinstance(v[1], str)]
        if not texts:
            return []
        used = []
        for side in sides:
            for i in range(len(side)):
                hit = applied_at(side, i, applications)
                if hit is not None and isinstance(hit[0], str) and hit[0] not in used:
                    used.append(hit[0])
        return used

    def plan_distributions(self, sides) -> None:
        """Decide, for a new chain, whether its distributions are read by letter."""
        sides = [clean(side) for side in sides or ()]
        sides += [clean(body) for body in self._bodies_used(sides)]
        self.distributions = plan(sides) if sides else {}
        self.implicit_expectation = None
        self.binary, self.by_letter, self.applied = frozenset(), {}, []
        written = {m.group(1) for side in sides for m in DIFFERENTIAL.finditer(side)}
        summed = {v for side in sides for v in re.findall(r"\\sum\s*_\s*\{?\s*([a-z])", side)}
        if written & summed:     # -\sum_x P(x) \log Q(x) = -\int P(x) \log Q(x) dx: two cases
            self.doubts.append(f"the chain sums and integrates over {min(written & summed)}: the "
                               "discrete and the continuous case of one definition, side by side")
        self.integrated = written.pop() if len(written) == 1 else None  # \int … without dz
        if not self.distributions:
            return
        firsts = []
        for side in sides:
            for m in re.finditer(r"\\KL\s*[(\[]", side):
                close = matching(side, m.end() - 1)
                first = split_top(side[m.end():close], "‖")[0].strip()
                hit = _whole(first)
                if hit and hit[0] in self.distributions:
                    firsts.append(hit[:3])
        hits = list(_applications(sides))
        self.applied = hits
        self.binary = _binary_variables(hits)
        self.by_letter = _by_letter(hits, self.distributions)
        if firsts and all(f == firsts[0] for f in firsts):
            self.implicit_expectation = firsts[0]
        letters = {re.sub(r"[_;].*$", "", h) for h in self.distributions}
        if len(letters) < len(self.distributions):
            # p_θ(x|z) beside p(z), p(X|θ) beside p(X|θ^(t)): parts of one model, or one
            # model at two parameter values, which this reading takes as unrelated
            self.doubts.append("distributions of one letter with different subscripts or "
                               "parameters are read as unrelated")
