"""A corpus run: incremental, resumable, parallel, streaming.

``run_corpus`` reads the inputs as a stream, extracts only the documents
whose result is not cached yet, and rebuilds the outputs from the cached
per-document results.

Files beside ``-o FILE`` (or inside ``--output-dir DIR`` when there is no
``-o``):

- ``FILE.kgx-cache/shards/<k[:2]>/<k>.json`` (``DIR/.kgx-cache/...``): one
  ``DocumentResult`` per document, keyed by the document record and the
  extraction fingerprint (model, settings, code), written atomically as
  soon as the document is extracted (by a background thread,
  :mod:`kgextract.run.behind`, so that the disk is not waited for);
- ``FILE.manifest.json`` (``DIR/.kgextract-manifest.json``): the documents
  (id, source, content hash, cache key) and the outputs (with the hash of
  what each was built from and of its bytes), written atomically, last.

A re-run extracts new and changed documents only, drops the per-document
files of removed ones, and rebuilds the merged graph (skipped when nothing
it depends on changed). A run killed at any point (even with SIGKILL)
loses at most the documents being extracted; the next run ends with
exactly the files an uninterrupted run writes.

Memory: the extraction is a bounded stream (a few ``nlp.pipe`` batches in
flight; a spaCy ``Doc`` is dropped once its result is cached), and so are
the per-document files. The merged graph in N-Quads is streamed too
(:mod:`kgextract.run.stream`: memory grows with the number of distinct
entities, not of triples). Turtle, TriG and JSON-LD need rdflib's
serializers, which hold the corpus's dataset (and every ``DocumentResult``)
in memory at once; so do ``store`` and ``cache=False`` (``--no-cache``, which
keeps the results in memory instead of on disk). No format holds spaCy
documents.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     src = pathlib.Path(tmp) / "in"; src.mkdir()
...     _ = (src / "a.txt").write_text("GENEVA, 5 May 2023. Acme Corp named Ann Lee chief executive officer.")
...     first = run_corpus([src], output=pathlib.Path(tmp) / "g.nq", fmt="nquads")
...     again = run_corpus([src], output=pathlib.Path(tmp) / "g.nq", fmt="nquads")
>>> (first.extracted, first.cached), (again.extracted, again.cached, again.outputs_written)
((1, 0), (0, 1, 0))
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TextIO

from kgextract.atomic import TEMP_SUFFIX
from kgextract.config import RunConfig
from kgextract.errors import Errors, KgextractError, Warnings
from kgextract.ingest import iter_documents
from kgextract.ingest.formats import READERS, format_of_name
from kgextract.ingest.walk import walk
from kgextract.models import Document, DocumentError, DocumentResult
from kgextract.rdf.corpus import corpus_graph, to_rdf
from kgextract.rdf.mapping import to_nquads
from kgextract.rdf.provenance import check_provenance, facts_only_nquads
from kgextract.rdf.serialize import get_format, serialize, write_bytes_atomic
from kgextract.run.behind import WriteBehind
from kgextract.run.files import file_sha256, remove_stale_temp, remove_stale_temps, run_lock
from kgextract.run.fingerprint import content_hash, document_key, extraction_fingerprint, package_fingerprint
from kgextract.run.manifest import Manifest, ManifestEntry, OutputRecord, load_manifest, save_manifest
from kgextract.run.parallel import process_documents
from kgextract.run.report import RunReport
from kgextract.run.shards import ShardStore
from kgextract.run.stream import WORK_PREFIX, write_nquads
from kgextract.version import __version__

__all__ = ["RunReport", "run_corpus", "state_paths", "CRASH_ENV"]

logger = logging.getLogger("kgextract")

#: For tests: ``shard:N`` kills the run (SIGKILL) after its Nth new cached
#: result, ``output`` after the merged output is written, ``manifest`` after
#: the manifest is written.
CRASH_ENV = "KGEXTRACT_CRASH_AT"


def state_paths(output: Path | None, output_dir: Path | None) -> tuple[Path, Path]:
    """(cache folder, manifest file) of a run writing ``output`` and/or ``output_dir``.

    >>> [p.as_posix() for p in state_paths(Path("out/g.ttl"), None)]
    ['out/g.ttl.kgx-cache', 'out/g.ttl.manifest.json']
    >>> [p.as_posix() for p in state_paths(None, Path("out/dev"))]
    ['out/dev/.kgx-cache', 'out/dev/.kgextract-manifest.json']
    """
    if output is not None:
        output = Path(output)
        return output.with_name(f"{output.name}.kgx-cache"), output.with_name(f"{output.name}.manifest.json")
    if output_dir is None:
        raise KgextractError(Errors.E008)
    return Path(output_dir) / ".kgx-cache", Path(output_dir) / ".kgextract-manifest.json"


class _MemoryShards:
    """The ``--no-cache`` stand-in for ``ShardStore``: results held in memory for one run."""

    def __init__(self) -> None:
        self.items: dict[str, DocumentResult] = {}

    def has(self, key: str) -> bool:
        return key in self.items

    def save(self, key: str, result: DocumentResult) -> None:
        self.items[key] = result

    def load(self, key: str) -> DocumentResult | None:
        return self.items.get(key)

    def gc(self, keep: set[str]) -> int:
        return 0


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _crash_point(stage: str, count: int | None = None) -> None:
    wanted = os.environ.get(CRASH_ENV)
    if not wanted:
        return
    name, _, n = wanted.partition(":")
    if name == stage and (count is None or not n or int(n) == count):
        os.kill(os.getpid(), signal.SIGKILL)


def run_corpus(
    paths: Iterable[str | os.PathLike] | str | os.PathLike | None = None,
    *,
    run_config: RunConfig | None = None,
    on_problem: Callable[[DocumentError], None] | None = None,
    on_document: Callable[[str], None] | None = None,
    **options,
) -> RunReport:
    """Extract a corpus into ``output`` (one merged graph) and/or ``output_dir`` (one file per document).

    The settings are a :class:`~kgextract.config.RunConfig`: ``run_config``,
    with ``options`` (its fields by name: ``output=``, ``output_dir=``,
    ``fmt=``, ``config=`` (an ``ExtractConfig``), ``workers=``, ``cache=``,
    ``force=``, ``across=``, ``linking=``, ``store=``, ``provenance=``) over
    it, and ``paths`` over its ``paths`` when given. Its ``engine`` is not
    read here (see :func:`kgextract.dask.select.run_extraction`).

    ``workers`` processes extract in parallel (``"auto"``: the rule of
    :mod:`kgextract.run.workers`, over the documents not in the cache); the
    outputs are byte-identical for any number of workers. With ``cache`` (the default) results are kept
    beside the output and a re-run extracts only new or changed documents;
    ``force`` extracts everything again. ``across`` merges entities across
    documents and ``linking`` links places to gazetteers, in the merged graph
    only: a per-document file holds what its document says. ``store`` is a
    folder for ``kgextract.store.write_results``. ``on_problem`` is called
    with each failed or warned document, ``on_document`` with ``"cached"``,
    ``"extracted"`` or ``"failed"`` for each document as it is done.
    ``provenance="none"`` writes the output files without their provenance
    records (the store, when given, still gets everything).

    Raise ``KgextractError`` when nothing can be done: no output given
    (E008), a bad format (E002), no documents (E003), no model (E001), a
    cache that cannot be written (E140), a dead worker (E141), another run
    on the same output (E142).
    """
    started = time.monotonic()
    if paths is not None:
        options["paths"] = paths
    run = RunConfig.of(run_config, **options)
    paths, output, output_dir, config = run.paths, run.output, run.output_dir, run.extract
    if output is None and output_dir is None:
        raise KgextractError(Errors.E008)
    fmt_info = get_format(run.fmt)
    provenance = check_provenance(run.provenance)
    cache = run.cache
    if output is not None and output_dir is not None:
        _refuse_collision(paths, output, output_dir, fmt_info.extension)
    try:
        for folder in (output.parent if output is not None else None, output_dir):
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgextractError(Errors.E070.format(path=output or output_dir, err=err)) from err
    writer = _Writer(output, output_dir, fmt_info.name, fmt_info.extension, config, run.workers, cache, run.force,
                     run.across, run.linking, run.store, on_problem, on_document)
    writer.provenance = provenance
    if not cache:
        try:
            report = writer.run(paths, _MemoryShards(), None)
        except OSError as err:
            raise KgextractError(Errors.E070.format(path=err.filename or output or output_dir,
                                                    err=err.strerror or err)) from err
    else:
        cache_dir, manifest_path = state_paths(output, output_dir)
        if manifest_path.is_dir():
            raise KgextractError(Errors.E147.format(path=manifest_path))
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise KgextractError(Errors.E140.format(path=cache_dir, err=err)) from err
        with run_lock(cache_dir):
            for stale in cache_dir.glob(f"{WORK_PREFIX}*"):  # left by a killed run
                shutil.rmtree(stale, ignore_errors=True)
            try:
                report = writer.run(paths, ShardStore(cache_dir), manifest_path)
            except OSError as err:  # a full disk or a folder in the way while writing: said, not traced
                raise KgextractError(Errors.E070.format(path=err.filename or output or output_dir,
                                                        err=err.strerror or err)) from err
    report.seconds = round(time.monotonic() - started, 3)
    return report


class _Writer:
    """One run's state; see :func:`run_corpus`."""

    def __init__(self, output, output_dir, fmt, ext, config, workers, cache, force, across, linking, store,
                 on_problem, on_document) -> None:
        self.output, self.output_dir, self.fmt, self.ext = output, output_dir, fmt, ext
        self.config, self.workers, self.cache, self.force = config, workers, cache, force
        self.across, self.linking, self.store = across, linking, store
        self.on_problem = on_problem or (lambda p: None)
        self.on_document = on_document or (lambda kind: None)
        self.report = RunReport()
        self.code = package_fingerprint()
        self._written = 0
        self._written_paths: set[Path] = set()  # written in this run; their folders are swept at its end
        self._counts: dict[str, tuple[int, int]] = {}
        self.base: Path | None = None  # the manifest's folder
        self._unreadable: list[Path] = []  # sources that could not be read (E014) in this run
        self._failed_writes: list[tuple[Path, str, str]] = []  # (path, source, why), from any thread
        self._journal: TextIO | None = None  # names of per-document files about to be written (see _journal_add)
        self._name_max: int | None = None
        self.provenance = "full"  # or "none": output files without provenance records

    @property
    def _fmt_key(self) -> str:
        """The format as output digests see it: facts-only files are other bytes."""
        return self.fmt if self.provenance == "full" else f"{self.fmt}+provenance={self.provenance}"

    # -- the stream of documents -------------------------------------------

    def _problem(self, problem: DocumentError) -> None:
        if problem.code == "E014":
            self._unreadable.append(Path(problem.source))
        self.report.problems.append(problem)
        if problem.level == "error":
            self.report.failed += 1
        self.on_problem(problem)

    def _todo(self, paths, shards, fingerprint: str, entries: list[ManifestEntry],
              pending: deque[ManifestEntry]) -> Iterator[Document]:
        for item in iter_documents(paths, max_bytes=self.config.max_bytes, time_limit=self.config.time_limit):
            if isinstance(item, DocumentError):
                self._problem(item)
                continue
            key = document_key(item, fingerprint)
            name = f"{item.id}{self.ext}" if self.output_dir is not None else None
            if name is not None and not self._nameable(item, name):
                continue
            if name is not None and self.output is not None and \
                    _collides(self.output, self.output_dir, self.ext) == item.id:  # a JSON Lines record
                self._problem(DocumentError(source=item.source or item.id, code="E144", message=Errors.E144.format(
                    source=item.source or item.id, output=self.output)))
                self.on_document("failed")
                continue
            entry = ManifestEntry(id=item.id, source=item.source, content_hash=content_hash(item), key=key,
                                  output=name)
            entries.append(entry)
            if not self.force and shards.has(key):
                counts = self._counts.get(key)
                if counts is None:  # no manifest says: read the cached result
                    cached = shards.load(key)
                    counts = (len(cached.entities), len(cached.relations)) if cached else (0, 0)
                entry.entities, entry.relations = counts
                self.report.cached += 1
                self.on_document("cached")
                continue
            pending.append(entry)
            yield item

    def run(self, paths, shards, manifest_path: Path | None) -> RunReport:
        old = load_manifest(manifest_path) if manifest_path is not None else None
        old = old or Manifest()
        fingerprint = extraction_fingerprint(self.config)
        self._counts = {e.key: (e.entities, e.relations) for e in old.documents if e.key}
        entries: list[ManifestEntry] = []
        pending: deque[ManifestEntry] = deque()  # extracted in this order
        outputs: dict[str, OutputRecord] = {}  # by recorded path
        written_by: dict[str, str] = {}  # per-document file -> key of the result written to it
        self.base = manifest_path.parent if manifest_path is not None else None
        journal = Path(shards.folder) / JOURNAL if isinstance(shards, ShardStore) else None
        pending_names = _read_journal(journal)
        try:
            self._journal = open(journal, "a", encoding="utf-8") if journal is not None else None
        except OSError as err:
            raise KgextractError(Errors.E140.format(path=journal, err=err)) from err
        try:
            return self._run(paths, shards, manifest_path, old, fingerprint, entries, pending, outputs,
                             written_by, pending_names, journal)
        finally:
            if self._journal is not None:
                self._journal.close()

    def _run(self, paths, shards, manifest_path, old, fingerprint, entries, pending, outputs, written_by,
             pending_names, journal) -> RunReport:
        todo = self._todo(paths, shards, fingerprint, entries, pending)
        # the files are written behind the extraction; everything after this block reads them
        with WriteBehind() as behind:
            for _, out in process_documents(todo, self.config, workers=self.workers):
                entry = pending.popleft()
                if isinstance(out, DocumentError):
                    entry.key = None
                    self._problem(out)
                    self.on_document("failed")
                    continue
                entry.entities, entry.relations = len(out.entities), len(out.relations)
                self.report.extracted += 1
                self._save(shards, entry.key, out, behind)
                if entry.output is not None:
                    record = self._per_document(entry, out, old, behind=behind)
                    assert record is not None   # with its result at hand a document's file is written
                    outputs[record.path], written_by[record.path] = record, entry.key
                self.on_document("extracted")
        if not entries and not self.report.problems:
            raise KgextractError(Errors.E003.format(paths=", ".join(map(str, _as_list(paths)))))
        self._keep_unreadable(old, entries, shards)
        ok = [e for e in entries if e.key is not None]
        if self.output_dir is not None:
            # the last document of an id owns its file (ids repeat only with warning W020)
            owners = {self._name(self.output_dir / e.output): e for e in ok}
            for name, entry in owners.items():
                if written_by.get(name) == entry.key:
                    continue
                record = self._per_document(entry, None, old, shards=shards)
                if record is not None:
                    outputs[record.path] = record
                else:
                    outputs.pop(name, None)
            ok = [e for e in entries if e.key is not None]  # minus unreadable cache files
            failed = self._report_failed_writes(outputs)
            self._remove_gone(old, outputs, pending_names, keep=failed)
        self.report.documents = len(ok)
        self.report.entities = sum(e.entities for e in ok)
        self.report.relations = sum(e.relations for e in ok)
        merged = self._merged(ok, shards, old)
        if merged is not None:
            outputs[merged.path] = merged
        remove_stale_temps(self._written_paths)
        self.report.outputs_written = self._written
        self.report.removed = self._removed_documents(old, entries)
        if manifest_path is not None:
            manifest = Manifest(kgextract=__version__, fingerprint=fingerprint, format=self.fmt,
                                documents=entries, outputs=sorted(outputs.values(), key=lambda r: r.path),
                                last_run=self.report.counts())
            save_manifest(manifest_path, manifest)
            self.report.manifest = manifest_path
            _truncate(journal)  # every file named there is in the manifest now, or removed
            _crash_point("manifest")
            shards.gc({e.key for e in ok})
        return self.report

    # -- outputs -------------------------------------------------------------

    def _name(self, path: Path) -> str:
        """How the manifest names an output: relative to the manifest's folder."""
        return os.path.relpath(path, self.base) if self.base is not None else str(path)

    def _up_to_date(self, old: Manifest, path: Path, digest: str) -> OutputRecord | None:
        rec = old.output(self._name(path))
        if rec is not None and rec.digest == digest and file_sha256(path) == rec.sha256:
            return rec
        return None

    def _save(self, shards, key: str, result: DocumentResult, behind: WriteBehind) -> None:
        """Cache a new result: made into JSON here, written behind (when the cache is on disk)."""
        n = self.report.extracted
        if isinstance(shards, ShardStore):
            behind.submit(_save_shard, shards, key, result.model_dump_json(), n)
        else:
            shards.save(key, result)
            _crash_point("shard", n)

    def _write(self, ds, path: Path, digest: str, behind: WriteBehind | None = None,
               source: str | None = None) -> OutputRecord:
        """Write one output; a per-document one (``source`` given) fails alone (E146), later."""
        # N-Quads come straight from the results (no rdflib store); the same bytes, made faster
        if isinstance(ds, bytes):
            payload = ds if self.provenance == "full" else facts_only_nquads(ds)
        else:
            payload = serialize(ds, self.fmt, provenance=self.provenance)
        write: Callable[[Path, bytes], object]
        if source is None:
            write = write_bytes_atomic
        else:
            self._journal_add(path)
            write = partial(self._write_document, source=source)
        if behind is not None:
            behind.submit(write, path, payload)
        else:
            write(path, payload)
        self._written_paths.add(path)  # a killed writer's temporary files go at the end of the run
        self._written += 1
        return OutputRecord(path=self._name(path), digest=digest, sha256=hashlib.sha256(payload).hexdigest())

    def _per_document(self, entry: ManifestEntry, result: DocumentResult | None, old: Manifest,
                      shards=None, behind: WriteBehind | None = None) -> OutputRecord | None:
        path = self.output_dir / entry.output
        assert entry.key is not None   # only documents with a result have a file
        digest = _digest("document", self.code, self._fmt_key, entry.key)
        # a file already written in this run (a repeated id) may still be queued: never trust what is on disk
        if not self.force and path not in self._written_paths:
            rec = self._up_to_date(old, path, digest)
            if rec is not None:
                return rec
        if result is None:
            result = shards.load(entry.key)
            if result is None:  # an unreadable cache file: extract that document again
                result = self._extract_again(entry, shards)
                if result is None:
                    return None
        data = to_nquads([result]) if self.fmt == "nquads" else to_rdf([result], across=False, linking=False)
        return self._write(data, path, digest, behind, source=entry.source or entry.id)

    def _extract_again(self, entry: ManifestEntry, shards) -> DocumentResult | None:
        doc = next((d for d in iter_documents([entry.source], max_bytes=self.config.max_bytes,
                                              time_limit=self.config.time_limit)
                    if isinstance(d, Document) and d.id == entry.id), None) if entry.source else None
        if doc is None:
            entry.key = None
            return None
        for _, out in process_documents([doc], self.config, workers=1):
            if isinstance(out, DocumentResult):
                shards.save(entry.key, out)
                return out
        entry.key = None
        return None

    def _write_document(self, path: Path, payload: bytes, source: str) -> None:
        try:
            write_bytes_atomic(path, payload)
        except KgextractError as err:  # E070: this document's file only; the run goes on
            self._failed_writes.append((path, source, str(err.__cause__ or err)))

    def _report_failed_writes(self, outputs: dict) -> set[str]:
        """Report each per-document file that could not be written (E146); its names."""
        names = set()
        for path, source, why in self._failed_writes:
            name = self._name(path)
            names.add(name)
            outputs.pop(name, None)  # not in the manifest: the next run writes it again
            self._problem(DocumentError(source=source, code="E146",
                                        message=Errors.E146.format(source=source, path=path, err=why)))
        self._failed_writes.clear()
        return names

    def _nameable(self, doc: Document, name: str) -> bool:
        """False (and E145 reported) when ``name`` and its temporary name exceed the file system's limit."""
        if self._name_max is None:
            try:
                self._name_max = os.pathconf(self.output_dir, "PC_NAME_MAX")
            except (OSError, ValueError, AttributeError):
                self._name_max = 255
        size = len(os.fsencode(name))
        if size + TEMP_OVERHEAD <= self._name_max:
            return True
        self._problem(DocumentError(source=doc.source or doc.id, code="E145", message=Errors.E145.format(
            source=doc.source or doc.id, name=name, size=size, limit=self._name_max - TEMP_OVERHEAD)))
        self.on_document("failed")
        return False

    def _keep_unreadable(self, old: Manifest, entries: list[ManifestEntry], shards) -> None:
        """Carry over the documents of the last run that lie under a source unreadable now.

        A folder or file that cannot be read says nothing about its
        documents: they are kept (files, cache, place in the merged graph)
        as the last run left them, and the run exits 3 for the error.
        """
        if not self._unreadable:
            return
        now = {(e.source, e.id) for e in entries}
        for entry in old.documents:
            if entry.key is None or not entry.source or (entry.source, entry.id) in now:
                continue
            path = Path(entry.source)
            if any(path == root or root in path.parents for root in self._unreadable) and shards.has(entry.key):
                entries.append(entry.model_copy())
                now.add((entry.source, entry.id))
                self.report.kept += 1

    def _journal_add(self, path: Path) -> None:
        """Note a per-document file before it is written: a run killed before its manifest
        leaves files no manifest names, and the next run removes those that are not its own."""
        if self._journal is not None:
            self._journal.write(self._name(path) + "\n")
            self._journal.flush()

    def _remove_gone(self, old: Manifest, outputs: dict, pending: Iterable[str] = (),
                     keep: Collection[str] = frozenset()) -> None:
        """Delete the per-document files of documents now gone: those the last manifest lists,
        and those a killed run had started writing (its journal)."""
        if self.base is None:
            return
        folder = self.output_dir.resolve()
        merged = self.output.resolve() if self.output is not None else None
        for name in sorted({rec.path for rec in old.outputs} | set(pending)):
            path = (self.base / name).resolve()
            if name in outputs or name in keep or path.parent != folder or path == merged:
                continue
            try:
                path.unlink()
            except OSError:  # gone already, or not ours to remove: the run goes on
                pass

    def _merged(self, ok: list[ManifestEntry], shards, old: Manifest) -> OutputRecord | None:
        if self.output is None and self.store is None:
            return None
        digest = _digest("corpus", self.code, self._fmt_key, str(self.across), str(self.linking),
                         *(e.key for e in ok if e.key is not None))   # all: ok holds those with a result
        if self.output is not None and not self.force and self.store is None:
            rec = self._up_to_date(old, self.output, digest)
            if rec is not None:
                self.report.merges, self.report.links = old.last_run.merges, old.last_run.links
                return rec
        def load() -> Iterator[DocumentResult]:
            for entry in ok:
                result = shards.load(entry.key)
                if result is None:  # an unreadable cache file: extract that document again
                    result = self._extract_again(entry, shards)
                if result is not None:
                    yield result

        graph = None
        streamed = self.fmt == "nquads" and self.provenance == "full"
        if self.store is not None or (self.output is not None and not streamed):
            graph = corpus_graph(list(load()), across=self.across, linking=self.linking)
            self.report.merges, self.report.links = len(graph.merges), len(graph.links)
        if self.store is not None:
            assert graph is not None   # built above for a store
            _write_store(self.store, graph.dataset)
        if self.output is None:
            return None
        if streamed:  # the corpus's graph is never in memory
            stats = write_nquads(load, self.output, across=self.across, linking=self.linking,
                                 work_dir=getattr(shards, "folder", None))
            remove_stale_temp(self.output)
            self._written += 1
            self.report.merges, self.report.links = stats.merges, stats.links
            record = OutputRecord(path=self._name(self.output), digest=digest,
                                  sha256=file_sha256(self.output) or "")
        else:
            assert graph is not None   # built above when not streamed
            record = self._write(graph.dataset, self.output, digest)
        _crash_point("output")
        return record

    @staticmethod
    def _removed_documents(old: Manifest, entries: list[ManifestEntry]) -> int:
        now = {(e.source, e.id) for e in entries}
        return len({(e.source, e.id) for e in old.documents} - now)


