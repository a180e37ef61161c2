"""Information-theory quantities as SymPy functions.

Every quantity is an immutable ``Function`` whose whole state is in ``args``;
``doit()`` expands it to its definition as sums over the finite support, which
may be concrete (2, 3, …) or symbolic (``K``).  LaTeX lives in
:mod:`symbolic.printing.latex`, not here.

>>> from symbolic.objects import pmf, support_size
>>> K = support_size("K")
>>> p, q = pmf("p", K), pmf("q", K)
>>> KLDivergence(p, q).doit()
Sum(log(p[k]/q[k])*p[k], (k, 1, K))
>>> CrossEntropy(p, q).doit()
-Sum(log(q[k])*p[k], (k, 1, K))
"""
from __future__ import annotations

import sympy as sp

from symbolic.bound_indices import bound_index as _bound_index
from symbolic.bound_indices import differentiate, names_taken  # noqa: F401  (public here too)
from symbolic.bound_indices import support_of as _size

_NONNEGATIVE = sp.Interval(0, sp.oo)
_REAL = sp.S.Reals
_UNIT = sp.Interval(0, 1)


class Quantity(sp.Function):
    """Base of the quantities: ``doit()`` returns ``definition()``, expanded.

    ``value_range`` is the set every value of the quantity lies in; the
    equivalence checker uses it when it treats a quantity as an unknown.
    """

    value_range = _REAL
    is_real = True

    def definition(self) -> sp.Expr:  # pragma: no cover - every subclass overrides
        raise NotImplementedError(type(self).__name__)

    def doit(self, **hints):
        if hints.get("deep", True):
            return self.definition().doit(**hints)
        return self.definition()


class _PmfMeasure(Quantity):
    """A measure of one or two pmfs over the same support."""

    nargs = (1, 2)
    value_range = _NONNEGATIVE

    def _sum(self, body):
        size = _size(self.args[0])
        k = _bound_index(size, self.free_symbols)
        return sp.Sum(body(k), (k, 1, size))


class Entropy(_PmfMeasure):
    """Shannon entropy H(p) = −Σ_k p_k log p_k (nats)."""

    nargs = 1

    def definition(self):
        (p,) = self.args
        return -self._sum(lambda k: p[k] * sp.log(p[k]))


class CrossEntropy(_PmfMeasure):
    """Cross-entropy H(p, q) = −Σ_k p_k log q_k."""

    nargs = 2

    def definition(self):
        p, q = self.args
        return -self._sum(lambda k: p[k] * sp.log(q[k]))


class KLDivergence(_PmfMeasure):
    """Kullback–Leibler divergence D(p‖q) = Σ_k p_k log(p_k / q_k)."""

    nargs = 2

    def definition(self):
        p, q = self.args
        return self._sum(lambda k: p[k] * sp.log(p[k] / q[k]))


class MixtureDivergence(_PmfMeasure):
    """D(p ‖ m), the divergence of p from m = (p + q)/2, the mixture of p and q."""

    nargs = 2

    def definition(self):
        p, q = self.args
        return self._sum(lambda k: p[k] * sp.log(2 * p[k] / (p[k] + q[k])))


class JensenShannon(_PmfMeasure):
    """Jensen–Shannon divergence ½ D(p‖m) + ½ D(q‖m), with m = (p + q)/2 (at most log 2).

    >>> from symbolic.objects import pmf
    >>> p, q = pmf("p", 2), pmf("q", 2)
    >>> half = sp.Rational(1, 2)
    >>> JensenShannon(p, q).doit().subs({p[1]: half, p[2]: half, q[1]: half, q[2]: half})
    0
    """

    nargs = 2

    def definition(self):
        p, q = self.args
        return (MixtureDivergence(p, q).definition() + MixtureDivergence(q, p).definition()) / 2


class AgreementProbability(Quantity):
    """P(X = Y) = Σ_k p_k q_k for independent X ~ p and Y ~ q.

    The optional third and fourth arguments name the random variables for
    printing only.
    """

    nargs = (2, 4)
    value_range = _UNIT

    def definition(self):
        p, q = self.args[:2]
        size = _size(p)
        k = _bound_index(size, self.free_symbols)
        return sp.Sum(p[k] * q[k], (k, 1, size))


