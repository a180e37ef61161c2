"""Read one chain in a forked worker, under the per-relation time and memory limits.

The reader's answer comes back pickled; unpickling evaluates (SymPy's constructors run),
so the worker unpickles its own answer once, under its limits, before sending it, and a
relation such as ``10^{10^{10^{10}}}`` stops the worker, never the parent.
"""
from __future__ import annotations

import pickle

import sympy as sp

from symbolic.latex_in.chains import read_chain
from symbolic.latex_in.check import Limits
from symbolic.latex_in.errors import LatexReadError, ReadingLimit
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.relations import split_chain
from symbolic.resident import Resident


class _Relation(tuple):
    """A relation sent back from a worker: unpickled, SymPy would evaluate Ge(2, 1) to True."""


def _pack(side):
    if isinstance(side, sp.core.relational.Relational):
        return _Relation((type(side), side.lhs, side.rhs))
    return side


def _unpack(side):
    if isinstance(side, _Relation):
        kind, lhs, rhs = side
        return kind(lhs, rhs, evaluate=False)
    return side


def _read_in_worker(text, reader, flags):
    try:
        claims = read_chain(text, reader, **flags)
    except LatexReadError as exc:       # unreadable: sent back to be reported as such
        return _rebuilt_here((exc, reader.sem))
    for claim in claims:
        claim.lhs, claim.rhs = _pack(claim.lhs), _pack(claim.rhs)
        if claim.independent:
            claim.independent = tuple(_pack(s) for s in claim.independent)
    return _rebuilt_here((claims, reader.sem))


READER = Resident()   # one reading child per process: the parser stays warm from chain to chain


def _read_resident(dummies: int, text, reader, flags):
    """``_read_in_worker`` in the resident reading child, numbering Dummies from
    ``dummies`` (the caller's count), as a child forked for this reading would."""
    sp.Dummy._count = dummies
    return _read_in_worker(text, reader, flags)


def _rebuilt_here(value) -> bytes:
    """``value`` pickled, after unpickling it once here, under the worker's limits:
    unpickling calls each class's constructor, which evaluates (10^{10^{10^{10}}} kept
    unevaluated by the reader would be computed by the parent, outside every limit).
    SymPy's cache is cleared first, so this costs what it will cost the parent."""
    data = pickle.dumps(value)
    sp.core.cache.clear_cache()
    pickle.loads(data)
    return data


def read_limited(text: str, reader: Reader, limits: Limits, readings: dict | None = None,
                 **flags) -> list:
    """``read_chain`` in a forked worker under the per-relation time and memory limits
    (``10^{10^{10^{10}}}`` must not hang the reader); the reader's state comes back.
    ``readings`` keeps each worker's answer by text, reader state and flags."""
    if not split_chain(text).relations:
        return []                       # plain math ($x$, $p_i$): nothing to read, no worker
    try:
        memo = None if readings is None else (text, pickle.dumps(reader.sem), repr(limits),
                                              repr(sorted(flags.items())))
    except Exception:                   # a state that does not pickle is read again
        memo = None
    data = readings.get(memo) if memo is not None else None
    if data is None:
        outcome = READER.run(_read_resident, sp.Dummy._count, text, reader, flags,
                             seconds=limits.seconds, memory_mb=limits.memory_mb)
        if outcome.status != "ok":
            raise ReadingLimit(f"reading stopped: {outcome.message or outcome.status}", 0)
        data = outcome.value
        if memo is not None:
            readings[memo] = data
    claims, reader.sem = pickle.loads(data)   # cheap: the worker did it once
    if isinstance(claims, LatexReadError):
        raise claims
    for claim in claims:
        claim.lhs, claim.rhs = _unpack(claim.lhs), _unpack(claim.rhs)
        if claim.independent:
            claim.independent = tuple(_unpack(s) for s in claim.independent)
    return claims
