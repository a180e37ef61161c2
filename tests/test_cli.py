"""The command line, in-process: exit codes and output."""
import json

import pytest

from derivations.cli import main


def test_list_json_names_every_derivation_with_its_seed_file(capsys):
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    names = [r["name"] for r in rows]
    assert "sigmoid-is-inverse-logit" in names
    row = rows[names.index("sigmoid-is-inverse-logit")]
    assert row["source"] == "002_639aed3e79f5524e.txt"
    assert set(row) >= {"name", "title", "source"}


def test_unknown_name_is_exit_2_with_close_names(capsys):
    assert main(["show", "sigmoid-inverse-logit"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("infoderive: unknown derivation 'sigmoid-inverse-logit'; "
                          "did you mean sigmoid-is-inverse-logit")
    assert err.count("\n") == 1


def test_unknown_name_in_check_is_exit_2(capsys):
    assert main(["check", "no-such-thing"]) == 2
    assert "unknown derivation 'no-such-thing'" in capsys.readouterr().err


def test_bad_usage_is_exit_2_without_traceback(capsys):
    assert main(["show"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert main(["frobnicate"]) == 2


def test_check_one_derivation(capsys):
    assert main(["check", "kl-is-cross-entropy-minus-entropy", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "PROVED   kl-is-cross-entropy-minus-entropy (3 proved)"
    assert out.splitlines()[-1].startswith("1 derivations, 3 steps: 3 proved, 0 checked, "
                                           "0 refuted, 0 unknown (")


def test_check_json_contract(capsys):
    assert main(["check", "sigmoid-is-inverse-logit", "--json", "--jobs", "1"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"derivations", "summary"}
    assert set(doc["summary"]) == {"derivations", "steps", "proved", "checked", "refuted",
                                   "unknown"}
    step = doc["derivations"][0]["steps"][0]
    assert step["relation"] == "⇔" and step["verdict"] in ("proved", "checked")
    assert isinstance(step["method"], str)


def test_show_json_contract(capsys):
    assert main(["show", "jensen-bound-on-agreement", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["name"] == "jensen-bound-on-agreement"
    assert doc["source"] == "000_785bcb426b630ca2.txt"
    assert [s["relation"] for s in doc["steps"]] == ["=", "=", "≥", "=", "⇔", "⇔"]
    assert doc["steps"][-1]["latex"] == r"e^{- H(p, q)} \le P(X = Y)"
    assert doc["steps"][-1]["srepr"].startswith("LessThan(exp(Mul(Integer(-1), CrossEntropy(")
    assert all(set(s) >= {"latex", "relation", "reason", "verdict", "method", "srepr"}
               for s in doc["steps"])


@pytest.mark.parametrize("fmt, marker", [("latex", "\\begin{align*}"), ("markdown", "$$"),
                                         ("text", "verdict: ")])
def test_show_formats(capsys, fmt, marker):
    assert main(["show", "sigmoid-is-inverse-logit", "--format", fmt]) == 0
    assert marker in capsys.readouterr().out


def test_build_check_reports_stale_output(tmp_path, capsys, monkeypatch):
    from derivations import registry
    small = ["sigmoid-is-inverse-logit", "kl-is-cross-entropy-minus-entropy"]
    monkeypatch.setattr(registry, "build_all", lambda: [registry.build(n) for n in small])
    assert main(["build", "--out", str(tmp_path), "--check", "--jobs", "2"]) == 1
    assert "stale:" in capsys.readouterr().out
    assert main(["build", "--out", str(tmp_path), "--jobs", "2"]) == 0
    assert (tmp_path / "derivations" / "README.md").is_file()
    assert (tmp_path / "errata.md").is_file()
    capsys.readouterr()
    assert main(["build", "--out", str(tmp_path), "--check", "--jobs", "2"]) == 0
    (tmp_path / "derivations" / "sigmoid-is-inverse-logit.md").write_text("edited")
    assert main(["build", "--out", str(tmp_path), "--check", "--jobs", "2"]) == 1
    assert "sigmoid-is-inverse-logit.md" in capsys.readouterr().out


def test_python_dash_m_runs_the_same_cli():
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "derivations", "show", "nope"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("infoderive: unknown derivation 'nope'")
