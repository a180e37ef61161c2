"""Identities proved by splitting into cases, each case closed symbolically.

* a **one-hot** vector y with hot class c: in a sum over its support, the term
  k = c has y_c = 1 and every other term has y_k = 0 (with 0·log 0 = 0), which
  must make it vanish; the sum is then its term at c;
* **binary labels** y_i ∈ {0, 1}: an expression A(y_i) that is not a power of
  y_i (a Piecewise on y_i, an entry indexed by y_i) equals A(1)^{y_i}·A(0)^{1−y_i}
  in both cases y_i = 1 and y_i = 0, and is rewritten so;
* a scalar whose domain is a finite set: one case per value;
* scalars with interval domains and probabilities in (0, 1) are reparametrised
  (:mod:`symbolic.lemmas.facts`), and a pmf that may have zeros is handled by
  continuity (:mod:`symbolic.lemmas.zeros`).

>>> import sympy as sp
>>> from symbolic.context import Context
>>> from symbolic.objects import index, one_hot, pmf, support_size
>>> C, k, c = support_size("C"), index("k"), index("c")
>>> y, q = one_hot("y", C), pmf("q", C)
>>> ctx = Context(class_of={y: c})
>>> prove_identity(-sp.Sum(y[k] * sp.log(q[k]), (k, 1, C)), -sp.log(q[c]), ctx).method
'case split: y is one-hot with y[c] = 1: y[k] = 0 for k != c (0 log 0 = 0)'
>>> prove_identity(-sp.Sum(y[k] * sp.log(q[k]), (k, 1, C)), -sp.log(q[k]), ctx) is None
True
"""
from __future__ import annotations

import sympy as sp

from symbolic.context import Context
from symbolic.lemmas.base import Proof, equal_how, expanded
from symbolic.lemmas.facts import reparametrisation_notes, reparametrised
from symbolic.objects import BinaryLabels, OneHot
from symbolic.prove import prove_equal
from symbolic.sums import Unsure, is_positive


class _NoSplit(Exception):
    """The case split does not apply to this expression."""


def _drop_zero_log_zero(body: sp.Basic, entry: sp.Basic) -> sp.Basic:
    """Terms v·log(v)·… removed, for v ∈ {0, 1}: they are 0 in both cases."""
    terms = sp.Add.make_args(sp.expand(body, log=False, power_base=False, power_exp=False))
    kept = [t for t in terms if not (t.has(sp.log(entry)) and
                                    any(f == entry or (f.is_Pow and f.base == entry and
                                                       f.exp.is_positive)
                                        for f in sp.Mul.make_args(t)))]
    return sp.Add(*kept)


def _split_sum(s: sp.Sum, y, c) -> sp.Basic:
    if len(s.limits) != 1:
        raise _NoSplit("a sum over several indices")
    k, lo, hi = s.limits[0]
    if lo != 1 or sp.simplify(hi - y.shape[0]) != 0:
        raise _NoSplit("a sum over part of the support")
    cold = _drop_zero_log_zero(s.function, y[k]).xreplace({y[k]: 0})
    if sp.simplify(cold) != 0:
        raise _NoSplit("the terms with y_k = 0 do not vanish")
    hot = _drop_zero_log_zero(s.function.xreplace({k: c}), y[c])
    return hot


def split_one_hot(expr: sp.Basic, y, c) -> sp.Basic:
    """``expr`` with y one-hot at class c: sums over y's support reduced to their
    term at c, then y_c = 1 (raises _NoSplit)."""
    def has_entry(e):
        return isinstance(e, sp.Sum) and any(
            isinstance(a, sp.Indexed) and a.base == y and a.indices == (e.limits[0][0],)
            for a in e.function.atoms(sp.Indexed))
    expr = expr.replace(has_entry, lambda s: _split_sum(s, y, c))
    expr = _drop_zero_log_zero(expr, y[c]).xreplace({y[c]: 1})
    if expr.has(y):
        raise _NoSplit("an entry of y other than the hot one")
    return expr


