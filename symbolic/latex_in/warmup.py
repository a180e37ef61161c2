r"""Warm the LaTeX parser once in the parent, before reading workers are forked.

Every relation of a document is read in a forked worker (a hostile one must
not hang the run), and a fork starts from the parent's memory: whatever the
parser learns in a worker is lost when the worker exits.  The parser is
ANTLR's: it predicts with an ATN simulation and caches what it predicted in
DFAs shared by every parser of the process, so a cold parse of a relation
costs several times a warm one, and its first use imports and deserialises the
grammar (about 0.1 s).  :func:`warm` reads a fixed list of relations written in
the notation of docs/latex.md, in the parent, once per process, so every worker
starts warm.  The list is fixed text, never the user's, so this cannot hang.
It also installs :mod:`symbolic.latex_in.parses` (a text parsed again is not
parsed again).

Lint reads each document in one resident child (:mod:`symbolic.resident`), which
warms up on the document itself: lint calls :func:`prepare` only, and saves the
examples' second of reading before anything runs in parallel.  The fuzzer, which
forks a reader per case, warms.

>>> warm()
>>> warm.done
True
"""
from __future__ import annotations

EXAMPLES = (
    r"H(p, q) = -\sum_x p(x) \log q(x) = H(p) + D_{KL}(p \| q)",
    r"D_{\mathrm{KL}}(P \;\|\; Q) = \sum_{x \in \mathcal{X}} P(x) \log \frac{P(x)}{Q(x)} \ge 0",
    r"H(Y|X) = -\sum_{x, y} P(x, y) \log P(y|x) = H(X, Y) - H(X)",
    r"I(X;Y) = H(X) - H(Y \mid X) \le \log_2 |\mathcal{X}|",
    r"\sigma(z) = \frac{1}{1 + e^{-z}} = \dfrac{e^{z}}{1 + \exp(z)}",
    r"\mathrm{logit}(p) = \ln \left( \frac{p}{1 - p} \right)",
    r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_{k=1}^K e^{z_k}}",
    r"L = -\sum_{c=1}^{C} y_c \log \hat{y}_c \approx 0.287",
    r"\mathbb{E}_{x \sim p}[-\log q(x)] = \prod_{i=1}^n \hat{y}_i^{y_i} (1 - \hat{y}_i)^{1 - y_i}",
    r"\frac{\partial}{\partial z_k} \log \sum_{j} e^{z_j} = \frac{d}{dz} \sigma(z) \cdot 2",
    r"x = \mathrm{logit}(y) \Leftrightarrow e^x = \frac{y}{1 - y} \iff y = \sigma(x)",
    r"-(0.9 \cdot \log_{2}(0.9) + 0.1 \cdot \log_2 0.1) \neq 0.5 < 1",
)


def prepare() -> None:
    """Import the parser and keep its answers (:mod:`symbolic.latex_in.parses`), in this
    process, before it forks: what lint needs, whose documents are each read by one
    resident child (:mod:`symbolic.resident`) that warms up on the document itself.

    >>> prepare()
    >>> import latex2sympy2_extended; latex2sympy2_extended.latex2sympy.__module__
    'symbolic.latex_in.parses'
    """
    from symbolic.latex_in.parses import install
    install()                        # a text parsed again gets its first parse's answer


def warm() -> None:
    """:func:`prepare`, then read :data:`EXAMPLES` once in this process; errors are
    ignored (a reader that cannot read them is merely not warmed)."""
    if warm.done:
        return
    warm.done = True
    prepare()
    from symbolic.latex_in.chains import read_chain
    from symbolic.latex_in.errors import LatexReadError
    from symbolic.latex_in.parse import Reader
    from symbolic.latex_in.semantics import Semantics
    for text in EXAMPLES:
        try:
            read_chain(text, Reader(Semantics()), document=True)
        except (LatexReadError, ValueError, TypeError, ArithmeticError):
            pass


warm.done = False
