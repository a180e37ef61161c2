"""Models with parameters θ fitted to a data set: conditional pmfs, argmin, ``+ const``.

What the reader gives a meaning to (docs/latex.md, "Models with parameters"):

* a **data set** (x_i, y_i), i = 1..N, of outcomes of finite supports;
* a **conditional model** ``p_{model}(y_i \\mid x_i, \\theta)``, ``p(y|x;\\theta)``,
  ``q_\\theta(y_i|x_i)``: a conditional pmf table over the supports whose dependence on
  θ is left arbitrary — each value of θ is its own table;
* the **empirical distribution** ``\\hat{p}_{data}``: 1/N at each data point, so
  ``\\hat{p}_{data}(y_i|x_i)`` = count(x_i, y_i) / count(x_i);
* ``\\mathbb{E}_{x,y \\sim \\hat{p}_{data}}[f(x_i, y_i)]`` = (1/N) Σ_i f(x_i, y_i); the
  likelihood ``p_{model}(\\mathbb{X}; \\theta)`` = Π_i p_model(y_i | x_i, θ) (the
  conditional likelihood of the data set);
* ``H(\\hat{p}_{data}, p_{model})`` and ``D_{KL}(\\hat{p}_{data} \\| p_{model})`` of a
  conditional model: the conditional cross-entropy and KL divergence averaged over the
  empirical pairs, −(1/N) Σ_i log p_model(y_i|x_i) and (1/N) Σ_i log(p̂(y_i|x_i)/p_model(y_i|x_i));
* ``\\arg\\min_\\theta A`` (``\\arg\\max``): the set of minimisers of A over the parameters;
* ``constant``/``const``: a term that does not depend on θ (it may depend on the data).

Checking is numeric: many random data sets, and for each several θ (tables).
``argmin A = argmin B`` is ``checked`` when A and B order the sampled θ the same way in
every data set (so one is an increasing function of the other there, and their
minimisers agree); it is ``refuted`` only with a model whose parameter takes finitely
many values (the sampled tables) where the two minimisers differ, confirmed at 50 and 100 digits;
otherwise ``unknown``.  ``A = B + constant`` claims that A − B does not depend on θ.

>>> from symbolic.latex_in.parse import Reader
>>> side = Reader().read_side(r"-\\frac{1}{N}\\sum_{i=1}^{N} \\log p_{model}(y_i \\mid x_i, \\theta)")
>>> sorted(str(a) for a in side.atoms(Conditional))
['Conditional(p_model, i)']
"""
from __future__ import annotations

import re

import mpmath
import numpy as np
import sympy as sp

from symbolic.objects import support_size
from symbolic.verdict import Counterexample, Verdict
from symbolic.verify import violates

DATA_SIZE = support_size("N")
DATA_SIZE_NAMES = {"n", "N", "m", "M"}
CONST = sp.Symbol("const", real=True)
EMPIRICAL = "hatp_data"

DATA_SIZES = (1, 2, 3, 5, 8)
DATA_SETS = 24        # per data size
THETAS = 8            # parameter values (tables) per data set
TOLERANCE = 1e-9


class Conditional(sp.Function):
    """``Conditional(name, i)``: the named conditional pmf at data point i, p(y_i | x_i).

    A model's value is at the θ in play; the empirical one's is count(x_i, y_i)/count(x_i).
    """

    nargs = 2
    is_real = True
    is_positive = True


class Marginal(sp.Function):
    """``Marginal(name, i)``: an unconditional model p(x_i; θ) (or p̂_data(x_i)) at data point i.

    An unconditional model is a conditional one with a single context: its table has one row.
    """

    nargs = 2
    is_real = True
    is_positive = True


class Likelihood(sp.Function):
    """``Likelihood(name)``: p_model(𝕏; θ), the product over the data of the model's values."""

    nargs = 1
    is_real = True
    is_positive = True


class ModelCrossEntropy(sp.Function):
    """``H(p̂_data, p_model)`` averaged over the data (conditional or not, as the relation's model)."""

    nargs = 1
    is_real = True


