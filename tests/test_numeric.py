"""symbolic.numeric: conventions, errors, base=, shapes, and accuracy within
4 ulps of mpmath on the adversarial suite."""
import math

import numpy as np
import pytest
from hypothesis import given, settings

import symbolic.numeric as N
from symbolic.numeric import (NORMALISATION_TOLERANCE, binary_cross_entropy,
                              binary_cross_entropy_with_logits, conditional_entropy,
                              cross_entropy, cross_entropy_from_logits, entropy,
                              joint_entropy, kl_divergence, log_softmax, logit,
                              logsumexp, mutual_information, sigmoid, softmax)
from symbolic.numeric.adversarial import adversarial_suite
from symbolic.numeric.precise import NAMES, precise, ulp_error
from symbolic.testing import distributions, joint_distributions, labels, logits

SUITE = adversarial_suite()


def test_public_names_are_the_documented_ones():
    assert N.__all__ == [
        "NORMALISATION_TOLERANCE", "entropy", "cross_entropy", "kl_divergence",
        "joint_entropy", "conditional_entropy", "mutual_information", "sigmoid",
        "logit", "softmax", "log_softmax", "logsumexp", "cross_entropy_from_logits",
        "binary_cross_entropy", "binary_cross_entropy_with_logits"]
    assert sorted(NAMES) == sorted(N.__all__[1:])
    assert NORMALISATION_TOLERANCE == 1e-9


# ---------------------------------------------------------------- accuracy

@pytest.mark.parametrize("name", NAMES)
def test_adversarial_suite_within_4_ulps_of_mpmath(name):
    fn = getattr(N, name)
    for label, args in SUITE[name]:
        errors = ulp_error(fn(*args), precise(name, *args))
        assert errors.max() <= 4.0, (label, errors.max())


def test_large_support_within_4_ulps():
    rng = np.random.default_rng(5)
    p = rng.dirichlet(np.ones(100_000))
    q = rng.dirichlet(np.ones(100_000))
    assert ulp_error(entropy(p), precise("entropy", p)) <= 4
    assert ulp_error(kl_divergence(p, q), precise("kl_divergence", p, q)) <= 4
    x = rng.normal(0.0, 10.0, 100_000)
    assert ulp_error(logsumexp(x), precise("logsumexp", x)) <= 4


def test_tiny_cross_entropy_is_not_rounded_to_zero():
    z = np.array([0.0, -57.5646273248511])
    value = cross_entropy_from_logits(z, 0)
    assert 0.99e-25 < value < 1.01e-25
    assert ulp_error(value, precise("cross_entropy_from_logits", z, 0)) <= 1


def test_kl_of_nearly_equal_pmfs_keeps_its_digits():
    p = np.array([0.5, 0.5])
    q = np.array([0.5 + 2**-40, 0.5 - 2**-40])
    value = kl_divergence(p, q)
    assert 0 < value < 1e-23
    assert ulp_error(value, precise("kl_divergence", p, q)) <= 2


# ---------------------------------------------------------------- conventions

def test_zero_log_zero_is_zero():
    assert entropy([1.0, 0.0]) == 0.0
    assert math.copysign(1.0, entropy([1.0, 0.0])) == 1.0
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(math.log(2), rel=1e-15)
    assert binary_cross_entropy(0.0, 0.0) == 0.0
    assert binary_cross_entropy(1.0, 1.0) == 0.0


def test_infinite_where_q_is_zero_and_p_is_not():
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert binary_cross_entropy(0.0, 1.0) == math.inf
    assert cross_entropy_from_logits([0.0, -np.inf], 1) == math.inf


def test_known_values():
    assert entropy([0.5, 0.5], base=2) == 1.0
    assert entropy([0.25] * 4, base=2) == 2.0
    assert cross_entropy([1.0, 0.0], [0.5, 0.5], base=2) == 1.0
    assert joint_entropy([[0.25, 0.25], [0.25, 0.25]], base=2) == 2.0
    assert conditional_entropy([[0.25, 0.25], [0.5, 0.0]], base=2) == 0.5
    assert mutual_information([[0.25, 0.25], [0.25, 0.25]]) == 0.0
    assert sigmoid(0.0) == 0.5
    assert logit(0.5) == 0.0
    assert logsumexp([0.0, 0.0]) == math.log(2)
    assert softmax([0.0, 0.0]).tolist() == [0.5, 0.5]
    assert cross_entropy_from_logits([0.0, 0.0], 1) == math.log(2)
    assert binary_cross_entropy_with_logits(0.0, 1.0) == math.log(2)
    assert softmax([1e4, 0.0]).tolist() == [1.0, 0.0]
    assert cross_entropy_from_logits([[1e4, 0.0]], [1]).tolist() == [1e4]


