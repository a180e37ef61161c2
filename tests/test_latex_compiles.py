"""The generated LaTeX compiles with pdflatex (skipped where pdflatex is absent)."""
import shutil
import subprocess

import pytest

from derivations import build
from symbolic.printing.latex import derivation_block

pytestmark = pytest.mark.skipif(shutil.which("pdflatex") is None, reason="needs pdflatex")


def _compile(tmp_path, name, text):
    (tmp_path / f"{name}.tex").write_text(text, encoding="utf-8")
    done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                           f"{name}.tex"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout[-2000:]
    assert (tmp_path / f"{name}.pdf").is_file()


def test_show_latex_compiles_in_a_minimal_amsmath_document(tmp_path, catalogue_reports):
    body = "\n".join(derivation_block(r) for r in catalogue_reports.values())
    _compile(tmp_path, "all", "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n"
             "\\begin{document}\n" + body + "\\end{document}\n")


def test_built_documents_compile(tmp_path, catalogue_reports):
    files = build.render(list(catalogue_reports.values()))
    for rel, text in files.items():
        if rel.endswith(".tex"):
            _compile(tmp_path, rel.rsplit("/", 1)[1][:-4], text)
