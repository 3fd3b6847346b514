"""The input readers, registered by name and extension, and which one a file needs.

Adding an input format is one :func:`register_reader` call: its name, its
extensions and the function that turns a file into text (named as
``"module:function"``, imported the first time a file needs it, so that
listing files or printing ``--help`` loads no parser). The walker, the
reader, the error messages and the CLI's help all read :data:`READERS`.

>>> detect_format("a.txt", b"<!DOCTYPE html><html>"), detect_format("a.bin", b"%PDF-1.7")
('html', 'pdf')
>>> READERS["md"].extensions
('.md', '.markdown')
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from os import PathLike
from pathlib import PurePath

__all__ = ["EXTENSIONS", "FORMATS", "READERS", "Reader", "detect_format", "extensions_help", "format_of_name",
           "register_reader", "unregister_reader"]


@dataclass(frozen=True)
class Reader:
    """An input format: its name, extensions and converter.

    ``target`` (``"module:function"``) is called as ``function(text, source)``
    with the decoded text, or ``function(data, source)`` with the file's bytes
    when ``binary``; it returns an ``Extracted`` (text and metadata), or for a
    ``many`` format (JSON Lines) yields ``Document``/``DocumentError`` items.
    ``charset``: the file may declare its encoding (HTML's ``<meta charset>``).
    ``empty_code``: the error for a file whose converted text is empty.
    """

    name: str
    extensions: tuple[str, ...]
    target: str
    binary: bool = False
    many: bool = False
    charset: bool = False
    empty_code: str = "E010"

    def load(self) -> Callable:
        """The converter function (imported on first use)."""
        module, _, name = self.target.partition(":")
        return getattr(import_module(module), name)


#: The registered input readers, by name, in the order error messages list them.
READERS: dict[str, Reader] = {}
#: File extension (lower case) -> reader name; kept in step by :func:`register_reader`.
EXTENSIONS: dict[str, str] = {}
#: The reader names, as listed in error messages; kept in step by :func:`register_reader`.
FORMATS: tuple[str, ...] = ()


def register_reader(name: str, extensions: tuple[str, ...], target: str, **options) -> Reader:
    """Register the input format ``name`` for files ending in ``extensions``.

    >>> r = register_reader("rst-demo", (".rst",), "kgextract.ingest.reader:plain_text")
    >>> format_of_name("notes.RST"), r.load()("Text", "notes.rst").text
    ('rst-demo', 'Text')
    >>> unregister_reader("rst-demo")
    """
    global FORMATS
    reader = READERS[name] = Reader(name, tuple(e.lower() for e in extensions), target, **options)
    EXTENSIONS.update(dict.fromkeys(reader.extensions, name))
    FORMATS = tuple(READERS)
    return reader


def unregister_reader(name: str) -> None:
    """Remove a registered reader (for tests and plugins)."""
    global FORMATS
    reader = READERS.pop(name)
    for ext in reader.extensions:
        EXTENSIONS.pop(ext, None)
    FORMATS = tuple(READERS)


def extensions_help() -> str:
    """The extensions, one per reader, as the CLI's help lists them.

    >>> extensions_help()
    '.txt, .md, .html, .pdf, .docx, .jsonl'
    """
    return ", ".join(r.extensions[0] for r in READERS.values())


register_reader("txt", (".txt", ".text"), "kgextract.ingest.reader:plain_text")
register_reader("md", (".md", ".markdown"), "kgextract.ingest.reader:markdown_text")
register_reader("html", (".html", ".htm", ".xhtml"), "kgextract.ingest.reader:page_text", charset=True,
                empty_code="E022")
register_reader("pdf", (".pdf",), "kgextract.ingest.pdf:pdf_to_text", binary=True)
register_reader("docx", (".docx",), "kgextract.ingest.docx:docx_to_text", binary=True)
register_reader("jsonl", (".jsonl", ".ndjson"), "kgextract.ingest.jsonl:jsonl_documents", many=True)

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.S)
_UTF16 = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def format_of_name(path: str | PathLike) -> str | None:
    """The format a file name's extension says, or ``None``.

    >>> format_of_name("news/Release.HTM")
    'html'
    """
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def detect_format(path: str | PathLike, data: bytes) -> str | None:
    """The format of a file: ``%PDF-`` and HTML starts win over the extension."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if _looks_html(head):
        return "html"
    return format_of_name(path)


def _looks_html(head: bytes) -> bool:
    codec = "utf-8"
    for bom, name in _UTF16:
        if head.startswith(bom):
            head, codec = head[len(bom):], name
    text = head.decode(codec, errors="ignore").lstrip("\ufeff").lower()
    if text.lstrip().startswith("<?xml"):
        text = text.split("?>", 1)[-1]
    return bool(_HTML_START.match(text))
