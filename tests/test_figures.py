"""The figures: six, each beside a registered derivation, reproducible."""
import numpy as np

from derivations import registry
from derivations.figures import FIGURES, for_derivation, jensen_pairs, write_figures
from derivations.i18n import lookup


def test_six_figures_each_for_a_registered_derivation_with_both_captions():
    assert sorted(FIGURES) == ["binary-entropy", "jensen-bound-scatter", "kl-asymmetry",
                               "one-hot-loss", "sigmoid-and-logit", "softmax-temperature"]
    for figure in FIGURES.values():
        assert figure.derivation in registry.REGISTRY
        assert lookup(figure.caption, "figure", "ko")
    assert [f.name for f in for_derivation("jensen-bound-on-agreement")] == \
        ["jensen-bound-scatter"]
    assert for_derivation("logit-is-log-odds") == []


def test_jensen_pairs_lie_on_or_below_the_diagonal():
    agree, bound = jensen_pairs()
    assert agree.shape == bound.shape == (2000,)
    assert np.all(bound <= agree * (1 + 1e-12))
    assert np.all((agree > 0) & (agree <= 1))
    # the bound is not trivially loose: some pairs come close to it
    assert np.min(agree - bound) < 1e-3


def test_svg_figures_are_written_and_reproducible(tmp_path):
    first = write_figures(tmp_path / "a", "svg")
    second = write_figures(tmp_path / "b", "svg")
    assert [p.name for p in first] == [f"{name}.svg" for name in FIGURES]
    for a, b in zip(first, second):
        text = a.read_text()
        assert text.startswith("<?xml") and "<svg" in text
        assert a.read_bytes() == b.read_bytes()
