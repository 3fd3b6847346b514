"""An on-disk Oxigraph store of kgextract graphs: open, load files, write results.

A store is a folder that Oxigraph (RocksDB) owns. Only one process at a
time may open it for writing (a second writer gets E091); any number may
open it read-only while nobody writes (a reader beside a writer gets E091
too: its view could break). Every function here opens the store, does its
work and closes it before returning, so the lock is held only that long.

Each document lives in its own named graph ``kgxid:graph/<doc id>``;
:func:`write_results` replaces those graphs, so writing the same results
again changes nothing. The default graph holds the union of the named
graphs, each triple once (see :mod:`kgextract.store.union` for why); that
is what queries read.

>>> import tempfile
>>> from kgextract.graph.examples import sample_results
>>> with tempfile.TemporaryDirectory() as tmp:
...     n1 = write_results(tmp, sample_results())
...     n2 = write_results(tmp, sample_results())
...     with open_store(tmp, read_only=True) as store:
...         graphs = [g.value for g in store.named_graphs()]
>>> n1 == n2, graphs
(True, ['https://w3id.org/kgextract/id/graph/sample-2023-12-05'])
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgextract.errors import Errors, KgextractError, Warnings
from kgextract.rdf.serialize import read_extensions
from kgextract.store.union import rebuild_union, replace_graphs

if TYPE_CHECKING:  # the writers import rdflib and the RDF mapping when called: `kgextract query` needs neither
    from rdflib import Dataset

    from kgextract.models import DocumentResult

__all__ = ["RDF_EXTENSIONS", "StoreHandle", "open_store", "rdf_format", "load_files", "write_results",
           "write_dataset", "store_exists", "writer_active"]

logger = logging.getLogger("kgextract")

#: File extensions :func:`load_files` understands, and their Oxigraph format: every
#: format of the registry in :mod:`kgextract.rdf.serialize`, matched by media type.
RDF_EXTENSIONS: dict[str, ox.RdfFormat] = {
    ext: ox_fmt for ext, fmt in read_extensions().items()
    if (ox_fmt := ox.RdfFormat.from_media_type(fmt.media_type)) is not None}


def rdf_format(path: str | os.PathLike) -> ox.RdfFormat:
    """The RDF format of ``path``, from its extension; E093 if unknown.

    >>> rdf_format("out/all.trig").name
    'TriG'
    >>> rdf_format("notes.txt")
    Traceback (most recent call last):
    ...
    kgextract.errors.KgextractError: [E093] Cannot tell the RDF format of 'notes.txt' ...
    """
    fmt = RDF_EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        raise KgextractError(Errors.E093.format(path=path, options=", ".join(RDF_EXTENSIONS)))
    return fmt


#: Stores this process has open for writing (resolved paths).
_WRITERS: set[Path] = set()


def writer_active(store_dir: str | os.PathLike) -> bool:
    """True when some process (this one included) has the store open for writing.

    Probes RocksDB's ``LOCK`` file with a non-blocking POSIX lock, never when
    this process is the writer (closing a probe would drop its lock). Always
    False where ``fcntl`` is missing (Windows).

    >>> writer_active("/nonexistent/store")
    False
    """
    path = Path(store_dir).resolve()
    if path in _WRITERS:
        return True
    try:
        import fcntl
        fd = os.open(path / "LOCK", os.O_RDWR)
    except (ImportError, OSError):
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def store_exists(store_dir: str | os.PathLike) -> bool:
    """True when ``store_dir`` looks like an Oxigraph (RocksDB) store.

    >>> store_exists("/nonexistent/store")
    False
    """
    return (Path(store_dir) / "CURRENT").is_file()


class StoreHandle:
    """A store for the length of a ``with`` block; afterwards it is closed.

    Forwards everything to the ``pyoxigraph.Store``; on leaving the block it
    drops its reference, so RocksDB closes (and releases the lock) even when
    the ``as`` name lives on. Results still being iterated keep it open.
    """

    def __init__(self, store: ox.Store):
        self._store: ox.Store | None = store

    @property
    def store(self) -> ox.Store:
        """The open ``pyoxigraph.Store`` (RuntimeError once the block is left)."""
        if self._store is None:
            raise RuntimeError("the store was closed at the end of its 'with open_store()' block")
        return self._store

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def __len__(self) -> int:
        return len(self.store)

    def __iter__(self):
        return iter(self.store)

    def __contains__(self, quad) -> bool:
        return quad in self.store

    def close(self) -> None:
        self._store = None


@contextmanager
def open_store(store_dir: str | os.PathLike, read_only: bool = False) -> Iterator[StoreHandle]:
    """Open the store in ``store_dir`` for the duration of a ``with`` block.

    Read-write opening creates the folder if needed and fails with E091 when
    another process holds the store. Read-only opening needs an existing
    store (E090) and may run beside other readers (a read-only server too),
    never beside a writer (its view could break, so that is E091 too). The
    store is closed when the block ends.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with open_store(tmp) as store:
    ...         n = len(store)
    ...     with open_store(tmp) as again:  # the first handle was closed
    ...         n == len(again)
    True
    """
    path = Path(store_dir)
    if read_only and not store_exists(path):
        raise KgextractError(Errors.E090.format(path=path))
    if read_only and writer_active(path):
        raise KgextractError(Errors.E091.format(path=path, err="a writer holds its lock"))
    try:
        store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        if "lock" in str(err).lower():
            raise KgextractError(Errors.E091.format(path=path, err=err)) from err
        raise KgextractError(Errors.E090.format(path=path)) from err
    handle = StoreHandle(store)
    del store
    if not read_only:
        _WRITERS.add(path.resolve())
    try:
        yield handle
        if not read_only:
            handle.flush()
    finally:
        handle.close()  # the last reference: RocksDB closes and releases the lock
        _WRITERS.discard(path.resolve())


def write_dataset(store_dir: str | os.PathLike, dataset: Dataset,
                  graphs: Iterable[str] | None = None) -> int:
    """Write an rdflib ``Dataset`` into the store, replacing every named graph it holds.

    ``graphs`` lists more graph IRIs to clear even if ``dataset`` leaves them
    empty. Triples outside named graphs are added to the default graph.
    Return the number of quads written. Use it for a corpus graph (document
    graphs plus ``kgxid:corpus`` with merges and links).
    """
    from kgextract.rdf.serialize import serialize

    quads = list(ox.parse(serialize(dataset, "nquads"), format=ox.RdfFormat.N_QUADS))
    names = {q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    names |= {ox.NamedNode(str(g)) for g in graphs or ()}
    with open_store(store_dir) as store:
        replace_graphs(store.store, sorted(names, key=str), quads)
    logger.info("wrote %d quads in %d graphs to %s", len(quads), len(names), store_dir)
    return len(quads)


def write_results(store_dir: str | os.PathLike, results: Iterable[DocumentResult]) -> int:
    """Write extraction results into the store, replacing each document's graph.

    The results are mapped with :func:`kgextract.rdf.to_rdf`, per-document graphs only
    (labels are merged across the documents given together); then, per
    document, its named graph is cleared and refilled. Re-running is
    incremental (other documents' graphs stay) and idempotent. Return the
    number of quads written.

    An interrupted run can leave one document's graph empty; writing that
    document again repairs it.
    """
    from kgextract.rdf.corpus import to_rdf
    from kgextract.rdf.iri import graph_iri

    results = list(results)
    return write_dataset(store_dir, to_rdf(results, across=False, linking=False),
                         [graph_iri(r.document.id) for r in results])


def _read(path: Path, fmt: ox.RdfFormat, graph: ox.NamedNode | None) -> list[ox.Quad]:
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as err:
        raise KgextractError(Errors.E092.format(path=path, fmt=fmt.name, err=err)) from err
    if graph is not None:  # the default graph of the file goes to ``graph``
        return [ox.Quad(q.subject, q.predicate, q.object, graph)
                if isinstance(q.graph_name, ox.DefaultGraph) else q for q in quads]
    if not fmt.supports_datasets and quads:
        logger.warning(Warnings.W091.format(path=path, fmt=fmt.name, graph="the default graph"))
    return quads


def _bulk_load(store: ox.Store, path: Path, fmt: ox.RdfFormat, graph: ox.NamedNode | None) -> None:
    if graph is None and not fmt.supports_datasets:
        logger.warning(Warnings.W091.format(path=path, fmt=fmt.name, graph="the default graph"))
    try:
        store.bulk_load(path=str(path), format=fmt, to_graph=graph or ox.DefaultGraph())
    except (SyntaxError, ValueError, OSError) as err:
        raise KgextractError(Errors.E092.format(path=path, fmt=fmt.name, err=err)) from err


def load_files(store_dir: str | os.PathLike, paths: Iterable[str | os.PathLike],
               graph: str | None = None, replace: bool = True, bulk: bool = False) -> dict[str, int]:
    """Load RDF files into the store, keeping their named graphs.

    TriG, N-Quads and JSON-LD keep their graphs; triples of the other
    formats go to ``graph`` (an IRI) or else to the default graph, with
    warning W091. With ``replace`` (the default) every named graph a file
    holds is cleared before it is added again, so loading the output of a
    new ``kgextract extract`` run updates those documents and leaves the
    others. Each file is read whole (so a bad file changes nothing; E092)
    and each graph is written in one transaction. Return quads per file.

    ``bulk`` streams big files with Oxigraph's bulk loader instead: much
    faster and lighter on memory, but not transactional (a bad file stops
    half-way) and it only adds (no ``replace``); the union default graph is
    rebuilt at the end.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     f = pathlib.Path(tmp, "a.nq")
    ...     _ = f.write_text('<http://x/a> <http://x/p> "1" <http://x/g> .\\n')
    ...     load_files(pathlib.Path(tmp, "store"), [f]), load_files(pathlib.Path(tmp, "s2"), [f], bulk=True)
    ({'a.nq': 1}, {'a.nq': 1})
    """
    target = ox.NamedNode(graph) if graph else None
    todo = [(Path(p), rdf_format(p)) for p in paths]
    counts: dict[str, int] = {}
    with open_store(store_dir) as store:
        for path, fmt in todo:
            if bulk:
                before = len(store)
                _bulk_load(store.store, path, fmt, target)
                counts[path.name] = len(store) - before
                continue
            quads = _read(path, fmt, target)
            named = {q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)}
            replace_graphs(store.store, sorted(named, key=str) if replace else [], quads)
            counts[path.name] = len(quads)
        if bulk:
            rebuild_union(store.store)
    return counts