def split_binary(expr: sp.Basic, labels: set) -> sp.Basic:
    """A(y_i) → A(1)^{y_i} A(0)^{1 − y_i} for each Piecewise or entry indexed by y_i."""
    def label_entries(e):
        return {a for a in e.atoms(sp.Indexed) if a.base in labels}

    def selectable(e):
        if isinstance(e, sp.Piecewise):
            return len(label_entries(e)) == 1
        return isinstance(e, sp.Indexed) and e.base not in labels and \
            len(label_entries(sp.Tuple(*e.indices))) == 1

    def select(e):
        (v,) = label_entries(e)
        one, zero = e.xreplace({v: 1}), e.xreplace({v: 0})
        if one.has(v) or zero.has(v):
            raise _NoSplit("a case does not settle")
        return one ** v * zero ** (1 - v)
    return expr.replace(selectable, select)


def _atoms_for_sums(expr: sp.Basic) -> sp.Basic:
    """Each Sum with its body simplified, then replaced by a symbol (positive when
    the Sum is), the same symbol for Sums that differ only in their index."""
    k = sp.Dummy("k", integer=True)
    names = {}
    bound = {v for s in expr.atoms(sp.Sum, sp.Product) for v in s.variables}

    def closed(e):   # a Sum that depends on an enclosing index is not one unknown
        return isinstance(e, sp.Sum) and len(e.limits) == 1 and not (e.free_symbols & bound)

    def atom(s):
        (v, lo, hi), = s.limits
        canon = sp.Sum(sp.powsimp(sp.simplify(s.function.xreplace({v: k}))), (k, lo, hi))
        if canon not in names:
            names[canon] = sp.Dummy("S", positive=True) if is_positive(canon) else sp.Dummy("S")
        return names[canon]
    return expr.replace(closed, atom)


def _same_with_sums_as_atoms(a, b) -> bool:
    try:
        a, b = _atoms_for_sums(sp.Tuple(a, b))    # one symbol per Sum on both sides
        return sp.simplify(a - b) == 0
    except (Unsure, RecursionError):
        return False


def _case_values(a, b, context) -> list:
    finite = [(s, d) for s, d in (context.domains.items() if context else ())
              if isinstance(d, sp.FiniteSet) and (a.has(s) or b.has(s)) and len(d) <= 4]
    return finite[:2]


def _prove_case(a, b, context) -> Proof | None:
    method = prove_equal(a, b)
    return Proof(f"symbolic: {method}") if method else prove_identity(a, b, context)


def prove_identity(lhs, rhs, context: Context | None = None) -> Proof | None:
    """``lhs = rhs`` by case splits, domains and zero entries, or None."""
    a, b = expanded(lhs), expanded(rhs)
    notes = []   # what was done, in order; the case splits are the first of them
    try:
        for y, c in (context.class_of.items() if context else ()):
            if (a.has(y) or b.has(y)) and isinstance(y, OneHot):
                a, b = split_one_hot(a, y, c), split_one_hot(b, y, c)
                notes.append(f"{y} is one-hot with {y}[{c}] = 1: {y}[k] = 0 for k != {c} "
                             "(0 log 0 = 0)")
        labels = {e for e in (a - b).atoms(sp.IndexedBase) if isinstance(e, BinaryLabels)}
        if labels:
            a2, b2 = split_binary(a, labels), split_binary(b, labels)
            if (a2, b2) != (a, b):
                names = ", ".join(sorted(str(v) for v in labels))
                notes.append(f"{names} in {{0, 1}}: both cases of each entry")
                a, b = a2, b2
    except _NoSplit:
        return None
    splits = list(notes)
    for symbol, values in _case_values(a, b, context):
        cases = [_prove_case(a.xreplace({symbol: v}), b.xreplace({symbol: v}), context)
                 for v in values]
        if all(cases):
            return Proof(f"case split: {symbol} in {values}",
                         side_conditions=tuple(f"{symbol} = {v}: {p.method}"
                                               for v, p in zip(values, cases)))
        return None
    a2, b2 = reparametrised(sp.Tuple(a, b), context)   # one map for both sides
    if (a2, b2) != (a, b):
        notes += reparametrisation_notes(sp.Tuple(a, b), context)
        a, b = a2, b2
    how = equal_how(a, b, expand=False)
    if how is None and a.has(sp.Sum) and _same_with_sums_as_atoms(a, b):
        how = "each sum simplified, then treated as one unknown"
    if how is None or not (notes or how):
        return None
    if how:
        notes.append(how)
    split = bool(splits)
    return Proof(("case split: " if split else "symbolic: ") + "; ".join(notes),
                 side_conditions=tuple(notes))
