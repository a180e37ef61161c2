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


# --- C alone is a letter of the text's own, not the number of classes ------------------------

def test_capacity_c_beside_the_alphabet_size_is_not_the_number_of_classes():
    doc = ("### Properties of channel capacity\n\n"
           "$$C \\le \\log|\\mathcal{X}|$$\n\n$$C = \\log K + 1$$\n")
    assert [f[1] for f in findings(doc)] == ["unknown", "unknown"]


def test_c_beside_a_sum_over_classes_is_still_the_number_of_classes():
    doc = "$$-\\sum_{c=1}^C \\frac{1}{C}\\log\\frac{1}{C} = \\log C$$\n\n$$H(p) \\le \\log C$$\n"
    assert [f[1] for f in findings(doc)] == ["proved", "proved"]


def test_a_size_written_alone_is_sampled_at_whole_numbers():
    import numpy as np
    import sympy as sp

    from symbolic.context import Context, sample_set
    K = sp.Symbol("K", integer=True, positive=True)
    assert Context().domain_of(K) == sp.Range(1, sp.oo)
    values = sample_set(sp.Range(1, sp.oo), np.random.default_rng(3), 200)
    assert values[0] == 1 and (values == np.floor(values)).all() and values.min() >= 1


# --- a name set by a chain whose expressions differ -------------------------------------------

def test_a_name_set_by_a_refuted_chain_casts_a_doubt_on_its_later_use():
    doc = ("* $z = logit\\left(\\frac{p}{1-p} \\right) = log\\left(\\frac{p}{1-p}\\right)$\n\n"
           "Then\n\n$$log\\left(\\frac{p}{1-p}\\right) = z$$\n")
    got = findings(doc)
    assert [f[1] for f in got] == ["refuted", "unknown"]
    assert "z is set on line 1 by a chain whose expressions were not shown equal" in got[1][2]


def test_a_name_set_by_a_chain_of_unread_rows_is_read_as_any_of_them():
    doc = ("$$ S = C - \\eta = H - r - \\eta $$\n\nThe probability:\n\n"
           "$$ [ 1 - 2^{ T \\cdot (S - H) } ]^{ 2^{T \\cdot r} } "
           "= [ 1 - \\frac{2^{ -T \\cdot \\eta}}{2^{T \\cdot r}} ]^{2^{T \\cdot r}} $$\n")
    assert [f[1] for f in findings(doc)][-1] == "unknown"


def test_a_name_set_by_a_proved_chain_still_refutes_a_wrong_use():
    doc = ("$$ s = 2a = a + a $$\n\nThen\n\n$$ s + a = 4a $$\n")
    assert [f[1] for f in findings(doc)][-1] == "refuted"


# --- a formula the next paragraph corrects ----------------------------------------------------

def test_a_first_guess_the_next_paragraph_corrects_is_not_refuted():
    doc = ("KL means the information of q minus that of p, so it should be like:\n\n"
           "$$\\text{KL}(p||q)=-\\sum q(x)\\log q(x) +\\sum p(x) \\log p(x) $$\n\n"
           "But with respect to p, the exact definition should change the first term.\n")
    got = findings(doc)
    assert got[0][1] == "unknown"
    assert got[0][2].startswith("the text goes on to correct it ('the exact definition should')")


def test_the_same_formula_followed_by_ordinary_prose_is_refuted():
    doc = ("So:\n\n$$\\text{KL}(p||q)=-\\sum q(x)\\log q(x) +\\sum p(x) \\log p(x) $$\n\n"
           "This is the divergence we minimise.\n")
    assert findings(doc)[0][1] == "refuted"


# --- a sum without its index, over its weight's outcome ---------------------------------------

def test_a_sum_without_index_runs_over_the_outcome_of_its_leading_weight():
    from symbolic.latex_in.parse import Reader
    side = Reader().read_side(r"\sum q(z) \log \frac{q(z)}{p(x)}")
    sums = list(side.atoms(__import__("sympy").Sum))
    assert len(sums) == 1 and str(sums[0].limits[0][0]) == "z"


