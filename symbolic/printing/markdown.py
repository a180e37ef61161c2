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


def _english(text: str, context: str = "ui") -> str:
    return text


def derivation_markdown(report, source_links: dict | None = None, say=_english) -> str:
    """The whole derivation as a Markdown page.

    ``source_links`` may map a seed file name to a relative link target; ``say``
    translates the page's own words (``say(text, context)``, English by default).
    """
    d = report.derivation
    links = source_links or {}
    sources = ", ".join(
        f"[{s.file}]({links[s.file]})" + (f" ({s.section})" if s.section else "")
        if s.file in links else str(s) for s in d.sources)
    lines = [f"# {d.title}", "", f"`{d.name}` — {say('source')}: {sources}", "",
             f"**{say('Verdict')}: {say(report.verdict, 'verdict')}** "
             f"({_counts(report, say)})", "", "$$", latex(d.start), "$$", ""]
    for i, sr in enumerate(report.steps):
        v = sr.verdict
        lines += [f"**{say('Step {n}.').format(n=i + 1)}** {sr.step.reason} — "
                  f"*{say(v.status, 'verdict')}* ({v.method})" + _uses(sr, say), "",
                  "$$", step_math(report, i), "$$", ""]
    if d.notes:
        lines += [f"## {say('Notes')}", ""] + [f"- {n}" for n in d.notes] + [""]
    if d.errata:
        lines += [f"## {say('Errata in the source')}", ""]
        lines += ["- " + say("{file} line {line}: the document writes {wrote}.").format(
                      file=f"`{e.file}`", line=e.line, wrote=f"`{e.wrote}`")
                  + f" {e.correction}" for e in d.errata] + [""]
    return "\n".join(lines)


def use_link(name: str, lemma_page: str = "../lemmas.md") -> str:
    """A Markdown link to a lemma (on the lemma page) or to a derivation's page.

    >>> use_link("gibbs"), use_link("sigmoid-derivative")
    ('[gibbs](../lemmas.md#gibbs)', '[sigmoid-derivative](sigmoid-derivative.md)')
    """
    from symbolic.lemmas import lemma_named
    try:
        lemma_named(name)
    except KeyError:
        return f"[{name}]({name}.md)"
    return f"[{name}]({lemma_page}#{name})"


def _uses(sr, say=_english) -> str:
    names = list(dict.fromkeys((*sr.step.uses, *sr.verdict.uses)))
    return f" {say('Uses')}: " + ", ".join(use_link(n) for n in names) + "." if names else ""


def _counts(report, say=_english) -> str:
    statuses = [s.verdict.status for s in report.steps]
    parts = [f"{statuses.count(s)} {say(s, 'verdict')}"
             for s in ("proved", "checked", "refuted", "unknown") if statuses.count(s)]
    return f"{len(statuses)} {say('steps')}: " + ", ".join(parts)
