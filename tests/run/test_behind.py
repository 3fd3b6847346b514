"""The write-behind thread: order, errors, and no thread before the first write."""

from __future__ import annotations

import threading

import pytest

from kgextract.run.behind import WriteBehind


def test_calls_run_in_the_order_they_were_submitted(tmp_path):
    out = tmp_path / "log.txt"

    def append(line: str) -> None:
        with out.open("a") as fh:
            fh.write(line + "\n")

    with WriteBehind(depth=2) as behind:  # a small queue: submit has to wait for the thread
        for i in range(50):
            behind.submit(append, str(i))
    assert out.read_text().split() == [str(i) for i in range(50)]


def test_no_thread_runs_before_the_first_submit():
    before = threading.active_count()
    behind = WriteBehind()
    assert threading.active_count() == before
    behind.submit(lambda: None)
    behind.close()
    assert threading.active_count() == before


def test_a_failed_write_is_raised_in_the_caller_and_later_writes_are_dropped(tmp_path):
    done = []
    with pytest.raises(OSError, match="disk full"):
        with WriteBehind() as behind:
            behind.submit(done.append, 1)
            behind.submit(_fail, "disk full")
            behind.submit(done.append, 2)
    assert done == [1]


def test_the_next_submit_raises_once_a_write_has_failed():
    behind = WriteBehind(depth=4)
    behind.submit(_fail, "no space")
    with pytest.raises(OSError, match="no space"):
        # once the queue is full, each submit waits for the thread, which took the failing call first
        for _ in range(100):
            behind.submit(lambda: None)
    behind.close()


def test_an_error_of_the_block_wins_over_a_write_error():
    with pytest.raises(KeyError):
        with WriteBehind() as behind:
            behind.submit(_fail, "later")
            raise KeyError("the block's own")


def _fail(message: str) -> None:
    raise OSError(message)
