"""Printers, on exact strings."""
import sympy as sp

from symbolic.context import Context
from symbolic.derivation import Derivation, Source, Step
from symbolic.objects import index, joint_pmf, logits, pmf
from symbolic.printing.latex import derivation_block, latex, latex_text
from symbolic.printing.markdown import derivation_markdown
from symbolic.printing.text import derivation_text
from symbolic.quantities import (AgreementProbability, ConditionalEntropyYX, CrossEntropy,
                                 Entropy, JointEntropy, KLDivergence, Logit, MutualInformation,
                                 Sigmoid, Softmax, StatedDecimal)
from symbolic.verify import check_derivation

p, q = pmf("p", 3), pmf("q", 3)
z = logits("z", 3)
P = joint_pmf("P", 2, 2)
x = sp.Symbol("x")


def test_quantity_notation():
    assert latex(Entropy(p)) == "H(p)"
    assert latex(CrossEntropy(p, q)) == "H(p, q)"
    assert latex(KLDivergence(p, q)) == r"D_{\mathrm{KL}}(p \,\|\, q)"
    assert latex(AgreementProbability(p, q)) == "P(X = Y)"
    assert latex(JointEntropy(P)) == "H(X, Y)"
    assert latex(ConditionalEntropyYX(P)) == r"H(Y \mid X)"
    assert latex(MutualInformation(P)) == "I(X; Y)"
    assert latex(Sigmoid(x)) == r"\sigma(x)"
    assert latex(Logit(x)) == r"\operatorname{logit}(x)"
    assert latex(Softmax(z, index("i"))) == r"\operatorname{softmax}(z)_{i}"
    assert latex(StatedDecimal.from_text("0.287")) == "0.287"
    assert latex(StatedDecimal.from_text("-1.05")) == "-1.05"
    assert latex(sp.Le(-CrossEntropy(p, q), sp.log(x))) == r"- H(p, q) \le \log{\left(x \right)}"


def test_text_in_latex_is_escaped():
    assert latex_text("50% of p_k & {x} < 1") == \
        r"50\% of p\_k \& \{x\} \textless{} 1"
    assert latex_text("KL-발산 (KL)") == "KL- (KL)"


def _demo():
    return Derivation("demo", "Demo", (Source("002_639aed3e79f5524e.txt", "logit"),),
                      start=(x + 1) ** 2, steps=(
                          Step(x**2 + 2 * x + 1, "=", "expand the square"),
                          Step(2 * x, "≥", "drop x^2 + 1, which is positive")),
                      notes=("a note",))


def test_latex_block_is_an_align_with_reasons():
    assert derivation_block(check_derivation(_demo())) == (
        "% Demo\n% Source: 002\\_639aed3e79f5524e.txt (logit)\n"
        "\\begin{align*}\n"
        "  \\left(x + 1\\right)^{2} &= x^{2} + 2 x + 1 && \\quad "
        "\\text{expand the square [proved]} \\\\\n"
        "  &\\ge 2 x && \\quad \\text{drop x\\textasciicircum{}2 + 1, which is positive "
        "[checked]}\n"
        "\\end{align*}\n")


def test_equation_chain_rows_start_with_iff():
    y = sp.Symbol("y", positive=True)
    d = Derivation("e", "E", (Source("f.txt"),), start=sp.Eq(x, Logit(y)),
                   steps=(Step(sp.Eq(y, Sigmoid(x)), "⇔", "invert"),),
                   context=Context(domains={y: sp.Interval.open(0, 1)}))
    block = derivation_block(check_derivation(d))
    assert "  & x = \\operatorname{logit}(y) \\\\\n" \
           "  \\Leftrightarrow \\quad & y = \\sigma(x) && \\quad \\text{invert [" in block


def test_markdown_uses_dollar_blocks_and_text_reasons():
    md = derivation_markdown(check_derivation(_demo()))
    assert md.startswith("# Demo\n\n`demo` — source: 002_639aed3e79f5524e.txt (logit)\n")
    assert "**Step 1.** expand the square — *proved* (symbolic: simplify)\n\n" \
           "$$\n= x^{2} + 2 x + 1\n$$\n" in md
    assert "## Notes\n\n- a note\n" in md


def test_text_lists_each_step_with_its_verdict():
    text = derivation_text(check_derivation(_demo()))
    assert text.splitlines()[:6] == [
        "demo: Demo", "source: 002_639aed3e79f5524e.txt (logit)", "verdict: checked", "",
        "    (x + 1)**2", "  = x**2 + 2*x + 1"]
    assert "      [proved: symbolic: simplify] expand the square" in text


def test_base_two_logs_print_with_their_base():
    P = sp.Symbol("P", positive=True)
    assert latex(-sp.log(P) / sp.log(2)) == r"- \log_{2}{\left(P \right)}"
    assert latex(sp.log(P, 2) * 3) == r"3 \log_{2}{\left(P \right)}"
    assert latex(sp.Rational(1, 2) * sp.log(P, 2)) == r"\frac{1}{2} \log_{2}{\left(P \right)}"
    assert latex((x + 1) * sp.log(P, 2)) == r"\left(x + 1\right) \log_{2}{\left(P \right)}"
    assert latex(x * sp.log(P)) == r"x \log{\left(P \right)}"
