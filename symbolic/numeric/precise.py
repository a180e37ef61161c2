"""High-precision (mpmath, 60 digits) ground truth for every numeric reference,
and the error measure in ulps used by the tests, benchmarks and
:func:`symbolic.testing.assert_matches_reference`.

These loops are slow (pure Python, arbitrary precision); use them on small
batches.  Inputs are taken exactly as the float64 values given.

>>> import numpy as np
>>> from symbolic.numeric import entropy
>>> ref = precise("entropy", np.array([[0.5, 0.5]]))
>>> ulp_error(entropy([[0.5, 0.5]]), ref).round(3).tolist()  # ln 2 correctly rounded
[0.209]
"""
from __future__ import annotations

import math

import mpmath
import numpy as np

DIGITS = 60


def _mp_row(values) -> list:
    return [mpmath.mpf(float(v)) for v in values]


def _xlogy(x, y):
    if x == 0:
        return mpmath.mpf(0)
    if y == 0:
        return mpmath.mpf("-inf")
    return x * mpmath.log(y)


def _entropy(p):
    return -mpmath.fsum(_xlogy(v, v) for v in p)


def _cross_entropy(p, q):
    return -mpmath.fsum(_xlogy(a, b) for a, b in zip(p, q))


def _kl(p, q):
    terms = []
    for a, b in zip(p, q):
        if a == 0:
            continue
        if b == 0:
            return mpmath.mpf("inf")
        terms.append(a * mpmath.log1p((a - b) / b))
    return mpmath.fsum(terms)


def _lse_parts(x):
    """(max, log1p(sum of the other exp(x - max))): kept apart because at 60
    digits max + 1e-154 would lose the tail."""
    finite = [v for v in x if mpmath.isfinite(v)]
    if not finite:
        return mpmath.mpf("-inf"), mpmath.mpf(0)
    top = max(finite)
    rest = list(finite)
    rest.remove(top)
    return top, mpmath.log1p(mpmath.fsum(mpmath.exp(v - top) for v in rest))


def _lse(x):
    top, tail = _lse_parts(x)
    return top + tail


def _log_softmax(x):
    top, tail = _lse_parts(x)
    return [(v - top) - tail for v in x]


def _softmax(x):
    top, tail = _lse_parts(x)
    return [mpmath.exp((v - top) - tail) if mpmath.isfinite(v) else mpmath.mpf(0) for v in x]


def _ce_logits(x, y):
    log_sm = _log_softmax(x)
    if isinstance(y, int):
        return -log_sm[y]
    return -mpmath.fsum(b * a for a, b in zip(log_sm, y) if b != 0)


def _sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def _logit(p):
    if p == 0:
        return mpmath.mpf("-inf")
    if p == 1:
        return mpmath.mpf("inf")
    return mpmath.log(p / (1 - p))


def _bce(p, y):
    negative = 0 if y == 1 else (1 - y) * mpmath.log1p(-p) if p != 1 else mpmath.mpf("-inf")
    return -(_xlogy(y, p) + negative)


def _softplus(z):
    if z > 0:
        return z + mpmath.log1p(mpmath.exp(-z))
    return mpmath.log1p(mpmath.exp(z))


def _bce_logits(z, y):
    total = mpmath.mpf(0)
    if y != 0:
        total += y * _softplus(-z)
    if y != 1:
        total += (1 - y) * _softplus(z)
    return total


def _joint_rows(pxy):
    return [_mp_row(row) for row in pxy]


def _conditional_entropy(pxy):
    rows = _joint_rows(pxy)
    terms = []
    for row in rows:
        for j, v in enumerate(row):
            if v != 0:
                rest = mpmath.fsum(row[:j] + row[j + 1:])
                terms.append(v * mpmath.log1p(rest / v))
    return mpmath.fsum(terms)


def _mutual_information(pxy):
    rows = _joint_rows(pxy)
    px = [mpmath.fsum(r) for r in rows]
    py = [mpmath.fsum(col) for col in zip(*rows)]
    terms = []
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v != 0:
                q = px[i] * py[j]
                terms.append(v * mpmath.log1p((v - q) / q))
    return mpmath.fsum(terms)


# name -> (per-row function, event axes of each argument, shape of one output)
_SPECS = {
    "entropy": (_entropy, (1,), "row"),
    "cross_entropy": (_cross_entropy, (1, 1), "row"),
    "kl_divergence": (_kl, (1, 1), "row"),
    "joint_entropy": (lambda pxy: _entropy([v for r in pxy for v in r]), (2,), "row"),
    "conditional_entropy": (_conditional_entropy, (2,), "row"),
    "mutual_information": (_mutual_information, (2,), "row"),
    "sigmoid": (_sigmoid, (0,), "element"),
    "logit": (_logit, (0,), "element"),
    "softmax": (_softmax, (1,), "vector"),
    "log_softmax": (_log_softmax, (1,), "vector"),
    "logsumexp": (_lse, (1,), "row"),
    "cross_entropy_from_logits": (_ce_logits, (1, None), "row"),
    "binary_cross_entropy": (_bce, (0, 0), "element"),
    "binary_cross_entropy_with_logits": (_bce_logits, (0, 0), "element"),
}

