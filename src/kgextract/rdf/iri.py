"""Deterministic IRIs for everything kgextract mints.

Every IRI is a pure function of its inputs (entity key, document id, ...);
an entity key's slug comes from :func:`kgextract.base.names.slug`.
the same input always gives the same graph, and nothing is random. Keys and
ids may hold any string; characters that are not safe in an IRI are
percent-encoded (UTF-8), so the result is always a valid IRI. Letters,
digits and marks of any script are kept as they are (they are legal IRI
characters), so non-Latin names stay readable.

>>> entity_iri("person/izumi-nakamitsu")
rdflib.term.URIRef('https://w3id.org/kgextract/id/person/izumi-nakamitsu')
>>> document_iri("seed 2023/12")
rdflib.term.URIRef('https://w3id.org/kgextract/id/doc/seed%202023%2F12')
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

from rdflib import URIRef
from rdflib.term import Node

from kgextract.rdf.namespaces import KGX_ID

__all__ = [
    "encode_segment",
    "entity_iri",
    "document_iri",
    "graph_iri",
    "membership_iri",
    "interval_iri",
    "instant_iri",
    "assertion_iri",
    "extractor_iri",
]

# RFC 3986 "unreserved" ASCII characters: never encoded.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _keep(ch: str, keep_slash: bool) -> bool:
    if ch in _UNRESERVED or (keep_slash and ch == "/"):
        return True
    # Letters, marks and digits outside ASCII are all IRI "ucschar"s.
    return ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LMN"


@lru_cache(maxsize=1 << 14)  # the same keys and ids come back on every triple that names them
def encode_segment(text: str, keep_slash: bool = False) -> str:
    """Percent-encode ``text`` for use as (part of) an IRI path.

    Unreserved ASCII characters and non-ASCII letters, marks and digits are
    kept; everything else (space, quotes, ``<>{}|\\^```, ``%``, controls,
    punctuation, lone surrogates) becomes ``%XX`` of its UTF-8 bytes. The
    encoding is injective, so two different keys never share an IRI. With
    ``keep_slash`` the ``/`` separators stay, and ``.``/``..`` segments are
    encoded so that no IRI resolver can collapse them.

    >>> encode_segment('a b"<c>%')
    'a%20b%22%3Cc%3E%25'
    >>> encode_segment("person/José", keep_slash=True)
    'person/José'
    >>> encode_segment("../x", keep_slash=True)
    '%2E%2E/x'
    """
    out = []
    for ch in text:
        if _keep(ch, keep_slash):
            out.append(ch)
        else:
            raw = ch.encode("utf-8", errors="surrogatepass")
            out.append("".join(f"%{b:02X}" for b in raw))
    encoded = "".join(out)
    if keep_slash:
        parts = encoded.split("/")
        parts = [p.replace(".", "%2E") if p in (".", "..") else p for p in parts]
        encoded = "/".join(parts)
    elif encoded in (".", ".."):
        encoded = encoded.replace(".", "%2E")
    return encoded


def _digest(*parts: object) -> str:
    text = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity: ``kgxid:`` + its key (``type/slug``).

    >>> entity_iri("place/geneva")
    rdflib.term.URIRef('https://w3id.org/kgextract/id/place/geneva')
    >>> entity_iri('org/a "b" <c>')
    rdflib.term.URIRef('https://w3id.org/kgextract/id/org/a%20%22b%22%20%3Cc%3E')
    """
    return URIRef(KGX_ID + encode_segment(key, keep_slash=True))


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document's ``schema:NewsArticle`` node: ``kgxid:doc/<id>``.

    >>> document_iri("seed-unrcpd-2023-12-05")
    rdflib.term.URIRef('https://w3id.org/kgextract/id/doc/seed-unrcpd-2023-12-05')
    """
    return URIRef(f"{KGX_ID}doc/{encode_segment(doc_id)}")


def graph_iri(doc_id: str) -> URIRef:
    """The IRI of the named graph that holds one document: ``kgxid:graph/<id>``.

    >>> graph_iri("d1")
    rdflib.term.URIRef('https://w3id.org/kgextract/id/graph/d1')
    """
    return URIRef(f"{KGX_ID}graph/{encode_segment(doc_id)}")


def membership_iri(person_key: str, role_key: str | None, org_key: str | None) -> URIRef:
    """The IRI of an ``org:Membership``: a hash of person, role and organization.

    A missing role or organization counts as the empty string.

    >>> membership_iri("person/a", "role/ceo", None)
    rdflib.term.URIRef('https://w3id.org/kgextract/id/membership/3cd64d0547a6a3b8')
    """
    return URIRef(f"{KGX_ID}membership/{_digest(person_key, role_key or '', org_key or '')}")


def interval_iri(membership: URIRef, start: str | None, end: str | None) -> URIRef:
    """The IRI of a membership's ``time:Interval``: a hash of the membership and its two ends.

    >>> str(interval_iri(membership_iri("person/a", "role/ceo", None), "2024-07-01", None)).split("/")[-2]
    'interval'
    """
    return URIRef(f"{KGX_ID}interval/{_digest(str(membership), start or '', end or '')}")


def instant_iri(value: str) -> URIRef:
    """The IRI of the ``time:Instant`` of an ISO 8601 date value (one per value, shared).

    >>> instant_iri("2024-07")
    rdflib.term.URIRef('https://w3id.org/kgextract/id/instant/2024-07')
    """
    return URIRef(f"{KGX_ID}instant/{encode_segment(value)}")


def assertion_iri(subject, predicate, obj, doc_id: str, start: int, end: int) -> URIRef:
    """The IRI of one piece of evidence for one triple in one document.

    ``subject``, ``predicate`` and ``obj`` are rdflib terms (or strings); the
    hash covers their N-Triples form, so a literal never collides with an IRI.

    >>> from rdflib import RDF
    >>> iri = assertion_iri(entity_iri("person/a"), RDF.type, "x", "d1", 0, 5)
    >>> str(iri).startswith("https://w3id.org/kgextract/id/assertion/")
    True
    """
    terms = [t.n3() if isinstance(t, Node) else str(t) for t in (subject, predicate, obj)]
    return URIRef(f"{KGX_ID}assertion/{_digest(*terms, doc_id, start, end)}")


def extractor_iri(name: str) -> URIRef:
    """The IRI of an extractor (a rule or pipeline component).

    >>> extractor_iri("kgx.roles.v1")
    rdflib.term.URIRef('https://w3id.org/kgextract/id/extractor/kgx.roles.v1')
    """
    return URIRef(f"{KGX_ID}extractor/{encode_segment(name)}")
