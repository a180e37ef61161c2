"""The pre-commit hook `infoderive-lint`, tried for real with `pre-commit try-repo`."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_hook_manifest_names_the_lint_hook():
    import yaml  # pre-commit's own dependency (PyYAML)
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "infoderive-lint" and hook["entry"] == "infoderive lint"
    assert hook["language"] == "python" and hook["types_or"] == ["markdown", "tex"]


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.mark.slow
def test_try_repo_passes_a_right_post_and_fails_a_wrong_one(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of infoderive")
    repo = tmp_path / "blog"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "right.md").write_text("$$\nH(p) \\le \\log K\n$$\n", encoding="utf-8")
    (repo / "wrong.tex").write_text("\\begin{equation}\nH(p) = H(p) + 1\n\\end{equation}\n",
                                    encoding="utf-8")
    (repo / "notes.txt").write_text("H(p) = H(p) + 1\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path), "INFODERIVE_CACHE_DIR": str(tmp_path / "cache")}

    def try_repo(*files):
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "infoderive-lint",
             "--verbose", "--files", *files],
            cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    right = try_repo("right.md", "notes.txt")
    assert right.returncode == 0, right.stdout + right.stderr
    assert "infoderive lint" in right.stdout and "Passed" in right.stdout
    wrong = try_repo("right.md", "wrong.tex")
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "Failed" in wrong.stdout
    assert "wrong.tex:2: refuted: H(p) = H(p) + 1" in wrong.stdout
