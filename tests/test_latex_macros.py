"""Macros a document defines, expanded before its math is read (symbolic/latex_in/macros.py)."""
from symbolic.latex_in.documents import chains, line_of
from symbolic.latex_in.lint import lint_source
from symbolic.latex_in.macros import definitions, expand

NOTES = r"""\documentclass{article}
\newcommand{\pd}[2] {
 \frac{\partial #1}{\partial #2}
}
\newcommand{\alns}[1]{\begin{align*} #1 \end{align*}}
\DeclareMathOperator{\sigm}{sigmoid}
\begin{document}
For the logistic function,
\alns{
  \pd{}{z} \sigm(z) = \sigm(z)(1 - \sigm(z))
}
and also $\pd{}{z} \log \sigm(z) = 1 + \sigm(z)$.
\end{document}
"""


def test_macros_are_expanded_and_findings_point_at_the_written_line():
    report = lint_source(NOTES, "notes.tex")
    assert [(s.line, s.status) for s in report.steps] == [(10, "proved"), (12, "refuted")]
    assert r"\log  \operatorname{sigmoid} (z)" in report.steps[1].lhs


def test_definitions_are_blanked_not_read_as_math():
    found = [c.text for c in chains(NOTES, "notes.tex")]
    assert not any("#1" in t for t in found)
    assert all(line_of(NOTES, c.offset_of(0)) >= 9 for c in chains(NOTES, "notes.tex"))


def test_kinds_of_definition():
    macros, spans = definitions(r"\newcommand\E{\mathbb{E}} \renewcommand*{\R}[1]{#1^2} "
                                r"\def\KL{D_{KL}} \DeclareMathOperator*{\am}{arg\,min}")
    assert macros == {"E": (0, r"\mathbb{E}"), "R": (1, "#1^2"), "KL": (0, "D_{KL}"),
                      "am": (0, r"\operatorname*{arg\,min}")}
    assert len(spans) == 4


def test_expansion_is_bounded():
    text, origin = expand(r"\newcommand{\a}{\a\a} $\a$")
    assert len(text) < 4 * 30 + 1000 and len(origin) == len(text)
    assert expand(r"$\frac{a}{b}$") is None


def test_a_macro_used_in_a_comment_is_not_expanded():
    # the body's new lines would carry \begin{align*} out of its comment line, and the
    # prose after it up to the next \end{align*} would be read as math
    source = NOTES.replace("and also", "%\\alns{\n%  \\pd{}{z} z = 1\n%}\nWe have $a = 2$. And")
    report = lint_source(source, "notes.tex")
    assert [(s.line, s.status) for s in report.steps] == [(10, "proved"), (15, "refuted")]
    assert not any("We have" in s.lhs + s.rhs for s in report.steps)
