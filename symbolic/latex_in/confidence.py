"""When may a relation read from someone else's document be called wrong?

A refutation says the author's math is wrong, so it needs a reading the author
would sign.  The reader reads a relation as an identity over the values of
its free symbols, which is what a derivation row means.  Other relations state
something about particular values the text has in mind but does not give, or
relate pieces of notation to each other; a counterexample to the identity
reading says nothing about those.  :func:`refutation_doubts` lists why a
refutation would not be confident; with any doubt, a failing relation is
reported ``unknown`` with the reason (a holding one may still be proved or
checked: if it holds for every value, it holds for the values meant).

>>> import sympy as sp
>>> x, y = sp.symbols("x y", real=True)
>>> refutation_doubts(sp.exp(x), sp.Integer(3), "=")
['one side is a number and the other depends on x, which the text does not fix: a statement about particular values, not an identity']
>>> refutation_doubts(sp.log(sp.exp(x)), x, "=")
[]
>>> refutation_doubts(x + 1, y, "=")
['x appears on one side only and y on the other only: the relation relates notation or states an equation, not an identity']
"""
from __future__ import annotations

import re

import sympy as sp

from symbolic import objects as ob
from symbolic.latex_in.document_doubts import unread_dependence
from symbolic.latex_in.set_names import names_set, setting_doubt
from symbolic.latex_in.spellings import respelled
from symbolic.latex_in.written_doubts import written_doubts
from symbolic.quantities import Quantity
from symbolic.verdict import Verdict

# why a failure is no error when names stand on one side only (stated_conditions reads them)
RELATES_NOTATION = "the relation relates notation or states an equation, not an identity"
EQUATION_IN_IT = "the relation states an equation in it, not an identity"
#: how the doubt of a relation between a number and names the text leaves free begins
PARTICULAR = "one side is a number and the other depends on "
WRITTEN_OUTCOMES = "the relation compares values at written outcomes"
# a sum, an integral or a measure as written: outcomes in the reading are a bound pmf's
_SUMMED = re.compile(r"\\(?:sum|int|prod)(?![A-Za-z])|"
                     r"(?<![A-Za-z\\])(?:H|D|I|KL|CE)\s*(?:_\{?\w*\}?)?\s*[(\[]")


def variables(expr) -> tuple[set, set]:
    """(scalars and free indices, kinded objects and support sizes) of one side.

    Objects (pmfs, logit vectors, joint pmfs) are the labels of indexed families;
    support sizes are the positive integer symbols their shapes use.

    >>> from symbolic.latex_in.parse import Reader
    >>> scalars, objects = variables(Reader().read_side(r"H(p) + z"))
    >>> sorted(map(str, scalars)), sorted(map(str, objects))
    (['z'], ['K', 'p'])
    """
    if isinstance(expr, sp.core.relational.Relational):
        a, b = variables(expr.lhs), variables(expr.rhs)
        return a[0] | b[0], a[1] | b[1]
    if not isinstance(expr, sp.Basic):
        return set(), set()
    labels = {b.label for b in expr.atoms(sp.IndexedBase)}
    sizes = {d for b in expr.atoms(sp.IndexedBase) for d in (b.shape or ())
             for d in getattr(d, "free_symbols", ())}
    scalars, objects = set(), set()
    free = set(expr.free_symbols)
    for d in expr.atoms(sp.Derivative):    # ∂/∂p_k: the index k is the side's too
        free |= {s for v in d.variables for s in v.free_symbols}
    for s in free:
        if isinstance(s, sp.Indexed):
            continue
        if s in labels or s in sizes or (s.is_integer and s.is_positive):
            objects.add(s)
        else:
            scalars.add(s)
    return scalars, objects


def _names(symbols) -> str:
    return ", ".join(sorted(str(s) for s in symbols))


