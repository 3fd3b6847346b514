"""Markdown to plain text: markup removed, one paragraph per block.

markdown-it-py (CommonMark, with tables) tokenizes the source; the text of
each block becomes a paragraph. Links keep their text, images and HTML tags
go, code keeps its content without fences. A YAML front matter block gives
``title``/``date``/``url``/``publisher``; otherwise the title is the first
heading.

>>> got = markdown_to_text("# Acme *hires*\\n\\nAnn Lee [joins](http://x).")
>>> got.text, got.title
('Acme hires\\n\\nAnn Lee joins.', 'Acme hires')
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from kgextract.ingest.html import Extracted, fragment_text
from kgextract.ingest.isodate import iso_date

__all__ = ["markdown_to_text"]

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^(title|date|url|publisher)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M | re.I)
_BR_TAG = re.compile(r"<br\s*/?>", re.I)
_SPACES = re.compile(r" {2,}")  # left where an image or a tag was removed
_INLINE_TEXT = {"text": "content", "code_inline": "content"}


def markdown_to_text(source: str) -> Extracted:
    """Strip Markdown markup; paragraphs are separated by blank lines."""
    fields: dict[str, str] = {}
    if match := _FRONT_MATTER.match(source):
        for key, value in _FIELD.findall(match.group(1)):
            fields.setdefault(key.lower(), value.strip("\"'"))
        source = source[match.end():]
    paragraphs: list[str] = []
    row: list[str] | None = None
    title = None
    heading = False
    for token in _MD.parse(source):
        kind = token.type
        if kind == "heading_open":
            heading = True
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            _add(paragraphs, "\t".join(cell for cell in row if cell))
            row = None
        elif kind == "inline":
            text = _inline(token.children or [])
            if heading and title is None and text.strip():
                title = " ".join(text.split())
            if row is not None:
                row.append(text.strip())
            else:
                _add(paragraphs, text)
        elif kind in ("fence", "code_block"):
            _add(paragraphs, token.content)
        elif kind == "html_block":
            _add(paragraphs, fragment_text(token.content))
        if kind == "heading_close":
            heading = False
    return Extracted(
        "\n\n".join(paragraphs),
        title=fields.get("title") or title,
        date=iso_date(fields.get("date")),
        url=fields.get("url"),
        publisher=fields.get("publisher"),
    )


def _inline(children) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak" or (
            child.type == "html_inline" and _BR_TAG.fullmatch(child.content.strip())
        ):
            parts.append("\n")
    return "".join(parts)


def _add(paragraphs: list[str], text: str) -> None:
    lines = (_SPACES.sub(" ", line).strip() for line in text.strip("\n").split("\n"))
    text = "\n".join(line for line in lines if line)
    if text:
        paragraphs.append(text)
