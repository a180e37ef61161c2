r"""Fuzz the LaTeX reader through its public entry points: count crashes, tracebacks, hangs.

    python benchmarks/fuzz.py [--seed 0] [--relations 600] [--documents 450]
                              [--window 0] [--timeout 2] [--workers 2]
                              [--cache-dir DIR] [--out fuzz-findings.json]

The defaults cover more than 10,000 relations in one run (about 800 from the
grammar and 10,000 in the mutated documents), on ``--workers`` processes, each
taking every n-th case (the same cases as one process, in the same order
within a shard).  The documents' verdicts are kept per relation in a result
cache (a new temporary folder unless ``--cache-dir`` names one), as
``infoderive lint`` keeps them: every relation of every mutated copy is read,
and a relation a mutation left unchanged is served from the cache; the run
says how many verdicts the engine decided.

Two kinds of input:
* relations and chains drawn from a Hypothesis grammar of the notation of
  docs/latex.md (measures, pmf values, sums, expectations, σ/logit/softmax,
  logs, fractions, derivatives, every relation symbol), each run as
  ``infoderive verify TEXT --json`` through ``derivations.cli.main``;
* mutated windows of ``--window`` lines of ../shared/seeds/* and
  ../shared/corpus/*: tokens inserted, deleted, duplicated and swapped, and
  hostile constructs spliced in (deep nesting, 10^{10^{10^{10}}}, huge
  exponents, long inputs, unbalanced braces and environments), each run
  through ``symbolic.latex_in.lint.lint_source``.

Every case runs in a forked child under a wall-clock guard (``--timeout`` per
relation inside, times the relations, plus slack), so a hang is counted, the
child is killed, and the run goes on; a case over its guard is run once more,
and counts as a hang only if it is over again (a loaded machine can starve a
child).  Outcomes: ``ok``; ``traceback`` (an exception escaped, or the CLI
reported an internal error); ``crash`` (the child died without an answer: a
signal, the memory bound); ``hang``.  Every
input that was not ``ok`` is written to ``--out`` to reproduce it.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import pathlib
import random
import re
import sys
import time
import traceback
from dataclasses import asdict, dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

HOSTILE = [
    "{" * 300 + "x" + "}" * 300,
    r"\left(" * 60 + "x" + r"\right)" * 60,
    r"\frac{1}{" * 80 + "2" + "}" * 80,
    r"10^{10^{10^{10}}}",
    r"2^{2^{2^{2^{2^{64}}}}}",
    r"e^{10^{400}}",
    r"x^{99999999999999999999}",
    r"\log \log \log \log \log \log \log \log 0",
    r"1000000000!",
    r"\frac{1}{0}",
    "+".join(["p(x)"] * 3000),
    r"\sum_{x} " * 40 + "p(x)",
    "{{{{", "}}}}", r"\left(", r"\right)", r"\begin{align}", r"\end{align}", "$$", "\\\\", "&",
    r"\end{equation}\begin{aligned}", r"\frac", "^", "_", r"\sqrt[", "0." + "9" * 4000,
]
TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}^_&$]|\s+|[^\\{}^_&$\s]+")


def grammar():
    """A Hypothesis strategy for relations and chains written in the notation of docs/latex.md."""
    from hypothesis import strategies as st
    pmf = st.sampled_from(["p", "q", "P", "Q", "r"])
    rv = st.sampled_from(["X", "Y", "Z", "X_i"])
    value = st.sampled_from(["x", "y", "c", "k", "x_i", "y_c", r"\hat{y}_c", "z_k"])
    number = st.sampled_from(["0", "1", "2", "0.5", "0.287", "3", "K", r"\frac{1}{2}",
                              "10", "1/3", "-1", r"\pi", r"10^{10^{10^{10}}}", r"e^{10^{400}}",
                              r"x^{99999999999999999999}"])  # hostile sizes too
    atoms = st.one_of(
        number, value,
        st.builds("{}({})".format, pmf, value),
        st.builds("{}({}, {})".format, pmf, st.just("x"), st.just("y")),
        st.builds(r"P({} = {})".format, rv, value),
        st.builds(r"P(y|x)".format), st.just(r"P(X_i = Y_i)"),
        st.builds("H({})".format, st.one_of(pmf, rv)),
        st.builds("H({}, {})".format, pmf, pmf), st.just("H(X, Y)"),
        st.sampled_from([r"H(Y|X)", r"H(Y \mid X)", r"I(X;Y)", r"\text{H}(X)",
                         r"\text{CE}(X, Y)", r"|\mathcal{X}|", "C"]),
        st.builds(r"D_{{KL}}({} \| {})".format, pmf, pmf),
        st.builds(r"D_{{\mathrm{{KL}}}}({} \parallel {})".format, pmf, pmf),
        st.builds(r"\mathrm{{KL}}({}\|{})".format, pmf, pmf),
        st.sampled_from([r"\sigma(z)", r"\mathrm{sigmoid}(z)", r"\mathrm{logit}(p)",
                         r"\operatorname{logit}(p)", r"\mathrm{softmax}(z)_i",
                         r"\textrm{softmax}(x_i)", r"\hat{y}", "y_i", r"\theta"]))

    def extend(inner):
        return st.one_of(
            st.builds("{} + {}".format, inner, inner), st.builds("{} - {}".format, inner, inner),
            st.builds("{} {}".format, inner, inner), st.builds("-{}".format, inner),
            st.builds(r"\frac{{{}}}{{{}}}".format, inner, inner),
            st.builds(r"\dfrac{{{}}}{{{}}}".format, inner, inner),
            st.builds(r"\left( {} \right)".format, inner), st.builds("({})".format, inner),
            st.builds("{}^{{{}}}".format, inner, inner),
            st.builds(r"\log {}".format, inner), st.builds(r"\ln {}".format, inner),
            st.builds(r"\log_2 {}".format, inner), st.builds(r"\log_b {}".format, inner),
            st.builds(r"\exp({})".format, inner), st.builds("e^{{{}}}".format, inner),
            st.builds(r"\sum_x {}".format, inner), st.builds(r"\sum_{{x, y}} {}".format, inner),
            st.builds(r"\sum_{{x \in \mathcal{{X}}}} {}".format, inner),
            st.builds(r"\sum_{{k=1}}^{{K}} {}".format, inner),
            st.builds(r"\sum_{{c=1}}^C {}".format, inner),
            st.builds(r"\prod_{{i=1}}^n {}".format, inner),
            st.builds(r"\mathbb{{E}}_{{x \sim p}}[{}]".format, inner),
            st.builds(r"\mathbb{{E}}_p\left[ {} \right]".format, inner),
            st.builds(r"\frac{{d}}{{dz}} {}".format, inner),
            st.builds(r"\frac{{\partial}}{{\partial z_k}} {}".format, inner))

    expression = st.recursive(atoms, extend, max_leaves=8)
    relation = st.sampled_from(["=", r"\le", r"\leq", r"\ge", r"\geq", "<", ">", r"\ne",
                                r"\neq", r"\approx", r"\Leftrightarrow", r"\iff", ":=",
                                r"\equiv"])
    chain = st.lists(st.tuples(relation, expression), min_size=1, max_size=3)
    return st.builds(lambda first, rest: first + "".join(f" {r} {e}" for r, e in rest),
                     expression, chain)


def grammar_cases(count: int, seed: int) -> list[str]:
    """``count`` relations from :func:`grammar`, the same for the same seed."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed
    out: list[str] = []
    if count <= 0:
        return out

    @hypothesis_seed(seed)
    @settings(max_examples=count, database=None, deadline=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=["generate"])
    @given(grammar())
    def collect(text):
        out.append(text)

    collect()
    return out[:count]


