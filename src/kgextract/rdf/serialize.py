"""Serialize a graph or dataset deterministically, and write it atomically.

Formats are registered by name, in the manner of rdflib's plugins; each has
a file extension and a writer that returns bytes. The same input always
gives byte-identical output (subjects, named graphs, N-Quads lines and
JSON-LD nodes are sorted), so outputs can be diffed and cached.

>>> sorted(FORMATS)
['json-ld', 'nquads', 'trig', 'turtle']
>>> FORMATS["trig"].extension
'.trig'
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("http://ex.org/a"), URIRef("http://ex.org/p"), Literal('x "y"\\n')))
>>> serialize(g, "nquads")
b'<http://ex.org/a> <http://ex.org/p> "x \\\\"y\\\\"\\\\n" .\\n'
>>> serialize(g, "ttl2")
Traceback (most recent call last):
...
kgextract.errors.KgextractError: [E002] Unknown output format 'ttl2'. Available: turtle, trig, nquads, json-ld.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import ConjunctiveGraph, Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.trig import TrigSerializer

from kgextract.atomic import atomic_write
from kgextract.errors import Errors, KgextractError
from kgextract.rdf.namespaces import bind_prefixes, prefix_iris
from kgextract.rdf.nquads import nquads_bytes
from kgextract.rdf.provenance import check_provenance, facts_only
from kgextract.rdf.turtle import readable_turtle

__all__ = [
    "Format",
    "FORMATS",
    "register_format",
    "register_read_format",
    "READ_FORMATS",
    "read_extensions",
    "get_format",
    "write_bytes_atomic",
    "format_for_path",
    "serialize",
    "write_rdf",
    "union_graph",
]

Writer = Callable[[Dataset], bytes]


@dataclass(frozen=True)
class Format:
    """An RDF format: its name, file extension, media type, writer and how it is read.

    ``writer`` is ``None`` for a format kgextract only reads (a store loads
    N-Triples or RDF/XML files it did not write). ``parser`` is rdflib's
    name for it (default: ``name``), ``aliases`` other extensions read as
    this format, and ``keeps_graphs`` says whether the per-document named
    graphs survive (TriG, N-Quads) or are merged into one (Turtle, JSON-LD).
    """

    name: str
    extension: str
    media_type: str
    writer: Writer | None
    parser: str = ""
    aliases: tuple[str, ...] = ()
    keeps_graphs: bool = False

    @property
    def rdflib_name(self) -> str:
        """The name rdflib's ``parse``/``serialize`` know this format by."""
        return self.parser or self.name

    @property
    def extensions(self) -> tuple[str, ...]:
        """Every extension read as this format, the written one first."""
        return (self.extension, *self.aliases)


#: The registered output formats, by name: what ``--format`` takes.
FORMATS: dict[str, Format] = {}
#: Every RDF format kgextract reads, by name: the output formats and the read-only ones.
READ_FORMATS: dict[str, Format] = {}


def register_format(name: str, extension: str, media_type: str, *, parser: str = "",
                    aliases: tuple[str, ...] = (), keeps_graphs: bool = False) -> Callable[[Writer], Writer]:
    """Register ``writer(dataset) -> bytes`` as the output format ``name``.

    Every table of formats (the CLI's options, the run's file names, the
    store's loader, the readers of eval and viz) reads this registry.

    >>> @register_format("ntriples-demo", ".demo.nt", "application/n-triples")
    ... def _demo(ds):
    ...     return FORMATS["nquads"].writer(union_graph(ds))
    >>> FORMATS.pop("ntriples-demo").extension, READ_FORMATS.pop("ntriples-demo").rdflib_name
    ('.demo.nt', 'ntriples-demo')
    """

    def decorate(writer: Writer) -> Writer:
        FORMATS[name] = READ_FORMATS[name] = Format(name, extension, media_type, writer, parser, aliases,
                                                    keeps_graphs)
        return writer

    return decorate


def register_read_format(name: str, extension: str, media_type: str, *, parser: str = "",
                         aliases: tuple[str, ...] = (), keeps_graphs: bool = False) -> Format:
    """Register a format kgextract reads but does not write.

    >>> register_read_format("turtle-demo", ".demo.ttl", "text/turtle", parser="turtle").writer is None
    True
    >>> _ = READ_FORMATS.pop("turtle-demo")
    """
    fmt = READ_FORMATS[name] = Format(name, extension, media_type, None, parser, aliases, keeps_graphs)
    return fmt


