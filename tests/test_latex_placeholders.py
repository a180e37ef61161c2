"""The reader's internal placeholders can never capture a symbol the user wrote."""
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic import quantities as qu
from symbolic.latex_in.parse import PLACEHOLDERS, Reader

GREEK = ["xi", "mho", "chi", "psi", "zeta", "upsilon", "varpi", "iota", "kappa", "alpha", "beta",
         "Xi", "Psi", "omega", "gamma", "Gamma"]
user_names = st.one_of(
    st.builds(lambda g, n: f"\\{g}_{{{n}}}", st.sampled_from(GREEK), st.integers(0, 40)),
    st.builds(lambda g, n: f"\\{g}_{n}", st.sampled_from(GREEK), st.integers(0, 9)),
    st.builds(lambda g: f"\\{g}", st.sampled_from(GREEK)),
    st.builds(lambda c, n: f"{c}_{{{n}}}", st.sampled_from("abxyzw"), st.integers(0, 40)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(user_names, min_size=1, max_size=4))
def test_user_symbols_survive_reading(names):
    expr = Reader().read_side(r"H(p) + " + " + ".join(names))
    # every user name is still a plain symbol, and H(p) appears exactly once
    assert len(expr.atoms(qu.Entropy)) == 1
    symbols = [s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s.name not in ("p", "K")]
    assert len(symbols) == len(set(n.replace("\\", "").replace("{", "").replace("}", "")
                                   for n in names))


def test_the_reported_capture_is_fixed():
    expr = Reader().read_side(r"\xi_{0} + 1")
    assert expr == sp.Symbol("xi_0", real=True) + 1


def test_a_side_using_every_reserved_name_is_unknown():
    from symbolic.latex_in.errors import UnknownNotation
    text = " + ".join(f"\\{n}" for n in PLACEHOLDERS) + " + H(p)"
    try:
        Reader().read_side(text)
    except UnknownNotation as exc:
        assert "keeps for itself" in exc.message
    else:
        raise AssertionError("expected UnknownNotation")


def test_gamma_is_a_name_not_eulers_constant():
    # the parser read \gamma as Euler's constant and \gamma_j + 1 as 1: "\gamma_j + 1 = 1" was proved
    assert Reader().read_side(r"\gamma_j + 1") == sp.Symbol("gamma_j", real=True) + 1
    assert Reader().read_side(r"\Gamma_{k} x") == sp.Symbol("Gamma_k", real=True) * sp.Symbol("x", real=True)


@settings(max_examples=6, deadline=None)
@given(st.sampled_from("qQ"), st.sampled_from("pP"), st.sampled_from([r"\log", r"\log_2", r"\ln"]))
def test_the_texts_own_q_is_never_the_marginal_read_from_p_of_y(own, marginal, log):
    # Y's marginal had the internal name q: the text's q(y) beside p(y) was the same pmf,
    # and a cross-entropy was proved equal to an entropy
    from symbolic.latex_in.lint import verify_text
    from verifying_helpers import LIMITS
    cross = rf"\sum_x \sum_y {marginal}(x,y) {log} {own}(y)"
    wrong, _ = verify_text(rf"{cross} = \sum_y {marginal}(y) {log} {marginal}(y)", LIMITS)
    right, _ = verify_text(rf"{cross} = \sum_y {marginal}(y) {log} {own}(y)", LIMITS)
    assert [s.status for s in wrong] == ["refuted"]
    assert [s.status for s in right] == ["proved"]
