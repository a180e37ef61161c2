"""pytest plugin of infoderive: test your own loss or information measure
against the numeric references of :mod:`symbolic.numeric`.

* Hypothesis strategies: :func:`distributions`, :func:`joint_distributions`,
  :func:`logits`, :func:`labels`, :func:`binary_targets`.
* :func:`assert_matches_reference` runs a function on random and adversarial
  inputs and compares it with the reference; a failure names the worst input,
  both values and the error in ulps.
* Fixtures ``matches_reference`` (the assertion, seeded by ``reference_seed``),
  ``numeric_reference`` (the :mod:`symbolic.numeric` module) and
  ``adversarial_inputs`` (the adversarial suite).

The plugin is registered under the ``pytest11`` entry point, so every pytest
run imports this module: it imports only the standard library and pytest at
load time; numpy, Hypothesis and the references load on first use.

>>> import numpy as np
>>> def my_entropy(p):
...     p = np.asarray(p)
...     return -(p * np.log(np.where(p > 0, p, 1.0))).sum(axis=-1)
>>> assert_matches_reference(my_entropy, "entropy")
"""
from __future__ import annotations

import functools

import pytest

from symbolic.strategies import (binary_targets, distributions, joint_distributions, labels,
                                 logits)

__all__ = [
    "distributions",
    "joint_distributions",
    "logits",
    "labels",
    "binary_targets",
    "assert_matches_reference",
]


# --------------------------------------------------------------------------
# assert_matches_reference
# --------------------------------------------------------------------------

# name -> argument kinds; see _random_arguments
_SIGNATURES = {
    "entropy": ("pmf",),
    "cross_entropy": ("pmf", "pmf"),
    "kl_divergence": ("pmf", "pmf"),
    "joint_entropy": ("joint",),
    "conditional_entropy": ("joint",),
    "mutual_information": ("joint",),
    "sigmoid": ("real",),
    "logit": ("unit",),
    "softmax": ("logits",),
    "log_softmax": ("logits",),
    "logsumexp": ("logits",),
    "cross_entropy_from_logits": ("logits", "target"),
    "binary_cross_entropy": ("unit", "binary"),
    "binary_cross_entropy_with_logits": ("real", "binary"),
}
# event axes of each argument (None: class indices or pmf target)
_EVENT_AXES = {"pmf": 1, "joint": 2, "logits": 1, "real": 0, "unit": 0, "binary": 0}


