"""Wire-digest source lines: "Lyon LE PETIT JOURNAL in French 3 May 94 p 2".

Digests of foreign media (monitoring services, press reviews) open each item
with a line naming where the source is published and what it is: a place, the
source's name, and optionally "in <language>" with the time and date. The
model rarely tags the name (it is in capitals, or an unknown title), so
``kgx_entity_fixes`` makes it an Organization mention and records the pair in
``doc._.kgx_source_lines``; the ``kgx.places.source_line.v1`` extractor reads
that as the source's location.

The shape is strict so that headlines and prose do not match: the place starts
its line (or follows the item's serial code, "XY0305120094"), and the name is
either in capitals and ends the line ("Lyon GAZETTAPRESS") or is followed by "in
<Language>" and a number or the line's end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from kgextract.nlp.doc_index import line_break_before, line_ends_at, tokens

__all__ = ["source_lines"]

#: A digest item's serial code: letters and at least five digits ("XY0305120094", "94WD0125D").
_SERIAL = re.compile(r"(?=(?:\D*\d){5})(?=\d*[A-Z])[A-Z0-9]{7,14}")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’.]*(?:-[A-Z][A-Za-z'’.]*)*")
_MAX_NAME = 6


def source_lines(doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the source of each source line as an Organization mention (see the module doc)."""
    covered = {i: s for s in spans for i in range(s.start, s.end)}
    found: list[tuple[Span, Span]] = []
    toks = tokens(doc)  # asked of every token: the Token objects are built once
    for i in range(len(doc)):
        if not _starts_line(toks, i):
            continue
        span = covered.get(i)
        if span is not None and span.label_ == "Place" and span.start == i:
            pair = _named_after(doc, span, covered)
        else:
            # "Lyon Radio Rhone Network" or "Lyon GAZETTAPRESS" read as one name
            broadcaster = span is not None and span.label_ == "Organization" and span.start in (i, i - 1)
            pair = (_broadcaster_split(doc, i, span) if span is not None and broadcaster else None) \
                or _case_split(doc, i)
        if pair is not None and _closes(doc, *pair):
            found.append(pair)
    if not found:
        return spans
    new = [s for pair in found for s in pair]
    taken = {i for s in new for i in range(s.start, s.end)}
    doc._.kgx_source_lines = [(p.start, p.end, o.start, o.end) for p, o in found]
    return [s for s in spans if not any(i in taken for i in range(s.start, s.end))] + new


def _named_after(doc: Doc, place: Span, covered: dict[int, Span]) -> tuple[Span, Span] | None:
    """The place and the capitalised name right after it ("Lyon Radio Rhone Network")."""
    end = place.end
    while end < len(doc) and end - place.end < _MAX_NAME and _NAME_WORD.fullmatch(doc[end].text) \
            and not line_break_before(doc, end) and (covered.get(end) is None or covered[end].label_ != "Place"):
        end += 1
    start = place.end + (place.end < end and doc[place.end].lower_ == "the")
    return (place, Span(doc, start, end, label="Organization")) if start < end else None


#: Words that name a broadcaster, which a source line puts right after its city.
_MEDIA_WORDS = {"radio", "television", "tv", "network", "broadcasting"}


def _broadcaster_split(doc: Doc, i: int, span: Span) -> tuple[Span, Span] | None:
    """ "Lyon Radio Rhone Network": the city (one word, or "X City") and the broadcaster."""
    if not doc[i].is_title or not any(t.lower_ in _MEDIA_WORDS for t in doc[i + 1 : span.end]):
        return None
    k = i + 1 + (i + 1 < span.end and doc[i + 1].lower_ == "city")
    if k >= span.end:
        return None
    return Span(doc, i, k, label="Place"), Span(doc, k, span.end, label="Organization")


def _case_split(doc: Doc, i: int) -> tuple[Span, Span] | None:
    """ "Lyon GAZETTAPRESS": title-case words, then words in capitals."""
    k = i
    while k < len(doc) and k - i < 4 and doc[k].is_title and doc[k].is_alpha:
        k += 1
    m = k
    while m < len(doc) and m - k < _MAX_NAME and doc[m].is_upper and _NAME_WORD.fullmatch(doc[m].text):
        m += 1
    start = k + (k < m and doc[k].lower_ == "the")
    if i == k or start >= m:
        return None
    return Span(doc, i, k, label="Place"), Span(doc, start, m, label="Organization")


def _starts_line(doc: Doc | Sequence[Token], i: int) -> bool:
    if line_break_before(doc, i):
        return True
    before = doc[i - 1].text
    # a serial code is 7 to 14 characters long: the pattern is tried on those alone (it runs for every token)
    return 7 <= len(before) <= 14 and bool(_SERIAL.fullmatch(before))


def _line_ends(doc: Doc, i: int) -> bool:
    return line_ends_at(doc, i) or doc[i].is_punct and i + 1 >= len(doc)  # or only a full stop is left


def _closes(doc: Doc, place: Span, name: Span) -> bool:
    """ "Lyon GAZETTAPRESS" (capitals, end of line) or "Lyon Radio Rhone in French 1300 GMT"."""
    end = name.end
    if _line_ends(doc, end):
        if any(t.lower_ in _MEDIA_WORDS for t in name) and not place.text.isupper():
            return True  # "Lyon Radio Rhone Network"
        return name.text.isupper() and not place.text.isupper() and any(c.isalpha() for c in name.text)
    if doc[end].lower_ != "in" or end + 1 >= len(doc):
        return False
    lang = doc[end + 1]
    if not (_NAME_WORD.fullmatch(lang.text) and lang.text[1:].islower() or lang.ent_type_ in ("LANGUAGE", "NORP")):
        return False
    return _line_ends(doc, end + 2) or doc[end + 2].like_num or doc[end + 2].text[:1].isdigit()
