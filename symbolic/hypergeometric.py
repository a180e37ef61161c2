r"""SymPy's ``hypersimp``, answered at once where its answer is certainly ``None``.

``Sum.doit`` tries Gosper's algorithm (``gosper_sum``) and the hypergeometric
closed forms (``eval_sum_hyper``, through ``is_hypergeometric``) on every sum it
cannot do otherwise, and both begin with ``hypersimp(f, k)``:

1. g = f(k+1)/f(k);
2. g = g.rewrite(gamma), ``expand_func(g)``, ``powsimp(g, deep=True, combine='exp')``;
3. if g is a rational function of k, a simplified g, else ``None``.

On a sum over an indexed family (Σ_k p[k] log p[k]) step 2 costs about a fifth of
a check and never helps: p[k+1]/p[k] is no rational function of k.  Here step 2
is skipped when it provably returns g unchanged, so the answer is decided by
step 3 on g itself, exactly as SymPy would decide it:

* every node of g is of a class with no gamma rewrite and no function expansion
  (``_eval_rewrite_as_gamma``, ``_eval_rewrite``, ``_eval_expand_func``), so
  ``rewrite(gamma)`` and ``expand_func`` rebuild g from the same arguments;
* every node is a symbol, a rational number, an Add, a Mul, a Pow with an integer
  exponent of a symbol, indexed entry, log, Add or Sum, a log, an Indexed (with its
  IndexedBase and shape), a Tuple or a Sum, and no Mul holds both b and -b for an
  Add b.  On such an expression ``powsimp(..., combine='exp')`` only combines
  exponents of equal bases, which SymPy's automatic evaluation has already
  combined (no Pow or exp base, no number base with a symbolic exponent, no
  radicals, no b and 1/b pair: a base is never a Pow), so it rebuilds g too.

When g is a rational function of k, or step 2 might change it, SymPy's own
``hypersimp`` runs; so the answer is always SymPy's.

>>> import sympy as sp
>>> from symbolic.objects import index, pmf, support_size
>>> K, k = support_size("K"), index("k")
>>> p = pmf("p", K)
>>> hypersimp(p[k] * sp.log(p[k]), k) is None
True
>>> hypersimp(sp.factorial(k) / 2**k, k)
k/2 + 1/2
"""
from __future__ import annotations

import importlib
from functools import lru_cache

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.simplify.simplify import hypersimp as _sympy_hypersimp

_NODES = (sp.Symbol, sp.Add, sp.log, sp.Indexed, sp.IndexedBase, sp.Tuple, sp.Sum)
_BASES = (sp.Symbol, sp.Indexed, sp.log, sp.Add, sp.Sum)


@lru_cache(maxsize=None)
def _inert(cls) -> bool:
    """No gamma rewrite and no function expansion on ``cls``."""
    return not hasattr(cls, "_eval_rewrite_as_gamma") and \
        not hasattr(cls, "_eval_expand_func") and cls._eval_rewrite is sp.Basic._eval_rewrite


def unchanged_by_hypersimp(g: sp.Basic) -> bool:
    """Do ``rewrite(gamma)``, ``expand_func`` and ``powsimp(deep, 'exp')`` leave ``g`` as it is?

    True only when the module docstring's conditions hold (False may be wrong; True not).

    >>> x, y = sp.symbols("x y")
    >>> unchanged_by_hypersimp(sp.log(x) * (x + 1) ** 2 / y)
    True
    >>> unchanged_by_hypersimp(sp.exp(x) * sp.exp(y)), unchanged_by_hypersimp(sp.sqrt(x))
    (False, False)
    """
    stack = [g]
    while stack:
        e = stack.pop()
        if not _inert(type(e)):
            return False
        if isinstance(e, sp.Pow):
            if not (e.exp.is_Integer and isinstance(e.base, _BASES)):
                return False
        elif isinstance(e, sp.Mul):
            adds = {b for b in (a.as_base_exp()[0] for a in e.args) if isinstance(b, sp.Add)}
            if any(-b in adds for b in adds):
                return False            # powsimp would join (1 - y)^a (y - 1)^b
        elif not (e.is_Rational or isinstance(e, _NODES)):
            return False                # Floats, exp, E, pi, functions, Piecewise, ...
        stack.extend(e.args)
    return True


def hypersimp(f, k):
    """SymPy's ``hypersimp(f, k)``; ``None`` at once when g = f(k+1)/f(k) is no
    rational function of k and SymPy's rewrites would not change it."""
    f = sp.sympify(f)
    g = f.subs(k, k + 1) / f
    if moves_an_entry(g, k) or unchanged_by_hypersimp(g) and not g.is_rational_function(k):
        return None
    return _sympy_hypersimp(f, k)


def moves_an_entry(g: sp.Basic, k) -> bool:
    """Does ``g`` hold an entry of a family whose index moves with ``k`` (``p[k+1]``, ``f(k)``),
    outside any branch (no Piecewise, Kronecker delta, step, max or min)?

    Such an entry is a variable of its own, which no rewrite that keeps g's value turns
    into a function of k alone, so g is no rational function of k and SymPy's
    ``hypersimp`` would answer ``None`` after its rewrites (a fifth of a check on sums
    of σ(w x_i) or e^{z_i}, which the fast test above does not cover).

    >>> from symbolic.objects import index, pmf, support_size
    >>> K, k = support_size("K"), index("k")
    >>> p = pmf("p", K)
    >>> moves_an_entry(sp.exp(p[k + 1]) / sp.exp(p[k]), k), moves_an_entry((k + 1) / k * p[1], k)
    (True, False)
    """
    if g.has(sp.Piecewise, sp.KroneckerDelta, sp.Heaviside, sp.Max, sp.Min):
        return False      # a branch may drop the entry (SymPy picks one)
    return any(k in e.free_symbols for e in g.atoms(sp.Indexed, AppliedUndef))


def install() -> None:
    """Make SymPy's summation (Gosper, ``is_hypergeometric``) use :func:`hypersimp`.

    Both look ``hypersimp`` up when called, in ``sympy.simplify`` and
    ``sympy.simplify.simplify``; installing twice is harmless.
    """
    module = importlib.import_module("sympy.simplify.simplify")
    module.hypersimp = hypersimp
    importlib.import_module("sympy.simplify").hypersimp = hypersimp
