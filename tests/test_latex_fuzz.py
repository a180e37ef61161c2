"""Hypothesis: no input crashes the reader (it raises only its own errors)."""
from hypothesis import given, settings, strategies as st

from symbolic.latex_in import LatexReadError, Reader, read_chain

ALPHABET = list("pqxyzXYK0123456789+-=<>()[]{}|,;_^ ") + [
    r"\frac", r"\log", r"\sum", r"\sigma", r"H", r"\|", r"\le", r"\text{CE}", r"\mathbb{E}"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=25).map("".join))
def test_reader_never_crashes(text):
    try:
        read_chain(text, Reader())
    except LatexReadError:
        pass
