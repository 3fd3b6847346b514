"""``--workers auto``: how many extraction processes a run should use.

The rule: ``min(usable cores, documents // (2 * batch size))``, and at least
1. Why: each worker process loads the spaCy model (one to two seconds and
about half a gigabyte) before its first document, so a worker pays off only
when it gets a couple of full batches; below that, one process finishes
first. "Usable cores" are the cores this process may run on (its CPU
affinity, e.g. a container's limit), not the machine's count. Examples with
the default batch size of 32 on 2 cores: 13 documents -> 1, 100 -> 1,
128 -> 2, 5000 -> 2.

The documents are those the run will extract (cached ones do not count): a
run peeks at most ``cores * 2 * batch size`` of them before starting, so a
stream of any length is never read ahead further than that.

>>> auto_workers(13, batch_size=32, cores=2), auto_workers(128, batch_size=32, cores=2)
(1, 2)
>>> auto_workers(10_000, batch_size=32, cores=8)
8
>>> parse_workers("auto"), parse_workers("3")
('auto', 3)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TypeVar

# the type, the word and the check live with RunConfig, which validates ``workers``; re-exported here
from kgextract.config import AUTO, Workers, parse_workers

__all__ = ["AUTO", "Workers", "usable_cores", "auto_workers", "parse_workers", "plan_workers"]

T = TypeVar("T")


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS says, else the CPU count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def auto_workers(documents: int, batch_size: int, cores: int | None = None) -> int:
    """The number of worker processes for ``documents`` documents: see the module's rule."""
    cores = usable_cores() if cores is None else cores
    return max(1, min(cores, documents // max(1, 2 * batch_size)))


def plan_workers(workers: Workers, documents: Iterable[T], batch_size: int) -> tuple[int, Iterator[T]]:
    """The number of workers to use and the documents (unchanged, in order) for a run.

    With ``"auto"`` it reads ahead at most ``cores * 2 * batch_size``
    documents to count them; otherwise ``workers`` is used as given.

    >>> n, docs = plan_workers("auto", iter(range(5)), batch_size=32)
    >>> n, list(docs)
    (1, [0, 1, 2, 3, 4])
    """
    workers = parse_workers(workers)   # also "Auto" or " auto"
    if workers != AUTO:
        return workers, iter(documents)
    cores = usable_cores()
    it = iter(documents)
    head = list(islice(it, cores * 2 * max(1, batch_size)))
    return auto_workers(len(head), batch_size, cores), chain(head, it)
