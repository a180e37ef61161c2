"""Documents: math found by markdown-it with exact lines; what the text binds or assumes."""
from pathlib import Path

import pytest

from symbolic.latex_in.check import Limits
from symbolic.latex_in.documents import chains, line_of, read_markup
from symbolic.latex_in.lint import lint_source

FIX = Path(__file__).parent / "fixtures"
LIMITS = Limits(seconds=20, samples=300)


def lint(name):
    source = (FIX / name).read_text(encoding="utf-8")
    return {(s.line, s.lhs): s for s in lint_source(source, name, LIMITS).steps}


def lines_of(source):
    return [(line_of(source, c.offset_of(len(c.text) - len(c.text.lstrip()))), c.text.strip(),
             c.inline) for c in chains(source)]


def test_markdown_math_keeps_its_lines():
    src = "Text $a = b$ and\n\n$$\nx = 1\n$$\n\n```\n$$ H(p) = 0 $$\n```\n- item $y = 2$\n"
    assert lines_of(src) == [(1, "a = b", True), (4, "x = 1", False), (10, "y = 2", True)]


def test_front_matter_and_inline_code_are_not_math():
    src = "---\ntitle: $a = b$\n---\n\nCode `$c = d$` here, $e = f$.\n"
    assert [t for _, t, _ in lines_of(src)] == ["e = f"]


def test_amsmath_environment_without_dollars():
    src = "Intro\n\n\\begin{align}\na &= b \\\\\n&= c\n\\end{align}\n"
    (chain,) = chains(src)
    assert "a" in chain.text and line_of(src, chain.offset_of(chain.text.index("c"))) == 5


def test_escaped_markdown_math_is_unescaped():
    src = "$$\n    \\\\begin{align}\n        D\\_{\\\\text{KL}}(p \\parallel q) &= a \\\\\\\\\n" \
          "    \\\\end{align}\n$$\n"
    (chain,) = chains(src)
    assert "D_{\\text{KL}}" in chain.text


def test_display_starting_with_a_relation_continues_the_previous_one():
    src = "$$\na = b\n$$\n\nso\n\n$$\n= c\n$$\n"
    (chain,) = chains(src)
    assert chain.text.split() == ["a", "=", "b", "=", "c"]


def test_tables_are_read():
    markup = read_markup("| | a | b |\n|--|--|--|\n| P | 0.8 | 0.2 |\n")
    assert markup.tables[0].rows[1] == ["P", "0.8", "0.2"]


def test_pmf_values_given_in_the_text_bind():
    steps = lint("pmf_values.md")
    status = {line: s.status for (line, _), s in steps.items()}
    assert status[8] in ("proved", "checked") and status[9] in ("proved", "checked")
    assert status[21] in ("proved", "checked")          # the table's P and Q
    assert status[34] in ("proved", "checked")          # one-hot from P(X = c) = 0 (c ≠ 1)
    assert all(s.status != "refuted" for s in steps.values())
    assert 3 not in status and 28 not in status          # assignments are not claims


def test_independence_stated_in_prose_and_by_directive():
    steps = {line: s for (line, _), s in lint("assumptions.md").items()}
    assert steps[6].status == "checked" and "independent" in steps[6].verdict.method
    assert steps[12].status == "refuted"                 # no assumption in this section
    assert steps[38].status in ("proved", "checked")     # the directive


def test_not_equal_means_not_identically_equal():
    steps = {line: s for (line, _), s in lint("assumptions.md").items()}
    assert steps[18].status == "checked"


@pytest.mark.slow
def test_inline_definition_rebinds_and_prose_names_bind():
    steps = {line: s for (line, lhs), s in lint("assumptions.md").items() if lhs != "e^{z}"}
    first = {line: s for (line, lhs), s in lint("assumptions.md").items() if lhs == "e^{z}"}
    assert steps[24].status in ("proved", "checked")     # x = x_0 - x_1 given inline
    assert steps[28].status == "proved"    # odds = p/(1-p): a definition checked against the odds
    assert first[32].status == "unknown" and "z appears on one side only and p on the other only" in first[32].verdict.reason
    assert steps[32].status == "proved"


@pytest.mark.parametrize("latex, status", [
    (r"H(p) \ne H(p)", "refuted"),
    (r"D_{KL}(p \| q) \neq D_{KL}(q \| p)", "checked"),
    (r"\sum_{x} p(x) \log \frac{1}{p(x)} = \mathbb{E}_X \log p(X)", "refuted"),
    (r"H(p, q) = \mathbb{E}_p[-\log q]", "checked"),
    (r"H(P, Q) = - \mathbb{E}_{x \sim P(X)} \log Q(X)", "checked"),
    (r"D_{KL}(P \mid \mid Q) = - \sum_{x} P(x) \log \frac{Q(x)}{P(x)}", "checked"),
    (r"\frac{\partial}{\partial z_k} \log \sum_{j=1}^K e^{z_j} = \mathrm{softmax}(z)_k", "checked"),
    (r"\frac{\partial}{\partial z_k} \log \sum_{j=1}^K e^{z_j} = 1 - \mathrm{softmax}(z)_k",
     "refuted"),
    (r"\frac{\partial}{\partial z} \sigma(z) = \sigma(z) (1 - \sigma(z))", "proved"),
])
def test_verify_new_notation(latex, status):
    from symbolic.latex_in.lint import verify_text
    steps, error = verify_text(latex, LIMITS)
    assert error is None
    got = [s.status for s in steps]
    assert got[0] == status or status == "checked" and got[0] == "proved", got


def test_latex_file_sections_and_prose():
    src = ("\\section{Entropy}\nAll logs are base 2 % not $x$\n\n\\subsection{KL}\n"
           "Then $D = 1$.\n")
    markup = read_markup(src, "notes.tex")
    assert [(m.content, m.section) for m in markup.math] == [("D = 1", 2)]
    assert [(p.text.strip(), p.section) for p in markup.prose] == [
        ("\\section{Entropy}\nAll logs are base 2", 1), ("\\subsection{KL}\nThen $D = 1$.", 2)]


def test_new_chain_fields_default_to_nothing():
    (chain,) = chains("$$\na = b\n$$\n")
    assert (chain.plain, chain.conditions, chain.cases, chain.notes, chain.scope) == \
        (False, (), (), (), "")


def test_math_records_its_delimiter():
    src = "A $x$, $$y$$ and $`z`$.\n\n$$\nw = 1\n$$\n"
    assert [(m.content.strip(), m.delimiter) for m in read_markup(src).math] == [
        ("x", "$"), ("y", "$$"), ("z", "gitlab"), ("w = 1", "$$")]
