r"""Inline suppression of accepted lint findings.

A marker ``<!-- infoderive: ignore -->`` (Markdown) or ``% infoderive: ignore``
(LaTeX) silences the findings on its own line.  On the line just before a
display block (``$$…$$``, ``\[…\]`` or a ``\begin{…}…\end{…}`` environment), or
on the block's first line, it silences the whole block.  It is a filter on
the findings' lines, read from the source: the reader is not involved.

>>> source = "% infoderive: ignore\n\\begin{align}\na &= b \\\\\n  &= c\n\\end{align}\n$x = y$\n"
>>> sorted(suppressed_lines(source))
[1, 2, 3, 4, 5]
"""
from __future__ import annotations

import bisect
import re

MARKER = re.compile(r"(<!--\s*infoderive:\s*ignore\s*-->|(?<!\\)%\s*infoderive:\s*ignore\b)")
BLOCK = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{([^}]*)\}.*?\\end\{\1\}", re.DOTALL)


def _line_starts(source: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", source)]


def suppressed_lines(source: str) -> set[int]:
    """The 1-based lines whose findings a marker silences."""
    lines = source.split("\n")
    marked = {i for i, text in enumerate(lines, 1) if MARKER.search(text)}
    if not marked:
        return set()
    out = set(marked)
    starts = _line_starts(source)
    for block in BLOCK.finditer(source):
        first = bisect.bisect_right(starts, block.start())
        last = bisect.bisect_right(starts, max(block.start(), block.end() - 1))
        if first in marked or first - 1 in marked:
            out.update(range(first, last + 1))
    return out


def filter_findings(report: dict, source: str) -> tuple[dict, int]:
    """(the lint JSON of one file without its silenced findings, how many there were)."""
    silenced = suppressed_lines(source)
    if not silenced:
        return report, 0
    kept = [f for f in report["findings"] if f["line"] not in silenced]
    dropped = len(report["findings"]) - len(kept)
    if not dropped:
        return report, 0
    return {**report, "findings": kept, "suppressed": dropped}, dropped
