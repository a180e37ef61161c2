"""Identities over finite sums, decided by bringing both sides to one normal form.

``simplify`` cannot close Σ_x Σ_y P[x,y] log Σ_j P[x,j] = Σ_x (Σ_j P[x,j]) log Σ_j P[x,j]:
it needs linearity, factors moved across a Sum and bound indices renamed.  The
normal form writes an expression as a sum of terms, each a numeric coefficient
times one multiple Sum (possibly over no index) of a product of atoms:

- a Sum of an Add is split, a product of Sums is one Sum over all their indices,
  and factors are moved *into* a Sum (renamed apart first, so nothing is captured);
  a Sum whose body does not depend on its index is ``(hi − lo + 1)·body``;
- ``log`` of a product, quotient, power or Product is expanded only when SymPy's
  assumptions make every factor positive (and exponents real); a Sum is positive
  when its body is for *any* integer index and its range is not empty;
- a Sum that also appears as a reciprocal (Σ_y P[x,y] / Σ_j P[x,j]) is kept whole
  so the two cancel, and bound indices get canonical names (α-equivalence).

Every rewrite is an equality of finite sums (linearity and distributivity hold
for SymPy's sums with any integer limits, reversed ones included).  Anything
else — an infinite or non-integer limit, limits that depend on another index, a
log of something not known positive — is left as it is, or the attempt gives up.
Equal normal forms prove an identity; different ones prove nothing.

>>> from symbolic.objects import index, joint_pmf, support_size
>>> M, N = support_size("M"), support_size("N")
>>> P = joint_pmf("P", M, N)
>>> x, y, j = index("x"), index("y"), index("j")
>>> px = sp.Sum(P[x, j], (j, 1, N))
>>> prove_by_normal_form(sp.Sum(P[x, y] * sp.log(px), (y, 1, N), (x, 1, M)),
...                      sp.Sum(sp.Sum(P[x, y], (y, 1, N)) * sp.log(px), (x, 1, M)))
'sum normal form'
>>> prove_by_normal_form(sp.Sum(P[x, y] * sp.log(px), (y, 1, N), (x, 1, M)),
...                      sp.Sum(sp.Sum(P[y, x], (y, 1, N)) * sp.log(px), (x, 1, M))) is None
True
"""
from __future__ import annotations

import re
from itertools import permutations

import sympy as sp
from sympy.core.relational import Relational
from sympy.functions.elementary.piecewise import ExprCondPair
from sympy.logic.boolalg import BooleanFunction

from symbolic.objects import JointPmf, OneHot, Pmf

MAX_TERMS = 2000        # a product of long sums expands to more: give up
MAX_INDICES = 5         # canonical names try every order of a term's indices
MAX_POWER = 4           # (Σ …)^n is multiplied out for n ≤ this

_OURS = re.compile(r"^_s(\d+)_\d+$")
_BINDERS = (sp.Derivative, sp.Subs, sp.Lambda, sp.Integral)


class Unsure(Exception):
    """A rewrite this module cannot show to be an equality: give up, prove nothing."""


def _height(s: sp.Symbol) -> int:
    """h for this module's name ``_s{h}_{n}`` of a bound index, else 0."""
    m = None if isinstance(s, sp.Dummy) else _OURS.match(s.name)
    return int(m.group(1)) if m else 0


def _names_clash(expr: sp.Basic) -> bool:
    return any(_height(s) for s in expr.atoms(sp.Symbol))


def _count(lo, hi) -> sp.Expr:
    return hi - lo + 1


def _integer_limits(lo, hi) -> bool:
    return lo.is_integer is True and hi.is_integer is True


def _any_integer(v: sp.Symbol) -> sp.Dummy:
    """An integer standing for any value of ``v``, whatever ``v`` itself assumes."""
    return sp.Dummy(v.name, integer=True)