class ModelKL(sp.Function):
    """``D_KL(p̂_data ‖ p_model)`` averaged over the data (conditional or not, as the relation's model)."""

    nargs = 1
    is_real = True


POINT_KINDS = (Conditional, Marginal)
LAZY = (Likelihood, ModelCrossEntropy, ModelKL)


def resolve(expr: sp.Basic, point) -> sp.Basic:
    """``expr`` with the likelihood and the measures written over data points of kind ``point``.

    >>> p = model_symbol("p_model")
    >>> resolve(ModelCrossEntropy(p), Marginal)
    -Sum(log(Marginal(p_model, i)), (i, 1, N))/N
    """
    i, n = sp.Symbol("i", integer=True), DATA_SIZE
    data = model_symbol(EMPIRICAL)
    return expr.replace(lambda e: isinstance(e, LAZY), lambda e: {
        Likelihood: lambda m: sp.Product(point(m, i), (i, 1, n)),
        ModelCrossEntropy: lambda m: -sp.Sum(sp.log(point(m, i)), (i, 1, n)) / n,
        ModelKL: lambda m: sp.Sum(sp.log(point(data, i) / point(m, i)), (i, 1, n)) / n,
    }[type(e)](e.args[0]))


class ArgMin(sp.Function):
    """``ArgMin(A)``: the minimisers of A over the model parameters θ (argmax A = ArgMin(−A))."""

    nargs = 1


def model_symbol(name: str) -> sp.Symbol:
    return sp.Symbol(name, real=True)


def is_model_claim(lhs, rhs) -> bool:
    """Does a claim talk about models, argmin or a θ-independent constant?"""
    for side in (lhs, rhs):
        if isinstance(side, sp.Basic) and (side.atoms(*POINT_KINDS, *LAZY, ArgMin)
                                           or CONST in side.free_symbols):
            return True
    return False


def _is_model(name: sp.Symbol) -> bool:
    return name.name != EMPIRICAL


# --- reading helpers (used by parse.Reader) ---------------------------------------


def conditional_name(word: str, subscript: str | None) -> tuple[str, bool] | None:
    """(name, is_empirical) of a pmf written with a name, or None if not a model/data pmf.

    >>> conditional_name(r"\\hat{p}", "data"), conditional_name("p", "model")
    (('hatp_data', True), ('p_model', False))
    """
    hat = word.startswith("\\hat")
    letter = re.sub(r"[^A-Za-z]", "", word.replace("\\hat", ""))
    sub = (subscript or "").strip()
    if hat and sub in ("data", "\\text{data}", "\\mathrm{data}", "emp"):
        return EMPIRICAL, True
    if not hat and sub in ("model", "\\text{model}", "\\mathrm{model}", "\\theta", "{\\theta}"):
        return f"{letter.lower()}_model" if sub.endswith("model") else f"{letter.lower()}_theta", False
    return None


# --- the numeric model ----------------------------------------------------------------
class Unreadable(ValueError):
    """A claim about models that this check cannot evaluate."""


def _strip_const(expr: sp.Expr) -> sp.Expr:
    """``expr`` without its additive θ-independent constant; Unreadable if not additive."""
    if CONST not in expr.free_symbols:
        return expr
    terms = sp.Add.make_args(expr)
    kept = [t for t in terms if CONST not in t.free_symbols]
    dropped = [t for t in terms if CONST in t.free_symbols]
    for t in dropped:
        coeff = t / CONST
        if coeff.free_symbols or not coeff.is_nonzero:
            raise Unreadable("'constant' is used other than as a term added to the expression")
    return sp.Add(*kept)


def _data_sets(rng, n: int, count: int):
    """``count`` data sets of ``n`` points: supports, x and y indices (0-based)."""
    out = []
    for d in range(count):
        kx = int(rng.integers(1, 4))
        ky = int(rng.integers(2, 5))
        xs = rng.integers(0, kx, size=n)
        ys = rng.integers(0, ky, size=n)
        if d == 0:
            xs[:] = 0                      # one x: the conditional is a marginal
        out.append((kx, ky, xs, ys))
    return out


