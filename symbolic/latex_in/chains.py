"""From the text of a chain to the claims it makes, one per relation symbol.

``a = b \\le c`` claims ``a = b`` and ``b ≤ c``; ``A \\Leftrightarrow B`` claims
that the relations A and B are equivalent.  Definitions (``:=``, ``\\equiv``,
``f(x) = …``, a bare symbol set to a number) bind names and claim nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from symbolic.latex_in.errors import LatexReadError, LatexSyntaxError, UnknownNotation
from symbolic.latex_in.models import ArgMin
from symbolic.latex_in.names import function_head, lone_name
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.reader_definitions import bound_apart, defined_head, expand_except
from symbolic.latex_in.reader_patterns import _plain
from symbolic.latex_in.relations import split_chain

_REL = {"=": sp.Eq, "≤": sp.Le, "≥": sp.Ge, "<": sp.Lt, ">": sp.Gt, "≠": sp.Ne}
_BARE = re.compile(r"\s*((?:\\hat\{)?[A-Za-z]\}?(?:_\{?[A-Za-z0-9]+\}?)?)\s*")
# \text{odds} = …: a word that names the right-hand side
_WORD_NAME = re.compile(r"\s*\\(?:text|textrm|mathrm|operatorname)\{\s*([A-Za-z]+)\s*\}\s*")
# F(θ | x), \mathcal{L}(y, \hat{y}): a function of named arguments (not a pmf value)
_WORD_FUNC = re.compile(r"\s*\\(?:text|textrm|mathrm|operatorname)\{((?!(?:CE|KL|H|I|logit|sigmoid|"
                        r"softmax|odds|log|ln|exp|E|D_\{KL\})\})[A-Za-z]{2,})\}\s*\([^()]*\)\s*")
# \hat{\theta}_{MLE}: an estimate of the model parameters (set to an argmin or argmax)
_ESTIMATE = re.compile(r"\s*(?:\\hat\{?\s*\\theta\s*\}?(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?|"
                       r"\\theta(?:_\{[^{}]*\}|_[A-Za-z0-9]+))\s*")
_CLAUSE = re.compile(r"\\(?:text|textrm|mathrm)\{\s*(?:where|if|for|when|for all|otherwise)\s*\}")
_NUMBER = re.compile(r"\s*-?\s*(\d+(\.\d+)?|\\frac\{\d+\}\{\d+\}|\d+\s*/\s*\d+)\s*[.,]?\s*")
_PMF_VALUE = re.compile(r"\s*([pPqQrR])\s*\(\s*(?:([XYZ])(?:_\{?\w+\}?)?\s*=\s*)?(\w)\s*\)\s*")
_RATIONAL = re.compile(r"\s*(\d+(?:\.\d+)?|\\[dt]?frac\{(\d+)\}\{(\d+)\}|(\d+)\s*/\s*(\d+))\s*"
                       r"(?:(?:\\quad|\\qquad|,|\\,|\\;)\s*)*(?:\(\s*(\w)\s*(?:\\ne|\\neq)\s*(\w+)\s*\))?"
                       r"\s*[.,]?\s*")


def number_value(text: str):
    """The exact value of a plain number (``0.8``, ``1/3``, ``\\frac{1}{3}``) or None."""
    m = _RATIONAL.fullmatch(text)
    if not m:
        return None
    if m.group(2):
        return sp.Rational(int(m.group(2)), int(m.group(3)))
    if m.group(4):
        return sp.Rational(int(m.group(4)), int(m.group(5))) if int(m.group(5)) else None
    return sp.Rational(m.group(1))


@dataclass
class Claim:
    """One relation to check (or that could not be read)."""

    relation: str
    lhs_text: str
    rhs_text: str
    position: int                      # index of the relation symbol in the chain text
    lhs: object = None
    rhs: object = None
    error: LatexReadError | None = None
    context: object = None
    notes: list = field(default_factory=list)
    # the two sides with X and Y independent (for a text that assumes it), if read jointly
    independent: tuple | None = None
    chain_step: bool = False           # one step of a chain a = b = c (a derivation row)
    definition: bool = False           # defines its left side: not checked, may start a solution
    doubts: list = field(default_factory=list)   # why a failure would not be the author's
    bound: frozenset = frozenset()     # names whose values the document fixes (μ, σ of a Gaussian)
    instance: str = ""                 # values a case k ≠ i gave indices ("i = 1, k = 2")


def _read_definition(reader: Reader, text: str, offset: int):
    """The right side of a definition, its defined names kept as names."""
    with reader.names_kept():
        value, err = _read(reader, text, offset)
    return bound_apart(value), err


def _read(reader: Reader, text: str, offset: int):
    try:
        return reader.read_side(text, offset), None
    except LatexReadError as exc:
        return None, exc
    except RecursionError:
        return None, LatexSyntaxError("expression too deeply nested", offset)
    except (ValueError, TypeError, IndexError, NotImplementedError, ZeroDivisionError,
            OverflowError) as exc:   # SymPy's answers to algebra it cannot do; a KeyError or
        # an AttributeError is the reader's own bug, and stops the reading visibly
        return None, UnknownNotation(f"cannot read {text.strip()!r}: {type(exc).__name__}: {exc}",
                                     offset)


def _pmf_value(reader: Reader, lhs_text: str, rhs_text: str, listed: bool) -> bool:
    """``p(a) = 1/3``, ``P(X_i = 1) = 1``, ``P(X_i = c) = 0 (c \ne 1)``: values of a pmf."""
    m, r = _PMF_VALUE.fullmatch(lhs_text), _RATIONAL.fullmatch(rhs_text)
    if not m or not r:
        return False
    value = number_value(re.sub(r"\(.*$", "", rhs_text).strip().rstrip(".,").strip() or "x")
    if value is None or value < 0 or value > 1:
        return False
    sem = reader.sem
    letter = sem.pmf_of_variable(m.group(2)).label.name if m.group(2) else m.group(1)
    outcome = m.group(3)
    if r.group(6):                      # (c \ne 1): every other outcome
        if r.group(6) != outcome:
            return False
        sem.set_pmf_rest(letter, value)
        return True
    if outcome.isdigit():
        sem.set_pmf_value(letter, int(outcome), value)
        return True
    if listed and outcome.isalpha():    # p(a) = 1/3, p(b) = 2/3: named outcomes
        sem.set_pmf_value(letter, outcome, value)
        return True
    return False


def _define(reader: Reader, lhs_text: str, rhs_text: str, offset: int, document: bool,
            first: bool, relation: str, listed: bool = False) -> bool:
    """Bind a name if ``lhs relation rhs`` is a definition; say whether it was."""
    sem = reader.sem
    if document and relation == "=" and _pmf_value(reader, lhs_text, rhs_text, listed):
        return True
    name = reader.symbol_name(lhs_text) if _ESTIMATE.fullmatch(lhs_text) else None
    name = _plain(name) if name else None
    if first and relation in ("=", ":=") and name and (name not in sem.bindings or relation == ":="):
        # the first θ̂ = argmin … names the estimate; a later one is a claim about it
        value, err = _read(reader, rhs_text, offset)
        if err is None and isinstance(value, ArgMin):
            sem.bindings[name] = value     # θ̂ = argmin …: later rows compare argmins with it
            return True
        if err is not None and document:
            return True                    # θ̂ set to notation not read: a definition
    head = function_head(lhs_text)
    if head and (relation == ":=" or first) and (document or relation == ":="):
        _define_function(reader, head, lhs_text, rhs_text, offset)
        return True   # f(x) = …, \mathcal{L}(y, \hat{y}) = …, L(\theta | x) = …: names a function
    applied = defined_head(lhs_text) if document and first and relation == "=" else None
    if applied:       # E_{n}(\mathbf{w}) = …: E_n, applied to w, names the right side
        _define_application(reader, applied, rhs_text, offset)
        return True
    ff = _WORD_FUNC.fullmatch(lhs_text)
    if document and first and ff:
        return True
    if relation == ":=":
        return True
    word = _WORD_NAME.fullmatch(lhs_text)
    if document and first and relation == "=" and word and word.group(1) not in sem.used:
        # \textrm{odds} = p/(1-p): the word names the right-hand side from here on
        value, err = _read(reader, rhs_text, offset)
        if err is None and word.group(1) == "odds":
            sem.bindings["odds"] = value
            sem.used |= {s.name for s in value.free_symbols}
        return True
    name = lone_name(lhs_text)
    if not (first and relation == "=" and name and
            not (name in ("K", "C", "n", "N") and lhs_text.strip() == name)):   # C_2 is a name
        return False
    estimate = reader.symbol_name(lhs_text) if _ESTIMATE.fullmatch(lhs_text) else None
    if estimate and _plain(estimate) in sem.bindings:
        return False   # θ_ML = … after θ_ML was named: a claim about the estimate
    bare = _BARE.fullmatch(lhs_text)
    key = _plain(bare.group(1)) if bare else None
    if key and _NUMBER.fullmatch(rhs_text):
        value, err = _read(reader, rhs_text, offset)
        if err is None and not value.free_symbols:
            sem.bindings[key] = value      # p = 0.8: an assignment, from here on
            return True
    if not document:
        return False
    if key:
        value, err = _read_definition(reader, rhs_text, offset)
        # a_n = w_0 x_n + w_1 after y_n = \sigma(a_n): bound too, unless it defines itself
        used = {_plain(s.name) for e in (value, expand_except(value, sem.bindings))
                for s in e.free_symbols if isinstance(s, sp.Symbol)} if err is None else set()
        alias = err is None and isinstance(value, sp.Symbol) and len(key) == 1
        if err is None and key not in used and not alias:   # i = j is a case, not a name
            sem.bindings[key] = value
            sem.used |= used
            reader.define_family(key, value)   # p_i = e^{z_i}/\sum_j e^{z_j}: p_j, p_k too
    # in a document, a lone name set to something defines it (again): J = …, \hat{y}_3 = 0.57
    return True


def _equation(reader: Reader, lhs_text: str, rhs_text: str):
    """Both sides of a lone equation read before it binds anything (None if unreadable)."""
    bare = _BARE.fullmatch(lhs_text)
    if bare and _plain(bare.group(1)) in reader.sem.bindings:
        return None
    (lhs, e1), (rhs, e2) = _read(reader, lhs_text, 0), _read(reader, rhs_text, 0)
    return None if e1 or e2 else (lhs, rhs)


def _define_function(reader: Reader, head, lhs_text: str, rhs_text: str, offset: int) -> None:
    """``f(x, y) = body``: later applications of f substitute into the body; a head with
    other arguments (``g(\\mathrm{w}^Tx)``) names its body where those arguments recur."""
    name, args = head
    variables = [v.strip() for v in args.split(",")]
    if not (len(name) == 1 and all(re.fullmatch(r"[a-z]", v) for v in variables)):
        applied = defined_head(lhs_text)
        if applied:
            _define_application(reader, applied, rhs_text, offset)
        return
    body, err = _read_definition(reader, rhs_text, offset)
    if err is None:
        syms = [sp.Symbol(v, real=True) for v in variables]
        reader.sem.functions[name] = sp.Lambda(tuple(syms), body)


def _define_application(reader: Reader, applied, rhs_text: str, offset: int) -> None:
    """``E_{n}(\\mathbf{w}) = body``: later ``E_{n}(\\mathbf{w})`` is the body."""
    body, err = _read_definition(reader, rhs_text, offset)
    key, args = applied
    if err is None and key not in {_plain(getattr(s, "name", "")) for s in body.free_symbols}:
        reader.sem.applications[key] = (args, body)
    else:
        reader.sem.applications.pop(key, None)   # set again to what is not read: forgotten


def read_chain(text: str, reader: Reader, document: bool = False, inline: bool = False,
               listed: bool = False) -> list:
    """The claims of one chain, in order; definitions bind and are skipped."""
    clause = _CLAUSE.search(text)
    if clause:
        text = text[:clause.start()]
    chain = split_chain(text)
    if not chain.relations:
        return []
    reader.start_chain(chain.sides)
    chain_doubts = list(reader.doubts)     # doubts of the chain's reading as a whole
    if reader.distributions and document and len(chain.relations) == 1:
        # P(Y=1|X=x) = p(x): a lone equation between distributions may name a model, and
        # P the probability it gives rather than a second distribution
        chain_doubts.append("a lone equation between distributions named by letter may "
                            "define one of them")
    if any(r.symbol == "⇔" for r in chain.relations) or _implications(text, chain):
        return _equivalences(text, chain, reader)
    claims = []
    sides = chain.sides
    steps = len(chain.relations) > 1
    for n, rel in enumerate(chain.relations):
        lhs_t, rhs_t = sides[n], sides[n + 1]
        equation = _equation(reader, lhs_t, rhs_t) if document and not steps and \
            rel.symbol == "=" else None
        if n == 0 and rel.symbol in (":=", "=") and \
                _define(reader, lhs_t, rhs_t, chain.side_positions[n], document, True, rel.symbol,
                        listed=listed):
            if equation is not None:
                claims.append(Claim("=", lhs_t.strip(), rhs_t.strip(), rel.position,
                                    lhs=equation[0], rhs=equation[1], definition=True))
            continue
        if rel.symbol == ":=":
            continue
        claim = Claim(rel.symbol, lhs_t.strip(), rhs_t.strip(), rel.position, chain_step=steps)
        if rel.symbol == "⇒":
            claim.error = UnknownNotation("⇒ (implication) is not checked", rel.position)
        claims.append(claim)
    cache = {}
    defined = _defined_with_families(reader)
    for side in sides:
        if "\\sum" in side or "\\prod" in side or defined and defined.search(side):
            _read(reader, side, 0)   # a first pass learns the indexed families
    for n, claim in enumerate(claims):
        if claim.error or claim.definition:
            continue
        for attr, t in (("lhs", claim.lhs_text), ("rhs", claim.rhs_text)):
            if t not in cache:
                before = len(reader.doubts)
                cache[t] = (*_read(reader, t, claim.position), reader.doubts[before:])
            value, err, doubts = cache[t]
            claim.doubts += [d for d in chain_doubts + doubts if d not in claim.doubts]
            if err:
                claim.error = claim.error or err
            setattr(claim, attr, value)
    for claim in claims:
        claim.bound = frozenset(reader.bound_names)
    return _finish(claims, reader)


def _defined_with_families(reader):
    """A pattern for the names the document set to something with indexed families in it
    (``L = -\\sum_k y_k \\log p_k``): a side that uses one teaches the chain its families."""
    names = [k for k, v in reader.sem.bindings.items()
             if isinstance(v, sp.Basic) and v.atoms(sp.Indexed)]
    names += list(reader.sem.family_definitions)
    if not names:
        return None
    return re.compile(r"(?<![A-Za-z\\])(?:" + "|".join(re.escape(n.split("_")[0])
                                                       for n in names) + r")(?![A-Za-z])")


def _concrete(claim, reader) -> None:
    """Put the pmf values the text gives into both sides."""
    def put(e):
        if isinstance(e, sp.core.relational.Relational):   # a side of ⇔ stays a relation
            return type(e)(reader.sem.concrete(e.lhs), reader.sem.concrete(e.rhs), evaluate=False)
        return reader.sem.concrete(e)
    try:
        claim.lhs, claim.rhs = put(claim.lhs), put(claim.rhs)
    except LatexReadError as exc:
        claim.error = exc
    except (ValueError, TypeError, NotImplementedError, RecursionError) as exc:
        claim.error = UnknownNotation(f"cannot use the pmf values given in the text: {exc}",
                                      claim.position)


def _joint(claim, reader) -> None:
    if reader.joint_used:
        try:
            claim.independent = (reader.sem.independent(claim.lhs),
                                 reader.sem.independent(claim.rhs))
        except (ValueError, TypeError, NotImplementedError, RecursionError):
            claim.independent = None
        claim.lhs, claim.rhs = reader.sem.to_joint(claim.lhs), reader.sem.to_joint(claim.rhs)


def _finish(claims, reader):
    for claim in claims:
        if claim.definition:
            continue
        if claim.error or claim.lhs is None or claim.rhs is None:
            claim.lhs = claim.rhs = None
            if claim.error is None:
                claim.error = UnknownNotation("a side could not be read", claim.position)
            continue
        if not claim.lhs_text or not claim.rhs_text:
            claim.error = LatexSyntaxError("a relation needs both sides", claim.position)
            continue
        _concrete(claim, reader)
        if claim.error:
            claim.lhs = claim.rhs = None
            continue
        _joint(claim, reader)
        claim.lhs, claim.rhs = one_size(claim.lhs, claim.rhs)
        claim.context = reader.sem.context([claim.lhs, claim.rhs])
    return claims


def one_size(lhs, rhs):
    """The N of ``\\sum_{n=1}^{N} n = \\frac{N(N+1)}{2}`` is one symbol on both sides:
    the size a sum runs to, not a real scalar on the side without the sum.

    >>> n, k = sp.Symbol("N", integer=True, positive=True), sp.Symbol("k", integer=True)
    >>> one_size(sp.Sum(k, (k, 1, n)), sp.Symbol("N", real=True) / 2)[1].free_symbols == {n}
    True
    """
    sides = [e for e in (lhs, rhs) if isinstance(e, sp.Basic)]
    sizes = {s.name: s for e in sides for s in e.free_symbols
             if isinstance(s, sp.Symbol) and s.is_integer and s.is_positive}
    if not sizes:
        return lhs, rhs

    def unify(e):
        if not isinstance(e, sp.Basic):
            return e
        repl = {s: sizes[s.name] for s in e.free_symbols if isinstance(s, sp.Symbol)
                and s.name in sizes and s != sizes[s.name] and not s.is_integer}
        return e.xreplace(repl) if repl else e
    return unify(lhs), unify(rhs)


def _implications(text, chain) -> bool:
    """``e^z(1-P) = P \\Rightarrow P = \\frac{e^z}{1+e^z}``: relations joined by ⇒, each one
    relation (the steps of solving an equation, not identities)."""
    if not any(r.symbol == "⇒" for r in chain.relations):
        return False
    cuts = [r for r in chain.relations if r.symbol in ("⇒", "⇔")]
    bounds = [0] + [p for r in cuts for p in (r.position, r.position + len(r.source))] + \
        [len(text)]
    return all(len(split_chain(text[a:b]).relations) == 1
               for a, b in zip(bounds[::2], bounds[1::2]))


def _equivalences(text, chain, reader):
    """``R1 ⇔ R2 ⇒ …``: each piece is one relation; a claim for each ⇔ or ⇒."""
    pieces, start, positions = [], 0, []
    for rel in chain.relations:
        if rel.symbol in ("⇔", "⇒"):
            pieces.append((text[start:rel.position], start))
            positions.append((rel.position, rel.symbol))
            start = rel.position + len(rel.source)
    pieces.append((text[start:], start))
    relations = []
    for piece, offset in pieces:
        sub = split_chain(piece)
        if len(sub.relations) != 1 or sub.relations[0].symbol not in _REL:
            relations.append((piece.strip(), None, UnknownNotation(
                f"each side of ⇔ must be one relation: {piece.strip()!r}", offset)))
            continue
        r = sub.relations[0]
        lhs, e1 = _read(reader, sub.sides[0], offset)
        rhs, e2 = _read(reader, sub.sides[1], offset + sub.side_positions[1])
        err = e1 or e2
        relations.append((piece.strip(), None if err else (lhs, r.symbol, rhs), err))
    claims = []
    for n, (pos, symbol) in enumerate(positions):
        (t0, r0, e0), (t1, r1, e1) = relations[n], relations[n + 1]
        claim = Claim(symbol, t0, t1, pos)
        if e0 or e1:
            claim.error = e0 or e1
        else:
            claim.lhs = _REL[r0[1]](r0[0], r0[2], evaluate=False)
            claim.rhs = _REL[r1[1]](r1[0], r1[2], evaluate=False)
        claims.append(claim)
    for claim in claims:
        if claim.error:
            continue
        _concrete(claim, reader)
        if claim.error:
            continue
        _joint(claim, reader)
        claim.lhs, claim.rhs = one_size(claim.lhs, claim.rhs)
        claim.context = reader.sem.context([claim.lhs, claim.rhs])
    return claims
