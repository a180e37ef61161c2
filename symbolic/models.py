"""Models with parameters θ fitted to a data set: the quantities and their reading.

What a relation about models means (docs/latex.md, "Models with parameters"):

* a **data set** (x_i, y_i), i = 1..N, of outcomes of finite supports: the object
  :data:`DATA`, a :class:`~symbolic.objects.DataSet` drawn by :mod:`symbolic.context`;
* a **model** ``p_model(y_i | x_i, θ)``: a conditional pmf table whose dependence on θ is
  arbitrary — each value of θ is its own table, a
  :class:`~symbolic.objects.ParameterTables` indexed by the parameter :data:`THETA`;
* the **empirical distribution** ``p̂_data``: 1/N at each data point, so
  ``p̂_data(y_i|x_i)`` = count(x_i, y_i) / count(x_i);
* the likelihood Π_i p_model(y_i | x_i, θ), and ``H(p̂_data, p_model)`` and
  ``D_KL(p̂_data ‖ p_model)`` averaged over the empirical pairs;
* ``ArgMin(A)``: the set of minimisers of A over θ (argmax A is ArgMin(−A));
* :data:`CONST`: a term that does not depend on θ (it may depend on the data).

Each of :class:`Conditional`, :class:`Marginal`, :class:`Likelihood`,
:class:`ModelCrossEntropy` and :class:`ModelKL` is a
:class:`~symbolic.quantities.Quantity`: the one evaluator walks its definition.
The checks are in :mod:`symbolic.model_checks`.

>>> p = model_symbol("p_model")
>>> Conditional(p, 2).definition()
p_model[§θ, §D[2, 1], §D[2, 2]]
>>> is_model_claim(Likelihood(p), 1), is_model_claim(sp.Symbol("x"), 1)
(True, False)
"""
from __future__ import annotations

import sympy as sp
from sympy.core.symbol import Str

from symbolic.context import DATA_SUPPORTS
from symbolic.objects import data_set, index, parameter_tables, support_size
from symbolic.quantities import Quantity

DATA_SIZE = support_size("N")
#: Names that stand for the size of the data set in a relation about models.
DATA_SIZE_NAMES = frozenset({"n", "N", "m", "M"})
CONST = sp.Symbol("const", real=True)
EMPIRICAL = "hatp_data"
#: Parameter values (tables) drawn per data set.
THETAS = 8
#: Internal names: the reader never produces a symbol named with a '§'.
THETA = sp.Symbol("§θ", integer=True, positive=True)
DATA = data_set("§D", DATA_SIZE)
_I, _J = index("i"), sp.Symbol("§j", integer=True)


def model_symbol(name: str) -> sp.Symbol:
    """The symbol naming a model (``p_model``) or the empirical distribution.

    >>> model_symbol("p_model").is_real
    True
    """
    return sp.Symbol(name, real=True)


def is_empirical(name: sp.Symbol) -> bool:
    """Is ``name`` the empirical distribution p̂_data (rather than a model)?

    >>> is_empirical(model_symbol(EMPIRICAL)), is_empirical(model_symbol("q_theta"))
    (True, False)
    """
    return name.name == EMPIRICAL


def tables(name: sp.Symbol):
    """The θ-indexed conditional pmf tables of the model ``name``.

    >>> tables(model_symbol("p_model")).shape
    (8, 3, 4)
    """
    return parameter_tables(name.name, THETAS, *DATA_SUPPORTS)


def _count(*pairs) -> sp.Expr:
    """How many data points j have every (column, value) of ``pairs``."""
    body = sp.Mul(*(sp.KroneckerDelta(DATA[_J, column], value) for column, value in pairs))
    return sp.Sum(body, (_J, 1, DATA_SIZE))


class _Point(Quantity):
    """A pmf at data point i: ``(name, i)``."""

    nargs = 2
    is_positive = True
    value_range = sp.Interval.Lopen(0, 1)


