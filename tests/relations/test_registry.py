"""The registry of relation extractors (kgextract.relations.registry)."""

from __future__ import annotations

import catalogue
import spacy

from kgextract.ingest import document_from_text
from kgextract.models import Predicate
from kgextract.relations.registry import Candidate, Context, extractors, registered_extractors, run_extractors


def test_registered_extractors_are_catalogues_view():
    assert registered_extractors() == extractors.get_all()


def test_an_extractor_registered_later_is_run():
    doc = spacy.blank("en")("Acme Corp was founded in Oslo.")

    def founded(doc, context):
        yield Candidate(doc[0:2], Predicate.LOCATION, doc[5:6].text, 0.5, "kgx.test.founded.v1", doc[:])

    before = len(run_extractors(doc, Context(document_from_text(doc.text, "d"))))
    extractors.register("kgx.test.founded.v1", func=founded)
    try:
        assert "kgx.test.founded.v1" in registered_extractors()
        out = run_extractors(doc, Context(document_from_text(doc.text, "d")))
    finally:
        catalogue._remove(("kgextract", "relation_extractors", "kgx.test.founded.v1"))
    assert len(out) == before + 1
    assert [c.extractor for c in out].count("kgx.test.founded.v1") == 1
    assert "kgx.test.founded.v1" not in registered_extractors()
