"""What the twenty-sixth session changed in reading other authors' posts (issue 8)."""
from functools import partial

from verifying_helpers import findings as lint_findings

from symbolic.latex_in.check import Limits
from symbolic.latex_in.reader_expectations import _pmf_values_under_log

LIMITS = Limits(seconds=10)
findings = partial(lint_findings, limits=LIMITS)     # (line, status, reason) of each step


# --- pmf letters written alone under a log inside an expectation -------------------------------

def test_lone_pmf_letters_under_a_log_take_the_expectations_variable():
    assert _pmf_values_under_log(r"\log(p/q)", "x") == r"\log(p(x)/q(x))"
    assert _pmf_values_under_log(r"\log \frac{P}{Q}", "z") == r"\log \frac{P(z)}{Q(z)}"


def test_lone_pmf_letters_beside_an_applied_pmf_or_without_a_log_are_left():
    assert _pmf_values_under_log(r"\log \frac{p(x)}{q}", "x") == r"\log \frac{p(x)}{q}"
    assert _pmf_values_under_log(r"p - q", "x") == "p - q"
    assert _pmf_values_under_log(r"\log x_{p} + q'", "x") == r"\log x_{p} + q'"


def test_kl_as_the_expected_log_ratio_of_lone_letters_is_proved_and_its_swap_refuted():
    doc = ("$$D_{KL}(p\\|q) = E_p[\\log(p/q)]$$\n\n"
           "$$D_{KL}(p\\|q) = E_p[\\log(q/p)]$$\n")
    assert [f[1] for f in findings(doc)] == ["proved", "refuted"]


# --- the parser's answer for one text is kept -------------------------------------------------

def test_a_text_parsed_twice_is_parsed_once_and_keeps_its_doubts():
    from symbolic.latex_in.latex_parser import _parsed, parse_latex
    _parsed.cache_clear()
    first, second = [], []
    assert parse_latex("1/2 x", first) == parse_latex("1/2 x", second)
    assert first == second == ["a slash before factors side by side (1/2 x) is read (1/2)·x; "
                               "1/(2x) is possible"]
    assert _parsed.cache_info().hits == 1


def test_a_text_the_parser_refuses_is_refused_again_from_the_cache():
    import pytest

    from symbolic.latex_in.latex_parser import parse_latex
    for _ in range(2):
        with pytest.raises(Exception, match="I expected something else here|I don't understand"):
            parse_latex(r"\frac{1}{")
