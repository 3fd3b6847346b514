"""Shared fixtures: one ``Extractor`` per test session, and a compact view of its results.

Tests that use ``extractor``, ``nlp`` or ``run`` need the statistical spaCy
model and carry the ``model`` marker. When no English pipeline is installed
at all they are skipped (an installed but broken model still fails).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cached_property

import pytest

from kgextract.config import MODEL_PREFERENCE
from kgextract.models import DOC, DocumentResult, Entity, EntityType

__all__ = ["Facts", "norm"]


def norm(text: str) -> str:
    """Compare names loosely: case, inner white space and end punctuation do not matter."""
    return " ".join(text.casefold().split()).strip(".,;:")


@dataclass(frozen=True)
class Facts:
    """A ``DocumentResult`` seen by names instead of keys, for table-driven asserts.

    ``triples`` holds ``(subject name, predicate, object name or date)`` with
    names normalised by :func:`norm`; the document is ``"DOC"``.
    """

    result: DocumentResult

    @property
    def text(self) -> str:
        return self.result.document.text

    def _name(self, key: str) -> str:
        if key == DOC:
            return DOC
        ent = self.result.entity(key)
        return norm(ent.name) if ent is not None else key

    @cached_property
    def triples(self) -> set[tuple[str, str, str]]:
        return {(self._name(r.subject), r.predicate.value, self._name(r.object)) for r in self.result.relations}

    @cached_property
    def roles(self) -> set[tuple[str, str, str | None]]:
        """``(person, role, organization or None)`` for each hasRole."""
        return {
            (self._name(r.subject), self._name(r.object), self._name(r.organization) if r.organization else None)
            for r in self.result.relations if r.predicate.value == "hasRole"
        }

    def names(self, etype: str) -> list[str]:
        """Normalised names of the entities of one type, sorted."""
        return sorted(norm(e.name) for e in self.result.entities if e.type is EntityType(etype))

    def entities(self, etype: str) -> list[Entity]:
        return [e for e in self.result.entities if e.type is EntityType(etype)]

    def entity(self, etype: str, name: str) -> Entity:
        """The one entity of this type whose name or an alias is ``name``."""
        found = [e for e in self.entities(etype) if norm(name) in {norm(n) for n in [e.name, *e.aliases]}]
        assert len(found) == 1, f"expected one {etype} named {name!r}, got {found} in {self.names(etype)}"
        return found[0]


def _any_model_installed() -> bool:
    return any(importlib.util.find_spec(name) is not None for name in MODEL_PREFERENCE)


@pytest.fixture(scope="session")
def extractor():
    """The default ``Extractor``, built once per session."""
    if not _any_model_installed():
        pytest.skip("no English spaCy pipeline installed")
    from kgextract.pipeline.extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    """The assembled spaCy pipeline (model + kgextract components)."""
    return extractor.nlp


@pytest.fixture(scope="session")
def run(extractor):
    """``run(text, doc_id="d1") -> Facts``: extract one text (results cached per session)."""
    from kgextract.ingest import document_from_text

    cache: dict[tuple[str, str], Facts] = {}

    def _run(text: str, doc_id: str = "d1") -> Facts:
        if (text, doc_id) not in cache:
            (out,) = list(extractor.process([document_from_text(text, doc_id)]))
            assert isinstance(out, DocumentResult), out
            cache[(text, doc_id)] = Facts(out)
        return cache[(text, doc_id)]

    return _run
