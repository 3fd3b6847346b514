"""kgextract: turn press releases into an RDF knowledge graph.

The names below are imported on first use, so that ``kgextract --help``,
``kgextract query`` and the other commands that need no spaCy pipeline start
without loading spaCy.

>>> from kgextract import extract, load, ExtractConfig
"""

from __future__ import annotations

from kgextract.lazy import lazy_exports
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


__getattr__, __dir__ = lazy_exports(globals(), _HOMES)
