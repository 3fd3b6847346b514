"""Read files into ``Document`` models, one bad document never stopping a run.

>>> document_from_text("Acme hires Ann Lee.\\r\\n", doc_id="d1").text
'Acme hires Ann Lee.\\n'
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from kgextract import limits
from kgextract.errors import DocumentFailed, Errors, KgextractError, Warnings
from kgextract.ingest.charsets import text_encoding
from kgextract.ingest.decode import decode_bytes, normalise_newlines, valid_unicode
from kgextract.ingest.formats import READERS, detect_format
from kgextract.ingest.html import Extracted, declared_charset
from kgextract.ingest.walk import walk
from kgextract.models import Document, DocumentError

__all__ = ["DEFAULT_MAX_BYTES", "iter_documents", "read_document", "document_from_text", "plain_text",
           "markdown_text", "page_text"]

logger = logging.getLogger("kgextract")

#: The largest file read, in bytes (larger ones give E013).
DEFAULT_MAX_BYTES = 20_000_000


class _Raw(NamedTuple):
    path: Path
    data: bytes
    format: str


def iter_documents(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float = 0.0,
) -> Iterator[Document | DocumentError]:
    """Yield a ``Document`` per release under ``paths``, and a ``DocumentError`` per problem.

    ``time_limit`` (seconds, 0: none) bounds reading and converting each
    file (E019), as ``--time-limit`` bounds its extraction.

    ``paths`` are files or folders (walked recursively, sorted by name). A
    missing path raises ``KgextractError`` (E004) at once; a bad document is
    yielded as an error (warnings, e.g. W001, come just before their
    document) and the iteration goes on.

    >>> list(iter_documents([]))
    []
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    roots = [Path(path) for path in paths]
    for root in roots:
        if not root.exists():
            raise KgextractError(Errors.E004.format(path=root))
    return _iter(roots, max_bytes, time_limit)