def is_positive(e: sp.Expr) -> bool:
    """True only when ``e`` is known positive for every value of its bound indices.

    SymPy's ``Sum.is_positive`` trusts the assumptions of the index rather than its
    range, so Sums and Products are decided here: a Sum is positive when its range
    is not empty and its body is positive for any integer index.

    >>> from symbolic.objects import index, pmf, support_size
    >>> K, k = support_size("K"), index("k")
    >>> p = pmf("p", K)
    >>> is_positive(sp.Sum(p[k], (k, 1, K))), is_positive(sp.Sum(p[k], (k, 3, 1)))
    (True, False)
    """
    if not e.has(sp.Sum, sp.Product):
        return e.is_positive is True
    if isinstance(e, (sp.Sum, sp.Product)):
        body, indices = e.function, set(e.variables)
        for v, lo, hi in e.limits:
            if not _integer_limits(lo, hi) or _count(lo, hi).is_positive is not True or \
                    any(lo.has(u) or hi.has(u) for u in indices):
                return False
            body = body.xreplace({v: _any_integer(v)})
        return is_positive(body)
    if isinstance(e, (sp.Add, sp.Mul)):
        return all(is_positive(a) for a in e.args)
    if isinstance(e, sp.Pow):
        base, ex = e.args
        return is_positive(base) and _real(ex)
    return False


def _real(e: sp.Expr) -> bool:
    """Known real; SymPy's answer for a Sum would trust its index's assumptions."""
    return not e.has(sp.Sum, sp.Product) and e.is_real is True


def _sums_to_one(f: sp.Basic) -> bool:
    """An entry of a pmf, joint pmf (of any number of variables) or one-hot vector (whose
    entries sum to 1)."""
    if not isinstance(f, sp.Indexed) or f.base.shape is None or \
            len(f.indices) != len(f.base.shape):
        return False
    if isinstance(f.base, JointPmf):
        return len(f.indices) >= 2
    return isinstance(f.base, (Pmf, OneHot)) and len(f.indices) == 1