def _random_arguments(name, rng, rows, k, target):
    import numpy as np

    args = []
    for kind in _SIGNATURES[name]:
        if kind == "pmf":
            alpha = rng.choice([0.1, 1.0, 10.0])
            args.append(rng.dirichlet(np.full(k, alpha), size=rows))
        elif kind == "joint":
            ky = max(2, k // 2)
            args.append(rng.dirichlet(np.ones(k * ky), size=rows).reshape(rows, k, ky))
        elif kind == "logits":
            args.append(rng.normal(0.0, 5.0, size=(rows, k)))
        elif kind == "real":
            args.append(rng.normal(0.0, 8.0, size=rows * k))
        elif kind == "unit":
            args.append(rng.uniform(0.0, 1.0, size=rows * k))
        elif kind == "binary":
            args.append(rng.uniform(0.0, 1.0, size=rows * k))
        elif target == "index":
            args.append(rng.integers(0, k, size=rows))
        else:
            args.append(rng.dirichlet(np.ones(k), size=rows))
    return tuple(args)


def _target_kind(arg) -> str:
    import numpy as np

    return "index" if np.issubdtype(np.asarray(arg).dtype, np.integer) else "pmf"


def _cases(name, seed, samples, sizes, target, adversarial):
    import numpy as np

    from symbolic.numeric.adversarial import adversarial_suite

    rng = np.random.default_rng(seed)
    cases = [(f"random, k={k}", _random_arguments(name, rng, samples, k, target))
             for k in sizes]
    if adversarial:
        for label, args in adversarial_suite()[name]:
            if name == "cross_entropy_from_logits" and _target_kind(args[1]) != target:
                continue
            if _SIGNATURES[name] in (("unit", "binary"), ("real", "binary")):
                # elementwise losses: hand the user equal shapes, not broadcasting ones
                args = tuple(np.ascontiguousarray(a) for a in np.broadcast_arrays(*args))
            cases.append((label, args))
    return cases


def _call(fn, args, batched, out_shape):
    import numpy as np

    if batched:
        return np.asarray(fn(*args), dtype=np.float64)
    out = np.empty(out_shape)
    batch_ndim = len(out_shape)
    for index in np.ndindex(*out_shape[:batch_ndim]):
        row = tuple(_row(a, index) for a in args)
        out[index] = np.asarray(fn(*row), dtype=np.float64)
    return out


def _row(arg, index):
    import numpy as np

    arr = np.asarray(arg)
    return arr[index[: arr.ndim]] if arr.ndim else arr


def _worst_row_args(name, args, out_index, vector_out):
    import numpy as np

    batch_index = out_index[:-1] if vector_out else out_index
    rows = []
    for arg, kind in zip(args, _SIGNATURES[name]):
        arr = np.asarray(arg)
        event = _EVENT_AXES.get(kind)
        if event is None:
            event = 0 if np.issubdtype(arr.dtype, np.integer) else 1
        batch_ndim = arr.ndim - event
        rows.append(arr[batch_index[len(batch_index) - batch_ndim:]] if batch_ndim else arr)
    return tuple(rows)


def _describe(value) -> str:
    import numpy as np

    arr = np.asarray(value)
    if arr.ndim == 0:
        return repr(arr.item())
    return np.array2string(arr, separator=", ", threshold=20, max_line_width=10**9,
                           formatter={"float_kind": lambda v: repr(float(v))})


def assert_matches_reference(fn, name: str, *, ulps: float | None = None,
                             rtol: float = 1e-9, atol: float = 1e-12,
                             samples: int = 64, sizes=(2, 3, 10), seed: int = 0,
                             adversarial: bool = True, batched: bool = True,
                             target: str = "index") -> None:
    """Check ``fn`` against ``symbolic.numeric.<name>`` on random inputs
    (``samples`` rows for each support size in ``sizes``, from a generator
    seeded with ``seed``) and on the adversarial suite.

    ``fn`` takes the same positional arguments as the reference (numpy
    arrays) and returns one value per row; with ``batched=False`` it is called
    row by row.  For ``cross_entropy_from_logits`` choose the ``target`` kind:
    ``"index"`` (class indices) or ``"pmf"`` (soft labels).

    Tolerance: every value must satisfy ``|got - expected| <= atol + rtol *
    |expected|``, or, when ``ulps`` is given, be within ``ulps`` units in the
    last place of the 60-digit mpmath value (slower: every value is checked
    in high precision).  Infinities must match exactly; NaN always fails.

    On failure an ``AssertionError`` names the case, the worst input, both
    values and the error in ulps against the 60-digit value.

    >>> import numpy as np
    >>> def naive_sigmoid(x):
    ...     with np.errstate(over="ignore"):
    ...         return 1 / (1 + np.exp(-x))
    >>> assert_matches_reference(naive_sigmoid, "sigmoid")
    >>> def wrong_sigmoid(x):
    ...     return np.tanh(x)
    >>> try:
    ...     assert_matches_reference(wrong_sigmoid, "sigmoid")
    ... except AssertionError as error:
    ...     print(str(error).splitlines()[0])
    wrong_sigmoid does not match symbolic.numeric.sigmoid on 'random, k=2' (128 of 128 values outside the tolerance)
    """
    import mpmath
    import numpy as np

    import symbolic.numeric as numeric
    from symbolic.numeric.precise import precise, ulp_error

    if name not in _SIGNATURES:
        raise ValueError(f"name: no reference called {name!r}; choose one of {sorted(_SIGNATURES)}")
    if target not in ("index", "pmf"):
        raise ValueError(f"target: must be 'index' or 'pmf', got {target!r}")
    reference = getattr(numeric, name)
    vector_out = name in ("softmax", "log_softmax")
    label_fn = getattr(fn, "__name__", repr(fn))
    for label, args in _cases(name, seed, samples, tuple(sizes), target, adversarial):
        expected = np.asarray(reference(*args), dtype=np.float64)
        got = _call(fn, args, batched, expected.shape)
        if got.shape != expected.shape:
            raise AssertionError(
                f"{label_fn} returned shape {got.shape} on '{label}', the reference "
                f"{expected.shape} (one value per row, no reduction)")
        with np.errstate(invalid="ignore", over="ignore"):
            same_inf = np.isinf(expected) & (got == expected)
            error = np.where(same_inf, 0.0, np.abs(got - expected))
            if ulps is None:
                allowed = atol + rtol * np.abs(expected)
                excess = np.where(np.isnan(error), np.inf, error / np.where(allowed > 0, allowed, 1e-300))
                failing = ~(error <= allowed)
            else:
                exact = ulp_error(got, precise(name, *args))
                excess = exact / ulps if ulps > 0 else np.where(exact > 0, np.inf, 0.0)
                failing = ~(exact <= ulps)
        if not failing.any():
            continue
        worst = np.unravel_index(int(np.argmax(np.where(failing, excess, -1.0))), expected.shape)
        row_args = _worst_row_args(name, args, tuple(int(i) for i in worst), vector_out)
        exact_value = precise(name, *row_args)
        if vector_out:
            exact_value = exact_value[worst[-1]]
        else:
            exact_value = exact_value[()]
        in_ulps = ulp_error(np.array(got[worst]), np.array(exact_value, dtype=object))[()]
        tolerance = (f"{ulps:g} ulps" if ulps is not None else f"rtol={rtol:g}, atol={atol:g}")
        where = f", output index {int(worst[-1])}" if vector_out else ""
        raise AssertionError(
            f"{label_fn} does not match symbolic.numeric.{name} on '{label}' "
            f"({int(failing.sum())} of {failing.size} values outside the tolerance)\n"
            f"  worst input{where}: "
            + "; ".join(_describe(a) for a in row_args) + "\n"
            f"  got:       {float(got[worst])!r}\n"
            f"  expected:  {float(expected[worst])!r}"
            f" (60 digits: {mpmath.nstr(exact_value, 20)})\n"
            f"  error:     {float(error[worst]):.3g} absolute, {float(in_ulps):.3g} ulps\n"
            f"  tolerance: {tolerance}")


# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------

@pytest.fixture
def reference_seed() -> int:
    """Seed of the random inputs of ``matches_reference``; override it in a
    conftest.py to vary the inputs."""
    return 0


@pytest.fixture
def matches_reference(reference_seed):
    """:func:`assert_matches_reference` with ``seed=reference_seed``."""
    return functools.partial(assert_matches_reference, seed=reference_seed)


@pytest.fixture
def numeric_reference():
    """The :mod:`symbolic.numeric` module."""
    import symbolic.numeric

    return symbolic.numeric


@pytest.fixture(scope="session")
def adversarial_inputs():
    """``{function name: [(label, args), ...]}``, the adversarial suite."""
    from symbolic.numeric.adversarial import adversarial_suite

    return adversarial_suite()
