"""Extract documents in batches, in one process or several, results in input order.

Documents are cut into chunks of ``chunk_size``; each chunk goes through
``nlp.pipe`` as one batch. With ``workers=1`` the chunks run in this
process; with ``workers=N`` they run in N worker processes, each of which
loads the model once (the pool's initializer builds an ``Extractor``; see
:func:`start_context` for how they start).
Results come back in input order whatever N is, so a run's output does not
depend on N. At most ``2 * N`` chunks are in flight, so memory stays bounded
however long the input stream is.

>>> from kgextract.models import Document
>>> docs = [Document(id=f"d{i}", text=f"Acme Corp named Ann Lee{i} chief executive officer.")
...         for i in range(3)]
>>> [(doc.id, type(out).__name__) for doc, out in process_documents(docs, chunk_size=2)]
[('d0', 'DocumentResult'), ('d1', 'DocumentResult'), ('d2', 'DocumentResult')]
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from kgextract.config import ExtractConfig
from kgextract.errors import Errors, KgextractError
from kgextract.models import Document, DocumentError, DocumentResult
from kgextract.run.workers import Workers, plan_workers

__all__ = ["process_documents", "chunked", "default_chunk_size", "start_context"]

logger = logging.getLogger("kgextract")

Output = DocumentResult | DocumentError


def default_chunk_size(config: ExtractConfig, workers: int) -> int:
    """Documents per chunk: the batch size, but at most 8 when chunks are shared out.

    Small chunks keep every worker busy on a small corpus; results do not
    depend on the chunk size.

    >>> default_chunk_size(ExtractConfig(batch_size=32), 1), default_chunk_size(ExtractConfig(), 4)
    (32, 8)
    """
    return config.batch_size if workers <= 1 else max(1, min(config.batch_size, 8))


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Cut an iterable into lists of ``size`` items (the last may be shorter).

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process_documents(
    documents: Iterable[Document],
    config: ExtractConfig | None = None,
    *,
    workers: Workers = 1,
    chunk_size: int | None = None,
    extractor=None,
) -> Iterator[tuple[Document, Output]]:
    """Yield ``(document, result or DocumentError)`` for every document, in input order.

    ``workers`` processes extract in parallel (1: this process, with
    ``extractor`` if given; ``"auto"``: :mod:`kgextract.run.workers` chooses). A document that fails yields a
    ``DocumentError`` (E015) and the run goes on. Raise ``KgextractError``
    when the model cannot be loaded (E001) or a worker dies (E141).
    """
    config = config or ExtractConfig()
    workers, documents = plan_workers(workers, documents, config.batch_size)
    size = chunk_size or default_chunk_size(config, workers)
    chunks = chunked(documents, size)
    if workers <= 1:
        for chunk in chunks:
            if extractor is None:  # loaded on the first document, not before
                from kgextract.pipeline.extractor import Extractor

                extractor = Extractor(config)
            yield from zip(chunk, _process_chunk(extractor, chunk), strict=True)
        return
    yield from _parallel(chunks, config, workers)


def _parallel(chunks: Iterator[list[Document]], config: ExtractConfig, workers: int):
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=start_context(),
                               initializer=_init_worker, initargs=(config.model_dump(), os.getpid()))
    pending: deque[tuple[list[Document], Future]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_work, [d.model_dump() for d in chunk])))
            while len(pending) >= 2 * workers:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    except BrokenProcessPool as err:
        raise KgextractError(Errors.E141.format(err=err)) from err
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def start_context():
    """How worker processes start: ``fork`` where the platform has it and no other thread
    runs (fast, and a calling script needs no ``if __name__ == "__main__":`` guard),
    else ``spawn`` (a clean interpreter; the calling script needs that guard).
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _collect(chunk: list[Document], future: Future) -> Iterator[tuple[Document, Output]]:
    outputs = future.result()
    for doc, (kind, payload) in zip(chunk, outputs, strict=True):
        if kind == "ok":
            yield doc, DocumentResult.model_validate_json(payload)
        else:
            yield doc, DocumentError.model_validate_json(payload)


def _process_chunk(extractor, chunk: list[Document]) -> list[Output]:
    """One ``nlp.pipe`` batch; if the batch itself breaks, each document alone."""
    try:
        outputs = list(extractor.process(chunk))
        if len(outputs) == len(chunk):
            return outputs
    except KgextractError:
        raise
    except Exception:  # noqa: BLE001 - find the document that breaks the batch
        logger.debug("batch failed; extracting its %d documents one by one", len(chunk), exc_info=True)
    outputs = []
    for doc in chunk:
        try:
            outputs.extend(extractor.process([doc]))
        except Exception as err:  # noqa: BLE001 - one bad document never stops the run
            source = doc.source or doc.id
            logger.debug("extraction failed for %s", source, exc_info=True)  # E015 says it; no traceback
            outputs.append(DocumentError(source=source, code="E015",
                                         message=Errors.E015.format(source=source, err=err)))
    return outputs


# --- worker side -----------------------------------------------------------

_EXTRACTOR = None
_INIT_ERROR: KgextractError | None = None


def _init_worker(config: dict, parent: int) -> None:
    global _EXTRACTOR, _INIT_ERROR
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    from kgextract.pipeline.extractor import Extractor

    try:
        _EXTRACTOR = Extractor(ExtractConfig(**config))
    except KgextractError as err:  # reported with the first chunk, as itself
        _INIT_ERROR = err


def _exit_with_parent(parent: int) -> None:
    """End this worker when the run that started it is gone (killed, even with SIGKILL)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(records: list[dict]) -> list[tuple[str, str]]:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    docs = [Document(**r) for r in records]
    return [("ok", out.model_dump_json()) if isinstance(out, DocumentResult) else ("error", out.model_dump_json())
            for out in _process_chunk(_EXTRACTOR, docs)]