def refutation_doubts(lhs, rhs, relation: str, chain_step: bool = False,
                      bound=frozenset(), introduced=frozenset()) -> list[str]:
    """Why refuting ``lhs relation rhs`` as an identity would not be confident.

    ``bound``: names whose values the document fixes (the μ and σ of a Gaussian it names);
    they are not notation, so they count as neither side's own variables.

    ``introduced``: names an earlier step of the chain brought in (``= e^z / Z``); a step
    that drops one of them puts back what it named.

    ``chain_step``: the relation is one step of a chain ``a = b = c``, a derivation
    whose free variables are meant for all values; a variable that a step drops or
    drops is then a mistake (a lost term), not a sign of an equation.  A step that brings
    in a variable the left side lacks, or whose sides each have variables the other lacks,
    renames notation (``\\log\\frac{p}{1-p} = X\\beta + \\varepsilon``).
    """
    (ls, lo), (rs, ro) = variables(lhs), variables(rhs)
    ls, rs = ls | _stated_cases(lhs, rhs), rs | _stated_cases(rhs, lhs)
    left = {v for v in ls | lo if str(v) not in bound}
    right = {v for v in rs | ro if str(v) not in bound}
    doubts = []
    if bool(left) != bool(right):
        free = left or right
        doubts.append(f"{PARTICULAR}{_names(free)}, which "
                      "the text does not fix: a statement about particular values, not an "
                      "identity")
    elif left - sizes(left) != right - sizes(right):
        only_l = (left - right) - sizes(left)
        only_r = (right - left) - sizes(right)
        if relation == "⇔" and not (only_l and only_r):
            pass   # x = 2 ⇔ 2x - y = 4 - y: one relation may drop a variable the other cancels
        elif only_l and only_r:
            doubts.append(f"{_names(only_l)} appears on one side only and {_names(only_r)} on "
                          "the other only: " + RELATES_NOTATION)
        elif chain_step and only_l and {str(v) for v in only_l} <= set(introduced):
            doubts.append(f"{_names(only_l)}, which an earlier step of the chain brought in, "
                          "is dropped here: a name for part of the expression, put back")
        elif not chain_step and _distributions_related(lhs, rhs, only_l | only_r):
            pass   # H(q) = H(p) + D(p‖q): measures of distributions, not an equation in p
        elif not chain_step or only_r:
            doubts.append(f"{_names(only_l or only_r)} appears on one side only: "
                          + (EQUATION_IN_IT if not chain_step else "a step that brings in a new variable "
                             "names notation, not an identity"))
    names = {str(v) for v in left | right}
    differentials = sorted(n for n in names if re.fullmatch(r"d(?:[a-z]|sigma|theta|mu|w)", n)
                           and n[1:] in names | {"sigma"})
    if differentials:     # 1/z^2 * dx/dz (1 + e^{-x}): a derivative written with a slash
        doubts.append(f"{', '.join(differentials)} read as a name beside "
                      f"{differentials[0][1:]}: a differential or a derivative written with a "
                      "slash (dx/dz), which is not read")
    widths = sorted({str(w) for e in (lhs, rhs) for w in _bin_widths(e)})
    if widths:     # Σ_i p(x_i) Δ: a density times a bin width sums to 1, not the p(x_i) alone
        doubts.append(f"a probability times {', '.join(widths)} under a sum: p may be a density "
                      "whose values times the width sum to 1, not a pmf")
    escaped = sorted(str(v) for v in _escaped_indices(lhs, rhs))
    if escaped:    # \sum P(x) - \log Q(x): the sum likely runs over the whole row
        doubts.append(f"the index {', '.join(escaped)} of a sum is also used after the sum's "
                      "body, as read: the sum may run further than the reading takes it")
    samples = sorted({str(b) for e in (lhs, rhs) for b in _unweighted_log_sums(e)})
    if samples:    # -Σ_x p(x) log q(x) = -1/N Σ_n log q(x_n): x_n the n-th data point
        doubts.append(f"a sum of log {', '.join(samples)} over an index with no weight: the "
                      "text may mean data points x_n (a sample average), not outcomes")
    written = sorted({str(i) for e in (lhs, rhs) if isinstance(e, sp.Basic)
                      for i in e.atoms(sp.Indexed) if all(x.is_Integer for x in i.indices)})
    open_size = sizes(left | right)
    if written and open_size:
        doubts.append(f"outcomes are written out ({', '.join(written[:4])}) of a support whose "
                      f"size {_names(open_size)} the text does not fix")
    elif written and left and right and _only_written_outcomes(lhs, rhs):
        doubts.append(f"{WRITTEN_OUTCOMES} ({', '.join(written[:4])}) of a distribution the text "
                      "does not give: a statement about it, not an identity")
    return doubts


