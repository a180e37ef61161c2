"""Shared fixtures: the whole catalogue is checked once per test session."""
import os
import tempfile
from pathlib import Path

import pytest


#: node ids of tests that take about 1.5 s or more (tests/long_tests.txt): marked slow
LONG = frozenset(line.strip() for line in
                 (Path(__file__).parent / "long_tests.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the long tests slow before ``-m 'not slow'`` deselects by mark."""
    for item in items:
        if item.nodeid in LONG:
            item.add_marker(pytest.mark.slow)


def pytest_configure(config):
    """Results are cached in a fresh folder of this test run, never the user's cache."""
    os.environ["INFODERIVE_CACHE_DIR"] = tempfile.mkdtemp(prefix="infoderive-test-cache-")


@pytest.fixture(scope="session")
def catalogue_reports():
    """Every registered derivation, checked with the default options but a symbolic time
    limit of 40 s: the tests ask whether each step is proved, and on two cores busy with the
    other test workers the Bernoulli likelihood's step passed the default 10 s (how long the
    proofs take is measured by benchmarks/check_time.py, not asserted here)."""
    from derivations import registry
    from symbolic.confirm import CheckOptions
    from symbolic.verify import check_derivations
    return {r.derivation.name: r
            for r in check_derivations(registry.build_all(), CheckOptions(symbolic_seconds=40.0),
                                       jobs=os.cpu_count() or 1)}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, catalogue_reports):
    """The whole site (both languages), built once per session; skips without
    node + KaTeX or Graphviz."""
    import shutil

    from derivations.katex import KatexUnavailable, katex_dir, node
    try:
        node(), katex_dir()
    except KatexUnavailable as exc:
        pytest.skip(str(exc))
    if shutil.which("dot") is None:
        pytest.skip("Graphviz (dot) is not installed")
    from derivations.site import build_site
    out = tmp_path_factory.mktemp("site")
    build_site(list(catalogue_reports.values()), out)
    return out
