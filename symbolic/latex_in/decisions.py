r"""The verdicts of one lint run: per relation, cached, and decided in parallel.

A relation's verdict depends only on what was read (both sides in SymPy, the
relation, the context with the document's bindings), the limits, and the key
that seeds its samples.  :func:`claim_key` names exactly that, in a form that
is the same in every process (``srepr``; sets and mappings sorted; ``Dummy``
indices numbered in order of appearance), so

* the result cache (:mod:`symbolic.cache`, keyed on those parts and the engine
  version) serves a relation that did not change, even in an edited document:
  editing one relation re-checks only that one;
* :meth:`Decisions.prefetch` can decide the relations of a document on several
  processes, and the document's walk then reads each verdict back.  While the
  walk still collects (reading is sequential: one core), the claims collected so
  far are already decided on the other cores, a few at a time.

A verdict cut short by a time or memory limit is not cached (it may decide
next time), and one whose claim was not read is not either (nothing to key).

>>> import sympy as sp
>>> from symbolic.latex_in.chains import Claim
>>> from symbolic.latex_in.check import Limits
>>> x = sp.Symbol("x")
>>> a = Claim("=", "x + x", "2x", 0, lhs=x + x, rhs=2 * x)
>>> claim_key(a, Limits(), "post.md:x + x") == claim_key(a, Limits(), "post.md:x + x")
True
>>> calls = []
>>> decisions = Decisions(engine=lambda claim, limits, key: calls.append(key) or
...                       Verdict("proved", "symbolic: simplify"))
>>> decisions.decide(a, Limits(), "k").status, decisions.decide(a, Limits(), "k").status
('proved', 'proved')
>>> calls
['k']
"""
from __future__ import annotations

import dataclasses
import os
import pickle
import re
import select
from collections.abc import Mapping

import sympy as sp

from symbolic.verdict import Counterexample, Verdict

NOT_CACHED = ("limit", "memory", "worker died")   # cut short: may decide next time
_DUMMY = re.compile(r"dummy_index=(\d+)")


