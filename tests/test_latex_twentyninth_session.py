"""What the twenty-ninth session changed in reading other authors' posts (issue 8)."""
from symbolic.latex_in.distribution_plan import plan
from verifying_helpers import findings, lint_statuses

HORSES = r"$p = (\frac12, \frac14, \frac18, \frac1{16}, \frac1{64}, \frac1{64}, \frac1{64}, \frac1{64})$"


# --- \frac1{16} in a listed pmf, and p(i) with i a sum's counter -----------------------------

def test_a_pmf_listed_with_brace_less_fractions_is_bound():
    doc = f"The horses win with probabilities {HORSES}.\n\n$$-\\sum_{{i=1}}^{{8}} p_i\\log_2 p_i = 2$$\n"
    assert lint_statuses(doc) == ["proved"]


def test_p_of_a_counted_index_is_the_listed_pmf():
    doc = (f"The horses win with probabilities {HORSES}.\n\n"
           r"$$H(X) = -\sum_{i=1}^{8} p(i)\log_2 p(i) = 2 \text{ bits}$$" "\n\n"
           r"$$-\sum_{i=1}^{8} p(i)\log_2 p(i) = 2.5$$" "\n")
    got = findings(doc)
    assert [(line, status) for line, status, _ in got] == [(3, "proved"), (3, "proved"),
                                                          (5, "refuted")]


def test_a_counted_index_is_not_a_variable_of_its_own():
    assert plan([r"-\sum_{i=1}^{8} p(i) \log p(i)"]) == {}
    # an index with no numeric range is still a variable: z in q(z) is read as a distribution's
    assert plan([r"\sum_{i} p(i) \log q(z)"]) == {"P": ("i",), "Q": ("z",)}