#: Every function name that has a high-precision reference.
NAMES = tuple(_SPECS)

# base b: these functions read their first argument (logits) in units of ln b
_SCALED_INPUT = {"sigmoid", "softmax", "log_softmax", "logsumexp",
                 "cross_entropy_from_logits", "binary_cross_entropy_with_logits"}
# ... and these return probabilities, which no base rescales
_PROBABILITY_OUTPUT = {"sigmoid", "softmax"}


def _convert(value, event_ndim):
    if event_ndim == 0:
        return mpmath.mpf(float(value))
    if event_ndim == 1:
        return _mp_row(value)
    return [_mp_row(r) for r in value]


def precise(name: str, *args, base=math.e) -> np.ndarray:
    """The exact value (to 60 digits) of ``symbolic.numeric.<name>(*args)``, as
    an object array of ``mpmath.mpf`` shaped like the float64 result.

    ``cross_entropy_from_logits`` takes integer class indices or a pmf, as the
    float64 version does.

    >>> mpmath.nstr(precise("logsumexp", np.array([0.0, 0.0]))[()], 30)
    '0.693147180559945309417232121458'
    """
    fn, event_axes, out_kind = _SPECS[name]
    with mpmath.workdps(DIGITS):
        arrays = []
        for arg, nd in zip(args, event_axes):
            arr = np.asarray(arg)
            if nd is None:  # class indices or pmf target
                nd = 0 if np.issubdtype(arr.dtype, np.integer) else 1
                arr = arr if nd == 0 else np.asarray(arr, dtype=np.float64)
            else:
                arr = np.asarray(arr, dtype=np.float64)
            arrays.append((arr, nd))
        batch = np.broadcast_shapes(*(a.shape[: a.ndim - nd] for a, nd in arrays))
        log_base = None if base == math.e else mpmath.log(mpmath.mpf(float(base)))
        out = np.empty(batch, dtype=object)
        vectors = {}
        for index in np.ndindex(*batch):
            row_args = []
            for k, (arr, nd) in enumerate(arrays):
                full = np.broadcast_to(arr, batch + arr.shape[arr.ndim - nd:])
                value = full[index]
                if nd == 0 and np.issubdtype(arr.dtype, np.integer):
                    row_args.append(int(value))
                    continue
                converted = _convert(value, nd)
                if log_base is not None and name in _SCALED_INPUT and k == 0:
                    converted = ([v * log_base for v in converted] if nd == 1
                                 else converted * log_base)
                row_args.append(converted)
            value = fn(*row_args)
            if log_base is not None and name not in _PROBABILITY_OUTPUT:
                value = ([v / log_base for v in value] if out_kind == "vector"
                         else value / log_base)
            if out_kind == "vector":
                vectors[index] = value
            else:
                out[index] = value
        if out_kind == "vector":
            k = len(next(iter(vectors.values()))) if vectors else 0
            full = np.empty(batch + (k,), dtype=object)
            for index, value in vectors.items():
                for j, v in enumerate(value):
                    full[index + (j,)] = v
            return full
        return out


def ulp_error(values, reference) -> np.ndarray:
    """``|values - reference|`` in units of the float64 spacing at the reference
    (the subnormal spacing 5e-324 below 2.2e-308).  Equal infinities count 0;
    a NaN, or an infinity where the reference is finite, counts +inf.

    >>> ulp_error(np.array([1.0 + 2**-52]), np.array([mpmath.mpf(1)], dtype=object)).tolist()
    [1.0]
    """
    values = np.asarray(values, dtype=np.float64)
    reference = np.asarray(reference, dtype=object)
    values, reference = np.broadcast_arrays(values, reference)
    out = np.empty(values.shape)
    with mpmath.workdps(DIGITS):
        for index in np.ndindex(*values.shape):
            ours = float(values[index])
            ref = mpmath.mpf(reference[index])
            if mpmath.isnan(ref) or math.isnan(ours):
                out[index] = 0.0 if (mpmath.isnan(ref) and math.isnan(ours)) else math.inf
            elif mpmath.isinf(ref) or math.isinf(ours):
                out[index] = 0.0 if ours == ref else math.inf
            elif ref == 0:
                out[index] = 0.0 if ours == 0 else math.inf
            else:
                spacing = float(np.spacing(abs(float(ref))))
                out[index] = float(abs(mpmath.mpf(ours) - ref) / spacing)
    return out
