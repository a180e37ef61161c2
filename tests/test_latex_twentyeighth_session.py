"""What the twenty-eighth session changed in reading other authors' posts (issue 8)."""
import pytest

from symbolic.latex_in.marks import primed_indices
from verifying_helpers import rows, status, verdicts


# --- a primed index bound by a sum is a name of its own ------------------------------------

def test_a_primed_sum_index_is_renamed_to_a_letter_the_chain_never_writes():
    assert primed_indices(r"\sum_{k'=1}^{K} e^{z_{k'}}", r"e^{z_k} = \sum_{k'} y_{k'}") == \
        r"\sum_{j=1}^{K} e^{z_{j}}"
    # \prime and ^{'} are the same mark; k'' and k' are two names
    assert primed_indices(r"\sum_{k^{\prime}} a_{k^\prime} + \sum_{k''} b_{k''}") == \
        r"\sum_{l} a_{l} + \sum_{j} b_{j}"
    # \sum_{j' \ne j}: the condition keeps its other index
    assert primed_indices(r"\sum_{j' \neq j} z_{j'}") == r"\sum_{k \neq j} z_{k}"


def test_primes_no_sum_binds_are_left():
    assert primed_indices(r"\theta' = \theta - \eta \nabla L") == r"\theta' = \theta - \eta \nabla L"
    assert primed_indices(r"\sum_{i=1}^{n'} x_i") == r"\sum_{i=1}^{n'} x_i"


@pytest.mark.parametrize("text, expected", [
    (r"\frac{e^{z_k}}{\sum_{k'=1}^{K} e^{z_{k'}}} = \frac{1}{\sum_{k'} e^{z_{k'}-z_k}}", "proved"),
    (r"\frac{e^{z_k}}{\sum_{k'=1}^{K} e^{z_{k'}}} = \frac{1}{\sum_{k'} e^{z_{k'}+z_k}}", "refuted"),
    (r"\frac{\partial}{\partial z_j} \log \sum_{k'} e^{z_{k'}} = "
     r"\frac{e^{z_j}}{\sum_{k'} e^{z_{k'}}}", "checked"),
    (r"\sum_{k^{\prime}} e^{z_{k^\prime}} = K e^{z_k}", "refuted"),
])
def test_relations_with_a_primed_sum_index_are_decided(text, expected):
    assert status(text) == expected


def test_a_primed_bound_of_a_sum_stays_unknown():
    [(got, why)] = verdicts(r"\sum_{i=1}^{n'} x_i = n' x_1")
    assert got == "unknown" and "a primed name" in why


# --- a superscript that is a sum's index may be an entry's label, not a power ---------------

def test_a_one_hot_label_written_with_the_sums_index_as_superscript_is_not_refuted():
    [(got, why)] = verdicts(r"-\frac{1}{m} \sum_{i=1}^{m} \sum_{j=0}^{n-1} y^j \cdot \log(\hat{y}_i)"
                            r" = -\frac{1}{m} \sum_{i=1}^{m} \log(\hat{y}_i)")
    assert got == "unknown"
    assert why.endswith("a superscript j, the index of a sum, may index an entry (y^j), not "
                        "raise a power")


def test_a_geometric_series_is_still_checked():
    assert status(r"\sum_{j=0}^{n} r^j = \frac{1-r^{n+1}}{1-r}") == "checked"


# --- E\log …: an expectation without a bracket, of a log (Cover and Thomas's notation) -------

@pytest.mark.parametrize("text, expected", [
    (r"H(X) = E\log \frac{1}{p(X)}", "proved"),
    (r"-\sum_{x} p(x) \log p(x) = -E \log p(X)", "proved"),
    (r"H(X) = -E\log \frac{1}{p(X)}", "refuted"),
])
def test_an_expectation_of_a_log_without_a_bracket_is_read(text, expected):
    assert status(text) == expected


def test_an_expectation_without_a_bracket_of_two_pmfs_stays_unknown():
    [(got, why)] = verdicts(r"\sum_{x}p(x)\log\frac{p(x)}{q(x)} = E\log\frac{p(X)}{q(X)}")
    assert got == "unknown" and "an expectation E X without a bracket" in why


# --- q(x) = [0.35, 0.6, 0.05]: a pmf given as the list of its values, written applied --------

