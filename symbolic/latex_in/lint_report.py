"""What lint reports: one :class:`StepResult` per relation found, a :class:`FileReport` per
document, and their JSON (the contract of ``infoderive lint --json``, ../shared/DESIGN.md).

>>> from symbolic.verdict import Verdict
>>> step = StepResult(3, "=", "a", "b", Verdict("unknown", "none", reason="not read"))
>>> FileReport("post.md", [step]).as_json()["findings"][0]["message"]
'not read'
"""
from __future__ import annotations

from dataclasses import dataclass, field

from symbolic.verdict import Verdict


@dataclass
class StepResult:
    """One checked relation: where it is, what it says, and the verdict."""

    line: int
    relation: str
    lhs: str
    rhs: str
    verdict: Verdict
    syntax_error: bool = False
    suggestions: list = field(default_factory=list)   # repairs that hold, for a refuted step

    @property
    def status(self) -> str:
        return "error" if self.syntax_error else self.verdict.status

    def message(self) -> str:
        v = self.verdict
        if self.syntax_error or v.status == "unknown":
            return v.reason or v.method
        if v.status == "refuted":
            return f"the relation fails ({v.method})"
        return v.method

    def as_json(self, with_line: bool = True) -> dict:
        d = {"relation": self.relation, "lhs": self.lhs, "rhs": self.rhs,
             "verdict": self.status, "method": self.verdict.method,
             "counterexample": (self.verdict.counterexample.as_dict()
                                if self.verdict.counterexample else None)}
        if with_line:
            d = {"line": self.line, **d, "message": self.message()}
        if self.suggestions:
            d["suggestions"] = self.suggestions
        return d


@dataclass
class FileReport:
    file: str
    steps: list = field(default_factory=list)
    error: str = ""

    @property
    def decided(self) -> int:
        return sum(s.status in ("proved", "checked", "refuted") for s in self.steps)

    def as_json(self) -> dict:
        findings = [s.as_json() for s in self.steps if s.status not in ("proved", "checked")]
        for f in findings:
            f.pop("method", None)
        return {"file": self.file, "relations_total": len(self.steps),
                "relations_checked": self.decided, "findings": findings}