def read_document(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one txt, md, html, pdf or docx file; raise ``DocumentFailed`` if it cannot be used.

    Warnings (such as W001 for a non-UTF-8 file) are logged. JSON Lines files
    hold many documents: read them with :func:`iter_documents`.
    """
    path = Path(path)
    if not path.exists():
        raise DocumentFailed("E004", Errors.E004.format(path=path))
    raw = _read(path, max_bytes)
    if READERS[raw.format].many:
        raise DocumentFailed("E021", Errors.E021.format(source=path))
    *warnings, doc = _convert(raw)
    assert isinstance(doc, Document)   # a one-document reader yields its warnings, then the document
    for warning in warnings:
        if isinstance(warning, DocumentError):
            logger.warning(warning.message)
    return doc


def document_from_text(text: str, doc_id: str = "text", **meta: str | None) -> Document:
    """Make a ``Document`` from a string (newlines normalised to ``\\n``).

    ``meta`` are further ``Document`` fields (``title``, ``url``, ``date``,
    ``publisher``, ``source``). Whitespace-only text raises ``DocumentFailed``.

    >>> document_from_text("Ann Lee joins Acme.", doc_id="d2", title="News").title
    'News'
    """
    if not text.strip():
        raise DocumentFailed("E010", Errors.E010.format(source=doc_id))
    return Document(id=doc_id, text=valid_unicode(normalise_newlines(text)), **meta)


def _iter(roots: list[Path], max_bytes: int, seconds: float = 0.0) -> Iterator[Document | DocumentError]:
    first_source: dict[str, str] = {}  # document id -> where it was first seen
    for item in walk(roots):
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            _check_name(item)
            with limits.time_limit(seconds):  # a pathological file (nested HTML, a PDF bomb) ends here
                results = list(_convert(_read(item, max_bytes)))
        except limits.DocumentTimeout:
            results = [DocumentError(source=_shown(item), code="E019", message=Errors.E019.format(
                source=_shown(item), seconds=seconds))]
        except DocumentFailed as err:
            results = [DocumentError(source=_shown(item), code=err.code, message=str(err),
                                     level=err.level)]
        except Exception as err:  # noqa: BLE001 - one document must not stop the run
            logger.debug("Unexpected failure reading %s", item, exc_info=True)  # E015 says it; no traceback
            results = [DocumentError(source=str(item), code="E015",
                                     message=Errors.E015.format(source=item, err=repr(err)))]
        for result in results:
            if isinstance(result, Document):
                source = result.source or str(item)
                if result.id not in first_source:
                    first_source[result.id] = source
                else:
                    first = first_source[result.id]
                    yield DocumentError(
                        source=source, code="W020", level="warning",
                        message=Warnings.W020.format(doc_id=result.id, source=source, first=first),
                    )
            yield result


def _shown(path: Path) -> str:
    r"""The path as valid Unicode: bytes that are not UTF-8 as ``\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _check_name(path: Path) -> None:
    """E014 for a file name that is not valid UTF-8 (its id could not be written anywhere)."""
    if valid_unicode(str(path)) != str(path):
        raise DocumentFailed("E014", Errors.E014.format(
            source=_shown(path), err="its name is not valid UTF-8 (rename the file in UTF-8)"))


def _read(path: Path, max_bytes: int) -> _Raw:
    source = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DocumentFailed(
                "E014", Errors.E014.format(source=source, err="not a regular file"))
        if info.st_size > max_bytes:
            raise DocumentFailed("E013", Errors.E013.format(
                source=source, size=info.st_size, limit=max_bytes))
        data = _read_bytes(path, max_bytes + 1)
    except OSError as err:
        raise DocumentFailed(
            "E014", Errors.E014.format(source=source, err=err.strerror or err)
        ) from err
    if len(data) > max_bytes:  # the file grew after stat()
        raise DocumentFailed("E013", Errors.E013.format(
            source=source, size=f"over {max_bytes}", limit=max_bytes))
    if not data.strip():
        raise DocumentFailed("E010", Errors.E010.format(source=source))
    fmt = detect_format(path, data)
    if fmt is None:
        raise DocumentFailed("E017", Errors.E017.format(
            fmt=path.suffix or "(no extension)", source=source, options=", ".join(READERS)))
    return _Raw(path, data, fmt)


def _read_bytes(path: Path, limit: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(limit)


def plain_text(text: str, source: str) -> Extracted:
    """The reader of plain text files: the text as it is.

    >>> plain_text("Ann Lee joins Acme.", "a.txt").text
    'Ann Lee joins Acme.'
    """
    return Extracted(text)


def markdown_text(text: str, source: str) -> Extracted:
    """The reader of Markdown files (:func:`~kgextract.ingest.markdown.markdown_to_text`)."""
    from kgextract.ingest.markdown import markdown_to_text

    return markdown_to_text(text)


def page_text(text: str, source: str) -> Extracted:
    """The reader of HTML pages (:func:`~kgextract.ingest.article.page_to_text`)."""
    from kgextract.ingest.article import page_to_text

    return page_to_text(text)


def _convert(raw: _Raw) -> Iterator[Document | DocumentError]:
    source = str(raw.path)
    reader = READERS[raw.format]
    convert = reader.load()
    if reader.binary:
        content = convert(raw.data, source)
    else:
        # a declared charset is honoured only if it is a text encoding (not unicode_escape, rot13...)
        declared = text_encoding(declared_charset(raw.data)) if reader.charset else None
        decoded = decode_bytes(raw.data, source, declared=declared)
        if decoded.encoding:
            yield DocumentError(
                source=source, code="W001", level="warning",
                message=Warnings.W001.format(source=source, encoding=decoded.encoding),
            )
        if reader.many:
            yield from convert(decoded.text, source)
            return
        if not decoded.text.strip():
            raise DocumentFailed("E010", Errors.E010.format(source=source))
        content = convert(decoded.text, source)
    if not content.text.strip():
        code = reader.empty_code
        raise DocumentFailed(code, getattr(Errors, code).format(source=source))
    meta = {key: valid_unicode(value) if value else value for key, value in content._asdict().items()}
    yield Document(id=raw.path.stem, source=source, format=raw.format, **meta)
