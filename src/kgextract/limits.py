"""A per-document time limit, so that no pathological input hangs a run.

Uses ``SIGALRM`` interval timers: available in the main thread on POSIX,
where kgextract's CLI and its worker processes run. Elsewhere (a thread,
Windows) the limit is not enforced and a debug message says so.

>>> with time_limit(5):
...     total = sum(range(10))
>>> total
45
"""

from __future__ import annotations

import logging
import signal
import threading
from contextlib import contextmanager

__all__ = ["DocumentTimeout", "time_limit", "REPEAT"]

#: Seconds between further alarms once a limit has passed (see :func:`time_limit`).
REPEAT = 0.5

logger = logging.getLogger("kgextract")


class DocumentTimeout(BaseException):
    """Raised inside a ``time_limit`` block that ran out of time.

    A ``BaseException``, like ``KeyboardInterrupt``: libraries that catch
    ``Exception`` to go on with the next page or tag (pypdf does) must not
    swallow it and run on past the limit.
    """


def _raise(signum, frame):
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: float):
    """Raise ``DocumentTimeout`` in the block when it runs longer than ``seconds`` (0: no limit)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        if seconds > 0:
            logger.debug("time limit not enforced outside the main thread")
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    # the timer fires again every REPEAT seconds after the limit: an exception raised where
    # Python cannot pass it on (a __del__, a weakref callback) is swallowed, and a one-shot
    # timer would then let the block run to its end
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:  # an enclosing limit keeps running
            signal.setitimer(signal.ITIMER_REAL, old_delay, old_interval)