def get_format(name: str) -> Format:
    """The registered output format called ``name``; raise ``KgextractError`` (E002) if none.

    >>> get_format("nquads").extension
    '.nq'
    """
    fmt = FORMATS.get(name)
    if fmt is None:
        raise KgextractError(Errors.E002.format(name=name, options=", ".join(FORMATS)))
    return fmt


def format_for_path(path: str | os.PathLike) -> Format:
    """The output format whose extension ends ``path``.

    >>> format_for_path("out/graph.jsonld").name
    'json-ld'
    """
    name = Path(path).name.lower()
    for fmt in sorted(FORMATS.values(), key=lambda f: -len(f.extension)):
        if name.endswith(fmt.extension):
            return fmt
    return get_format(Path(path).suffix or name)


def read_extensions(*, written: bool = False) -> dict[str, Format]:
    """Extension -> format for reading, in registry order; ``written``: only the formats kgextract writes.

    >>> list(read_extensions(written=True))
    ['.ttl', '.trig', '.nq', '.jsonld', '.json-ld']
    >>> read_extensions()[".owl"].rdflib_name
    'xml'
    """
    formats = FORMATS if written else READ_FORMATS
    return {ext: fmt for fmt in formats.values() for ext in fmt.extensions}


def union_graph(data: Graph) -> Graph:
    """All triples of a dataset (every named graph) as one ``rdflib.Graph``.

    >>> from rdflib import Dataset, URIRef
    >>> ds = Dataset()
    >>> a, p = URIRef("http://ex.org/a"), URIRef("http://ex.org/p")
    >>> _ = ds.graph(URIRef("http://ex.org/g1")).add((a, p, a))
    >>> _ = ds.graph(URIRef("http://ex.org/g2")).add((a, p, p))
    >>> len(union_graph(ds))
    2
    """
    g = Graph()
    for prefix, ns in data.namespaces():
        g.bind(prefix, ns, replace=True)
    bind_prefixes(g)
    # context-aware graphs are the ConjunctiveGraphs (a Dataset is one)
    triples = data.quads((None, None, None, None)) if isinstance(data, ConjunctiveGraph) else data
    for s, p, o, *_ in triples:
        g.add((s, p, o))
    return g


def _as_dataset(data: Graph) -> Dataset:
    if isinstance(data, Dataset):
        return data
    ds = Dataset()
    for prefix, ns in data.namespaces():
        ds.bind(prefix, ns, replace=True)
    if isinstance(data, ConjunctiveGraph):   # context-aware
        for s, p, o, c in data.quads((None, None, None, None)):
            ds.graph(getattr(c, "identifier", c)).add((s, p, o))
    else:
        for triple in data:
            ds.add(triple)
    return ds


def serialize(data: Graph, format: str, *, provenance: str = "full") -> bytes:  # noqa: A002 - rdflib's name
    """Serialize a ``Dataset`` (or ``Graph``) as UTF-8 bytes, deterministically.

    Turtle and JSON-LD write the union of the named graphs; TriG and N-Quads
    keep them. ``provenance="none"`` leaves the provenance records out (see
    ``kgextract.rdf.provenance``). Raise ``KgextractError`` for an unknown
    format (E002) or provenance level (E009).
    """
    writer = get_format(format).writer
    assert writer is not None   # FORMATS holds the formats with a writer (the read-only ones: READ_FORMATS)
    if check_provenance(provenance) == "none":
        return writer(facts_only(data))
    return writer(_as_dataset(data))


@register_format("turtle", ".ttl", "text/turtle")
def _turtle(ds: Dataset) -> bytes:
    # in reading order: facts grouped by type and label, then memberships, then provenance
    return readable_turtle(union_graph(ds))


@register_format("trig", ".trig", "application/trig", keeps_graphs=True)
def _trig(ds: Dataset) -> bytes:
    ser = TrigSerializer(ds)
    # rdflib keeps graphs in a set: sort them (default graph first) for stable output.
    ser.contexts.sort(key=lambda c: (c.identifier != DATASET_DEFAULT_GRAPH_ID,
                                     type(c.identifier).__name__, str(c.identifier)))
    out = io.BytesIO()
    ser.serialize(out, encoding="utf-8")
    return out.getvalue()


