"""Run the extraction on a Dask cluster: partitions of input files out, one merged graph back.

:func:`run_dask` walks the inputs (files and folders, in the local engine's
order), cuts the files into partitions and sends each partition's *paths*
to a dask.distributed worker, which reads the files from shared storage and
writes a shard (:mod:`kgextract.dask.worker`). The final step, here, reads
the shards' results in partition order and builds the corpus graph with
the local engine's functions (:func:`~kgextract.run.stream.write_nquads`
for N-Quads, :func:`~kgextract.rdf.corpus.corpus_graph` otherwise), so the
merged graph is the one ``run_corpus`` writes for the same inputs.

A worker that dies is replaced; its partitions run again (``retries``) and
rewrite the same shard files, so the result does not change.

>>> partition([f"f{i}.txt" for i in range(5)], 2)
[['f0.txt', 'f1.txt', 'f2.txt'], ['f3.txt', 'f4.txt']]
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from kgextract.config import AUTO, RunConfig
from kgextract.errors import Errors, KgextractError, Warnings
from kgextract.ingest.walk import walk
from kgextract.models import DocumentError, DocumentResult
from kgextract.rdf.corpus import corpus_graph
from kgextract.rdf.provenance import check_provenance
from kgextract.rdf.serialize import get_format, write_rdf
from kgextract.run.fingerprint import extraction_fingerprint
from kgextract.run.report import RunReport
from kgextract.run.stream import write_nquads
from kgextract.run.workers import auto_workers

__all__ = ["input_files", "partition", "run_dask", "shard_dir_for"]

logger = logging.getLogger("kgextract")


def shard_dir_for(output: Path) -> Path:
    """The default shard folder of a run writing ``output``: ``FILE.kgx-dask`` beside it.

    >>> shard_dir_for(Path("out/g.nq")).as_posix()
    'out/g.nq.kgx-dask'
    """
    return output.with_name(f"{output.name}.kgx-dask")


def input_files(paths: Iterable[str | os.PathLike]) -> tuple[list[str], list[DocumentError]]:
    """The files under ``paths`` in the order the local engine reads them, and walk errors.

    Raise ``KgextractError`` (E004) for a path that does not exist.
    """
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise KgextractError(Errors.E004.format(path=root))
    files: list[str] = []
    errors: list[DocumentError] = []
    for item in walk(roots):
        if isinstance(item, DocumentError):
            errors.append(item)
        else:
            files.append(str(item))
    return files, errors


def partition(files: list[str], parts: int) -> list[list[str]]:
    """Cut ``files`` into at most ``parts`` contiguous partitions of near-equal size."""
    parts = max(1, min(parts, len(files)))
    size, extra = divmod(len(files), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (i < extra)
        out.append(files[start:end])
        start = end
    return [p for p in out if p]


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator:
    """A ``Client`` on ``scheduler``, or on a new local cluster of ``workers`` processes (127.0.0.1)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise KgextractError(Errors.E160) from err
    if scheduler is None:
        with _quiet_logs(), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                         dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
            with Client(cluster) as client:
                yield client
            logging.getLogger("distributed").setLevel(logging.CRITICAL)  # closing workers is not news
        return
    try:
        client = Client(scheduler, timeout="30s")
    except (OSError, TimeoutError) as err:
        raise KgextractError(Errors.E161.format(address=scheduler, err=err)) from err
    with client:
        yield client


