"""Cases a document states for a row: ``\\text{if } y = 1``, ``i = j``, ``k \\ne i``.

A row true only in a case (the diagonal ``i = k`` of a Jacobian, the label ``y = 1``) is
not an identity over every value.  A case ``a = b`` with a lone name ``a`` is applied:
``a`` is replaced by ``b`` in the row's claims (a true identity stays true when one of
its variables is given a value, so this never makes a false alarm).  Any other case
(``x > 0``, words) cannot be applied by substitution; a row under it may still be proved
or checked, but a failure is ``unknown``.  A case ``k \\ne i`` between two indices is applied
at one instance, k = 2 and i = 1: a failure there is a counterexample, and a proof there is
reported as checked, since it covers one instance.

>>> import sympy as sp
>>> i, k = sp.Symbol("i", integer=True), sp.Symbol("k", integer=True)
>>> substitutions([r"k = i"], {i, k})
({k: i}, [])
>>> substitutions([r"k \\neq i"], {i, k})
({k: 2, i: 1}, [])
>>> substitutions([r"x > 0"], {sp.Symbol("x")})[1]
['the row holds under the case x > 0, which the check does not apply']
"""
from __future__ import annotations

import re
from dataclasses import replace as copy

import sympy as sp

from symbolic.latex_in.derivative_indices import is_other_entry_doubt
from symbolic.objects import BinaryLabels, OneHot, Pmf, object_bases
from symbolic.latex_in.names import lone_name
from symbolic.latex_in.reader_patterns import _plain
from symbolic.latex_in.relations import split_chain
from symbolic.verdict import Verdict


def _symbol_named(text: str, symbols):
    name = _plain(text)
    return next((s for s in symbols if _plain(getattr(s, "name", "")) == name), None)