def _only_written_outcomes(lhs, rhs) -> bool:
    """Does ``lhs = rhs`` use its distributions only through entries at written outcomes
    (``P(Z=0) = P(Z=1)``), with no other variable, no sum over them and no measure of them?

    >>> P = ob.pmf("P", 2)
    >>> _only_written_outcomes(P[1], P[2]), _only_written_outcomes(P[1], sp.Symbol("x") * P[2])
    (True, False)
    """
    sides = [e for e in (lhs, rhs) if isinstance(e, sp.Basic)]
    hidden = [e.xreplace({i: sp.Dummy() for i in e.atoms(sp.Indexed)
                          if all(x.is_Integer for x in i.indices)}) for e in sides]
    return not any(s for e in hidden for s in e.free_symbols if not isinstance(s, sp.Dummy))


def _pmfs(expr) -> set:
    """The labels of the pmfs ``expr`` uses."""
    return {b.label for b in expr.atoms(ob.Pmf, ob.JointPmf)} if isinstance(expr, sp.Basic) \
        else set()


def _distributions_related(lhs, rhs, own) -> bool:
    """Are the names one side has alone (``own``) all distributions, with a distribution both
    sides measure?  ``H(q) = H(p) + D(p‖q)`` then relates measures of distributions, which
    is an identity claim: an equation solved for a whole distribution is not written so.
    A side without a shared distribution (``H(p) = \\log K``, true of the uniform p) keeps
    its doubt.

    >>> from symbolic.latex_in.parse import Reader
    >>> r = Reader()
    >>> sides = [r.read_side(t) for t in (r"H(q)", r"H(p) + D(p \\| q)", r"\\log K")]
    >>> p = next(iter(_pmfs(sides[1]) - _pmfs(sides[0])))
    >>> _distributions_related(sides[0], sides[1], {p}), _distributions_related(sides[1], sides[2], {p})
    (True, False)
    """
    left, right = _pmfs(lhs), _pmfs(rhs)
    return bool(own) and set(own) <= left ^ right and bool(left & right)


def _escaped_indices(*sides) -> set:
    """The variables of sums of ``sides`` that the sides also use free (outside every sum
    over them).

    >>> p, x, K = sp.IndexedBase("p"), sp.Symbol("x", integer=True), sp.Symbol("K")
    >>> _escaped_indices(sp.Sum(p[x], (x, 1, K)) - sp.log(p[x]), sp.Integer(0))
    {x}
    >>> _escaped_indices(-sp.Sum(p[x] * sp.log(p[x]), (x, 1, K)), sp.Integer(0))
    set()
    """
    exprs = [e for e in sides if isinstance(e, sp.Basic)]
    summed = {lim[0] for e in exprs for total in e.atoms(sp.Sum, sp.Product)
              for lim in total.limits}
    return summed & set().union(*(e.free_symbols for e in exprs)) if exprs else set()


def _stated_cases(side, other) -> set:
    """The indices of ``side``'s derivative variables (∂p_i/∂z_j: j) that a Kronecker delta
    of ``other`` names: the cases i = j and i ≠ j are both stated there (a Jacobian written
    with cases), so the index is the side's variable too and a failure is the author's.

    >>> i, j = sp.Symbol("i", integer=True), sp.Symbol("j", integer=True)
    >>> z = sp.IndexedBase("z")
    >>> _stated_cases(sp.Derivative(z[i] ** 2, z[j]), sp.KroneckerDelta(i, j))
    {j}
    >>> _stated_cases(sp.Derivative(z[i] ** 2, z[j]), z[i])
    set()
    """
    if not (isinstance(side, sp.Basic) and isinstance(other, sp.Basic)):
        return set()
    deltas = {x for d in other.atoms(sp.KroneckerDelta) for x in d.free_symbols}
    return {x for d in side.atoms(sp.Derivative) for v in d.variables
            if isinstance(v, sp.Indexed) for x in v.indices if x in deltas}


def _bin_widths(expr) -> set:
    """The symbols named like a bin width (Δ, Δx, δ, dx, h) that multiply a pmf's value inside a
    sum of ``expr``.

    >>> p, i, K, D = sp.IndexedBase("p"), sp.Symbol("i", integer=True), sp.Symbol("K"), sp.Symbol("Delta")
    >>> _bin_widths(sp.Sum(p[i] * D * sp.log(p[i]), (i, 1, K)))
    {Delta}
    >>> _bin_widths(sp.Sum(p[i] * sp.log(p[i]), (i, 1, K)))
    set()
    """
    if not isinstance(expr, sp.Basic):
        return set()
    out = set()
    for total in expr.atoms(sp.Sum):
        for term in sp.Add.make_args(total.function):     # (no expand: it may not end)
            factors = sp.Mul.make_args(term)
            if any(isinstance(f, sp.Indexed) for f in factors):
                out |= {f for f in factors if isinstance(f, sp.Symbol) and
                        (f.name.startswith("Delta") or f.name in ("delta", "delta_x", "dx", "h"))}
    return out