class Conditional(_Point):
    """``Conditional(name, i)``: the named conditional pmf at data point i, p(y_i | x_i).

    A model's value is at the θ in play; the empirical one's is count(x_i, y_i)/count(x_i).

    >>> Conditional(model_symbol(EMPIRICAL), 1).definition()
    Sum(KroneckerDelta(§D[1, 1], §D[§j, 1])*KroneckerDelta(§D[1, 2], §D[§j, 2]), (§j, 1, N))/Sum(KroneckerDelta(§D[1, 1], §D[§j, 1]), (§j, 1, N))
    """

    def definition(self):
        name, i = self.args
        x, y = DATA[i, 1], DATA[i, 2]
        if is_empirical(name):
            return _count((1, x), (2, y)) / _count((1, x))
        return tables(name)[THETA, x, y]


class Marginal(_Point):
    """``Marginal(name, i)``: an unconditional model p(x_i; θ) (or p̂_data(x_i)) at data point i.

    An unconditional model is a conditional one with a single context (the first row
    of its table); its outcome is the data point's second entry.

    >>> Marginal(model_symbol("p_model"), 1).definition()
    p_model[§θ, 1, §D[1, 2]]
    """

    def definition(self):
        name, i = self.args
        if is_empirical(name):
            return _count((2, DATA[i, 2])) / DATA_SIZE
        return tables(name)[THETA, 1, DATA[i, 2]]


class Positive(_Point):
    """``Positive(name, i)``: a binary model's probability of the label 1 at x_i,
    p(y = 1 | x_i; θ) — the second outcome of a two-column table (``binary_tables``).

    >>> Positive(model_symbol("p_model"), 1).definition()
    p_model[§θ, §D[1, 1], 2]
    """

    def definition(self):
        name, i = self.args
        return tables(name)[THETA, DATA[i, 1], 2]


class Label(Quantity):
    """``Label(i)``: the 0/1 label y_i of data point i of a binary task (outcome 2 is 1).

    >>> Label(1).definition()
    §D[1, 2] - 1
    """

    nargs = 1
    is_integer = True
    is_nonnegative = True
    value_range = sp.Interval(0, 1)

    def definition(self):
        return DATA[self.args[0], 2] - 1


POINT_KINDS = (Conditional, Marginal, Positive)
#: The kinds a relation's data points are written in (a Positive is a conditional one).
KINDS = (Conditional, Marginal)


def binary_tables(name: sp.Symbol):
    """The tables of a binary model: two outcomes, label 0 and label 1.

    >>> binary_tables(model_symbol("p_model")).shape
    (8, 3, 2)
    """
    return parameter_tables(name.name, THETAS, DATA_SUPPORTS[0], 2)


def is_binary(*sides) -> bool:
    """Is a relation about a binary task (it uses a label or the probability of label 1)?

    >>> is_binary(Label(1), sp.Integer(0)), is_binary(sp.Integer(0))
    (True, False)
    """
    return any(isinstance(s, sp.Basic) and s.atoms(Positive, Label) for s in sides)


class _OverData(Quantity):
    """A quantity of a model over the whole data set; ``over(point)`` writes it with
    data points of kind ``point`` (Conditional by default)."""

    nargs = 1

    def definition(self):
        return self.over(Conditional)

    def over(self, point) -> sp.Expr:  # pragma: no cover - every subclass overrides
        raise NotImplementedError(type(self).__name__)


class Likelihood(_OverData):
    """``Likelihood(name)``: p_model(𝕏; θ), the product over the data of the model's values.

    >>> Likelihood(model_symbol("p_model")).over(Marginal)
    Product(Marginal(p_model, i), (i, 1, N))
    """

    is_positive = True

    def over(self, point):
        return sp.Product(point(self.args[0], _I), (_I, 1, DATA_SIZE))


class ModelCrossEntropy(_OverData):
    """``H(p̂_data, p_model)`` averaged over the data: −(1/N) Σ_i log p_model(y_i|x_i).

    >>> ModelCrossEntropy(model_symbol("p_model")).over(Marginal)
    -Sum(log(Marginal(p_model, i)), (i, 1, N))/N
    """

    def over(self, point):
        return -sp.Sum(sp.log(point(self.args[0], _I)), (_I, 1, DATA_SIZE)) / DATA_SIZE


class ModelKL(_OverData):
    """``D_KL(p̂_data ‖ p_model)`` averaged over the data: (1/N) Σ_i log(p̂/p_model).

    >>> ModelKL(model_symbol("p_model")).over(Conditional).has(Conditional)
    True
    """

    value_range = sp.Interval(0, sp.oo)

    def over(self, point):
        data = model_symbol(EMPIRICAL)
        return sp.Sum(sp.log(point(data, _I) / point(self.args[0], _I)),
                      (_I, 1, DATA_SIZE)) / DATA_SIZE


