"""Per-relation verdicts in lint: editing one relation re-checks only that one."""
import json

import pytest
import sympy as sp

import symbolic.latex_in.lint as lint
from derivations.cli import main
from symbolic.cache import ResultCache
from symbolic.latex_in.chains import Claim
from symbolic.latex_in.check import Limits
from symbolic.latex_in.decisions import (Decisions, canonical, claim_key, verdict_from_json,
                                         verdict_json)
from symbolic.verdict import Counterexample, Verdict

LIMITS = Limits(seconds=20)
POST = r"""# Three identities

The entropy:

$$
H(p) = -\sum_x p(x) \log p(x)
$$

Cross-entropy and KL:

$$
D_{KL}(p \| q) = H(p, q) - H(p)
$$

The sigmoid:

$$
\sigma(z) = \frac{1}{1 + e^{-z}}
$$
"""


@pytest.fixture
def engine_calls(monkeypatch):
    """Every claim the checking engine is asked to decide, as 'lhs relation rhs'."""
    calls = []
    original = lint.decide

    def counting(claim, limits, key=""):
        calls.append(f"{claim.lhs_text.strip()} {claim.relation} {claim.rhs_text.strip()}")
        return original(claim, limits, key=key)
    monkeypatch.setattr(lint, "decide", counting)
    return calls


def _lint(source, tmp_path):
    cache = ResultCache(tmp_path / "cache.sqlite3")
    try:
        return [(s.line, s.status) for s in lint.lint_source(source, "post.md", LIMITS,
                                                             cache=cache).steps]
    finally:
        cache.close()


def test_editing_one_relation_rechecks_only_that_one(tmp_path, engine_calls):
    first = _lint(POST, tmp_path)
    assert [status for _, status in first] == ["proved", "proved", "proved"]
    assert len(engine_calls) == 3
    engine_calls.clear()
    assert _lint(POST, tmp_path) == first and engine_calls == []     # unchanged: none
    edited = POST.replace("H(p, q) - H(p)", "H(p, q) + H(p)")
    again = _lint(edited, tmp_path)
    # the edited one alone (decided, then the repairs suggested for it)
    assert engine_calls and set(engine_calls) == {r"D_{KL}(p \| q) = H(p, q) + H(p)"}
    assert [s for _, s in again] == ["proved", "refuted", "proved"]
    engine_calls.clear()
    shifted = "A line of prose added on top.\n\n" + edited            # every line moves down
    assert [s for _, s in _lint(shifted, tmp_path)] == ["proved", "refuted", "proved"]
    assert engine_calls == []


def test_the_cli_rechecks_only_the_edited_relation(tmp_path, monkeypatch, engine_calls, capsys):
    monkeypatch.setenv("INFODERIVE_CACHE_DIR", str(tmp_path / "cache"))
    post = tmp_path / "post.md"
    post.write_text(POST, encoding="utf-8")
    assert main(["lint", str(post), "--json", "--jobs", "1"]) == 0
    assert len(engine_calls) == 3
    engine_calls.clear()
    capsys.readouterr()
    post.write_text(POST.replace(r"\sigma(z) = \frac{1}{1 + e^{-z}}",
                                 r"\sigma(z) = \frac{1}{1 + e^{z}}"), encoding="utf-8")
    assert main(["lint", str(post), "--json", "--jobs", "1"]) == 1
    assert engine_calls and set(engine_calls) == {r"\sigma(z) = \frac{1}{1 + e^{z}}"}
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [f["verdict"] for f in findings] == ["refuted"]


def test_parallel_walk_gives_the_serial_report(tmp_path):
    serial = lint.lint_source(POST, "post.md", LIMITS, jobs=1)
    parallel = lint.lint_source(POST, "post.md", LIMITS, jobs=2)
    assert [(s.line, s.relation, s.status, s.verdict.method) for s in parallel.steps] == \
        [(s.line, s.relation, s.status, s.verdict.method) for s in serial.steps]


def test_claim_keys_name_what_was_read_the_context_and_the_limits():
    x, y = sp.symbols("x y")
    a = Claim("=", "x", "y", 0, lhs=x, rhs=y)
    assert claim_key(a, LIMITS, "k") != claim_key(Claim("=", "x", "y", 0, lhs=x, rhs=x),
                                                  LIMITS, "k")
    assert claim_key(a, LIMITS, "k") != claim_key(a, Limits(seconds=3), "k")
    assert claim_key(a, LIMITS, "k") != claim_key(a, LIMITS, "other sample key")
    d1, d2 = sp.Dummy("u"), sp.Dummy("u")     # Dummy indices differ between processes
    assert claim_key(Claim("=", "", "", 0, lhs=d1 + 1, rhs=d1), LIMITS, "k") == \
        claim_key(Claim("=", "", "", 0, lhs=d2 + 1, rhs=d2), LIMITS, "k")
    assert canonical({y: 1, x: 2}) == canonical({x: 2, y: 1})
    assert canonical(frozenset({x, y})) == canonical(frozenset({y, x}))


def test_verdicts_round_trip_through_json_and_limits_are_not_kept(tmp_path):
    refuted = Verdict("refuted", "numeric", 5, Counterexample({"p": [0.5, 0.5]}, 1.0, 2.0, "n"),
                      uses=("gibbs",), side_conditions=("p > 0",))
    assert verdict_from_json(json.loads(json.dumps(verdict_json(refuted)))) == refuted
    cache = ResultCache(tmp_path / "c.sqlite3")
    timeout = Verdict("unknown", "none", reason="time limit of 1 s reached")
    decisions = Decisions(lambda claim, limits, key: timeout, cache)
    claim = Claim("=", "x", "x", 0, lhs=sp.Symbol("x"), rhs=sp.Symbol("x"))
    assert decisions.decide(claim, LIMITS, "k") == timeout
    assert cache.get(claim_key(claim, LIMITS, "k")) is None       # may decide next time
    cache.close()


def _where(claim, limits, key):
    """An engine that says which process decided the claim."""
    import os
    return Verdict("proved", f"decided in {os.getpid()}")


def test_claims_are_decided_while_the_walk_still_collects():
    import os
    x = sp.Symbol("x")
    claims = [Claim("=", f"x + {n}", "x", 0, lhs=x + n, rhs=x) for n in range(8)]
    decisions = Decisions(_where, jobs=2)
    decisions.collecting = True
    first = decisions.decide(claims[0], LIMITS, "k")
    assert first.status == "unknown" and first.reason == "collected, not decided yet"
    assert len(decisions.early) == 1 and not decisions.pending      # one child took it already
    for claim in claims[1:]:
        decisions.decide(claim, LIMITS, "k")
    assert len(decisions.early) <= 1                                # jobs - 1 children at most
    decisions.collecting = False
    decisions.prefetch()
    assert decisions.early == [] and decisions.pending == {}
    deciders = [decisions.decide(c, LIMITS, "k").method for c in claims]
    # the first claims by the early child, the rest in prefetch (one left alone: here)
    assert deciders[0] != f"decided in {os.getpid()}" and len(set(deciders)) >= 2


def test_a_claim_collected_twice_is_decided_once():
    x = sp.Symbol("x")
    claim = Claim("=", "x", "x", 0, lhs=x, rhs=x)
    decisions = Decisions(_where, jobs=2)
    decisions.collecting = True
    decisions.decide(claim, LIMITS, "k")
    decisions.decide(claim, LIMITS, "k")         # still being decided by the early child
    assert decisions.pending == {}
    decisions.collecting = False
    decisions.prefetch()
    assert decisions.decide(claim, LIMITS, "k").status == "proved"
