"""pandas DataFrames of what was extracted: entities, relations with their evidence, SPARQL rows.

>>> from kgextract.graph.examples import sample_results
>>> rel = relations_frame(sample_results())
>>> rel.loc[rel.predicate == "location", ["subject", "object", "extractor"]].values.tolist()
[['Disarmament Conference', 'Geneva', 'kgx.events.v1']]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Protocol

import networkx as nx
import pandas as pd
from rdflib import BNode, Graph, Literal, URIRef

from kgextract.errors import Errors, KgextractError
from kgextract.graph.analysis import event_participants, events_table, roles_by_organization
from kgextract.models import DOC, DocumentResult, Evidence
from kgextract.rdf.namespaces import KGX_ID
from kgextract.rdf.serialize import union_graph

__all__ = [
    "entities_frame",
    "relations_frame",
    "nodes_frame",
    "edges_frame",
    "roles_frame",
    "leadership_changes",
    "events_frame",
    "event_connections",
    "organization_people",
    "organizations_frame",
    "find_node",
    "saved_queries",
    "query_frame",
]

class _HasDocuments(Protocol):
    documents: list[DocumentResult]


#: ``kgextract.extract(...)``'s result (anything with ``documents``), or the results themselves.
Results = _HasDocuments | Iterable[DocumentResult]


def _documents(results: Results) -> list[DocumentResult]:
    # duck-typed: ExtractionResult lives in kgextract.api, whose import loads spaCy
    return list(results.documents if hasattr(results, "documents") else results)


def entities_frame(results: Results) -> pd.DataFrame:
    """One row per entity per document: ``doc_id, key, type, name, aliases, mentions, confidence``.

    >>> from kgextract.graph.examples import sample_results
    >>> entities_frame(sample_results()).iloc[0][["type", "name", "aliases"]].tolist()
    ['Person', 'Izumi Nakamitsu', 'Ms. Izumi Nakamitsu']
    """
    rows = [{"doc_id": res.document.id, "key": e.key, "type": e.type.value, "name": e.name,
             "aliases": "; ".join(e.aliases), "mentions": len(e.mentions), "confidence": e.confidence}
            for res in _documents(results) for e in res.entities]
    return pd.DataFrame(rows, columns=["doc_id", "key", "type", "name", "aliases", "mentions",
                                       "confidence"])


def relations_frame(results: Results, all_evidence: bool = False) -> pd.DataFrame:
    """One row per relation with its best evidence (or, with ``all_evidence``, per evidence).

    Columns: ``doc_id, subject, predicate, object, organization, confidence,
    sentence, extractor, start, end, subject_key, object_key``; names are the
    entities' names (the document is ``DOC``, dates stay ISO strings).

    >>> from kgextract.graph.examples import sample_results
    >>> df = relations_frame(sample_results())
    >>> df.iloc[0][["subject", "predicate", "object", "organization"]].tolist()
    ['Izumi Nakamitsu', 'hasRole', 'Under-Secretary-General', 'United Nations Office for Disarmament Affairs']
    """
    rows = []
    for res in _documents(results):
        names = {e.key: e.name for e in res.entities} | {DOC: DOC}
        for rel in res.relations:
            evidence = sorted(rel.evidence, key=lambda ev: (-ev.confidence, ev.start))
            shown: list[Evidence | None] = list(evidence if all_evidence else evidence[:1]) or [None]
            for ev in shown:
                rows.append({
                    "doc_id": res.document.id,
                    "subject": names.get(rel.subject, rel.subject),
                    "predicate": rel.predicate.value,
                    "object": names.get(rel.object, rel.object),
                    "organization": (names.get(rel.organization, rel.organization)
                                     if rel.organization is not None else None),
                    "confidence": rel.confidence,
                    "sentence": ev and ev.sentence, "extractor": ev and ev.extractor,
                    "start": ev and ev.start, "end": ev and ev.end,
                    "subject_key": rel.subject, "object_key": rel.object,
                })
    return pd.DataFrame(rows, columns=["doc_id", "subject", "predicate", "object", "organization",
                                       "confidence", "sentence", "extractor", "start", "end",
                                       "subject_key", "object_key"])


def nodes_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """The nodes of a graph: ``key, type, label, aliases, documents, degree``.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> int(nodes_frame(to_networkx(sample_results())).set_index("key").loc["place/geneva", "degree"])
    2
    """
    rows = [{"key": n, "type": d.get("type"), "label": d.get("label", n),
             "aliases": "; ".join(d.get("aliases") or []),
             "documents": "; ".join(d.get("documents") or []), "degree": G.degree(n)}
            for n, d in G.nodes(data=True)]
    return pd.DataFrame(rows, columns=["key", "type", "label", "aliases", "documents", "degree"])


def edges_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """The edges of a graph by label, with the best evidence sentence of each.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> df = edges_frame(to_networkx(sample_results()))
    >>> df.loc[df.predicate == "sponsor", ["source", "target"]].values.tolist()
    [['Disarmament Conference', 'Acme']]
    """
    def label(n):
        return None if n is None else G.nodes[n].get("label", n) if n in G else n

    rows = []
    for u, v, d in G.edges(data=True):
        evidence = sorted(d.get("evidence") or [], key=lambda e: -(e.get("confidence") or 0))
        best = evidence[0] if evidence else {}
        rows.append({"source": label(u), "predicate": d.get("predicate"), "target": label(v),
                     "organization": label(d.get("organization")), "confidence": d.get("confidence"),
                     "sentence": best.get("sentence"), "extractor": best.get("extractor"),
                     "documents": "; ".join(d.get("documents") or []),
                     "source_key": u, "target_key": v})
    return pd.DataFrame(rows, columns=["source", "predicate", "target", "organization", "confidence",
                                       "sentence", "extractor", "documents", "source_key",
                                       "target_key"])


def roles_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Who holds which role in which organization (``person, role, organization``).

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> roles_frame(to_networkx(sample_results())).values.tolist()
    [['Izumi Nakamitsu', 'Under-Secretary-General', 'United Nations Office for Disarmament Affairs']]
    """
    return pd.DataFrame(roles_by_organization(G, labels=True),
                        columns=["person", "role", "organization"])


