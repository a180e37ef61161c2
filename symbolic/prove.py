"""Symbolic attempts: show a relation with SymPy, or say nothing.

Each function returns the name of the method that succeeded, or ``None``.
They may run forever on hostile input, so callers run them through
:func:`symbolic.timelimit.run_limited`.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> prove_equal(sp.log(x**2), 2 * sp.log(x))
'simplify'
>>> prove_equal(sp.log(x), x) is None
True

Identities over sums (or Products) are tried first in the normal form of
:mod:`symbolic.sums` (linearity, factors moved across a Sum, logs of positive
products expanded, bound indices renamed), which is fast and closes what
``simplify`` cannot; the ``simplify`` strategies follow:

>>> from symbolic.objects import index, pmf, support_size
>>> K, k, j = support_size("K"), index("k"), index("j")
>>> p = pmf("p", K)
>>> prove_equal(sp.Sum(p[k] * sp.log(2 * p[k]), (k, 1, K)),
...             sp.Sum(p[j] * sp.log(p[j]), (j, 1, K)) + sp.log(2) * sp.Sum(p[k], (k, 1, K)))
'sum normal form'
"""
from __future__ import annotations

import sympy as sp

from symbolic import hypergeometric, sum_failures
from symbolic.quantities import expand_quantities
from symbolic.sums import prove_by_normal_form

hypergeometric.install()   # Sum.doit skips Gosper's rewrites where they cannot help
sum_failures.install()     # and does not try again a sum it failed to close

CONSTANT_DIGITS = 60


def expanded(expr: sp.Basic) -> sp.Basic:
    """Quantities replaced by their definitions, then ``doit()`` (derivatives, sums)."""
    return expand_quantities(expr).doit()


def _zero_by(d: sp.Expr):
    """Attempts at reducing ``d`` to 0, cheapest first; a rewrite that changes
    nothing is not simplified again."""
    yield "simplify", lambda: sp.simplify(d)
    logs = sp.expand_log(sp.expand(d))
    if logs != d:
        yield "expand_log + simplify", lambda: sp.simplify(logs)
    combined = sp.logcombine(sp.expand_log(sp.expand(d.doit())))
    if combined != logs:
        yield "expand_log + logcombine + simplify", lambda: sp.simplify(combined)
    if d.has(sp.tanh, sp.sinh, sp.cosh, sp.coth):   # tanh(z) = 2σ(2z) - 1: through exp
        yield "rewrite(exp) + simplify", lambda: sp.simplify(d.rewrite(sp.exp))


def prove_equal(lhs: sp.Basic, rhs: sp.Basic) -> str | None:
    """A method that reduces ``lhs − rhs`` to exactly 0, or None."""
    if lhs == rhs:
        return "identical"
    a, b = expanded(lhs), expanded(rhs)
    d = a - b
    if d == 0:
        return "definitions"
    if not d.free_symbols and _sign_of_constant(d):
        return None  # a nonzero constant: simplify cannot make it 0, and may be slow
    if d.has(sp.Sum, sp.Product):  # fast, and closes sums simplify cannot
        method = prove_by_normal_form(a, b)
        if method:
            return method
    for name, attempt in _zero_by(d):
        if attempt() == 0:
            return name
    return None


def _sign_of_constant(d: sp.Expr):
    value = sp.N(d, CONSTANT_DIGITS)
    if not value.is_number or not value.is_real:
        return None
    return sp.sign(value) if abs(value) > sp.Float(10) ** (-CONSTANT_DIGITS + 10) else 0


def prove_order(lhs: sp.Basic, rhs: sp.Basic, relation: str) -> str | None:
    """A method showing ``lhs ≤ rhs`` (or ``<``, ``≥``, ``>``), or None."""
    d = expanded(lhs) - expanded(rhs)
    if relation in ("≥", ">"):
        d = -d
    strict = relation in ("<", ">")
    if not d.free_symbols:
        sign = _sign_of_constant(d)
        if sign is not None and (sign < 0 or (sign == 0 and not strict)):
            return f"exact value to {CONSTANT_DIGITS} digits"
        return None
    for name, attempt in (("assumptions", lambda: d),
                          ("simplify + assumptions", lambda: sp.simplify(d))):
        e = attempt()
        if (e.is_negative if strict else e.is_nonpositive):
            return name
    return None


def normal_form(rel: sp.Basic):
    """(f, kind) with rel ⇔ f kind 0, kind in {'=', '≤', '<', '≠'}.

    >>> a, b = sp.symbols("a b")
    >>> normal_form(sp.Ge(a, b))
    (-a + b, '≤')
    """
    if isinstance(rel, sp.Eq):
        return rel.lhs - rel.rhs, "="
    if isinstance(rel, sp.Ne):
        return rel.lhs - rel.rhs, "≠"
    if isinstance(rel, (sp.Le, sp.Lt)):
        return rel.lhs - rel.rhs, "≤" if isinstance(rel, sp.Le) else "<"
    if isinstance(rel, (sp.Ge, sp.Gt)):
        return rel.rhs - rel.lhs, "≤" if isinstance(rel, sp.Ge) else "<"
    raise ValueError(f"not a relation: {rel}")


def prove_equivalent(prev: sp.Basic, cur: sp.Basic, variables=()) -> str | None:
    """A method showing ``prev ⇔ cur`` for two relations, or None.

    Tries: the same normal form up to a positive (or, for = and ≠, nonzero)
    constant factor; the same solution set for one of ``variables``, given as
    (symbol, domain) pairs.  Monotone maps and non-constant factors are lemmas
    (:mod:`symbolic.lemmas.monotone`).
    """
    f1, k1 = normal_form(prev)
    f2, k2 = normal_form(cur)
    if k1 == k2:
        e1, e2 = expanded(f1), expanded(f2)
        if sp.simplify(e1 - e2) == 0:
            return "same normal form"
        ratio = sp.simplify(e2 / e1) if e1 != 0 else None
        if ratio is not None and ratio.is_number and ratio.is_real and ratio != 0:
            if k1 in ("=", "≠") or ratio.is_positive:
                return "constant multiple of the same normal form"
    if k1 == k2 == "=":
        for v, domain in variables:
            s1 = sp.solveset(expanded(f1), v, domain)
            s2 = sp.solveset(expanded(f2), v, domain)
            if isinstance(s1, sp.FiniteSet) and isinstance(s2, sp.FiniteSet) and \
                    len(s1) == len(s2) and len(s1) > 0 and \
                    all(any(sp.simplify(a - b) == 0 for b in s2) for a in s1):
                return f"same solutions for {v}"
    return None
