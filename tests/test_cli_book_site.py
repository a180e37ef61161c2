"""``--lang`` on show and build, and the ``site`` and ``book`` commands, in-process."""
import shutil

import pytest

from derivations import registry
from derivations.cli import main
from symbolic.verdict import Verdict
from symbolic.verify import DerivationReport, StepReport


def _fake_check(derivations, options=None, jobs=1):
    proved = Verdict("proved", "symbolic: test")
    return [DerivationReport(d, tuple(StepReport(p, s, proved) for p, s in d.pairs()))
            for d in derivations]


def test_show_in_korean(capsys):
    assert main(["show", "sigmoid-is-inverse-logit", "--lang", "ko", "--samples", "50"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sigmoid-is-inverse-logit: 시그모이드는 로짓의 역함수이다\n")
    assert "] 로짓(로그 오즈)의 정의\n" in out
    assert "note: 모든 단계는 로짓이 정의되는 0 < y < 1에서만 동치입니다.\n" in out


def test_show_defaults_to_english(capsys):
    assert main(["show", "sigmoid-is-inverse-logit", "--samples", "50"]) == 0
    assert "] definition of the logit (log-odds)\n" in capsys.readouterr().out


def test_show_latex_in_korean_keeps_the_korean(capsys):
    assert main(["show", "logit-is-log-odds", "--lang", "ko", "--format", "latex",
                 "--samples", "50"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("% 로짓은 로그 오즈이다\n")
    assert r"\text{로짓의 정의 [proved]}" in out


def test_unknown_language_is_bad_usage(capsys):
    assert main(["show", "logit-is-log-odds", "--lang", "fr"]) == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_build_in_korean_writes_korean_pages(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("symbolic.verify.check_derivations", _fake_check)
    assert main(["build", "--lang", "ko", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "derivations" / "logit-is-log-odds.md").read_text(encoding="utf-8")
    assert page.startswith("# 로짓은 로그 오즈이다\n\n`logit-is-log-odds` — 출처: "
                           "[002_639aed3e79f5524e.txt](../../../shared/seeds/")
    assert "**판정: 증명됨** (4 단계: 4 증명됨)" in page
    assert "**1단계.** 로짓의 정의 — *증명됨* (symbolic: test)" in page
    assert "## 참고" in page
    errata = (tmp_path / "derivations" / "shannon-information.md").read_text(encoding="utf-8")
    assert ("- `002_639aed3e79f5524e.txt` 402행: 원문은 `h(x) := -log_b 1/P(x) = -log_2 P(x)`"
            "라고 씁니다. h(x) := log_b 1/P(x) = -log_b P(x)이다.") in errata
    tex = (tmp_path / "derivations" / "logit-is-log-odds.tex").read_text(encoding="utf-8")
    assert r"\usepackage{kotex}" in tex and r"\section*{로짓은 로그 오즈이다}" in tex


def _katex_missing() -> str:
    from derivations.katex import KatexUnavailable, katex_dir, node
    try:
        node(), katex_dir()
    except KatexUnavailable as exc:
        return str(exc)
    return ""


@pytest.mark.skipif(bool(_katex_missing()) or shutil.which("dot") is None,
                    reason="node with KaTeX (npm ci) and Graphviz are needed for the site")
def test_site_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("derivations.cli._checked", lambda args: _fake_check(
        registry.build_all()))
    assert main(["site", "--out", str(tmp_path), "--lang", "ko"]) == 0
    assert capsys.readouterr().out == f"wrote {len(registry.REGISTRY) + 4 + 1} pages to {tmp_path}\n"
    assert (tmp_path / "ko" / "sigmoid-is-inverse-logit.html").is_file()
    assert not (tmp_path / "en").exists()


def test_site_without_katex_fails_cleanly(tmp_path, monkeypatch, capsys):
    from derivations.katex import KatexUnavailable

    def unavailable():
        raise KatexUnavailable("KaTeX not found: run 'npm ci' in the project folder")
    monkeypatch.setattr("derivations.cli._checked", lambda args: [])
    monkeypatch.setattr("derivations.site.katex_dir", unavailable)
    assert main(["site", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == \
        "infoderive: site: KaTeX not found: run 'npm ci' in the project folder\n"


def test_book_without_latex_fails_cleanly(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("derivations.cli._checked", lambda args: [])
    monkeypatch.setattr("derivations.book.shutil.which", lambda tool: None)
    assert main(["book", "--lang", "ko", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith(
        "infoderive: book: latexmk, xelatex not installed")


@pytest.mark.skipif(bool(_katex_missing()), reason="KaTeX (npm ci) is checked first")
def test_site_without_graphviz_fails_cleanly(tmp_path, monkeypatch, capsys):
    import graphviz
    if shutil.which("node") is None:
        pytest.skip("node (KaTeX) is needed for the site")

    def no_dot(*args, **kwargs):
        raise graphviz.ExecutableNotFound(("dot",))
    monkeypatch.setattr("derivations.cli._checked", lambda args: _fake_check(
        registry.build_all()[:2]))
    monkeypatch.setattr(graphviz.Digraph, "pipe", no_dot)
    assert main(["site", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == ("infoderive: site: Graphviz is not installed (Debian: "
                                       "graphviz): the dependency graph needs its 'dot'\n")