def test_a_pmf_written_applied_and_set_to_a_list_is_bound():
    doc = ("$$p(x) = [0.5, 0.3, 0.2]$$\n\n$$q(x) = [0.35, 0.6, 0.05]$$\n\n"
           "$$H(p, q) = -\\sum_x p(x)\\log q(x) = %s$$\n")
    assert rows(doc % "1.2773") == [
        (5, "H(p, q)", "=", r"-\sum_x p(x)\log q(x)", "proved"),
        (5, r"-\sum_x p(x)\log q(x)", "=", "1.2773", "checked")]
    assert [r[4] for r in rows(doc % "1.3735")] == ["proved", "refuted"]


# --- the Jensen–Shannon divergence, and M the mixture of its two pmfs ------------------------

@pytest.mark.parametrize("text, expected", [
    (r"JS(P,Q) = \frac{1}{2}KL(P,M)+\frac{1}{2}KL(Q,M)", "proved"),
    (r"JSD(P \| Q) = \frac{1}{2}KL(P \| M) + \frac{1}{2}KL(P \| M)", "refuted"),
    (r"D_{JS}(p \| q) = D_{JS}(q \| p)", "proved"),
    (r"\mathrm{JS}(p, q) \le \log 2", "checked"),
    (r"D_{JS}(p \| q) = \frac12 (D_{KL}(p\|q) + D_{KL}(q \| p))", "refuted"),
    # the mixture written out in KL's argument
    (r"JSD(p, \, q) = \frac{1}{2} KL(p \Vert \frac{p + q}{2}) + \frac{1}{2} KL(q \Vert \frac{q + p}{2})",
     "proved"),
    (r"JSD(p, q) = \frac{1}{2} KL(p \Vert \frac{1}{2}(p + q)) + \frac{1}{2} KL(p \Vert \frac{1}{2}(p + q))",
     "refuted"),
])
def test_the_jensen_shannon_divergence_is_read(text, expected):
    assert status(text) == expected


def test_a_divergence_from_the_mixture_of_other_pmfs_stays_unknown():
    [(got, why)] = verdicts(r"JS(P,Q) = \frac{1}{2}KL(R,M)+\frac{1}{2}KL(Q,M)")
    assert got == "unknown" and "KL(R ‖ M) beside the mixture M of two other pmfs" in why


def test_a_jensen_shannon_definition_with_a_repeated_argument_is_refuted_in_a_post():
    doc = ("Jensen-Shannon divergence is symmetric:\n\n"
           "$$JSD(P \\| Q) = \\frac{1}{2}KL(P \\| M) + \\frac{1}{2}KL(%s \\| M)$$\n\n"
           "where $M$ is $\\frac{1}{2}(P+Q)$.\n")
    assert [r[4] for r in rows(doc % "Q")] == ["proved"]
    assert [r[4] for r in rows(doc % "P")] == ["refuted"]


# --- written forms: Markdown's escaped star, a typed ∈, a probability in braces -------------

@pytest.mark.parametrize("text, expected", [
    (r"\theta^\* + 1 = 1 + \theta^{\*}", "proved"),
    (r"H(X) = −∑_{x∈X}p(x)logp(x)", "proved"),
    (r"\frac{P \{ X = x, Y = y \} }{P \{ Y = y \} } = P(X=x|Y=y)", "proved"),
    (r"\Pr\{X = 1\} + \Pr\{X = 2\} = 2", "refuted"),
])
def test_written_forms_of_other_authors_are_read(text, expected):
    assert status(text) == expected


def test_a_jensen_shannon_divergence_of_pmfs_the_text_gives_is_computed():
    doc = "Let $p = (0.5, 0.5)$ and $q = (0.9, 0.1)$.\n\n$$JS(p, q) = %s$$\n"
    assert rows(doc % "0.1017") == [(3, "JS(p, q)", "=", "0.1017", "checked")]
    assert [r[4] for r in rows(doc % "0.3017")] == ["refuted"]


def test_a_mixture_divergence_prints_its_mixture():
    from symbolic.objects import pmf
    from symbolic.printing.latex import latex
    from symbolic.quantities import JensenShannon, MixtureDivergence
    p, q = pmf("p", 3), pmf("q", 3)
    assert latex(MixtureDivergence(p, q)) == r"D_{\mathrm{KL}}(p \,\|\, \tfrac{p + q}{2})"
    assert latex(JensenShannon(p, q)) == r"D_{\mathrm{JS}}(p \,\|\, q)"