def substitutions(conditions, symbols) -> tuple[dict, list]:
    """(replacements, doubts) for the cases ``conditions`` (LaTeX texts) of a row whose
    claims use ``symbols``; ``k = i`` also makes ``z_k`` the ``z_i`` of the row."""
    replace, doubts = {}, []
    for condition in conditions:
        chain = split_chain(condition)
        found = {}
        if len(chain.relations) == 1 and chain.relations[0].symbol == "=" and \
                lone_name(chain.sides[0]):
            left, right = chain.sides[0].strip(), chain.sides[1].strip()
            target = _symbol_named(left, symbols)
            value = sp.Integer(int(right)) if re.fullmatch(r"-?\d+", right) else \
                _symbol_named(right, symbols)
            if target is not None and value is not None:
                found[target] = value
            if re.fullmatch(r"[a-z]", left) and re.fullmatch(r"[a-z]", right):
                found.update(_subscripts(left, right, symbols))
        names = {_plain(getattr(s, "name", "")) for s in symbols}
        names |= {re.sub(r"_.*$", "", n) for n in names} | {re.sub(r"^.*_", "", n) for n in names}
        mentioned = set(re.findall(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", condition))
        if not found:
            found = _distinct(chain, symbols)
        if found:
            replace.update(found)
        elif _about_another_name(chain, names):
            continue        # y_i = 0 beside a row in z_i alone: moot
        elif mentioned & names or re.search(r"\\perp|[XYZ]", condition):
            # a case about something else in the text is moot; one about the random
            # variables (X \perp Y) is about every measure of them
            doubts.append(_case_doubt(condition))
    return replace, doubts


def _about_another_name(chain, names: set) -> bool:
    """A case ``name = value`` whose name, and the letter it is written with, the row does not
    use (``y_i = 0`` beside a row in ``z_i``): the case cannot change the row.

    >>> _about_another_name(split_chain("y_i = 0"), {"z_i", "z", "i"})
    True
    >>> _about_another_name(split_chain("y = 1"), {"y_k", "y", "k"})
    False
    """
    if len(chain.relations) != 1 or chain.relations[0].symbol != "=" or \
            not lone_name(chain.sides[0]) or not re.fullmatch(r"\s*-?\d+\s*", chain.sides[1]):
        return False
    name = _plain(chain.sides[0].strip())
    return name not in names and re.sub(r"_.*$", "", name) not in names


def _distinct(chain, symbols) -> dict:
    """``k \\ne i`` between two indices: the instance k = 2, i = 1 (a row true whenever
    k ≠ i holds there, so a failure there is a counterexample; a proof there is one
    instance only, see :func:`instance_of`)."""
    if len(chain.relations) != 1 or chain.relations[0].symbol != "≠":
        return {}
    left, right = chain.sides[0].strip(), chain.sides[1].strip()
    a, b = _symbol_named(left, symbols), _symbol_named(right, symbols)
    if a is None or b is None or not (a.is_integer and b.is_integer) or a == b:
        return {}
    found = {a: sp.Integer(2), b: sp.Integer(1)}
    found.update({s: v for s, v in _subscripts(left, "2", symbols).items() if s not in found})
    found.update({s: v for s, v in _subscripts(right, "1", symbols).items() if s not in found})
    return found


def instance_of(replace: dict) -> str:
    """The values a case gave indices, as text (empty when the case was a substitution).

    >>> k, i = sp.Symbol("k", integer=True), sp.Symbol("i", integer=True)
    >>> instance_of({k: sp.Integer(2), i: sp.Integer(1)})
    'i = 1, k = 2'
    """
    shown = sorted(f"{s} = {v}" for s, v in replace.items()
                   if isinstance(s, sp.Symbol) and s.is_integer and v.is_Integer)
    return ", ".join(shown)


def _subscripts(old: str, new: str, symbols) -> dict:
    """``z_k`` → ``z_i`` for the case ``k = i``."""
    out = {}
    for s in symbols:
        m = re.fullmatch(r"(.+)_\{?" + old + r"\}?", getattr(s, "name", ""))
        if m and isinstance(s, sp.Symbol):
            twin = f"{m.group(1)}_{new}"
            out[s] = next((t for t in symbols if _plain(getattr(t, "name", "")) == _plain(twin)),
                          sp.Symbol(twin, **s.assumptions0))
    return out


def apply_cases(claims, conditions) -> None:
    """Put the cases of a row into its claims (in place: replacements and doubts)."""
    if not conditions:
        return
    symbols = set()
    for claim in claims:
        for side in (claim.lhs, claim.rhs):
            if isinstance(side, sp.Basic):
                symbols |= side.atoms(sp.Symbol)     # derivative variables too
    replace, doubts = substitutions(conditions, symbols)
    named = _distribution_names(claims)
    if any(getattr(k, "name", None) in named or getattr(v, "name", None) in named
           for k, v in replace.items()):
        replace = {}   # q = p, p and q pmfs: the case would reach their letters, not the pmfs
        doubts = [_case_doubt(c) for c in conditions]
    distinct = any(re.search(r"\\neq?(?![A-Za-z])|≠", c) for c in conditions)
    for claim in claims:
        if distinct and replace:
            claim.instance = instance_of(replace)
        if replace and claim.lhs is not None and claim.rhs is not None:
            # the index of a sum or an integral is its own, not the case's (k = 1 beside Σ_k)
            bound = {v for side in (claim.lhs, claim.rhs) if isinstance(side, sp.Basic)
                     for e in side.atoms(sp.Sum, sp.Product, sp.Integral) for v in e.variables}
            free = {k: v for k, v in replace.items() if k not in bound}
            try:
                claim.lhs, claim.rhs = claim.lhs.xreplace(free), claim.rhs.xreplace(free)
            except (ValueError, TypeError):    # a case that cannot be put in: read without it
                claim.doubts.append("the case stated for this row cannot be applied to it")
                continue
            # the case settles whether the indices of a derivative are equal
            claim.doubts = [d for d in claim.doubts if not (d.startswith("the derivative in")
                                                            or is_other_entry_doubt(d))]
        numbers = all(isinstance(side, sp.Basic) and not side.free_symbols
                      for side in (claim.lhs, claim.rhs))
        if not numbers:     # no case makes 1 \cdot \log 0.75 ≈ 0.415 hold
            moot = {_case_doubt(c) for c in conditions if _defines_what_the_claim_lacks(c, claim)}
            claim.doubts += [d for d in doubts if d not in claim.doubts and d not in moot]


def _distribution_names(claims) -> set:
    """The names of the pmfs and other kinded families the claims read (``Pmf(p, (K,))``;
    not a quantity's argument, σ(z_i))."""
    return {b.name for claim in claims for side in (claim.lhs, claim.rhs)
            if isinstance(side, sp.Basic) for b in object_bases(side)}


def _case_doubt(condition: str) -> str:
    return f"the row holds under the case {condition.strip()}, which the check does not apply"


# E(w,b) = …: a case that defines a function
_DEFINED_FUNCTION = re.compile(r"(\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*\(")


def _defines_what_the_claim_lacks(condition: str, claim) -> bool:
    r"""Is ``condition`` a case that defines a function (``E(w,b) = -\sum_n …``, recalled
    beside the rows) which ``claim`` does not write?  A definition of E is moot for a row
    without E (``\sum_n (t_n - y_n) x_n = …``)."""
    m = _DEFINED_FUNCTION.match(condition.strip())
    if not m:
        return False
    name = _plain(m.group(1))
    written = {_plain(getattr(s, "name", "")) for side in (claim.lhs, claim.rhs)
               if isinstance(side, sp.Basic) for s in side.atoms(sp.Symbol)}
    written |= {type(f).__name__ for side in (claim.lhs, claim.rhs) if isinstance(side, sp.Basic)
                for f in side.atoms(sp.Function)}
    return not any(w == name or w.startswith(name + "(") or w.startswith(name + "_")
                   for w in written)


# the doubt reader_operators records for ∂/∂z_i of an expression in z_k
_OPEN_INDICES = re.compile(r"the derivative in (.+?)_(\w+) of an expression in another ")


def equal_case(claim):
    """For a row that differentiates in ``z_i`` an expression in ``z_k`` with no case stated:
    the replacements that make ``k = i``, a case the row must hold in too (``∂z_k/∂z_i = 0``
    holds only for k ≠ i).  None when the row leaves no indices open; an empty dict when
    they cannot be made equal (several letters, ``W_{ij}`` and ``W_{kl}``).

    >>> from types import SimpleNamespace
    >>> zi, zk = sp.Symbol("z_i", real=True), sp.Symbol("z_k", real=True)
    >>> row = SimpleNamespace(lhs=sp.Derivative(zk, zi), rhs=sp.Integer(0), doubts=[
    ...     "the derivative in z_i of an expression in another z_·: …"])
    >>> equal_case(row)
    {z_k: z_i}
    """
    opened = [m for m in map(_OPEN_INDICES.match, claim.doubts) if m]
    if not opened or not all(isinstance(s, sp.Basic) for s in (claim.lhs, claim.rhs)):
        return None
    symbols = claim.lhs.atoms(sp.Symbol) | claim.rhs.atoms(sp.Symbol)
    letters = {t.name: t for t in symbols}
    replace = {}
    for m in opened:
        base, index = m.group(1), m.group(2)
        for s in symbols:
            other = re.fullmatch(re.escape(base) + r"_\{?(\w+)\}?", s.name)
            if not other or other.group(1) == index:
                continue
            if len(other.group(1)) != 1 or len(index) != 1:
                return {}
            replace.update(_subscripts(other.group(1), index, symbols))
            if other.group(1) in letters and index in letters:
                replace[letters[other.group(1)]] = letters[index]
    return replace


def in_both_cases(claim, verdict, decide):
    """``verdict`` for a row with indices a derivative leaves open, kept only when the row
    also holds with them equal (``decide`` decides a claim); otherwise unknown."""
    if not verdict.holds:
        return verdict
    replace = equal_case(claim)
    if replace is None:
        return verdict
    if replace:
        twin = copy(claim, lhs=claim.lhs.xreplace(replace), rhs=claim.rhs.xreplace(replace),
                    doubts=[d for d in claim.doubts if not _OPEN_INDICES.match(d)])
        equal = decide(twin)
        if equal.holds:
            return verdict
        said = ", ".join(f"{a} = {b}" for a, b in replace.items())
        why = f"with the indices equal ({said}) it {'fails' if equal.status == 'refuted' else 'is not decided'}"
    else:
        why = "the case of equal indices could not be formed"
    return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds, reason=(
        f"holds when the indices of the derivative differ, but {why}, and the text states "
        "no case"))


def at_instance(claim, verdict):
    """A case ``k \\ne i`` is read at one instance: a proof there covers that one only
    (checked); a failure there is a counterexample."""
    if not claim.instance or verdict.status not in ("proved", "refuted"):
        return verdict
    return copy(verdict, status="checked" if verdict.status == "proved" else "refuted",
                method=f"{verdict.method}, at the instance {claim.instance} of the case")


def _label_values(claim) -> list:
    """The cases that fix a label: ``y_k = 1`` for the one entry y_k of one-hot or binary
    labels the relation uses (k the true class), or ``y = 1`` and ``y = 0`` for a scalar
    label y; [] when the relation uses labels otherwise (a sum over them)."""
    sides = [claim.lhs, claim.rhs]
    entries = {e for s in sides for e in s.atoms(sp.Indexed)
               if isinstance(e.base, (OneHot, BinaryLabels))}
    if entries:
        bases = {e.base for e in entries}
        summed = any(any(e.base in bases for e in s.atoms(sp.Indexed)) for side in sides
                     for s in side.atoms(sp.Sum))
        return [] if len(entries) != 1 or summed else [{entries.pop(): sp.Integer(1)}]
    labels = {s for side in sides for s in side.free_symbols
              if isinstance(s, sp.Symbol) and _LABEL.fullmatch(s.name)}
    if len(labels) != 1:
        return []
    label = labels.pop()
    return [{label: sp.Integer(1)}, {label: sp.Integer(0)}]


_LABEL = re.compile(r"[yt](?:_\{?[a-z0-9]\}?)?")    # y, y_k, t_{n}: a label (or its entry)


def _differentiates(claim) -> bool:
    text = (claim.lhs_text or "") + (claim.rhs_text or "")
    return bool(claim.lhs.atoms(sp.Derivative) or claim.rhs.atoms(sp.Derivative)) or \
        "\\partial" in text or re.search(r"\\[dt]?frac\s*\{\s*d", text) is not None


def at_a_label_value(claim, verdict, decide):
    """A refutation of a row that holds once a label takes a value (``-y_k \\log p_k = -\\log
    p_k`` with k the true class, ``-y\\log\\hat{y} - (1-y)\\log(1-\\hat{y}) = -\\log\\hat{y}`` for
    y = 1): posts fix the label in the prose, so the failure is unknown.

    >>> from symbolic.latex_in.chains import Claim
    >>> y, p = sp.Symbol("y_k"), sp.Symbol("p_k", positive=True)
    >>> claim = Claim("=", "", "", 0, lhs=-y * sp.log(p), rhs=-sp.log(p))
    >>> from symbolic.verdict import Counterexample
    >>> held = lambda twin: Verdict("proved" if twin.lhs == twin.rhs else "unknown", "x")
    >>> failed = Verdict("refuted", "numeric", counterexample=Counterexample({}, 0.0, 1.0))
    >>> at_a_label_value(claim, failed, held).status
    'unknown'
    """
    if verdict.status != "refuted" or claim.lhs is None or claim.rhs is None or \
            _differentiates(claim) or "\\begin{cases}" in claim.lhs_text + claim.rhs_text:
        return verdict        # a derivative holds for every label value, or is wrong; cases
    for case in _label_values(claim):      # written out state each value of the label
        # subs, not xreplace: a label's letter may also bind a sum (\sum_{x,y} p(x, y) …)
        twin = copy(claim, lhs=claim.lhs.subs(case), rhs=claim.rhs.subs(case))
        if any(isinstance(e, sp.Basic) and e.has(sp.zoo, sp.nan, sp.oo, -sp.oo)
               for e in (twin.lhs, twin.rhs)):
            continue          # b/(1 - y) at y = 1: the label value is outside the domain
        if decide(twin).holds:
            said = ", ".join(f"{a} = {b}" for a, b in case.items())
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                           reason=f"fails as an identity, but holds for the label value {said} "
                                  "(the true class), which the text may fix in words")
    return verdict


