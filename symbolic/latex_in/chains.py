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
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.relations import split_chain

_REL = {"=": sp.Eq, "≤": sp.Le, "≥": sp.Ge, "<": sp.Lt, ">": sp.Gt, "≠": sp.Ne}
_BARE = re.compile(r"\s*((?:\\hat\{)?[A-Za-z]\}?(?:_\{?[A-Za-z0-9]+\}?)?)\s*")
_FUNC_DEF = re.compile(r"\s*((?:\\mathcal\{)?[A-Za-z]\}?)\s*\(\s*([a-z](?:\s*,\s*[a-z])*)\s*\)\s*")
_NUMBER = re.compile(r"\s*-?\s*(\d+(\.\d+)?|\\frac\{\d+\}\{\d+\}|\d+\s*/\s*\d+)\s*[.,]?\s*")


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


def _read(reader: Reader, text: str, offset: int):
    try:
        return reader.read_side(text, offset), None
    except LatexReadError as exc:
        return None, exc
    except RecursionError:
        return None, LatexSyntaxError("expression too deeply nested", offset)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError,
            NotImplementedError, ZeroDivisionError, OverflowError) as exc:
        return None, UnknownNotation(f"cannot read {text.strip()!r}: {type(exc).__name__}: {exc}",
                                     offset)


def _define(reader: Reader, lhs_text: str, rhs_text: str, offset: int, document: bool,
            first: bool, relation: str) -> bool:
    """Bind a name if ``lhs relation rhs`` is a definition; say whether it was."""
    sem = reader.sem
    fd = _FUNC_DEF.fullmatch(lhs_text)
    known = {"H", "I", "p", "q", "r", "P", "Q", "R"}
    if fd and fd.group(1) not in known and (relation == ":=" or first):
        name = fd.group(1)
        variables = [v.strip() for v in fd.group(2).split(",")]
        if name in ("f", "g", "h") or "mathcal" in name or relation == ":=":
            body, err = _read(reader, rhs_text, offset)
            if err is None:
                syms = [sp.Symbol(v, real=True) for v in variables]
                sem.functions[name.replace("\\mathcal{", "\\mathcal{")] = sp.Lambda(tuple(syms), body)
            return True
    if relation == ":=":
        return True
    bare = _BARE.fullmatch(lhs_text)
    if first and relation == "=" and bare and bare.group(1) not in ("K", "C", "n", "N"):
        name = bare.group(1).replace("\\", "")
        if _NUMBER.fullmatch(rhs_text):
            value, err = _read(reader, rhs_text, offset)
            if err is None and not value.free_symbols:
                sem.bindings[name] = value
                return True
        if document and name not in sem.bindings:
            value, err = _read(reader, rhs_text, offset)
            used = {s.name for s in value.free_symbols} if err is None else set()
            if err is None and name not in used and name not in sem.used:
                sem.bindings[name] = value
                sem.used |= used
                return True
    return False


def read_chain(text: str, reader: Reader, document: bool = False) -> list:
    """The claims of one chain, in order; definitions bind and are skipped."""
    chain = split_chain(text)
    if not chain.relations:
        return []
    reader.start_chain()
    if any(r.symbol == "⇔" for r in chain.relations):
        return _equivalences(text, chain, reader)
    claims = []
    sides = chain.sides
    for n, rel in enumerate(chain.relations):
        lhs_t, rhs_t = sides[n], sides[n + 1]
        if n == 0 and rel.symbol in (":=", "=") and \
                _define(reader, lhs_t, rhs_t, chain.side_positions[n], document, True, rel.symbol):
            continue
        if rel.symbol == ":=":
            continue
        claim = Claim(rel.symbol, lhs_t.strip(), rhs_t.strip(), rel.position)
        if rel.symbol == "⇒":
            claim.error = UnknownNotation("⇒ (implication) is not checked", rel.position)
        claims.append(claim)
    cache = {}
    for side in sides:
        if "\\sum" in side or "\\prod" in side:
            _read(reader, side, 0)   # a first pass learns the indexed families
    for n, claim in enumerate(claims):
        if claim.error:
            continue
        for attr, t in (("lhs", claim.lhs_text), ("rhs", claim.rhs_text)):
            if t not in cache:
                cache[t] = _read(reader, t, claim.position)
            value, err = cache[t]
            if err:
                claim.error = claim.error or err
            setattr(claim, attr, value)
    return _finish(claims, reader)


def _finish(claims, reader):
    for claim in claims:
        if claim.error or claim.lhs is None or claim.rhs is None:
            claim.lhs = claim.rhs = None
            if claim.error is None:
                claim.error = UnknownNotation("a side could not be read", claim.position)
            continue
        if not claim.lhs_text or not claim.rhs_text:
            claim.error = LatexSyntaxError("a relation needs both sides", claim.position)
            continue
        if reader.joint_used:
            claim.lhs, claim.rhs = reader.sem.to_joint(claim.lhs), reader.sem.to_joint(claim.rhs)
        claim.context = reader.sem.context([claim.lhs, claim.rhs])
    return claims


def _equivalences(text, chain, reader):
    """``R1 ⇔ R2 ⇔ …``: each piece is one relation."""
    pieces, start, positions = [], 0, []
    for rel in chain.relations:
        if rel.symbol == "⇔":
            pieces.append((text[start:rel.position], start))
            positions.append(rel.position)
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
    for n, pos in enumerate(positions):
        (t0, r0, e0), (t1, r1, e1) = relations[n], relations[n + 1]
        claim = Claim("⇔", t0, t1, pos)
        if e0 or e1:
            claim.error = e0 or e1
        else:
            claim.lhs = _REL[r0[1]](r0[0], r0[2], evaluate=False)
            claim.rhs = _REL[r1[1]](r1[0], r1[2], evaluate=False)
        claims.append(claim)
    for claim in claims:
        if claim.error:
            continue
        if reader.joint_used:
            claim.lhs = reader.sem.to_joint(claim.lhs)
            claim.rhs = reader.sem.to_joint(claim.rhs)
        claim.context = reader.sem.context([claim.lhs, claim.rhs])
    return claims
