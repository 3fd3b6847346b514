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
import importlib.metadata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import catalogue
from spacy.tokens import Doc, Span

from kgextract.models import DOC, Document, Predicate

if TYPE_CHECKING:
    from kgextract.ingest.dateline import Dateline

__all__ = ["Candidate", "Context", "extractors", "registered_extractors", "builtin_extractors", "plugin_extractors",
           "run_extractors", "DOC"]

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
    dateline: Dateline | None = None


@functools.lru_cache(maxsize=1)
def _plugin_extractors() -> dict[str, Callable]:
    # Other packages' extractors, from their entry points. Looked up once per
    # process: scanning the installed packages costs more than running the rules.
    return extractors.get_entry_points()


def builtin_extractors() -> dict[str, Callable]:
    """The extractors registered in code (kgextract's own, and any registered on import), by name."""
    return {key[-1]: func for key, func in list(catalogue.REGISTRY.items()) if key[:-1] == extractors.namespace}


def plugin_extractors() -> dict[str, tuple[str, str]]:
    """``name -> (distribution, version)`` of the extractors other packages declare
    through the ``kgextract_relation_extractors`` entry point (they run only when named).

    >>> isinstance(plugin_extractors(), dict)
    True
    """
    out: dict[str, tuple[str, str]] = {}
    group = "_".join(extractors.namespace)
    for point in importlib.metadata.entry_points(group=group):
        dist = point.dist
        out[point.name] = (dist.name, dist.version) if dist is not None else ("", "")
    return out


def registered_extractors() -> dict[str, Callable]:
    """Every registered extractor by name: ``extractors.get_all()``, with the entry points read once."""
    return {**_plugin_extractors(), **builtin_extractors()}


def run_extractors(doc: Doc, context: Context, names: Iterable[str] | None = None) -> list[Candidate]:
    """Run the named extractors over ``doc``; by default every built-in one, by name
    (a plugin's runs only when named)."""
    registered = registered_extractors() if names is not None else builtin_extractors()
    chosen = sorted(registered) if names is None else list(names)
    out: list[Candidate] = []
    for name in chosen:
        out.extend(registered[name](doc, context))
    return out
