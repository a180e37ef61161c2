"""A small seeded sample of benchmarks/fuzz.py: no crash, traceback or hang."""
import importlib.util
import random
import sys
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location(
    "fuzz", Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py")
fuzz = sys.modules["fuzz"] = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(fuzz)


def test_grammar_cases_are_relations_and_repeat_with_the_seed():
    cases = fuzz.grammar_cases(12, seed=5)
    assert len(cases) == 12 and cases == fuzz.grammar_cases(12, seed=5)
    assert all(any(r in c for r in ("=", "\\le", "\\ge", "<", ">", "\\ne", "\\approx",
                                    "\\iff", "\\Leftrightarrow", "\\equiv")) for c in cases)


def test_mutations_change_the_text_and_repeat_with_the_seed():
    text = "$$\nH(p, q) = H(p) + D_{KL}(p \\| q)\n$$\n"
    first = fuzz.mutate(text, random.Random(2), edits=8)
    assert first != text and first == fuzz.mutate(text, random.Random(2), edits=8)


def test_the_guard_counts_a_hang_and_a_crash():
    import os
    import time
    assert fuzz.guarded(time.sleep, (30,), 0.5)[0] == "hang"
    assert fuzz.guarded(os._exit, (3,), 10)[:2] == ("crash", 0)
    assert fuzz.guarded(int, ("x",), 10)[0] == "traceback"


@pytest.mark.skipif(not fuzz.sources(), reason="../shared/seeds and corpus not present")
def test_seeded_sample_has_no_crash_traceback_or_hang():
    outcomes = fuzz.run(seed=7, relations=6, documents=2, window=12, timeout=2.0,
                        file_seconds=240.0)
    assert len(outcomes) == 8
    bad = [(o.status, o.name, o.text[:200], o.detail[-300:]) for o in outcomes
           if o.status != "ok"]
    assert bad == []