@register_format("nquads", ".nq", "application/n-quads", keeps_graphs=True)
def _nquads(ds: Dataset) -> bytes:
    quads = ((s, p, o, getattr(c, "identifier", c)) for s, p, o, c in ds.quads((None, None, None, None)))
    return nquads_bytes((s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else g) for s, p, o, g in quads)


#: Prefixes of the JSON-LD ``@context``: the one table of :mod:`kgextract.rdf.namespaces`.
JSONLD_CONTEXT = prefix_iris()


def _compact_iri(iri: str) -> str:
    for prefix, ns in sorted(JSONLD_CONTEXT.items(), key=lambda kv: -len(kv[1])):
        rest = iri[len(ns):]
        if iri.startswith(ns) and rest and not rest.startswith("//"):
            return f"{prefix}:{rest}"
    return iri


def _tidy(node, key: str | None = None):
    """Compact IRIs to prefixed names, sort unordered arrays, unwrap single values."""
    if isinstance(node, dict):
        out = {}
        for k, value in node.items():
            if k in ("@id", "@type"):
                value = ([_compact_iri(v) for v in value] if isinstance(value, list)
                         else _compact_iri(value))
            out[k if k.startswith("@") else _compact_iri(k)] = _tidy(value, k)
        if out.keys() == {"@value"} and isinstance(out["@value"], str):
            return out["@value"]  # a plain string
        if out.get("@type") == "xsd:integer" and type(out.get("@value")) is int and len(out) == 2:
            return out["@value"]  # a native JSON integer is an xsd:integer
        return out
    if isinstance(node, list):
        items = [_tidy(v) for v in node]
        if key == "@list":
            return items
        items.sort(key=lambda v: json.dumps(v, sort_keys=True))
        return items[0] if len(items) == 1 and key not in (None, "@graph") else items
    return node


@register_format("json-ld", ".jsonld", "application/ld+json", aliases=(".json-ld",))
def _jsonld(ds: Dataset) -> bytes:
    # rdflib's own compaction drops empty strings, so take the expanded form
    # and compact IRIs here.
    expanded = json.loads(union_graph(ds).serialize(format="json-ld", encoding="utf-8"))
    doc = {"@context": JSONLD_CONTEXT, "@graph": _tidy(expanded)}
    text = json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8", "surrogatepass")


def write_rdf(
    data: Graph, path: str | os.PathLike, format: str | None = None,  # noqa: A002
    *, provenance: str = "full",
) -> Path:
    """Serialize ``data`` and write it to ``path`` atomically.

    The bytes are made first (a failure leaves any existing file untouched),
    then written to a temporary file in the same folder, flushed, synced and
    moved over ``path`` with ``os.replace``. ``format`` defaults to the one
    that matches the extension of ``path``; ``provenance="none"`` writes the facts only.

    >>> import tempfile, pathlib
    >>> from rdflib import Graph
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = write_rdf(Graph(), pathlib.Path(tmp) / "empty.nq")
    ...     sorted(p.name for p in out.parent.iterdir()), out.read_bytes()
    (['empty.nq'], b'')
    """
    path = Path(path)
    fmt = get_format(format) if format else format_for_path(path)
    return write_bytes_atomic(path, serialize(data, fmt.name, provenance=provenance))


def write_bytes_atomic(path: str | os.PathLike, payload: bytes) -> Path:
    """Write an output's ``payload`` to ``path`` with :func:`kgextract.atomic.atomic_write`.

    The file keeps or gets the mode that module's one rule gives; a failure
    leaves any old file untouched and raises ``KgextractError`` (E070).
    """
    try:
        return atomic_write(path, payload)
    except OSError as err:
        raise KgextractError(Errors.E070.format(path=path, err=err)) from err


# Formats a store loads but kgextract never writes. Plain ".json" is read as
# JSON-LD only here, not by the readers of kgextract's own output: a folder of
# predictions also holds gold files and score reports ending in ".json".
register_read_format("n-triples", ".nt", "application/n-triples", parser="nt")
register_read_format("rdf-xml", ".rdf", "application/rdf+xml", parser="xml", aliases=(".owl",))
register_read_format("n3", ".n3", "text/n3")
register_read_format("json", ".json", "application/ld+json", parser="json-ld")
