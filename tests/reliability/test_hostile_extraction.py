"""Real extraction of press-release-like texts whose names carry hostile characters.

Each generated text goes through the session's ``Extractor`` (the model is
loaded once), then through the RDF mapping and every output format: the
document never fails, offsets point into the text, and every serialization
parses back to the same graph.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kgextract.ingest import document_from_text
from kgextract.models import DocumentResult
from kgextract.rdf import to_rdf

from .hostile import hostile_name, release_texts
from .test_hostile_rdf import PARSERS, assert_round_trips

pytestmark = pytest.mark.model

SETTINGS = settings(deadline=None, max_examples=25,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


def check_offsets(res: DocumentResult) -> None:
    text = res.document.text
    for ent in res.entities:
        assert ent.name.strip(), f"entity {ent.key!r} has an empty name"
        for m in ent.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start:m.end] == m.text, (m, text[m.start:m.end])
    for rel in res.relations:
        for ev in rel.evidence:
            assert 0 <= ev.start <= ev.end <= len(text), ev
            assert ev.sentence in text, ev


@SETTINGS
@given(text=release_texts(), doc_id=hostile_name(long=300))
@example(text='GENEVA, 5 December 2023 - Ann "<Lee>" {Smith}, chief executive officer of '
              'Acme|Corp\\^`, said the results were strong.', doc_id='d"<>{}')
@example(text="BERLIN, 3 May 2024. \u202eEvil\u202c Corp named Jo\u200fhn \x00Doe\x1b chairman. "
              "Jo\u200fhn \x00Doe\x1b joins from Sa\u2028fe Ltd.", doc_id="\u202e\x00")
@example(text="Acme Corp named X" + "A" * 3000 + " chief executive officer.", doc_id="long")
@example(text="GENEVA, 5 May 2023. Acme Corp named Ann\ud800 Lee\udfff chief executive officer.",
         doc_id="lone \ud800 surrogate")
def test_extraction_of_hostile_releases_round_trips(extractor, text, doc_id):
    (out,) = list(extractor.process([document_from_text(text, doc_id)]))
    assert isinstance(out, DocumentResult), out.message
    check_offsets(out)
    ds = to_rdf([out])
    for fmt in PARSERS:
        assert_round_trips(ds, fmt)


@settings(deadline=None, max_examples=5,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(release_texts(), min_size=2, max_size=4))
def test_one_batch_of_hostile_releases_loses_no_document(extractor, texts):
    docs = [document_from_text(t, f"d{i}") for i, t in enumerate(texts)]
    outs = list(extractor.process(docs))
    assert [o.document.id for o in outs] == [d.id for d in docs]
    for out in outs:
        check_offsets(out)
    ds = to_rdf(outs)
    for fmt in PARSERS:
        assert_round_trips(ds, fmt)
