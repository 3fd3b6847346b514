"""datePublished and locationCreated: when and where the release was issued.

The dateline ("GENEVA, 5 December.") is found by ``ingest.dateline``; a
dateline without a year takes the year the text makes clear. Page metadata
(an HTML page's publication date) is used when the text has no dateline.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kgextract.models import DOC, Predicate
from kgextract.relations.registry import Candidate, Context, extractors
from kgextract.relations.spans import mention_index

__all__ = ["extract_document_facts"]


@extractors.register("kgx.document.v1")
def extract_document_facts(doc: Doc, context: Context) -> Iterator[Candidate]:
    """datePublished and locationCreated from the dateline (or the page's metadata)."""
    line = context.dateline
    first = doc[0 : min(len(doc), 1)]
    if line is not None and line.date is not None:
        ev = doc.char_span(line.date_start, line.date_end, alignment_mode="expand") or first
        yield Candidate(DOC, Predicate.DATE_PUBLISHED, line.date.start, 0.9, "kgx.document.v1", ev)
    elif context.document.date:
        yield Candidate(DOC, Predicate.DATE_PUBLISHED, context.document.date[:10], 0.8, "kgx.document.meta.v1", first)
    if line is not None and line.place is not None:
        span = doc.char_span(line.place_start, line.place_end, alignment_mode="expand")
        if span is not None:
            place = mention_index(doc).get(span.start)
            if place is not None and place.label_ == "Place":
                yield Candidate(DOC, Predicate.LOCATION_CREATED, place, 0.9, "kgx.document.v1", span)
