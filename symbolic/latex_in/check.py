"""Hand a claim read from LaTeX to the engine, in a worker with a time and memory limit.

The reader only reads; the engine decides.  A claim takes the same path as a step of
the catalogue, :func:`symbolic.verify.check_relation` (which also decides ``≠``, ``⇔``
between numbers, claims about models and about an arbitrary convex function), under
one :func:`symbolic.timelimit.run_limited`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from types import SimpleNamespace

from symbolic.context import Context
from symbolic.latex_in.confidence import name_in_two_roles
from symbolic.convex import convex_functions
from symbolic.timelimit import run_limited
from symbolic.verdict import Verdict
from symbolic.verify import CheckOptions, check_relation

DEFAULT_TIMEOUT = 10.0
MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    """Per-relation wall-clock seconds and memory, and how many samples."""

    seconds: float = DEFAULT_TIMEOUT
    memory_mb: int = MEMORY_MB
    samples: int = 1000
    seed: int = 0
    symbolic: bool = True       # False: numbers only (a screen that can refute, never prove)


def engine_context(claim) -> Context:
    """The claim's context, with its applied functions as arbitrary convex functions
    (the reader keeps a function undefined only where the text says it is convex).

    >>> from types import SimpleNamespace
    >>> import sympy as sp
    >>> f, x = sp.Function("f"), sp.Symbol("x")
    >>> sorted(engine_context(SimpleNamespace(lhs=f(x), rhs=x, context=None)).convex)
    ['f']
    """
    context = claim.context or Context()
    functions = frozenset(str(f) for f in convex_functions(claim.lhs, claim.rhs))
    return replace(context, convex=context.convex | functions) if functions else context


def in_two_roles(claim) -> Verdict | None:
    """``unknown`` for a claim that uses a name both alone and as an indexed family (see
    :func:`symbolic.latex_in.confidence.name_in_two_roles`); None otherwise.  A claim, not a
    definition checked against a standard object, whose reading may expand a measure.

    >>> from symbolic.latex_in.chains import read_chain
    >>> from symbolic.latex_in.parse import Reader
    >>> in_two_roles(read_chain(r"\\nabla_w J = (y - \\sigma(w^\\top x)) x", Reader())[0]).reason[:40]
    'w, x are used both alone and as indexed '
    """
    mixed = "" if claim.error is not None else name_in_two_roles(claim.lhs, claim.rhs, claim.relation)
    if not mixed:
        return None
    first, many = mixed.split(", ")[0], ", " in mixed
    return Verdict("unknown", "not read", reason=(
        f"{mixed} {'are' if many else 'is'} used both alone and as "
        f"{'indexed families' if many else 'an indexed family'} ({first}_c): how the two relate "
        "is a convention of the prose, not of the math"))


def decide(claim, limits: Limits = Limits(), key: str = "") -> Verdict:
    """The engine's verdict on one claim; unreadable claims are ``unknown`` with the reason.

    >>> from symbolic.latex_in.chains import read_chain
    >>> from symbolic.latex_in.parse import Reader
    >>> [decide(c).status for c in read_chain(r"(a+1)^2 = a^2 + 2a + 1 \\ne a^2", Reader())]
    ['proved', 'checked']
    """
    if claim.error is not None:
        return Verdict("unknown", "not read", reason=claim.error.message)
    options = CheckOptions(samples=limits.samples, seed=limits.seed, symbolic=limits.symbolic,
                           symbolic_seconds=max(0.5, 0.5 * limits.seconds),
                           memory_mb=limits.memory_mb)
    start = time.monotonic()
    outcome = run_limited(check_relation, claim.lhs, claim.rhs, claim.relation,
                          engine_context(claim), options,
                          key or f"{claim.lhs_text} {claim.relation} {claim.rhs_text}",
                          seconds=limits.seconds, memory_mb=limits.memory_mb)
    elapsed = time.monotonic() - start
    if outcome.status == "ok":
        return replace(outcome.value, seconds=elapsed)
    if outcome.status == "timeout":
        return Verdict("unknown", "none", reason=f"time limit of {limits.seconds:g} s reached",
                       seconds=elapsed)
    if outcome.status == "memory":
        return Verdict("unknown", "none", reason=outcome.message, seconds=elapsed)
    return Verdict("unknown", "none", reason=f"could not check: {outcome.message}",
                   seconds=elapsed)


def decide_sides(lhs, rhs, relation: str = "=", context=None, limits: Limits = Limits(),
                 key: str = "") -> Verdict:
    """The engine's verdict on ``lhs relation rhs``, two expressions the reader built rather
    than read from the text (a value put into an equation, a pdf to compare with).

    >>> import sympy as sp
    >>> x = sp.Symbol("x", real=True)
    >>> decide_sides((x + 1) ** 2, x ** 2 + 2 * x + 1).status
    'proved'
    """
    claim = SimpleNamespace(relation=relation, lhs=lhs, rhs=rhs, error=None, context=context,
                            lhs_text="", rhs_text="")
    return decide(claim, limits, key)