# the text before a row says a distribution is a label: one-hot, or of entropy 0
ONE_HOT_CUE = re.compile(
    r"one[- ]?hot|원[- ]?핫|独热|ワンホット|entropy (?:of \S+ )?(?:is|becomes|equals) (?:0|zero)"
    r"|엔트로피[는가은]?\s*0|熵(?:为|是|等于)\s*0|エントロピー[はが]\s*0"
    r"|H\s*\(\s*[pPy]\s*\)\s*=\s*0(?![\d.])", re.I)


def at_a_one_hot_pmf(claim, verdict, decide, before: str = "one-hot"):
    """A refutation of a row that holds, with sides that are not 0, once a pmf it uses is
    one-hot (``D_{KL}(p\\|q) = -\\sum_i p_i \\log q_i`` for a label distribution p, whose
    entropy is 0), when the text ``before`` the row says so (:data:`ONE_HOT_CUE`: "one-hot",
    "the entropy of p is 0"): the failure is then unknown.  A row both of whose sides vanish
    there (a sign lost in ``H(p) = \\sum p \\log p``) stays refuted; without the words a
    lost sign of the entropy term (``\\sum p \\log p - \\sum p \\log q = H(p) - …``), which
    also holds at one-hot p, stays refuted.

    >>> from symbolic.latex_in.chains import read_chain
    >>> from symbolic.latex_in.parse import Reader
    >>> from symbolic.latex_in.check import decide
    >>> claim = read_chain(r"D_{KL}(p\\|q) = -\\sum_{i=1}^n p(x_i) \\log q(x_i)", Reader())[0]
    >>> at_a_one_hot_pmf(claim, decide(claim), decide).reason[:60]
    'fails as an identity, but holds when p is one-hot (a label d'
    >>> claim = read_chain(r"H(p) = \\sum_x p(x) \\log p(x)", Reader())[0]
    >>> at_a_one_hot_pmf(claim, decide(claim), decide).status
    'refuted'
    """
    if verdict.status != "refuted" or claim.lhs is None or claim.rhs is None or \
            _differentiates(claim) or not ONE_HOT_CUE.search(before):
        return verdict
    for pmf in sorted({b for side in (claim.lhs, claim.rhs) for b in side.atoms(Pmf)}, key=str):
        swap = {pmf: OneHot(pmf.label, shape=pmf.shape)}
        twin = copy(claim, lhs=claim.lhs.xreplace(swap), rhs=claim.rhs.xreplace(swap))
        if decide(twin).holds and \
                decide(copy(twin, relation="=", rhs=sp.Integer(0))).status == "refuted":
            return Verdict("unknown", "not read", verdict.samples, seconds=verdict.seconds,
                           reason=f"fails as an identity, but holds when {pmf} is one-hot (a "
                                  "label distribution, of entropy 0), which the text may say "
                                  "in words")
    return verdict
