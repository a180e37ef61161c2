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


def test_theta_subscript_on_a_prediction_is_the_same_symbol(capsys):
    from derivations.cli import main
    assert main(["verify", r"\log{\hat{y}_\theta^1} = \log{\hat{y}}"]) == 0
    assert main(["verify", r"\log{\hat{y}_\theta^2} = 1-\log{\hat{y}}"]) == 1
    assert "refuted" in capsys.readouterr().out


def test_inline_definitions_are_skipped_but_inline_claims_are_checked(tmp_path, capsys):
    import json

    from derivations.cli import main
    doc = tmp_path / "inline.md"
    doc.write_text("Classes: $$y^1 = y$$, $$y^2 = 1-y$$, and for $x = 0$ we get\n"
                   "$\\log \\hat{y}^2 = 1 - \\log \\hat{y}$.\n", encoding="utf-8")
    assert main(["lint", str(doc), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert report["relations_total"] == 1
    assert [(f["line"], f["verdict"]) for f in report["findings"]] == [(2, "refuted")]