def _tables(rng, kx: int, ky: int, count: int) -> np.ndarray:
    """``count`` conditional pmf tables p(y | x), rows Dirichlet of mixed concentration."""
    alphas = rng.choice([0.3, 1.0, 3.0, 30.0], size=(count, 1, 1))
    rows = rng.gamma(np.broadcast_to(alphas, (count, kx, ky)))
    rows = np.maximum(rows, 1e-12)
    return rows / rows.sum(axis=2, keepdims=True)


class Evaluation:
    """Both sides at every (data set, θ) of one data size, as arrays of shape (sets, θ)."""

    def __init__(self, exprs, n: int, rng):
        self.n = n
        self.sets = _data_sets(rng, n, DATA_SETS)
        self.tables = [_tables(rng, kx, ky, THETAS) for kx, ky, _, _ in self.sets]
        self.exprs = [self._expand(e) for e in exprs]
        self.symbols = sorted(set().union(*(e.free_symbols for e in self.exprs)), key=str)
        self.fns = [sp.lambdify(self.symbols, e, "numpy") for e in self.exprs]

    def _expand(self, e):
        sizes = {s: self.n for s in e.free_symbols if isinstance(s, sp.Symbol)
                 and s.name in DATA_SIZE_NAMES}
        e = e.xreplace(sizes).doit()
        repl = {}
        for c in e.atoms(*POINT_KINDS):
            name, i = c.args
            if not i.is_Integer or not 1 <= int(i) <= self.n:
                raise Unreadable(f"the data point {i} of {name} is not bound by a sum or "
                                 "an expectation over the data")
            kind = "m" if isinstance(c, Marginal) else "c"
            repl[c] = sp.Symbol(f"{name.name}__{kind}__{int(i)}", positive=True)
        e = e.xreplace(repl)
        free = {s for s in e.free_symbols if "__" not in s.name}
        if free:
            raise Unreadable("the relation has variables other than the model and the data: "
                             + ", ".join(sorted(map(str, free))))
        return e

    def inputs(self, d: int, precise: bool = False):
        """The arguments of the lambdified sides for data set d, one entry per θ."""
        kx, ky, xs, ys = self.sets[d]
        tab = self.tables[d]
        counts = np.zeros((kx, ky))
        np.add.at(counts, (xs, ys), 1)
        args = []
        for s in self.symbols:
            name, kind, i = s.name.rsplit("__", 2)
            j = int(i) - 1
            # an unconditional model: the outcome is y_j, the context always the first row
            x = xs[j] if kind == "c" else 0
            if name == EMPIRICAL:
                hits, total = ((counts[xs[j], ys[j]], counts[xs[j]].sum()) if kind == "c"
                               else (counts[:, ys[j]].sum(), len(ys)))
                value = hits / total
                if precise:
                    value = mpmath.mpf(int(hits)) / int(total)
                args.append(np.full(THETAS, value) if not precise else [value] * THETAS)
            else:
                col = tab[:, x, ys[j]]
                args.append(col if not precise else [mpmath.mpf(float(v)) for v in col])
        return args

    def values(self):
        """(sets, θ) arrays of each side."""
        out = [np.empty((len(self.sets), THETAS)) for _ in self.exprs]
        with np.errstate(all="ignore"):
            for d in range(len(self.sets)):
                args = self.inputs(d)
                for k, fn in enumerate(self.fns):
                    out[k][d] = np.broadcast_to(np.asarray(fn(*args), dtype=float), (THETAS,))
        return out

    def precise(self, k: int, d: int, t: int, digits: int = 50):  # noqa: D417
        """Side k at data set d and θ number t, with ``digits`` digits.

        The tables are the float64 values drawn (exact binary fractions); the precise
        evaluation does not renormalise them, so a row sums to 1 within 1e-16.
        """
        with mpmath.workdps(digits):
            fn = sp.lambdify(self.symbols, self.exprs[k], "mpmath")
            args = [a[t] for a in self.inputs(d, precise=True)]
            return fn(*args)

    def describe(self, d: int, thetas) -> dict:
        kx, ky, xs, ys = self.sets[d]
        names = sorted({s.name.rsplit("__", 2)[0] for s in self.symbols} - {EMPIRICAL})
        model = names[0] if names else "p_model"
        if any(s.name.rsplit("__", 2)[1] == "m" for s in self.symbols):
            values = {"N": self.n, "x": [int(v) + 1 for v in ys]}
            for t in thetas:
                values[f"{model}(x) at theta_{t + 1}"] = self.tables[d][t][0].tolist()
            return values
        values = {"N": self.n, "x": [int(v) + 1 for v in xs], "y": [int(v) + 1 for v in ys]}
        for t in thetas:
            # full float64 values: the precise re-check used exactly these
            values[f"{model}(y|x) at theta_{t + 1}"] = self.tables[d][t].tolist()
        return values