def _unweighted_log_sums(expr) -> set:
    """The pmfs whose log at a sum's index is summed with no weight at that index (``\\sum_n
    \\log q(x_n)``: a log-likelihood of data points, where the reader takes
    x_n for the n-th outcome).

    >>> q, n, K = ob.pmf("q", 2), sp.Symbol("n", integer=True), sp.Symbol("K")
    >>> _unweighted_log_sums(sp.Sum(sp.log(q[n]), (n, 1, K)))
    {q}
    >>> _unweighted_log_sums(sp.Sum(q[n] * sp.log(q[n]), (n, 1, K)))
    set()
    >>> y = sp.IndexedBase("y")
    >>> _unweighted_log_sums(sp.Sum(y[n] * sp.log(q[n]) + (1 - y[n]) * sp.log(1 - q[n]), (n, 1, K)))
    set()
    """
    if not isinstance(expr, sp.Basic):
        return set()
    out = set()
    for total in expr.atoms(sp.Sum):
        index = total.limits[0][0]
        for term in sp.Add.make_args(total.function):   # y_i log p_i + (1 - y_i) log(1 - p_i): each weighted
            weighted = any(index in a.indices for a in term.replace(
                lambda e: isinstance(e, sp.log), lambda e: sp.Integer(1)).atoms(sp.Indexed))
            if not weighted:
                out |= {a.base.label for lg in term.atoms(sp.log) for a in lg.args[0].atoms(sp.Indexed)
                        if isinstance(a.base, ob.Pmf) and index in a.indices}
    return out


def sizes(symbols) -> set:
    """The support sizes and other positive integers among ``symbols``."""
    return {s for s in symbols if s.is_integer and s.is_positive}


def brought_in(claim) -> set:
    """The names of ``claim``'s right side that its left side lacks."""
    sides = [{str(s) for s in e.free_symbols} if isinstance(e, sp.Basic) else set()
             for e in (claim.lhs, claim.rhs)]
    return sides[1] - sides[0]


def confident(claim, verdict: Verdict, introduced=frozenset(), source: str = "") -> Verdict:
    """A refutation stands only for a reading the author would sign (see ``confidence``);
    so does ``a ≠ b`` shown by the sides differing."""
    if verdict.status != "refuted":
        return under_doubts(verdict, claim.doubts, claim.relation)
    doubts = claim.doubts + refutation_doubts(claim.lhs, claim.rhs, claim.relation,
                                              claim.chain_step, bound=claim.bound,
                                              introduced=introduced)
    unread = unread_dependence(claim.lhs, claim.rhs, source, claim.lhs_text + " = " + claim.rhs_text)
    doubts += [unread] if unread else []
    tied = setting_doubt(getattr(verdict.counterexample, "values", None) or {}, names_set(source),
                         claim.lhs_text + " = " + claim.rhs_text)
    doubts += [tied] if tied else []      # \alpha_t, \beta_t free, "$\beta_t = 1 - \alpha_t$" said
    if claim.instance:   # the outcomes 1 and 2 are the case's instance, not the text's
        doubts = [d for d in doubts if not d.startswith("outcomes are written out")]
    if _SUMMED.search(claim.lhs_text + claim.rhs_text):   # the outcomes are a bound pmf's, spelled out
        doubts = [d for d in doubts if not d.startswith(WRITTEN_OUTCOMES)]
    doubts += written_doubts(claim, getattr(verdict.counterexample, "values", None) or {})
    if states_independence(claim.lhs_text, claim.rhs_text):
        doubts.append("a conditional equal to the marginal states that the variables are "
                      "independent: a property the text gives its model, not an identity")
    return doubted(verdict, doubts) if doubts else verdict


