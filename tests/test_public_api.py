"""``symbolic`` exports what the README promises, lazily."""
import re
import subprocess
import sys
from pathlib import Path

import symbolic

README = Path(__file__).resolve().parent.parent / "README.md"


def test_all_is_what_the_readme_lists():
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1].split("\n## ")[0]
    promised = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", section)) - {"symbolic"}
    assert promised == set(symbolic.__all__)


def test_every_exported_name_resolves():
    for name in symbolic.__all__:
        assert getattr(symbolic, name) is not None, name
    assert symbolic.check_relation.__module__ == "symbolic.verify"


def test_unknown_names_raise_attribute_error():
    try:
        symbolic.no_such_thing
    except AttributeError as exc:
        assert "no attribute 'no_such_thing'" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_import_is_lazy():
    code = "import sys, symbolic; print('sympy' in sys.modules, 'symbolic.verify' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
