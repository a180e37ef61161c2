"""The max-shifted log-sum-exp engine behind logsumexp, softmax, log_softmax
and cross_entropy_from_logits.

Per row: ``top = max x``, ``x - top = hi + lo`` exactly (TwoSum), the
exponentials ``e = exp(hi) (1 + lo)`` with one maximal entry left out, and
``L = log1p(sum e)``; then ``logsumexp = top + L``, ``log_softmax = (hi - L)
+ lo``, and the loss of class c is ``(L - hi_c) - lo_c``, a sum of
non-negative terms, so a loss of 1e-25 keeps all its digits.

Rows are processed in blocks of about 32k values with reused buffers: the
arithmetic stays in cache and no full-size temporaries are allocated.
"""
from __future__ import annotations

import numpy as np

from ._checks import row_label

_BLOCK = 1 << 15


def _blocks(rows: int, k: int):
    step = max(1, _BLOCK // max(k, 1))
    for start in range(0, rows, step):
        yield start, min(start + step, rows)


class _Buffers:
    def __init__(self, rows: int, k: int, names):
        step = min(rows, max(1, _BLOCK // max(k, 1)))
        for name in names:
            setattr(self, name, np.empty((step, k)))


def shifted(x: np.ndarray, mode: str, name: str, target=None,
            allow_empty_rows: bool = False, x_lo=None) -> np.ndarray:
    """Evaluate ``mode`` ("logsumexp", "log_softmax", "softmax", "index"
    (class-index loss) or "soft" (pmf-target loss)) over the last axis of
    validated logits ``x``; ``target`` is the index array (batch shape) or
    the pmf array (shape of ``x``).  ``x_lo``, if given, is a low-order part:
    the logits are ``x + x_lo`` (logits scaled by ln b in double length)."""
    k = x.shape[-1]
    if k == 0:
        raise ValueError(f"{name}: rows are empty (need at least one class)")
    batch = x.shape[:-1]
    x2 = np.ascontiguousarray(x).reshape(-1, k)
    rows = x2.shape[0]
    vector_out = mode in ("log_softmax", "softmax")
    out = np.empty((rows, k) if vector_out else rows)
    if mode == "index":
        t2 = np.ascontiguousarray(target).reshape(-1)
    elif mode == "soft":
        t2 = np.ascontiguousarray(target).reshape(-1, k)
    lo2 = None if x_lo is None else np.ascontiguousarray(np.broadcast_to(x_lo, x.shape)).reshape(-1, k)
    buf = _Buffers(rows, k, ("hi", "lo", "work", "e"))
    for start, stop in _blocks(rows, k):
        n = stop - start
        xb = x2[start:stop]
        hi, lo, work, e = buf.hi[:n], buf.lo[:n], buf.work[:n], buf.e[:n]
        arange = np.arange(n)
        where_max = xb.argmax(axis=-1)
        top = xb[arange, where_max]
        if not np.isfinite(top).all():
            if not allow_empty_rows:
                index = np.unravel_index(start + int(np.flatnonzero(~np.isfinite(top))[0]), batch)
                raise ValueError(f"{name}: {row_label(tuple(int(i) for i in index))} has no finite logit")
            shift = np.where(np.isfinite(top), top, 0.0)[:, None]
        else:
            shift = top[:, None]
        with np.errstate(invalid="ignore", under="ignore"):
            np.subtract(xb, shift, out=hi)
            has_neg_inf = not np.isfinite(hi.sum())  # validation excluded NaN and +inf
            # TwoSum: lo = (x - a') + (-shift - b') with b' = hi - x, a' = hi - b'
            np.subtract(hi, xb, out=work)            # b'
            np.subtract(hi, work, out=lo)            # a'
            np.subtract(xb, lo, out=lo)              # x - a'
            np.add(work, shift, out=work)            # b' + shift
            np.subtract(lo, work, out=lo)            # lo
            if has_neg_inf:
                lo[~np.isfinite(lo)] = 0.0
            if lo2 is not None:
                low = lo2[start:stop]
                low_top = low[arange, where_max]
                lo += low
                lo -= low_top[:, None]
            np.exp(hi, out=e)
            np.multiply(e, lo, out=work)
            np.add(e, work, out=e)                   # exp(hi + lo) to within lo**2
        e[arange, where_max] = 0.0
        tail = e.sum(axis=-1)
        log1p_tail = np.log1p(tail)
        if mode == "logsumexp":
            out[start:stop] = top + (log1p_tail if lo2 is None else log1p_tail + low_top)
        elif mode == "log_softmax":
            np.subtract(hi, log1p_tail[:, None], out=out[start:stop])
            out[start:stop] += lo
        elif mode == "softmax":
            e[arange, where_max] = 1.0
            np.divide(e, (1.0 + tail)[:, None], out=out[start:stop])
        elif mode == "index":
            cls = t2[start:stop]
            out[start:stop] = (log1p_tail - hi[arange, cls]) - lo[arange, cls]
        else:
            y = t2[start:stop]
            with np.errstate(invalid="ignore"):
                np.subtract(log1p_tail[:, None], hi, out=work)
                work -= lo
                work *= y
            if has_neg_inf:
                work[y == 0] = 0.0  # 0 * inf: a class of weight 0 costs nothing
            out[start:stop] = work.sum(axis=-1)
    return out.reshape(batch + (k,) if vector_out else batch)
