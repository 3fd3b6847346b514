"""Word files (.docx) to text with python-docx: paragraphs, headings and tables in document order.

A table row becomes one paragraph, its cells separated by a space (as a row of
an HTML table); a cell merged across columns is read once. The title comes from
the file's properties. An encrypted, legacy (.doc) or corrupt file raises
``DocumentFailed`` with E023.

>>> docx_to_text(b"PK\\x03\\x04 not really a zip", "x.docx")  # doctest: +ELLIPSIS
Traceback (most recent call last):
kgextract.errors.DocumentFailed: [E023] Cannot read the Word file 'x.docx': ...
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from kgextract.errors import DocumentFailed, Errors
from kgextract.ingest.decode import normalise_newlines
from kgextract.ingest.html import Extracted

__all__ = ["docx_to_text"]

logger = logging.getLogger("kgextract")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of encrypted .docx and of legacy .doc files


def docx_to_text(data: bytes, source: str) -> Extracted:
    """The text of a .docx (paragraphs separated by blank lines) and its title."""
    if data.startswith(_OLE):
        raise DocumentFailed("E023", Errors.E023.format(
            source=source, err="it is encrypted with a password or a legacy .doc file"))
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        paragraphs = [text for text in _blocks(document) if text]
        title = document.core_properties.title
    except DocumentFailed:
        raise
    except Exception as err:  # noqa: BLE001 - zipfile, lxml and python-docx raise many kinds on bad input
        logger.debug("python-docx failed on %s", source, exc_info=True)
        raise DocumentFailed(
            "E023", Errors.E023.format(source=source, err=f"{type(err).__name__}: {err}")
        ) from err
    title = " ".join(title.split()) if isinstance(title, str) else ""
    return Extracted("\n\n".join(paragraphs), title=title or None)


def _blocks(document) -> Iterator[str]:
    """Each paragraph and each table row of the body, in order (tables nested in cells included)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _line(item.text)
        elif isinstance(item, Table):
            yield from _table(item)


def _table(table) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated for each column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(_line(p.text) for p in cell.paragraphs if p.text.strip()))
            for inner in cell.tables:
                yield from _table(inner)
        yield " ".join(text for text in cells if text)


def _line(text: str) -> str:
    """A paragraph's text: runs of spaces closed up, soft line breaks kept as newlines."""
    lines = (" ".join(line.split()) for line in normalise_newlines(text).split("\n"))
    return "\n".join(line for line in lines if line)