def test_base_rescales_the_measures():
    p, q = np.array([0.2, 0.8]), np.array([0.6, 0.4])
    for fn in (entropy,):
        assert fn(p, base=2) == pytest.approx(fn(p) / math.log(2), rel=1e-15)
    assert kl_divergence(p, q, base=10) == pytest.approx(kl_divergence(p, q) / math.log(10), rel=1e-15)
    assert cross_entropy(p, q, base=2) == pytest.approx(cross_entropy(p, q) / math.log(2), rel=1e-15)
    assert binary_cross_entropy(0.3, 1.0, base=2) == pytest.approx(-math.log2(0.3), rel=1e-15)


def test_base_replaces_e_in_the_logit_functions():
    assert sigmoid(1.0, base=2) == pytest.approx(2 / 3, rel=1e-15)
    assert logit(0.8, base=2) == pytest.approx(2.0, rel=1e-15)
    assert logsumexp([1.0, 1.0], base=2) == pytest.approx(2.0, rel=1e-15)
    assert softmax([1.0, 0.0], base=2) == pytest.approx([2 / 3, 1 / 3], rel=1e-15)
    assert log_softmax([1.0, 0.0], base=2) == pytest.approx([math.log2(2 / 3), math.log2(1 / 3)], rel=1e-15)
    assert cross_entropy_from_logits([1.0, 0.0], 1, base=2) == pytest.approx(math.log2(3), rel=1e-15)
    assert binary_cross_entropy_with_logits(1.0, 0.0, base=2) == pytest.approx(
        -math.log2(1 / 3), rel=1e-15)


@pytest.mark.parametrize("base", [2.0, 10.0])
@pytest.mark.parametrize("name", NAMES)
def test_base_keeps_every_function_within_4_ulps(name, base):
    for label, args in SUITE[name]:
        errors = ulp_error(getattr(N, name)(*args, base=base), precise(name, *args, base=base))
        assert errors.max() <= 4.0, (label, errors.max())


def test_base_below_one_refuses_minus_infinite_logits():
    assert softmax([0.0, 1.0], base=0.5).tolist() == pytest.approx([2 / 3, 1 / 3], rel=1e-15)
    with pytest.raises(ValueError, match="^x: a -inf logit needs a base above 1"):
        softmax([0.0, -np.inf], base=0.5)


@pytest.mark.parametrize("base", [0, -2, 1, math.inf, "two"])
def test_invalid_base_is_rejected(base):
    with pytest.raises(ValueError, match="^base: "):
        entropy([0.5, 0.5], base=base)


# ---------------------------------------------------------------- shapes

def test_one_value_per_row_no_reduction():
    p = np.full((3, 4, 5), 0.2)
    assert entropy(p).shape == (3, 4)
    assert kl_divergence(p, p[0, 0]).shape == (3, 4)
    assert joint_entropy(np.full((3, 2, 5), 0.1)).shape == (3,)
    assert logsumexp(np.zeros((2, 7))).shape == (2,)
    assert softmax(np.zeros((2, 7))).shape == (2, 7)
    assert cross_entropy_from_logits(np.zeros((2, 3, 7)), np.zeros((2, 3), dtype=int)).shape == (2, 3)
    assert binary_cross_entropy(np.full((2, 3), 0.5), 1.0).shape == (2, 3)
    assert sigmoid(np.zeros((2, 3))).shape == (2, 3)
    assert isinstance(entropy([0.5, 0.5]), np.float64)
    assert entropy(np.full((3, 4), 0.25)).dtype == np.float64


def test_conditional_entropy_is_of_y_given_x():
    pxy = np.array([[0.5, 0.0], [0.25, 0.25]])  # X=0 fixes Y; X=1 leaves a fair coin
    assert conditional_entropy(pxy, base=2) == 0.5
    assert conditional_entropy(pxy.T, base=2) == pytest.approx(0.6887218755408671, rel=1e-14)


# ---------------------------------------------------------------- errors

