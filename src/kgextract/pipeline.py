"""The extraction run: documents in, one ``DocumentResult`` per document out.

Stages, in order: the spaCy pipeline marks mentions (``nlp``), the dateline is
added, the registered relation extractors read relations between mentions
(``relations``), and mentions are merged into entities (``resolve``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

import kgextract.relations  # noqa: F401  (registers the extractors)
from kgextract.allocator import hold_freed_memory
from kgextract.config import ExtractConfig
from kgextract.errors import Errors
from kgextract.limits import DocumentTimeout, time_limit
from kgextract.long_text import PIECE_CHARS, parse
from kgextract.ingest.dateline import find_dateline
from kgextract.ingest.decode import valid_unicode
from kgextract.models import Document, DocumentError, DocumentResult
from kgextract.nlp.dates import infer_year
from kgextract.nlp.doc_index import doc_text, remembering
from kgextract.nlp.entity_fixes import drop_overlaps
from kgextract.nlp.extensions import MENTIONS
from kgextract.nlp.pipeline import build_pipeline
from kgextract.relations.document import wire_agency
from kgextract.relations.registry import Context, run_extractors
from kgextract.relations.tenure import qualify
from kgextract.resolve.within import resolve_document

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
        # long texts are parsed alone, in pieces (kgextract.long_text): memory stays flat
        ok = [d for d in batch if len(d.text) <= min(self.config.max_chars, PIECE_CHARS)]
        docs: dict[int, Doc] = {}
        try:
            with time_limit(self.config.time_limit * len(ok)):
                docs = {id(d): doc for d, doc in zip(ok, self.nlp.pipe(valid_unicode(d.text) for d in ok))}
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
        """Relations and entities of one parsed document."""
        with remembering(doc):  # the rules ask for the same sentences and mentions again and again
            context = _context(doc, document)
            candidates = qualify(doc, run_extractors(doc, context), context)
            return resolve_document(doc, candidates, document, threshold=self.config.threshold)


def _context(doc: Doc, document: Document) -> Context:
    text = doc_text(doc)
    line = find_dateline(text)  # no year from page metadata: the guide takes dates from the text only
    reference = None
    if line is not None and line.date is not None and len(line.date.start) == 10:
        reference = dt.date.fromisoformat(line.date.start)
        _add_dateline_places(doc, line)
    elif line is not None:
        _add_dateline_places(doc, line)
    if reference is None and document.date and len(document.date) >= 10:
        try:
            reference = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            reference = None
    if reference is None:
        year = infer_year(text)
        reference = dt.date(year, 7, 1) if year else None
    doc._.kgx_dateline = line
    return Context(document=document, reference_date=reference, dateline=line)


def _add_dateline_places(doc: Doc, line) -> None:
    """Make the dateline's place (and region) Place mentions, and its wire service
    ("(AP)") an Organization mention, replacing what overlaps them."""
    spans = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
    new: list[Span] = []
    region = (getattr(line, "region_start", None), getattr(line, "region_end", None))
    for start, end in ((line.place_start, line.place_end), region, *getattr(line, "more_places", ())):
        if start is None or end is None:
            continue
        span = doc.char_span(start, end, label="Place", alignment_mode="expand")
        if span is not None:
            new.append(span)
    agency = wire_agency(doc, line)
    if agency is not None:
        new.append(agency)
    if not new:
        return
    kept = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    doc.spans[MENTIONS] = drop_overlaps(kept + new)
