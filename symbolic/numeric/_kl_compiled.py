"""KL divergence of rows in one compiled pass, when numba is installed.

The same non-negative per-term form as :mod:`._divergence` (``g_i = p_i
log(p_i/q_i) - p_i + q_i >= 0`` plus ``sum(p - q)``), but each term is
computed once, in registers, and carried to about double length:

* where ``1/4 <= p/q <= 4`` (``|w| <= 0.6``, ``w = (q - p)/(q + p)``),
  ``g = h (1 + phi)`` with ``h = d**2/m`` from an exact square (FMA) and the
  rounding errors of ``d = q - p`` and ``m = p + q``, and ``phi = F(w) - 1``
  from the Chebyshev series of :data:`._divergence.A_COEFFICIENTS`;
* elsewhere ``g = p log(p/q) + d`` with the rounding errors of ``p/q`` and of
  the product kept (FMA), so only the logarithm's own rounding is left;
* the g's and the d's are summed with TwoSum compensation (each sum is a
  double-double), and ``D = sum g - sum d`` is rounded once at the end.

Worst error on the adversarial suite: 1.5 ulp (``benchmarks/accuracy.py``);
one pass with no temporaries, so faster than SciPy's ``rel_entr(p, q).sum(-1)``
(``benchmarks/throughput.py``).  numba is optional (``pip install
infoderive[fast]``); without it, or with ``INFODERIVE_NUMBA=0`` in the
environment, :func:`compiled_kl_rows` returns None and the NumPy path is used.

>>> import numpy as np
>>> out = compiled_kl_rows(np.array([[0.5, 0.5]]), np.array([[0.25, 0.75]]))
>>> out is None or abs(float(out[0]) - 0.143841036225890) < 1e-15
True
"""
from __future__ import annotations

import math
import os

import numpy as np

from ._divergence import A_COEFFICIENTS, NEAR

ENV_SWITCH = "INFODERIVE_NUMBA"
_COEFFICIENTS = np.array(A_COEFFICIENTS)
_kernel = None          # the compiled function, or False once it is known to be unavailable


def _build():
    """Compile the kernel (numba caches it on disk); None if numba is missing."""
    try:
        import numba
        from numba.core import types
        from numba.extending import intrinsic
    except ImportError:
        return None

    @intrinsic
    def fma(typingctx, a, b, c):  # llvm.fma: one rounding (exact products, Horner)
        sig = types.float64(types.float64, types.float64, types.float64)

        def codegen(context, builder, signature, args):
            return builder.fma(*args)
        return sig, codegen

    near = NEAR

    @numba.njit(nogil=True, cache=True, error_model="numpy")
    def kl_kernel(p, q, out, coef):  # pragma: no cover - compiled, tested through kl_rows
        rows, k = p.shape
        nc = coef.shape[0]
        for i in range(rows):
            gs = 0.0; gc = 0.0; ds = 0.0; dc = 0.0   # noqa: E702 - sums and their errors
            infinite = False
            for j in range(k):
                pj = p[i, j]
                qj = q[i, j]
                d = qj - pj
                bp = d - qj
                ap = d - bp
                d_lo = (qj - ap) - (pj + bp)           # TwoSum: q - p = d + d_lo exactly
                if pj == 0.0:
                    g = qj
                    g_lo = 0.0
                elif qj == 0.0:
                    infinite = True
                    continue
                else:
                    m = pj + qj
                    w = d / m
                    if abs(w) <= near:
                        bm = m - pj
                        am = m - bm
                        m_lo = (pj - am) + (qj - bm)   # p + q = m + m_lo exactly
                        dd = d * d
                        dd_lo = fma(d, d, -dd) + 2.0 * d * d_lo
                        h = dd / m
                        h_lo = (fma(-h, m, dd) + dd_lo - h * m_lo) / m
                        z = w * w
                        a = coef[0]
                        for c in range(1, nc):
                            a = fma(a, z, coef[c])
                        phi = a * w * (w - 1.0)        # F(w) - 1
                        g = h
                        g_lo = h_lo + (h + h_lo) * phi
                    else:
                        r = pj / qj
                        if r == 0.0 or r > 1.7e308 or r < 2.3e-308:   # p/q out of range
                            lr = math.log(pj) - math.log(qj)
                            lr_lo = 0.0
                        else:
                            lr = math.log(r)
                            lr_lo = fma(-r, qj, pj) / (r * qj)   # log(p/q) - log(r)
                        t = pj * lr
                        t_lo = fma(pj, lr, -t) + pj * lr_lo
                        g = t + d
                        bb = g - t
                        aa = g - bb
                        g_lo = (t - aa) + (d - bb) + t_lo
                s = gs + g
                bb = s - gs
                aa = s - bb
                gc += ((gs - aa) + (g - bb)) + g_lo
                gs = s
                s = ds + d
                bb = s - ds
                aa = s - bb
                dc += ((ds - aa) + (d - bb)) + d_lo
                ds = s
            if infinite:
                out[i] = math.inf
            else:
                s = gs - ds
                bb = s - gs
                aa = s - bb
                out[i] = s + (((gs - aa) + (-ds - bb)) + (gc - dc))
        return out

    @numba.njit(nogil=True, cache=True, error_model="numpy")
    def marginals_kernel(p, px, px_lo, py, py_lo):  # pragma: no cover - compiled
        rows, kx, ky = p.shape
        for i in range(rows):
            for x in range(kx):
                for y in range(ky):
                    v = p[i, x, y]
                    s = px[i, x] + v                 # TwoSum into p(x) and into p(y)
                    b = s - px[i, x]
                    px_lo[i, x] += (px[i, x] - (s - b)) + (v - b)
                    px[i, x] = s
                    s = py[i, y] + v
                    b = s - py[i, y]
                    py_lo[i, y] += (py[i, y] - (s - b)) + (v - b)
                    py[i, y] = s

    return kl_kernel, marginals_kernel


