"""What a corpus run did: one report for every engine, and its one rendering.

``run_corpus`` (the local engine) and ``run_dask`` both return a
:class:`RunReport`; ``kgextract extract`` prints :func:`summary` of it. The
counts the manifest keeps (:class:`~kgextract.run.manifest.RunCounts`) are
the report's own fields: a report *is* a ``RunCounts`` with more.

>>> report = RunReport(documents=2, extracted=1, cached=1, entities=5, relations=3, seconds=0.25)
>>> summary(report)  # doctest: +NORMALIZE_WHITESPACE
'2 documents (1 extracted, 1 from cache, 0 removed), 5 entities, 3 relations, 0 merges, 0 links; 0 failed,
 0 warnings; 0.2s'
>>> report.counts().model_dump()["documents"], report.clean
(2, True)
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from kgextract.models import DocumentError
from kgextract.run.manifest import RunCounts

__all__ = ["RunReport", "summary"]


class RunReport(RunCounts):
    """What a corpus run did, on either engine (``engine``: ``"local"`` or ``"dask"``).

    The counts of :class:`RunCounts` (documents, extracted, cached, failed,
    removed, outputs written, entities and relations as extracted, merges,
    links) plus what one engine or the other adds. The Dask engine keeps no
    cache: every document is ``extracted``, none ``cached`` or ``removed``.
    """

    engine: str = "local"
    kept: int = Field(0, description="earlier results of documents that could not be read this time (never removed)")
    seconds: float = 0.0
    problems: list[DocumentError] = Field(default_factory=list, description="failed or warned documents")
    manifest: Path | None = Field(None, description="the manifest written (local engine, with the cache)")
    partitions: int = Field(0, description="partitions sent to the cluster (dask)")
    workers: int = Field(0, description="workers of the cluster (dask)")
    cluster_seconds: float = Field(0.0, description="of the seconds: on the cluster (dask)")
    shards: list[Path] = Field(default_factory=list, description="the N-Quads shards, in partition order (dask)")

    @property
    def clean(self) -> bool:
        """True when no document failed or was read with a warning."""
        return not self.problems

    def counts(self) -> RunCounts:
        """The counts the manifest keeps."""
        return RunCounts(**{name: getattr(self, name) for name in RunCounts.model_fields})


def summary(report: RunReport) -> str:
    """The one-line summary ``kgextract extract`` prints (stderr) after a run, on either engine."""
    failed = sum(1 for p in report.problems if p.level == "error")
    kept = f", {report.kept} kept unread" if report.kept else ""
    return (f"{report.documents} documents ({report.extracted} extracted, {report.cached} from cache, "
            f"{report.removed} removed{kept}), {report.entities} entities, {report.relations} relations, "
            f"{report.merges} merges, {report.links} links; {failed} failed, "
            f"{len(report.problems) - failed} warnings; {report.seconds:.1f}s")
