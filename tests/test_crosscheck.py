"""Cross-checks against PyTorch, SciPy, scikit-learn and Keras's formula.

Each test skips when its library is missing (pip install '.[crosscheck]').
The differences they pin down are tabled in docs/conventions.md.
"""
import math

import numpy as np
import pytest

import symbolic.numeric as N
from symbolic.testing import assert_matches_reference

pytestmark = pytest.mark.crosscheck

RNG = np.random.default_rng(7)
P = RNG.dirichlet(np.ones(6), size=5)
Q = RNG.dirichlet(np.ones(6), size=5)
Z = RNG.normal(0.0, 4.0, size=(5, 6))
I = RNG.integers(0, 6, size=5)


def _torch():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)
    return torch


# ---------------------------------------------------------------- PyTorch

def test_torch_cross_entropy_and_nll_loss():
    torch = _torch()
    F = torch.nn.functional

    def torch_ce(logits, target):
        target = torch.from_numpy(target)
        if not target.is_floating_point():
            target = target.long()
        return F.cross_entropy(torch.from_numpy(logits), target, reduction="none").numpy()

    def torch_nll(logits, target):
        log_p = F.log_softmax(torch.from_numpy(logits), dim=-1)
        return F.nll_loss(log_p, torch.from_numpy(target).long(), reduction="none").numpy()

    assert_matches_reference(torch_ce, "cross_entropy_from_logits")
    assert_matches_reference(torch_ce, "cross_entropy_from_logits", target="pmf")
    assert_matches_reference(torch_nll, "cross_entropy_from_logits")
    # PyTorch's default reduction is the mean over rows
    mean = F.cross_entropy(torch.from_numpy(Z), torch.from_numpy(I)).item()
    assert mean == pytest.approx(N.cross_entropy_from_logits(Z, I).mean(), rel=1e-14)


def test_torch_tiny_cross_entropy_is_zero_ours_is_not():
    torch = _torch()
    z = np.array([[0.0, -57.5646273248511]])
    theirs = torch.nn.functional.cross_entropy(torch.from_numpy(z), torch.tensor([0]),
                                               reduction="none").item()
    assert theirs == 0.0
    assert N.cross_entropy_from_logits(z, [0])[0] == pytest.approx(1e-25, rel=1e-12)


def test_torch_log_softmax():
    torch = _torch()

    def torch_log_softmax(x):
        return torch.log_softmax(torch.from_numpy(x), dim=-1).numpy()

    assert_matches_reference(torch_log_softmax, "log_softmax")


def test_torch_kl_div_takes_log_q_first_and_p_second():
    torch = _torch()
    F = torch.nn.functional
    theirs = F.kl_div(torch.from_numpy(np.log(Q)), torch.from_numpy(P),
                      reduction="none").sum(-1).numpy()
    np.testing.assert_allclose(N.kl_divergence(P, Q), theirs, rtol=1e-12)
    # reduction="batchmean" is the mean over rows; the default "mean" also
    # divides by the number of classes
    batchmean = F.kl_div(torch.from_numpy(np.log(Q)), torch.from_numpy(P),
                         reduction="batchmean").item()
    assert batchmean == pytest.approx(N.kl_divergence(P, Q).mean(), rel=1e-12)
    with pytest.warns(UserWarning, match="'mean' divides the total loss by both"):
        mean = F.kl_div(torch.from_numpy(np.log(Q)), torch.from_numpy(P)).item()
    assert mean == pytest.approx(N.kl_divergence(P, Q).mean() / P.shape[1], rel=1e-12)


def test_torch_binary_cross_entropy_clamps_the_log_at_minus_100():
    torch = _torch()
    F = torch.nn.functional
    probs = RNG.uniform(0.01, 0.99, 20)
    target = RNG.uniform(0.0, 1.0, 20)
    theirs = F.binary_cross_entropy(torch.from_numpy(probs), torch.from_numpy(target),
                                    reduction="none").numpy()
    np.testing.assert_allclose(N.binary_cross_entropy(probs, target), theirs, rtol=1e-13)
    clamped = F.binary_cross_entropy(torch.tensor([0.0]), torch.tensor([1.0], dtype=torch.float64)
                                     .float(), reduction="none").item()
    assert clamped == 100.0
    assert N.binary_cross_entropy(0.0, 1.0) == math.inf


def test_torch_binary_cross_entropy_with_logits():
    torch = _torch()

    def torch_bce_logits(z, y):
        return torch.nn.functional.binary_cross_entropy_with_logits(
            torch.from_numpy(z), torch.from_numpy(y), reduction="none").numpy()

    assert_matches_reference(torch_bce_logits, "binary_cross_entropy_with_logits",
                             adversarial=False)
    # PyTorch computes (1 - y) z + softplus(-z): with a soft label near 0 and a
    # large negative logit the two terms cancel and 4 of 16 digits are lost
    with pytest.raises(AssertionError, match=r"'soft labels near 0 and 1'.*\n.*-10000.0; 1e-12"):
        assert_matches_reference(torch_bce_logits, "binary_cross_entropy_with_logits")
    theirs = torch_bce_logits(np.array([-1e4]), np.array([1e-12]))[0]
    ours = N.binary_cross_entropy_with_logits(-1e4, 1e-12)
    assert abs(theirs - 1e-8) > 1e-13
    assert ours == pytest.approx(1e-8, rel=1e-15)