LAZY = (Likelihood, ModelCrossEntropy, ModelKL)


class ArgMin(sp.Function):
    """``ArgMin(A)``: the minimisers of A over the model parameters θ (argmax A = ArgMin(−A));
    ``ArgMin(A, Str(v))``: over another variable v (φ, q, w), decided by
    :mod:`symbolic.argmin_identity` only.

    >>> ArgMin(sp.Symbol("a")).variable, ArgMin(sp.Symbol("a"), Str("phi")).variable
    ('theta', 'phi')
    """

    nargs = (1, 2)
    variable = property(lambda self: str(self.args[1]) if len(self.args) > 1 else "theta")


def resolve(expr: sp.Basic, point) -> sp.Basic:
    """``expr`` with the likelihood and the measures written over data points of kind ``point``.

    >>> p = model_symbol("p_model")
    >>> resolve(ModelCrossEntropy(p), Marginal)
    -Sum(log(Marginal(p_model, i)), (i, 1, N))/N
    """
    return expr.replace(lambda e: isinstance(e, LAZY), lambda e: e.over(point))


def is_model_claim(lhs, rhs) -> bool:
    """Does a claim talk about models, argmin or a θ-independent constant?

    >>> is_model_claim(CONST + 1, 2)
    True
    """
    for side in (lhs, rhs):
        if isinstance(side, sp.Basic) and (side.atoms(*POINT_KINDS, *LAZY, ArgMin)
                                           or CONST in side.free_symbols):
            return True
    return False


class Unreadable(ValueError):
    """A claim about models that the model checks cannot evaluate."""


def strip_const(expr: sp.Expr) -> sp.Expr:
    """``expr`` without its additive θ-independent constant; Unreadable if not additive.

    >>> strip_const(sp.Symbol("a") + 2 * CONST)
    a
    """
    if CONST not in expr.free_symbols:
        return expr
    kept = []
    for t in sp.Add.make_args(expr):
        if CONST not in t.free_symbols:
            kept.append(t)
            continue
        coeff = t / CONST
        if coeff.free_symbols or not coeff.is_nonzero:
            raise Unreadable("'constant' is used other than as a term added to the expression")
    return sp.Add(*kept)


def depends_on_theta(expr: sp.Basic) -> bool:
    """Does ``expr`` use a model (not only the empirical distribution)?

    >>> depends_on_theta(Conditional(model_symbol(EMPIRICAL), 1))
    False
    """
    return any(not is_empirical(c.args[0]) for c in expr.atoms(*POINT_KINDS))


def evaluable(expr: sp.Basic, pointwise: frozenset = frozenset(), binary: bool = False) -> sp.Basic:
    """``expr`` over the sampled objects: every data-point value replaced by its
    definition, and a size written n, N, m or M read as the size of the data set.

    The likelihood and the measures left are written over conditional data points.
    Unreadable when a data point is not bound by a sum over the data or another
    variable is left.  ``pointwise``: the relation's points that no sum binds, the same on
    both sides; such a data point i is any data point, and the relation is read at the
    first (the data set is drawn at random, so that point is as random as any, and a
    failure there fails the relation for all i).  An x written without an index may be
    the whole sample (``P(X = x | θ) = Π_k P(x_k | θ)``), so a point free on one side
    only is not read this way.  ``binary``: the relation is about a binary task
    (:func:`is_binary`), and its models' tables have two outcomes.

    >>> evaluable(Marginal(model_symbol("p_model"), 1) / sp.Symbol("N"))
    p_model[§θ, 1, §D[1, 2]]/N
    >>> m = Marginal(model_symbol("p_model"), index("i"))
    >>> evaluable(sp.log(m), pointwise=frozenset({m}))
    log(p_model[§θ, 1, §D[1, 2]])
    """
    sizes = {s: DATA_SIZE for s in expr.free_symbols
             if isinstance(s, sp.Symbol) and s.name in DATA_SIZE_NAMES}
    expr = resolve(expr.xreplace(sizes), Conditional)   # model_form resolved Marginal ones
    points = expr.atoms(*POINT_KINDS)
    out = expr.replace(lambda e: isinstance(e, POINT_KINDS + (Label,)), lambda e: e.definition())
    if binary:     # every table of the relation has two outcomes: label 0, label 1
        out = out.xreplace({tables(c.args[0]): binary_tables(c.args[0]) for c in points
                            if not is_empirical(c.args[0])})
    allowed = {DATA.label, DATA_SIZE, THETA} | {tables(c.args[0]).label for c in points}
    free = {s for s in out.free_symbols if isinstance(s, sp.Symbol) and s not in allowed}
    loose = free & {s for c in points for s in c.args[1].free_symbols}
    if loose and free == loose and pointwise and \
            {c for c in points if c.args[1].free_symbols & loose} <= pointwise:
        return out.xreplace({s: sp.Integer(1) for s in loose})
    if loose and free == loose:
        c = next(c for c in points if c.args[1].free_symbols & loose)
        point = str(c.args[1]).lstrip("§")
        raise Unreadable(f"the data point {point} of {c.args[0]} is not bound by a sum or "
                         "an expectation over the data")
    if free:
        raise Unreadable("the relation has variables other than the model and the data: "
                         + ", ".join(sorted(map(str, free))))
    return out


