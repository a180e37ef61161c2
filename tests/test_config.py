"""[tool.infoderive] in pyproject.toml, or infoderive.toml: found upward, flags override."""
import argparse
import json
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.config import (Config, ConfigError, find_config, lint_targets, load_config,
                                resolve)

WRONG_POST = "$$\nH(p) = H(p) + 1\n$$\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_upward_and_infoderive_toml_wins(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", "[tool.infoderive]\nlog-base = 2\n")
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: skipped
    assert find_config(sub) == tmp_path / "pyproject.toml"
    assert load_config(sub).log_base == "2"
    write(tmp_path / "a" / "infoderive.toml", "log-base = 10\n")
    assert find_config(sub) == tmp_path / "a" / "infoderive.toml"
    assert load_config(sub).log_base == "10"


def test_no_config_gives_the_defaults(tmp_path):
    assert load_config(tmp_path) == Config()


@pytest.mark.parametrize("text, message", [
    ("colour = 1\n", "unknown key(s) colour"),
    ("log-base = 1\n", "'log-base' wants \"e\" or an integer >= 2, got '1'"),
    ("[limits]\nseconds = -1\n", "limits.seconds wants a positive number"),
    ("[limits]\nminutes = 1\n", "'limits' wants a table with samples and seconds"),
    ("include = [1]\n", "'include' wants a list of glob strings"),
    ("log-base = \n", "cannot read the configuration"),
])
def test_bad_configuration_is_a_clear_error(tmp_path, text, message):
    path = write(tmp_path / "infoderive.toml", text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(tmp_path)
    assert str(path) in str(pytest.raises(ConfigError, load_config, tmp_path).value)


def test_bad_configuration_exits_2_without_traceback(tmp_path, monkeypatch, capsys):
    write(tmp_path / "infoderive.toml", "colour = 1\n")
    monkeypatch.chdir(tmp_path)
    assert main(["verify", "a = a"]) == 2
    assert main(["lint", "post.md"]) == 2
    assert main(["check", "sigmoid-is-inverse-logit"]) == 2
    err = capsys.readouterr().err
    assert err.count("infoderive: ") == 3 and "unknown key(s) colour" in err
    assert "Traceback" not in err


def test_log_base_from_config_and_the_flag_overrides(tmp_path, monkeypatch, capsys):
    write(tmp_path / "pyproject.toml", "[tool.infoderive]\nlog-base = 2\n")
    monkeypatch.chdir(tmp_path)
    assert main(["verify", r"\log 8 = 3"]) == 0
    assert main(["verify", r"\log 8 = 3", "--log-base", "e"]) == 1
    assert "refuted" in capsys.readouterr().out


def test_bindings_from_config_and_the_flag_overrides(tmp_path, monkeypatch, capsys):
    write(tmp_path / "infoderive.toml", '[bind]\nx = "0.8"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["verify", "x^2 = 0.64"]) == 0
    assert main(["verify", "x^2 = 0.64", "--bind", "x=0.5"]) == 1


def test_limits_fill_what_the_flags_leave_unset():
    config = Config(limits={"seconds": 3, "samples": 50}, log_base="2")
    args = argparse.Namespace(timeout=None, samples=None, log_base=None, bind=["y=1"])
    resolve(args, "verify", config)
    assert (args.timeout, args.samples, args.log_base) == (3, 50, "2")
    args = argparse.Namespace(timeout=7.0, samples=None, log_base="e", bind=[])
    resolve(args, "lint", Config())
    assert (args.timeout, args.samples, args.log_base) == (7.0, 1000, "e")


def test_lint_of_a_directory_follows_include_and_exclude(tmp_path, monkeypatch, capsys):
    write(tmp_path / "infoderive.toml", 'exclude = ["drafts/**"]\n')
    write(tmp_path / "posts" / "a.md", WRONG_POST)
    write(tmp_path / "posts" / "b.tex", "no math here\n")
    write(tmp_path / "posts" / "notes.txt", WRONG_POST)
    write(tmp_path / "drafts" / "c.md", WRONG_POST)
    monkeypatch.chdir(tmp_path)
    assert lint_targets(["."], load_config()) == ["posts/a.md", "posts/b.tex"]
    assert lint_targets(["drafts/c.md"], load_config()) == []
    assert main(["lint", ".", "--json"]) == 1
    files = [f["file"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert files == ["posts/a.md", "posts/b.tex"]


def test_include_narrows_what_a_directory_lints(tmp_path, monkeypatch):
    write(tmp_path / "pyproject.toml", '[tool.infoderive]\ninclude = ["*.tex"]\n')
    write(tmp_path / "a.md", WRONG_POST)
    write(tmp_path / "sub" / "b.tex", WRONG_POST)
    monkeypatch.chdir(tmp_path)
    assert lint_targets(["."], load_config()) == ["sub/b.tex"]
