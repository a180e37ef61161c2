"""Check every relation of a document, or one LaTeX string (``verify``)."""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symbolic.latex_in.chains import read_chain
from symbolic.latex_in.check import Limits, decide, side_text
from symbolic.latex_in.documents import chains, line_of
from symbolic.latex_in.errors import LatexReadError, LatexSyntaxError
from symbolic.latex_in.parse import Reader
from symbolic.latex_in.semantics import Semantics
from symbolic.verdict import Verdict

SIZES = {"K", "n", "N"}


@dataclass
class StepResult:
    """One checked relation: where it is, what it says, and the verdict."""

    line: int
    relation: str
    lhs: str
    rhs: str
    verdict: Verdict
    syntax_error: bool = False

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


def _is_condition(claim) -> bool:
    """An inline relation with free variables states a condition, not an identity."""
    for side in (claim.lhs, claim.rhs):
        for s in getattr(side, "free_symbols", set()):
            if isinstance(s, sp.Symbol) and s.name not in SIZES and not _is_label(s, side):
                return True
    return False


def _is_label(s, expr) -> bool:
    return any(b.label == s for b in expr.atoms(sp.IndexedBase))


def lint_source(source: str, name: str, limits: Limits = Limits(), log_base=None) -> FileReport:
    """Every relation of a Markdown/LaTeX document with its verdict and line."""
    report = FileReport(name)
    reader = Reader(Semantics(log_base=log_base))
    for chain in chains(source):
        try:
            claims = read_chain(chain.text, reader, document=True)
        except LatexReadError as exc:
            pos = exc.position or 0
            report.steps.append(StepResult(line_of(source, chain.offset_of(pos)), "?",
                                           chain.text.strip()[:80], "",
                                           Verdict("unknown", "not read", reason=exc.message),
                                           isinstance(exc, LatexSyntaxError)))
            continue
        for claim in claims:
            if chain.inline and claim.error is None and _is_condition(claim):
                continue
            line = line_of(source, chain.offset_of(claim.position))
            verdict = decide(claim, limits, key=f"{name}:{line}:{claim.lhs_text}")
            report.steps.append(StepResult(line, claim.relation, claim.lhs_text, claim.rhs_text,
                                           verdict, isinstance(claim.error, LatexSyntaxError)))
    return report


def verify_text(text: str, limits: Limits = Limits(), log_base=None, bindings=None):
    """(steps, error) for one relation or chain; error is a LatexReadError or None."""
    sem = Semantics(log_base=log_base)
    for name, value in (bindings or {}).items():
        if name in ("X", "Y", "Z"):
            sem.variable_pmfs[name] = value
    reader = Reader(sem)
    for name, value in (bindings or {}).items():
        if name not in ("X", "Y", "Z"):
            sem.bindings[name] = reader.read_side(value)
    from symbolic.latex_in.scan import check_balanced
    check_balanced(text)
    claims = read_chain(text, reader, document=False)
    if not claims and text.strip():
        reader.read_side(text)  # surfaces a syntax error in a lone expression
    steps = []
    for claim in claims:
        if claim.error is not None and isinstance(claim.error, LatexSyntaxError):
            return steps, claim.error
        verdict = decide(claim, limits)
        steps.append(StepResult(0, claim.relation, claim.lhs_text, claim.rhs_text, verdict))
    return steps, None
