"""datePublished and locationCreated: when and where the release was issued.

The dateline ("GENEVA, 5 December.") is found by ``ingest.dateline``; a
dateline without a year takes the year the text makes clear, never one from a
URL or page metadata, as the annotation guide says (v2). When the text gives
no date at all, a web page's own publication date stands in, under its own
rule (``kgx.document.meta.v1``, lower confidence), so an analyst can tell it
from a date read in the text and drop it. A dateline naming several places
("OSLO, Norway and DENVER, ...") gives one locationCreated for each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kgextract.models import DOC, Predicate
from kgextract.relations.registry import Candidate, Context, extractors
from kgextract.relations.spans import evidence_span, mention_index

__all__ = ["extract_document_facts", "extract_wire_location", "wire_agency"]


@extractors.register("kgx.document.v2")
def extract_document_facts(doc: Doc, context: Context) -> Iterator[Candidate]:
    """datePublished and locationCreated from the dateline or date line (or the page's metadata)."""
    line = context.dateline
    first = doc[0 : min(len(doc), 1)]
    if line is not None and line.date is not None:
        assert line.date_start is not None and line.date_end is not None   # set with the date
        ev = doc.char_span(line.date_start, line.date_end, alignment_mode="expand") or first
        yield Candidate(DOC, Predicate.DATE_PUBLISHED, line.date.start, 0.9, "kgx.document.v2", ev)
    elif context.document.date:
        yield Candidate(DOC, Predicate.DATE_PUBLISHED, context.document.date[:10], 0.8, "kgx.document.meta.v1", first)
    if line is not None and line.place is not None:
        # "OSLO, Norway and DENVER, June 4": a release issued from several places
        for start, end in ((line.place_start, line.place_end), *getattr(line, "more_places", ())):
            span = doc.char_span(start, end, alignment_mode="expand")
            place = mention_index(doc).get(span.start) if span is not None else None
            if span is not None and place is not None and place.label_ == "Place":
                yield Candidate(DOC, Predicate.LOCATION_CREATED, place, 0.9, "kgx.document.v2", span)


#: A wire service's short name: "AP", "XINHUA", "NORD-PRESS", "Xinhua", "PRNewswire" (one word, no
#: digits), or a name ending in "Wire"/"Newswire" ("GLOBE NEWSWIRE", "Business Wire").
_WIRE_NAME = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?|(?:[A-Z][A-Za-z]* ){1,2}(?i:news)?(?i:wire)")


def wire_agency(doc: Doc, line) -> Span | None:
    """The wire service a dateline names in brackets ("LYON, France (AP) --"), as an
    Organization span; None when there is none or the brackets hold something
    longer ("(City Press Office)": an office that issued a release, not a wire).
    """
    start, end = getattr(line, "agency_start", None), getattr(line, "agency_end", None)
    if start is None or end is None or not _WIRE_NAME.fullmatch(doc.text[start:end]):
        return None
    span = doc.char_span(start, end, label="Organization", alignment_mode="strict")
    if span is None:  # "/PRNewswire/" is one token: the mention is the token, its name the wire's
        span = doc.char_span(start, end, label="Organization", alignment_mode="expand")
        if span is None or span.text.strip("/-") != doc.text[start:end]:
            return None
    return span


def _distributor(doc: Doc, line) -> bool:
    """A press-release distributor ("/PRNewswire/", "(GLOBE NEWSWIRE)", "Newswise — Lyon, ...")
    carries the issuer's dateline, not a place it reports from."""
    name = doc.text[line.agency_start:line.agency_end]
    return name.lower().endswith("wire") or doc.text[line.agency_start - 1 : line.agency_start] == "/" \
        or re.match(r"\s*(?:--|\u2014|\u2013)", doc.text[line.agency_end : line.agency_end + 4]) is not None


@extractors.register("kgx.document.wire_location.v1")
def extract_wire_location(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location of a wire service from its dateline: "LYON, France (AP)" puts the
    AP's filing office in Lyon (and France). A byline names where the service
    reports from, not a head office, hence the lower confidence."""
    line = context.dateline
    agency = wire_agency(doc, line) if line is not None else None
    if line is None or agency is None or _distributor(doc, line):
        return
    assert line.agency_start is not None and line.place_start is not None   # an agency is read beside a place
    if line.agency_start < line.place_start:
        # "(ANSA) - ROME, July 6 -": the agency's own story, told from where it happened
        return
    index = mention_index(doc)
    org = index.get(agency.start)
    if org is None or org.label_ != "Organization":
        return
    for start, end in ((line.place_start, line.place_end), (line.region_start, line.region_end)):
        span = doc.char_span(start, end, alignment_mode="expand") if start is not None and end is not None else None
        place = index.get(span.start) if span is not None else None
        if place is not None and place.label_ == "Place":
            yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.document.wire_location.v1",
                            evidence_span(place, org))
