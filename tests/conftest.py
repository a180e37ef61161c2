"""Shared fixtures: the whole catalogue is checked once per test session."""
import os

import pytest


@pytest.fixture(scope="session")
def catalogue_reports():
    """Every registered derivation, checked with the default options."""
    from derivations import registry
    from symbolic.verify import check_derivations
    return {r.derivation.name: r
            for r in check_derivations(registry.build_all(), jobs=os.cpu_count() or 1)}