class _Normaliser:
    """One normalisation: fresh bound indices are Dummies until a term is named."""

    def __init__(self, pmfs_sum_to_one: bool):
        self.pmfs_sum_to_one = pmfs_sum_to_one
        self.used_normalisation = False

    # --- terms: a list of (limits, body), body a product of atoms -------------
    def terms(self, e: sp.Expr) -> list:
        if isinstance(e, sp.Add):
            return self._cap([t for a in e.args for t in self.terms(a)])
        if isinstance(e, sp.Mul):
            return self._product(e.args)
        if isinstance(e, sp.Sum):
            return self._sum(e)
        if isinstance(e, sp.Pow):
            base, n = e.args
            if n.is_Integer and 1 < n <= MAX_POWER and isinstance(base, (sp.Add, sp.Sum)):
                return self._product([base] * int(n))
        if isinstance(e, sp.log):
            return self._log(e.args[0])
        return [((), self.atom(e))]

    def _cap(self, ts: list) -> list:
        if len(ts) > MAX_TERMS:
            raise Unsure(f"more than {MAX_TERMS} terms")
        return ts

    def _product(self, factors) -> list:
        options = [self.terms(f) for f in factors]
        # A Sum kept whole can cancel against its reciprocal in another factor.
        reciprocals = {b for ts in options for _, body in ts
                       for b, ex in (f.as_base_exp() for f in sp.Mul.make_args(body))
                       if ex.is_negative}
        if reciprocals:
            for i, f in enumerate(factors):
                if isinstance(f, sp.Sum):
                    whole = self.canonical(f)
                    if whole in reciprocals and is_positive(whole):  # S/S = 1 needs S ≠ 0
                        options[i] = [((), whole)]
        result = [((), sp.S.One)]
        for ts in options:
            result = self._cap([(l1 + l2, b1 * b2) for l1, b1 in result for l2, b2 in ts])
        return self._cap([t for limits, body in result for t in self._unfold(limits, body)])

    def _unfold(self, limits, body) -> list:
        """Sums (and Adds) left whole in a body, multiplied out into the term."""
        whole, rest = [], []
        for f in sp.Mul.make_args(body):
            base, ex = f.as_base_exp()
            linear = isinstance(f, (sp.Add, sp.Sum)) or (
                isinstance(base, (sp.Add, sp.Sum)) and ex.is_Integer and 1 < ex <= MAX_POWER)
            (whole if linear else rest).append(f)
        if not whole:
            return [(limits, body)]
        result = [(limits, sp.Mul(*rest))]
        for f in whole:
            ts = self.terms(f)
            result = self._cap([(l1 + l2, b1 * b2) for l1, b1 in result for l2, b2 in ts])
        return result

    def _sum(self, e: sp.Sum) -> list:
        body, limits = e.function, []
        for v, lo, hi in e.limits:            # innermost first; outer limits may use
            if not _integer_limits(lo, hi):   # the indices of the inner ones
                raise Unsure(f"limits {lo}, {hi} not known to be integers")
            d = sp.Dummy(v.name, **v.assumptions0)
            body = body.xreplace({v: d})
            limits = [(u, a.xreplace({v: d}), b.xreplace({v: d})) for u, a, b in limits]
            limits.append((d, lo, hi))
        ts = self.terms(body)
        for d, lo, hi in limits:
            out = []
            for inner, b in ts:
                if any(u[1].has(d) or u[2].has(d) for u in inner):
                    raise Unsure("the range of one index depends on another")
                if not b.has(d):              # Σ_{k=lo}^{hi} c = (hi − lo + 1)·c
                    out.append((inner, b * _count(lo, hi)))
                else:
                    out.append((inner + ((d, lo, hi),), b))
            ts = out
        return ts

    def _log(self, arg: sp.Expr) -> list:
        split = self._log_of_product(arg)       # log(Σ…·Σ…) before the Sums are multiplied out
        if split is not None:
            return self.terms(split)
        ts = self.terms(arg)
        whole = self.rebuild(ts)
        if len(ts) != 1 or ts[0][0]:
            return [((), sp.log(whole))]        # the log of a sum: an atom
        coeff, factors = ts[0][1].as_coeff_mul()
        if not factors:
            return [((), sp.log(whole))]        # the log of a number
        if coeff == 1 and len(factors) == 1 and factors[0].as_base_exp()[1] == 1:
            return self._log_of_atom(factors[0])
        split = self._log_of_product(ts[0][1])
        return [((), sp.log(whole))] if split is None else self.terms(split)

    @staticmethod
    def _log_of_product(arg: sp.Expr):
        """log(c·Π bᵢ^eᵢ) = log c + Σ eᵢ log bᵢ when c > 0, every bᵢ > 0, every eᵢ real."""
        coeff, factors = arg.as_coeff_mul()
        powers = [f.as_base_exp() for f in factors]
        if not powers or (coeff == 1 and len(powers) == 1 and powers[0][1] == 1):
            return None                         # a number, or one factor: nothing to split
        if not coeff.is_positive or not all(is_positive(b) and _real(e) for b, e in powers):
            return None
        pieces = [sp.log(coeff)] if coeff != 1 else []
        return sp.Add(*pieces, *(e * sp.log(b) for b, e in powers))

    def _log_of_atom(self, a: sp.Expr) -> list:
        if isinstance(a, sp.Product):
            body, ok = a.function, True
            for v, lo, hi in a.limits:
                ok = ok and _integer_limits(lo, hi) and _count(lo, hi).is_nonnegative is True
                body = body.xreplace({v: _any_integer(v)})
            if ok and is_positive(body):        # log Π f = Σ log f for f > 0
                return self.terms(sp.Sum(sp.log(a.function), *a.limits))
        return [((), sp.log(a))]

    # --- atoms and canonical expressions ---------------------------------------
    def atom(self, e: sp.Basic) -> sp.Basic:
        """``e`` with its arguments in normal form; binders and unknowns as they are."""
        if not e.args or isinstance(e, (sp.Indexed, sp.IndexedBase) + _BINDERS):
            return e
        if isinstance(e, sp.Product):
            return e
        if isinstance(e, (sp.Pow, sp.Function, ExprCondPair, Relational, BooleanFunction)):
            return e.func(*(self.canonical(a) for a in e.args))
        return e

    def canonical(self, e: sp.Basic) -> sp.Basic:
        if not isinstance(e, sp.Expr):
            return self.atom(e)
        return self.rebuild(self.terms(e))

    def rebuild(self, ts: list) -> sp.Expr:
        return sp.Add(*(self.named(limits, body) for limits, body in ts))

    def named(self, limits, body) -> sp.Expr:
        """One term as coefficient × Sum, its indices renamed canonically."""
        limits, body = self._drop_normalised(limits, body)
        coeff, body = body.as_coeff_Mul()
        if not limits:
            return coeff * body
        if len(limits) > MAX_INDICES:
            raise Unsure(f"more than {MAX_INDICES} indices in one term")
        height = 1 + max((_height(s) for s in body.atoms(sp.Symbol)), default=0)
        best = None
        for order in permutations(range(len(limits))):
            names = {l[0]: sp.Symbol(f"_s{height}_{n}", **l[0].assumptions0)
                     for l, n in zip(limits, order)}
            new = sorted(((names[v], lo, hi) for v, lo, hi in limits), key=lambda l: l[0].name)
            candidate = sp.Sum(body.xreplace(names), *new)
            key = sp.srepr(candidate)
            if best is None or key < best[0]:
                best = (key, candidate)
        return coeff * best[1]

    def _drop_normalised(self, limits, body):
        """Σ over the whole support of a pmf's entries is 1 (when allowed)."""
        if not self.pmfs_sum_to_one or not limits:
            return limits, body
        bound = {l[0]: l for l in limits}
        factors = list(sp.Mul.make_args(body))
        for i, f in enumerate(factors):
            if not _sums_to_one(f):
                continue
            idx = f.indices
            if len(set(idx)) != len(idx) or not all(v in bound for v in idx):
                continue
            if not all(bound[v][1] == 1 and bound[v][2] == size and
                       not size.free_symbols & set(bound)
                       for v, size in zip(idx, f.base.shape)):
                continue
            others = factors[:i] + factors[i + 1:]
            if any(g.has(v) for g in others for v in idx):
                continue
            if any(l[1].has(v) or l[2].has(v) for l in limits for v in idx):
                continue
            self.used_normalisation = True
            rest = tuple(l for l in limits if l[0] not in idx)
            return self._drop_normalised(rest, sp.Mul(*others))
        return limits, body


