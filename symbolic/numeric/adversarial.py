"""The adversarial input suite: hard but valid inputs for every function.

Large logits (±1e3, ±1e4), a dominant logit whose cross-entropy is ~1e-25,
probabilities down to 1e-300, nearly equal pmfs, K up to 1e5, soft labels near
0 and 1, plus ordinary random rows.  Deterministic (one seeded generator), so
a reported failure can be reproduced.

>>> suite = adversarial_suite()
>>> sorted(suite) == sorted(NAMES)
True
>>> label, args = suite["cross_entropy_from_logits"][0]
>>> label
'random logits, class indices'
"""
from __future__ import annotations

import numpy as np

from .precise import NAMES

SEED = 20251124


def _normalised(rows: np.ndarray) -> np.ndarray:
    return rows / rows.sum(axis=-1, keepdims=True)


def _pmfs(rng) -> list[tuple[str, np.ndarray]]:
    tiny = np.array([1e-300, 1e-200, 1e-100, 1e-20, 1e-10, 0.0])
    tiny_row = np.concatenate([tiny, [1.0 - tiny.sum() - 0.25, 0.25]])
    return [
        ("dirichlet(1), K=10", _normalised(rng.dirichlet(np.ones(10), size=6))),
        ("sparse dirichlet(0.05), K=16", _normalised(rng.dirichlet(np.full(16, 0.05), size=6))),
        ("concentrated dirichlet(50), K=3", _normalised(rng.dirichlet(np.full(3, 50.0), size=6))),
        ("probabilities down to 1e-300", tiny_row[None, :]),
        ("one-hot and uniform", np.array([[0.0, 1.0, 0.0, 0.0], [0.25] * 4])),
        ("near-degenerate", np.array([[1.0 - 1e-15, 1e-15], [1e-300, 1.0]])),
    ]


def _close_pairs(rng) -> list[tuple[str, np.ndarray, np.ndarray]]:
    pairs = []
    for delta in (1e-3, 1e-8, 1e-13):
        p = _normalised(rng.dirichlet(np.ones(8), size=4))
        q = _normalised(p * (1.0 + delta * rng.standard_normal(p.shape)))
        pairs.append((f"p ≈ q (relative {delta:g})", p, q))
    p = np.array([[0.5, 0.5]])
    pairs.append(("p ≈ q, one ulp apart", p, np.array([[0.5 + 2**-53, 0.5 - 2**-53]])))
    # two outcomes with p1/q1 around 1/4, 1/3, 1/2, 2, 3, 4: where the
    # per-term form switches between series and direct evaluation
    ratio = np.repeat([0.25, 1 / 3, 0.5, 2.0, 3.0, 4.0], 8) * rng.uniform(0.97, 1.03, 48)
    a = rng.uniform(0.01, 0.2, 48) * np.minimum(1.0, ratio)
    b = a / ratio
    pairs.append(("two outcomes, p1/q1 near 1/4 … 4", np.stack([a, 1 - a], -1),
                  np.stack([b, 1 - b], -1)))
    return pairs


def _logit_rows(rng) -> list[tuple[str, np.ndarray]]:
    dominant = np.array([[0.0, -57.5646273248511, -60.0, -80.0],
                         [30.0, -27.6, -40.0, 2.0],
                         [1e3, 0.0, -1e3, 940.0]])
    return [
        ("random logits", rng.normal(0.0, 3.0, size=(6, 10))),
        ("logits ±1e3", rng.uniform(-1e3, 1e3, size=(4, 12))),
        ("logits ±1e4", rng.uniform(-1e4, 1e4, size=(4, 12))),
        ("one dominant logit", dominant),
        ("ties and -inf", np.array([[2.0, 2.0, -np.inf, 0.5]])),
    ]


def _joints(rng) -> list[tuple[str, np.ndarray]]:
    nearly_deterministic = np.array([[0.5 - 1e-12, 1e-12], [3e-15, 0.5 - 3e-15]])
    return [
        ("dirichlet(1), 3x4", _normalised(rng.dirichlet(np.ones(12), size=4)).reshape(4, 3, 4)),
        ("sparse dirichlet(0.1), 5x5",
         _normalised(rng.dirichlet(np.full(25, 0.1), size=3)).reshape(3, 5, 5)),
        ("nearly deterministic Y given X", nearly_deterministic[None]),
        ("with zeros", np.array([[[0.5, 0.0], [0.0, 0.5]], [[0.25, 0.25], [0.5, 0.0]]])),
    ]