class _JointMeasure(Quantity):
    """A measure of a joint pmf P[x, y] of random variables X and Y.

    Arguments: the joint pmf, then (optionally) the symbols naming X and Y.
    """

    nargs = (1, 3)
    value_range = _NONNEGATIVE

    @property
    def joint(self):
        return self.args[0]

    @property
    def variable_names(self):
        if len(self.args) == 3:
            return self.args[1], self.args[2]
        return sp.Symbol("X"), sp.Symbol("Y")

    def _indices(self):
        kx, ky = _size(self.joint, 0), _size(self.joint, 1)
        x = _bound_index(kx, self.free_symbols, "x")
        y = _bound_index(ky, self.free_symbols | {x}, "y")
        return x, kx, y, ky

    def marginal_x(self, x, y2):
        return sp.Sum(self.joint[x, y2], (y2, 1, _size(self.joint, 1)))

    def marginal_y(self, y, x2):
        return sp.Sum(self.joint[x2, y], (x2, 1, _size(self.joint, 0)))


class JointEntropy(_JointMeasure):
    """H(X, Y) = −Σ_{x,y} P(x, y) log P(x, y)."""

    def definition(self):
        x, kx, y, ky = self._indices()
        P = self.joint
        return -sp.Sum(P[x, y] * sp.log(P[x, y]), (x, 1, kx), (y, 1, ky))


class MarginalEntropyX(_JointMeasure):
    """H(X) = −Σ_x P(x) log P(x), with P(x) = Σ_y P(x, y)."""

    def definition(self):
        x, kx, y, _ = self._indices()
        px = self.marginal_x(x, y)
        return -sp.Sum(px * sp.log(px), (x, 1, kx))


class MarginalEntropyY(_JointMeasure):
    """H(Y) = −Σ_y P(y) log P(y), with P(y) = Σ_x P(x, y)."""

    def definition(self):
        x, _, y, ky = self._indices()
        py = self.marginal_y(y, x)
        return -sp.Sum(py * sp.log(py), (y, 1, ky))


class ConditionalEntropyYX(_JointMeasure):
    """H(Y | X) = −Σ_{x,y} P(x, y) log (P(x, y) / P(x))."""

    def definition(self):
        x, kx, y, ky = self._indices()
        P = self.joint
        y2 = _bound_index(ky, self.free_symbols | {x, y}, "j")
        px = self.marginal_x(x, y2)
        return -sp.Sum(P[x, y] * sp.log(P[x, y] / px), (x, 1, kx), (y, 1, ky))


class ConditionalEntropyXY(_JointMeasure):
    """H(X | Y) = −Σ_{x,y} P(x, y) log (P(x, y) / P(y))."""

    def definition(self):
        x, kx, y, ky = self._indices()
        P = self.joint
        x2 = _bound_index(kx, self.free_symbols | {x, y}, "i")
        py = self.marginal_y(y, x2)
        return -sp.Sum(P[x, y] * sp.log(P[x, y] / py), (x, 1, kx), (y, 1, ky))


class MutualInformation(_JointMeasure):
    """I(X; Y) = Σ_{x,y} P(x, y) log (P(x, y) / (P(x) P(y)))."""

    def definition(self):
        x, kx, y, ky = self._indices()
        P = self.joint
        i = _bound_index(kx, self.free_symbols | {x, y}, "i")
        j = _bound_index(ky, self.free_symbols | {x, y, i}, "j")
        px, py = self.marginal_x(x, j), self.marginal_y(y, i)
        return sp.Sum(P[x, y] * sp.log(P[x, y] / (px * py)), (x, 1, kx), (y, 1, ky))


class Sigmoid(Quantity):
    """The logistic sigmoid σ(z) = 1 / (1 + e^{−z})."""

    nargs = 1
    value_range = _UNIT

    def definition(self):
        return 1 / (1 + sp.exp(-self.args[0]))

    def fdiff(self, argindex=1):
        return self * (1 - self)


class Logit(Quantity):
    """The log-odds logit(p) = log(p / (1 − p)), the inverse of the sigmoid."""

    nargs = 1

    def definition(self):
        p = self.args[0]
        return sp.log(p / (1 - p))


class Odds(Quantity):
    """The odds p / (1 − p) of an event of probability p."""

    nargs = 1
    value_range = _NONNEGATIVE

    def definition(self):
        p = self.args[0]
        return p / (1 - p)


