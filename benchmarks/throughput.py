"""Throughput of kl_divergence, entropy, logsumexp and cross_entropy_from_logits
on 20,000 x 256 float64 arrays against SciPy and PyTorch (one thread).

    python benchmarks/throughput.py [--rows 20000] [--classes 256]

Prints a Markdown table: best of 7 timings of each call (timeit), and the ratio
of ours to the faster of SciPy and PyTorch (< 1: we are faster).
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import timeit

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import symbolic.numeric as N  # noqa: E402
from _competitors import scipy_functions, torch_functions  # noqa: E402


def best_time(call, repeat: int = 7) -> float:
    call()  # warm up
    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--classes", type=int, default=256)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(args.classes), size=args.rows)
    q = rng.dirichlet(np.ones(args.classes), size=args.rows)
    x = rng.normal(0.0, 5.0, size=(args.rows, args.classes))
    target = rng.integers(0, args.classes, size=args.rows)
    inputs = {
        "kl_divergence": (p, q),
        "entropy": (p,),
        "logsumexp": (x,),
        "cross_entropy_from_logits": (x, target),
    }
    scipy, torch = scipy_functions(), torch_functions()
    import torch as torch_module

    torch_module.set_num_threads(1)
    tensors = {name: tuple(torch_module.from_numpy(a) for a in arrays)
               for name, arrays in inputs.items()}
    F = torch_module.nn.functional
    torch_native = {  # on tensors, so the numpy conversion is not timed
        "kl_divergence": lambda p, q: F.kl_div(torch_module.log(q), p, reduction="none").sum(-1),
        "entropy": lambda p: torch_module.special.entr(p).sum(-1),
        "logsumexp": lambda x: torch_module.logsumexp(x, -1),
        "cross_entropy_from_logits": lambda x, t: F.cross_entropy(x, t, reduction="none"),
    }
    print(f"{args.rows} x {args.classes} float64, one thread, best of 7 (ms)\n")
    print("| function | ours | SciPy | PyTorch | ours / faster |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, arrays in inputs.items():
        ours = best_time(lambda: getattr(N, name)(*arrays))
        theirs_scipy = best_time(lambda: scipy[name](*arrays))
        theirs_torch = best_time(lambda: torch_native[name](*tensors[name]))
        np.testing.assert_allclose(getattr(N, name)(*arrays), torch[name](*arrays), rtol=1e-9)
        ratio = ours / min(theirs_scipy, theirs_torch)
        print(f"| `{name}` | {ours * 1e3:.1f} | {theirs_scipy * 1e3:.1f} | "
              f"{theirs_torch * 1e3:.1f} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