@contextlib.contextmanager
def _quiet_logs() -> Iterator[None]:
    """Keep the local cluster's start and stop messages (INFO) out of the caller's log."""
    log = logging.getLogger("distributed")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def run_dask(
    paths: Iterable[str | os.PathLike] | str | os.PathLike | None = None,
    *,
    run_config: RunConfig | None = None,
    partitions: int | None = None,
    retries: int = 3,
    shard_dir: str | os.PathLike | None = None,
    **options,
) -> RunReport:
    """Extract ``paths`` on a Dask cluster and write the merged graph to ``output``.

    The settings are a :class:`~kgextract.config.RunConfig` (``run_config``
    with ``options``, its fields by name, over it; ``paths`` over its
    ``paths``), as for ``run_corpus``; of them, ``output`` (required),
    ``fmt``, ``config``, ``scheduler``, ``workers``, ``across``, ``linking``
    and ``provenance`` apply. The report is the local engine's
    :class:`~kgextract.run.report.RunReport` with ``engine="dask"``.

    ``scheduler=None`` starts a local cluster of ``workers`` processes (one
    thread each; ``"auto"``: the rule of :mod:`kgextract.run.workers`, one
    input file counted as one document) on 127.0.0.1; an address (``tcp://host:8786``) uses that
    cluster, whose workers must see the inputs and ``shard_dir`` at the same
    paths (give absolute paths). ``partitions`` defaults to four per worker.
    Shards go to ``shard_dir`` (default ``FILE.kgx-dask`` beside ``output``).
    Failed documents are in ``report.problems``; the run goes on.

    Raise ``KgextractError``: no ``output`` (E164), a bad format (E002), a missing path (E004), no
    documents (E003), no model (E001), dask not installed (E160), no
    scheduler (E161), a partition that failed ``retries`` times (E162).
    """
    started = time.monotonic()
    if paths is not None:
        options["paths"] = paths
    run = RunConfig.of(run_config, **options)
    if run.output is None:
        raise KgextractError(Errors.E164.format(problem="no -o FILE was given"))
    paths, output, config, workers = run.paths, run.output, run.extract, run.workers
    across, linking, scheduler = run.across, run.linking, run.scheduler
    fmt_name = get_format(run.fmt).name
    provenance = check_provenance(run.provenance)
    shards = Path(shard_dir) if shard_dir is not None else shard_dir_for(output)
    files, walk_errors = input_files(paths)
    report = RunReport(engine="dask", problems=list(walk_errors))
    try:
        shards.mkdir(parents=True, exist_ok=True)
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgextractError(Errors.E070.format(path=shards, err=err)) from err
    if workers == AUTO:
        workers = auto_workers(len(files), config.batch_size)
    on_cluster = time.monotonic()
    manifests = _extract(files, config, scheduler, workers, partitions, retries, shards, report) if files else []
    report.cluster_seconds = round(time.monotonic() - on_cluster, 3)
    _remove_other_shards(shards, {Path(m).name.removesuffix(".manifest.json") for m in manifests})
    results = [_read_manifest(Path(m)) for m in manifests]
    seen: dict[str, str] = {}
    for manifest in results:
        report.problems.extend(manifest.errors)
        for doc in manifest.documents:
            _check_id(doc.id, doc.source or doc.id, seen, report)
            report.documents += 1
            report.entities += doc.entities
            report.relations += doc.relations
        report.shards.append(shards / f"{manifest.name}.nq")
    report.failed = sum(1 for p in report.problems if p.level == "error")
    report.extracted = report.documents  # no cache: every document is extracted in this run
    if not report.documents and not report.problems:
        raise KgextractError(Errors.E003.format(paths=", ".join(map(str, paths))))

    def load() -> Iterator[DocumentResult]:
        for manifest in results:
            with open(shards / f"{manifest.name}.results.jsonl", "rb") as fh:
                for line in fh:
                    yield DocumentResult.model_validate_json(line)

    if fmt_name == "nquads" and provenance == "full":
        stats = write_nquads(load, output, across=across, linking=linking, work_dir=shards)
        report.merges, report.links = stats.merges, stats.links
    else:
        graph = corpus_graph(list(load()), across=across, linking=linking)
        write_rdf(graph.dataset, output, fmt_name, provenance=provenance)
        report.merges, report.links = len(graph.merges), len(graph.links)
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _extract(files, config, scheduler, workers, partitions, retries, shards, report) -> list[str]:
    """Run every partition on the cluster; return the shard manifests in partition order."""
    from kgextract.dask.worker import ModelPlugin, extract_partition

    fingerprint = extraction_fingerprint(config)
    settings = config.model_dump()
    base = os.getcwd()
    with _client(scheduler, workers) as client:
        report.workers = len(client.scheduler_info().get("workers", {})) or workers
        parts = partition(files, partitions or 4 * report.workers)
        report.partitions = len(parts)
        client.register_plugin(ModelPlugin(settings), name=f"kgx-model-{fingerprint[:12]}")
        futures = [client.submit(extract_partition, i, part, base, settings, fingerprint, str(shards.resolve()),
                                 retries=retries, pure=False)
                   for i, part in enumerate(parts)]
        manifests = []
        for i, (part, future) in enumerate(zip(parts, futures, strict=True)):
            try:
                manifests.append(future.result())
            except KgextractError:
                raise
            except Exception as err:
                shown = part[0] if len(part) == 1 else f"{part[0]} ... {part[-1]}"
                raise KgextractError(Errors.E162.format(index=i, files=shown, err=err)) from err
    return manifests


def _read_manifest(path: Path):
    from kgextract.dask.worker import ShardManifest

    try:
        return ShardManifest.model_validate_json(path.read_bytes())
    except (OSError, ValueError, ValidationError) as err:
        raise KgextractError(Errors.E163.format(path=path, err=err)) from err


def _check_id(doc_id: str, source: str, seen: dict[str, str], report: RunReport) -> None:
    """W020 for an id seen before in another partition, as the local engine reports it."""
    if doc_id not in seen:
        seen[doc_id] = source
        return
    message = Warnings.W020.format(doc_id=doc_id, source=source, first=seen[doc_id])
    report.problems.append(DocumentError(source=source, code="W020", level="warning", message=message))


def _remove_other_shards(folder: Path, keep: set[str]) -> None:
    """Delete shards of earlier runs (other partitions or settings) and stale temporary files."""
    gone = set()
    for path in folder.iterdir():
        if not path.name.startswith(("part-", ".part-")):
            continue
        stem = path.name.lstrip(".").split(".", 1)[0]
        if stem not in keep or path.name.startswith("."):
            gone.add(stem)
            with contextlib.suppress(OSError):
                path.unlink()
    if gone - keep:
        logger.warning(Warnings.W160.format(path=folder, names=", ".join(sorted(gone - keep))))
