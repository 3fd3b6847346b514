"""Which reader a file needs: from its content first, then its extension.

>>> detect_format("a.txt", b"<!DOCTYPE html><html>"), detect_format("a.bin", b"%PDF-1.7")
('html', 'pdf')
"""

from __future__ import annotations

import codecs
import re
from os import PathLike
from pathlib import PurePath

__all__ = ["EXTENSIONS", "FORMATS", "detect_format", "format_of_name"]

#: File extension (lower case) -> document format.
EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
#: The formats a ``Document`` can have, as listed in error messages.
FORMATS = ("txt", "md", "html", "pdf", "docx", "jsonl")

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