def available() -> bool:
    """True when the compiled kernel can run (numba installed, not switched off)."""
    global _kernel
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return False
    if _kernel is None:
        try:
            _kernel = _build() or False
        except Exception:  # a broken numba install: the NumPy path is always there
            _kernel = False
    return _kernel is not False


def compiled_marginals(pxy: np.ndarray):
    """``(px, px_lo, py, py_lo)`` of a batch of joint pmfs ``[..., x, y]``: both
    marginals and the rounding errors of their sums (TwoSum, one pass), or None
    when the compiled kernel is not available.

    >>> import numpy as np
    >>> out = compiled_marginals(np.array([[0.5, 1e-17], [0.25, 0.25]]))
    >>> out is None or [a.tolist() for a in out] == [[0.5, 0.5], [1e-17, 0.0],
    ...                                              [0.75, 0.25], [0.0, 1e-17]]
    True
    """
    global _kernel
    if not available():
        return None
    p = np.ascontiguousarray(pxy).reshape((-1,) + pxy.shape[-2:])
    px, px_lo = np.zeros(p.shape[:2]), np.zeros(p.shape[:2])
    py, py_lo = np.zeros((p.shape[0], p.shape[2])), np.zeros((p.shape[0], p.shape[2]))
    try:
        _kernel[1](p, px, px_lo, py, py_lo)
    except Exception:  # compiling failed: NumPy from now on
        _kernel = False
        return None
    batch = pxy.shape[:-2]
    return (px.reshape(batch + px.shape[1:]), px_lo.reshape(batch + px.shape[1:]),
            py.reshape(batch + py.shape[1:]), py_lo.reshape(batch + py.shape[1:]))


def compiled_kl_rows(p2: np.ndarray, q2: np.ndarray) -> np.ndarray | None:
    """sum p log(p/q) of each row of two validated 2-d float64 arrays of one
    shape, or None when the compiled kernel is not available."""
    if not available():
        return None
    global _kernel
    out = np.empty(p2.shape[0])
    if p2.shape[1] == 0:
        out.fill(0.0)
        return out
    try:
        _kernel[0](np.ascontiguousarray(p2), np.ascontiguousarray(q2), out, _COEFFICIENTS)
    except Exception:  # compiling failed (no writable cache, a numba bug): NumPy from now on
        _kernel = False
        return None
    return out


__all__ = ["available", "compiled_kl_rows", "compiled_marginals", "ENV_SWITCH"]
