"""A progress bar on stderr for long text runs on a terminal, and nowhere else."""
import io
import sys

import pytest

from derivations import registry
from derivations.cli import main
from derivations.progress import run_jobs


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def posts(tmp_path):
    paths = []
    for i in range(3):
        path = tmp_path / f"post{i}.md"
        path.write_text(f"$$\nH(p) = H(p) + {i + 1}\n$$\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_bar_on_a_terminal_in_text_format(posts, monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["lint", *posts, "--no-cache", "--jobs", "1"]) == 1
    assert "lint: 100%" in terminal.getvalue() and "3/3" in terminal.getvalue()
    assert "3 file(s): 3 relations found" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_no_bar_in_machine_formats(posts, monkeypatch, capsys, fmt):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["lint", *posts, "--format", fmt, "--jobs", "1"]) == 1
    assert terminal.getvalue() == ""


def test_no_bar_when_stderr_is_not_a_terminal(posts, monkeypatch, capsys):
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    assert main(["lint", *posts, "--no-cache", "--jobs", "1"]) == 1
    assert pipe.getvalue() == ""


def test_check_shows_a_bar_too(monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    names = ["sigmoid-is-inverse-logit", "logit-is-log-odds"]
    assert main(["check", *names, "--jobs", "1", "--no-cache"]) == 0
    steps = sum(len(registry.build(name).steps) for name in names)   # the jobs are steps
    assert "check: 100%" in terminal.getvalue() and f"{steps}/{steps}" in terminal.getvalue()


def test_jobs_keep_their_order_on_processes():
    assert run_jobs(str, range(5), jobs=2) == ["0", "1", "2", "3", "4"]
