"""The figures of the book and the site, drawn with matplotlib from the
reference implementations in :mod:`symbolic.numeric`.

Each figure belongs to the derivation it illustrates (:data:`FIGURES`), and its
caption is a text of the translation catalogues (context ``figure``).  The
drawings carry only mathematical labels, so one file serves both languages.

>>> sorted(FIGURES)[:2]
['binary-entropy', 'jensen-bound-scatter']
>>> FIGURES["sigmoid-and-logit"].derivation
'sigmoid-is-inverse-logit'
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from symbolic import numeric

#: The seed of the random pairs of the Jensen figure (reproducible builds).
SEED = 20260314
PAIRS = 2000


@dataclass(frozen=True)
class Figure:
    """A figure: its file stem, its derivation, its caption (English) and how to draw it."""

    name: str
    derivation: str
    caption: str
    draw: Callable


def _axes(title_x, title_y):
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(5.2, 3.6), layout="constrained")
    ax.set_xlabel(title_x)
    ax.set_ylabel(title_y)
    ax.grid(True, alpha=0.3)
    return fig, ax


def sigmoid_and_logit():
    """σ and logit on one square plot, with the mirror line y = x."""
    fig, ax = _axes("$x$", "$y$")
    z = np.linspace(-6, 6, 400)
    p = np.linspace(0.0025, 0.9975, 400)
    ax.plot(z, numeric.sigmoid(z), label=r"$\sigma(x) = 1/(1+e^{-x})$")
    ax.plot(p, numeric.logit(p), label=r"$\operatorname{logit}(x) = \log\frac{x}{1-x}$")
    ax.plot([-6, 6], [-6, 6], ":", color="grey", label="$y = x$")
    ax.set(xlim=(-6, 6), ylim=(-6, 6), aspect="equal")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def binary_entropy():
    """H(p) of a Bernoulli(p) in bits."""
    fig, ax = _axes("$p$", r"$H(p)$ [bits]")
    p = np.linspace(0, 1, 401)
    ax.plot(p, numeric.entropy(np.stack([p, 1 - p], axis=-1), base=2))
    ax.axvline(0.5, ls=":", color="grey")
    ax.set(xlim=(0, 1), ylim=(0, 1.05))
    return fig


def kl_asymmetry(q: float = 0.2):
    """KL(p‖q) and KL(q‖p) for Bernoulli p against a fixed Bernoulli q."""
    fig, ax = _axes("$p$", "nats")
    p = np.linspace(0.01, 0.99, 197)
    bern = np.stack([p, 1 - p], axis=-1)
    fixed = np.broadcast_to([q, 1 - q], bern.shape)
    ax.plot(p, numeric.kl_divergence(bern, fixed), label=rf"$D_{{KL}}(p \,\|\, q)$, $q = {q}$")
    ax.plot(p, numeric.kl_divergence(fixed, bern), "--",
            label=rf"$D_{{KL}}(q \,\|\, p)$, $q = {q}$")
    ax.axvline(q, ls=":", color="grey")
    ax.set(xlim=(0, 1), ylim=(0, 3))
    ax.legend(fontsize=8)
    return fig


def jensen_pairs(pairs: int = PAIRS, seed: int = SEED):
    """(P(X = Y), e^{−H(p, q)}) for ``pairs`` random pairs of pmfs on 2..8 outcomes.

    >>> agree, bound = jensen_pairs(5)
    >>> bool(np.all(bound <= agree))
    True
    """
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for _ in range(pairs):
        k = int(rng.integers(2, 9))
        p = rng.dirichlet(np.full(k, rng.choice([0.3, 1.0, 5.0])))
        q = rng.dirichlet(np.full(k, rng.choice([0.3, 1.0, 5.0])))
        q = np.maximum(q, 1e-12) / np.maximum(q, 1e-12).sum()
        xs.append(float(np.sum(p * q)))
        ys.append(float(np.exp(-numeric.cross_entropy(p, q))))
    return np.array(xs), np.array(ys)


def jensen_scatter(pairs: int = PAIRS, seed: int = SEED):
    """e^{−H(p, q)} against P(X = Y) = Σ p q for random pairs of pmfs, and y = x."""
    xs, ys = jensen_pairs(pairs, seed)
    fig, ax = _axes("$P(X = Y) = \\sum_c p(c)\\,q(c)$", "$e^{-H(p, q)}$")
    ax.scatter(xs, ys, s=4, alpha=0.5, linewidths=0)
    ax.plot([0, 1], [0, 1], color="black", lw=1, label="$y = x$")
    ax.set(xlim=(0, 1), ylim=(0, 1), aspect="equal")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def one_hot_loss():
    """−log q_c against q_c."""
    fig, ax = _axes("$q_c$", "$-\\log q_c$ [nats]")
    q = np.linspace(0.005, 1, 400)
    ax.plot(q, -np.log(q))
    ax.set(xlim=(0, 1), ylim=(0, 5.5))
    return fig


def softmax_temperature(logits=(2.0, 1.0, 0.1), temperatures=(0.25, 0.5, 1.0, 2.0, 5.0)):
    """softmax(z / T) of three logits, one group of bars per temperature."""
    fig, ax = _axes("$T$", "softmax$(z / T)_i$")
    z = np.asarray(logits)
    width = 0.8 / len(z)
    probs = np.array([numeric.softmax(z / t) for t in temperatures])
    for i in range(len(z)):
        ax.bar(np.arange(len(temperatures)) + (i - 1) * width, probs[:, i], width,
               label=f"$z_{i + 1} = {z[i]:g}$")
    ax.set_xticks(np.arange(len(temperatures)), [f"{t:g}" for t in temperatures])
    ax.set(ylim=(0, 1))
    ax.legend(fontsize=8)
    return fig


def _figures():
    from derivations.i18n.ui import FIGURES as CAPTIONS
    specs = (("sigmoid-and-logit", "sigmoid-is-inverse-logit", sigmoid_and_logit),
             ("binary-entropy", "coin-entropies-in-bits", binary_entropy),
             ("kl-asymmetry", "kl-divergence-is-asymmetric", kl_asymmetry),
             ("jensen-bound-scatter", "jensen-bound-on-agreement", jensen_scatter),
             ("one-hot-loss", "one-hot-cross-entropy-is-nll", one_hot_loss),
             ("softmax-temperature", "softmax-is-odds-over-sum-of-odds", softmax_temperature))
    return {name: Figure(name, derivation, caption, draw)
            for (name, derivation, draw), caption in zip(specs, CAPTIONS)}


FIGURES = _figures()


def for_derivation(name: str) -> list:
    """The figures that illustrate derivation ``name``.

    >>> [f.name for f in for_derivation("kl-divergence-is-asymmetric")]
    ['kl-asymmetry']
    """
    return [f for f in FIGURES.values() if f.derivation == name]


def write_figures(out: Path, fmt: str = "svg") -> list:
    """Draw every figure into ``out`` as ``NAME.fmt``; the paths written.

    SVG and PDF output is reproducible: no date in the metadata, fixed ids.

    >>> import tempfile
    >>> [p.name for p in write_figures(Path(tempfile.mkdtemp()), "svg")][:2]
    ['sigmoid-and-logit.svg', 'binary-entropy.svg']
    """
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    out.mkdir(parents=True, exist_ok=True)
    written = []
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}
    with matplotlib.rc_context({"svg.hashsalt": "infoderive", "svg.fonttype": "path"}):
        for figure in FIGURES.values():
            fig = figure.draw()
            path = out / f"{figure.name}.{fmt}"
            fig.savefig(path, format=fmt, metadata=metadata.get(fmt))
            plt.close(fig)
            written.append(path)
    return written
