"""From the text of a chain to the claims it makes, one per relation symbol.

``a = b \\le c`` claims ``a = b`` and ``b ≤ c``; ``A \\Leftrightarrow B`` claims
that the relations A and B are equivalent.  Definitions (``:=``, ``\\equiv``,
``f(x) = …``, a bare symbol set to a number) bind names and claim nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from symbolic import objects as ob

from symbolic.latex_in.bindings import (_defined_with_families, _define, _equation,
                                        names_estimate)
from symbolic.latex_in.derivative_indices import settled_indices
from symbolic.latex_in.function_definitions import read_side_or_error
from symbolic.latex_in.outcome_values import summed_on_both_sides
from symbolic.latex_in.errors import LatexReadError, LatexSyntaxError, UnknownNotation
from symbolic.latex_in.independence import under_independence
from symbolic.latex_in.matrices import entry_rows, with_entries
from symbolic.latex_in.names import function_head, in_terms_of_itself
from symbolic.latex_in.naming import verbal, worded
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.pmf_sizes import one_size_per_pmf, one_size_per_vector
from symbolic.latex_in.passing import (assigns_one_value, condition_on_a_bound_name,
                                       defines_in_passing, defining_side,
                                       renamed_summation_variable, standard_object)
from symbolic.latex_in.reader_binary import labels
from symbolic.latex_in.reader_definitions import defined_head
from symbolic.latex_in.reader_patterns import _DOT_PRODUCT
from symbolic.latex_in.relations import split_chain
from symbolic.latex_in.listed_entries import listed_entries
from symbolic.latex_in.variable_pairs import random_variables_read
from symbolic.verdict import INEQUALITIES

_REL = {"=": sp.Eq, "≤": sp.Le, "≥": sp.Ge, "<": sp.Lt, ">": sp.Gt, "≠": sp.Ne}
_CLAUSE = re.compile(r"\\(?:text|textrm|mathrm)\{\s*(?:where|if|for|when|for all|otherwise)\s*\}")


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
    assumed: str = ""                  # read under an assumption of the text ("independence")
    read_texts: tuple | None = None    # the sides as read, when that assumption rewrote them
    after_implication: object = None  # the claim before ⇒ that this row may solve


BESIDE_IMPLICATION = "a relation beside ⇒ is an equation being solved, not an identity"
# A ⇒ B between expressions: the author rewrites A as B; read as A = B, proved or unknown
REWRITTEN = "⇒ between two expressions is read as a rewriting step (=), which may be loose"


def read_chain(text: str, reader: Reader, document: bool = False, inline: bool = False,
               listed: bool = False) -> list:
    """The claims of one chain, in order; definitions bind and are skipped."""
    clause = _CLAUSE.search(text)
    if clause:
        text = text[:clause.start()]
    chain = split_chain(text)
    if not chain.relations:
        return []
    entries = listed_entries(chain)
    if entries:      # [e^1, e^{-2}] = [2.71, 0.14]: one claim per entry
        claims = []
        for row in entries:
            for claim in read_chain(row, reader, document, inline, listed):
                claim.position = chain.relations[0].position
                claims.append(claim)
        return claims
    displayed = entry_rows(chain, text, reader.sem.displays)   # [a; b] = [c; d]
    # H(X, Z) = H(X) + H(Z|X): two random variables read as X and Y; \sum_X P(X): over x
    pair = random_variables_read(chain.sides,
                                 bool(reader.sem.bound_pmfs() or reader.sem.variable_pmfs))
    read_sides = [pair(s) for s in chain.sides] if pair else chain.sides
    reader.start_chain(read_sides, bounds=any(r.symbol in INEQUALITIES for r in chain.relations))
    chain_doubts = list(reader.doubts)     # doubts of the chain's reading as a whole
    if reader.distributions and document and len(chain.relations) == 1 and \
            chain.relations[0].symbol in ("=", ":="):
        # P(Y=1|X=x) = p(x): a lone equation between distributions may name a model, and
        # P the probability it gives rather than a second distribution
        chain_doubts.append("a lone equation between distributions named by letter may "
                            "define one of them")
    renamed = renamed_summation_variable(text)
    if renamed:
        chain_doubts.append(renamed)
    condition = condition_on_a_bound_name(chain, reader)
    if condition:
        chain_doubts.append(condition)
    if any(r.symbol == "⇔" for r in chain.relations) or _implications(text, chain):
        return _equivalences(text, chain, reader)
    claims = []
    sides = chain.sides
    if document and all(r.symbol == "=" for r in chain.relations) and assigns_one_value(sides):
        return claims      # p_1 = \cdots = p_k = 1/K: a value given, not a claim
    steps = len(chain.relations) > 1
    for n, rel in enumerate(chain.relations):
        lhs_t, rhs_t = sides[n], sides[n + 1]
        if n in displayed:     # compared entry by entry below, never a definition
            claims.append(Claim(rel.symbol, lhs_t.strip(), rhs_t.strip(), rel.position,
                                chain_step=steps))
            continue
        equation = _equation(reader, lhs_t, rhs_t) if document and rel.symbol == "=" and \
            (not steps or n == 0 and in_terms_of_itself(lhs_t, rhs_t)) else None
        # Likelihood := L(\theta | x) = P(X = x | \theta): the function named after := is
        # defined in the same breath
        defining = n == 0 or n == 1 and chain.relations[0].symbol == ":=" and \
            function_head(lhs_t) is not None
        spelled = sides[defining_side(reader, sides)] if n == 0 and document and steps and \
            (function_head(lhs_t) or defined_head(lhs_t)) and \
            all(r.symbol == "=" for r in chain.relations) else rhs_t
        standard = standard_object(lhs_t, rhs_t) if n == 0 and rel.symbol in ("=", ":=") \
            else None
        if standard:     # odds = \frac{1}{1-p}: a definition of a standard object is checked
            claim = Claim("=", lhs_t.strip(), rhs_t.strip(), rel.position, chain_step=steps)
            claim.read_texts = (standard, rhs_t)
            claims.append(claim)
            _define(reader, lhs_t, spelled, chain.side_positions[n], document, True, rel.symbol,
                    listed=listed, inline=inline)
            continue
        if defining and rel.symbol in (":=", "=") and \
                _define(reader, lhs_t, spelled, chain.side_positions[n], document, True,
                        rel.symbol, listed=listed, inline=inline):
            if equation is not None:
                claims.append(Claim("=", lhs_t.strip(), rhs_t.strip(), rel.position,
                                    lhs=equation[0], rhs=equation[1], definition=True))
            continue
        if document and rel.symbol == "=" and (steps or inline) and \
                defines_in_passing(reader, sides, n, chain.side_positions[n]):
            continue   # … = g(u) = \frac{1}{1 + e^{-u}} = p: g, then p, named in passing
        if rel.symbol == ":=" or verbal(lhs_t) or verbal(rhs_t) or \
                names_estimate(reader, rhs_t, rel.symbol, last=n == len(chain.relations) - 1):
            continue   # a definition, a side of words, or … = \hat{\theta}_{MLE} naming the result
        if rel.symbol == "⇒" and any(0 <= k < len(chain.relations) and
                                     chain.relations[k].symbol != "⇒" for k in (n - 1, n + 1)):
            continue   # a = b ⇒ c = d = e: ⇒ joins relations, checked one by one, not b and c
        rewriting = rel.symbol == "⇒"     # the neighbours are ⇒ too: its sides are expressions
        claim = Claim("=" if rewriting else rel.symbol, lhs_t.strip(), rhs_t.strip(),
                      rel.position, chain_step=steps)
        if rewriting:
            claim.doubts.append(REWRITTEN)
        if worded(lhs_t) or worded(rhs_t):
            claim.error = UnknownNotation("a side of words and math (\\text{…} of several "
                                          "words): prose about the math, not a quantity",
                                          rel.position)
        elif any(0 <= k < len(chain.relations) and chain.relations[k].symbol == "⇒"
                 for k in (n - 1, n + 1)):
            # … = 0 \Rightarrow \mu = …: the relations beside ⇒ are equations being solved
            claim.doubts.append(BESIDE_IMPLICATION)
            if n >= 2 and chain.relations[n - 1].symbol == "⇒" and claims and \
                    claims[-1].position == chain.relations[n - 2].position:
                claim.after_implication = claims[-1]   # … = 0 ⇒ \hat{\theta} = k/n
        claims.append(claim)
    cache = {}
    defined = _defined_with_families(reader)
    for side in read_sides:
        if "\\sum" in side or "\\prod" in side or defined and defined.search(side) or \
                _DOT_PRODUCT.search(side):
            read_side_or_error(reader, side, 0)   # a first pass learns the indexed families
    for n, claim in enumerate(claims):
        if claim.error or claim.definition:
            continue
        if reader.sem.independence and claim.relation != "⇒":
            claim.read_texts = under_independence(claim.lhs_text, claim.rhs_text)
            claim.assumed = "independence" if claim.read_texts else ""
        if pair:
            claim.read_texts = tuple(map(pair, claim.read_texts or (claim.lhs_text,
                                                                    claim.rhs_text)))
        for attr, t in zip(("lhs", "rhs"), claim.read_texts or (claim.lhs_text, claim.rhs_text)):
            if t not in cache:
                before = len(reader.doubts)
                cache[t] = (*read_side_or_error(reader, t, claim.position), reader.doubts[before:])
            value, err, doubts = cache[t]
            claim.doubts += [d for d in chain_doubts + doubts if d not in claim.doubts]
            if err:
                claim.error = claim.error or err
            setattr(claim, attr, value)
    binary = bool(reader.sem.positives)
    for claim in claims:
        claim.bound = frozenset(reader.bound_names) | _defined_distributions(claim, reader)
        claim.doubts = settled_indices(claim.doubts, claim.lhs, claim.rhs)   # δ_{ij} says
        claim.doubts = summed_on_both_sides(claim.doubts, claim.lhs, claim.rhs)
        columns = _columns_also_outside(claim)
        if columns:
            claim.doubts.append(columns)
        free = _free_parameters(claim) if reader.distributions else ""
        if free:   # -KL(q(z|x) ‖ p(z)) = ½ Σ_j (1 + log σ_j² − μ_j² − σ_j²): of a family μ, σ name
            claim.doubts.append(f"distributions named by letter beside free quantities ({free}): "
                                "they may be a family those quantities name, not any "
                                "distribution")
        claim.lhs, claim.rhs = one_size_per_vector(*one_size_per_pmf(labels(claim.lhs, binary),
                                                                     labels(claim.rhs, binary)))
    claims = _finish(claims, reader)
    if displayed:      # two displays of one shape: a claim per entry
        claims = with_entries(claims, chain, displayed,
                              lambda row: read_chain(row, reader, document, inline, listed))
    return claims


def _free_parameters(claim) -> str:
    """The real scalars of a claim read by letter, beside its distributions' tables."""
    names, any_table = set(), False
    for side in (claim.lhs, claim.rhs):
        if isinstance(side, sp.Basic):
            tables = {b for b in side.atoms(sp.IndexedBase)
                      if isinstance(b, (ob.Pmf, ob.JointPmf)) or str(b.label).startswith("d")}
            any_table = any_table or bool(tables)
            labels = {b.label for b in side.atoms(sp.IndexedBase)}
            names |= {str(b.label) for b in side.atoms(sp.IndexedBase) - tables}
            names |= {s.name for s in side.free_symbols - labels
                      if isinstance(s, sp.Symbol) and not s.is_integer and
                      not s.name.startswith(("⟨", "d"))}
    return ", ".join(sorted(names)) if any_table else ""


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
            claim.independent = (reader.sem.independent(claim.lhs, reader.y_apart),
                                 reader.sem.independent(claim.rhs, reader.y_apart))
        except (ValueError, TypeError, NotImplementedError, RecursionError):
            claim.independent = None
        claim.lhs, claim.rhs = (reader.sem.to_joint(claim.lhs, reader.y_apart),
                                reader.sem.to_joint(claim.rhs, reader.y_apart))


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


