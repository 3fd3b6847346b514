"""The worker side of the Dask engine: one partition of input files in, one shard out.

A partition is a list of input files. :func:`extract_partition` reads them
(from storage the workers share), extracts their documents with the
process's one ``Extractor`` (loaded once per worker process, by
:class:`ModelPlugin` when the worker starts or by the first partition), and
writes three files named after the partition, each atomically:

- ``<name>.nq``: the N-Quads of what the partition's documents say (one
  named graph per document, no merges across documents), ready to bulk-load;
- ``<name>.results.jsonl``: one ``DocumentResult`` JSON per line, what the
  final step merges across the corpus;
- ``<name>.manifest.json``: a :class:`ShardManifest` (documents, content
  hashes, errors), written last: a shard without it is unfinished.

Names are deterministic (the partition's index and a digest of its files and
of the extraction fingerprint), and the same partition always gives the same
bytes, so a task run twice (after a worker died) leaves the same shard.

>>> from kgextract.models import Document
>>> shard_name(3, ["a.txt", "b.txt"], "fp")[:11]
'part-00003-'
>>> fix_source(Document(id="a", text="x", source="/data/in/a.txt"), "/data/in/a.txt", "in/a.txt").source
'in/a.txt'
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from kgextract.atomic import atomic_write
from kgextract.config import ExtractConfig
from kgextract.errors import KgextractError
from kgextract.models import Document, DocumentError, DocumentResult
from kgextract.rdf.mapping import to_nquads
from kgextract.run.fingerprint import content_hash

if TYPE_CHECKING:
    from distributed import WorkerPlugin
else:
    try:  # the base class only; kgextract.dask.engine says what to install when it is missing
        from distributed import WorkerPlugin
    except ImportError:  # pragma: no cover - without dask the engine refuses to start (E160)
        WorkerPlugin = object

__all__ = [
    "CRASH_ENV",
    "ModelPlugin",
    "ShardDocument",
    "ShardManifest",
    "extract_partition",
    "fix_source",
    "shard_name",
]

#: For tests: ``INDEX:MARKER`` makes the worker process exit (``os._exit``) while
#: writing partition INDEX, once: only when the file MARKER does not exist yet
#: (it is created just before).
CRASH_ENV = "KGEXTRACT_DASK_CRASH"


class ShardDocument(BaseModel):
    """One document of a shard."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source: str | None = None
    content_hash: str
    entities: int = 0
    relations: int = 0


class ShardManifest(BaseModel):
    """What one shard holds: its files, documents and errors."""

    model_config = ConfigDict(extra="forbid")

    name: str
    index: int
    files: list[str]
    fingerprint: str
    documents: list[ShardDocument] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)
    nquads_sha256: str = ""


def shard_name(index: int, files: list[str], fingerprint: str) -> str:
    """The deterministic name of partition ``index`` holding ``files``."""
    digest = hashlib.sha256("\0".join([fingerprint, *files]).encode("utf-8", "surrogatepass")).hexdigest()
    return f"part-{index:05d}-{digest[:12]}"


def fix_source(item: Document | DocumentError, read: str, given: str) -> Document | DocumentError:
    """Name the file as the user gave it (``given``), not as the worker read it (``read``)."""
    if read == given:
        return item
    if isinstance(item, Document):
        return item.model_copy(update={"source": item.source.replace(read, given, 1) if item.source else None})
    return item.model_copy(update={"source": item.source.replace(read, given, 1),
                                   "message": item.message.replace(read, given)})


# --- one Extractor per worker process --------------------------------------

_EXTRACTORS: dict[str, object] = {}
_LOCK = threading.Lock()  # spaCy pipelines are not shared between threads


def _extractor(config: dict):
    """The process's ``Extractor`` for ``config``, loaded on first use."""
    key = ExtractConfig(**config).model_dump_json()
    if key not in _EXTRACTORS:
        from kgextract.pipeline.extractor import Extractor

        _EXTRACTORS[key] = Extractor(ExtractConfig(**config))
    return _EXTRACTORS[key]


class ModelPlugin(WorkerPlugin):
    """Load the model once when a worker starts (and again in a worker restarted after a crash)."""

    def __init__(self, config: dict):
        self.config = config

    def setup(self, worker=None) -> None:
        """Load the model; a failure is reported by the first partition (E001), not here."""
        try:
            with _LOCK:
                _extractor(self.config)
        except KgextractError:
            pass


# --- the task ---------------------------------------------------------------

def _crash_point(index: int) -> None:
    wanted = os.environ.get(CRASH_ENV)
    if not wanted:
        return
    number, _, marker = wanted.partition(":")
    if int(number) == index and marker and not os.path.exists(marker):
        Path(marker).touch()
        os._exit(1)


def extract_partition(index: int, files: list[str], base: str, config: dict, fingerprint: str,
                      shard_dir: str) -> str:
    """Extract the documents of ``files`` into the shard of partition ``index``; return its manifest path.

    Relative ``files`` are read from ``base`` (the caller's working folder)
    but keep their relative name in the results, as the local engine does.
    """
    from kgextract.ingest import iter_documents
    from kgextract.run.parallel import process_documents

    cfg = ExtractConfig(**config)
    name = shard_name(index, files, fingerprint)
    folder = Path(shard_dir)
    documents: list[Document] = []
    errors: list[DocumentError] = []
    for given in files:
        read = given if os.path.isabs(given) else os.path.join(base, given)
        for item in iter_documents([read], max_bytes=cfg.max_bytes):
            item = fix_source(item, read, given)
            if isinstance(item, DocumentError) and item.code == "W020":
                continue  # ids repeated across files are reported by the final step, in input order
            if isinstance(item, Document):
                documents.append(item)
            else:
                errors.append(item)
    results: list[DocumentResult] = []
    with _LOCK:
        extractor = _extractor(config)
        for _, out in process_documents(documents, cfg, workers=1, extractor=extractor):
            if isinstance(out, DocumentError):
                errors.append(out)
            else:
                results.append(out)
    lines = "".join(r.model_dump_json() + "\n" for r in results)
    atomic_write(folder / f"{name}.results.jsonl", lines.encode("utf-8", "surrogatepass"))
    nquads = to_nquads(results)
    atomic_write(folder / f"{name}.nq", nquads)
    _crash_point(index)
    manifest = ShardManifest(
        name=name, index=index, files=files, fingerprint=fingerprint, errors=errors,
        documents=[ShardDocument(id=r.document.id, source=r.document.source, content_hash=content_hash(r.document),
                                 entities=len(r.entities), relations=len(r.relations)) for r in results],
        nquads_sha256=hashlib.sha256(nquads).hexdigest())
    path = atomic_write(folder / f"{name}.manifest.json", manifest.model_dump_json(indent=1).encode())
    return str(path)