class _VectorFunction(Quantity):
    """A function of a whole score vector z (its size is z's shape)."""

    def _eval_derivative(self, s):
        """∂/∂z_k through the definition (SymPy's chain rule would take ∂z/∂z_k = 0), its sum
        on an index other than k.

        >>> from symbolic.objects import index
        >>> z, k = sp.IndexedBase("z", shape=(2,)), index("k")
        >>> Softmax(z, 1).diff(z[k])
        exp(z[1])*KroneckerDelta(1, k)/Sum(exp(z[j]), (j, 1, 2)) - exp(z[1])*Sum(exp(z[j])*KroneckerDelta(j, k), (j, 1, 2))/Sum(exp(z[j]), (j, 1, 2))**2
        """
        with names_taken(s):
            body = self.definition()
        return body.diff(s)

    def _sum(self, body, extra_avoid=frozenset()):
        z = self.args[0]
        size = _size(z)
        k = _bound_index(size, self.free_symbols | set(extra_avoid))
        return sp.Sum(body(k), (k, 1, size))


class LogSumExp(_VectorFunction):
    """log Σ_k e^{z_k}."""

    nargs = 1

    def definition(self):
        z = self.args[0]
        return sp.log(self._sum(lambda k: sp.exp(z[k])))


class Softmax(_VectorFunction):
    """Component i of softmax(z): e^{z_i} / Σ_k e^{z_k}."""

    nargs = 2
    value_range = _UNIT

    def definition(self):
        z, i = self.args
        return sp.exp(z[i]) / self._sum(lambda k: sp.exp(z[k]))


class LogSoftmax(_VectorFunction):
    """Component i of log-softmax(z): z_i − log Σ_k e^{z_k}."""

    nargs = 2
    value_range = sp.Interval(-sp.oo, 0)

    def definition(self):
        z, i = self.args
        return z[i] - sp.log(self._sum(lambda k: sp.exp(z[k])))


class BinaryCrossEntropy(Quantity):
    """BCE(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ)), PyTorch's argument order."""

    nargs = 2
    value_range = _NONNEGATIVE

    def definition(self):
        yhat, y = self.args
        return -(y * sp.log(yhat) + (1 - y) * sp.log(1 - yhat))


class Information(Quantity):
    """Shannon information (surprisal) h = −log p of an event of probability p."""

    nargs = 1
    value_range = _NONNEGATIVE

    def definition(self):
        return -sp.log(self.args[0])


class StatedDecimal(Quantity):
    """A decimal number as a document states it: StatedDecimal(287, 3) is 0.287.

    Its value is the exact rational; the number of digits after the point is
    kept so a check can accept the rounding a document did (one unit in the
    last stated digit).

    >>> StatedDecimal(287, 3).doit()
    287/1000
    >>> StatedDecimal.from_text("0.287").digits
    3
    """

    nargs = 2
    is_rational = True

    @classmethod
    def from_text(cls, text: str) -> "StatedDecimal":
        """Read ``"0.287"``, ``"-1.1769392"`` or ``"36"`` exactly.

        >>> StatedDecimal.from_text("-1.50")
        StatedDecimal(-150, 2)
        """
        sign = -1 if text.strip().startswith("-") else 1
        body = text.strip().lstrip("+-")
        whole, _, frac = body.partition(".")
        if not (whole or frac) or not (whole + frac).isdigit():
            raise ValueError(f"not a decimal number: {text!r}")
        return cls(sign * int(whole + frac or "0"), len(frac))

    @property
    def digits(self) -> int:
        return int(self.args[1])

    def definition(self):
        mantissa, digits = self.args
        return sp.Rational(mantissa, 10**int(digits))

    def _eval_evalf(self, prec):
        return self.definition()._eval_evalf(prec)


QUANTITIES = (
    Entropy, CrossEntropy, KLDivergence, AgreementProbability, JointEntropy,
    MarginalEntropyX, MarginalEntropyY, ConditionalEntropyYX, ConditionalEntropyXY,
    MutualInformation, Sigmoid, Logit, Odds, LogSumExp, Softmax, LogSoftmax,
    BinaryCrossEntropy, Information, StatedDecimal,
)


def expand_quantities(expr: sp.Basic, kinds=None) -> sp.Basic:
    """Replace every quantity (or every one of ``kinds``) by its definition, again until none
    is left, leaving the rest untouched.

    >>> from sympy import Symbol
    >>> expand_quantities(Sigmoid(Symbol("z")) + 1)
    1 + 1/(1 + exp(-z))
    >>> expand_quantities(Sigmoid(Symbol("z")) + Logit(Symbol("p")), kinds=(Logit,))
    log(p/(1 - p)) + Sigmoid(z)
    """
    kinds = kinds or Quantity
    with names_taken(expr):
        previous = None
        while previous != expr:
            previous = expr
            expr = expr.replace(lambda e: isinstance(e, kinds), lambda e: e.definition())
    return expr
