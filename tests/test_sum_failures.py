"""The memory of failed sums leaves every sum as SymPy leaves it (symbolic/sum_failures.py)."""
import pytest
import sympy as sp

from symbolic import sum_failures
from symbolic.objects import index, joint_pmf, pmf, support_size

K, M, N = support_size("K"), support_size("M"), support_size("N")
k, j = index("k"), index("j")
p, q = pmf("p", K), pmf("q", K)
P = joint_pmf("P", M, N)
y, yhat, z = sp.IndexedBase("y"), sp.IndexedBase("yhat"), sp.IndexedBase("z")
x = sp.Symbol("x")

# summands met in the catalogue and the seeds, and some that SymPy does close
SUMMANDS = [
    lambda i: p[i] * sp.log(p[i]),
    lambda i: p[i] * sp.log(p[i] / q[i]) - p[i] + q[i],
    lambda i: (sp.log(sp.Sum(P[i, j], (j, 1, N))) - sp.log(P[i, 1])) * P[i, 1],
    lambda i: sp.log((1 - yhat[i]) ** (1 - y[i])) + sp.log(yhat[i]) * y[i],
    lambda i: sp.exp(z[i]),
    lambda i: p[i + 1] - p[i],          # telescopes
    lambda i: i ** 2 + 3 * i,           # Faulhaber
    lambda i: x ** i,                   # geometric
    lambda i: p[i] / (p[i] + 1) + 1 / (p[i] + 1) - 1,   # zero once factored
    lambda i: sp.KroneckerDelta(i, 2) * p[i],
    lambda i: y[i] * sp.log(1 / (1 + sp.exp(-x * z[i]))),       # a term with a moving entry
    lambda i: x * (p[i] / (p[i] + 1) + 1 / (p[i] + 1) - 1),      # zero once expanded
    lambda i: sp.exp(z[i]) * y[i] + 2 ** i,                     # an entry beside a closed term
]


def test_a_term_with_a_moving_entry_is_not_given_to_sympy(installed):
    calls = []
    saved = sum_failures._original_symbolic
    sum_failures._original_symbolic = lambda f, limits: calls.append(f) or saved(f, limits)
    try:
        s = sp.Sum(y[k] * sp.exp(x * z[k]), (k, 1, K))
        assert s.doit() == s
        assert calls == []
        assert sp.Sum(x * k, (k, 1, K)).doit() == x * (K ** 2 / 2 + K / 2)
        assert calls      # a sum of the index itself still goes to SymPy
    finally:
        sum_failures._original_symbolic = saved


@pytest.fixture
def installed():
    sum_failures.install()
    sum_failures.FAILED.clear()
    yield
    sum_failures.FAILED.clear()


def _sympy_doit(s):
    module = __import__("sympy.concrete.summations", fromlist=["eval_sum"])
    saved = module.eval_sum, module.eval_sum_symbolic
    module.eval_sum, module.eval_sum_symbolic = sum_failures._original, sum_failures._original_symbolic
    try:
        return s.doit()
    finally:
        module.eval_sum, module.eval_sum_symbolic = saved


@pytest.mark.parametrize("summand", SUMMANDS, ids=range(len(SUMMANDS)))
def test_same_result_as_sympy_first_and_from_memory(installed, summand):
    first = sp.Sum(summand(k), (k, 1, K))
    again = sp.Sum(summand(j), (j, 1, K))       # the same shape over another index
    assert first.doit() == _sympy_doit(first)
    assert again.doit() == _sympy_doit(again)


def test_a_failure_is_remembered_by_shape(installed):
    sp.Sum(p[k] * sp.log(p[k]), (k, 1, K)).doit()
    remembered = len(sum_failures.FAILED)
    assert remembered > 0
    calls = []
    saved = sum_failures._original
    sum_failures._original = lambda f, limits: calls.append(f) or saved(f, limits)
    try:
        assert sp.Sum(p[j] * sp.log(p[j]), (j, 1, K)).doit() == sp.Sum(p[j] * sp.log(p[j]),
                                                                         (j, 1, K))
    finally:
        sum_failures._original = saved
    assert calls == [] and len(sum_failures.FAILED) == remembered


def test_other_bounds_or_summands_are_other_shapes():
    assert sum_failures.shape(p[k], (k, 1, K)) != sum_failures.shape(p[k], (k, 2, K))
    assert sum_failures.shape(p[k], (k, 1, K)) != sum_failures.shape(q[k], (k, 1, K))
    assert sum_failures.shape(p[k], (k, 1, K)) == sum_failures.shape(p[j], (j, 1, K))


def test_successes_are_not_remembered(installed):
    assert sp.Sum(k, (k, 1, K)).doit() == K ** 2 / 2 + K / 2
    assert not sum_failures.FAILED