def normal_form(expr: sp.Expr, pmfs_sum_to_one: bool = False) -> sp.Expr:
    """``expr`` in the normal form of this module (raises :class:`Unsure`).

    >>> from symbolic.objects import index, pmf
    >>> p, q = pmf("p", 3), pmf("q", 3)
    >>> k, j = index("k"), index("j")
    >>> normal_form(sp.Sum(p[k] * sp.log(p[k] / q[k]), (k, 1, 3)))
    Sum(log(p[_s1_0])*p[_s1_0], (_s1_0, 1, 3)) - Sum(log(q[_s1_0])*p[_s1_0], (_s1_0, 1, 3))
    >>> normal_form(sp.Sum(p[k], (k, 1, 3)) * sp.Sum(q[j], (j, 1, 3)), pmfs_sum_to_one=True)
    1
    """
    if _names_clash(expr):
        raise Unsure("the expression uses this module's names for bound indices")
    return _Normaliser(pmfs_sum_to_one).canonical(expr)


def prove_by_normal_form(lhs: sp.Expr, rhs: sp.Expr) -> str | None:
    """A method name if ``lhs − rhs`` has normal form 0, else None.

    First without, then with, the fact that a pmf (or one-hot vector) sums to 1
    over its whole support.
    """
    d = sp.sympify(lhs) - sp.sympify(rhs)
    if _names_clash(d):
        return None
    try:
        if _Normaliser(False).canonical(d) == 0:
            return "sum normal form"
        normaliser = _Normaliser(True)
        if normaliser.canonical(d) == 0 and normaliser.used_normalisation:
            return "sum normal form, a pmf sums to 1"
    except (Unsure, RecursionError):   # undecided here; other strategies may still try
        return None
    return None
