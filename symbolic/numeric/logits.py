"""Sigmoid, logit, softmax, log-sum-exp and the losses on logits.

``base=b`` replaces e everywhere: ``sigmoid(x, base=b) = 1 / (1 + b**-x)``,
``logsumexp(x, base=b) = log_b sum b**x``, losses are ``-log_b`` of the base-b
probabilities.  Logits are then read in units of ``log b`` and every identity
(``logit`` inverts ``sigmoid``, cross-entropy is ``-sum y * log_softmax``)
holds in any base.  The logits are scaled by ln b in double length (Dekker's
exact product), so a non-natural base costs no accuracy.
"""
from __future__ import annotations

import math

import numpy as np

from ._checks import (as_float_array, broadcast, check_logits, check_pmf,
                      check_unit_interval, in_base, log_base_parts, result, row_label)
from ._shift import shifted


_SPLITTER = 134217729.0  # 2**27 + 1, Veltkamp's splitting constant


def _split(a):
    c = _SPLITTER * a
    high = c - (c - a)
    return high, a - high


def _scaled(x: np.ndarray, parts, name: str):
    """x ln(b) as hi + lo (Dekker's exact product with ln b = parts[0] + parts[1]);
    lo is None for the natural base."""
    if parts is None:
        return x, None
    log_hi, log_lo = parts
    if log_hi < 0 and (x == -np.inf).any():
        raise ValueError(f"{name}: a -inf logit needs a base above 1 "
                         "(below 1 it would be infinitely likely)")
    with np.errstate(invalid="ignore", over="ignore"):
        high = x * log_hi
        x_hi, x_lo = _split(x)
        l_hi, l_lo = _split(log_hi)
        low = ((x_hi * l_hi - high) + x_hi * l_lo + x_lo * l_hi) + x_lo * l_lo
        low += x * log_lo
    low = np.where(np.isfinite(low), low, 0.0)  # infinite logits, or |x| beyond 1e290
    return high, low


def _unscaled(values: np.ndarray, parts):
    return in_base(values, parts)


def sigmoid(x, *, base=math.e):
    r"""Logistic sigmoid :math:`\sigma(x) = 1 / (1 + e^{-x})`, elementwise.

    >>> float(sigmoid(0.0))
    0.5
    >>> sigmoid([-800.0, 800.0]).tolist()
    [0.0, 1.0]
    >>> float(sigmoid(1.0, base=2))
    0.6666666666666666
    """
    x, x_lo = _scaled(check_logits(x, "x", allow_pos_inf=True, min_ndim=0), log_base_parts(base),
                    "x")
    with np.errstate(under="ignore", invalid="ignore"):
        e = np.exp(-np.abs(x))
        if x_lo is not None:
            e -= e * (np.sign(x) * x_lo)  # exp(-|x + x_lo|)
        out = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return result(out)


def logit(p, *, base=math.e):
    r"""Log-odds :math:`\mathrm{logit}(p) = \log(p / (1 - p))`, elementwise;
    the inverse of :func:`sigmoid` in the same base.

    >>> float(logit(0.5))
    0.0
    >>> logit([0.0, 1.0]).tolist()
    [-inf, inf]
    >>> round(float(logit(0.8, base=2)), 12)
    2.0
    """
    log_base = log_base_parts(base)
    p = check_unit_interval(p, "p")
    with np.errstate(divide="ignore", invalid="ignore"):
        # p >= 1/4: log1p((2p - 1) / (1 - p)); 2p - 1 is exact there and the
        # rounding error of 1 - p is corrected to first order.
        one_minus = 1.0 - p
        error = -p - (one_minus - 1.0)  # 1 - p = one_minus + error exactly
        ratio = (2.0 * p - 1.0) / one_minus
        ratio = ratio - ratio * (error / one_minus)
        upper = np.log1p(ratio)
        lower = np.log(p) - np.log1p(-p)
        out = np.where(p >= 0.25, upper, lower)
        out = np.where(p == 1.0, np.inf, out)
    return result(_unscaled(out, log_base))


def logsumexp(x, *, base=math.e):
    r""":math:`\log \sum_i e^{x_i}` of each row (max-shifted, ``log1p`` of the tail).

    >>> float(logsumexp([1000.0, 1000.0]))
    1000.6931471805599
    >>> float(logsumexp([0.0, -np.inf]))
    0.0
    >>> float(logsumexp([1.0, 1.0], base=2))
    2.0
    """
    log_base = log_base_parts(base)
    x, x_lo = _scaled(check_logits(x, "x"), log_base, "x")
    out = shifted(x, "logsumexp", "x", allow_empty_rows=True, x_lo=x_lo)
    return result(_unscaled(out, log_base))


def softmax(x, *, base=math.e):
    r""":math:`e^{x_i} / \sum_j e^{x_j}` over the last axis.

    >>> softmax([0.0, 0.0]).tolist()
    [0.5, 0.5]
    >>> softmax([1e4, 0.0]).tolist()
    [1.0, 0.0]
    """
    x, x_lo = _scaled(check_logits(x, "x"), log_base_parts(base), "x")
    return result(shifted(x, "softmax", "x", x_lo=x_lo))


