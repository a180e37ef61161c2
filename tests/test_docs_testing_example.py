"""The Python examples of docs/testing.md run, in order, in one namespace."""
import pathlib
import re

DOC = pathlib.Path(__file__).resolve().parent.parent / "docs" / "testing.md"


def python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


def test_docs_testing_has_the_examples():
    blocks = python_blocks(DOC.read_text(encoding="utf-8"))
    assert len(blocks) == 5
    assert "naive_cross_entropy" in blocks[0]
    assert "stable_cross_entropy" in blocks[1]


def test_docs_testing_examples_run(capsys):
    namespace = {"__name__": "docs_testing"}
    for number, block in enumerate(python_blocks(DOC.read_text(encoding="utf-8"))):
        # our own documentation, compiled with its location for tracebacks
        exec(compile(block, f"{DOC}:block{number}", "exec"), namespace)
    printed = capsys.readouterr().out
    assert printed.startswith(
        "naive_cross_entropy does not match symbolic.numeric.cross_entropy_from_logits "
        "on 'logits ±1e3, class indices' (3 of 4 values outside the tolerance)\n")
