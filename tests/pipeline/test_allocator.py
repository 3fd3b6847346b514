"""kgextract.pipeline.allocator: glibc keeps freed memory when asked; elsewhere nothing happens."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kgextract.pipeline.allocator import hold_freed_memory


def _glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (AttributeError, ValueError, OSError):
        return False


def test_the_answer_says_whether_the_allocator_was_tuned():
    assert hold_freed_memory() is _glibc()


@pytest.mark.skipif(not _glibc(), reason="glibc only")
def test_freed_memory_is_reused_without_new_page_faults():
    # The same 40 MiB block, allocated and freed 20 times: with the defaults glibc maps and unmaps it each
    # time (fresh pages, each one a fault); once tuned it keeps the block.
    script = """
import resource, sys
from kgextract.pipeline.allocator import hold_freed_memory
if sys.argv[1] == "tuned":
    assert hold_freed_memory()
def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
bytearray(40 * 2**20)
start = faults()
for _ in range(20):
    block = bytearray(40 * 2**20)
    del block
print(faults() - start)
"""
    counts = {mode: int(subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True,
                                       check=True).stdout) for mode in ("default", "tuned")}
    assert counts["tuned"] * 10 < counts["default"], counts
