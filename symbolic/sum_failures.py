r"""SymPy's ``eval_sum``, not tried again on a sum it has already failed to close.

``Sum.doit`` asks ``eval_sum(f, (k, a, b))`` for a closed form of every sum; on a
sum over an indexed family (Σ_k p[k] log p[k]) SymPy tries linearity, ``apart``,
telescoping, Faulhaber, geometric terms, Gosper, hypergeometric closed forms,
residues and ``factor``, and answers ``None`` (the sum stays as it is) after a
few milliseconds.  One symbolic attempt meets the same sum several times: both
sides of a step define the same quantities, the case splits and lemmas expand
them again, ``simplify`` does them again; and each expansion writes the sum over a
new Dummy index (``symbolic.quantities`` gives every definition a fresh one), so
no two calls are equal and SymPy's cache never answers.  About a third of the
calls in ``infoderive check`` repeat an earlier one up to the name of the index.

Here a failure is remembered under the sum's *shape*: the summand with its index
written as one fixed Dummy of the same assumptions, and the bounds.  A later sum of
the same shape gets ``None`` at once.  Remembering a failure can only leave a sum
unevaluated, never produce a wrong closed form; successes are not remembered
(they are rare, and their result holds the index).  Each process has its own
memory, bounded; a symbolic attempt runs in a forked child, so what one attempt
remembers ends with it.

>>> import sympy as sp
>>> from sympy.concrete import summations
>>> from symbolic.objects import index, pmf, support_size
>>> install()
>>> K, k, j = support_size("K"), index("k"), index("j")
>>> p = pmf("p", K)
>>> sp.Sum(p[k] * sp.log(p[k]), (k, 1, K)).doit() == sp.Sum(p[k] * sp.log(p[k]), (k, 1, K))
True
>>> failed = len(FAILED)
>>> sp.Sum(p[j] * sp.log(p[j]), (j, 1, K)).doit()    # the same sum over another index
Sum(log(p[j])*p[j], (j, 1, K))
>>> len(FAILED) == failed                            # answered from the memory
True
>>> sp.Sum(j, (j, 1, K)).doit()                          # successes are SymPy's, as before
K**2/2 + K/2
"""
from __future__ import annotations

import importlib

import sympy as sp

from symbolic.hypergeometric import moves_an_entry

#: Shapes of the sums ``eval_sum`` could not close, in this process.
FAILED: set = set()
#: At most this many shapes are kept (then the memory starts afresh).
LIMIT = 20_000

_CANONICAL: dict = {}
_original = _original_symbolic = None


def _canonical_index(i: sp.Symbol) -> sp.Dummy:
    """One fixed Dummy per set of assumptions, never seen outside this module."""
    key = tuple(sorted(i.assumptions0.items()))
    if key not in _CANONICAL:
        _CANONICAL[key] = sp.Dummy("sum_failures_index", **i.assumptions0)
    return _CANONICAL[key]


def shape(f: sp.Basic, limits) -> tuple:
    """The key of ``Sum(f, limits)`` up to the name of its index.

    >>> k, j = sp.symbols("k j", integer=True)
    >>> shape(sp.log(k), (k, 1, 5)) == shape(sp.log(j), (j, 1, 5))
    True
    >>> shape(sp.log(k), (k, 1, 5)) == shape(sp.log(k + 1), (k, 1, 5))
    False
    """
    i, a, b = limits
    if not isinstance(i, sp.Symbol):
        return (f, i, a, b)
    c = _canonical_index(i)
    return (f.xreplace({i: c}), c, a, b)


def eval_sum(f, limits):
    """SymPy's ``eval_sum(f, limits)``, or ``None`` at once for a shape that failed."""
    try:
        key = shape(f, tuple(limits))
        hash(key)
    except Exception:          # an unusual limit: SymPy alone decides
        return _original(f, limits)
    if key in FAILED:
        return None
    result = _original(f, limits)
    if result is None:
        if len(FAILED) >= LIMIT:
            FAILED.clear()
        FAILED.add(key)
    return result


def eval_sum_symbolic(f, limits):
    """SymPy's ``eval_sum_symbolic``, but ``None`` at once for a term (no Add) that holds an
    entry moving with the index (``y[i] log σ(w x[i])``): after pulling out constant factors,
    SymPy's remaining ways (Faulhaber, geometric terms, ``factor`` and ``apart``, Gosper,
    hypergeometric forms) close only sums of functions of the index itself, and the entry
    is a variable of its own.  A sum of several terms goes to SymPy (telescoping).

    >>> from symbolic.objects import index, pmf, support_size
    >>> K, k = support_size("K"), index("k")
    >>> y = pmf("y", K)
    >>> eval_sum_symbolic(y[k] * sp.exp(k), (k, 1, K)) is None
    True
    >>> eval_sum_symbolic(2 * k, (k, 1, K))
    K**2 + K
    """
    if not f.is_Add and moves_an_entry(f, limits[0]):
        return None
    return _original_symbolic(f, limits)


def install() -> None:
    """Make ``Sum.doit`` (and ``eval_sum``'s own recursion) use :func:`eval_sum` and
    :func:`eval_sum_symbolic`.

    Installing twice is harmless.
    """
    global _original, _original_symbolic
    module = importlib.import_module("sympy.concrete.summations")
    if module.eval_sum is eval_sum:
        return
    _original = module.eval_sum
    _original_symbolic = module.eval_sum_symbolic
    module.eval_sum = eval_sum
    module.eval_sum_symbolic = eval_sum_symbolic
