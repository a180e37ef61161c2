"""Input validation shared by the numeric references.

Every check converts its input to a float64 array and raises ``ValueError``
naming the argument and the first offending row, so a failing batch can be
located without a debugger.
"""
from __future__ import annotations

import math

import numpy as np

#: Largest accepted ``|sum - 1|`` of a probability row.  Rows are *not*
#: renormalised: the functions evaluate their formula on the values given.
#: 1e-9 is far above float64 rounding of a sum (about K * 1.1e-16, so 1.1e-11
#: for K = 1e5) and far below any real modelling mistake.
NORMALISATION_TOLERANCE = 1e-9


def row_label(index: tuple[int, ...]) -> str:
    """Name a row of a batch by its batch index."""
    if len(index) == 0:
        return "row 0"
    if len(index) == 1:
        return f"row {index[0]}"
    return f"row {index}"


def _first(mask: np.ndarray) -> tuple[int, ...]:
    hit = np.argwhere(mask)[0]
    return tuple(int(i) for i in hit)


def as_float_array(value, name: str, min_ndim: int = 0) -> np.ndarray:
    """``value`` as a float64 array with at least ``min_ndim`` axes."""
    if np.iscomplexobj(value):
        raise ValueError(f"{name}: complex values are not accepted")
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: not an array of real numbers ({exc})") from None
    if arr.ndim < min_ndim:
        raise ValueError(
            f"{name}: needs at least {min_ndim} axis(es), got a {arr.ndim}-d array"
        )
    return arr


def _rows(arr: np.ndarray, event_ndim: int) -> np.ndarray:
    """View with the event axes flattened into one last axis."""
    batch = arr.shape[: arr.ndim - event_ndim]
    return arr.reshape(batch + (math.prod(arr.shape[arr.ndim - event_ndim:]),))


def check_pmf(value, name: str, event_ndim: int = 1) -> np.ndarray:
    """A batch of pmfs over the last ``event_ndim`` axes: no NaN, no negative
    value, each row summing to 1 within :data:`NORMALISATION_TOLERANCE`."""
    arr = as_float_array(value, name, event_ndim)
    if arr.size and not arr.min() >= 0:  # also true for NaN; min makes no temporary
        rows = _rows(arr, event_ndim)
        bad = ~(rows >= 0)
        index = _first(bad.any(axis=-1))
        row = rows[index]
        if np.isnan(row).any():
            raise ValueError(f"{name}: {row_label(index)} contains NaN")
        raise ValueError(
            f"{name}: {row_label(index)} has a negative probability {float(row[row < 0][0])!r}"
        )
    sums = _rows(arr, event_ndim).sum(axis=-1)
    off = ~(np.abs(sums - 1.0) <= NORMALISATION_TOLERANCE)  # inf sums are off too
    if off.any():
        index = _first(off)
        raise ValueError(
            f"{name}: {row_label(index)} sums to {float(sums[index]):.15g}, not 1 "
            f"(tolerance {NORMALISATION_TOLERANCE:g})"
        )
    return arr


def check_logits(value, name: str, *, allow_pos_inf: bool = False,
                 min_ndim: int = 1) -> np.ndarray:
    """Real scores: NaN is rejected, and +inf unless ``allow_pos_inf``; -inf
    (a class of probability zero) is accepted."""
    arr = as_float_array(value, name, min_ndim)
    with np.errstate(over="ignore", invalid="ignore"):
        if np.isfinite(arr.sum()):  # cheap common case: all finite
            return arr
    nan = np.isnan(arr)
    bad = nan if allow_pos_inf else nan | (arr == np.inf)
    if bad.any():
        rows = arr.reshape(arr.shape[:-1] + (-1,)) if arr.ndim else arr.reshape(1)
        bad_rows = np.isnan(rows) | (False if allow_pos_inf else rows == np.inf)
        index = _first(bad_rows.any(axis=-1)) if arr.ndim else ()
        what = "NaN" if np.isnan(rows[index]).any() else "+inf (a logit must be finite or -inf)"
        label = row_label(index) if arr.ndim > 1 or arr.ndim == 0 else "row 0"
        raise ValueError(f"{name}: {label} contains {what}")
    return arr


def check_unit_interval(value, name: str) -> np.ndarray:
    """Elementwise probabilities in [0, 1] (any shape)."""
    arr = as_float_array(value, name, 0)
    ok = (arr >= 0) & (arr <= 1)
    if not ok.all():
        flat = arr.reshape(arr.shape[:-1] + (-1,)) if arr.ndim else arr.reshape(1)
        bad = ~((flat >= 0) & (flat <= 1))
        index = _first(bad.any(axis=-1)) if arr.ndim > 1 else ()
        row = flat[index] if arr.ndim > 1 else flat
        v = float(row[bad[index] if arr.ndim > 1 else bad][0])
        what = "contains NaN" if math.isnan(v) else f"has a value {v!r} outside [0, 1]"
        raise ValueError(f"{name}: {row_label(index)} {what}")
    return arr


def check_base(base) -> float | None:
    """``ln(base)``, or ``None`` for the natural base (no rescaling at all)."""
    try:
        b = float(base)
    except (TypeError, ValueError):
        raise ValueError(f"base: must be a real number, got {base!r}") from None
    if not (math.isfinite(b) and b > 0 and b != 1):
        raise ValueError(f"base: must be a positive finite number other than 1, got {base!r}")
    if b == math.e:
        return None
    return math.log(b)


def log_base_parts(base) -> tuple[float, float] | None:
    """ln(base) as an unevaluated sum hi + lo (about 106 bits), or ``None``
    for the natural base."""
    if check_base(base) is None:
        return None
    import mpmath  # only needed for a non-natural base

    with mpmath.workdps(40):
        exact = mpmath.log(mpmath.mpf(float(base)))
        hi = float(exact)
        return hi, float(exact - hi)


def in_base(values: np.ndarray, parts) -> np.ndarray:
    """``values / ln(base)`` with ln(base) = hi + lo carried to first order."""
    if parts is None:
        return values
    hi, lo = parts
    out = values / hi
    with np.errstate(invalid="ignore"):
        return np.where(np.isfinite(out), out - out * (lo / hi), out)


def broadcast(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray):
    """Broadcast two arrays, naming both in the error."""
    try:
        return np.broadcast_arrays(a, b)
    except ValueError:
        raise ValueError(
            f"{name_a} and {name_b}: shapes {a.shape} and {b.shape} do not broadcast"
        ) from None


def result(arr: np.ndarray):
    """A float64 array, or a numpy float64 scalar for a single row."""
    out = np.asarray(arr, dtype=np.float64)
    return out[()] if out.ndim == 0 else out