def canonical(value) -> str:
    """A text naming ``value`` that is the same in every process."""
    if isinstance(value, sp.Basic):
        return sp.srepr(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type(value).__name__ + canonical(
            {f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    if isinstance(value, Mapping):
        return "{" + ", ".join(sorted(f"{canonical(k)}: {canonical(v)}"
                                      for k, v in value.items())) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(canonical(v) for v in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(canonical(v) for v in value) + ")"
    return repr(value)


def claim_key(claim, limits, key: str) -> tuple:
    """The cache key parts of deciding ``claim`` with ``limits`` and sample key ``key``."""
    text = " | ".join((canonical(claim.lhs), claim.relation, canonical(claim.rhs),
                       canonical(claim.context)))
    numbers: dict = {}
    text = _DUMMY.sub(lambda m: f"dummy#{numbers.setdefault(m.group(1), len(numbers))}", text)
    return ("lint-relation", text, canonical(limits), key)


def verdict_json(v: Verdict) -> dict:
    """A verdict as JSON data (see :func:`verdict_from_json`)."""
    return {"status": v.status, "method": v.method, "samples": v.samples,
            "counterexample": None if v.counterexample is None else dataclasses.asdict(
                v.counterexample),
            "reason": v.reason, "seconds": v.seconds, "uses": list(v.uses),
            "side_conditions": list(v.side_conditions), "instance": v.instance}


def verdict_from_json(data: dict) -> Verdict:
    """The verdict stored by :func:`verdict_json`."""
    ce = data["counterexample"]
    return Verdict(data["status"], data["method"], data["samples"],
                   None if ce is None else Counterexample(**ce), data["reason"],
                   data["seconds"], tuple(data["uses"]), tuple(data["side_conditions"]),
                   data["instance"])


def _cacheable(v: Verdict) -> bool:
    return not any(word in v.reason or word in v.method for word in NOT_CACHED)


class Decisions:
    """Decide claims once: from memory, then the result cache, then ``engine``
    (``engine(claim, limits, key) -> Verdict``, the checking engine)."""

    #: Claims one early child decides while the walk still collects: few, so the
    #: last of them ends soon after the reading does.
    EARLY_BATCH = 3

    def __init__(self, engine, cache=None, jobs: int = 1):
        self.engine, self.cache, self.jobs = engine, cache, jobs
        self.memo: dict = {}
        self.readings: dict = {}       # (text, reader state, flags) -> a worker's pickled reading
        self.pending: dict = {}        # collect mode: the claims to decide
        self.collecting = False
        self.early: list = []          # children deciding collected claims during the walk

    def decide(self, claim, limits, key: str) -> Verdict:
        """The verdict on ``claim``; in collect mode a placeholder, noted for later."""
        if claim.error is not None:
            return self.engine(claim, limits, key)
        try:
            parts = claim_key(claim, limits, key)
        except ValueError:       # an integer of more digits than Python will print
            return Verdict("unknown", "none", reason="a number in the relation is too large "
                           "to work with exactly")
        if parts in self.memo:
            return self.memo[parts]
        stored = self.cache.get(parts) if self.cache is not None else None
        if stored is not None:
            self.memo[parts] = verdict_from_json(stored)
            return self.memo[parts]
        if self.collecting:
            if not any(parts in child.parts for child in self.early):
                self.pending[parts] = (claim, limits, key)
                self._start_early()
            return Verdict("unknown", "none", reason="collected, not decided yet")
        return self._keep(parts, self.engine(claim, limits, key))

    def _keep(self, parts, verdict: Verdict) -> Verdict:
        self.memo[parts] = verdict
        if self.cache is not None and _cacheable(verdict):
            self.cache.put(parts, verdict_json(verdict))
        return verdict

    def _start_early(self) -> None:
        """While collecting, keep ``jobs`` − 1 children deciding what was collected
        (the walk's reading takes the remaining core), a few claims each."""
        for child in [c for c in self.early if c.poll()]:
            self._finish(child)
        while self.pending and len(self.early) < self.jobs - 1:
            batch = list(self.pending.items())[:self.EARLY_BATCH]
            for parts, _ in batch:
                del self.pending[parts]
            self.early.append(_Child(self.engine, batch))

    def _finish(self, child) -> None:
        self.early.remove(child)
        for parts, verdict in child.wait():   # a child that died: decided later, here
            self._keep(parts, verdict)

    def prefetch(self) -> None:
        """Decide the collected claims on up to ``jobs`` forked processes, a few
        claims per child, each free process taking the next few (so the processes
        end together however long each claim takes)."""
        work, self.pending = list(self.pending.items()), {}
        if self.jobs <= 1 or len(work) < 2:
            for parts, args in work:
                self._keep(parts, self.engine(*args))
            work = []
        size = max(1, min(self.EARLY_BATCH, len(work) // (2 * self.jobs)))
        while work or self.early:
            while work and len(self.early) < self.jobs:
                self.early.append(_Child(self.engine, work[:size]))
                work = work[size:]
            select.select([c.fd for c in self.early if not c.done], [], [])
            for child in [c for c in self.early if c.poll()]:
                self._finish(child)


class _Child:
    """A forked child deciding ``work`` ((parts, (claim, limits, key)) items); its
    answer is read while it runs, so a long one never blocks on a full pipe."""

    def __init__(self, engine, work):
        self.parts = {parts for parts, _ in work}
        read_fd, write_fd = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            _answer(engine, work, write_fd)
        os.close(write_fd)
        self.fd, self.chunks, self.done = read_fd, [], False

    def poll(self, timeout: float = 0) -> bool:
        """Read what is there; True once the child has said everything."""
        while not self.done and select.select([self.fd], [], [], timeout)[0]:
            chunk = os.read(self.fd, 1 << 20)
            if chunk:
                self.chunks.append(chunk)
            else:
                self.done = True
                os.close(self.fd)
        return self.done

    def wait(self) -> list:
        """(parts, verdict) of each item decided; [] if the child died."""
        while not self.poll(None):
            pass
        os.waitpid(self.pid, 0)
        try:
            return pickle.loads(b"".join(self.chunks))
        except Exception:  # the child died: its items are decided again by the caller
            return []


def _answer(engine, work, write_fd):  # pragma: no cover - runs in a child
    try:
        data = pickle.dumps([(parts, engine(*args)) for parts, args in work])
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(0)
