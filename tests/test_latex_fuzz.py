"""Hypothesis: no input crashes the reader or the document scanner.

The reader raises only its own errors (``LatexReadError``); the scanner and
the definition pass never raise.  Examples are bounded in size, and each one
only reads (no checking), so the whole test stays within seconds.
"""
from hypothesis import HealthCheck, given, settings, strategies as st

from symbolic.latex_in import LatexReadError, Reader, read_chain
from symbolic.latex_in.documents import chains

ALPHABET = list("pqxyzXYK0123456789+-=<>()[]{}|,;_^ ") + [
    r"\frac", r"\log", r"\sum", r"\sigma", r"H", r"\|", r"\le", r"\text{CE}", r"\mathbb{E}",
    r"\ne", r"\partial", r"\frac{\partial}{\partial z_k}", r"\frac{d}{dz}", r"\mid",
    r"P(X_i = 1)", r"p(a)", r"\textrm{odds}", r"\hat{y}_{\theta, i}", r"\Leftrightarrow",
    r"\begin{cases}", r"\end{cases}", r"\text{ where }", r"\quad", r"\mathbf{X}", "0.8", "1/3"]
MARKUP = ["$", "$$", "\n", "\n\n", "`", "```", "# ", "| ", " |", "---", "\\\\", "&", "\\(",
          "\\)", "\\[", "\\]", "\\begin{align}", "\\end{align}", "<!-- infoderive: assume X, Y "
          "independent -->", "독립", "a = b", "p(a) = 1/3, p(b) = 2/3", "  "]

LATEX = st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join)
DOCUMENT = st.lists(st.sampled_from(ALPHABET + MARKUP), max_size=40).map("".join)
FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@FUZZ
@given(LATEX)
def test_reader_never_crashes(text):
    try:
        read_chain(text, Reader())
    except LatexReadError:
        pass


@FUZZ
@given(LATEX)
def test_document_reading_never_crashes(text):
    try:
        read_chain(text, Reader(), document=True, inline=True, listed=True)
    except LatexReadError:
        pass


@FUZZ
@given(DOCUMENT)
def test_scanner_keeps_offsets_inside_the_source(source):
    for chain in chains(source):
        assert len(chain.offsets) == len(chain.text)
        assert all(0 <= o <= len(source) for o in chain.offsets)