def sources() -> list[pathlib.Path]:
    files = sorted((SHARED / "seeds").glob("*")) + sorted((SHARED / "corpus").glob("*"))
    return [f for f in files if f.is_file() and f.name != "README.md"]


def mutate(text: str, rng: random.Random, edits: int = 6) -> str:
    """``text`` with tokens inserted, deleted, duplicated or swapped, and hostile splices."""
    tokens = TOKEN.findall(text) or [""]
    for _ in range(edits):
        i = rng.randrange(len(tokens))
        op = rng.choice(("insert", "delete", "duplicate", "swap", "hostile", "hostile"))
        if op == "insert":
            tokens.insert(i, rng.choice(tokens))
        elif op == "delete" and len(tokens) > 1:
            del tokens[i]
        elif op == "duplicate":
            tokens.insert(i, tokens[i])
        elif op == "swap" and i + 1 < len(tokens):
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
        elif op == "hostile":
            math = [k for k, t in enumerate(tokens) if t in ("$", "=")] or [i]
            tokens.insert(rng.choice(math) + 1, rng.choice(HOSTILE))
    return "".join(tokens)


def document_cases(count: int, seed: int, window: int) -> list[tuple[str, str]]:
    """``count`` (name, text): windows of seeds and corpus files, mutated."""
    rng = random.Random(seed)
    files = sources()
    out = []
    for n in range(count):
        path = files[n % len(files)] if n < len(files) else rng.choice(files)
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        start = rng.randrange(max(1, len(lines) - window)) if window else 0
        text = "".join(lines[start:start + window] if window else lines)
        suffix = ".tex" if path.suffix == ".tex" else ".md"
        out.append((f"{path.stem}@{start + 1}{suffix}", mutate(text, rng)))
    return out