def _columns_also_outside(claim) -> str:
    """``\\sum_{i} x_{i1} = x_{11} + x_{21}``: a column read under a sum (``x[i1]``) beside
    entries of x written out elsewhere, which the reading does not tie to it."""
    atoms = [e.atoms(sp.Symbol, sp.IndexedBase) for e in (claim.lhs, claim.rhs)
             if isinstance(e, sp.Basic)]
    names = {str(getattr(a, "label", a)) for side in atoms for a in side}
    columns = {n.split("[")[0] for n in names if re.fullmatch(r".+\[\w+\]", n)}
    loose = sorted(n for n in names if n.split("_")[0] in columns and "[" not in n)
    return (f"{loose[0]} beside the column of {loose[0].split('_')[0]} a sum reads: how "
            "the two relate is not read") if loose else ""


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


def _defined_distributions(claim, reader) -> frozenset:
    """The distributions a definition put into ``claim`` (``\\mathcal{L}(\\phi)`` of q_φ and p_θ):
    free for every choice, as in the definition, not notation one side brings in; only when
    each side keeps a variable of its own (``\\mathcal{L}(\\phi) = 0.5`` is about one value)."""
    names = getattr(reader, "defined_names", set()) & set(reader.distributions or ())
    if not names or claim.error is not None:
        return frozenset()
    sides = [{str(getattr(s, "label", s)) for s in e.atoms(sp.Symbol, sp.IndexedBase)}
             if isinstance(e, sp.Basic) else set() for e in (claim.lhs, claim.rhs)]
    return frozenset(names) if all(side - names for side in sides) else frozenset()


