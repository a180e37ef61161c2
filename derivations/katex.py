"""Formulas rendered to HTML by KaTeX (from npm, run with node) at build time.

KaTeX is what blogs use, so a formula that renders here renders on a blog.
One node process renders a whole batch.  KaTeX is found in
``$INFODERIVE_KATEX`` (the package folder) or in a ``node_modules/katex``
above the current folder or this project (``npm ci`` at the project root
installs it, pinned by ``package-lock.json``).

>>> html, = render([("x^2", False)])   # doctest: +SKIP
>>> "katex" in html.html                # doctest: +SKIP
True
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCRIPT = Path(__file__).parent / "site" / "katex_render.mjs"


class KatexUnavailable(RuntimeError):
    """node or the katex package is missing."""


@dataclass(frozen=True)
class Rendered:
    """One formula: its HTML, or KaTeX's error message."""

    tex: str
    html: str = ""
    error: str = ""


@lru_cache(maxsize=None)
def katex_dir() -> Path:
    """The folder of the katex npm package; :class:`KatexUnavailable` if none."""
    env = os.environ.get("INFODERIVE_KATEX")
    candidates = [Path(env)] if env else []
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        candidates += [folder / "node_modules" / "katex" for folder in (start, *start.parents)]
    for folder in candidates:
        if (folder / "package.json").is_file() and (folder / "dist" / "katex.min.css").is_file():
            return folder
    raise KatexUnavailable("KaTeX not found: run 'npm ci' in the project folder "
                           "(or set INFODERIVE_KATEX to the katex package folder)")


def node() -> str:
    """The node executable; :class:`KatexUnavailable` if none."""
    found = shutil.which("node")
    if not found:
        raise KatexUnavailable("node is not installed (needed to render formulas with KaTeX)")
    return found


def render(items) -> list[Rendered]:
    """Render ``(tex, display)`` pairs in one node process, in order."""
    items = [(tex, bool(display)) for tex, display in items]
    if not items:
        return []
    payload = json.dumps([{"tex": t, "display": d} for t, d in items])
    done = subprocess.run([node(), str(SCRIPT), str(katex_dir())], input=payload,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise KatexUnavailable(f"KaTeX failed: {done.stderr.strip()[:500]}")
    results = json.loads(done.stdout)
    return [Rendered(tex, r.get("html", ""), r.get("error", ""))
            for (tex, _), r in zip(items, results)]


_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
_ALIGN = re.compile(r"\\begin\{align\*\}.+?\\end\{align\*\}", re.S)


def markdown_formulas(text: str) -> list[str]:
    r"""The ``$$…$$`` blocks of a generated Markdown page.

    >>> markdown_formulas("a\n$$\nx = 1\n$$\nb $$y$$")
    ['x = 1', 'y']
    """
    return [m.group(1).strip() for m in _DISPLAY.finditer(text)]


def latex_formulas(text: str) -> list[str]:
    r"""The ``align*`` environments of a generated LaTeX file, whole.

    >>> latex_formulas("% c\n\\begin{align*}\n a &= b\n\\end{align*}\n")
    ['\\begin{align*}\n a &= b\n\\end{align*}']
    """
    return [m.group(0) for m in _ALIGN.finditer(text)]
