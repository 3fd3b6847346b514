"""Vocabularies used in the RDF output, as rdflib namespace objects.

The project's own terms live in a closed namespace, so a typo such as
``KGX.confidance`` raises at once instead of minting a stray IRI.

>>> str(KGX.confidence)
'https://w3id.org/kgextract/ontology#confidence'
>>> str(SDO.Person)
'https://schema.org/Person'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Namespace
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, TIME, XSD, ClosedNamespace

if TYPE_CHECKING:   # at run time a module-level name of this class sets pytest's doctest finder warning
    from rdflib.namespace import DefinedNamespace

__all__ = ["SDO", "ORG", "SKOS", "PROV", "RDF", "RDFS", "TIME", "XSD", "KGX", "KGX_ID", "PREFIXES", "bind_prefixes",
           "prefix_iris"]

#: schema.org, with the https IRI form the annotation guide's contract uses.
SDO = Namespace("https://schema.org/")

#: Base of every resource kgextract mints (entities, documents, assertions).
KGX_ID = Namespace("https://w3id.org/kgextract/id/")

#: The project's own terms, declared in ``ontologies/kgextract.ttl``.
KGX = ClosedNamespace(
    "https://w3id.org/kgextract/ontology#",
    terms=[
        # classes
        "Assertion",  # one piece of evidence for one triple (an rdf:Statement)
        "Extractor",  # the rule or component that produced an assertion
        "EntityMerge",  # a record that several mentions/names were merged
        # evidence properties
        "sentence",  # the sentence text the triple was read from
        "startOffset",  # character offset of the evidence span in the document
        "endOffset",
        "confidence",  # 0..1
        "mentionText",  # the surface form of a mention
        # merge records
        "mergedName",  # a name (or mention) folded into an entity
        "mergeRule",  # which rule merged it
        "mergedInto",  # the entity the names were folded into
        # document helpers
        "sourcePath",  # where the document was read from
        "contentHash",  # sha256 of the document text
        # event types (each a subclass of schema:Event)
        "Meeting",
        "Visit",
        "Conference",
        "Signing",
        "Ceremony",
        "Other",
        # membership status at the release's date
        "MembershipStatus",
        "status",
        "former",
        "future",
    ],
)


#: The one prefix table: the bindings of every graph kgextract serializes (Turtle,
#: TriG), the JSON-LD ``@context``, the prologue the store gives every SPARQL query,
#: and the prefixed names of query results.
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "schema": SDO, "org": ORG, "skos": SKOS, "prov": PROV, "kgx": KGX, "kgxid": KGX_ID,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "time": TIME,
}


def prefix_iris() -> dict[str, str]:
    """:data:`PREFIXES` as plain strings (for JSON-LD and SPARQL).

    >>> prefix_iris()["kgx"]
    'https://w3id.org/kgextract/ontology#'
    """
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def bind_prefixes(graph) -> None:
    """Bind the prefixes of :data:`PREFIXES` on an rdflib graph or dataset.

    >>> from rdflib import Graph
    >>> g = Graph(); bind_prefixes(g)
    >>> str(dict(g.namespaces())["kgxid"]) == str(KGX_ID)
    True
    """
    for prefix, ns in PREFIXES.items():
        # "schema" may come bound to http://schema.org/ (older rdflib): ours is the https form
        graph.bind(prefix, ns, replace=prefix == "schema")
