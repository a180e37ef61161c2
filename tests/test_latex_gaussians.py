"""Gaussian densities a document names (symbolic/latex_in/reader_gaussians.py)."""
from symbolic.latex_in.lint import lint_source

PREAMBLE = ("Let $$q(z) \\sim N(\\mu, \\sigma^2)$$ and $$p(z) \\sim \\mathcal{N}(0, 1)$$.\n\n")


def statuses(body):
    report = lint_source(PREAMBLE + body, "post.md")
    return [s.verdict.status for s in report.steps]


def test_entropy_of_a_gaussian_by_hand():
    body = ("$$\n\\begin{align*}\n-\\int q(z) \\log q(z) dz &= \\int q(z) [\\frac{1}{2} \\log "
            "(2 \\pi \\sigma^2) + \\frac{1}{2 \\sigma^2} (z - \\mu)^2] dz \\\\\n"
            "&= \\frac{1}{2} \\log(2 \\pi \\sigma^2) + \\frac{1}{2}\n\\end{align*}\n$$\n")
    assert statuses(body) == ["checked", "checked"]   # σ is real: log σ² is not 2 log σ


def test_second_moment_and_kl_closed_form():
    assert statuses("$$\\int z^2 q(z) dz = \\mu^2 + \\sigma^2$$\n") == ["proved"]
    kl = ("$$KL(q \\| p) = - \\frac{1}{2} (1 + \\log(\\sigma^2) - \\mu^2 - \\sigma^2)$$\n")
    assert statuses(kl) == ["checked"]
    wrong = ("$$KL(q \\| p) = - \\frac{1}{2} (1 + \\log(\\sigma^2) + \\mu^2 - \\sigma^2)$$\n")
    assert statuses(wrong) == ["refuted"]


def test_the_cross_entropy_written_with_the_wrong_density_is_refuted():
    # −∫ q log q expanded with the terms of −∫ q log p: μ is a parameter the text fixes,
    # not notation, so the step that brings it in is refuted
    body = ("$$\\int q(z) [\\frac{1}{2} \\log (2 \\pi \\sigma^2) + \\frac{1}{2 \\sigma^2} "
            "(z - \\mu)^2] dz = \\frac{1}{2} \\log (2 \\pi) \\int q(z) dz + \\frac{1}{2} "
            "\\int z^2 q(z) dz$$\n")
    report = lint_source(PREAMBLE + body, "post.md")
    assert [s.verdict.status for s in report.steps] == ["refuted"]


def test_other_integrands_are_not_read():
    report = lint_source(PREAMBLE + "$$\\int q(z) e^{z} dz = e^{\\mu}$$\n", "post.md")
    step = report.steps[0]
    assert step.verdict.status == "unknown"
    assert "Gaussian density times a polynomial" in step.verdict.reason
