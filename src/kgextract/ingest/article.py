"""A web page's main text through trafilatura, with kgextract's own extractor as the fallback.

trafilatura (the field's standard article extractor) finds the main text and
the page's metadata. Its body tree is written out with the own extractor's
block rules, so paragraphs stay separated by blank lines; release-specific
cleanup (``ingest.release_cleanup``) then drops the furniture that is left.
Where trafilatura fails or finds nothing, ``html.html_to_text`` reads the page.
Metadata from the page's own markup (``<meta>``, JSON-LD, canonical link) wins
over trafilatura's guesses: it is what the publisher declared.

>>> page = ('<html><head><title>Acme news</title></head><body><nav>Home</nav>'
...         '<main><p>Ann Lee joins.</p></main></body></html>')
>>> got = page_to_text(page)
>>> got.text, got.title
('Ann Lee joins.', 'Acme news')
"""

from __future__ import annotations

import logging
from typing import Any

from kgextract.ingest.html import NEVER_CONTENT, Extracted, block_text, html_to_text, page_metadata
from kgextract.ingest.isodate import iso_date
from kgextract.ingest.release_cleanup import clean_release

__all__ = ["EXTRACTOR_OPTIONS", "page_to_text", "trafilatura_text"]

logger = logging.getLogger("kgextract")

#: trafilatura's options. Comments are never part of a release; favouring precision
#: keeps page furniture out (each furniture word can become a spurious entity). Dates
#: come from markup only: a date guessed from the running text would be reported as
#: the page's metadata. Elements that are never text (``<template>``, ``<noscript>``, form
#: controls ...) are pruned first: trafilatura keeps a template's markup as text.
EXTRACTOR_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
    "prune_xpath": [f"//{tag}" for tag in NEVER_CONTENT if tag != "head"],
}

# trafilatura's body elements -> the HTML tags the own block writer knows.
_TAGS = {
    "head": "h2", "list": "ul", "item": "li", "quote": "blockquote", "row": "tr",
    "cell": "td", "lb": "br", "code": "pre", "hi": "span", "ref": "span", "graphic": "span",
    "del": "span",
}


def trafilatura_text(page: str) -> Extracted | None:
    """Main text and metadata as trafilatura reads them; ``None`` when it finds nothing or fails.

    >>> trafilatura_text("<html><body></body></html>") is None
    True
    """
    try:
        import trafilatura

        found = trafilatura.bare_extraction(page, **EXTRACTOR_OPTIONS)
    except Exception as err:  # noqa: BLE001 - any failure means: use the fallback
        logger.debug("trafilatura failed (%r); the own extractor reads the page", err)
        return None
    if found is None or isinstance(found, dict):   # a dict only with as_dict=True
        return None
    body = getattr(found, "body", None)
    if body is None:
        return None
    for el in body.iter():
        if isinstance(el.tag, str):
            el.tag = _TAGS.get(el.tag, el.tag)
    text = block_text(body)
    if not text.strip():
        return None
    date = iso_date(found.date) if isinstance(found.date, str) else None
    return Extracted(text, _clean(found.title), date, _clean(found.url), _clean(found.sitename))


def page_to_text(page: str) -> Extracted:
    """The main text of an HTML page and its metadata (title, date, canonical URL, publisher).

    trafilatura first; the own extractor when trafilatura gives nothing. The
    text is empty only when neither finds any.
    """
    own = page_metadata(page)
    got = trafilatura_text(page)
    if got is None:
        return html_to_text(page)
    text = clean_release(got.text)
    if not text.strip():
        return html_to_text(page)
    return Extracted(
        text,
        title=own.title or got.title,
        date=own.date or got.date,
        url=own.url or got.url,
        publisher=own.publisher or got.publisher,
    )


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None

