"""Turtle a person can read: the facts first, grouped by type and sorted by label; provenance last.

An analyst opening ``graph.ttl`` meets people, organizations, roles, events,
places and documents (each group under a ``#`` heading, each resource's
``rdf:type`` and labels first), then the memberships that tie people to roles
and organizations, then anything else, and only then the provenance records
(assertions, extractors, merges). Resources minted by kgextract are written
with a prefix per kind (``person:ann-lee``), which Turtle allows only where
the whole IRI is a valid prefixed name; any other IRI is written in full.
The output is deterministic: the same graph always gives the same bytes.

>>> from rdflib import Graph, Literal
>>> from kgextract.rdf.iri import entity_iri
>>> from kgextract.rdf.namespaces import SDO, ORG
>>> g = Graph()
>>> ann, acme = entity_iri("person/ann-lee"), entity_iri("organization/acme")
>>> g += [(acme, RDF.type, SDO.Organization), (acme, RDFS.label, Literal("Acme")),
...       (ann, ORG.memberOf, acme), (ann, RDFS.label, Literal("Ann Lee")), (ann, RDF.type, SDO.Person)]
>>> print(readable_turtle(g).decode().split("\\n\\n", 1)[1].rstrip())
# People
<BLANKLINE>
person:ann-lee a schema:Person ;
    rdfs:label "Ann Lee" ;
    org:memberOf organization:acme .
<BLANKLINE>
# Organizations
<BLANKLINE>
organization:acme a schema:Organization ;
    rdfs:label "Acme" .
"""

from __future__ import annotations

import io
import re

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.plugins.serializers.turtle import TurtleSerializer

from kgextract.base.names import key_prefix
from kgextract.models import EntityType, EventType
from kgextract.rdf.namespaces import KGX, KGX_ID, ORG, PROV, RDF, RDFS, SDO, SKOS, bind_prefixes

__all__ = ["SECTIONS", "KIND_PREFIXES", "readable_turtle"]

#: The groups of the file, in order: a heading and the classes whose members it holds
#: (a resource goes to the first group one of its classes names).
SECTIONS: tuple[tuple[str, tuple[URIRef, ...]], ...] = (
    ("People", (SDO.Person,)),
    ("Organizations", (SDO.Organization,)),
    ("Roles", (ORG.Role,)),
    ("Events", (SDO.Event, *(KGX[kind.value] for kind in EventType))),
    ("Places", (SDO.Place,)),
    ("Documents", (SDO.NewsArticle,)),
    ("Memberships", (ORG.Membership,)),
    ("Other", ()),
    ("Provenance", (KGX.Assertion, KGX.Extractor, PROV.SoftwareAgent, KGX.EntityMerge, PROV.Activity)),
)
_OTHER = next(i for i, (name, _) in enumerate(SECTIONS) if name == "Other")
_PROVENANCE = len(SECTIONS) - 1

#: A prefix per kind of resource kgextract mints (``person:ann-lee``).
KIND_PREFIXES = {kind: Namespace(f"{KGX_ID}{kind}/") for kind in (
    *(key_prefix(t.value).rstrip("/") for t in EntityType),
    "doc", "membership", "assertion", "extractor", "merge")}

# What the labels of a resource are, in the order they are looked for (for sorting).
_LABELS = (RDFS.label, SKOS.prefLabel, SDO.name, SDO.headline, SDO.identifier)
# A safe subset of Turtle's PN_LOCAL: what rdflib may abbreviate to ``prefix:local``.
_LOCAL = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:(?:[A-Za-z0-9_.\-]|%[0-9A-Fa-f]{2})*"
                    r"(?:[A-Za-z0-9_\-]|%[0-9A-Fa-f]{2}))?")


def readable_turtle(graph: Graph) -> bytes:
    """``graph`` as UTF-8 Turtle in reading order (see the module's docstring)."""
    g = Graph()
    for prefix, ns in graph.namespaces():
        g.bind(prefix, ns, replace=True)
    bind_prefixes(g)
    for prefix, kind_ns in KIND_PREFIXES.items():
        g.bind(prefix, kind_ns, replace=True)
    g += graph
    out = io.BytesIO()
    _ReadableSerializer(g).serialize(out, encoding="utf-8")
    return out.getvalue()


class _ReadableSerializer(TurtleSerializer):
    predicateOrder = [RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel]

    def reset(self) -> None:
        super().reset()
        self._section: dict = {}
        self._current: int | None = None

    def orderSubjects(self):  # noqa: N802 - rdflib's name
        keyed = []
        for subject in self._subjects:
            index = self._section_of(subject)
            self._section[subject] = index
            keyed.append((index, isinstance(subject, BNode), self._sort_key(subject, index), str(subject), subject))
        keyed.sort(key=lambda item: item[:4])
        return [item[-1] for item in keyed]

    def statement(self, subject) -> bool:
        index = self._section.get(subject)
        if index is not None and index != self._current and not self._inlined(subject):
            self._current = index
            self.write(f"\n# {SECTIONS[index][0]}\n")
        return super().statement(subject)

    def get_pname(self, uri, gen_prefix: bool = True):
        name = super().get_pname(uri, gen_prefix)
        if name is not None and not _LOCAL.fullmatch(name.split(":", 1)[1] or "a"):
            return None  # not a valid prefixed name in every Turtle parser: write the IRI in full
        return name

    # -- helpers --------------------------------------------------------------

    def _inlined(self, subject) -> bool:
        """A blank node written inside its only referrer (rdflib's ``[ ... ]``) has no heading."""
        return isinstance(subject, BNode) and self._references[subject] == 1

    def _section_of(self, subject) -> int:
        types = set(self.store.objects(subject, RDF.type))
        for index, (_, classes) in enumerate(SECTIONS):
            if types.intersection(classes):
                return index
        if isinstance(subject, URIRef) and any(
                p in (RDF.subject, PROV.wasAttributedTo) for p in self.store.predicates(subject)):
            return _PROVENANCE
        return _OTHER

    def _sort_key(self, subject, index: int) -> tuple:
        store = self.store
        if index == _PROVENANCE:  # evidence grouped by the statement it supports, in text order
            start = store.value(subject, KGX.startOffset)
            return (self._label(store.value(subject, RDF.subject)), str(store.value(subject, RDF.predicate)),
                    self._label(store.value(subject, RDF.object)), int(start) if start is not None else -1)
        if SECTIONS[index][0] == "Memberships":
            return tuple(self._label(store.value(subject, p)) for p in (ORG.member, ORG.role, ORG.organization))
        return (self._label(subject),)

    def _label(self, node) -> str:
        if node is None:
            return ""
        if isinstance(node, Literal):
            return str(node)
        for predicate in _LABELS:
            values = sorted(str(v) for v in self.store.objects(node, predicate))
            if values:
                return values[0].casefold() + "\x00" + values[0]
        return "\x01" + str(node)  # unlabelled after labelled
