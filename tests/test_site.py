"""The static site: one page per derivation and language, offline, no KaTeX
errors, steps all visible without JavaScript, figures, graph, errata."""
import re

import pytest

from derivations import registry
from derivations.i18n import LANGUAGES, gettext, translate
from derivations.site.graph import edges, graph_svg
from symbolic.derivation import Step
from symbolic.verify import DerivationReport, StepReport
from symbolic.verdict import Verdict

import dataclasses
import html
import shutil

from markupsafe import escape

NAMES = list(registry.REGISTRY)
EXTRA_PAGES = ("index.html", "graph.html", "errata.html", "figures.html")
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) not installed")


def _reports(derivations):
    proved = Verdict("proved", "symbolic: test")
    return [DerivationReport(d, tuple(StepReport(p, s, proved) for p, s in d.pairs()))
            for d in derivations]


def test_uses_of_steps_become_graph_edges():
    d = registry.build("one-hot-cross-entropy-is-nll")
    step = dataclasses.replace(d.steps[0], uses=("kl-is-cross-entropy-minus-entropy",
                                                  "gibbs-inequality"))
    assert step.uses == ("kl-is-cross-entropy-minus-entropy", "gibbs-inequality")
    assert Step(1, "=", "why").uses == ()
    changed = dataclasses.replace(d, steps=(step,) + d.steps[1:])
    assert edges(_reports([changed])) == [
        ("one-hot-cross-entropy-is-nll", "kl-is-cross-entropy-minus-entropy"),
        ("one-hot-cross-entropy-is-nll", "gibbs-inequality")]


@needs_dot
def test_graph_shows_every_derivation_coloured_by_verdict_and_the_lemmas_used():
    derivations = registry.build_all()
    derivations[0] = dataclasses.replace(derivations[0], steps=(
        dataclasses.replace(derivations[0].steps[0], uses=("gibbs-inequality",)),)
        + derivations[0].steps[1:])
    svg = html.unescape(graph_svg(_reports(derivations), gettext("ko")))
    assert svg.startswith('<svg class="graph"')
    for name in NAMES:
        assert f'id="node-{name}"' in svg
        assert f'href="{name}.html"' in svg
    assert 'id="lemma-gibbs-inequality"' in svg
    assert svg.count('fill="#b9e4c0"') == len(NAMES)      # every node proved
    assert "로짓, 시그모이드, 소프트맥스와 크로스 엔트로피" in svg   # chapter clusters


def _pages(site, lang):
    return {p.name: p.read_text(encoding="utf-8") for p in (site / lang).glob("*.html")}


@pytest.mark.slow
def test_every_derivation_has_a_page_in_both_languages(built_site):
    for lang in LANGUAGES:
        assert sorted(_pages(built_site, lang)) == sorted(
            [f"{n}.html" for n in NAMES] + list(EXTRA_PAGES))
    assert (built_site / "index.html").is_file()


@pytest.mark.slow
def test_pages_are_offline_and_free_of_katex_errors(built_site):
    for lang in LANGUAGES:
        for name, html in _pages(built_site, lang).items():
            assert "katex-error" not in html, name
            assert not re.search(r'(?:src|href)="(?:https?:)?//', html), name
            for ref in re.findall(r'(?:src|href)="([^"#]+)"', html):
                if not ref.startswith("data:"):
                    assert (built_site / lang / ref).resolve().is_file(), (name, ref)
    css = (built_site / "assets" / "katex" / "katex.min.css").read_text()
    fonts = re.findall(r"url\((fonts/[^)]+)\)", css)
    assert fonts and all((built_site / "assets" / "katex" / f).is_file() for f in fonts)


@pytest.mark.slow
def test_a_derivation_page_shows_every_step_without_javascript(built_site, catalogue_reports):
    report = catalogue_reports["sigmoid-is-inverse-logit"]
    ko = translate(report.derivation, "ko")
    page = (built_site / "ko" / "sigmoid-is-inverse-logit.html").read_text(encoding="utf-8")
    steps = re.findall(r'<li class="step"[^>]*>', page)
    assert len(steps) == len(report.steps) == 7
    assert not any("hidden" in s for s in steps)
    assert re.search(r'<div class="controls" id="controls" hidden>', page)
    assert '<html lang="ko">' in page and f"<h1>{ko.title}</h1>" in page
    assert all(str(escape(s.reason)) in page for s in ko.steps)
    assert "양변에 1 - y를 곱한다. 0 &lt; y &lt; 1이면 1 - y는 양수이다" in page
    assert 'href="../en/sigmoid-is-inverse-logit.html"' in page
    assert page.count('class="katex-display"') == 1 + 7
    assert '<img src="../figures/sigmoid-and-logit.svg"' in page


@pytest.mark.slow
def test_figures_and_errata(built_site, catalogue_reports):
    figures = sorted(p.name for p in (built_site / "figures").glob("*.svg"))
    assert len(figures) >= 5
    figures_page = (built_site / "en" / "figures.html").read_text(encoding="utf-8")
    assert all(f"../figures/{f}" in figures_page for f in figures)
    errata = (built_site / "ko" / "errata.html").read_text(encoding="utf-8")
    count = sum(len(r.derivation.errata) for r in catalogue_reports.values())
    assert count >= 8
    assert errata.count('class="erratum"') == count
    assert errata.count('<span class="verdict verdict-refuted">반증됨</span>') == count
    assert errata.count("반례") >= count - 1