def log_softmax(x, *, base=math.e):
    r""":math:`x_i - \log \sum_j e^{x_j}` over the last axis.

    >>> log_softmax([0.0, 0.0]).round(12).tolist()
    [-0.69314718056, -0.69314718056]
    >>> float(log_softmax([0.0, -60.0])[0])
    -8.75651076269652e-27
    """
    log_base = log_base_parts(base)
    x, x_lo = _scaled(check_logits(x, "x"), log_base, "x")
    return result(_unscaled(shifted(x, "log_softmax", "x", x_lo=x_lo), log_base))


def _class_indices(target: np.ndarray, logits: np.ndarray) -> np.ndarray:
    k = logits.shape[-1]
    try:
        target = np.broadcast_to(target, logits.shape[:-1])
    except ValueError:
        raise ValueError(
            f"target: class indices of shape {target.shape} do not match logits "
            f"of shape {logits.shape} (expected {logits.shape[:-1]})"
        ) from None
    bad = (target < 0) | (target >= k)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"target: {row_label(index)} has class index {int(target[index])}, "
            f"outside [0, {k})"
        )
    return target.astype(np.intp)


def cross_entropy_from_logits(logits, target, *, base=math.e):
    r"""Cross-entropy loss :math:`-\sum_i y_i \log \mathrm{softmax}(z)_i` per row,
    as ``torch.nn.functional.cross_entropy(..., reduction="none")``.

    ``target`` is an integer array of class indices (shape ``logits.shape[:-1]``)
    or a float pmf over the last axis (soft labels).

    >>> float(cross_entropy_from_logits([0.0, 0.0], 1))
    0.6931471805599453
    >>> float(cross_entropy_from_logits([0.0, -57.5646273248511], 0))
    1.0000000000000399e-25
    >>> float(cross_entropy_from_logits([0.0, 0.0], [0.25, 0.75], base=2))
    1.0
    """
    log_base = log_base_parts(base)
    z, z_lo = _scaled(check_logits(logits, "logits"), log_base, "logits")
    target_arr = np.asarray(target)
    if target_arr.dtype == bool:
        raise ValueError("target: booleans are not class indices; pass integers or a pmf")
    if np.issubdtype(target_arr.dtype, np.integer):
        indices = _class_indices(target_arr, z)
        z, indices = np.broadcast_arrays(z, indices[..., None])
        z_lo = None if z_lo is None else np.broadcast_to(z_lo, z.shape)
        out = shifted(z, "index", "logits", indices[..., 0], x_lo=z_lo)
    else:
        y = check_pmf(as_float_array(target_arr, "target", 1), "target")
        y, z = broadcast("target", y, "logits", z)
        z_lo = None if z_lo is None else np.broadcast_to(z_lo, z.shape)
        out = shifted(z, "soft", "logits", y, x_lo=z_lo)
    return result(_unscaled(out + 0.0, log_base))


def binary_cross_entropy(probs, target, *, base=math.e):
    r""":math:`-[y \log p + (1 - y) \log(1 - p)]` elementwise, as
    ``torch.nn.functional.binary_cross_entropy(..., reduction="none")`` but
    without PyTorch's clamp of the log at -100: ``p = 0 < y`` gives +inf.

    ``target`` may be soft (any value in [0, 1]).

    >>> float(binary_cross_entropy(0.5, 1.0, base=2))
    1.0
    >>> binary_cross_entropy([0.0, 1e-300], [0.0, 1.0]).round(6).tolist()
    [0.0, 690.775528]
    """
    p = check_unit_interval(probs, "probs")
    y = check_unit_interval(target, "target")
    p, y = broadcast("probs", p, "target", y)
    with np.errstate(divide="ignore", invalid="ignore"):
        positive = np.where(y > 0, -y * np.log(p), 0.0)
        negative = np.where(y < 1, -(1.0 - y) * np.log1p(-p), 0.0)
    return result(in_base(positive + negative + 0.0, log_base_parts(base)))


def binary_cross_entropy_with_logits(logits, target, *, base=math.e):
    r""":math:`-[y \log \sigma(z) + (1 - y) \log(1 - \sigma(z))]` elementwise, as
    ``torch.nn.functional.binary_cross_entropy_with_logits(..., reduction="none")``,
    in the softplus form ``y softplus(-z) + (1 - y) softplus(z)``.

    >>> float(binary_cross_entropy_with_logits(0.0, 1.0))
    0.6931471805599453
    >>> binary_cross_entropy_with_logits([1e4, -40.0], [0.0, 0.0]).tolist()
    [10000.0, 4.248354255291589e-18]
    """
    log_base = log_base_parts(base)
    z, z_lo = _scaled(check_logits(logits, "logits", allow_pos_inf=True, min_ndim=0),
                     log_base, "logits")
    y = check_unit_interval(target, "target")
    z, y = broadcast("logits", z, "target", y)
    if z_lo is None:
        z_lo = np.zeros(())
    z_lo = np.broadcast_to(z_lo, z.shape)
    with np.errstate(under="ignore", invalid="ignore"):
        e = np.exp(-np.abs(z))
        e -= e * (np.sign(z) * z_lo)        # exp(-|z + z_lo|)
        soft = np.log1p(e)
        # softplus(z) = -log(1 - sigma(z)), softplus(-z) = -log sigma(z)
        plus = np.where(z > 0, z + z_lo, 0.0) + soft
        minus = np.where(z < 0, -z - z_lo, 0.0) + soft
        out = np.where(y > 0, y * minus, 0.0) + np.where(y < 1, (1.0 - y) * plus, 0.0)
    return result(_unscaled(out + 0.0, log_base))