def _equivalences(text, chain, reader):
    """``R1 ⇔ R2 ⇒ …``: each piece is one relation; a claim for each ⇔ or ⇒."""
    pieces, start, positions = [], 0, []
    for rel in chain.relations:
        if rel.symbol in ("⇔", "⇒"):
            pieces.append((text[start:rel.position], start))
            positions.append((rel.position, rel.symbol))
            start = rel.position + len(rel.source)
    pieces.append((text[start:], start))
    relations, piece_doubts = [], []
    for piece, offset in pieces:
        sub = split_chain(piece)
        if len(sub.relations) != 1 or sub.relations[0].symbol not in _REL:
            relations.append((piece.strip(), None, UnknownNotation(
                f"each side of ⇔ must be one relation: {piece.strip()!r}", offset)))
            piece_doubts.append([])
            continue
        r = sub.relations[0]
        if all(re.fullmatch(r"\s*[pPqQ]\s*", side) for side in sub.sides):
            # D(p ‖ q) = 0 ⇔ p = q: an equation between distributions, not two numbers
            relations.append((piece.strip(), None, UnknownNotation(
                f"{piece.strip()}: an equation between distributions is not read", offset)))
            piece_doubts.append([])
            continue
        before = len(reader.doubts)
        lhs, e1 = read_side_or_error(reader, sub.sides[0], offset)
        rhs, e2 = read_side_or_error(reader, sub.sides[1], offset + sub.side_positions[1])
        err = e1 or e2
        relations.append((piece.strip(), None if err else (lhs, r.symbol, rhs), err))
        piece_doubts.append(reader.doubts[before:])
    claims = []
    for n, (pos, symbol) in enumerate(positions):
        (t0, r0, e0), (t1, r1, e1) = relations[n], relations[n + 1]
        claim = Claim(symbol, t0, t1, pos)
        # an opaque quantity in either relation (I[X, Y] not read) keeps a failure unknown
        claim.doubts += [d for d in piece_doubts[n] + piece_doubts[n + 1] if d not in claim.doubts]
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
