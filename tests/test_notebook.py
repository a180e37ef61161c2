"""Jupyter: derivations, checked derivations, steps and verdicts display
themselves; docs/tutorial.ipynb runs and shows what it promises."""
from pathlib import Path

import pytest

from derivations import registry
from symbolic.verdict import Counterexample, Verdict
from symbolic.verify import DerivationReport, StepReport

TUTORIAL = Path(__file__).resolve().parents[1] / "docs" / "tutorial.ipynb"


def test_a_derivation_displays_its_steps_before_checking():
    text = registry.build("logit-is-log-odds")._repr_markdown_()
    assert text.startswith("### The logit is the log-odds\n\n`logit-is-log-odds` — not checked")
    assert "**Step 1.** definition of the logit\n\n$$\n= " in text
    assert "**Notes**" in text


def test_verdicts_and_steps_display_themselves():
    assert Verdict("proved", "symbolic: same normal form")._repr_markdown_() == \
        "**proved** (symbolic: same normal form)"
    refuted = Verdict("refuted", "numeric", counterexample=Counterexample({"p": 0.5}, 1.0, 2.0))
    assert refuted._repr_markdown_() == \
        "**refuted** (numeric); counterexample: p = 0.5; lhs = 1, rhs = 2"
    d = registry.build("logit-is-log-odds")
    previous, step = next(d.pairs())
    sr = StepReport(previous, step, Verdict("proved", "symbolic: definitions"))
    assert sr._repr_markdown_().endswith(
        "definition of the logit — **proved** (symbolic: definitions)\n")
    report = DerivationReport(d, (sr,))
    assert report._repr_markdown_().startswith("# The logit is the log-odds\n")
    assert "**Verdict: proved** (1 steps: 1 proved)" in report._repr_markdown_()


@pytest.mark.slow
def test_the_tutorial_runs_and_shows_its_results():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(TUTORIAL, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3").execute()
    outputs = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            outputs.append("".join(o.get("text", "") or o.get("data", {}).get("text/markdown", "")
                                   for o in cell.outputs))
    assert len(outputs) == 8
    assert outputs[0].startswith("### KL divergence is cross-entropy minus entropy\n")
    assert outputs[1].startswith("# KL divergence is cross-entropy minus entropy\n")
    assert outputs[2] == "proved ['proved', 'proved', 'proved']\n"
    assert "— **proved** (symbolic:" in outputs[3]
    assert outputs[4].startswith("KL 발산은 크로스 엔트로피에서 엔트로피를 뺀 값이다\n")
    assert outputs[5].endswith("proved: all 1 step(s) hold\nexit code: 0\n")
    assert "refuted (numeric" in outputs[6] and outputs[6].endswith("exit code: 1\n")
    assert outputs[7].startswith("demo.md:8: refuted: \\sum_x p(x) \\log \\frac{p(x)}{q(x)} = ")
    assert "1 refuted, 0 unknown\nexit code: 1\n" in outputs[7]