def _scale(a, b):
    """Float64 tolerance of a comparison: relative (the sides may be tiny likelihoods)."""
    return TOLERANCE * np.maximum(np.abs(a), np.abs(b)) + 1e-300


CONFIRM = mpmath.mpf(10) ** -12


def _resolved(ev, d: int, terms):
    """Σ sign · side_k(θ_t) over ``terms`` [(sign, k, t)], trusted only if precision agrees.

    The inputs are exact (the float64 tables, rational empirical values), so the sum is
    evaluated at 50 and at 100 digits: it is resolved when both are nonzero with the same
    sign, agree to 6 digits and exceed 1e-12 of the largest term (rounding noise of an
    exact identity changes with the precision and never passes), or 0 when both are exactly
    0.  Returns (value or None, the side values at 100 digits).
    """
    results = []
    for digits in (50, 100):
        with mpmath.workdps(digits):
            values = [ev.precise(k, d, t, digits) for _, k, t in terms]
            total = mpmath.fsum(sign * v for (sign, _, _), v in zip(terms, values))
            size = max([abs(v) for v in values] + [mpmath.mpf(10) ** -300])
        results.append((total, size, values))
    (q50, _, _), (q100, size, values) = results
    if q50 == 0 and q100 == 0:
        return mpmath.mpf(0), values
    if q50 != 0 and q100 != 0 and (q50 > 0) == (q100 > 0) and \
            abs(q50 - q100) <= 1e-6 * abs(q100) and abs(q100) > CONFIRM * size:
        return q100, values
    return None, values


def decide(claim, seed: int = 0, key: str = "") -> Verdict:
    """The verdict on a claim about models (``is_model_claim``)."""
    import zlib
    rng = np.random.default_rng([zlib.crc32((key or str(claim.lhs)).encode()), seed])
    try:
        return _decide(claim.lhs, claim.rhs, claim.relation, rng)
    except Unreadable as exc:
        return Verdict("unknown", "none", reason=str(exc))


def _decide(lhs, rhs, relation, rng) -> Verdict:
    kinds = {type(c) for s in (lhs, rhs) for c in s.atoms(*POINT_KINDS)}
    if len(kinds) > 1:
        raise Unreadable("a conditional model p(y|x; θ) and an unconditional one p(x; θ) in one "
                         "relation")
    point = kinds.pop() if kinds else Conditional
    lhs, rhs = resolve(lhs, point), resolve(rhs, point)
    models = sorted({c.args[0].name for s in (lhs, rhs) for c in s.atoms(*POINT_KINDS)
                     if _is_model(c.args[0])})
    if len(models) > 1:
        raise Unreadable(f"two models ({', '.join(models)}): whether they are one model in "
                         "two notations is a convention of the prose")
    opt = [isinstance(s, ArgMin) for s in (lhs, rhs)]
    for s in (lhs, rhs):
        if not isinstance(s, ArgMin) and s.atoms(ArgMin):
            raise Unreadable("an argmin inside an expression (only argmin A = argmin B is read)")
    if any(opt) and not all(opt):
        raise Unreadable("argmin (a set of parameters) compared with a value")
    if all(opt):
        if relation != "=":
            raise Unreadable(f"argmin sets compared with {relation}")
        return _same_minimisers(_strip_const(lhs.args[0]), _strip_const(rhs.args[0]), rng)
    if CONST in lhs.free_symbols or CONST in rhs.free_symbols:
        if relation != "=":
            raise Unreadable(f"'constant' in a relation {relation}")
        return _differ_by_constant(_strip_const(lhs), _strip_const(rhs), rng)
    if relation not in ("=", "≤", "≥", "<", ">"):
        raise Unreadable(f"the relation {relation} is not checked for models")
    return _pointwise(lhs, rhs, relation, rng)