def leadership_changes(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Who takes up or leaves which post, when: one row per dated or qualified membership.

    Columns ``when, change, person, role, organization, start, end, status``;
    ``change`` is ``leaves`` when the post has an end or is former, else
    ``takes up``, and ``when`` is that end, else the start (the saved query
    ``appointments`` asks the same of the RDF).

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> res = sample_results()
    >>> rel = res[0].relations[0]
    >>> res[0].relations[0] = rel.model_copy(update={"start": "2024-07-01", "status": "future"})
    >>> leadership_changes(to_networkx(res))[["when", "change", "person", "status"]].values.tolist()
    [['2024-07-01', 'takes up', 'Izumi Nakamitsu', 'future']]
    """
    label = lambda key: G.nodes[key]["label"] if key in G else None  # noqa: E731
    rows = []
    for u, v, data in G.edges(data=True):
        if data.get("predicate") not in ("hasRole", "memberOf"):
            continue
        start, end, status = data.get("start"), data.get("end"), data.get("status")
        if start is None and end is None and status is None:
            continue
        role = label(v) if data["predicate"] == "hasRole" else None
        org = label(data.get("organization")) if data["predicate"] == "hasRole" else label(v)
        change = "leaves" if end is not None or status == "former" else "takes up"
        when = (end if change == "leaves" else start) or start or end or ""
        rows.append({"when": when, "change": change, "person": label(u), "role": role, "organization": org,
                     "start": start, "end": end, "status": status})
    frame = pd.DataFrame(rows, columns=["when", "change", "person", "role", "organization", "start", "end",
                                        "status"])
    return frame.sort_values(["when", "person", "role"], ignore_index=True, na_position="first")


def events_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per event: place, start, end, organizer, funders, sponsors, attendees.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> events_frame(to_networkx(sample_results())).iloc[0][["event", "start", "attendees"]].tolist()
    ['Disarmament Conference', '2023-12-04', 'Izumi Nakamitsu']
    """
    attendees = event_participants(G, labels=True)
    kinds = {data["label"]: data.get("event_type") for _, data in G.nodes(data=True) if data.get("type") == "Event"}
    rows = [{**row, "funders": "; ".join(row["funders"]), "sponsors": "; ".join(row["sponsors"]),
             "attendees": "; ".join(attendees.get(row["event"], [])), "type": kinds.get(row["event"])}
            for row in events_table(G, labels=True)]
    return pd.DataFrame(rows, columns=["event", "type", "place", "start", "end", "organizer", "funders",
                                       "sponsors", "attendees"])


_EVENT_LINKS = ("attendee", "organizer", "funder", "sponsor")


def event_connections(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Which events connect whom: one row per (event, participant, how) link.

    ``how`` is ``attendee``, ``organizer``, ``funder`` or ``sponsor``.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> event_connections(to_networkx(sample_results()))[["how", "participant"]].values.tolist()[:2]
    [['attendee', 'Izumi Nakamitsu'], ['funder', 'Government of the Republic of Korea']]
    """
    rows = [{"event": G.nodes[u].get("label", u), "how": d["predicate"],
             "participant": G.nodes[v].get("label", v), "type": G.nodes[v].get("type"),
             "confidence": d.get("confidence"), "event_key": u, "participant_key": v}
            for u, v, d in G.edges(data=True)
            if G.nodes[u].get("type") == "Event" and d.get("predicate") in _EVENT_LINKS]
    frame = pd.DataFrame(rows, columns=["event", "how", "participant", "type", "confidence",
                                        "event_key", "participant_key"])
    return frame.sort_values(["event", "how", "participant"], ignore_index=True)


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node whose key, label or alias is ``name`` (case-insensitive); ``KeyError`` if none.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> find_node(to_networkx(sample_results()), "unoda")
    'organization/united-nations-office-for-disarmament-affairs'
    """
    if name in G:
        return name
    wanted = name.casefold()
    for n, d in G.nodes(data=True):
        if wanted in {x.casefold() for x in [d.get("label", ""), *(d.get("aliases") or [])]}:
            return n
    raise KeyError(f"no node with key, label or alias {name!r}")


def organization_people(G: nx.MultiDiGraph, organization: str) -> pd.DataFrame:
    """The people of one organization (key, label or alias) and their roles in it.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> organization_people(to_networkx(sample_results()), "UNODA").values.tolist()
    [['Izumi Nakamitsu', 'Under-Secretary-General', 'person/izumi-nakamitsu']]
    """
    org = find_node(G, organization)
    people: dict[str, set[str]] = {}
    for u, v, d in G.edges(data=True):
        if d.get("predicate") == "memberOf" and v == org:
            people.setdefault(u, set())
        elif d.get("predicate") == "hasRole" and d.get("organization") == org:
            people.setdefault(u, set()).add(G.nodes[v].get("label", v))
    rows = [{"person": G.nodes[p].get("label", p), "roles": "; ".join(sorted(roles)), "key": p}
            for p, roles in people.items()]
    return pd.DataFrame(rows, columns=["person", "roles", "key"]).sort_values(
        "person", ignore_index=True)


def organizations_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Organizations by how many people they have (roles or membership) and events they join.

    >>> from kgextract.graph import to_networkx
    >>> from kgextract.graph.examples import sample_results
    >>> organizations_frame(to_networkx(sample_results())).values.tolist()[0]  # doctest: +NORMALIZE_WHITESPACE
    ['United Nations Office for Disarmament Affairs', 1, 1,
     'organization/united-nations-office-for-disarmament-affairs']
    """
    people: dict[str, set] = {}
    events: dict[str, set] = {}
    for u, v, d in G.edges(data=True):
        pred = d.get("predicate")
        if pred == "memberOf":
            people.setdefault(v, set()).add(u)
        elif pred == "hasRole" and d.get("organization"):
            people.setdefault(d["organization"], set()).add(u)
        elif pred in _EVENT_LINKS:
            events.setdefault(v, set()).add(u)
    rows = [{"organization": d.get("label", n), "people": len(people.get(n, ())),
             "events": len(events.get(n, ())), "key": n}
            for n, d in G.nodes(data=True) if d.get("type") == "Organization"]
    frame = pd.DataFrame(rows, columns=["organization", "people", "events", "key"])
    return frame.sort_values(["people", "events", "organization"], ascending=[False, False, True],
                             ignore_index=True)


def saved_queries(folder: str | os.PathLike | None = None) -> dict[str, str]:
    """The ``*.rq`` files of ``folder`` (default: ``kgextract/store/queries``), by file stem.

    An absent folder gives an empty dict.

    >>> isinstance(saved_queries(), dict)
    True
    """
    root = Path(folder) if folder is not None else resources.files("kgextract") / "store" / "queries"
    if not root.is_dir():
        return {}
    files = sorted((f for f in root.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return {f.name[:-3]: f.read_text(encoding="utf-8") for f in files}


def _value(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        return float(value) if isinstance(value, Decimal) else str(term)
    if isinstance(term, URIRef) and term.startswith(str(KGX_ID)):
        return str(term)[len(KGX_ID):]
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def query_frame(graph: Graph, query: str, *, label: str = "query", **params) -> pd.DataFrame:
    """Run a SPARQL SELECT on ``graph`` (the union of its named graphs) into a DataFrame.

    ``params`` bind query variables (``person="Ann Lee"`` binds ``?person``/
    ``$person``; strings become plain literals, pass an ``rdflib.URIRef`` for an
    IRI). Literals become Python numbers or strings (dates stay ISO strings);
    kgextract IRIs become keys (``person/ann-lee``). Raises ``KgextractError``
    (E122) when the query fails.

    >>> from kgextract.graph.examples import sample_results
    >>> from kgextract.rdf import to_rdf
    >>> q = "SELECT ?e ?d WHERE { ?e <https://schema.org/startDate> ?d }"
    >>> query_frame(to_rdf(sample_results()), q).values.tolist()
    [['event/disarmament-conference', '2023-12-04']]
    """
    if graph.context_aware and not getattr(graph, "default_union", False):
        graph = union_graph(graph)
    if params:
        # bound as escaped RDF terms in a VALUES block, as the store does (see kgextract.store.bind)
        from kgextract.store.results import prepare

        values = {k: [f"<{v}>" if isinstance(v, URIRef) else v.n3() if isinstance(v, Literal) else str(v)]
                  for k, v in params.items()}
        query, _ = prepare(query, values)
    try:
        result = graph.query(query)
        columns = [str(v) for v in result.vars or []]
        # a SELECT's rows; an ASK's bool is not iterable and fails as E122 below
        rows = [[_value(t) for t in row] for row in result]  # type: ignore[union-attr]
    except Exception as err:  # noqa: BLE001 - rdflib's parser and engine raise many kinds
        raise KgextractError(Errors.E122.format(name=repr(label), err=err)) from err
    return pd.DataFrame(rows, columns=columns)
