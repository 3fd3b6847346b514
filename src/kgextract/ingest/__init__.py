"""The ingest stage: files (txt, md, html, pdf, jsonl) to ``Document`` models.

>>> from kgextract.ingest import document_from_text
>>> document_from_text("Acme names Ann Lee CEO.", doc_id="d1").id
'd1'
"""

from kgextract.ingest.reader import (
    DEFAULT_MAX_BYTES,
    document_from_text,
    iter_documents,
    read_document,
)

__all__ = ["DEFAULT_MAX_BYTES", "iter_documents", "read_document", "document_from_text"]
