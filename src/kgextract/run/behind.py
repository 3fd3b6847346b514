"""Write-behind: a run's file writes done by one background thread, in order.

Writing a file atomically waits on the disk (a temporary file, ``fsync``,
``os.replace``) while the CPU has nothing to do; with one process that wait
used to hold up the next batch of extraction. The main thread now makes the
bytes and hands the write over, and the thread does the waiting (the waits
release the GIL, so no extraction time is given up to it).

Crash safety is that of the writes themselves: each is atomic, and a run
killed with writes still queued loses only those, as a run killed a moment
earlier would have. The first failure is raised in the main thread, by the
next ``submit`` or by leaving the block; the writes queued after a failure
are dropped.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     out = pathlib.Path(tmp) / "a.txt"
...     with WriteBehind() as behind:
...         behind.submit(out.write_text, "one")
...         behind.submit(out.write_text, "two")  # in order: the last write wins
...     out.read_text()
'two'
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

__all__ = ["WriteBehind"]

_STOP = object()


class WriteBehind:
    """Runs submitted calls on one thread, first in, first out; ``with`` waits for all of them.

    At most ``depth`` calls wait at once (``submit`` blocks beyond that), so a
    slow disk holds back extraction instead of filling memory. The thread
    starts at the first ``submit``: a run that forks worker processes forks
    them before it exists.
    """

    def __init__(self, depth: int = 64):
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None  # the first failure, until raised
        self._failed = False

    def submit(self, func: Callable, *args) -> None:
        """Queue ``func(*args)``; raise the error of an earlier call, if one failed."""
        self._raise()
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="kgextract-write-behind", daemon=True)
            self._thread.start()
        self._queue.put((func, args))

    def close(self) -> None:
        """Wait for every queued call; raise the first error."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join()
            self._thread = None
        self._raise()

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
            return
        try:  # the block failed: still finish (or drop) what is queued, and let its error through
            self.close()
        except Exception:  # noqa: BLE001 - the block's own error is the one to report
            pass

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if self._failed:  # after a failure, drain without writing
                continue
            func, args = item
            try:
                func(*args)
            except BaseException as err:  # noqa: BLE001 - handed to the main thread
                self._error, self._failed = err, True
