import time

from symbolic.timelimit import run_limited


def _boom():
    raise ValueError("bad input")


def _allocate():
    return bytearray(8 * 1024**3)


def test_result_comes_back():
    assert run_limited(pow, 2, 10, seconds=5).value == 1024


def test_runaway_is_killed_in_time():
    start = time.monotonic()
    outcome = run_limited(time.sleep, 60, seconds=0.3)
    assert outcome.status == "timeout"
    assert time.monotonic() - start < 5
    assert outcome.message == "time limit of 0.3 s reached"


def test_exception_is_an_error_outcome_not_a_result():
    outcome = run_limited(_boom, seconds=5)
    assert (outcome.status, outcome.message) == ("error", "ValueError: bad input")


def test_memory_is_bounded():
    outcome = run_limited(_allocate, seconds=10, memory_mb=512)
    assert outcome.status == "memory"