def test_a_sum_without_index_and_no_leading_weight_is_not_guessed():
    import pytest

    from symbolic.latex_in.errors import ParserRejection
    from symbolic.latex_in.parse import Reader
    with pytest.raises(ParserRejection, match="cannot parse"):
        Reader().read_side(r"\sum \log q(z) p(x)")


# --- a dot between fractions is a product -----------------------------------------------------

def test_a_dot_between_two_fractions_is_a_product_and_a_full_stop_is_not():
    from symbolic.latex_in.notation import clean
    assert clean(r"\frac{dL}{dz}.\frac{dz}{dw}") == r"\frac{dL}{dz} \cdot \frac{dz}{dw}"
    assert clean(r"a = \frac{1}{2}.") == r"a = \frac{1}{2}."


def test_a_chain_rule_written_with_dots_is_read():
    doc = "$$\\frac{d}{dz}(z^2 + 1).\\frac{d}{dz}(2z) = 4z$$\n"
    assert findings(doc)[0][1] == "proved"


def test_a_function_set_by_a_chain_whose_expressions_differ_casts_the_same_doubt():
    doc = "$$ f(x) = x^2 + 1 = x^2 + 2 $$\n\nThen\n\n$$ f(2) + 1 = 7 $$\n"
    got = findings(doc)
    assert [f[1] for f in got] == ["refuted", "unknown"]
    assert got[1][2].startswith("fails when read as an identity")
    assert "f is set on line 1 by a chain whose expressions were not shown equal" in got[1][2]


# --- a convention the prose states, and a file that is not UTF-8 ------------------------------

def test_a_value_the_prose_sets_by_convention_is_not_refuted():
    doc = ("By convention, $0~\\log\\frac{0}{q} = 0, 0~\\log\\frac{p}{0} = \\infty$.\n")
    got = findings(doc)
    assert got[-1][1] == "unknown"
    assert "the text introduces it as its notation ('convention')" in got[-1][2]


def test_a_latin1_file_is_read_with_a_note(tmp_path, capsys):
    from derivations.lint_command import read_source
    page = tmp_path / "notes.Rmd"
    page.write_bytes("author: Jo\u00e3o\n\n$$2 + 2 = 5$$\n".encode("latin-1"))
    text, error = read_source(str(page))
    assert error == "" and text.endswith("$$2 + 2 = 5$$\n") and "\ufffd" in text
    assert "not UTF-8 (invalid continuation byte at byte 10)" in capsys.readouterr().err


def test_a_missing_file_is_still_unreadable(tmp_path):
    from derivations.lint_command import read_source
    text, error = read_source(str(tmp_path / "gone.md"))
    assert text is None and error.startswith("cannot read the file: [Errno 2]")


# --- a starred name with a subscript ----------------------------------------------------------

def test_a_starred_name_with_a_subscript_is_one_name():
    from symbolic.latex_in.notation import clean
    assert clean(r"L_n^* = 2") == r"L_{nstar} = 2"
    assert clean(r"\theta_1^\ast") == r"\theta_{1star}"
    assert clean(r"\sum_i^* x") == r"\sum_i^* x"       # an operator's scripts are left
    assert clean(r"x_i^2") == r"x_i^2"


def test_a_starred_name_is_another_name_than_the_unstarred_one():
    assert findings("$$L_n^* + L_n = L_n + L_n^*$$\n")[0][1] == "proved"
    from symbolic.latex_in.parse import Reader
    assert Reader().read_side(r"L_n^*") != Reader().read_side(r"L_n")


def test_a_name_set_once_is_not_set_again_by_each_later_chain():
    # the reader's state comes back from its worker as a copy: a binding equal to the one
    # before is no new binding, and casts no doubt on the rows after it
    doc = ("$$\\ell(\\mu) = -\\frac{1}{2}\\sum_{i=1}^n (x_i - \\mu)^2$$\n\n"
           "$$\\frac{\\partial}{\\partial \\mu} \\ell(\\mu) = \\sum_{i=1}^n (x_i - \\mu) = 0$$\n\n"
           "So\n\n$$\\frac{\\partial}{\\partial \\mu} \\ell(\\mu) = \\sum_{i=1}^n (x_i + \\mu)$$\n")
    assert findings(doc)[-1][1] == "refuted"
