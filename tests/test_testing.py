"""symbolic.testing: strategies produce valid objects, assert_matches_reference
catches wrong implementations with a useful report and passes right ones, the
fixtures work, and the plugin is cheap to load."""
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings

import symbolic.numeric as N
from symbolic.testing import (assert_matches_reference, binary_targets, distributions,
                              joint_distributions, labels, logits)


@settings(max_examples=200, deadline=None)
@given(distributions(6))
def test_distributions_are_pmfs(p):
    assert p.shape == (6,)
    assert p.dtype == np.float64
    assert (p >= 0).all()
    assert abs(p.sum() - 1.0) <= 1e-12
    N.entropy(p)  # accepted by the reference


@settings(max_examples=100, deadline=None)
@given(distributions(4, zeros=False, near_degenerate=False))
def test_distributions_without_zeros_are_positive(p):
    assert (p > 0).all()


@settings(max_examples=100, deadline=None)
@given(joint_distributions(3, 2))
def test_joint_distributions_are_joint_pmfs(pxy):
    assert pxy.shape == (3, 2)
    assert abs(pxy.sum() - 1.0) <= 1e-12
    N.mutual_information(pxy)


@settings(max_examples=200, deadline=None)
@given(logits(5, max_abs=1e3), labels(5), labels(5, one_hot=True), binary_targets())
def test_logits_labels_and_targets(z, i, y, t):
    assert z.shape == (5,) and np.isfinite(z).all() and (np.abs(z) <= 1e3).all()
    assert isinstance(i, int) and 0 <= i < 5
    assert y.shape == (5,) and y.sum() == 1.0 and sorted(set(y.tolist())) == [0.0, 1.0]
    assert 0.0 <= t <= 1.0


def test_strategies_cover_the_corner_cases():
    from hypothesis import find

    assert find(distributions(3), lambda p: (p == 0).any()).tolist().count(0.0) >= 1
    assert find(distributions(3), lambda p: 0 < p.min() < 1e-100) is not None
    assert find(logits(4), lambda z: np.sort(z)[-1] - np.sort(z)[-2] >= 30) is not None
    assert find(binary_targets(), lambda y: 0 < y < 1e-11) is not None


def test_invalid_support_size():
    with pytest.raises(ValueError, match="^k: need at least one outcome"):
        distributions(0)


def naive_cross_entropy(z, target):
    with np.errstate(all="ignore"):
        p = np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
        return -np.log(p[np.arange(len(target)), target])


def stable_cross_entropy(z, target):
    m = z.max(axis=-1, keepdims=True)
    lse = m[..., 0] + np.log(np.exp(z - m).sum(axis=-1))
    return lse - np.take_along_axis(z, target[..., None], axis=-1)[..., 0]


def test_naive_cross_entropy_is_caught_with_worst_input_and_ulps():
    with pytest.raises(AssertionError) as caught:
        assert_matches_reference(naive_cross_entropy, "cross_entropy_from_logits")
    report = str(caught.value)
    lines = report.splitlines()
    assert lines[0].startswith(
        "naive_cross_entropy does not match symbolic.numeric.cross_entropy_from_logits "
        "on 'logits ±1e3, class indices'")
    assert lines[1].startswith("  worst input: [")
    assert lines[2] == "  got:       nan"
    assert lines[3].startswith("  expected:  ")
    assert lines[4] == "  error:     nan absolute, inf ulps"
    assert lines[5] == "  tolerance: rtol=1e-09, atol=1e-12"


def test_stable_cross_entropy_passes_default_tolerance():
    assert_matches_reference(stable_cross_entropy, "cross_entropy_from_logits")


def test_ulps_tolerance_exposes_lost_digits():
    with pytest.raises(AssertionError, match=r"ulps\n  tolerance: 4 ulps$"):
        assert_matches_reference(stable_cross_entropy, "cross_entropy_from_logits", ulps=4)


def test_the_reference_passes_against_itself_at_4_ulps():
    for name in ("kl_divergence", "log_softmax", "binary_cross_entropy_with_logits"):
        assert_matches_reference(getattr(N, name), name, ulps=4, samples=8)


def test_wrong_formula_reports_its_values():
    def kl_backwards(p, q):  # D(q || p) instead of D(p || q)
        return N.kl_divergence(q, p)

    with pytest.raises(AssertionError) as caught:
        assert_matches_reference(kl_backwards, "kl_divergence", adversarial=False)
    report = str(caught.value)
    assert report.startswith("kl_backwards does not match symbolic.numeric.kl_divergence on 'random, k=2'")
    got = float(report.split("got:")[1].split()[0])
    expected = float(report.split("expected:")[1].split()[0])
    assert got != expected
    assert "ulps" in report.splitlines()[4]


def test_reduced_output_is_reported_as_a_shape_error():
    with pytest.raises(AssertionError, match=r"returned shape \(\) .*\(one value per row, no reduction\)"):
        assert_matches_reference(lambda p: N.entropy(p).mean(), "entropy")


def test_row_by_row_functions_and_soft_targets():
    import math

    def one_row_bce(z, y):
        return y * math.log1p(math.exp(-z)) + (1 - y) * math.log1p(math.exp(z)) if abs(z) < 700 else (
            max(z, 0.0) - z * y)

    assert_matches_reference(one_row_bce, "binary_cross_entropy_with_logits", batched=False,
                             adversarial=False)
    assert_matches_reference(N.cross_entropy_from_logits, "cross_entropy_from_logits",
                             target="pmf", ulps=4, samples=8)


def test_bad_arguments():
    with pytest.raises(ValueError, match="^name: no reference called 'entropie'"):
        assert_matches_reference(N.entropy, "entropie")
    with pytest.raises(ValueError, match="^target: must be 'index' or 'pmf'"):
        assert_matches_reference(N.entropy, "cross_entropy_from_logits", target="onehot")


def test_fixtures(matches_reference, numeric_reference, adversarial_inputs, reference_seed):
    assert reference_seed == 0
    assert numeric_reference is N
    assert "kl_divergence" in adversarial_inputs
    matches_reference(numeric_reference.softmax, "softmax")


def test_plugin_import_is_cheap_and_needs_neither_hypothesis_nor_torch():
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"  # as if Hypothesis were not installed
        "import symbolic.testing as t\n"
        "assert 'torch' not in sys.modules\n"
        "try:\n"
        "    t.distributions(3)\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "symbolic.testing strategies need Hypothesis: pip install hypothesis\n"


def test_plugin_is_registered_with_pytest(pytestconfig):
    assert pytestconfig.pluginmanager.hasplugin("infoderive")
