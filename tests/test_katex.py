"""Every formula the project exports renders in KaTeX without error: the
committed .md and .tex files, and every formula of the site."""
import pickle
from pathlib import Path

import pytest

from derivations import registry
from derivations.katex import (KatexUnavailable, katex_dir, latex_formulas, markdown_formulas,
                               node, render)
from derivations.site import formulas
from symbolic.verdict import Verdict
from symbolic.verify import DerivationReport, StepReport

DOCS = Path(__file__).resolve().parents[1] / "docs"

try:
    node(), katex_dir()
    REASON = ""
except KatexUnavailable as exc:
    REASON = str(exc)
needs_katex = pytest.mark.skipif(bool(REASON), reason=REASON or "KaTeX available")


def _unchecked_reports(derivations):
    """Reports without checking: the formulas do not depend on the verdicts."""
    unknown = Verdict("unknown", "none", reason="not checked")
    return [DerivationReport(d, tuple(StepReport(previous, step, unknown)
                                      for previous, step in d.pairs())) for d in derivations]


def _assert_renders(texts):
    rendered = render([(tex, True) for tex in texts])
    assert len(rendered) == len(texts)
    errors = [f"{r.tex!r}: {r.error}" for r in rendered if r.error]
    assert errors == []
    assert all('class="katex-display"' in r.html for r in rendered)


@needs_katex
def test_katex_reports_an_error_for_bad_tex():
    bad, good = render([(r"\frac{1}{", True), (r"\mathbb{E}_{x \sim p}[x]", False)])
    assert "KaTeX parse error" in bad.error and bad.html == ""
    assert good.error == "" and 'class="katex"' in good.html


@needs_katex
def test_every_formula_of_the_committed_markdown_renders():
    texts = [f for path in sorted((DOCS / "derivations").glob("*.md"))
             for f in markdown_formulas(path.read_text(encoding="utf-8"))]
    assert len(texts) >= 39 * 2
    _assert_renders(texts)


@needs_katex
def test_every_align_block_of_the_committed_latex_renders():
    paths = sorted((DOCS / "derivations").glob("*.tex"))
    texts = [f for path in paths for f in latex_formulas(path.read_text(encoding="utf-8"))]
    assert len(texts) == len(paths) == len(registry.REGISTRY)
    _assert_renders(texts)


@needs_katex
def test_every_formula_of_the_site_renders():
    derivations = registry.build_all()
    texts = formulas(_unchecked_reports(derivations))
    # the checked reports come back from worker processes: unpickled expressions
    # may be re-evaluated, so render those forms too
    texts += formulas(_unchecked_reports(pickle.loads(pickle.dumps(derivations))))
    texts = list(dict.fromkeys(texts))
    assert len(texts) > 150
    _assert_renders(texts)
