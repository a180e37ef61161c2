"""The catalogue: every module registered, every derivation holds."""
import pkgutil

import pytest

import derivations.catalogue
from derivations import registry
from symbolic.verify import check_erratum

MODULES = sorted(m.name for m in pkgutil.iter_modules(derivations.catalogue.__path__))


def test_every_catalogue_module_is_registered():
    registered = sorted(m.__name__.rsplit(".", 1)[1] for m in registry.MODULES)
    assert registered == MODULES


def test_names_are_unique_and_match_their_modules():
    assert len(registry.REGISTRY) == len(registry.MODULES)
    for name, builder in registry.REGISTRY.items():
        assert builder().name == name


def test_every_source_is_a_seed_file():
    for d in registry.build_all():
        assert d.sources, d.name
        assert {s.file for s in d.sources} <= set(registry.SEED_FILES), d.name


@pytest.mark.parametrize("name", list(registry.REGISTRY))
def test_every_step_is_proved(name, catalogue_reports):
    report = catalogue_reports[name]
    bad = [(i, s.verdict.describe()) for i, s in enumerate(report.steps)
           if s.verdict.status != "proved"]
    assert not bad, bad


@pytest.mark.parametrize("name", list(registry.REGISTRY))
def test_steps_cite_the_lemmas_that_prove_them(name, catalogue_reports):
    from symbolic.lemmas import LEMMAS
    known = {lemma.name for lemma in LEMMAS} | set(registry.REGISTRY)
    for i, sr in enumerate(catalogue_reports[name].steps):
        assert set(sr.step.uses) <= known, (i, sr.step.uses)
        assert name not in sr.step.uses, i
        if sr.verdict.method.startswith("lemma: "):
            assert sr.verdict.method[len("lemma: "):] in sr.step.uses, (i, sr.verdict.method)


def test_a_former_name_still_builds():
    old = "softmax-and-log-sum-exp-are-shift-invariant"
    assert registry.build(old).name == "log-sum-exp-is-shift-equivariant"
    assert old not in registry.REGISTRY
    with pytest.raises(registry.UnknownDerivation, match="did you mean"):
        registry.build("log-sum-exp-is-shift-invariant")


@pytest.mark.parametrize("erratum", [e for d in registry.build_all() for e in d.errata],
                         ids=lambda e: f"{e.file}:{e.line}")
def test_every_erratum_is_refuted(erratum):
    assert check_erratum(erratum).status == "refuted"


@pytest.mark.slow
def test_committed_docs_are_current(catalogue_reports):
    """What `infoderive build` writes is what is committed (CI's `build --check`)."""
    from pathlib import Path

    from derivations import build
    docs = Path(__file__).resolve().parent.parent / "docs"
    files = build.render(list(catalogue_reports.values()))
    assert build.stale(files, docs) == [], "run: infoderive build"
