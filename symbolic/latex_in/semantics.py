"""What the symbols of a document mean: pmfs, random variables, families, scalars.

Conventions (DESIGN, "Notation the LaTeX reader understands"):

* p, q, r (and P, Q, R) are pmfs over one finite support of size ``K``; the
  support sizes ``K``, ``C``, ``|\\mathcal{X}|``, ``|\\mathcal{A}_X|`` are that size.
* X (also X_i, \\mathbf{X}) is a random variable with pmf p, Y one with pmf q; they
  are independent unless the relation talks about them jointly (H(X, Y), H(Y|X),
  I(X;Y), p(x, y), P(y|x)), in which case both come from one joint pmf ``P_XY``
  and every pmf of X or Y is the marginal of that joint.
* A subscripted symbol whose subscript is a summation or product index is an
  indexed family: over the class support (K) labels are one-hot and ŷ a pmf,
  over the data (n, N) labels are in {0, 1} and ŷ a probability.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symbolic import objects as ob
from symbolic import quantities as qu
from symbolic.context import Context

K = ob.support_size("K")
SUPPORT_NAMES = {"K", "C"}
PMF_LETTERS = {"p": "p", "P": "p", "q": "q", "Q": "q", "r": "r", "R": "r"}
VARIABLE_PMF = {"X": "p", "Y": "q", "Z": "r"}
MARGINAL_APART = {"Y": "p_Y"}        # see Semantics.pmf_of_variable
JOINT = ob.joint_pmf("P_XY", K, K)
CLASS = ob.index("c")


def pmf_object(letter: str) -> ob.Pmf:
    """The pmf a letter names (p and P are the same object)."""
    return ob.pmf(PMF_LETTERS.get(letter, letter), K)


def variable_letter(name: str) -> str | None:
    """'X' for X, X_i, X_{i}, \\mathbf{X}; None if not a random variable.

    >>> variable_letter("X_{i}"), variable_letter("Y"), variable_letter("x")
    ('X', 'Y', None)
    """
    import re
    name = name.strip()
    m = re.fullmatch(r"(?:\\mathbf\{|\\boldsymbol\{)?([XYZ])\}?(?:_\{?\\?[A-Za-z0-9]+\}?)?", name)
    return m.group(1) if m else None


@dataclass
class Semantics:
    """Mutable reading state of one document: bindings and objects in play."""

    log_base: object = None  # None: natural
    bindings: dict = field(default_factory=dict)      # Symbol -> expr
    functions: dict = field(default_factory=dict)     # name -> sp.Lambda
    applications: dict = field(default_factory=dict)  # 'E_n' -> (arguments, body): E_n(w) = …
    event_models: dict = field(default_factory=dict)  # 'Y' -> (variable, P(Y=1) in it)
    positives: dict = field(default_factory=dict)     # 'p_theta' -> 'p_model': binary model
    family_definitions: dict = field(default_factory=dict)  # 'p' -> ('i', value of p_i)
    variable_pmfs: dict = field(default_factory=dict)  # 'X' -> pmf letter (from --bind)
    used: set = field(default_factory=set)           # names bound definitions use
    pmf_values: dict = field(default_factory=dict)   # 'p' -> {outcome: value} set in the text
    pmf_rest: dict = field(default_factory=dict)     # 'p' -> value of every other outcome
    outcomes: dict = field(default_factory=dict)     # a named outcome ('a') -> its number
    convex: set = field(default_factory=set)         # function names the text says are convex
    independence: bool = False   # the text assumes its draws and events independent
    structure: bool = False      # the text speaks of Markov chains or independent variables
    continuous: frozenset = frozenset()              # variables the text integrates over
    one_hot: bool = False     # the text calls its labels one-hot (over any number of classes)
    gaussians: dict = field(default_factory=dict)    # 'q' -> (variable, mean, variance)
    finite: dict = field(default_factory=dict)       # 'y' -> {0, 1}: the values of cases
    displays: tuple = ()   # the cells of each placeholder of the chain read (None: cases)

    # --- pmfs whose values the document gives ------------------------------------
    def set_pmf_value(self, letter: str, outcome, value) -> None:
        """``p(outcome) = value``; a new value for a complete pmf starts it afresh."""
        name = PMF_LETTERS.get(letter, letter)
        if isinstance(outcome, str):
            outcome = self.outcomes.setdefault(outcome, len(self.outcomes) + 1)
        if name in self.bound_pmfs():
            self.pmf_values.pop(name, None)
            self.pmf_rest.pop(name, None)
        self.pmf_values.setdefault(name, {})[outcome] = sp.nsimplify(value)

    def set_pmf_rest(self, letter: str, value) -> None:
        """``p(c) = value`` for every outcome not given a value."""
        self.pmf_rest[PMF_LETTERS.get(letter, letter)] = sp.nsimplify(value)

    def forget_pmf_values(self) -> None:
        self.pmf_values.clear()
        self.pmf_rest.clear()
        self.outcomes.clear()

    def bound_pmfs(self) -> dict:
        """name -> (values, rest) of every pmf the text fixes completely."""
        out = {}
        for name, vals in self.pmf_values.items():
            rest = self.pmf_rest.get(name)
            total = sum(vals.values())
            if rest is not None and all(v >= 0 for v in vals.values()) and total <= 1:
                out[name] = (vals, rest)
            elif len(vals) >= 2 and sorted(vals) == list(range(1, len(vals) + 1)) \
                    and total == 1 and all(v >= 0 for v in vals.values()):
                out[name] = (vals, None)
        return out

    def concrete(self, expr: sp.Basic) -> sp.Basic:
        """Put the values the text gives into the pmfs of ``expr``."""
        bound = self.bound_pmfs()
        names = {b.label.name for b in expr.atoms(ob.Pmf)}
        if not bound or not names & set(bound) or expr.atoms(ob.JointPmf):
            return expr
        sizes = {len(v) for name, (v, rest) in bound.items() if rest is None and name in names}
        if len(sizes) > 1:
            from symbolic.latex_in.errors import UnknownNotation
            raise UnknownNotation("the pmfs given in the text have different numbers of outcomes")
        measures = (qu.Entropy, qu.CrossEntropy, qu.KLDivergence, qu.JensenShannon,
                    qu.MixtureDivergence, qu.AgreementProbability)
        expr = qu.expand_quantities(expr, measures)
        if sizes:
            expr = expr.xreplace({K: sizes.pop()})

        def value(e):
            vals, rest = bound[e.base.label.name]
            i = e.indices[0]
            if i.is_Integer:
                return vals.get(int(i), rest if rest is not None else sp.Integer(0))
            hit = sum((v * sp.KroneckerDelta(i, k) for k, v in vals.items()), sp.Integer(0))
            if rest:
                hit += rest * (1 - sum((sp.KroneckerDelta(i, k) for k in vals), sp.Integer(0)))
            return hit

        expr = expr.replace(lambda e: isinstance(e, sp.Indexed) and isinstance(e.base, ob.Pmf)
                            and e.base.label.name in bound, value)
        return expr.replace(lambda e: isinstance(e, sp.Sum), lambda e: e.doit())

    # --- X and Y independent (an assumption the text states) -----------------------
    def independent(self, expr: sp.Basic, y_apart: bool = False) -> sp.Basic:
        """``expr`` with the joint pmf of X and Y the product of their pmfs (``y_apart``: Y's
        was read apart from the text's own q, see :meth:`pmf_of_variable`)."""
        px, py = self.pmf_of_variable("X"), self.pmf_of_variable("Y", y_apart)
        measures = (qu.JointEntropy, qu.ConditionalEntropyYX, qu.ConditionalEntropyXY,
                    qu.MutualInformation)
        expr = qu.expand_quantities(expr, measures)
        return expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base == JOINT,
                            lambda e: px[e.indices[0]] * py[e.indices[1]])

    def pmf_of_variable(self, letter: str, apart: bool = False) -> ob.Pmf:
        """The pmf of the random variable ``letter`` (X: p, Y: q, Z: r, or as bound).
        ``apart``: the text writes that pmf's letter for a pmf of its own beside the
        marginal of the variable (``q(y)`` beside ``p(y)``), so the marginal gets a name of
        its own, ``p_Y``, which no pmf letter of the text reads as (a text's ``p_Y(y)`` is the
        distribution ``P_Y``).

        >>> s = Semantics(); s.pmf_of_variable("Y").label, s.pmf_of_variable("Y", apart=True).label
        (q, p_Y)
        """
        name = self.variable_pmfs.get(letter, VARIABLE_PMF[letter])
        if apart and letter in MARGINAL_APART and name == VARIABLE_PMF[letter]:
            name = MARGINAL_APART[letter]
        return pmf_object(name)

    # --- the marginals when X and Y are read jointly -----------------------------
    def to_joint(self, expr: sp.Basic, y_apart: bool = False) -> sp.Basic:
        """Rewrite pmfs of X and Y as marginals of the one joint pmf (``y_apart``: Y's is
        ``p_Y``, the text's own q another pmf)."""
        px, py = self.pmf_of_variable("X"), self.pmf_of_variable("Y", y_apart)

        def repl(e):
            if isinstance(e, sp.Indexed) and e.base == px:
                u = sp.Dummy("u", integer=True)
                return sp.Sum(JOINT[e.indices[0], u], (u, 1, K))
            if isinstance(e, sp.Indexed) and e.base == py:
                u = sp.Dummy("u", integer=True)
                return sp.Sum(JOINT[u, e.indices[0]], (u, 1, K))
            return e

        expr = expr.replace(     # D(p(y) ‖ q(y)) of a marginal: its sum, then the marginal in it
            lambda e: isinstance(e, (qu.KLDivergence, qu.CrossEntropy)) and {px, py} & set(e.args),
            lambda e: e.doit())
        expr = expr.replace(lambda e: isinstance(e, qu.Entropy) and e.args[0] in (px, py),
                            lambda e: (qu.MarginalEntropyX(JOINT) if e.args[0] == px
                                       else qu.MarginalEntropyY(JOINT)))
        return expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base in (px, py), repl)

    # --- contexts -----------------------------------------------------------------
    def context(self, exprs) -> Context:
        """Domains of the free scalars of ``exprs``, inferred from their use."""
        domains, class_of = {}, {}
        free = set()
        for e in exprs:
            free |= e.free_symbols
        labels = {b.label for e in exprs for b in e.atoms(sp.IndexedBase)}
        indexed = {i for e in exprs for ix in e.atoms(sp.Indexed) for i in ix.indices}
        sizes = {d for e in exprs for b in e.atoms(sp.IndexedBase) for d in (b.shape or ())}
        for s in free:
            if not isinstance(s, sp.Symbol) or s in labels:
                continue
            if s.is_integer:
                if s not in indexed and s not in sizes and s != K and not s.is_positive:
                    domains[s] = sp.Range(1, K + 1)   # a class index, e.g. softmax(z)_i
                continue
            domains[s] = self.domain_of(s, exprs)
        for e in exprs:
            for b in e.atoms(sp.IndexedBase):
                if isinstance(b, ob.OneHot) and CLASS in free:
                    class_of[b] = CLASS
        return Context(domains=domains, class_of=class_of)

    def domain_of(self, s: sp.Symbol, exprs) -> sp.Set:
        unit = sp.Interval.open(0, 1)
        name = s.name
        if name in self.finite:     # y in \begin{cases} … & y = 1 \\ … & y = 0 \end{cases}
            return sp.FiniteSet(*sorted(self.finite[name]))
        if name.startswith("⟨"):    # an opaque quantity (see Reader.opaque)
            return sp.Interval.open(0, sp.oo) if s.is_positive else sp.S.Reals
        if name in ("p", "hat{y}", "\\hat{y}", "pi") or name.startswith("hat{"):
            return unit
        for e in exprs:
            for f in e.atoms(qu.Logit, qu.Odds, qu.Information):
                if f.args[0] == s or (isinstance(f.args[0], sp.Basic) and s in f.args[0].free_symbols
                                      and isinstance(f, (qu.Logit, qu.Odds))):
                    return unit
        for e in exprs:
            for lg in e.atoms(sp.log):
                if any(a == s for a in lg.args):
                    return sp.Interval.open(0, sp.oo) if name not in ("b",) else sp.Interval.open(1, sp.oo)
            for pw in e.atoms(sp.Pow):
                if pw.base == s and not pw.exp.is_integer:
                    return sp.Interval.open(0, sp.oo)
        if name == "b":
            return sp.Interval.open(1, sp.oo)
        return sp.S.Reals


def stated_base(base):
    """The base of ``\\log`` a caller states: ``"e"`` is the natural base, stated (``sp.E``,
    which keeps a failure in base e from being read again in base 2); a number; None when no
    base is stated.

    >>> stated_base("e"), stated_base("2"), stated_base(None), stated_base(10)
    (E, 2, None, 10)
    """
    if base is None:
        return None
    if str(base) in ("e", "E"):
        return sp.E
    return int(base) if isinstance(base, str) else base
