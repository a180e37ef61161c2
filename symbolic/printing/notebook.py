"""Jupyter display: Markdown (with ``$$`` math, which Jupyter renders with
MathJax) for a derivation, a checked derivation, a step's verdict and a
verdict.  The model's ``_repr_markdown_`` methods call these.

>>> from symbolic.verdict import Verdict
>>> verdict_markdown(Verdict("checked", "numeric: 1000 samples", 1000))
'**checked** (numeric: 1000 samples)'
"""
from __future__ import annotations

from symbolic.printing.latex import RELATION_LATEX, latex


def verdict_markdown(verdict) -> str:
    """A verdict in one line: status in bold, method, and the reason or counterexample."""
    return f"**{verdict.status}**" + verdict.describe()[len(verdict.status):]


def _relation_math(step) -> str:
    if step.relation == "⇔":
        return rf"\Leftrightarrow \quad {latex(step.expr)}"
    return f"{RELATION_LATEX[step.relation]} {latex(step.expr)}"


def step_report_markdown(step_report) -> str:
    """One checked step: its math after the previous line, its reason and its verdict."""
    step = step_report.step
    return (f"$$\n{_relation_math(step)}\n$$\n\n{step.reason} — "
            f"{verdict_markdown(step_report.verdict)}\n")


def derivation_markdown_unchecked(derivation) -> str:
    """A derivation before checking: title, start, each step with its reason.

    >>> import sympy as sp
    >>> from symbolic.derivation import Derivation, Step
    >>> x = sp.Symbol("x")
    >>> print(derivation_markdown_unchecked(Derivation("demo", "Demo", (), start=(x + 1)**2,
    ...       steps=(Step(x**2 + 2*x + 1, "=", "expand the square"),))))
    ### Demo
    <BLANKLINE>
    `demo` — not checked yet (`check_derivation` checks every step)
    <BLANKLINE>
    $$
    \\left(x + 1\\right)^{2}
    $$
    <BLANKLINE>
    **Step 1.** expand the square
    <BLANKLINE>
    $$
    = x^{2} + 2 x + 1
    $$
    <BLANKLINE>
    """
    lines = [f"### {derivation.title}", "",
             f"`{derivation.name}` — not checked yet (`check_derivation` checks every step)",
             "", "$$", latex(derivation.start), "$$", ""]
    for i, step in enumerate(derivation.steps, 1):
        lines += [f"**Step {i}.** {step.reason}", "", "$$", _relation_math(step), "$$", ""]
    if derivation.notes:
        lines += ["**Notes**", ""] + [f"- {n}" for n in derivation.notes] + [""]
    return "\n".join(lines)
