"""Facts-only output: the graph without its provenance records (``--provenance none``).

Provenance is every triple about or pointing at an evidence record (an
assertion), an extractor description or a merge record (resources kgextract
mints under ``assertion/``, ``extractor/`` and ``merge/``), and every triple
whose predicate is PROV-O (``prov:wasDerivedFrom`` of an entity). What stays is
the facts: entities with their labels, memberships, events, places and the
documents with their metadata. The same rule serves rdflib datasets and the
N-Quads bytes written without one.

>>> from rdflib import Dataset, Literal
>>> from kgextract.rdf.iri import entity_iri, extractor_iri
>>> from kgextract.rdf.namespaces import RDFS
>>> ds = Dataset()
>>> ann = entity_iri("person/ann-lee")
>>> _ = ds.add((ann, RDFS.label, Literal("Ann Lee")))
>>> _ = ds.add((extractor_iri("kgx.roles.v1"), RDFS.label, Literal("kgx.roles.v1")))
>>> [str(o) for _, _, o, _ in facts_only(ds).quads()]
['Ann Lee']
"""

from __future__ import annotations

from rdflib import ConjunctiveGraph, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kgextract.errors import Errors, KgextractError
from kgextract.rdf.namespaces import KGX_ID, PROV

__all__ = ["PROVENANCE_LEVELS", "check_provenance", "is_provenance", "facts_only", "facts_only_nquads"]

#: What ``--provenance`` accepts; the first is RunConfig's default (a test checks).
PROVENANCE_LEVELS = ("full", "none")

_RECORDS = tuple(f"{KGX_ID}{kind}/" for kind in ("assertion", "extractor", "merge"))
_RECORD_BYTES = tuple(f"<{prefix}".encode() for prefix in _RECORDS)
_PROV = str(PROV)
_PROV_BYTES = f"<{PROV}".encode()


def check_provenance(level: str) -> str:
    """``level`` when it is one of :data:`PROVENANCE_LEVELS`; else ``KgextractError`` (E009).

    >>> check_provenance("none")
    'none'
    """
    if level not in PROVENANCE_LEVELS:
        raise KgextractError(Errors.E009.format(level=level, options=", ".join(PROVENANCE_LEVELS)))
    return level


def is_provenance(s, p, o) -> bool:
    """True for a triple of the provenance (see the module's docstring)."""
    return (str(p).startswith(_PROV)
            or any(isinstance(t, URIRef) and str(t).startswith(_RECORDS) for t in (s, o)))


def facts_only(data: Graph) -> Dataset:
    """A copy of ``data`` (a ``Dataset`` or ``Graph``) without its provenance triples, graphs kept."""
    out = Dataset()
    for prefix, ns in data.namespaces():
        out.bind(prefix, ns, replace=True)
    # context-aware graphs are the ConjunctiveGraphs (a Dataset is one)
    quads = data.quads((None, None, None, None)) if isinstance(data, ConjunctiveGraph) else (
        (s, p, o, None) for s, p, o in data)
    for s, p, o, c in quads:
        if is_provenance(s, p, o):
            continue
        graph = getattr(c, "identifier", c)
        if graph is None or graph == DATASET_DEFAULT_GRAPH_ID:
            out.add((s, p, o))
        else:
            out.graph(graph).add((s, p, o))
    return out


def facts_only_nquads(payload: bytes) -> bytes:
    """N-Quads (or N-Triples) ``payload`` without its provenance lines, order kept.

    >>> line = b'<https://w3id.org/kgextract/id/person/a> <http://www.w3.org/ns/prov#wasDerivedFrom> <x:d> .\\n'
    >>> facts_only_nquads(line + b'<x:a> <x:p> "prov" .\\n')
    b'<x:a> <x:p> "prov" .\\n'
    """
    return b"".join(line for line in payload.splitlines(keepends=True) if not _provenance_line(line))


def _provenance_line(line: bytes) -> bool:
    # Subjects and predicates are single tokens (IRIs hold no spaces in N-Quads); an
    # object IRI starts the rest of the line. A literal is never a record.
    subject, _, rest = line.partition(b" ")
    predicate, _, rest = rest.partition(b" ")
    return (predicate.startswith(_PROV_BYTES) or subject.startswith(_RECORD_BYTES)
            or rest.startswith(_RECORD_BYTES))
