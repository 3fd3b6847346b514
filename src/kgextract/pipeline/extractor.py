"""The extraction run: documents in, one ``DocumentResult`` per document out.

Stages, in order: the spaCy pipeline marks mentions (``nlp``), then the
relation components of ``kgextract.pipeline.components`` add the dateline, read
relations between mentions with the chosen extractors (``relations``) and
merge mentions into entities (``resolve``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from kgextract.config import ExtractConfig
from kgextract.errors import Errors
from kgextract.ingest.decode import valid_unicode
from kgextract.limits import DocumentTimeout, time_limit
from kgextract.models import Document, DocumentError, DocumentResult
from kgextract.nlp.pipeline import build_pipeline
from kgextract.pipeline.allocator import hold_freed_memory
from kgextract.pipeline.components import Dateline, Relations
from kgextract.pipeline.long_text import PIECE_CHARS, parse

__all__ = ["Extractor"]

logger = logging.getLogger("kgextract")


class Extractor:
    """Runs the whole extraction over documents with one loaded pipeline.

    >>> from kgextract.ingest import document_from_text
    >>> ex = Extractor()
    >>> res = next(ex.process([document_from_text(
    ...     "GENEVA, 5 May 2023. Acme Corp named Ann Lee chief executive officer.", "d1")]))
    >>> sorted(e.name for e in res.entities if e.type.value == "Person")
    ['Ann Lee']
    """

    def __init__(self, config: ExtractConfig | None = None):
        self.config = config or ExtractConfig()
        if self.config.hold_freed_memory:
            hold_freed_memory()
        # the relation stage runs after a long text's pieces are joined (kgextract.pipeline.long_text),
        # so it is applied here to the parsed Doc rather than inside ``nlp``; an unknown
        # extractor name (E048) fails before the model is loaded
        self._stages = (Dateline(), Relations(self.config.extractors, self.config.threshold))
        self.nlp = build_pipeline(self.config.model)

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentResult | DocumentError]:
        """Yield a result (or a ``DocumentError``) per document, in input order.

        Documents go through ``nlp.pipe`` in batches. A batch that fails or
        overruns its time is parsed again document by document, so one bad or
        pathological document is reported (E015, E018, E019) and the rest go on.
        """
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.config.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Document]) -> Iterator[DocumentResult | DocumentError]:
        # long texts are parsed alone, in pieces (kgextract.pipeline.long_text): memory stays flat
        ok = [d for d in batch if len(d.text) <= min(self.config.max_chars, PIECE_CHARS)]
        docs: dict[int, Doc] = {}
        try:
            with time_limit(self.config.time_limit * len(ok)):
                docs = {id(d): doc for d, doc in zip(ok, self.nlp.pipe(valid_unicode(d.text) for d in ok), strict=True)}
        except (Exception, DocumentTimeout):  # noqa: BLE001 - retried one by one below, each failure reported
            docs = {}
        for document in batch:
            source = document.source or document.id
            if len(document.text) > self.config.max_chars:
                yield DocumentError(source=source, code="E018", message=Errors.E018.format(
                    source=source, size=len(document.text), limit=self.config.max_chars))
                continue
            try:
                with time_limit(self.config.time_limit):
                    doc = docs.get(id(document)) or parse(self.nlp, valid_unicode(document.text))
                    out = self.result(doc, document)
            except DocumentTimeout:
                yield DocumentError(source=source, code="E019", message=Errors.E019.format(
                    source=source, seconds=self.config.time_limit))
            except Exception as err:  # one bad document never stops the run
                logger.debug("extraction failed for %s", source, exc_info=True)  # E015 says it
                yield DocumentError(source=source, code="E015", message=Errors.E015.format(source=source, err=err))
            else:
                yield out

    def result(self, doc: Doc, document: Document) -> DocumentResult:
        """Relations and entities of one parsed document: the relation components
        (``kgx_dateline``, ``kgx_relations``) run on the whole parsed ``Doc``."""
        doc._.kgx_document = document
        for stage in self._stages:
            doc = stage(doc)
        return DocumentResult(document=document, entities=doc._.entities, relations=doc._.relations)
