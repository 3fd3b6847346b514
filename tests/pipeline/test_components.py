"""Relations from ``nlp(text)``: the kgx_dateline and kgx_relations components (kgextract.pipeline.components)."""

from __future__ import annotations

import pytest
import spacy

import kgextract
from kgextract.config import ExtractConfig
from kgextract.errors import KgextractError
from kgextract.ingest import document_from_text
from kgextract.models import DocumentResult
from kgextract.nlp.pipeline import COMPONENTS, assemble
from kgextract.pipeline.components import RELATION_COMPONENTS, selected_extractors
from kgextract.pipeline.extractor import Extractor
from kgextract.relations import registry
from kgextract.run.fingerprint import extraction_fingerprint

# invented: a dateline with place and date, then an appointment
TEXT = "BERGEN, 14 June 2022 -- Tindra Labs appointed Oskar Lind as chief financial officer."


@pytest.fixture(scope="module")
def loaded(extractor):  # ``extractor`` skips the module when no English model is installed
    return kgextract.load()


@pytest.fixture(scope="module")
def mentions_only(extractor):
    """A new pipeline with the model and the mention components only."""
    return assemble("auto")


def _triples(relations) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate.value, r.object) for r in relations}


@pytest.mark.model
def test_load_gives_relations_with_evidence(loaded):
    doc = loaded(TEXT)
    assert list(loaded.pipe_names[-2:]) == list(RELATION_COMPONENTS)
    triples = _triples(doc._.relations)
    assert ("person/oskar-lind", "hasRole", "role/chief-financial-officer") in triples
    assert ("DOC", "datePublished", "2022-06-14") in triples  # from the dateline component
    assert {"Oskar Lind", "Tindra Labs"} <= {e.name for e in doc._.entities}
    for relation in doc._.relations:
        assert relation.evidence, relation
        for ev in relation.evidence:
            assert ev.sentence in TEXT and TEXT[ev.start:ev.end] in ev.sentence
            assert ev.extractor.startswith("kgx.") and ev.doc_id == "text"


@pytest.mark.model
def test_the_pipeline_has_no_missing_requirements(loaded):
    problems = loaded.analyze_pipes()["problems"]
    assert problems and all(not missing for missing in problems.values()), problems


@pytest.mark.model
def test_extractor_and_load_give_the_same_relations(loaded, extractor):
    (result,) = extractor.process([document_from_text(TEXT, "text")])
    assert isinstance(result, DocumentResult)
    doc = loaded(TEXT)
    assert result.relations == doc._.relations and result.entities == doc._.entities


@pytest.mark.model
def test_the_document_record_on_the_doc_is_used(loaded):
    doc = loaded.make_doc("Tindra Labs appointed Oskar Lind as chief financial officer.")
    doc._.kgx_document = document_from_text(doc.text, "r7", date="2021-02-03")
    for _, component in loaded.pipeline:
        doc = component(doc)
    assert doc._.kgx_doc_date.isoformat() == "2021-02-03"  # no dateline: the metadata's date
    assert {ev.doc_id for r in doc._.relations for ev in r.evidence} == {"r7"}


@pytest.mark.model
def test_add_pipe_selects_extractors_by_name(mentions_only):
    nlp = mentions_only
    assert "kgx_relations" not in nlp.pipe_names and list(COMPONENTS) == nlp.pipe_names[-len(COMPONENTS):]
    nlp.add_pipe("kgx_relations", name="document_only", config={"extractors": ["kgx.document.v2"]})
    try:
        doc = nlp(TEXT)
    finally:
        nlp.remove_pipe("document_only")
    predicates = {r.predicate.value for r in doc._.relations}
    # the dateline is read even without kgx_dateline in the pipeline; no role was read
    assert predicates == {"datePublished", "locationCreated"}
    nlp.add_pipe("kgx_relations", name="nothing", config={"extractors": []})
    try:
        doc = nlp(TEXT)
    finally:
        nlp.remove_pipe("nothing")
    assert doc._.relations == [] and "Oskar Lind" in {e.name for e in doc._.entities}


def test_an_unknown_extractor_is_a_numbered_error_listing_the_available_ones():
    nlp = spacy.blank("en")
    with pytest.raises(KgextractError, match=r"\[E048\].*'kgx\.nope\.v1'.*kgx\.document\.v2.*kgx\.roles\.v1"):
        nlp.add_pipe("kgx_relations", config={"extractors": ["kgx.nope.v1"]})
    with pytest.raises(KgextractError, match="E048"):  # before any model is loaded
        Extractor(ExtractConfig(model="xx_no_such_model", extractors=["kgx.nope.v1"]))


def test_the_default_selection_is_every_built_in_extractor_in_name_order():
    chosen = selected_extractors()
    assert chosen == sorted(registry.builtin_extractors()) and "kgx.roles.v1" in chosen
    assert selected_extractors(["kgx.roles.v1", "kgx.document.v2", "kgx.roles.v1"]) == ["kgx.roles.v1",
                                                                                         "kgx.document.v2"]


def test_plugins_run_only_when_named(monkeypatch):
    calls = []

    def plugin(doc, context):
        calls.append(doc.text)
        return []

    monkeypatch.setattr(registry, "_plugin_extractors", lambda: {"acme.plugin.v1": plugin})
    doc = spacy.blank("en")("Nothing here.")
    context = registry.Context(document_from_text(doc.text, "d"))
    registry.run_extractors(doc, context)
    assert calls == [] and "acme.plugin.v1" not in selected_extractors()
    registry.run_extractors(doc, context, selected_extractors(["acme.plugin.v1"]))
    assert calls == ["Nothing here."]


def test_the_cache_fingerprint_follows_the_extractor_selection(monkeypatch):
    default = extraction_fingerprint(ExtractConfig())
    roles = extraction_fingerprint(ExtractConfig(extractors=["kgx.roles.v1"]))
    both = extraction_fingerprint(ExtractConfig(extractors=["kgx.roles.v1", "kgx.document.v2"]))
    assert len({default, roles, both}) == 3
    assert roles == extraction_fingerprint(ExtractConfig(extractors=["kgx.roles.v1"]))
    # a plugin's code is not hashed: its package's version stands for it
    monkeypatch.setattr(registry, "plugin_extractors", lambda: {"acme.plugin.v1": ("acme-kgx", "1.0")})
    first = extraction_fingerprint(ExtractConfig(extractors=["acme.plugin.v1"]))
    monkeypatch.setattr(registry, "plugin_extractors", lambda: {"acme.plugin.v1": ("acme-kgx", "1.1")})
    assert extraction_fingerprint(ExtractConfig(extractors=["acme.plugin.v1"])) != first
