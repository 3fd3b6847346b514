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

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import catalogue
from spacy.tokens import Doc, Span

from kgextract.models import DOC, Document, Predicate

__all__ = ["Candidate", "Context", "extractors", "registered_extractors", "run_extractors", "DOC"]

extractors = catalogue.create("kgextract", "relation_extractors", entry_points=True)


@dataclass(frozen=True)
class Candidate:
    """A relation between mentions, before mentions are merged into entities.

    ``subject``/``object`` are mention spans, ``DOC``, or (object only) an ISO
    date string. ``evidence`` is the stretch of text the relation was read from.
    ``qualifiers`` are a membership's start, end and status, each with its own
    evidence (``relations.tenure.QualifierCandidate``).
    """

    subject: Span | str
    predicate: Predicate
    object: Span | str
    confidence: float
    extractor: str
    evidence: Span
    organization: Span | None = None
    qualifiers: tuple = ()


@dataclass
class Context:
    """What an extractor may know besides the parsed text."""

    document: Document
    reference_date: date | None = None
    dateline: object | None = None
    extras: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def _plugin_extractors() -> dict[str, Callable]:
    # Other packages' extractors, from their entry points. Looked up once per
    # process: scanning the installed packages costs more than running the rules.
    return extractors.get_entry_points()


def registered_extractors() -> dict[str, Callable]:
    """Every registered extractor by name: ``extractors.get_all()``, with the entry points read once."""
    local = {key[-1]: func for key, func in list(catalogue.REGISTRY.items()) if key[:-1] == extractors.namespace}
    return {**_plugin_extractors(), **local}


def run_extractors(doc: Doc, context: Context, names: Iterable[str] | None = None) -> list[Candidate]:
    """Run the named extractors (all registered ones by default) over ``doc``."""
    registered = registered_extractors()
    chosen = sorted(registered) if names is None else list(names)
    out: list[Candidate] = []
    for name in chosen:
        out.extend(registered[name](doc, context))
    return out