@dataclass
class Outcome:
    kind: str          # "verify" or "lint"
    name: str
    text: str
    status: str        # ok, traceback, crash, hang
    relations: int = 0
    seconds: float = 0.0
    detail: str = ""


def _verify_child(text, timeout):
    from derivations.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["verify", text, "--json", "--no-cache", "--timeout", str(timeout)])
    if code == 70 or "Traceback" in err.getvalue() or "internal error" in out.getvalue():
        return "traceback", 0, (err.getvalue() + out.getvalue())[-2000:]
    data = json.loads(out.getvalue())
    return "ok", max(1, len(data["steps"])), ""


def _lint_child(name, text, timeout, cache_dir=""):
    from symbolic.cache import FILE_NAME, ResultCache
    from symbolic.latex_in.check import Limits
    from symbolic.latex_in.lint import lint_source
    cache = ResultCache(pathlib.Path(cache_dir) / FILE_NAME if cache_dir else None)
    try:
        report = lint_source(text, name, Limits(seconds=timeout), cache=cache)
    finally:
        cache.close()
    internal = [s for s in report.steps if "internal error" in s.message()]
    if internal:
        return "traceback", len(report.steps), internal[0].message()[-2000:]
    return "ok", len(report.steps), ""


def _child(conn, func, args):
    try:
        conn.send(func(*args))
    except BaseException:  # noqa: BLE001 - every escape is what we count
        conn.send(("traceback", 0, traceback.format_exc()[-3000:]))
    finally:
        conn.close()


