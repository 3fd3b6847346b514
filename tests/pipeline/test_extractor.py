"""The extraction run (kgextract.pipeline.extractor.Extractor): documents in, one result per document out."""

from __future__ import annotations

import catalogue
import pytest

from kgextract.config import ExtractConfig
from kgextract.ingest import document_from_text
from kgextract.models import DocumentError, DocumentResult
from kgextract.pipeline.extractor import Extractor
from kgextract.relations.registry import extractors

pytestmark = pytest.mark.model

TEXTS = {
    "a": "PARIS, 5 May 2023 - Acme Robotics opened a plant. Jane Roe, chief financial officer of Acme Corp, "
         "said the results were strong.",
    "b": "The Global Water Summit took place in Berlin, Germany, on 4 May 2023.",
    "c": "Nothing to see here.",
    "d": "Foreign Minister Jane Roe met the delegation in Oslo on 3 April 2024.",
}


def test_one_result_per_document_in_input_order(extractor):
    docs = [document_from_text(t, i) for i, t in TEXTS.items()]
    out = list(extractor.process(docs))
    assert [r.document.id for r in out] == list(TEXTS)
    assert all(isinstance(r, DocumentResult) for r in out)
    assert out[2].entities == [] and out[2].relations == []


def test_batch_size_does_not_change_results(extractor):
    docs = [document_from_text(t, i) for i, t in TEXTS.items()]
    one = Extractor(ExtractConfig(batch_size=1))
    assert [r.model_dump() for r in one.process(docs)] == [r.model_dump() for r in extractor.process(docs)]


def test_document_is_kept_on_the_result(extractor):
    doc = document_from_text(TEXTS["b"], "b", title="Summit", url="https://example.org/b", source="in/b.txt")
    (res,) = list(extractor.process([doc]))
    assert res.document == doc


def test_a_failing_document_is_reported_and_the_run_goes_on(extractor):
    def boom(doc, context):
        if "Summit" in doc.text:
            raise ValueError("boom")
        return []

    extractors.register("kgx.test.boom.v1", func=boom)
    try:
        docs = [document_from_text(t, i, source=f"in/{i}.txt") for i, t in TEXTS.items()]
        out = list(extractor.process(docs))
    finally:
        catalogue._remove(("kgextract", "relation_extractors", "kgx.test.boom.v1"))
    assert "kgx.test.boom.v1" not in extractors.get_all()
    assert [type(r).__name__ for r in out] == ["DocumentResult", "DocumentError", "DocumentResult",
                                              "DocumentResult"]
    err = out[1]
    assert isinstance(err, DocumentError)
    assert err.code == "E015" and err.source == "in/b.txt"
    assert "in/b.txt" in err.message and "boom" in err.message


def test_every_extractor_has_a_versioned_name():
    import re

    names = sorted(extractors.get_all())
    assert names, "no relation extractor registered"
    for name in names:
        assert re.fullmatch(r"kgx(\.[a-z_]+)+\.v\d+", name), name