#: The journal of per-document files being written, in the cache folder.
JOURNAL = "outputs-pending.txt"
#: Bytes :mod:`kgextract.atomic` adds around a name for its temporary file: ".", ".", 8 random, ".tmp".
TEMP_OVERHEAD = 1 + 1 + 8 + len(TEMP_SUFFIX)


def _collides(output: Path, output_dir: Path, ext: str) -> str | None:
    """The document id whose per-document file would be ``output``, if any could be."""
    if output.name.endswith(ext) and output.resolve().parent == output_dir.resolve():
        return output.name[:-len(ext)]
    return None


def _refuse_collision(paths, output: Path, output_dir: Path, ext: str) -> None:
    """E144, before anything is written, when an input file's document would be written to ``-o``.

    Only the file names are looked at (a walk, no reading); a JSON Lines
    record whose id collides is refused alone, when it is read (``_todo``).
    """
    stem = _collides(output, output_dir, ext)
    if stem is None:
        return
    for item in walk([Path(p) for p in _as_list(paths)]):
        reader = READERS.get(format_of_name(item) or "") if isinstance(item, Path) else None
        if isinstance(item, Path) and item.stem == stem and not (reader and reader.many):
            raise KgextractError(Errors.E144.format(source=item, output=output))


def _read_journal(path: Path | None) -> set[str]:
    try:
        return set(filter(None, path.read_text(encoding="utf-8").splitlines())) if path else set()
    except FileNotFoundError:
        return set()  # no run was killed here
    except (OSError, UnicodeDecodeError) as err:
        logger.warning("%s", Warnings.W142.format(path=path, err=err))
        return set()


def _truncate(path: Path | None) -> None:
    if path is not None:
        try:
            with open(path, "w", encoding="utf-8"):
                pass
        except OSError as err:
            logger.warning("%s", Warnings.W142.format(path=path, err=err))


def _save_shard(shards: ShardStore, key: str, data: str, n: int) -> None:
    shards.save(key, data)
    _crash_point("shard", n)


def _write_store(folder, dataset) -> None:
    """Replace the run's document graphs and the corpus graph (merges, links) in the store."""
    from kgextract.store import write_dataset  # pyoxigraph loads only for --store

    write_dataset(Path(folder), dataset)


def _as_list(paths) -> list:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