def adversarial_suite(large_k: int = 0) -> dict[str, list[tuple[str, tuple]]]:
    """``{function name: [(label, args), ...]}`` for every function of
    :mod:`symbolic.numeric`; ``large_k`` > 0 adds one row of that many classes
    to the row-wise functions (the accuracy benchmark uses 100000)."""
    rng = np.random.default_rng(SEED)
    pmfs = _pmfs(rng)
    close = _close_pairs(rng)
    logit_rows = _logit_rows(rng)
    joints = _joints(rng)
    suite: dict[str, list[tuple[str, tuple]]] = {}

    suite["entropy"] = [(label, (p,)) for label, p in pmfs]
    pairs = []
    for (label_p, p), (label_q, q) in zip(pmfs, pmfs[1:] + pmfs[:1]):
        k = min(p.shape[-1], q.shape[-1])
        p2 = _normalised(p[:, :k] + 1e-3)
        q2 = _normalised(q[:, :k] + 1e-3)
        n = min(len(p2), len(q2))
        pairs.append((f"{label_p} vs {label_q} (smoothed)", p2[:n], q2[:n]))
    pairs += [(label, p, q) for label, p, q in close]
    pairs.append(("q has zeros where p has none", np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]])))
    pairs.append(("p and q down to 1e-300", pmfs[3][1], pmfs[3][1][:, ::-1].copy()))
    suite["cross_entropy"] = [(label, (p, q)) for label, p, q in pairs]
    suite["kl_divergence"] = [(label, (p, q)) for label, p, q in pairs]

    suite["joint_entropy"] = [(label, (j,)) for label, j in joints]
    suite["conditional_entropy"] = [(label, (j,)) for label, j in joints]
    suite["mutual_information"] = [(label, (j,)) for label, j in joints]

    suite["sigmoid"] = [
        ("random", (rng.normal(0.0, 5.0, size=16),)),
        ("tails", (np.array([-1e4, -745.0, -700.0, -40.0, -1e-20, -1e-300, 0.0,
                             1e-300, 1e-20, 20.0, 36.0, 40.0, 700.0, 1e4]),)),
    ]
    suite["logit"] = [
        ("random", (rng.uniform(0.0, 1.0, size=16),)),
        ("edges", (np.array([1e-300, 1e-20, 0.1, 0.25, 0.3, 0.4999999, 0.5, 0.5000001,
                             0.75, 0.9, 1.0 - 1e-12, 1.0 - 2**-53]),)),
    ]
    for name in ("softmax", "log_softmax", "logsumexp"):
        suite[name] = [(label, (x,)) for label, x in logit_rows]

    ce = []
    for label, x in logit_rows:
        ce.append((f"{label}, class indices", (x, np.argmax(x, axis=-1))))
        ce.append((f"{label}, other class", (x, (np.argmax(x, axis=-1) + 1) % x.shape[-1])))
        soft = _normalised(rng.dirichlet(np.ones(x.shape[-1]), size=x.shape[0]))
        ce.append((f"{label}, soft labels", (x, soft)))
    suite["cross_entropy_from_logits"] = ce

    probs = np.array([1e-300, 1e-20, 1e-8, 0.1, 0.5, 0.9, 1.0 - 1e-8, 1.0 - 2**-53])
    soft_targets = np.array([0.0, 1e-12, 1e-3, 0.5, 1.0 - 1e-12, 1.0])
    suite["binary_cross_entropy"] = [
        ("random", (rng.uniform(0.0, 1.0, 16), rng.uniform(0.0, 1.0, 16))),
        ("hard labels", (probs, (np.arange(probs.size) % 2).astype(float))),
        ("soft labels near 0 and 1", (probs[:, None], soft_targets[None, :])),
    ]
    z = np.array([-1e4, -1e3, -40.0, -1.0, -1e-20, 0.0, 1e-20, 1.0, 40.0, 1e3, 1e4])
    suite["binary_cross_entropy_with_logits"] = [
        ("random", (rng.normal(0.0, 5.0, 16), rng.uniform(0.0, 1.0, 16))),
        ("hard labels", (z, (np.arange(z.size) % 2).astype(float))),
        ("soft labels near 0 and 1", (z[:, None], soft_targets[None, :])),
    ]

    if large_k:
        p = _normalised(rng.dirichlet(np.ones(large_k), size=1))
        q = _normalised(rng.dirichlet(np.ones(large_k), size=1))
        x = rng.normal(0.0, 10.0, size=(1, large_k))
        label = f"K={large_k}"
        suite["entropy"].append((label, (p,)))
        suite["cross_entropy"].append((label, (p, q)))
        suite["kl_divergence"].append((label, (p, q)))
        for name in ("logsumexp", "log_softmax", "softmax"):
            suite[name].append((label, (x,)))
        suite["cross_entropy_from_logits"].append((label, (x, np.array([3]))))
    assert sorted(suite) == sorted(NAMES)
    return suite
