"""Run a computation in a forked worker with a wall-clock and a memory limit.

SymPy can run forever (``simplify`` on a hostile expression), and a signal
raised inside it is not reliably honoured, so every symbolic attempt runs in a
child process that is killed when its time is up.

>>> run_limited(sum, [1, 2, 3], seconds=5).value
6
>>> import time
>>> run_limited(time.sleep, 10, seconds=0.2).status
'timeout'
"""
from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
from dataclasses import dataclass
from typing import Any, Callable

DEFAULT_MEMORY_MB = 4096

#: Modules SymPy imports inside functions (``simplify`` imports the whole of
#: ``sympy.physics.units``, 0.12 s): imported once here, before the first fork,
#: instead of again in every child.
PRELOAD = ("sympy.physics.units", "sympy.concrete.delta", "sympy.sets.handlers.issubset",
           "sympy.sets.handlers.functions", "sympy.tensor.tensor")
_preloaded = False


def preload() -> None:
    """Import :data:`PRELOAD` in this process (once; only if SymPy is in use), and
    install the fast ``hypersimp`` (:mod:`symbolic.hypergeometric`) and the memory of
    failed sums (:mod:`symbolic.sum_failures`)."""
    global _preloaded
    import importlib
    import sys
    if _preloaded or "sympy" not in sys.modules:
        return
    _preloaded = True
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # another SymPy version: the child imports what it needs
            pass
    from symbolic import hypergeometric, sum_failures
    hypergeometric.install()
    sum_failures.install()


@dataclass(frozen=True)
class Outcome:
    """``status`` is ``ok`` (with ``value``), ``timeout``, ``memory`` or ``error``."""

    status: str
    value: Any = None
    message: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def limit_memory(memory_mb: int) -> None:
    """Bound this process's address space (a forked child's, before it computes)."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def answer(fn, args) -> bytes:
    """``fn(*args)`` as the pickled (status, value) a child sends back."""
    try:
        payload = ("ok", fn(*args))
    except MemoryError:
        payload = ("memory", None)
    except RecursionError:
        payload = ("error", "expression too deeply nested (recursion limit)")
    except Exception as exc:  # reported to the parent as an error outcome, never as a result
        payload = ("error", f"{type(exc).__name__}: {exc}")
    try:
        return pickle.dumps(payload)
    except Exception as exc:
        return pickle.dumps(("error", f"result could not be returned: {exc}"))


def outcome_of(data: bytes, memory_mb: int, elapsed: float) -> Outcome:
    """The :class:`Outcome` of a child's answer (``data``, pickled by :func:`answer`)."""
    try:
        status, value = pickle.loads(data)
    except Exception:
        return Outcome("memory", message="worker died (memory limit?)", seconds=elapsed)
    if status == "ok":
        return Outcome("ok", value, seconds=elapsed)
    if status == "memory":
        return Outcome("memory", message=f"memory limit of {memory_mb} MB reached", seconds=elapsed)
    return Outcome("error", message=str(value), seconds=elapsed)


def _child(fn, args, memory_mb, write_fd):
    try:
        limit_memory(memory_mb)
        data = answer(fn, args)
        with os.fdopen(write_fd, "wb") as out:
            out.write(data)
    finally:
        os._exit(0)


def run_limited(fn: Callable, *args, seconds: float,
                memory_mb: int = DEFAULT_MEMORY_MB) -> Outcome:
    """Call ``fn(*args)`` in a forked child; kill it after ``seconds``."""
    preload()
    start = time.monotonic()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        _child(fn, args, memory_mb, write_fd)
    os.close(write_fd)
    chunks, deadline, finished = [], start + seconds, False
    with os.fdopen(read_fd, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([pipe], [], [], left)
            if not ready:
                break
            chunk = os.read(pipe.fileno(), 1 << 20)
            if not chunk:
                finished = True
                break
            chunks.append(chunk)
    if not finished:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    elapsed = time.monotonic() - start
    if not finished:
        return Outcome("timeout", message=f"time limit of {seconds:g} s reached", seconds=elapsed)
    return outcome_of(b"".join(chunks), memory_mb, elapsed)
