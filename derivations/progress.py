"""Run jobs on forked processes, with a progress bar on an interactive terminal.

The bar (tqdm, on stderr) shows only when stderr is a terminal and the output
format is ``text``: never in JSON, GitHub or SARIF output, never in a pipe or
a CI log.  Work items are handed to the children by fork, not pickled.

>>> run_jobs(abs, [-1, 2, -3], jobs=1, label="demo")
[1, 2, 3]
"""
from __future__ import annotations

import multiprocessing
import sys

_WORK: list = []


def show_progress(fmt: str, stream=None) -> bool:
    """A bar is shown for the text format on a terminal only."""
    stream = stream if stream is not None else sys.stderr
    return fmt == "text" and hasattr(stream, "isatty") and stream.isatty()


def _run_index(index: int):
    func, item = _WORK[index]
    return index, func(item)


def run_jobs(func, items, jobs: int = 1, label: str = "", progress: bool = False,
             stream=None, weight=None):
    """[``func(item)`` for each item], in order, on up to ``jobs`` forked processes.

    ``weight(item)``, when given, estimates an item's cost: the heaviest items start first,
    so that a long one does not start last and run alone (the results keep the items' order).

    >>> run_jobs(abs, [-1, 2, -3], jobs=2, weight=abs)
    [1, 2, 3]
    """
    items = list(items)
    results = []
    bar = None
    if progress and len(items) > 1:
        from tqdm import tqdm
        bar = tqdm(total=len(items), desc=label, unit="", leave=False,
                   file=stream if stream is not None else sys.stderr)
    try:
        if jobs <= 1 or len(items) < 2:
            for item in items:
                results.append(func(item))
                if bar is not None:
                    bar.update()
            return results
        _WORK[:] = [(func, item) for item in items]
        order = sorted(range(len(items)), key=lambda i: -weight(items[i])) if weight \
            else range(len(items))
        results = [None] * len(items)
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(min(jobs, len(items))) as pool:
            for index, result in pool.imap_unordered(_run_index, order, chunksize=1):
                results[index] = result
                if bar is not None:
                    bar.update()
        return results
    finally:
        _WORK.clear()
        if bar is not None:
            bar.refresh()     # the last state (100 %) is drawn even if it came fast
            bar.close()
