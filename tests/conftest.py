"""Shared fixtures: the whole catalogue is checked once per test session."""
import os
import tempfile

import pytest


def pytest_configure(config):
    """Results are cached in a fresh folder of this test run, never the user's cache."""
    os.environ["INFODERIVE_CACHE_DIR"] = tempfile.mkdtemp(prefix="infoderive-test-cache-")


@pytest.fixture(scope="session")
def catalogue_reports():
    """Every registered derivation, checked with the default options."""
    from derivations import registry
    from symbolic.verify import check_derivations
    return {r.derivation.name: r
            for r in check_derivations(registry.build_all(), jobs=os.cpu_count() or 1)}
