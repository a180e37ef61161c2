"""--format text|json|github|sarif on lint, check and verify; SARIF against its schema."""
import contextlib
import io
import json
from pathlib import Path

import jsonschema
import pytest

from derivations.cli import main
from derivations.formats import findings, github, sarif

FIX = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((FIX / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
WRONG = r"H(p,q) = H(p) - D_{KL}(p \| q)"


def run(*argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


def validate_sarif(text):
    log = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def test_github_escapes_data_and_properties():
    doc = {"files": [{"file": "a,b:c%.md", "relations_total": 1, "relations_checked": 1,
                      "findings": [{"line": 7, "verdict": "refuted", "relation": "=",
                                    "lhs": "x", "rhs": "y", "message": "50% off\r\nnext",
                                    "counterexample": None}]}]}
    assert github("lint", doc) == (
        "::error file=a%2Cb%3Ac%25.md,line=7,title=infoderive%3A refuted::"
        "x = y: 50%25 off%0D%0Anext")


def test_github_levels_by_verdict_and_no_line_for_an_unreadable_file():
    doc = {"files": [{"file": "p.md", "relations_total": 2, "relations_checked": 0,
                      "findings": [
                          {"line": 3, "verdict": "unknown", "relation": "=", "lhs": "a",
                           "rhs": "b", "message": "not read", "counterexample": None},
                          {"line": 4, "verdict": "error", "relation": "?", "lhs": "\\frac{",
                           "rhs": "", "message": "syntax", "counterexample": None}]},
                     {"file": "gone.md", "relations_total": 0, "relations_checked": 0,
                      "findings": [{"line": 0, "verdict": "error", "relation": "", "lhs": "",
                                    "rhs": "", "message": "cannot read the file",
                                    "counterexample": None}]}]}
    assert github("lint", doc).splitlines() == [
        "::notice file=p.md,line=3,title=infoderive%3A unknown::a = b: not read",
        "::warning file=p.md,line=4,title=infoderive%3A error::\\frac{ ?: syntax",
        "::warning file=gone.md,title=infoderive%3A error::cannot read the file",
    ]


def test_lint_github_points_at_the_wrong_line():
    code, out = run("lint", str(FIX / "wrong_steps.md"), "--format", "github")
    assert code == 1
    refuted = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(refuted) == 1
    assert refuted[0].startswith(f"::error file={FIX / 'wrong_steps.md'},line=12,"
                                 "title=infoderive%3A refuted::\\sum_x p(x) \\log "
                                 "\\frac{p(x)}{q(x)} = H(p, q) + H(p): the relation fails")
    assert "counterexample: " in refuted[0]


def test_lint_sarif_validates_and_locates_the_finding():
    code, out = run("lint", str(FIX / "wrong_steps.md"), "--format", "sarif")
    assert code == 1
    log = validate_sarif(out)
    (result,) = [r for r in log["runs"][0]["results"] if r["level"] == "error"]
    assert result["ruleId"] == "refuted"
    location = result["locations"][0]["physicalLocation"]
    assert location["region"] == {"startLine": 12}
    assert location["artifactLocation"]["uri"] == (FIX / "wrong_steps.md").as_uri()
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "refuted"


def test_verify_formats_and_exit_code_stay():
    code, out = run("verify", WRONG, "--format", "sarif")
    assert code == 1
    (result,) = validate_sarif(out)["runs"][0]["results"]
    assert result["level"] == "error" and "locations" not in result
    assert result["message"]["text"].startswith(
        "H(p,q) = H(p) - D_{KL}(p \\| q): refuted (numeric, confirmed with mpmath at 50+ digits) "
        "(counterexample: K = 2; p = [")
    code, out = run("verify", WRONG, "--format", "github")
    assert code == 1 and out.startswith("::error title=infoderive%3A refuted::H(p,q) = ")
    assert run("verify", "a = a", "--format", "github") == (0, "")


def test_json_flag_is_short_for_format_json():
    assert run("verify", WRONG, "--json") == run("verify", WRONG, "--format", "json")
    code, out = run("verify", WRONG, "--json")
    assert json.loads(out)["verdict"] == "refuted"


def test_check_sarif_and_github_for_a_holding_derivation_are_empty():
    code, out = run("check", "sigmoid-is-inverse-logit", "--format", "sarif", "--jobs", "1")
    assert code == 0
    assert validate_sarif(out)["runs"][0]["results"] == []
    assert run("check", "sigmoid-is-inverse-logit", "--format", "github", "--jobs", "1") == (0, "")


def test_check_findings_name_the_derivation_and_its_file():
    doc = {"derivations": [{"name": "d", "verdict": "refuted", "steps": [
        {"relation": "=", "verdict": "proved", "method": "symbolic"},
        {"relation": "≤", "verdict": "refuted", "method": "numeric",
         "counterexample": {"values": {"x": 1.0}, "lhs": 2.0, "rhs": 1.0}}]}],
        "summary": {"derivations": 1, "steps": 2, "proved": 1, "checked": 0, "refuted": 1,
                    "unknown": 0}}
    (f,) = findings("check", doc, {"d": "derivations/catalogue/d.py"})
    assert (f.file, f.line, f.name) == ("derivations/catalogue/d.py", 0, "d")
    assert f.message == ("d, step 2 (≤): refuted: numeric "
                         "(counterexample: x = 1.0; lhs = 2.0, rhs = 1.0)")
    log = sarif("check", doc)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"][0]["locations"] == [
        {"logicalLocations": [{"name": "d", "kind": "function"}]}]


def test_unknown_format_is_a_usage_error(capsys):
    assert main(["lint", str(FIX / "wrong_steps.md"), "--format", "xml"]) == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_machine_formats_print_no_progress(fmt, tmp_path, monkeypatch):
    from derivations import progress
    assert progress.show_progress(fmt, _Terminal()) is False
    assert progress.show_progress("text", _Terminal()) is True
    assert progress.show_progress("text", io.StringIO()) is False


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_check_annotations_point_at_the_derivation_module():
    from derivations.check_command import _source_files
    files = _source_files(["sigmoid-is-inverse-logit", "no-such-derivation"])
    assert list(files) == ["sigmoid-is-inverse-logit"]
    assert files["sigmoid-is-inverse-logit"].endswith(
        "derivations/catalogue/sigmoid_is_inverse_logit.py")