def under_doubts(verdict: Verdict, doubts: list, relation: str) -> Verdict:
    """``verdict`` when the reading has ``doubts``: a failure, or ``a ≠ b`` held because the
    sides differ (a failure of ``a = b``), is unknown; a proof or a check stands.

    >>> under_doubts(Verdict("checked", "numeric"), ["a guess"], "≠").status
    'unknown'
    >>> under_doubts(Verdict("checked", "numeric"), ["a guess"], "=").status
    'checked'
    """
    # the unit of H scales both readings alike: the sides differ in either
    reading = [d for d in doubts if not d.startswith("the unit of")]
    if reading and relation == "≠" and verdict.holds:
        return Verdict("unknown", "not checked", verdict.samples, reason=(
            f"the sides differ as read ({verdict.method}), but " + "; ".join(reading)),
            seconds=verdict.seconds)
    if doubts and verdict.status == "refuted":
        return doubted(verdict, doubts)
    return verdict


def doubted(verdict: Verdict, doubts: list) -> Verdict:
    """The failure ``verdict`` as ``unknown``, with the ``doubts`` that keep it from a refutation.

    >>> from symbolic.verdict import Counterexample
    >>> failure = Verdict("refuted", "numeric", counterexample=Counterexample({"x": 1.0}, 2.0, 3.0))
    >>> doubted(failure, ["a guess"]).reason
    'fails when read as an identity (numeric), but a guess'
    """
    return Verdict("unknown", "not refuted", verdict.samples,
                   reason=f"fails when read as an identity ({verdict.method}), but " +
                   "; ".join(doubts), seconds=verdict.seconds)


def _bare_names(expr) -> set:
    """The symbols ``expr`` uses as numbers: not the label of an entry ``x[k]``, and not the
    argument of a measure (``H(p)`` names the pmf whose entries are ``p[k]``); an index that
    is a name counts (the q of ``p_q`` beside ``q_i``)."""
    if isinstance(expr, sp.Symbol):
        return {expr}
    if isinstance(expr, sp.Indexed):
        return {k for k in expr.indices if isinstance(k, sp.Symbol)}
    if isinstance(expr, (sp.IndexedBase, Quantity)) or not isinstance(expr, sp.Basic):
        return set()
    return set().union(*(_bare_names(a) for a in expr.args))


def name_in_two_roles(lhs, rhs, relation: str = "=") -> str:
    """The names a relation uses both alone (``y``, or the bound of a sum: ``β_1 x_1 + … +
    β_x x_x``) and as an indexed family (``y_c``), joined by commas; "" when none.  How the
    two relate is a convention of the prose: no sample can give both one meaning.

    >>> x, k = sp.Symbol("x", real=True), sp.Symbol("k", integer=True)
    >>> X = ob.reals("x", ob.support_size("K"))
    >>> name_in_two_roles(x * sp.Sum(X[k], (k, 1, 3)), x), name_in_two_roles(sp.Sum(X[k], (k, 1, 3)), x + 1 - x)
    ('x', '')
    """
    if relation == "⇔" or not all(isinstance(e, sp.Basic) for e in (lhs, rhs)):
        return ""
    norm = lambda n: re.sub(r"[\\{}]", "", n)      # noqa: E731
    scalars = {norm(s.name) for e in (lhs, rhs) for s in _bare_names(e)}
    bases = {norm(str(b.label)) for e in (lhs, rhs) for b in e.atoms(sp.IndexedBase)}
    return ", ".join(sorted(scalars & bases))


_PROBABILITY = r"(?:P|p|q)"
_ONE = r"\s*\(\s*([A-Za-z](?:_\{?\w+\}?)?)\s*"


def states_independence(lhs_text: str, rhs_text: str) -> bool:
    r"""Is ``lhs = rhs`` a conditional equal to its marginal (``\Pr(z|x) = \Pr(z)``)?

    >>> states_independence(r"\mathop{\mathrm{Pr}} (z|x)", r"\mathop{\mathrm{Pr}} (z)")
    True
    >>> states_independence("P(y|x)", "P(x)")
    False
    """
    plain = [re.sub(r"\\(?:mid|vert)(?![A-Za-z])", "|", respelled(t)).strip()   # \Pr: P
             for t in (lhs_text, rhs_text)]
    for a, b in (plain, plain[::-1]):
        given = re.fullmatch(_PROBABILITY + _ONE + r"\|[^()]*\)", a)
        alone = re.fullmatch(_PROBABILITY + _ONE + r"\)", b)
        if given and alone and given.group(1) == alone.group(1):
            return True
    return False
