"""Write the N-Quads of a whole corpus without holding its graph in memory.

Three passes over the per-document results, each reading one result at a
time (``load()`` gives a fresh iterator for each pass):

1. the merges across documents (:func:`~kgextract.resolve.across.plan_across`
   keeps only entity names);
2. the corpus-wide tables the mapping needs: labels (``merge_entities``),
   the (person, organization) pairs of ``hasRole`` relations, and the places
   to link;
3. each document mapped alone (``map_document``) into its sorted N-Quads
   lines, spilled to sorted run files that are merged at the end.

Memory grows with the number of distinct entities, not with the number of
triples. The bytes are exactly those of ``serialize(corpus_graph(...).dataset,
"nquads")``: sorted, unique lines.

>>> import tempfile, pathlib
>>> from kgextract.graph.examples import sample_results
>>> from kgextract.rdf.serialize import serialize
>>> from kgextract.rdf.corpus import corpus_graph
>>> with tempfile.TemporaryDirectory() as tmp:
...     out = pathlib.Path(tmp) / "g.nq"
...     stats = write_nquads(sample_results, out, spill_lines=50)
...     out.read_bytes() == serialize(corpus_graph(sample_results()).dataset, "nquads")
True
"""

from __future__ import annotations

import contextlib
import heapq
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from kgextract.atomic import atomic_writer
from kgextract.base.linking import link_entities
from kgextract.errors import Errors, KgextractError
from kgextract.graph.merge import merge_entities
from kgextract.models import DOC, DocumentResult, EntityType, Predicate, Relation
from kgextract.rdf.iri import graph_iri
from kgextract.rdf.mapping import map_document
from kgextract.rdf.merges import add_links, add_merges
from kgextract.rdf.nquads import TripleBuffer, nquads_bytes
from kgextract.rdf.serialize import serialize
from kgextract.resolve.across import AcrossPlan, plan_across

__all__ = ["CorpusStats", "write_nquads", "WORK_PREFIX"]

#: Prefix of the temporary folders of sorted runs.
WORK_PREFIX = ".kgx-nquads-"


@dataclass
class CorpusStats:
    """What went into a corpus graph."""

    documents: int = 0
    entities: int = 0
    relations: int = 0
    merges: int = 0
    links: int = 0


def _sorted_run(lines: set[bytes], folder: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, suffix=".run")
    with os.fdopen(fd, "wb") as fh:
        fh.writelines(sorted(lines))
    return Path(name)


def _lines(ds: Dataset) -> list[bytes]:
    return serialize(ds, "nquads").splitlines(keepends=True)


def write_nquads(load: Callable[[], Iterable[DocumentResult]], path: str | os.PathLike, *,
                 across: bool = True, linking: bool = True, spill_lines: int = 200_000,
                 work_dir: str | os.PathLike | None = None) -> CorpusStats:
    """Write the corpus graph of the results ``load()`` yields to ``path`` as N-Quads, atomically.

    ``spill_lines`` bounds the lines held in memory before a sorted run
    goes to a temporary folder in ``work_dir`` (default: the system's).
    """
    path = Path(path)
    stats = CorpusStats()
    plan = plan_across(load()) if across else AcrossPlan()
    pairs: set[tuple[str, str, str]] = set()
    places: list[DocumentResult] = []

    def rewritten() -> Iterator[DocumentResult]:
        for res in load():
            yield plan.apply(res)

    def tables() -> Iterator[DocumentResult]:
        for res in rewritten():
            stats.documents += 1
            stats.entities += len(res.entities)
            stats.relations += len(res.relations)
            for rel in res.relations:
                if rel.predicate is Predicate.HAS_ROLE and rel.organization:
                    pairs.add((rel.subject, rel.object, rel.organization))
            if linking:
                places.append(res.model_copy(update={
                    "entities": [e.model_copy(update={"mentions": []}) for e in res.entities
                                 if e.type is EntityType.PLACE],
                    "relations": [Relation(subject=r.subject, predicate=r.predicate, object=r.object)
                                  for r in res.relations if r.predicate is Predicate.CONTAINED_IN_PLACE],
                    "document": res.document.model_copy(update={"text": ""})}))
            yield res

    entities = merge_entities(tables())

    def known(key: str) -> bool:
        return key == DOC or key in entities

    role_pairs = {(s, org) for s, o, org in pairs if known(s) and known(o) and known(org)}
    links = link_entities(places) if linking else []
    stats.merges, stats.links = len(plan.records), len(links)
    places.clear()

    with tempfile.TemporaryDirectory(dir=work_dir, prefix=WORK_PREFIX) as tmp:
        runs: list[Path] = []
        buffer: set[bytes] = set()
        for res in rewritten():
            graph = TripleBuffer(graph_iri(res.document.id))
            map_document(graph, res, entities, role_pairs)
            buffer.update(nquads_bytes(graph.quads()).splitlines(keepends=True))
            if len(buffer) >= spill_lines:
                runs.append(_sorted_run(buffer, Path(tmp)))
                buffer = set()
        corpus = Dataset()
        add_merges(corpus, plan.records)
        add_links(corpus, links)
        buffer.update(_lines(corpus))
        runs.append(_sorted_run(buffer, Path(tmp)))
        buffer = set()
        _merge_runs(runs, path)
    return stats


def _merge_runs(runs: list[Path], path: Path) -> None:
    """Merge sorted run files into ``path`` (unique lines), atomically."""
    try:
        with contextlib.ExitStack() as stack, atomic_writer(path) as out:
            files = [stack.enter_context(open(run, "rb")) for run in runs]
            last = None
            for line in heapq.merge(*files):
                if line != last:
                    out.write(line)
                    last = line
    except OSError as err:
        raise KgextractError(Errors.E070.format(path=path, err=err)) from err
