"""``infoderive book``: the PDF book, built by latexmk with XeLaTeX.

One chapter per source post (in the order of ideas of
:data:`derivations.i18n.ui.CHAPTERS`), each derivation a section: its steps
with reasons and verdicts, its figures, its notes; then a chapter of errata
with the counterexamples, and an index of the lemmas and results used.  Korean
is set with kotex (xetexko) in Noto CJK, the fonts of Debian's
``fonts-noto-cjk``.  The build fails (:class:`BookError`) on a LaTeX error, an
undefined reference or a character missing from the fonts.

>>> escape("50% of p_k ‖ q → 0")
'50\\\\% of p\\\\_k ‖ q → 0'
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from derivations import figures as figure_module
from derivations.i18n import gettext, translate_report
from derivations.i18n.ui import CHAPTERS
from derivations.site import claim_latex
from derivations.site.graph import chapter_of
from symbolic.printing.latex import UNICODE_PREAMBLE, latex, latex_text
from symbolic.printing.markdown import step_math
from symbolic.verify import check_erratum

TOOLS = ("latexmk", "xelatex")

PREAMBLE = r"""\documentclass[11pt,oneside]{book}
%(fonts)s
\setmonohangulfont{Noto Sans Mono CJK KR}
\usepackage{newunicodechar}
\newunicodechar{‖}{\ensuremath{\|}}
\newunicodechar{→}{\ensuremath{\to}}
\newunicodechar{←}{\ensuremath{\leftarrow}}
\newunicodechar{−}{-}
\usepackage{amsmath,amssymb}
\usepackage[a4paper,margin=2.3cm]{geometry}
\usepackage{graphicx}
\usepackage{xcolor}
\usepackage{makeidx}
\makeindex
\usepackage[hidelinks]{hyperref}
\allowdisplaybreaks
\tracinglostchars=2
\definecolor{proved}{HTML}{1B7F3A}
\definecolor{checked}{HTML}{9A6A00}
\definecolor{refuted}{HTML}{B00020}
\definecolor{unknown}{HTML}{555555}
\newcommand{\verdict}[2]{\textcolor{#1}{\textbf{#2}}}
\renewcommand{\indexname}{%(index)s}
\title{%(title)s}
\author{infoderive}
\date{}
"""


class BookError(RuntimeError):
    """The book could not be built (missing tool, LaTeX error, undefined
    reference, missing glyph)."""


def escape(text: str) -> str:
    """Text for the book (XeLaTeX): specials escaped, every character kept."""
    return latex_text(text, unicode=True)


def _verdict(status, say) -> str:
    return rf"\verdict{{{status}}}{{{escape(say(status, 'verdict'))}}}"


def _used(name, names) -> str:
    """A used lemma or derivation: a link to its section when it is a derivation."""
    text = rf"\texttt{{{escape(name)}}}"
    return rf"\hyperref[d:{name}]{{{text}}}" if name in names else text


def _step(report, i, say, names) -> list[str]:
    sr = report.steps[i]
    lines = [r"\begin{equation*}", step_math(report, i), r"\end{equation*}",
             rf"\noindent\textbf{{{i + 1}.}} {escape(sr.step.reason)} \hfill "
             rf"{_verdict(sr.verdict.status, say)} {{\small({escape(sr.verdict.method)})}}"]
    for used in sr.step.uses:
        lines.append(rf"\index{{{escape(used)}}}")
    if sr.step.uses:
        used = ", ".join(_used(u, names) for u in sr.step.uses)
        lines.append(rf"\\ {{\small {escape(say('Uses'))}: {used}}}")
    lines.append(r"\par\medskip")
    return lines


def _derivation(report, say, erratum_labels, names) -> list[str]:
    d = report.derivation
    lines = [rf"\section{{{escape(d.title)}}}\label{{d:{d.name}}}",
             rf"\index{{{escape(d.name)}}}",
             rf"\noindent\mbox{{\texttt{{{escape(d.name)}}}}} \quad {escape(say('Source'))}: "
             rf"{escape(d.source_sections)} \quad {escape(say('Verdict'))}: "
             rf"{_verdict(report.verdict, say)}"
             + "".join(rf" \quad {escape(say('Figure'))}~\ref{{fig:{f.name}}}"
                       for f in figure_module.for_derivation(d.name))
             + r"\par\medskip",
             r"\begin{equation*}", latex(d.start), r"\end{equation*}"]
    for i in range(len(report.steps)):
        lines += _step(report, i, say, names)
    for figure in figure_module.for_derivation(d.name):
        lines += [r"\begin{figure}[htbp]\centering",
                  rf"\includegraphics[width=0.62\linewidth]{{figures/{figure.name}.pdf}}",
                  rf"\caption{{{escape(say(figure.caption, 'figure'))}}}\label{{fig:{figure.name}}}",
                  r"\end{figure}"]
    if d.notes:
        lines += [rf"\subsection*{{{escape(say('Notes'))}}}", r"\begin{itemize}"]
        lines += [rf"\item {escape(n)}" for n in d.notes]
        lines.append(r"\end{itemize}")
    if d.errata:
        lines += [rf"\subsection*{{{escape(say('Errata in the source'))}}}", r"\begin{itemize}"]
        lines += [rf"\item {escape(e.correction)} (\ref{{{erratum_labels[(d.name, i)]}}})"
                  for i, e in enumerate(d.errata)]
        lines.append(r"\end{itemize}")
    return lines


def _errata_chapter(reports, say, options, labels) -> list[str]:
    lines = [rf"\chapter{{{escape(say('Errata'))}}}",
             escape(say("Every mistake found in the source documents, with the document's "
                        "claim checked by infoderive: the verdict and the counterexample are "
                        "reproduced on every build."))]
    entries = sorted(((e, i, r) for r in reports for i, e in enumerate(r.derivation.errata)),
                     key=lambda t: (t[0].file, t[0].line))
    for e, i, r in entries:
        v = check_erratum(e, options)
        heading = say("{file}, line {line}").format(file=e.file, line=e.line)
        claim_verdict = say("Verdict on the document's claim")
        lines += [rf"\section{{{escape(heading)}}}\label{{{labels[(r.derivation.name, i)]}}}",
                  rf"\noindent {escape(say('The document writes'))}:",
                  rf"\begin{{quote}}{escape(e.wrote)}\end{{quote}}",
                  r"\begin{equation*}", claim_latex(e), r"\end{equation*}",
                  rf"\noindent {escape(say('Correction'))}: {escape(e.correction)}\par",
                  rf"\noindent {escape(claim_verdict)}: "
                  rf"{_verdict(v.status, say)} ({escape(v.method)}); "
                  rf"\S\ref{{d:{r.derivation.name}}}.\par"]
        if v.counterexample is not None:
            lines.append(rf"\noindent {escape(say('Counterexample'))}: "
                         rf"{escape(v.counterexample.describe())}\par")
    return lines


def book_source(reports, lang: str, options=None) -> str:
    """The whole book as one XeLaTeX document (figures expected in ``figures/``)."""
    say = gettext(lang)
    reports = [translate_report(r, lang) for r in reports]
    labels = {(r.derivation.name, i): f"err:{r.derivation.name}:{i}"
              for r in reports for i in range(len(r.derivation.errata))}
    title = say("Cross-entropy, derived step by step")
    fonts = "\n".join(UNICODE_PREAMBLE)
    if lang == "ko":  # Korean captions and headings: 제1장, 그림, 차례
        fonts = fonts.replace(r"\usepackage{kotex}", r"\usepackage[hangul]{kotex}")
    head = PREAMBLE % {"fonts": fonts, "title": escape(title),
                       "index": escape(say("Index of lemmas and results"))}
    body = [r"\begin{document}", r"\frontmatter", r"\maketitle",
            escape(say("A book generated by infoderive from its checked catalogue. Each step "
                       "gives its reason and its verdict: proved (symbolically) or checked "
                       "(numerically).")),
            r"\tableofcontents", r"\listoffigures", r"\mainmatter"]
    for file, chapter in CHAPTERS:
        members = [r for r in reports if chapter_of(r.derivation) == file]
        if members:
            body += [rf"\chapter{{{escape(say(chapter, 'chapter'))}}}\label{{ch:{file[:3]}}}"]
            for r in members:
                body += _derivation(r, say, labels, {x.derivation.name for x in reports})
    body += _errata_chapter(reports, say, options, labels)
    body += [r"\backmatter", r"\printindex", r"\end{document}"]
    return head + "\n".join(body) + "\n"


_PROBLEMS = (re.compile(r"^Missing character: .*$", re.M),
             re.compile(r"^LaTeX Warning: (Reference|Citation|Hyper reference) .* undefined.*$",
                        re.M),
             re.compile(r"^LaTeX Warning: There were undefined references.*$", re.M))


def log_problems(log: str) -> list[str]:
    """The lines of a LaTeX log that fail the build: missing glyphs, undefined references.

    >>> log_problems("Missing character: There is no 가 in font lmroman10-regular!\\nok")
    ['Missing character: There is no 가 in font lmroman10-regular!']
    """
    return [m.group(0) for pattern in _PROBLEMS for m in pattern.finditer(log)]


def build_book(reports, out: Path, lang: str = "en", options=None) -> Path:
    """Write ``book-LANG.tex`` and its figures under ``out`` and build the PDF with
    latexmk (XeLaTeX); the PDF's path, or :class:`BookError`."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise BookError(f"{', '.join(missing)} not installed (Debian: texlive-xetex, "
                        "texlive-lang-korean, fonts-noto-cjk, latexmk)")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    figure_module.write_figures(out / "figures", "pdf")
    stem = f"book-{lang}"
    (out / f"{stem}.tex").write_text(book_source(reports, lang, options), encoding="utf-8")
    done = subprocess.run(["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error",
                           "-file-line-error", f"{stem}.tex"], cwd=out, capture_output=True,
                          text=True, errors="replace", timeout=1800)
    log_path = out / f"{stem}.log"
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
    if done.returncode != 0:
        errors = [line for line in log.splitlines() if line.startswith(("!", f"./{stem}.tex:"))]
        raise BookError(f"LaTeX failed (see {log_path}):\n  " + "\n  ".join(errors[:10]))
    problems = log_problems(log)
    if problems:
        raise BookError(f"{len(problems)} problem(s) in {log_path}:\n  "
                        + "\n  ".join(problems[:10]))
    return out / f"{stem}.pdf"
