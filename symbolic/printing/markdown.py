"""Markdown for a derivation: ``$$`` blocks for the math, reasons as text.

Renders in MathJax and KaTeX blogs (GitHub, Jekyll, Hugo).
"""
from __future__ import annotations

from symbolic.printing.latex import RELATION_LATEX, latex


def step_math(report, i) -> str:
    r"""The math of step ``i`` (0-based) after the previous line: ``= expr``, ``\le expr``
    or ``\Leftrightarrow \quad relation``."""
    step = report.steps[i].step
    if step.relation == "⇔":
        return rf"\Leftrightarrow \quad {latex(step.expr)}"
    return f"{RELATION_LATEX[step.relation]} {latex(step.expr)}"


def derivation_markdown(report, source_links: dict | None = None) -> str:
    """The whole derivation as a Markdown page.

    ``source_links`` may map a seed file name to a relative link target.
    """
    d = report.derivation
    links = source_links or {}
    sources = ", ".join(
        f"[{s.file}]({links[s.file]})" + (f" ({s.section})" if s.section else "")
        if s.file in links else str(s) for s in d.sources)
    lines = [f"# {d.title}", "", f"`{d.name}` — source: {sources}", "",
             f"**Verdict: {report.verdict}** "
             f"({_counts(report)})", "", "$$", latex(d.start), "$$", ""]
    for i, sr in enumerate(report.steps):
        v = sr.verdict
        lines += [f"**Step {i + 1}.** {sr.step.reason} — *{v.status}* ({v.method})", "",
                  "$$", step_math(report, i), "$$", ""]
    if d.notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in d.notes] + [""]
    if d.errata:
        lines += ["## Errata in the source", ""]
        lines += [f"- `{e.file}` line {e.line}: the document writes `{e.wrote}`. "
                  f"{e.correction}" for e in d.errata] + [""]
    return "\n".join(lines)


def _counts(report) -> str:
    statuses = [s.verdict.status for s in report.steps]
    parts = [f"{statuses.count(s)} {s}" for s in ("proved", "checked", "refuted", "unknown")
             if statuses.count(s)]
    return f"{len(statuses)} steps: " + ", ".join(parts)