# ---------------------------------------------------------------- SciPy

def test_scipy_entropy_and_rel_entr():
    stats = pytest.importorskip("scipy.stats")
    special = pytest.importorskip("scipy.special")
    np.testing.assert_allclose(N.entropy(P), stats.entropy(P, axis=-1), rtol=1e-14)
    np.testing.assert_allclose(N.entropy(P, base=2), stats.entropy(P, base=2, axis=-1), rtol=1e-14)
    np.testing.assert_allclose(N.kl_divergence(P, Q), stats.entropy(P, Q, axis=-1), rtol=1e-13)
    np.testing.assert_allclose(N.kl_divergence(P, Q), special.rel_entr(P, Q).sum(-1), rtol=1e-13)
    assert special.rel_entr(0.5, 0.0) == math.inf
    assert special.rel_entr(0.0, 0.0) == 0.0


def test_scipy_entropy_normalises_silently_we_refuse():
    stats = pytest.importorskip("scipy.stats")
    assert stats.entropy([1.0, 1.0]) == pytest.approx(math.log(2), rel=1e-15)
    with pytest.raises(ValueError, match=r"^p: row 0 sums to 2, not 1"):
        N.entropy([1.0, 1.0])


def test_scipy_logsumexp_softmax_expit_logit():
    special = pytest.importorskip("scipy.special")
    assert_matches_reference(lambda x: special.logsumexp(x, axis=-1), "logsumexp")
    assert_matches_reference(lambda x: special.softmax(x, axis=-1), "softmax")
    assert_matches_reference(special.expit, "sigmoid")
    assert_matches_reference(special.logit, "logit")
    # SciPy's logsumexp also loses a tail below one ulp of the result
    assert special.logsumexp([0.0, -40.0]) - 0.0 == pytest.approx(N.logsumexp([0.0, -40.0]), rel=1e-15)


# ---------------------------------------------------------------- scikit-learn

def test_sklearn_log_loss_is_the_mean_cross_entropy_after_clipping():
    metrics = pytest.importorskip("sklearn.metrics")
    labels = np.argmax(Q, axis=-1)
    theirs = metrics.log_loss(labels, y_proba=Q, labels=list(range(6)))
    ours = N.cross_entropy(np.eye(6)[labels], Q).mean()
    assert theirs == pytest.approx(ours, rel=1e-13)
    # predictions are clipped to [eps, 1 - eps]: a certain mistake costs -log(eps), not inf
    clipped = metrics.log_loss([1], y_proba=[[1.0, 0.0]], labels=[0, 1])
    assert clipped == pytest.approx(-math.log(np.finfo(float).eps), rel=1e-12)
    assert N.cross_entropy([0.0, 1.0], [1.0, 0.0]) == math.inf


# ---------------------------------------------------------------- Keras (its formula)

def keras_categorical_crossentropy(y_true, y_pred, epsilon=1e-7):
    """Keras 3 `categorical_crossentropy` on probabilities (keras/src/backend/*/nn.py):
    divide each row by its sum, clip to [epsilon, 1 - epsilon], then
    -sum(y_true * log(y_pred)); CategoricalCrossentropy() then takes the mean."""
    y_pred = np.asarray(y_pred, dtype=np.float64)
    y_pred = y_pred / y_pred.sum(axis=-1, keepdims=True)
    y_pred = np.clip(y_pred, epsilon, 1.0 - epsilon)
    return -(np.asarray(y_true) * np.log(y_pred)).sum(axis=-1)


def test_keras_convention_reproduces_document_004():
    y_true = [[0, 1, 0], [0, 0, 1]]
    y_pred = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
    per_row = keras_categorical_crossentropy(y_true, y_pred)
    assert per_row.round(7).tolist() == [0.0512933, 2.3025851]
    assert round(float(per_row.mean()), 7) == 1.1769392
    # without clipping the same numbers: nothing was clipped that mattered here
    np.testing.assert_allclose(N.cross_entropy(np.array(y_true, float), np.array(y_pred)),
                               per_row, rtol=1e-6)
    # a zero prediction on the true class: Keras clips to 1e-7, we say inf
    assert keras_categorical_crossentropy([[1, 0]], [[0.0, 1.0]])[0] == pytest.approx(-math.log(1e-7))
    assert N.cross_entropy([1.0, 0.0], [0.0, 1.0]) == math.inf