def test_unnormalised_row_is_named():
    p = np.full((5, 2), 0.5)
    p[3] = [0.6, 0.6]
    with pytest.raises(ValueError, match=r"^p: row 3 sums to 1.2, not 1 \(tolerance 1e-09\)$"):
        entropy(p)


def test_rows_within_tolerance_are_accepted_and_not_renormalised():
    p = np.array([0.5, 0.5 + 5e-10])
    assert entropy(p) == pytest.approx(-(0.5 * math.log(0.5) + (0.5 + 5e-10) * math.log(0.5 + 5e-10)), rel=1e-15)
    with pytest.raises(ValueError, match="sums to 1.000000002"):
        entropy([0.5, 0.5 + 2e-9])


def test_negative_and_nan_are_named():
    with pytest.raises(ValueError, match=r"^q: row 1 has a negative probability -0.5$"):
        kl_divergence(np.full((2, 2), 0.5), [[0.5, 0.5], [1.5, -0.5]])
    with pytest.raises(ValueError, match=r"^p: row 0 contains NaN$"):
        cross_entropy([np.nan, 1.0], [0.5, 0.5])
    with pytest.raises(ValueError, match=r"^pxy: row 1 sums to 2, not 1"):
        conditional_entropy(np.stack([np.full((2, 2), 0.25), np.full((2, 2), 0.5)]))
    with pytest.raises(ValueError, match=r"^pxy: row \(0, 0\) contains NaN$"):
        mutual_information(np.full((1, 2, 2, 2), np.nan))


def test_logit_errors():
    with pytest.raises(ValueError, match=r"^logits: row 1 contains NaN$"):
        cross_entropy_from_logits([[0.0, 1.0], [np.nan, 1.0]], [0, 1])
    with pytest.raises(ValueError, match=r"^x: row 0 contains \+inf"):
        logsumexp([np.inf, 0.0])
    with pytest.raises(ValueError, match=r"^x: row 0 has no finite logit$"):
        softmax([-np.inf, -np.inf])
    assert logsumexp([-np.inf, -np.inf]) == -math.inf
    with pytest.raises(ValueError, match=r"^target: row 1 has class index 3, outside \[0, 3\)$"):
        cross_entropy_from_logits(np.zeros((2, 3)), [0, 3])
    with pytest.raises(ValueError, match=r"^target: row 0 sums to 0.5, not 1"):
        cross_entropy_from_logits(np.zeros((1, 2)), [[0.25, 0.25]])
    with pytest.raises(ValueError, match="^target: booleans"):
        cross_entropy_from_logits(np.zeros(2), np.array(True))
    with pytest.raises(ValueError, match=r"^p: row 0 has a value 1.5 outside \[0, 1\]$"):
        logit(1.5)
    with pytest.raises(ValueError, match=r"^target: row 1 has a value -0.1 outside \[0, 1\]$"):
        binary_cross_entropy(np.full((2, 2), 0.5), [[1.0, 0.0], [-0.1, 0.0]])
    with pytest.raises(ValueError, match=r"^x: row 0 contains NaN$"):
        sigmoid(np.nan)


def test_shape_mismatch_names_both_arguments():
    with pytest.raises(ValueError, match=r"^p and q: shapes \(3,\) and \(2,\) do not broadcast$"):
        kl_divergence([0.2, 0.3, 0.5], [0.5, 0.5])


def test_complex_input_is_rejected():
    with pytest.raises(ValueError, match="^p: complex values"):
        entropy(np.array([0.5 + 0j, 0.5]))


# ---------------------------------------------------------------- identities (Hypothesis)

@settings(max_examples=60, deadline=None)
@given(distributions(5), distributions(5))
def test_cross_entropy_is_entropy_plus_kl(p, q):
    h, ce, kl = entropy(p), cross_entropy(p, q), kl_divergence(p, q)
    assert kl >= -1e-15
    if math.isinf(ce):
        assert math.isinf(kl)
    else:
        assert ce == pytest.approx(h + kl, rel=1e-12, abs=1e-15)
    assert h <= math.log(5) + 1e-15


@settings(max_examples=60, deadline=None)
@given(joint_distributions(3, 4))
def test_chain_rule_and_mutual_information(pxy):
    hx = entropy(pxy.sum(axis=1))
    hy = entropy(pxy.sum(axis=0))
    hxy = joint_entropy(pxy)
    assert conditional_entropy(pxy) == pytest.approx(hxy - hx, abs=1e-13)
    assert mutual_information(pxy) == pytest.approx(hx + hy - hxy, abs=1e-13)
    assert mutual_information(pxy) >= -1e-15  # marginals rounded: ~1e-16 absolute