def free_points(lhs, rhs) -> frozenset:
    """The data points that no sum binds, when both sides use the same ones (else empty).

    >>> m = Marginal(model_symbol("p_model"), index("i"))
    >>> free_points(sp.log(m), 2 * sp.log(m)) == {m}, free_points(m, sp.Integer(1))
    (True, frozenset())
    """
    def loose(side):
        bound = {v for s in side.atoms(sp.Sum, sp.Product) for v in s.variables}
        return frozenset(c for c in side.atoms(*POINT_KINDS)
                         if c.args[1].free_symbols and not c.args[1].free_symbols & bound)
    a, b = loose(lhs), loose(rhs)
    return a if a == b else frozenset()


def model_form(lhs, rhs, relation: str):
    """(kind, lhs, rhs): ``kind`` 'argmin' (the sides are the functions minimised),
    'constant' (the sides without their constant) or 'pointwise'; the likelihood and the
    measures written over the relation's kind of data point.  Unreadable otherwise.

    >>> p = model_symbol("p_model")
    >>> model_form(ArgMin(ModelKL(p)), ArgMin(ModelCrossEntropy(p)), "=")[0]
    'argmin'
    """
    if relation == "⇔":
        raise Unreadable("⇔ between relations about models is not checked")
    kinds = {type(c) for s in (lhs, rhs) for c in s.atoms(*KINDS)}
    if len(kinds) > 1:
        raise Unreadable("a conditional model p(y|x; θ) and an unconditional one p(x; θ) in one "
                         "relation")
    point = kinds.pop() if kinds else Conditional
    lhs, rhs = resolve(lhs, point), resolve(rhs, point)
    names = sorted({c.args[0].name for s in (lhs, rhs) for c in s.atoms(*POINT_KINDS)
                    if not is_empirical(c.args[0])})
    if len(names) > 1:
        raise Unreadable(f"two models ({', '.join(names)}): whether they are one model in "
                         "two notations is a convention of the prose")
    opt = [isinstance(s, ArgMin) for s in (lhs, rhs)]
    for s in (lhs, rhs):
        if not isinstance(s, ArgMin) and s.atoms(ArgMin):
            raise Unreadable("an argmin inside an expression (only argmin A = argmin B is read)")
    if any(opt) and not all(opt):
        raise Unreadable("argmin (a set of parameters) compared with a value")
    if all(opt):
        other = sorted({s.variable for s in (lhs, rhs)} - {"theta"})
        if other:
            raise Unreadable(f"argmin over {other[0]!r}: the model checks optimise θ only")
        if relation != "=":
            raise Unreadable(f"argmin sets compared with {relation}")
        return "argmin", strip_const(lhs.args[0]), strip_const(rhs.args[0])
    if CONST in lhs.free_symbols or CONST in rhs.free_symbols:
        if relation != "=":
            raise Unreadable(f"'constant' in a relation {relation}")
        return "constant", strip_const(lhs), strip_const(rhs)
    if relation not in ("=", "≤", "≥", "<", ">"):
        raise Unreadable(f"the relation {relation} is not checked for models")
    return "pointwise", lhs, rhs
