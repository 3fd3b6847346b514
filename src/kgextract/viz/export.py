"""Read kgextract's RDF back into NetworkX, and export it as GraphML, GEXF or Cytoscape JSON.

:func:`rdf_to_networkx` gives the same shape as
:func:`kgextract.graph.build.to_networkx` (node keys such as
``person/izumi-nakamitsu``, ``doc/<id>``, ``date/<iso>``; one edge per
relation, keyed by predicate, with its evidence), so every helper of
:mod:`kgextract.graph` and :mod:`kgextract.viz` works on a graph read from a
file as on a fresh extraction.

>>> from kgextract.graph.examples import sample_results
>>> from kgextract.rdf import to_rdf
>>> G = rdf_to_networkx(to_rdf(sample_results()))
>>> G.nodes["person/izumi-nakamitsu"]["label"]
'Izumi Nakamitsu'
>>> edge = G.edges["person/izumi-nakamitsu", "role/under-secretary-general", "hasRole"]
>>> edge["organization"], edge["evidence"][0]["extractor"]
('organization/united-nations-office-for-disarmament-affairs', 'kgx.roles.v1')
>>> export_text(G, "graphml").startswith("<?xml")
True
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from rdflib import ConjunctiveGraph, Dataset, Graph, Literal
from rdflib.term import Node

from kgextract.errors import Errors, KgextractError
from kgextract.graph.build import date_node, document_node
from kgextract.graph.merge import choose_label
from kgextract.models import EntityType, Predicate
from kgextract.rdf.mapping import CLASSES
from kgextract.rdf.namespaces import KGX, KGX_ID, ORG, PROV, RDF, RDFS, SDO, SKOS
from kgextract.rdf.serialize import read_extensions, union_graph, write_bytes_atomic

if TYPE_CHECKING:  # networkx is imported where a graph is built: the command line lists the formats without it
    import networkx as nx

__all__ = [
    "EXPORT_FORMATS",
    "rdf_to_networkx",
    "read_graph",
    "scalar_graph",
    "export_text",
    "write_text_atomic",
    "export_graph",
]

_TYPES = {cls: etype for etype, cls in CLASSES.items()}
_TYPE_ORDER = list(EntityType)
_SCHEMA = {SDO[p.value]: p.value for p in Predicate
           if p not in (Predicate.HAS_ROLE, Predicate.MEMBER_OF)}


def _key(iri) -> str:
    """The node key of a kgextract IRI (``person/ann-lee``); other IRIs stay whole."""
    text = str(iri)
    return unquote(text[len(KGX_ID):]) if text.startswith(str(KGX_ID)) else text


def _float(value) -> float | None:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def _int(value) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


class _Reader:
    """Turns the union of an RDF graph into a ``MultiDiGraph`` (one pass per kind)."""

    def __init__(self, data: Graph):
        self.g = union_graph(data)
        self.contexts: dict[tuple, set[str]] = {}
        if isinstance(data, ConjunctiveGraph):   # context-aware
            for s, p, o, c in data.quads((None, None, None, None)):
                ident = str(getattr(c, "identifier", c) or "")
                if ident.startswith(str(KGX_ID["graph/"])):
                    self.contexts.setdefault((s, p, o), set()).add(unquote(ident[len(KGX_ID["graph/"]):]))
        self.articles = {a: str(self.g.value(a, SDO.identifier) or _key(a).split("/", 1)[-1])
                         for a in self.g.subjects(RDF.type, SDO.NewsArticle)}
        import networkx as nx

        self.G = nx.MultiDiGraph()

    def node(self, term) -> str:
        if term in self.articles:
            return document_node(self.articles[term])
        if isinstance(term, Literal):
            key = date_node(str(term))
            if key not in self.G:
                self.G.add_node(key, type="Date", label=str(term), aliases=[], documents=[])
            return key
        return _key(term)

    def doc_id(self, term) -> str:
        return self.articles.get(term) or _key(term).split("/", 1)[-1]

    def nodes(self) -> None:
        g = self.g
        for art, doc_id in sorted(self.articles.items(), key=lambda kv: kv[1]):
            headline = g.value(art, SDO.headline)
            self.G.add_node(document_node(doc_id), type="Document", label=str(headline or doc_id),
                            aliases=[], documents=[doc_id])
        types: dict[Node, set[EntityType]] = {}
        for cls, etype in _TYPES.items():
            for node in g.subjects(RDF.type, cls):
                types.setdefault(node, set()).add(etype)
        for node in sorted(types, key=_key):
            ordered = sorted(types[node], key=_TYPE_ORDER.index)
            labels = {str(x) for x in g.objects(node, RDFS.label)}
            label = choose_label(labels) if labels else _key(node)
            aliases = sorted(({str(x) for x in g.objects(node, SKOS.altLabel)} | labels) - {label})
            docs = sorted({self.doc_id(d) for d in g.objects(node, PROV.wasDerivedFrom)})
            self.G.add_node(_key(node), type=ordered[0].value, label=label, aliases=aliases,
                            alt_types=[t.value for t in ordered[1:]], documents=docs)

    def evidence(self) -> dict[tuple, list[dict]]:
        g = self.g
        found: dict[tuple, list[dict]] = {}
        for a in g.subjects(RDF.type, KGX.Assertion):
            triple = tuple(g.value(a, prop) for prop in (RDF.subject, RDF.predicate, RDF.object))
            if None in triple or triple[1] == RDF.type:
                continue
            agent = g.value(a, PROV.wasAttributedTo)
            doc = g.value(a, PROV.wasDerivedFrom)
            found.setdefault(triple, []).append({
                "doc_id": None if doc is None else self.doc_id(doc),
                "sentence": str(g.value(a, KGX.sentence) or ""),
                "start": _int(g.value(a, KGX.startOffset)),
                "end": _int(g.value(a, KGX.endOffset)),
                "confidence": _float(g.value(a, KGX.confidence)),
                "extractor": None if agent is None else str(g.value(agent, RDFS.label) or _key(agent)),
            })
        for records in found.values():
            records.sort(key=lambda r: (r["doc_id"] or "", r["start"] or 0, r["sentence"]))
        return found

    def edge(self, triple: tuple, u: str, v: str, predicate: str, ev: dict, **extra) -> None:
        records = ev.get(triple, [])
        key = predicate
        data = self.G.get_edge_data(u, v, key)
        if data is not None and data.get("organization") != extra.get("organization"):
            key = f"{predicate}|{extra.get('organization')}"
        docs = {r["doc_id"] for r in records if r["doc_id"]} | self.contexts.get(triple, set())
        if triple[0] in self.articles:
            docs.add(self.articles[triple[0]])
        scores = [r["confidence"] for r in records if r["confidence"] is not None]
        self.G.add_edge(u, v, key=key, predicate=predicate, confidence=max(scores, default=None),
                        evidence=records, documents=sorted(docs), **extra)
        for n in (u, v):
            if self.G.nodes[n].get("type") == "Date":
                self.G.nodes[n]["documents"] = sorted(set(self.G.nodes[n]["documents"]) | docs)

    def edges(self) -> None:
        g, ev = self.g, self.evidence()
        for prop, name in sorted(_SCHEMA.items()):
            for s, o in sorted(g.subject_objects(prop)):
                self.edge((s, prop, o), self.node(s), self.node(o), name, ev)
        for m in sorted(set(g.subjects(RDF.type, ORG.Membership))):  # type: ignore[type-var]  # rdflib's terms order; typed as Node
            org = g.value(m, ORG.organization)
            for person in sorted(g.objects(m, ORG.member)):  # type: ignore[type-var]  # as above
                for role in sorted(g.objects(m, ORG.role)):  # type: ignore[type-var]  # as above
                    self.edge((m, ORG.role, role), self.node(person), self.node(role), "hasRole",
                              ev, organization=None if org is None else _key(org))
        for s, o in sorted(g.subject_objects(ORG.memberOf)):
            self.edge((s, ORG.memberOf, o), self.node(s), self.node(o), "memberOf", ev)


def rdf_to_networkx(data: Graph) -> nx.MultiDiGraph:
    """The knowledge graph in an RDF ``Graph``/``Dataset`` as a ``networkx.MultiDiGraph``.

    Nodes: entities (``type``, ``label``, ``aliases``, ``alt_types``,
    ``documents``), ``doc/<id>`` articles and ``date/<value>`` dates. Edges:
    one per relation, key = predicate (``hasRole|<org>`` for a role held in a
    second organization), attributes ``predicate``, ``confidence`` (the best
    evidence's, or ``None``), ``evidence`` (dicts: ``doc_id``, ``sentence``,
    ``start``, ``end``, ``confidence``, ``extractor``), ``documents`` and, for
    ``hasRole``, ``organization``.

    >>> from kgextract.graph.examples import sample_results
    >>> from kgextract.rdf import to_rdf
    >>> G = rdf_to_networkx(to_rdf(sample_results()))
    >>> sorted(G["event/disarmament-conference"]["date/2023-12-04"])
    ['startDate']
    """
    reader = _Reader(data)
    reader.nodes()
    reader.edges()
    return reader.G


def read_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Parse an RDF file written by ``kgextract extract`` (format from its extension).

    Raises ``KgextractError`` (E004 when missing, E121 when not readable as RDF).
    """
    path = Path(path)
    extensions = read_extensions(written=True)
    options = ", ".join(extensions)
    if path.is_dir():
        raise KgextractError(Errors.E121.format(
            path=path, err="it is a folder; give the one file 'kgextract extract -o FILE' wrote",
            options=options))
    if not path.is_file():
        raise KgextractError(Errors.E004.format(path=path))
    fmt = extensions.get(path.suffix.lower())
    if fmt is None:
        raise KgextractError(Errors.E121.format(path=path, err=f"unknown extension '{path.suffix}'",
                                                options=options))
    ds = Dataset()
    try:
        ds.parse(source=str(path), format=fmt.rdflib_name)
    except Exception as err:  # noqa: BLE001 - rdflib parsers raise many kinds
        raise KgextractError(Errors.E121.format(path=path, err=err, options=options)) from err
    return rdf_to_networkx(ds)


