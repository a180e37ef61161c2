"""The result cache: content keys, INFODERIVE_CACHE_DIR, --no-cache, concurrent runs."""
import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from derivations import check_command, lint_command
from derivations.cli import main
from symbolic.cache import FILE_NAME, cache_dir, open_cache

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("INFODERIVE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_round_trip_in_the_folder_the_environment_names(fresh_cache):
    assert cache_dir() == fresh_cache
    cache = open_cache()
    assert cache.enabled and cache.get(("a", "b")) is None
    cache.put(("a", "b"), {"verdict": "proved", "steps": [1, 2]})
    assert cache.get(("a", "b")) == {"verdict": "proved", "steps": [1, 2]}
    assert cache.get(("ab",)) is None and cache.get(("a", "b", "")) is None
    cache.close()
    assert (fresh_cache / FILE_NAME).is_file()
    mode = sqlite3.connect(fresh_cache / FILE_NAME).execute("PRAGMA journal_mode").fetchone()
    assert mode == ("wal",)


def test_disabled_cache_never_reads_or_writes(fresh_cache):
    cache = open_cache(enabled=False)
    cache.put(("x",), {"v": 1})
    assert not cache.enabled and cache.get(("x",)) is None
    assert not fresh_cache.exists()


def test_an_unusable_cache_turns_itself_off(fresh_cache):
    fresh_cache.mkdir()
    (fresh_cache / FILE_NAME).write_bytes(b"this is not a database" * 100)
    cache = open_cache()
    cache.put(("x",), {"v": 1})
    assert cache.get(("x",)) is None


def _writer(args):
    worker, n = args
    cache = open_cache()
    for i in range(n):
        cache.put((f"w{worker}", str(i)), {"i": i, "worker": worker})
        assert cache.get((f"w{worker}", str(i))) == {"i": i, "worker": worker}
    cache.close()
    return worker


def test_concurrent_writers_lose_nothing(fresh_cache):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert sorted(pool.map(_writer, [(w, 50) for w in range(4)])) == [0, 1, 2, 3]
    cache = open_cache()
    assert all(cache.get((f"w{w}", str(i))) == {"i": i, "worker": w}
               for w in range(4) for i in range(50))


def _refuse(job):
    raise AssertionError("checked again although the input did not change")


def test_check_rerun_reads_the_cache_and_no_cache_checks_again(fresh_cache, monkeypatch, capsys):
    argv = ["check", "sigmoid-is-inverse-logit", "logit-is-log-odds", "--json", "--jobs", "1"]
    assert main(argv) == 0
    first = capsys.readouterr().out
    monkeypatch.setattr(check_command, "_step_job", _refuse)
    assert main(argv) == 0
    assert capsys.readouterr().out == first
    assert main([*argv, "--no-cache"]) == 70  # the refusing checker ran: no cache read
    assert "checked again" in capsys.readouterr().err


def test_check_json_from_the_cache_is_the_contract(fresh_cache, capsys):
    from derivations import registry
    from symbolic.printing.json import check_json
    from symbolic.verify import check_derivations
    names = ["sigmoid-is-inverse-logit", "kl-two-outcome-example"]
    expected = check_json(check_derivations([registry.build(n) for n in names]))
    for _ in range(2):  # cold, then warm
        assert main(["check", *names, "--json", "--jobs", "1"]) == 0
        assert json.loads(capsys.readouterr().out) == expected


def test_lint_rerun_reads_the_cache_keyed_on_content(fresh_cache, tmp_path, monkeypatch, capsys):
    post = tmp_path / "post.md"
    post.write_text("$$\nH(p) = H(p) + 1\n$$\n", encoding="utf-8")
    assert main(["lint", str(post), "--json"]) == 1
    first = capsys.readouterr().out
    monkeypatch.setattr(lint_command, "_lint_job", _refuse)
    assert main(["lint", str(post), "--json"]) == 1
    assert capsys.readouterr().out == first
    post.write_text("$$\nH(p) = H(p)\n$$\n", encoding="utf-8")  # edited: checked again
    assert main(["lint", str(post), "--json"]) == 70
    assert main(["lint", str(post), "--json", "--timeout", "3"]) == 70  # other options too


def test_an_edited_derivation_alone_is_checked_again(fresh_cache, monkeypatch, capsys):
    from dataclasses import replace

    from derivations import registry
    names = ["sigmoid-is-inverse-logit", "logit-is-log-odds"]
    assert main(["check", *names, "--jobs", "1"]) == 0
    checked = []
    original_job = check_command._step_job

    def spy(job):
        checked.append(job[0].name)
        return original_job(job)

    build = registry.build

    def edited(name):
        d = build(name)
        if name != "logit-is-log-odds":
            return d
        return replace(d, steps=d.steps[:-1])  # one step fewer: other content
    monkeypatch.setattr(check_command, "_step_job", spy)
    monkeypatch.setattr(registry, "build", edited)
    assert main(["check", *names, "--jobs", "1", "--json"]) == 0
    assert set(checked) == {"logit-is-log-odds"}    # each of its steps, nothing else
    assert len(checked) == len(edited("logit-is-log-odds").steps)
