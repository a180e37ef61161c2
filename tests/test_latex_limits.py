"""Every phase of reading and checking runs under the per-relation time limit."""
import time

from derivations.cli import main
from symbolic.latex_in.check import Limits
from symbolic.latex_in.lint import lint_source

HOSTILE_CHAIN = r"""$$
\begin{align*} H(Y|X) &= -\sum_{x,y} P(x,y) \log P(y|x) = -\sum_{x,y} P(x,y) \log \dfrac{P(x,y)}{P(x) 10^{10^{10^{10}}}} \\ &= -\sum_{x,y} P(x,y) \log P(x,y) - \sum_x P(x) \log \dfrac{1}{P(x)} \\ &= H(X,Y) - H(X) \end{align*}
$$
"""


def test_the_hostile_chain_of_issue_11_stops_at_the_limit():
    start = time.monotonic()
    (step,) = lint_source(HOSTILE_CHAIN, "post.md", Limits(seconds=3)).steps
    assert time.monotonic() - start < 30
    assert step.status == "unknown"
    assert step.verdict.reason == "reading stopped: time limit of 3 s reached"


def test_verify_reports_a_reading_limit_as_unknown(capsys):
    code = main(["verify", r"\sum_x p(x) \log (p(x) 10^{10^{10^{10}}}) = 0", "--timeout", "2",
                 "--no-cache"])
    assert code == 3
    assert "reading stopped: time limit of 2 s reached" in capsys.readouterr().out
