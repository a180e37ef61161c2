"""Every notation form of DESIGN is read, with the SymPy result asserted."""
import sympy as sp
import pytest

from symbolic import objects as ob
from symbolic import quantities as qu
from symbolic.latex_in import LatexSyntaxError, Reader, UnknownNotation
from symbolic.latex_in.semantics import JOINT, K

p, q = ob.pmf("p", K), ob.pmf("q", K)
x, c, k, i = ob.index("x"), ob.index("c"), ob.index("k"), ob.index("i")
z = sp.Symbol("z", real=True)

READS = [
    (r"H(p)", qu.Entropy(p)),
    (r"H(P)", qu.Entropy(p)),
    (r"\text{H}(X)", qu.Entropy(p)),
    (r"H(p, q)", qu.CrossEntropy(p, q)),
    (r"H(P, Q)", qu.CrossEntropy(p, q)),
    (r"H(X, Y)", qu.JointEntropy(JOINT)),
    (r"H(Y|X)", qu.ConditionalEntropyYX(JOINT)),
    (r"H(Y \mid X)", qu.ConditionalEntropyYX(JOINT)),
    (r"I(X;Y)", qu.MutualInformation(JOINT)),
    (r"D_{KL}(p\|q)", qu.KLDivergence(p, q)),
    (r"D_{\text{KL}}(p \parallel q)", qu.KLDivergence(p, q)),
    (r"D_{\mathrm{KL}}(P \;\|\; Q)", qu.KLDivergence(p, q)),
    (r"\mathrm{KL}(p\|q)", qu.KLDivergence(p, q)),
    (r"\text{CE}(X, Y)", qu.CrossEntropy(p, q)),
    (r"p(x)", p[x]),
    (r"P(x)", p[x]),
    (r"q(c)", q[c]),
    (r"P(X = x)", p[x]),
    (r"P(X_i = c)", p[c]),
    (r"p(x, y)", JOINT[x, ob.index("y")]),
    (r"P(X_i = Y_i)", qu.AgreementProbability(p, q)),
    (r"\sum_x p(x)", sp.Sum(p[x], (x, 1, K))),
    (r"\sum_{x} p(x)", sp.Sum(p[x], (x, 1, K))),
    (r"\sum_{x \in \mathcal{X}} p(x)", sp.Sum(p[x], (x, 1, K))),
    (r"\sum_{c=1}^{C} p(c)", sp.Sum(p[c], (c, 1, K))),
    (r"\sum_{k=1}^K q(k)", sp.Sum(q[k], (k, 1, K))),
    (r"\mathbb{E}_{x \sim p}[\log q(x)]", sp.Sum(p[x] * sp.log(q[x]), (x, 1, K))),
    (r"\mathbb{E}_{x \sim p(x)} \left[ \log q(x) \right]", sp.Sum(p[x] * sp.log(q[x]), (x, 1, K))),
    (r"\mathbb{E}_p[\log q(x)]", sp.Sum(p[x] * sp.log(q[x]), (x, 1, K))),
    (r"\sigma(z)", qu.Sigmoid(z)),
    (r"\mathrm{sigmoid}(z)", qu.Sigmoid(z)),
    (r"\textrm{sigmoid}(z)", qu.Sigmoid(z)),
    (r"\mathrm{logit}(z)", qu.Logit(z)),
    (r"\operatorname{logit}(z)", qu.Logit(z)),
    (r"\mathrm{softmax}(z)_i", qu.Softmax(ob.logits("z", K), i)),
    (r"\textrm{softmax}(z_i)", qu.Softmax(ob.logits("z", K), i)),
    (r"\textrm{odds}(z)", qu.Odds(z)),
    (r"\log x", sp.log(sp.Symbol("x", real=True))),
    (r"\ln z", sp.log(z)),
    (r"\log_2 z", sp.log(z) / sp.log(2)),
    (r"\exp(z)", sp.exp(z)),
    (r"e^{z}", sp.exp(z)),
    (r"\dfrac{1}{z}", 1 / z),
    (r"\left( z \right)", z),
    (r"\log|\mathcal{X}|", sp.log(K)),
    (r"\log|\mathcal{A}_X|", sp.log(K)),
    (r"0.287", qu.StatedDecimal(287, 3)),
    (r"36\%", qu.StatedDecimal(36, 2)),
    (r"\frac{d}{dz} z^2", 2 * z),
]


@pytest.mark.parametrize("latex, expected", READS, ids=[r[0] for r in READS])
def test_reads(latex, expected):
    got = Reader().read_side(latex)
    assert sp.simplify(got.doit() - expected.doit()) == 0 if got != expected else True


def test_family_under_a_sum_is_indexed():
    got = Reader().read_side(r"\sum_{i=1}^n y_i \log \hat{y}_i")
    (yh,) = [b for b in got.atoms(sp.IndexedBase) if b.label.name == "haty"]
    (y,) = [b for b in got.atoms(sp.IndexedBase) if b.label.name == "y"]
    assert isinstance(y, ob.BinaryLabels) and isinstance(yh, ob.Probabilities)
    assert got.free_symbols >= {ob.support_size("n")}


def test_class_support_family_is_one_hot():
    got = Reader().read_side(r"-\sum_{k=1}^K y_k \log \hat{y}_k")
    assert any(isinstance(b, ob.OneHot) for b in got.atoms(sp.IndexedBase))


def test_product():
    got = Reader().read_side(r"\prod_{i=1}^n \hat{y}_i")
    assert isinstance(got, sp.Product)


def test_log_base_option():
    from symbolic.latex_in import Semantics
    got = Reader(Semantics(log_base=2)).read_side(r"\log z")
    assert sp.simplify(got - sp.log(z) / sp.log(2)) == 0


@pytest.mark.parametrize("bad", [r"\frac{1}{", r"}", r"x +", ""])
def test_malformed_is_a_syntax_error(bad):
    with pytest.raises(LatexSyntaxError):
        Reader().read_side(bad)


@pytest.mark.parametrize("odd", [r"\text{import os}", r"\frac{d}{dx} f(x)", r"A \cap B"])
def test_unknown_notation(odd):
    with pytest.raises((UnknownNotation, LatexSyntaxError)):
        Reader().read_side(odd)


def test_an_undefined_function_is_an_opaque_quantity_with_a_doubt():
    reader = Reader()
    expr = reader.read_side(r"\log q_{\phi}(z|x) + f(x)")
    names = sorted(s.name for s in expr.free_symbols)
    assert names == ["⟨f(x)⟩", "⟨q_{\\phi}(z|x)⟩"]
    assert [s.is_positive for s in sorted(expr.free_symbols, key=lambda s: s.name)] == [None, True]
    assert reader.doubts == [
        "q_{\\phi}(z|x) is read as an unknown positive quantity (a failure would not show the "
        "author wrong)",
        "f(x) is read as an unknown real quantity (a failure would not show the author wrong)"]