@settings(max_examples=60, deadline=None)
@given(logits(6), labels(6))
def test_cross_entropy_from_logits_is_minus_log_softmax(z, i):
    assert cross_entropy_from_logits(z, i) == pytest.approx(-log_softmax(z)[i], rel=1e-15, abs=1e-300)
    assert softmax(z).sum() == pytest.approx(1.0, rel=1e-14)
    assert logsumexp(z) >= z.max()


@settings(max_examples=60, deadline=None)
@given(logits(1, max_abs=700.0))
def test_logit_inverts_sigmoid(z):
    x = float(z[0])
    if abs(x) < 5:  # beyond, sigmoid's rounding near 1 dominates (condition ~ e^|x|)
        assert logit(sigmoid(x)) == pytest.approx(x, rel=1e-12, abs=1e-12)
    assert binary_cross_entropy_with_logits(x, 1.0) == pytest.approx(
        -math.log(sigmoid(x)) if sigmoid(x) > 0 else -x, rel=1e-12)


# ---------------------------------------------------------------- internals

def test_series_coefficients_match_mpmath():
    import mpmath

    from symbolic.numeric._divergence import NEAR, series_a

    z = np.linspace(0.0, NEAR**2, 201)[1:]
    with mpmath.workdps(40):
        exact = [(mpmath.atanh(mpmath.sqrt(v)) / mpmath.sqrt(v) - 1) / v for v in map(mpmath.mpf, z)]
    assert ulp_error(series_a(z), np.array(exact, dtype=object)).max() <= 1.5


def test_accurate_sum_is_exact_where_naive_sum_is_not():
    from symbolic.numeric._sums import accurate_sum

    x = np.array([[1.0, 1e-17, -1.0, 3e-18], [1e16, 1.0, -1e16, 1.0]])
    assert accurate_sum(x).tolist() == [1.3e-17, 2.0]
    assert x.sum(axis=-1).tolist() != [1.3e-17, 2.0]


@pytest.mark.parametrize("compiled", [True, False], ids=["numba", "numpy"])
def test_kl_both_paths_within_2_ulps_on_the_adversarial_suite(compiled, monkeypatch):
    """The compiled kernel (numba, when installed) and the NumPy fallback decide the
    same values; the compiled one keeps every case within 2 ulps."""
    from symbolic.numeric import _kl_compiled
    if compiled and not _kl_compiled.available():
        pytest.skip("numba is not installed")
    monkeypatch.setenv(_kl_compiled.ENV_SWITCH, "1" if compiled else "0")
    bound = 2 if compiled else 4
    suite = adversarial_suite(large_k=2000)
    for label, (p, q) in suite["kl_divergence"]:
        error = ulp_error(kl_divergence(p, q), precise("kl_divergence", p, q))
        assert np.max(error) <= bound, label
    for label, (pxy,) in suite["mutual_information"]:   # marginals: compiled or NumPy
        error = ulp_error(N.mutual_information(pxy), precise("mutual_information", pxy))
        assert np.max(error) <= 2, label


def test_kl_compiled_kernel_handles_zeros_and_extreme_ratios():
    import mpmath
    from symbolic.numeric import _kl_compiled
    if not _kl_compiled.available():
        pytest.skip("numba is not installed")
    p = np.array([[0.0, 1.0], [1.0, 0.0], [1e-300, 1.0], [0.5, 0.5], [4e-320, 1.0], [0.5, 0.5]])
    q = np.array([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [4e-320, 1.0], [0.5, 0.5], [1.0, 0.0]])
    got = _kl_compiled.compiled_kl_rows(p, q)
    assert got[0] == pytest.approx(math.log(2), rel=1e-15)
    assert got[1] == pytest.approx(math.log(2), rel=1e-15)
    with mpmath.workdps(50):   # p/q below the normal range, above the largest float
        for row in (2, 3, 4):
            exact = mpmath.fsum(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))
                                for a, b in zip(p[row], q[row]))
            assert ulp_error(got[row:row + 1], np.array([exact], dtype=object)) <= 2, row
    assert got[5] == math.inf
    assert _kl_compiled.compiled_kl_rows(np.zeros((2, 0)), np.zeros((2, 0))).tolist() == [0.0, 0.0]
