"""containedInPlace, organization location and parentOrganization.

- "Berlin, Germany" / "ARMONK, N.Y.": a place, a comma, a place;
- "the American Academy in Berlin": a venue in a place;
- "the Geneva-based X", "X, headquartered in Y": where an organization is based;
- "the ILO's Governing Body", "X, a unit of Y": one organization part of another.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kgextract.models import Predicate
from kgextract.relations.registry import Candidate, Context, extractors
from kgextract.relations.spans import evidence_span, mention_index, mentions

__all__ = ["extract_contained_in", "extract_org_location", "extract_parent_org"]

_BASED = {"based", "headquartered", "located"}
_PART_WORDS = {"unit", "part", "subsidiary", "division", "arm", "branch", "agency", "department", "member"}


@extractors.register("kgx.places.contained.v1")
def extract_contained_in(doc: Doc, context: Context) -> Iterator[Candidate]:
    """containedInPlace from "Place, Place" and "Venue in Place"."""
    index = mention_index(doc)
    for place in mentions(doc, "Place"):
        j = place.end
        if j + 1 < len(doc) and doc[j].text == ",":
            outer = index.get(j + 1)
            if outer is not None and outer.label_ == "Place" and outer.start == j + 1:
                after = doc[outer.end] if outer.end < len(doc) else None
                # "Berlin, Germany, ..." but not a list "Berlin, Seoul, and Tokyo"
                if after is None or after.lower_ not in ("and", "or") and not _list_follows(doc, outer.end, index):
                    yield Candidate(place, Predicate.CONTAINED_IN_PLACE, outer, 0.8,
                                    "kgx.places.contained.v1", evidence_span(place, outer))
        if j + 1 < len(doc) and doc[j].lower_ in ("in", "at") and _is_venue(place):
            outer = index.get(j + 1)
            if outer is not None and outer.label_ == "Place" and outer.start == j + 1:
                yield Candidate(place, Predicate.CONTAINED_IN_PLACE, outer, 0.75,
                                "kgx.places.contained.v1", evidence_span(place, outer))
    for venue in mentions(doc, "Organization"):
        # "held at the Nobel Peace Center in Oslo": a venue the model read as an organization
        j = venue.end
        before = doc[venue.start - 2 : venue.start] if venue.start >= 2 else doc[0:0]
        if j + 1 < len(doc) and doc[j].lower_ == "in" and any(t.lower_ == "at" for t in before):
            outer = index.get(j + 1)
            if outer is not None and outer.label_ == "Place" and outer.start == j + 1:
                yield Candidate(venue, Predicate.CONTAINED_IN_PLACE, outer, 0.7,
                                "kgx.places.contained.v1", evidence_span(venue, outer))


def _list_follows(doc: Doc, i: int, index) -> bool:
    if i + 1 < len(doc) and doc[i].text == ",":
        nxt = index.get(i + 1)
        return nxt is not None and nxt.label_ == "Place" and (nxt.end >= len(doc) or doc[nxt.end].lower_ in (",", "and"))
    return False


def _titled(doc: Doc, org, index: dict) -> bool:
    """True for "Head of the UN in Vienna": the organization is the tail of a title, and the place qualifies the title."""
    i = org.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "of", "at"):
        i -= 1
    span = index.get(i)
    if span is not None and span.label_ == "Role":
        return True
    # "Head of the UN in Vienna": a capitalised word before "of (the)" heads the phrase
    return i >= 0 and i < org.start - 1 and doc[i + 1].lower_ == "of" and doc[i].text.lstrip("-–").istitle() \
        and span is None


def _after_at(doc: Doc, span) -> bool:
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return "at" in before


def _is_venue(span) -> bool:
    return len(span) > 1 or span.root.ent_type_ == "FAC"


@extractors.register("kgx.places.org_location.v1")
def extract_org_location(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location of an organization: "Geneva-based X", "X, headquartered in Y"."""
    index = mention_index(doc)
    for org in mentions(doc, "Organization"):
        k = org.start - 1
        if k >= 2 and doc[k].lower_ in _BASED and doc[k - 1].text == "-":
            place = index.get(k - 2)
            if place is not None and place.label_ == "Place":
                yield Candidate(org, Predicate.LOCATION, place, 0.8, "kgx.places.org_location.v1",
                                evidence_span(place, org))
        # "Moscow's Bolshoi Ballet"
        if k >= 1 and doc[k].tag_ == "POS":
            place = index.get(k - 1)
            if place is not None and place.label_ == "Place":
                yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.places.org_location.v1",
                                evidence_span(place, org))
        # "Pacific Marine Inc. of Houston", "the Center for Disease Control in Fort Collins"
        # (not a venue: "at the American Academy in Berlin"; not a title's remit: "Head of the UN in Vienna")
        j = org.end
        if j + 1 < len(doc) and doc[j].lower_ in ("of", "in") and not _titled(doc, org, index) and not _after_at(doc, org):
            place = index.get(j + 1)
            if place is not None and place.label_ == "Place" and place.start == j + 1:
                yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.places.org_location.v1",
                                evidence_span(org, place))
        j = org.end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j + 2 < len(doc) and doc[j].lower_ in _BASED and doc[j + 1].lower_ in ("in", "at"):
            place = index.get(j + 2)
            if place is not None and place.label_ == "Place":
                yield Candidate(org, Predicate.LOCATION, place, 0.8, "kgx.places.org_location.v1",
                                evidence_span(org, place))


@extractors.register("kgx.orgs.parent.v1")
def extract_parent_org(doc: Doc, context: Context) -> Iterator[Candidate]:
    """parentOrganization from "X's Y" and "Y, a unit/part/subsidiary of X"."""
    index = mention_index(doc)
    for org in mentions(doc, "Organization"):
        k = org.start - 1
        if k >= 1 and doc[k].tag_ == "POS":
            owner = index.get(k - 1)
            if owner is not None and owner.label_ == "Organization":
                yield Candidate(org, Predicate.PARENT_ORGANIZATION, owner, 0.7, "kgx.orgs.parent.v1",
                                evidence_span(owner, org))
        j = org.end
        if j + 4 < len(doc) and doc[j].text == ",":
            window = doc[j + 1 : j + 6]
            part = next((t for t in window if t.lower_ in _PART_WORDS), None)
            if part is not None and part.i + 1 < len(doc) and doc[part.i + 1].lower_ == "of":
                k = part.i + 2
                if k < len(doc) and doc[k].lower_ == "the":
                    k += 1
                parent = index.get(k)
                if parent is not None and parent.label_ == "Organization":
                    yield Candidate(org, Predicate.PARENT_ORGANIZATION, parent, 0.8, "kgx.orgs.parent.v1",
                                    evidence_span(org, parent))
