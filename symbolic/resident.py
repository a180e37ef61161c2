"""Calls run one after another in one long-lived forked child, each under a time limit.

:func:`symbolic.timelimit.run_limited` forks a child per call, and whatever the
child learns is lost when it exits.  The LaTeX parser learns a lot: ANTLR caches
its predictions, so a document's tenth relation parses faster in a process that
parsed the first nine.  A :class:`Resident` keeps one child for many calls (the
request, function and arguments, is pickled to it); the limits are those of
``run_limited``: a call that overruns its time is killed with its child, a child
that dies or runs out of memory is replaced, and the next call starts a new one
(forked from the caller as it is then).  A request that does not pickle runs
through ``run_limited``.

>>> worker = Resident()
>>> worker.run(pow, 2, 10, seconds=5).value
1024
>>> import time
>>> worker.run(time.sleep, 10, seconds=0.2).status
'timeout'
>>> worker.run(pow, 3, 2, seconds=5).value     # a new child took over
9
>>> worker.close()
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import time

from symbolic.timelimit import (DEFAULT_MEMORY_MB, Outcome, answer, limit_memory, outcome_of,
                                preload, run_limited)

_HEADER = struct.Struct("<Q")


class Resident:
    """One child serving calls in turn; see the module docstring."""

    def __init__(self):
        self.pid = None
        self.owner = None          # the process that forked the child (a fork does not own it)
        self.memory_mb = None
        self.requests = self.answers = None

    def run(self, fn, *args, seconds: float, memory_mb: int = DEFAULT_MEMORY_MB) -> Outcome:
        """``fn(*args)`` in the child, as :func:`run_limited` would run it."""
        try:
            request = pickle.dumps((fn, args))
        except Exception:                 # not picklable: a child forked for this call
            return run_limited(fn, *args, seconds=seconds, memory_mb=memory_mb)
        start = time.monotonic()
        if self.owner != os.getpid() or self.memory_mb != memory_mb:
            self._start(memory_mb)
        try:
            _send(self.requests, request)
        except OSError:                   # the child is gone: one more, once
            self._start(memory_mb)
            _send(self.requests, request)
        data = _receive(self.answers, start + seconds)
        elapsed = time.monotonic() - start
        if data is None:
            self.close()
            return Outcome("timeout", message=f"time limit of {seconds:g} s reached",
                           seconds=elapsed)
        outcome = outcome_of(data, memory_mb, elapsed)
        if data == b"" or outcome.status == "memory":
            self.close()                  # died or out of memory: a new child next time
        return outcome

    def _start(self, memory_mb: int) -> None:
        self.close()
        preload()
        requests_r, requests_w = os.pipe()
        answers_r, answers_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(requests_w)
            os.close(answers_r)
            _serve(requests_r, answers_w, memory_mb)
        os.close(requests_r)
        os.close(answers_w)
        self.pid, self.owner, self.memory_mb = pid, os.getpid(), memory_mb
        self.requests, self.answers = requests_w, answers_r

    def close(self) -> None:
        """Stop the child (if this process started it)."""
        if self.pid is not None and self.owner == os.getpid():
            for fd in (self.requests, self.answers):
                os.close(fd)
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
        self.pid = self.owner = self.memory_mb = self.requests = self.answers = None


def _call(request: bytes):
    fn, args = pickle.loads(request)      # under the child's limits: unpickling evaluates
    return fn(*args)


def _serve(requests: int, answers: int, memory_mb: int) -> None:  # pragma: no cover - child
    try:
        limit_memory(memory_mb)
        while True:
            request = _receive(requests, None)
            if not request:               # the caller is gone
                break
            data = answer(_call, (request,))
            _send(answers, data)
            if pickle.loads(data)[0] == "memory":
                break
    finally:
        os._exit(0)


def _send(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int, deadline: float | None) -> bytes | None:
    """One message; b"" at end of file, None when ``deadline`` passes first."""
    head = _read(fd, _HEADER.size, deadline)
    if not head:
        return head
    return _read(fd, _HEADER.unpack(head)[0], deadline)


def _read(fd: int, size: int, deadline: float | None) -> bytes | None:
    chunks, got = [], 0
    while got < size:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and (left <= 0 or not select.select([fd], [], [], left)[0]):
            return None
        chunk = os.read(fd, min(size - got, 1 << 20))
        if not chunk:
            return b""
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)
