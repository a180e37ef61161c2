"""``infoderive lint`` in-process on fixtures."""
import contextlib
import io
import json
from pathlib import Path

from derivations.cli import main

FIX = Path(__file__).parent / "fixtures"


def run(*argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["lint", *argv])
    return code, out.getvalue()


def test_wrong_step_found_at_its_line():
    code, out = run(str(FIX / "wrong_steps.md"), "--json", "--timeout", "5")
    data = json.loads(out)
    (f,) = data["files"]
    assert code == 1
    refuted = [x for x in f["findings"] if x["verdict"] == "refuted"]
    assert [x["line"] for x in refuted] == [12]
    assert f["relations_total"] == 3 and f["relations_checked"] == 3


def test_malformed_tex_is_an_error_finding_and_lint_goes_on():
    code, out = run(str(FIX / "malformed.tex"), "--json")
    (f,) = json.loads(out)["files"]
    assert any(x["verdict"] == "error" and x["line"] == 4 for x in f["findings"])
    assert f["relations_checked"] == 1


def test_missing_file_exit_2():
    code, out = run(str(FIX / "nope.md"))
    assert code == 2


def test_human_summary():
    code, out = run(str(FIX / "wrong_steps.md"))
    assert "wrong_steps.md:12: refuted" in out and "relations found" in out
