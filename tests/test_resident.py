"""The resident worker: calls in one child, under run_limited's limits (symbolic/resident.py)."""
import os
import time

import pytest

from symbolic.resident import Resident

_calls = []


@pytest.fixture
def worker():
    """A resident child for one test, closed after it."""
    resident = Resident()
    yield resident
    resident.close()


def _count():
    """How many calls this process has served (state a resident child keeps)."""
    _calls.append(1)
    return len(_calls), os.getpid()


def _boom():
    raise ValueError("bad input")


def _allocate():
    return bytearray(8 * 1024**3)


def test_one_child_serves_call_after_call_and_keeps_its_state(worker):
    (n1, pid1), (n2, pid2) = (worker.run(_count, seconds=5).value for _ in range(2))
    assert (n1, n2) == (len(_calls) + 1, len(_calls) + 2)   # the caller's count is not touched
    assert pid1 == pid2 != os.getpid()


def test_a_call_over_time_is_killed_and_a_new_child_takes_over(worker):
    first = worker.run(_count, seconds=5).value[1]
    start = time.monotonic()
    outcome = worker.run(time.sleep, 60, seconds=0.3)
    assert (outcome.status, outcome.message) == ("timeout", "time limit of 0.3 s reached")
    assert time.monotonic() - start < 5
    n, pid = worker.run(_count, seconds=5).value
    assert pid != first and n == len(_calls) + 1               # forked afresh from here


def test_errors_and_memory_are_outcomes_as_in_run_limited(worker):
    outcome = worker.run(_boom, seconds=5)
    assert (outcome.status, outcome.message) == ("error", "ValueError: bad input")
    assert worker.run(_allocate, seconds=10, memory_mb=512).status == "memory"
    assert worker.pid is None                                   # replaced next time
    assert worker.run(pow, 2, 10, seconds=5, memory_mb=512).value == 1024


def test_a_request_that_does_not_pickle_runs_in_a_child_of_its_own(worker):
    assert worker.run(lambda: os.getpid(), seconds=5).value != os.getpid()
    assert worker.pid is None


def test_a_forked_process_does_not_use_its_parents_child(worker):
    parent_child = worker.run(_count, seconds=5).value[1]
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked process
        os.close(read_fd)
        served_by = worker.run(_count, seconds=5).value[1]
        os.write(write_fd, str(served_by).encode())
        worker.close()
        os._exit(0)
    os.close(write_fd)
    os.waitpid(pid, 0)
    served_by = int(os.read(read_fd, 64))
    os.close(read_fd)
    assert served_by != parent_child
    assert worker.run(_count, seconds=5).value[1] == parent_child
