"""Readings and false alarms of the thirteenth session, each cause written again here as a
short excerpt of our own, with the near miss that must still be refuted."""
from symbolic.latex_in.lint import verify_text
from verifying_helpers import LIMITS, status, verdicts


# --- x^+, ε^-, x^\star: a marked name, not a power ---------------------------------------

def test_a_plus_or_star_superscript_before_a_relation_marks_a_name():
    [(verdict, reason)] = verdicts(r"x^+ = \max(0, x)")
    assert (verdict, reason) == ("unknown", "x^+ = … names the right side: a definition, not a claim "
                                            "(in a document later rows use it)")
    assert status(r"\varepsilon^+ = 0.28") == "unknown"
    assert status(r"x^\star + 1 = 1 + x^{\star}") == "proved"
    assert status(r"x^\star + 1 = 2 + x^{\star}") == "refuted"


def test_a_minus_superscript_before_an_operand_is_still_a_power():
    assert status(r"e^-x = \frac{1}{e^x}") == "proved"


# --- integrals over the whole space ------------------------------------------------------

def test_an_integral_over_the_whole_space_is_the_integral_without_limits():
    assert status(r"\int_{\mathbb{R}} p(x) dx = 1") == "proved"
    assert status(r"\int_\Omega p(x, z) dz = p(x)") == "proved"
    assert status(r"\int_{\mathcal{Z}} p(x, z) dz = p(z)") == "refuted"


def test_an_integral_over_a_subset_keeps_its_domain():
    for text in (r"\int_A p(x) dx = 1", r"\int_{\mathcal{A}} p(x) dx = 1"):
        steps, error = verify_text(text, LIMITS)
        assert error is not None or [s.status for s in steps] == ["unknown"], text
