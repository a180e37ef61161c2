"""Verdicts on a relation: proved, checked, refuted or unknown.

* ``proved``: SymPy showed it symbolically, or a lemma of the library with its
  side conditions, a case split, or interval arithmetic (and no sample
  contradicts it);
* ``checked``: numeric evidence only, on ``samples`` random draws;
* ``refuted``: a counterexample, re-checked with mpmath at 50 digits and more
  until two precisions agree and an interval enclosure makes the failure certain
  (or an exact interval bound);
* ``unknown``: not decided, with the reason.

>>> Verdict("checked", "numeric: 1001 samples", samples=1001).holds
True
"""
from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("proved", "checked", "refuted", "unknown")
INEQUALITIES = ("≤", "≥", "<", ">")    # the relations that bound, not equate


@dataclass(frozen=True)
class Counterexample:
    """Values of every object at a point where the relation fails.

    ``values`` maps names to floats (scalars) or nested lists (vectors, joint
    pmfs); ``lhs`` and ``rhs`` are both sides there, from the 50-digit
    re-check (for ``⇔`` steps, the two relations' left-minus-right values).
    """

    values: dict
    lhs: float
    rhs: float
    note: str = ""

    def as_dict(self) -> dict:
        out = {"values": self.values, "lhs": self.lhs, "rhs": self.rhs}
        if self.note:
            out["note"] = self.note
        return out

    def scalars(self) -> str:
        """The scalar values alone, sorted by name, to four digits (for a reason's text).

        >>> Counterexample({"x": 0.123456, "p": [0.5, 0.5], "b": 2}, 1.0, 2.0).scalars()
        'b = 2, x = 0.1235'
        """
        return ", ".join(f"{k} = {v:.4g}" for k, v in sorted(self.values.items())
                         if isinstance(v, (int, float)) and not isinstance(v, bool))

    def describe(self) -> str:
        """One line: every value, then both sides.

        >>> Counterexample({"x": 0.5}, 1.0, 2.0).describe(), Counterexample({}, "-oo", "oo").describe()
        ('x = 0.5; lhs = 1, rhs = 2', 'lhs = -oo, rhs = oo')
        """
        parts = [f"{k} = {_short(v)}" for k, v in self.values.items()]
        side = lambda v: f"{v:.17g}" if isinstance(v, (int, float)) else str(v)   # noqa: E731
        text = "; ".join(parts + [f"lhs = {side(self.lhs)}, rhs = {side(self.rhs)}"])
        return f"{text} ({self.note})" if self.note else text


def _short(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one relation."""

    status: str
    method: str
    samples: int = 0
    counterexample: Counterexample | None = None
    reason: str = ""
    seconds: float = field(default=0.0, compare=False)
    uses: tuple = ()
    side_conditions: tuple = ()
    instance: str = ""

    @classmethod
    def proved_by(cls, proof, samples: int = 0, reason: str = "") -> "Verdict":
        """``proved`` by ``proof`` (a :class:`symbolic.lemmas.Proof`): its method,
        the lemmas it used, the side conditions it proved and the instance.

        >>> from symbolic.lemmas import Proof
        >>> Verdict.proved_by(Proof("lemma: gibbs", ("gibbs",)), 1000).uses
        ('gibbs',)
        """
        return cls("proved", proof.method, samples, reason=reason, uses=tuple(proof.uses),
                   side_conditions=tuple(proof.side_conditions), instance=proof.instance)

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"unknown verdict {self.status!r}")
        if self.status == "refuted" and self.counterexample is None:
            raise ValueError("a refuted verdict needs its counterexample")

    @property
    def holds(self) -> bool:
        return self.status in ("proved", "checked")

    def describe(self) -> str:
        """The verdict, its method, and the reason or counterexample."""
        text = f"{self.status} ({self.method})"
        if self.reason:
            text += f": {self.reason}"
        if self.counterexample is not None:
            text += f"; counterexample: {self.counterexample.describe()}"
        return text

    def _repr_markdown_(self) -> str:
        """Jupyter: the verdict in bold, its method, reason or counterexample."""
        from symbolic.printing.notebook import verdict_markdown
        return verdict_markdown(self)


def overall(statuses) -> str:
    """The verdict of a chain from its steps' verdicts.

    >>> overall(["proved", "checked"]), overall(["proved", "unknown", "refuted"])
    ('checked', 'refuted')
    """
    statuses = list(statuses)
    for worst in ("refuted", "unknown", "checked"):
        if worst in statuses:
            return worst
    return "proved"
