"""The same functions as PyTorch, SciPy and the naive textbook formula compute
them, on numpy inputs, for the benchmarks.  A library without an equivalent
is missing from its table (shown as "—")."""
from __future__ import annotations

import numpy as np


def _is_index(target) -> bool:
    return np.issubdtype(np.asarray(target).dtype, np.integer)


def naive() -> dict:
    """Textbook formulas, written the way they are on the blackboard."""
    def softmax(x):
        e = np.exp(x)
        return e / e.sum(-1, keepdims=True)

    def entropy(p):
        return -(p * np.log(p)).sum(-1)

    def ce_logits(x, t):
        log_p = np.log(softmax(x))
        if _is_index(t):
            return -np.take_along_axis(log_p, np.asarray(t)[..., None], -1)[..., 0]
        return -(t * log_p).sum(-1)

    def bce(p, y):
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    def flat(pxy):
        return pxy.reshape(pxy.shape[:-2] + (-1,))

    return {
        "entropy": entropy,
        "cross_entropy": lambda p, q: -(p * np.log(q)).sum(-1),
        "kl_divergence": lambda p, q: (p * np.log(p / q)).sum(-1),
        "joint_entropy": lambda pxy: entropy(flat(pxy)),
        "conditional_entropy": lambda pxy: entropy(flat(pxy)) - entropy(pxy.sum(-1)),
        "mutual_information": lambda pxy: (pxy * np.log(
            pxy / (pxy.sum(-1)[..., :, None] * pxy.sum(-2)[..., None, :]))).sum((-2, -1)),
        "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
        "logit": lambda p: np.log(p / (1 - p)),
        "softmax": softmax,
        "log_softmax": lambda x: np.log(softmax(x)),
        "logsumexp": lambda x: np.log(np.exp(x).sum(-1)),
        "cross_entropy_from_logits": ce_logits,
        "binary_cross_entropy": bce,
        "binary_cross_entropy_with_logits": lambda z, y: bce(1 / (1 + np.exp(-z)), y),
    }


def scipy_functions() -> dict:
    from scipy import special, stats

    def flat(pxy):
        return pxy.reshape(pxy.shape[:-2] + (-1,))

    def ce_logits(x, t):
        log_p = special.log_softmax(x, axis=-1)
        if _is_index(t):
            return -np.take_along_axis(log_p, np.asarray(t)[..., None], -1)[..., 0]
        return -(t * log_p).sum(-1)

    def h(p):
        return stats.entropy(p, axis=-1)

    return {
        "entropy": h,
        "cross_entropy": lambda p, q: -special.xlogy(p, q).sum(-1),
        "kl_divergence": lambda p, q: special.rel_entr(p, q).sum(-1),
        "joint_entropy": lambda pxy: h(flat(pxy)),
        "conditional_entropy": lambda pxy: h(flat(pxy)) - h(pxy.sum(-1)),
        "mutual_information": lambda pxy: h(pxy.sum(-1)) + h(pxy.sum(-2)) - h(flat(pxy)),
        "sigmoid": special.expit,
        "logit": special.logit,
        "softmax": lambda x: special.softmax(x, axis=-1),
        "log_softmax": lambda x: special.log_softmax(x, axis=-1),
        "logsumexp": lambda x: special.logsumexp(x, axis=-1),
        "cross_entropy_from_logits": ce_logits,
        "binary_cross_entropy": lambda p, y: -(special.xlogy(y, p) + special.xlog1py(1 - y, -p)),
        "binary_cross_entropy_with_logits":
            lambda z, y: -(y * special.log_expit(z) + (1 - y) * special.log_expit(-z)),
    }


def torch_functions() -> dict:
    import torch

    F = torch.nn.functional
    torch.set_num_threads(1)

    def t(a):
        return torch.as_tensor(np.asarray(a))

    def h(p):
        return torch.special.entr(t(p)).sum(-1)

    def flat(pxy):
        return pxy.reshape(pxy.shape[:-2] + (-1,))

    def ce_logits(x, target):
        target = t(target)
        target = target.long() if not target.is_floating_point() else target
        return F.cross_entropy(t(x), target, reduction="none")

    table = {
        "entropy": h,
        "cross_entropy": lambda p, q: -torch.special.xlogy(t(p), t(q)).sum(-1),
        "kl_divergence": lambda p, q: F.kl_div(torch.log(t(q)), t(p), reduction="none").sum(-1),
        "joint_entropy": lambda pxy: h(flat(pxy)),
        "conditional_entropy": lambda pxy: h(flat(pxy)) - h(pxy.sum(-1)),
        "mutual_information": lambda pxy: h(pxy.sum(-1)) + h(pxy.sum(-2)) - h(flat(pxy)),
        "sigmoid": lambda x: torch.sigmoid(t(x)),
        "logit": lambda p: torch.logit(t(p)),
        "softmax": lambda x: torch.softmax(t(x), -1),
        "log_softmax": lambda x: torch.log_softmax(t(x), -1),
        "logsumexp": lambda x: torch.logsumexp(t(x), -1),
        "cross_entropy_from_logits": ce_logits,
        # PyTorch wants equal shapes here: broadcast first
        "binary_cross_entropy": lambda p, y: F.binary_cross_entropy(
            *(t(np.ascontiguousarray(a)) for a in np.broadcast_arrays(p, y)), reduction="none"),
        "binary_cross_entropy_with_logits": lambda z, y: F.binary_cross_entropy_with_logits(
            *(t(np.ascontiguousarray(a)) for a in np.broadcast_arrays(z, y)), reduction="none"),
    }
    return {name: (lambda fn: lambda *args: fn(*args).numpy())(fn) for name, fn in table.items()}
