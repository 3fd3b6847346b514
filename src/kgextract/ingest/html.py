"""HTML pages to plain text: main content only, plus title, date, URL, publisher.

lxml parses the page (it repairs malformed markup and caps nesting depth);
small heuristics drop page furniture (navigation, headers, footers, asides,
forms, cookie banners, scripts). A page nested beyond lxml's depth limit is
read again with a streaming tokenizer, so nothing is lost or recursed over.

>>> page = ('<html><head><title>Acme news</title></head><body><nav>Home</nav>'
...         '<main><h1>Acme hires</h1><p>Ann Lee joins.</p></main></body></html>')
>>> got = html_to_text(page)
>>> got.text, got.title
('Acme hires\\n\\nAnn Lee joins.', 'Acme news')
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import NamedTuple

from lxml import etree

from kgextract.ingest.isodate import iso_date

__all__ = ["Extracted", "html_to_text", "fragment_text", "declared_charset", "block_text", "page_metadata",
           "NEVER_CONTENT"]


class Extracted(NamedTuple):
    """Text and metadata read from a marked-up document."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None


_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog div "
    "dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html "
    "legend li main nav ol p pre section summary table tbody tfoot thead tr ul".split()
)
_CELL = frozenset({"td", "th"})
# Never content: removed wherever they are.
_NEVER = (
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas",
    "iframe", "object", "embed", "button", "select", "textarea", "input", "dialog",
)
#: Elements that are never text, wherever they are (scripts, templates, form controls ...).
NEVER_CONTENT = _NEVER
# Page furniture: removed unless it holds most of the page's text.
_FURNITURE_XPATH = etree.XPath(
    ".//nav | .//aside | .//form | .//menu"
    " | .//header[not(ancestor::article or ancestor::main)]"
    " | .//footer[not(ancestor::article or ancestor::main)]"
    " | .//*[@role or @hidden or @aria-hidden or @id or @class or @style]"
)
_FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
)
_FURNITURE_TOKENS = frozenset(
    "ad ads advert advertisement banner breadcrumb breadcrumbs comment comments "
    "consent cookie cookies gdpr masthead menu modal nav navbar navigation "
    "newsletter pager pagination popup promo related share sharing sidebar "
    "social subscribe subscription toolbar widget footer skip".split()
)
_HEADER_NAMES = frozenset({"header", "site-header", "global-header"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_BR = "\x00"  # line-break marker inside a paragraph (NUL never survives decoding)

_DATE_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dcterms.created", "date", "pubdate", "publishdate", "publish-date",
    "publication_date", "sailthru.date", "parsely-pub-date",
)
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title")
_PUBLISHER_KEYS = ("og:site_name", "publisher", "dc.publisher", "dcterms.publisher")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if any.

    >>> declared_charset(b'<meta charset="windows-1252">')
    'windows-1252'
    """
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def html_to_text(page: str) -> Extracted:
    """Extract the main text and the metadata of an HTML page.

    Paragraphs are separated by blank lines; the text is empty when nothing
    but page furniture remains.
    """
    root, truncated = _parse(page)
    if root is None:
        return Extracted(_stream_text(page)) if truncated else Extracted("")
    meta = _metadata(root)
    etree.strip_elements(root, *_NEVER, with_tail=False)
    if truncated:
        return meta._replace(text=_stream_text(page))
    container = _container(root)
    _drop_furniture(container)
    text = _blocks(container)
    if not text:  # the heuristics ate everything: keep the furniture instead
        root, _ = _parse(page)
        etree.strip_elements(root, *_NEVER, with_tail=False)
        text = _blocks(_body(root))
    return meta._replace(text=text)


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, tags removed (scripts and styles dropped).

    >>> fragment_text("<p>A <b>bold</b> move</p><script>x()</script>")
    'A bold move'
    """
    root, truncated = _parse(f"<html><body>{fragment}</body></html>")
    if root is None or truncated:
        return _stream_text(fragment)
    etree.strip_elements(root, *_NEVER, with_tail=False)
    return _blocks(root)


def _parse(page: str) -> tuple[etree._Element | None, bool]:
    parser = etree.HTMLParser(
        huge_tree=True, no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(_XML_DECL.sub("", page, count=1), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    truncated = any(err.level == etree.ErrorLevels.FATAL for err in parser.error_log)
    return root, truncated


def _container(root: etree._Element) -> etree._Element:
    for xpath in ("//main | //*[@role='main']", "//article"):
        found = [el for el in root.xpath(xpath) if _text_length(el)]
        if found:
            return max(found, key=_text_length)
    return _body(root)


def _body(root: etree._Element) -> etree._Element:
    body = root.find("body")
    return body if body is not None else root


def _text_length(el: etree._Element) -> float:
    return el.xpath("string-length(normalize-space(.))")


def _drop_furniture(container: etree._Element) -> None:
    half = _text_length(container) / 2
    doomed = [
        el for el in _FURNITURE_XPATH(container)
        if _is_furniture(el) and _text_length(el) <= half
    ]
    for el in doomed:  # an emptied block keeps the paragraph boundary
        tail = el.tail
        el.clear()
        el.tag, el.tail = "p", tail


def _is_furniture(el: etree._Element) -> bool:
    if el.tag in ("nav", "aside", "form", "menu", "header", "footer"):
        return True
    if el.tag in ("main", "article") or el.get("role") == "main":
        return False
    if el.get("role") in _FURNITURE_ROLES or el.get("hidden") is not None:
        return True
    if el.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(el.get("style", "")):
        return True
    for name in (el.get("id", ""), el.get("class", "")):
        name = name.strip().lower()
        if name in _HEADER_NAMES or _FURNITURE_TOKENS.intersection(_TOKEN_SPLIT.split(name)):
            return True
    return False


def block_text(container: etree._Element) -> str:
    """The text of an element tree, one paragraph per HTML block, paragraphs joined by blank lines.

    >>> block_text(etree.fromstring("<div><p>Ann <b>Lee</b></p><p>Acme<br/>Berlin</p></div>"))
    'Ann Lee\\n\\nAcme\\nBerlin'
    """
    return _blocks(container)


def page_metadata(page: str) -> Extracted:
    """Title, date, canonical URL and publisher from a page's markup (``text`` is empty).

    >>> page_metadata('<html><head><meta property="og:site_name" content="Acme"></head></html>').publisher
    'Acme'
    """
    root, _ = _parse(page)
    return _metadata(root) if root is not None else Extracted("")


def _blocks(container: etree._Element) -> str:
    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        if parts:
            _add_paragraph(paragraphs, "".join(parts))
            parts.clear()

    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK:
                flush()
            elif tag == "br":
                parts.append(_BR)
            if el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK:
                flush()
            elif tag in _CELL:
                parts.append(" ")
            if el.tail and el is not container:
                parts.append(el.tail)
    flush()
    return "\n\n".join(paragraphs)


def _add_paragraph(paragraphs: list[str], raw: str) -> None:
    lines = (_SPACE.sub(" ", line).strip() for line in raw.split(_BR))
    text = "\n".join(line for line in lines if line)
    if text:
        paragraphs.append(text)


def _metadata(root: etree._Element) -> Extracted:
    meta: dict[str, str] = {}
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "")
        content = (tag.get("content") or "").strip()
        if key and content:
            meta.setdefault(key.strip().lower(), content)
    ld = _json_ld(root)
    title = _first(meta, _TITLE_KEYS) or _clean(root.findtext(".//title"))
    title = title or _clean(ld.get("headline")) or _first_text(root, "//h1")
    date = None
    candidates = [meta.get(key) for key in _DATE_KEYS] + [ld.get("datePublished")]
    candidates += root.xpath(
        "//*[@itemprop='datePublished']/@datetime | //time[@pubdate]/@datetime"
        " | //time/@datetime"
    )
    for value in candidates:
        if isinstance(value, str) and (date := iso_date(value)):
            break
    publisher = _first(meta, _PUBLISHER_KEYS)
    if not publisher and isinstance(ld.get("publisher"), dict):
        publisher = _clean(ld["publisher"].get("name"))
    canonical = root.xpath("//link[@rel='canonical']/@href")
    url = (canonical[0].strip() if canonical else None) or meta.get("og:url")  # the canonical link names the page
    return Extracted("", title, date, url or _clean(ld.get("url")), publisher)


def _json_ld(root: etree._Element) -> dict:
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "datePublished" in item or "headline" in item:
                    return item
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
    return {}


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if value := _clean(meta.get(key)):
            return value
    return None


def _first_text(root: etree._Element, xpath: str) -> str | None:
    found = root.xpath(xpath)
    return _clean("".join(found[0].itertext())) if found else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACE.sub(" ", value).strip() or None


class _StreamText(HTMLParser):
    """Tag-stripping tokenizer for pages too deep for a tree: no nesting kept."""

    _SKIP = frozenset(
        "script style noscript template svg math canvas iframe object button "
        "select textarea dialog nav aside form title".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def flush(self) -> None:
        _add_paragraph(self.paragraphs, "".join(self.parts))
        self.parts.clear()

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self._SKIP:
            self.skipping.append(tag)
        elif self.skipping:
            return
        elif tag in _BLOCK:
            self.flush()
        elif tag == "br":
            self.parts.append(_BR)

    def handle_endtag(self, tag) -> None:
        if tag in self.skipping:  # close up to the matching start tag
            del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
        elif self.skipping:
            return
        elif tag in _BLOCK:
            self.flush()
        elif tag in _CELL:
            self.parts.append(" ")

    def handle_data(self, data) -> None:
        if not self.skipping:
            self.parts.append(data)


def _stream_text(page: str) -> str:
    parser = _StreamText()
    parser.feed(page)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.paragraphs)