def guarded(func, args, seconds: float):
    """(status, relations, detail) of ``func(*args)`` in a forked child, or a hang/crash."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, func, args), daemon=True)
    child.start()
    send.close()
    if receive.poll(seconds):
        try:
            result = receive.recv()
        except EOFError:
            result = None
    else:
        result = "hang"
    if child.is_alive():
        child.kill()
    child.join()
    receive.close()
    if result == "hang":
        return "hang", 0, f"no answer within {seconds:g} s"
    if result is None:
        return "crash", 0, f"the child died (exit code {child.exitcode})"
    return result


def twice_guarded(func, args, seconds: float):
    """:func:`guarded`, with a second try for a case over its guard."""
    result = guarded(func, args, seconds)
    if result[0] != "hang":
        return result
    again = guarded(func, args, seconds)
    return again if again[0] != "hang" else ("hang", 0, result[2] + ", twice")


def run(seed: int = 0, relations: int = 200, documents: int = 20, window: int = 40,
        timeout: float = 2.0, file_seconds: float = 300.0, progress=None,
        shard: tuple[int, int] = (0, 1), cache_dir: str = "") -> list[Outcome]:
    """Fuzz; return every case's :class:`Outcome` (of shard k of n: every n-th case).
    With ``cache_dir``, the documents' verdicts are kept there per relation, as
    ``infoderive lint`` keeps them: a relation that a mutation left as it was in
    an earlier copy of the same file is read again but not decided again."""
    from symbolic.latex_in.warmup import warm
    warm()   # the parser's caches filled once here, so every forked case starts warm
    shard_index, shards = shard
    outcomes = []
    for text in grammar_cases(relations, seed)[shard_index::shards]:
        guard = 30 + 4 * timeout * (1 + len(re.findall(r"=|\\[lg]e|<|>|\\ne|\\approx|\\iff|"
                                                        r"\\Leftrightarrow", text)))
        start = time.monotonic()
        status, count, detail = twice_guarded(_verify_child, (text, timeout), guard)
        outcomes.append(Outcome("verify", "relation", text, status, count,
                                time.monotonic() - start, detail))
        if progress:
            progress(outcomes[-1])
    for name, text in document_cases(documents, seed, window)[shard_index::shards]:
        start = time.monotonic()
        status, count, detail = twice_guarded(_lint_child, (name, text, timeout, cache_dir),
                                              file_seconds)
        outcomes.append(Outcome("lint", name, text, status, count, time.monotonic() - start,
                                detail))
        if progress:
            progress(outcomes[-1])
    return outcomes


def run_workers(args, show) -> list[Outcome]:
    """:func:`run` on ``args.workers`` processes (this script with ``--shard k/n``)."""
    import subprocess
    argv = [sys.executable, __file__, "--seed", str(args.seed), "--relations",
            str(args.relations), "--documents", str(args.documents), "--window",
            str(args.window), "--timeout", str(args.timeout), "--file-seconds",
            str(args.file_seconds), "--cache-dir", args.cache_dir]
    workers = [subprocess.Popen([*argv, "--shard", f"{k}/{args.workers}"],
                                stdout=subprocess.PIPE, text=True, encoding="utf-8")
               for k in range(args.workers)]
    outcomes = []
    for k, worker in enumerate(workers):
        out, _ = worker.communicate()
        if worker.returncode != 0:   # a worker that died is a crash of the fuzzer itself
            outcomes.append(Outcome("fuzzer", f"worker {k}", "", "crash",
                                    detail=f"exit code {worker.returncode}"))
            continue
        outcomes += [Outcome(**o) for o in json.loads(out)]
    for o in outcomes:
        if o.status != "ok":
            show(o)
    return outcomes


def _verdicts_kept(cache_dir: str) -> int:
    import sqlite3

    from symbolic.cache import FILE_NAME
    try:
        with sqlite3.connect(pathlib.Path(cache_dir) / FILE_NAME) as db:
            return db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        return 0


def summary(outcomes) -> str:
    lines = ["| input | cases | relations | ok | traceback | crash | hang | slowest (s) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for kind in ("verify", "lint") + (("fuzzer",) if any(o.kind == "fuzzer" for o in outcomes)
                                      else ()):
        cases = [o for o in outcomes if o.kind == kind]
        count = {s: sum(o.status == s for o in cases) for s in ("ok", "traceback", "crash",
                                                                 "hang")}
        slowest = max((o.seconds for o in cases), default=0.0)
        lines.append(f"| {kind} | {len(cases)} | {sum(o.relations for o in cases)} | "
                     f"{count['ok']} | {count['traceback']} | {count['crash']} | "
                     f"{count['hang']} | {slowest:.1f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--relations", type=int, default=600, help="grammar cases (verify)")
    parser.add_argument("--documents", type=int, default=450, help="mutated documents (lint)")
    parser.add_argument("--window", type=int, default=0,
                        help="lines of each source document (0: the whole file)")
    parser.add_argument("--workers", type=int, default=2, help="processes sharing the cases")
    parser.add_argument("--cache-dir", default=None,
                        help="result cache of the documents' verdicts (default: a new "
                             "temporary folder; '' for none)")
    parser.add_argument("--shard", default=None, help=argparse.SUPPRESS)  # k/n, internal
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds per relation")
    parser.add_argument("--file-seconds", type=float, default=300.0,
                        help="wall-clock guard of one document")
    parser.add_argument("--out", default="fuzz-findings.json",
                        help="where to write the inputs that were not ok")
    args = parser.parse_args(argv)
    start = time.monotonic()

    def show(o):
        if o.status != "ok":
            print(f"{o.status}: {o.kind} {o.name} ({o.seconds:.1f} s): {o.text[:120]!r}",
                  file=sys.stderr)

    if args.shard:                       # one worker: its outcomes as JSON on stdout
        k, n = map(int, args.shard.split("/"))
        outcomes = run(args.seed, args.relations, args.documents, args.window, args.timeout,
                       args.file_seconds, show, (k, n), args.cache_dir or "")
        json.dump([asdict(o) for o in outcomes], sys.stdout, ensure_ascii=False)
        return 0
    if args.cache_dir is None:
        import tempfile
        args.cache_dir = tempfile.mkdtemp(prefix="infoderive-fuzz-")
    outcomes = run_workers(args, show) if args.workers > 1 else run(
        args.seed, args.relations, args.documents, args.window, args.timeout,
        args.file_seconds, show, cache_dir=args.cache_dir)
    bad = [asdict(o) for o in outcomes if o.status != "ok"]
    pathlib.Path(args.out).write_text(json.dumps(bad, ensure_ascii=False, indent=1),
                                      encoding="utf-8")
    wall = time.monotonic() - start
    total = sum(o.relations for o in outcomes)
    print(f"seed {args.seed}, --timeout {args.timeout:g} s per relation, {args.workers} "
          f"worker(s), {wall:.0f} s wall, {total} relations ({total / max(wall, 1e-9):.1f}/s)\n")
    print(summary(outcomes))
    if args.cache_dir:
        print(f"\n{_verdicts_kept(args.cache_dir)} verdicts decided by the engine and kept in "
              f"{args.cache_dir} (the other decided relations of the documents were "
              "unchanged copies, read again and served from there)")
    print(f"\n{len(bad)} input(s) not ok written to {args.out}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
