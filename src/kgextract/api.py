"""The Python API: ``kgextract.extract``.

>>> import kgextract
>>> result = kgextract.extract("BERLIN, 3 May 2024. Acme Corp named Ann Lee chief executive officer.")
>>> [e.name for e in result.documents[0].entities if e.type.value == "Person"]
['Ann Lee']
>>> graph = result.to_networkx()
>>> dataset = result.to_rdf()
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field
from rdflib import Dataset

from kgextract.config import ExtractConfig
from kgextract.graph.build import to_networkx
from kgextract.ingest import document_from_text, iter_documents
from kgextract.models import Document, DocumentError, DocumentResult
from kgextract.pipeline.extractor import Extractor
from kgextract.rdf.corpus import to_rdf

__all__ = ["extract", "ExtractionResult"]

Source = str | os.PathLike | Document


class ExtractionResult(BaseModel):
    """The result of :func:`extract`: one ``DocumentResult`` per document, plus failures.

    Convert it with :meth:`to_networkx` or :meth:`to_rdf`.
    """

    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentResult] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as a ``networkx.MultiDiGraph``: :func:`kgextract.graph.to_networkx` of the documents."""
        return to_networkx(self.documents)

    def to_rdf(self) -> Dataset:
        """The graph as an ``rdflib.Dataset``: :func:`kgextract.rdf.to_rdf` of the documents (one
        named graph per document, plus the corpus graph with the merges across documents and the
        gazetteer links)."""
        return to_rdf(self.documents)


def _documents(inputs: Source | Iterable[Source], max_bytes: int):
    items = [inputs] if isinstance(inputs, (str, os.PathLike, Document)) else list(inputs)
    for n, item in enumerate(items):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and "\n" not in item and len(item) < 4096
                                               and Path(item).exists()):
            yield from iter_documents(Path(item), max_bytes=max_bytes)
        else:
            yield document_from_text(str(item), doc_id="text" if len(items) == 1 else f"text-{n + 1}")


def extract(inputs: Source | Iterable[Source], *, config: ExtractConfig | None = None, **settings) -> ExtractionResult:
    """Extract entities and relations from texts, files or folders.

    ``inputs`` is a text, a path (file or folder), a ``Document``, or a list
    of those. ``settings`` override fields of :class:`ExtractConfig`
    (``model``, ``threshold``, ``batch_size``, ``max_bytes``).
    """
    config = ExtractConfig(**{**(config or ExtractConfig()).model_dump(), **settings})  # typos fail here
    extractor = Extractor(config)
    docs: list[Document] = []
    errors: list[DocumentError] = []
    for item in _documents(inputs, config.max_bytes):
        if isinstance(item, DocumentError):
            errors.append(item)
        else:
            docs.append(item)
    results: list[DocumentResult] = []
    for out in extractor.process(docs):
        if isinstance(out, DocumentError):
            errors.append(out)
        else:
            results.append(out)
    return ExtractionResult(documents=results, errors=errors)
