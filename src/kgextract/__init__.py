"""kgextract: turn press releases into an RDF knowledge graph.

The names below are imported on first use, so that ``kgextract --help``,
``kgextract query`` and the other commands that need no spaCy pipeline start
without loading spaCy.

>>> from kgextract import extract, load, ExtractConfig
"""

from __future__ import annotations

import importlib

from kgextract.version import __version__

__all__ = ["__version__", "load", "extract", "ExtractConfig", "Document", "DocumentResult", "Entity", "Relation",
           "ExtractionResult"]

_HOMES = {
    "load": "kgextract.pipeline.components",
    "extract": "kgextract.api",
    "ExtractConfig": "kgextract.config",
    "Document": "kgextract.models",
    "DocumentResult": "kgextract.models",
    "Entity": "kgextract.models",
    "Relation": "kgextract.models",
    "ExtractionResult": "kgextract.api",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'kgextract' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
