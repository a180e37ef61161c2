"""Inline suppression: `<!-- infoderive: ignore -->` / `% infoderive: ignore`."""
import json

from derivations.cli import main
from derivations.suppress import filter_findings, suppressed_lines

POST = """# Post

A wrong inline claim $H(p) = H(p) + 1$ we accept. <!-- infoderive: ignore -->

<!-- infoderive: ignore -->
$$
\\begin{aligned}
H(p) &= H(p) + 2 \\\\
     &= H(p) + 5
\\end{aligned}
$$

$$
H(p) = H(p) + 3
$$
"""


def test_lines_of_a_marker_and_of_the_block_after_it():
    assert sorted(suppressed_lines(POST)) == [3, 5, 6, 7, 8, 9, 10, 11]
    latex = "x\n% infoderive: ignore\n\\[ a = b \\]\n\\[ c = d \\]\n50\\% infoderive: ignore\n"
    assert sorted(suppressed_lines(latex)) == [2, 3]
    assert suppressed_lines("no marker $a = b$\n") == set()


def test_filter_counts_what_it_drops():
    report = {"file": "p.md", "relations_total": 2, "relations_checked": 2,
              "findings": [{"line": 3}, {"line": 14}]}
    kept, dropped = filter_findings(report, POST)
    assert dropped == 1 and kept["findings"] == [{"line": 14}] and kept["suppressed"] == 1
    assert filter_findings(report, "nothing\n") == (report, 0)


def test_lint_json_omits_suppressed_findings(tmp_path, capsys):
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    assert main(["lint", str(post), "--json"]) == 1
    (f,) = json.loads(capsys.readouterr().out)["files"]
    assert [x["line"] for x in f["findings"]] == [14]
    assert f["suppressed"] == 3 and f["relations_total"] == 4
    assert main(["lint", str(post)]) == 1
    out = capsys.readouterr().out
    assert f"{post}:14: refuted" in out and f"{post}:3:" not in out
    assert out.rstrip().endswith("1 file(s): 4 relations found, 4 decided, 1 refuted, "
                                 "0 unknown, 3 suppressed")


def test_every_wrong_step_suppressed_exits_0(tmp_path, capsys):
    doc = tmp_path / "notes.tex"
    doc.write_text("% infoderive: ignore\n\\begin{equation}\nH(p) = H(p) + 1\n"
                   "\\end{equation}\n", encoding="utf-8")
    assert main(["lint", str(doc)]) == 0
    assert "1 suppressed" in capsys.readouterr().out