def _groups(exprs, rng):
    for n in DATA_SIZES:
        ev = Evaluation(exprs, n, rng)
        yield ev, ev.values()


def _counter(ev, d, thetas, a, b, note) -> Counterexample:
    return Counterexample(ev.describe(d, thetas), float(a), float(b), note)


def _pointwise(lhs, rhs, relation, rng) -> Verdict:
    support = 0
    for ev, (a, b) in _groups([lhs, rhs], rng):
        finite = np.isfinite(a) & np.isfinite(b)
        diff = a - b
        tol = _scale(a, b)
        bad = {"=": np.abs(diff) > tol, "≤": diff > tol, "≥": diff < -tol,
               "<": diff >= 0, ">": diff <= 0}[relation] & finite
        support += int((finite & ~bad).sum())
        for d, t in list(zip(*np.nonzero(bad)))[:25]:
            q, (A, B) = _resolved(ev, d, [(1, 0, t), (-1, 1, t)])
            if q is not None and violates(q, relation):
                return Verdict("refuted", "numeric, confirmed at 50 and 100 digits", support,
                               _counter(ev, d, [t], A, B, "the model at the one θ shown"))
    return _enough(support, f"numeric: {support} (data set, θ) samples of a conditional "
                   "model with an arbitrary dependence on θ")


def _enough(support, method) -> Verdict:
    if support < 100:
        return Verdict("unknown", "numeric", support,
                       reason=f"only {support} samples could be evaluated")
    return Verdict("checked", method, support)


def _differ_by_constant(lhs, rhs, rng) -> Verdict:
    """``lhs = rhs + constant``: lhs − rhs is the same at every θ of a data set."""
    support = 0
    for ev, (a, b) in _groups([lhs, rhs], rng):
        diff = a - b
        for d in range(diff.shape[0]):
            row = diff[d]
            if not np.isfinite(row).all():
                continue
            lo, hi = int(np.argmin(row)), int(np.argmax(row))
            if row[hi] - row[lo] <= TOLERANCE * max(np.abs(a[d]).max(), np.abs(b[d]).max()):
                support += 1
                continue
            q, (a_hi, b_hi, a_lo, b_lo) = _resolved(ev, d, [(1, 0, hi), (-1, 1, hi),
                                                             (-1, 0, lo), (1, 1, lo)])
            d_lo, d_hi = a_lo - b_lo, a_hi - b_hi
            if q is not None and q > 0:
                return Verdict("refuted", "numeric, confirmed at 50 and 100 digits", support, _counter(
                    ev, d, [lo, hi], d_lo, d_hi,
                    "lhs and rhs here are lhs − rhs at the two θ shown: they differ, so no "
                    "θ-independent constant makes the sides equal"))
    return _enough(support * THETAS, f"numeric: the difference of the sides is the same at "
                   f"{THETAS} θ in each of {support} data sets (it does not depend on θ)")


