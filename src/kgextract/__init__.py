"""kgextract: turn press releases into an RDF knowledge graph.

>>> from kgextract import extract, ExtractConfig
"""

from kgextract.api import extract
from kgextract.config import ExtractConfig
from kgextract.models import Document, DocumentResult, Entity, ExtractionResult, Relation

__version__ = "0.1.0"
__all__ = ["extract", "ExtractConfig", "Document", "DocumentResult", "Entity", "Relation", "ExtractionResult"]
