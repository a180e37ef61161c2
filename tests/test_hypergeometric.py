"""The fast ``hypersimp`` answers exactly what SymPy's answers (symbolic/hypergeometric.py)."""
import importlib

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.core.function import expand_func
from sympy.simplify.powsimp import powsimp

from symbolic import hypergeometric
from symbolic.hypergeometric import _sympy_hypersimp, hypersimp, unchanged_by_hypersimp
from symbolic.objects import index, joint_pmf, pmf, support_size

K, M, N = support_size("K"), support_size("M"), support_size("N")
k, j = index("k"), index("j")
p, q = pmf("p", K), pmf("q", K)
P = joint_pmf("P", M, N)
y, yhat, z = sp.IndexedBase("y"), sp.IndexedBase("yhat"), sp.IndexedBase("z")
x, a = sp.symbols("x a")

# summands met in the catalogue and the seeds, and some that SymPy does close
CASES = [
    p[k] * sp.log(p[k]),
    p[k] * sp.log(p[k] / q[k]) - p[k] + q[k],
    sp.log(K) * p[k] + sp.log(1 / p[k]) * p[k],
    (sp.log(sp.Sum(P[k, j], (j, 1, N))) - sp.log(P[k, k])) * P[k, k],
    -sp.log(1 - yhat[k]) * y[k] + sp.log(1 - yhat[k]),
    sp.log((1 - yhat[k]) ** (1 - y[k])) + sp.log(yhat[k]) * y[k],
    -sp.log(q[y[k] + 1]) + sp.log(q[1]),
    sp.exp(z[k]),
    (1 - yhat[k]) ** 2 / (yhat[k] - 1),
    p[k + 1] - p[k],
    sp.factorial(k) / 2 ** k,
    sp.binomial(N, k) * x ** k,
    k ** 2 + 3 * k,
    1 / (k * (k + 1)),
    a * k / (k + 2),
    p[1] * k,
    sp.sqrt(k),
    sp.Piecewise((p[k], k < 3), (k, True)),
]


@pytest.mark.parametrize("f", CASES, ids=str)
def test_same_answer_as_sympy(f):
    assert hypersimp(f, k) == _sympy_hypersimp(f, k)


def test_indexed_families_are_answered_without_the_rewrites():
    f = p[k] * sp.log(p[k])
    g = f.subs(k, k + 1) / f
    assert unchanged_by_hypersimp(g)
    assert not g.is_rational_function(k)
    assert hypersimp(f, k) is None


def test_rational_ratios_still_go_to_sympy():
    # unchanged and rational: SymPy simplifies it (k + 1 over k + 2, not the raw ratio)
    f = 1 / (k + 1)
    assert unchanged_by_hypersimp(f.subs(k, k + 1) / f)
    assert hypersimp(f, k) == _sympy_hypersimp(f, k) == (k + 1) / (k + 2)


def test_guard_refuses_what_the_rewrites_change():
    assert not unchanged_by_hypersimp(sp.factorial(k + 1) / sp.factorial(k))  # gamma rewrite
    assert not unchanged_by_hypersimp(sp.exp(x) * sp.exp(-z[k]))              # exp joined
    assert not unchanged_by_hypersimp((1 - yhat[k]) ** a * (yhat[k] - 1))    # b and -b
    assert not unchanged_by_hypersimp(sp.Float(0.5) * p[k])
    assert not unchanged_by_hypersimp(sp.Piecewise((p[k], k < 3), (1, True)))


def test_install_reaches_the_summation_code():
    hypergeometric.install()
    assert importlib.import_module("sympy.simplify.simplify").hypersimp is hypersimp
    assert importlib.import_module("sympy.simplify").hypersimp is hypersimp
    # Gosper still closes what it closes, and sums over a family stay unevaluated
    closed = sp.Sum(k * sp.factorial(k), (k, 1, N)).doit()
    assert closed == N * sp.factorial(N) + sp.factorial(N) - 1
    assert sp.Sum(p[k + 1] - p[k], (k, 1, K)).doit() == p[K + 1] - p[1]
    s = sp.Sum(p[k] * sp.log(p[k]), (k, 1, K)).doit()
    assert isinstance(s, sp.Sum)


_atoms = st.sampled_from([k, x, a, sp.Integer(2), sp.Rational(1, 3), p[k], q[k + 1],
                          y[k], P[k, j], sp.Sum(P[k, j], (j, 1, N))])


def _combine(children):
    pair = st.tuples(children, children)
    return st.one_of(
        pair.map(lambda t: t[0] + t[1]), pair.map(lambda t: t[0] * t[1]),
        pair.map(lambda t: t[0] - t[1]), children.map(lambda e: 1 - e),
        children.map(sp.log), st.tuples(children, st.integers(-2, 3)).map(lambda t: t[0] ** t[1]),
        children.map(sp.exp), children.map(sp.sqrt))


@settings(max_examples=150, deadline=None)
@given(st.recursive(_atoms, _combine, max_leaves=6))
def test_random_summands(f):
    """Where the guard holds, SymPy's rewrites leave g as it is; the answers agree."""
    if f == 0 or not f.has(k):
        return
    g = f.subs(k, k + 1) / f
    if unchanged_by_hypersimp(g):
        assert powsimp(expand_func(g.rewrite(sp.gamma)), deep=True, combine="exp") == g
    assert hypersimp(f, k) == _sympy_hypersimp(f, k)
