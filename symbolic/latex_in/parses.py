r"""Each LaTeX text parsed once per process: latex2sympy's answers kept by text.

The reader parses the same small texts again and again (placeholders such as
``\xi_{0}``, a side read alone and then inside its chain): the seeds' 542 parses
are of 161 texts, and a parse costs about 20 ms even with ANTLR's caches warm.
:func:`install` wraps ``latex2sympy2_extended.latex2sympy`` (which the reader
looks up at each call) so that a text given again, with the same arguments,
gets the answer of its first parse:

* the answer is a SymPy expression (immutable; latex2sympy makes no Dummy) or
  the exception the parse raised, raised again;
* a parse depends only on its text and arguments, except where it runs out of
  stack: so an answer is reused only where the call has at least the stack the
  first one had (a deeper call parses again), and a RecursionError or a
  MemoryError is never kept;
* a parse makes Dummies on the way (numbered by a count kept by SymPy, which
  orders them), so a reused answer advances that count as its parse did: what
  is read after it is numbered, hence ordered and sampled, as without the memo.

>>> install()
>>> import latex2sympy2_extended
>>> parse = latex2sympy2_extended.latex2sympy
>>> parse(r"\frac{1}{2} x") is parse(r"\frac{1}{2} x")
True
"""
from __future__ import annotations

import sys

import sympy as sp

_answers: dict = {}
_original = None


def _headroom() -> int:
    """Frames left before the recursion limit, counted from the caller."""
    depth, frame = 0, sys._getframe(1)
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return sys.getrecursionlimit() - depth


def _parse(latex_str, *args, **kwargs):
    try:
        key = (latex_str, repr(args), repr(sorted(kwargs.items())))
        hash(key)
    except Exception:                      # an argument without a stable text: no memory
        return _original(latex_str, *args, **kwargs)
    room = _headroom()
    kept = _answers.get(key)
    if kept is not None and room >= kept[0]:
        _, ok, value, dummies = kept
        sp.Dummy._count += dummies      # the Dummies the parse made: later ones numbered alike
        if ok:
            return value
        raise value
    before = sp.Dummy._count
    try:
        value = _original(latex_str, *args, **kwargs)
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:
        _answers[key] = (room, False, exc, sp.Dummy._count - before)
        raise
    _answers[key] = (room, True, value, sp.Dummy._count - before)
    return value


def install() -> None:
    """Keep latex2sympy's answers in this process (and the processes it forks)."""
    global _original
    import latex2sympy2_extended
    if _original is None:
        _original = latex2sympy2_extended.latex2sympy
        latex2sympy2_extended.latex2sympy = _parse
