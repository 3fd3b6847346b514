"""The registry of relation extractors.

An extractor is a function ``(doc: Doc, context: Context) -> Iterable[Candidate]``
registered under a versioned name; adding a relation pattern is adding one
function in one module:

>>> @extractors.register("kgx.example.v1")
... def example(doc, context):
...     return []
>>> "kgx.example.v1" in extractors.get_all()
True
>>> _ = extractors.get_all().pop("kgx.example.v1")  # keep the registry clean
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import catalogue
from spacy.tokens import Doc, Span

from kgextract.models import DOC, Document, Predicate

__all__ = ["Candidate", "Context", "extractors", "DOC"]

extractors = catalogue.create("kgextract", "relation_extractors", entry_points=True)


@dataclass(frozen=True)
class Candidate:
    """A relation between mentions, before mentions are merged into entities.

    ``subject``/``object`` are mention spans, ``DOC``, or (object only) an ISO
    date string. ``evidence`` is the stretch of text the relation was read from.
    """

    subject: Span | str
    predicate: Predicate
    object: Span | str
    confidence: float
    extractor: str
    evidence: Span
    organization: Span | None = None


@dataclass
class Context:
    """What an extractor may know besides the parsed text."""

    document: Document
    reference_date: date | None = None
    dateline: object | None = None
    extras: dict = field(default_factory=dict)


def run_extractors(doc: Doc, context: Context, names: Iterable[str] | None = None) -> list[Candidate]:
    """Run the named extractors (all registered ones by default) over ``doc``."""
    registered = extractors.get_all()
    chosen = sorted(registered) if names is None else list(names)
    out: list[Candidate] = []
    for name in chosen:
        out.extend(registered[name](doc, context))
    return out
