"""The sampler draws what each kind of object allows; the evaluators agree."""
import numpy as np
import sympy as sp

from symbolic.context import Context, SampleGroup, Unsampleable, draw
from symbolic.evaluate import evaluate, evaluate_precise
from symbolic.objects import index, one_hot, pmf, probabilities, support_size

K, k = support_size("K"), index("k")


def test_pmfs_sum_to_one_and_one_hot_rows_have_one_entry():
    p, y = pmf("p", K), one_hot("y", K)
    groups = draw(Context(), [p[1] + y[1]], np.random.default_rng(1), 70)
    assert [g.sizes[K] for g in groups] == [2, 3, 4, 5, 6, 7, 8]
    for g in groups:
        assert np.allclose(g.values[p.label].sum(axis=1), 1)
        assert (g.values[p.label] > 0).all()
        assert (g.values[y.label].sum(axis=1) == 1).all()


def test_scalars_stay_in_their_domains():
    t = sp.Symbol("t", real=True)
    ctx = Context(domains={t: sp.Interval.open(0, 1)})
    (g,) = draw(ctx, [t], np.random.default_rng(2), 200)
    assert ((g.values[t] > 0) & (g.values[t] < 1)).all()
    s = sp.Symbol("s", real=True)
    try:
        draw(Context(domains={s: sp.ImageSet(sp.Lambda(k, k**2), sp.S.Integers)}), [s],
             np.random.default_rng(0), 10)
    except Unsampleable as exc:
        assert "s" in str(exc)
    else:
        raise AssertionError("an unknown kind of set must not be sampled")


def test_float_and_precise_evaluation_agree_and_the_precise_one_resolves_cancellation():
    x = sp.Symbol("x", real=True)
    group = SampleGroup({}, {x: np.array([1e-20, 0.5])}, 2)
    assert evaluate(sp.exp(x) - 1, group)[0] == 0.0          # float64 cancels
    assert float(evaluate_precise(sp.exp(x) - 1, {}, {x: 1e-20})) == 1e-20
    assert np.isclose(evaluate(sp.log(1 + x), group)[1], float(np.log(1.5)))


def test_probabilities_are_strictly_inside_the_unit_interval():
    yhat = probabilities("yhat", K)
    for g in draw(Context(), [yhat[1]], np.random.default_rng(3), 70):
        v = g.values[yhat.label]
        assert ((v > 0) & (v < 1)).all()