def _same_minimisers(a_expr, b_expr, rng) -> Verdict:
    """``argmin A = argmin B``: A and B order the sampled θ alike, or a finite model where not."""
    agreeing, disagreeing = 0, None
    pairs = np.triu_indices(THETAS, 1)
    # a side without a model does not depend on θ: every θ minimises it (ties are exact)
    fixed = [not any(_is_model(c.args[0]) for c in e.atoms(*POINT_KINDS)) for e in (a_expr, b_expr)]
    for ev, (a, b) in _groups([a_expr, b_expr], rng):
        for d in range(a.shape[0]):
            if not (np.isfinite(a[d]).all() and np.isfinite(b[d]).all()):
                continue
            da = a[d][pairs[0]] - a[d][pairs[1]]
            db = b[d][pairs[0]] - b[d][pairs[1]]
            ta, tb = _scale(a[d][pairs[0]], a[d][pairs[1]]), _scale(b[d][pairs[0]], b[d][pairs[1]])
            sa = np.where(np.abs(da) <= ta, 0, np.sign(da))
            sb = np.where(np.abs(db) <= tb, 0, np.sign(db))
            if (sa == sb).all():
                agreeing += 1
                continue
            found = _different_minimisers(ev, d, a[d], b[d], fixed)
            if found is not None:
                return found
            disagreeing = disagreeing or "the sides order the sampled θ differently"
    if disagreeing:
        return Verdict("unknown", "numeric", reason=disagreeing + " (so one is not an "
                       "increasing function of the other), but no finite model with different "
                       "minimisers was confirmed")
    if agreeing < 20:
        return Verdict("unknown", "numeric", agreeing,
                       reason=f"only {agreeing} data sets could be evaluated")
    return Verdict("checked", f"numeric: both sides order the {THETAS} sampled θ (conditional "
                   f"pmf tables) the same way in each of {agreeing} data sets, so they have the "
                   "same minimisers", agreeing * THETAS)


def _different_minimisers(ev, d, a, b, fixed=(False, False)):
    """A model with θ ∈ {a few sampled tables} whose argmin A and argmin B differ, or None."""
    n = len(a)
    if fixed[0] != fixed[1]:
        # one side is the same at every θ: over θ ∈ {s, t} it is minimised by both,
        # the other side (clearly smaller at s) only by s
        k = 1 if fixed[0] else 0
        values = b if k else a
        s, t = int(np.argmin(values)), int(np.argmax(values))
        q, (high, low) = _resolved(ev, d, [(1, k, t), (-1, k, s)])
        if q is not None and q > 0:
            side = "right" if k else "left"
            other = "left" if k else "right"
            return Verdict("refuted", "numeric, confirmed at 50 and 100 digits: a model whose parameter "
                           "takes two values", n, _counter(
                               ev, d, [s, t], s + 1, t + 1,
                               f"θ ∈ {{theta_{s + 1}, theta_{t + 1}}}: the {side} side is "
                               f"minimised at theta_{s + 1} only ({mpmath.nstr(low, 8)} < "
                               f"{mpmath.nstr(high, 8)}), the {other} side does not depend on θ "
                               "and is minimised at both"))
        return None
    for s in range(n):
        for t in range(n):
            if s == t or not (a[s] < a[t] and b[t] < b[s]):
                continue
            # θ takes the two values s, t: argmin A = {s}, argmin B = {t}
            qa, (A_t, A_s) = _resolved(ev, d, [(1, 0, t), (-1, 0, s)])
            qb, (B_s, B_t) = _resolved(ev, d, [(1, 1, s), (-1, 1, t)])
            if qa is not None and qa > 0 and qb is not None and qb > 0:
                return Verdict("refuted", "numeric, confirmed at 50 and 100 digits: a model whose "
                               "parameter takes two values", n, _counter(
                                   ev, d, [s, t], s + 1, t + 1,
                                   f"θ ∈ {{theta_{s + 1}, theta_{t + 1}}}: the left side is "
                                   f"minimised at theta_{s + 1} ({mpmath.nstr(A_s, 8)} < "
                                   f"{mpmath.nstr(A_t, 8)}), the right side at theta_{t + 1} "
                                   f"({mpmath.nstr(B_t, 8)} < {mpmath.nstr(B_s, 8)}); lhs and "
                                   "rhs are the numbers of the minimisers"))
    return None