def _scalar(value):
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes GraphML/GEXF can hold: lists and dicts
    become JSON strings, ``None`` values are left out.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", aliases=["A", "Á"], organization=None)
    >>> dict(scalar_graph(G).nodes["a"])
    {'aliases': '["A", "Á"]'}
    """
    import networkx as nx

    H = nx.MultiDiGraph()
    H.add_nodes_from((n, {k: _scalar(v) for k, v in d.items() if v is not None})
                     for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, key, {k: _scalar(x) for k, x in d.items() if x is not None})
                     for u, v, key, d in G.edges(keys=True, data=True))
    return H


_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def _graphml(G: nx.MultiDiGraph) -> str:
    import networkx as nx

    return _XML_DECLARATION + "\n".join(nx.generate_graphml(scalar_graph(G))) + "\n"


def _gexf(G: nx.MultiDiGraph) -> str:
    import networkx as nx

    text = "\n".join(nx.generate_gexf(scalar_graph(G))) + "\n"
    # Leave out the writing date, so the same graph always gives the same file.
    return _XML_DECLARATION + re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)


def _cytoscape(G: nx.MultiDiGraph) -> str:
    import networkx as nx

    data = nx.cytoscape_data(G, name="label")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


#: Export formats: name -> (file extension, writer returning text).
EXPORT_FORMATS: dict[str, tuple[str, Callable[[nx.MultiDiGraph], str]]] = {
    "graphml": (".graphml", _graphml),
    "gexf": (".gexf", _gexf),
    "cytoscape-json": (".cyjs", _cytoscape),
}


def export_text(G: nx.MultiDiGraph, format: str) -> str:  # noqa: A002
    """Serialize ``G`` as GraphML, GEXF or Cytoscape.js JSON.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b", "p")])
    >>> json.loads(export_text(G, "cytoscape-json"))["elements"]["edges"][0]["data"]["key"]
    'p'
    >>> export_text(G, "dot")
    Traceback (most recent call last):
    ...
    kgextract.errors.KgextractError: [E120] Unknown export format 'dot'. Available: graphml, gexf, cytoscape-json.
    """
    if format not in EXPORT_FORMATS:
        raise KgextractError(Errors.E120.format(name=format, options=", ".join(EXPORT_FORMATS)))
    return EXPORT_FORMATS[format][1](G)


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; raises ``KgextractError`` (E070).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_text_atomic(Path(tmp) / "a.txt", "hi").read_text()
    'hi'
    """
    return write_bytes_atomic(path, text.encode("utf-8", "surrogatepass"))


def export_graph(G: nx.MultiDiGraph, path: str | os.PathLike, format: str) -> Path:  # noqa: A002
    """Write ``G`` to ``path`` in ``format`` (see :data:`EXPORT_FORMATS`), atomically."""
    return write_text_atomic(path, export_text(G, format))
