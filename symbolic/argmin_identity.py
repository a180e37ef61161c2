"""``argmin A = argmin B`` from an identity between A and B, when the model checks cannot
sample the sides (they are written in names such as p, y or an unknown quantity rather
than in a model's pmf of the data).

If A equals an increasing function of B for every value of every symbol, then, however
those symbols depend on the parameters, A and B have the same minimisers.  The increasing
functions tried are the identity, a positive factor (a number or a data size n, N, m, M,
which no parameter changes), and e^x, −e^{−x} (argmax Π f = argmax Σ log f).  The identity
is decided by the ordinary check (:func:`symbolic.verify.check_relation`), so it is
proved or checked like any relation.  A failure of every form says nothing about the
minimisers (two functions can share them without being related so), so this never
refutes.

>>> import re

import sympy as sp
>>> from symbolic.models import ArgMin
>>> from symbolic.verify import check_relation
>>> p, y = sp.Symbol("p", positive=True), sp.Symbol("y", real=True)
>>> a = -sp.log(p**y * (1 - p)**(1 - y))
>>> b = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
>>> same_minimisers_by_identity(ArgMin(a), ArgMin(b), check_relation, key="doc").status
'checked'
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic.models import DATA_SIZE, DATA_SIZE_NAMES, KINDS, LAZY, POINT_KINDS, ArgMin, Label, Unreadable, \
    strip_const
from symbolic.objects import JointPmf, Pmf, PositiveVector, positive_reals
from symbolic.verdict import Verdict

_MODEL_ATOMS = (*POINT_KINDS, *KINDS, *LAZY, Label, ArgMin)


def _without_positive_factor(expr: sp.Expr) -> sp.Expr:
    """``expr`` without a top-level factor of positive numbers and data sizes (1/m, 2N).

    >>> m, f = sp.Symbol("m", positive=True), sp.Symbol("f", real=True)
    >>> _without_positive_factor(-f / (2 * m))
    -f
    """
    sign = 1
    kept = []
    for factor in sp.Mul.make_args(expr):
        if factor.is_number and factor.is_real:
            sign = -sign if factor.is_negative else sign
            if factor.is_zero:
                return expr
            continue
        base = factor.as_base_exp()[0]
        if isinstance(base, sp.Symbol) and base.name in DATA_SIZE_NAMES:
            continue
        kept.append(factor)
    return sign * sp.Mul(*kept)


def _candidates(a: sp.Expr, b: sp.Expr):
    """(description, lhs, rhs) pairs: if one holds identically, a is an increasing
    function of b."""
    yield "equal", a, b
    sa, sb = _without_positive_factor(a), _without_positive_factor(b)
    if (sa, sb) != (a, b):
        yield "equal up to a positive factor", sa, sb
    if a.has(sp.Product) != b.has(sp.Product) or a.has(sp.exp) != b.has(sp.exp):
        yield "related by an exponential", a, sp.exp(b)
        yield "related by an exponential", b, sp.exp(a)
        yield "related by an exponential", a, -sp.exp(-b)
        yield "related by an exponential", b, -sp.exp(-a)


#: Parameters named by a Greek letter: beside an argmin over another variable, each is a
#: fixed value (θ while φ is optimised, a weight λ).  Not σ, μ, π, which often name a
#: function of the parameters written without them (σ(wx), μ_θ, a policy π).
_GREEK = frozenset("alpha beta gamma eta lambda theta phi psi".split())


def _mentions(name: str, variable: str) -> bool:
    """Does the name of a symbol, a distribution or an opaque quantity mention ``variable``
    (as itself, a subscript or a parameter: ``phi``, ``Q_phi``, ``⟨f(phi)⟩``)?

    A one-letter variable is met in either case: over a distribution q, the pmf Q is q.

    >>> _mentions("Q_phi", "phi"), _mentions("P_theta", "phi"), _mentions("Q", "q")
    (True, False, True)
    """
    words = re.findall(r"[A-Za-z]+", name.replace("\\", " "))
    if len(variable) == 1:
        return variable.lower() in {w.lower() for w in words}
    return variable in words


def _letter(name: str) -> str:
    """The pmf letter of a distribution's name (p and P are one letter; a hat is kept apart).

    >>> _letter("Q_phi"), _letter("p|theta")
    ('Q', 'P')
    """
    return name[:1].upper()


def _held_fixed(atom, variable: str, moving=frozenset()) -> bool:
    """Is ``atom`` (a symbol or a distribution) explicitly free of ``variable`` and of any
    hidden dependence on it: a data size, an index or outcome, a cell width of an integral,
    a Greek-letter parameter other than the variable, or a distribution whose subscript or
    parameters name such a parameter (``P_theta`` while φ is optimised).  A plain letter
    (p, y, ŷ) or an opaque quantity may be a function of the variable without writing it.
    A distribution without parameters is held fixed when its letter is none of ``moving``,
    the letters of the distributions that carry the variable (``p`` beside ``q_\\theta``: the
    data's distribution beside the model).

    >>> _held_fixed(sp.Symbol("lambda"), "w"), _held_fixed(sp.Symbol("p"), "w")
    (True, False)
    """
    name = str(atom.label if isinstance(atom, sp.IndexedBase) else atom)
    if _mentions(name, variable):
        return False
    if isinstance(atom, sp.Symbol) and (atom.is_integer or name in DATA_SIZE_NAMES or
                                         name in _GREEK):
        return True
    if isinstance(atom, PositiveVector) and re.fullmatch(r"d[a-z]", name):
        return True        # the cell widths of a density (\int … dz)
    if isinstance(atom, (Pmf, JointPmf)) and re.fullmatch(r"[A-Za-z]", name):
        return _letter(name) not in moving
    head = re.fullmatch(r"[A-Za-z]+[_|](.+)", name)
    return isinstance(atom, sp.IndexedBase) and head is not None and all(
        word in _GREEK for word in re.findall(r"[A-Za-z]+", head.group(1)))


def _shifted_copy(expr: sp.Expr, variable: str):
    """``expr`` with every symbol and distribution that mentions ``variable`` replaced by a
    fresh one of the same kind (another value of the variable), or None when ``expr`` uses
    something that is neither that nor held fixed (:func:`_held_fixed`)."""
    swap = {}
    atoms = {b for b in expr.atoms(sp.IndexedBase)} | {
        s for s in expr.free_symbols if isinstance(s, sp.Symbol)}
    labels = {b.label for b in atoms if isinstance(b, sp.IndexedBase)}
    moving = {_letter(str(b.label)) for b in atoms if isinstance(b, (Pmf, JointPmf)) and
              _mentions(str(b.label), variable)}
    for atom in atoms - labels:
        name = str(atom.label if isinstance(atom, sp.IndexedBase) else atom)
        if _held_fixed(atom, variable, moving):
            continue
        if not _mentions(name, variable):
            return None
        if isinstance(atom, sp.IndexedBase):
            label = sp.Symbol(f"{name}'", **atom.label.assumptions0)
            swap[atom] = type(atom)(label, shape=atom.shape, **atom.assumptions0)
        else:
            swap[atom] = sp.Symbol(f"{name}'", **atom.assumptions0)
    return expr.xreplace(swap), bool(swap)


def _as_values(a, b):
    """``a``, ``b`` with each model's value at a data point (``Conditional``, ``Marginal``)
    an arbitrary positive number per point, and a size n, N, m, M the data's; None when they
    use other model quantities (the likelihood, labels).  What holds for every positive
    value holds for the model's probabilities."""
    if (a.atoms(*LAZY, Label, ArgMin) or b.atoms(*LAZY, Label, ArgMin)
            or any(type(c) not in KINDS for c in (a.atoms(*POINT_KINDS) | b.atoms(*POINT_KINDS)))):
        return None
    sizes = {s: DATA_SIZE for e in (a, b) for s in e.free_symbols
             if isinstance(s, sp.Symbol) and s.name in DATA_SIZE_NAMES}

    def value(c):
        return positive_reals(f"{type(c).__name__}:{c.args[0]}", DATA_SIZE)[c.args[1]]
    return tuple(e.xreplace(sizes).replace(lambda c: isinstance(c, KINDS), value) for e in (a, b))


def _shift_free_of(a, b, variable, check, context, options, key):
    """Is ``a − b`` free of ``variable`` (a constant to the argmin)?  Decided by
    ``a − b = (a − b)`` at another value of the variable, everything else held fixed."""
    diff = a - b
    copy = _shifted_copy(diff, variable)
    if copy is None:
        return None
    other, moved = copy
    if not moved:
        return Verdict("proved", "symbolic: the difference does not use the variable")
    return check(diff, other, "=", context, options, key=f"{key}:argmin:shift")


def same_minimisers_by_identity(lhs, rhs, check, context=None, options=None, key: str = "",
                                why: str = "") -> Verdict:
    """``ArgMin(a) = ArgMin(b)``: proved or checked when a is identically an increasing
    function of b; otherwise unknown (with ``why``, the model checks' reason)."""
    unknown = Verdict("unknown", "none", reason=why or "the functions minimised are not read "
                      "as functions of a model")
    if not (isinstance(lhs, ArgMin) and isinstance(rhs, ArgMin)):
        return unknown
    if lhs.variable == rhs.variable != "theta":
        unknown = Verdict("unknown", "none", reason=f"the functions minimised over "
                          f"{lhs.variable} are not shown equal, a positive multiple, related "
                          f"by e^x, or to differ by a term free of {lhs.variable} (they may "
                          "still share their minimisers)")
    if lhs.variable != rhs.variable:
        return Verdict("unknown", "none", reason=f"argmin over {lhs.variable!r} and over "
                       f"{rhs.variable!r}: minimisers over different variables")
    try:
        a, b = strip_const(lhs.args[0]), strip_const(rhs.args[0])
    except Unreadable:
        return unknown
    if not (a.free_symbols or b.free_symbols):
        return unknown
    if a.atoms(*_MODEL_ATOMS) or b.atoms(*_MODEL_ATOMS):
        values = _as_values(a, b)
        if values is None:
            return unknown
        (a, b), variable = values, None
        for how, u, v in _candidates(a, b):
            verdict = check(u, v, "=", context, options, key=f"{key}:argmin:values:{how}")
            if verdict.status in ("proved", "checked"):
                return Verdict(verdict.status, f"the functions minimised are {how} for every "
                               f"positive value of the model's probabilities ({verdict.method}), "
                               "so their minimisers agree", verdict.samples)
        return unknown
    variable, shifted = lhs.variable, None
    pairs = [(a, b), (_without_positive_factor(a), _without_positive_factor(b))]
    for k, (u, v) in enumerate(pairs[:2 if pairs[1] != pairs[0] else 1]):
        verdict = _shift_free_of(u, v, variable, check, context, options, key)
        if verdict is not None and verdict.status in ("proved", "checked"):
            return Verdict(verdict.status, "the functions minimised" + (
                " (up to a positive factor)" if k else "") + " differ by a term that does not "
                f"depend on {variable} ({verdict.method}), so their minimisers agree",
                verdict.samples)
        shifted = shifted or (verdict is not None and verdict.status == "refuted")
    for how, u, v in _candidates(a, b):
        if shifted and how == "equal":
            continue               # they differ by a term that depends on the variable
        verdict = check(u, v, "=", context, options, key=f"{key}:argmin:{how}")
        if verdict.status in ("proved", "checked"):
            return Verdict(verdict.status, f"the functions minimised are {how} for every value "
                           f"of their symbols ({verdict.method}), so their minimisers agree",
                           verdict.samples)
    return unknown
