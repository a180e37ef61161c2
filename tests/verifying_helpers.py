"""What the tests of ``infoderive verify``'s reading share: the limits and the verdicts of
one relation or chain, as ``"proved/refuted"`` or as (status, reason) pairs; and the rows
``lint`` finds in a short document."""
from symbolic.latex_in.check import Limits
from symbolic.latex_in.lint import lint_source, verify_text

LIMITS = Limits(seconds=20, samples=300)


def status(text: str) -> str:
    """The statuses of the steps of ``text``, joined by ``/`` (no read error allowed)."""
    steps, error = verify_text(text, LIMITS)
    assert error is None
    return "/".join(s.status for s in steps)


def verdicts(text: str):
    """(status, reason) of each step of ``text`` (no read error allowed)."""
    steps, error = verify_text(text, LIMITS)
    assert error is None
    return [(s.status, s.verdict.reason) for s in steps]


def rows(text: str):
    """(line, lhs, relation, rhs, status) of each step ``lint`` finds in the Markdown ``text``."""
    report = lint_source(text, "post.md", LIMITS)
    return [(s.line, s.lhs.strip(), s.relation, s.rhs.strip(), s.status) for s in report.steps]


def findings(text: str, limits: Limits = LIMITS):
    """(line, status, reason) of each step ``lint`` finds in the Markdown ``text``."""
    report = lint_source(text, "post.md", limits)
    return [(s.line, s.status, s.verdict.reason) for s in report.steps]


def line_statuses(text: str) -> list:
    """(line, status) of each step ``lint`` finds in the Markdown ``text``, in order."""
    return [(line, status) for line, status, _ in findings(text)]


def lint_statuses(text: str) -> list:
    """The status of each step ``lint`` finds in the Markdown ``text``, in order."""
    return [status for _, status, _ in findings(text)]
