"""The PDF book: every derivation in both languages, no undefined reference,
no missing glyph."""
import shutil
import subprocess

import pytest

from derivations import registry
from derivations.book import BookError, book_source, build_book, escape, log_problems
from derivations.i18n import translate
from symbolic.verdict import Verdict
from symbolic.verify import DerivationReport, StepReport

HAVE_TEX = all(shutil.which(t) for t in ("latexmk", "xelatex"))


def _reports():
    proved = Verdict("proved", "symbolic: test")
    return [DerivationReport(d, tuple(StepReport(p, s, proved) for p, s in d.pairs()))
            for d in registry.build_all()]


def test_the_source_has_a_section_per_derivation_in_chapters_then_errata(monkeypatch):
    monkeypatch.setattr("derivations.book.check_erratum",
                        lambda e, options=None: Verdict("unknown", "none", reason="test"))
    source = book_source(_reports(), "ko")
    for name in registry.REGISTRY:
        assert source.count(rf"\label{{d:{name}}}") == 1
        assert rf"\section{{{escape(translate(registry.build(name), 'ko').title)}" in source
    chapters = [line for line in source.splitlines() if line.startswith(r"\chapter{")]
    assert chapters[0] == r"\chapter{로짓, 시그모이드, 소프트맥스와 크로스 엔트로피}\label{ch:002}"
    assert chapters[-1] == r"\chapter{정오표}"
    assert r"\usepackage[hangul]{kotex}" in source
    assert r"\setmainhangulfont{Noto Serif CJK KR}" in source
    assert source.count(r"\includegraphics") == 6
    assert r"\printindex" in source and r"\tracinglostchars=2" in source
    assert r"\listoffigures" in source


def test_log_problems_finds_missing_glyphs_and_undefined_references():
    log = ("Missing character: There is no 가 in font lmroman10-regular!\n"
           "LaTeX Warning: Reference `d:nowhere' on page 3 undefined on input line 7.\n"
           "LaTeX Warning: There were undefined references.\n"
           "Overfull \\hbox (3.0pt too wide) in paragraph\n")
    assert log_problems(log) == [
        "Missing character: There is no 가 in font lmroman10-regular!",
        "LaTeX Warning: Reference `d:nowhere' on page 3 undefined on input line 7.",
        "LaTeX Warning: There were undefined references."]
    assert log_problems("Overfull \\hbox (3.0pt too wide)\n") == []


def test_a_missing_tool_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr("derivations.book.shutil.which", lambda tool: None)
    with pytest.raises(BookError, match="latexmk, xelatex not installed"):
        build_book([], tmp_path, "en")


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_TEX, reason="latexmk and xelatex are not installed "
                    "(Debian: texlive-xetex texlive-lang-korean fonts-noto-cjk latexmk)")
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_book_builds_and_contains_every_derivation(lang, catalogue_reports, tmp_path):
    pdf = build_book(list(catalogue_reports.values()), tmp_path, lang)
    assert pdf == tmp_path / f"book-{lang}.pdf" and pdf.stat().st_size > 100_000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for name in registry.REGISTRY:
        assert name in text, name
    if lang == "ko":
        assert "KL 발산은 크로스 엔트로피에서 엔트로피를 뺀 값이다" in text
        assert "정오표" in text and "젠센" in text


def test_uses_link_derivations_and_index_lemmas(monkeypatch):
    import dataclasses
    monkeypatch.setattr("derivations.book.check_erratum",
                        lambda e, options=None: Verdict("unknown", "none", reason="test"))
    reports = _reports()
    first = reports[5]
    step = dataclasses.replace(first.steps[0].step, uses=("kl-is-cross-entropy-minus-entropy",
                                                           "gibbs_inequality"))
    reports[5] = dataclasses.replace(first, steps=(dataclasses.replace(
        first.steps[0], step=step),) + first.steps[1:])
    source = book_source(reports, "en")
    assert (r"\\ {\small Uses: \hyperref[d:kl-is-cross-entropy-minus-entropy]"
            r"{\texttt{kl-is-cross-entropy-minus-entropy}}, \texttt{gibbs\_inequality}}"
            in source)
    assert r"\index{gibbs\_inequality}" in source
