"""PDF to text: the text layer of every page, read with pypdf.

Scanned PDFs (no text layer) and malformed files raise ``DocumentFailed``
with E016; OCR is out of scope.
"""

from __future__ import annotations

import io
import logging

from kgextract.errors import DocumentFailed, Errors
from kgextract.ingest.decode import normalise_newlines
from kgextract.ingest.html import Extracted

__all__ = ["pdf_to_text"]

logger = logging.getLogger("kgextract")


def pdf_to_text(data: bytes, source: str) -> Extracted:
    """Return the text layer of a PDF (pages separated by blank lines) and its title.

    >>> pdf_to_text(b"%PDF-1.4 not really", "x.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kgextract.errors.DocumentFailed: [E016] Cannot read the PDF 'x.pdf': ...
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValueError("it is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _title(reader)
    except DocumentFailed:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf raises many kinds on bad input
        logger.debug("pypdf failed on %s", source, exc_info=True)
        raise DocumentFailed(
            "E016", Errors.E016.format(source=source, err=f"{type(err).__name__}: {err}")
        ) from err
    text = "\n\n".join(
        page.strip("\n") for page in (normalise_newlines(p) for p in pages) if page.strip()
    )
    if not text:
        raise DocumentFailed(
            "E016", Errors.E016.format(source=source, err="no page has a text layer")
        )
    return Extracted(text, title=title)


def _title(reader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # noqa: BLE001 - a broken info dictionary is not fatal
        return None
    return " ".join(title.split()) or None if isinstance(title, str) else None
