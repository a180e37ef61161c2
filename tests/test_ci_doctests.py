"""The doctest examples of the CI modules run."""
import doctest
import importlib

import pytest

MODULES = ["derivations.formats", "derivations.config", "derivations.suppress",
           "derivations.progress", "derivations.check_command", "symbolic.cache"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
