"""Readings and false alarms of the twenty-second session, each cause written again here as a
short excerpt of our own, with the near miss that must still be refuted."""
from verifying_helpers import verdicts


# --- a sum that leaves one index out; a spaced dot between factors ----------------------------

def test_a_sum_that_leaves_one_index_out_is_read():
    assert verdicts(r"\frac{d}{dz_j} ( \sum_{k=1, k \not=j}^c e^{z_k} + e^{z_j} ) = "
                    r"\frac{d}{dz_j} ( \sum_{k=1, k \not=j}^c e^{z_k} ) + e^{z_j}") == [
        ("proved", "no numeric check: cannot evaluate the condition (c >= j) & (j >= 1)")]
    assert verdicts(r"- \frac{t_i}{y_i} y_i (1-y_i) - \sum_{j \neq i}^C \frac{t_j}{y_j} (-y_j y_i)"
                    r" = -t_i + t_i y_i + \sum_{j \neq i}^C t_j y_i") == [("proved", "")]


def test_a_sum_that_leaves_one_index_out_is_not_the_whole_sum():
    [(status, _)] = verdicts(r"\sum_{k \ne j}^{K} e^{z_k} = \sum_{k=1}^{K} e^{z_k}")
    assert status == "refuted"


def test_a_spaced_dot_between_factors_is_a_product():
    assert verdicts(r"a_i . 1 - y_i = a_i - y_i") == [("proved", "")]
    assert verdicts(r"\frac{a}{b} . \frac{b}{a} = 1") == [("proved", "")]
    [(status, _)] = verdicts(r"a_i . 2 - y_i = a_i - y_i")
    assert status == "refuted"
