"""Find a release's dateline: where and when it was issued.

Shapes recognised in the opening lines (the first ``window`` characters):

* an inline dateline at the start of a line: a place, optional regions, then a
  single date and a dateline ending ("(", "/", "-", "--", ".", ":", end of
  line): "GENEVA, 5 December." / "ARMONK, N.Y., Jan. 5, 2017 /PRNewswire/ --"
  / "SHANGHAI, China - April 22, 2014 -" / "BEIJING, Sept. 1 (Xinhua) --";
* a place with an agency but no date: "GENEVA (ILO News) -", "LYON, France
  (AP)" closing its line or followed by the wire's "_";
* a place in capitals with a region and nothing else on its line: "SPRINGFIELD,
  Ill." (a wire dateline cut from its story);
* a header date line that holds only a date, maybe after a label and before
  a time: "April 11, 2011", "Published: July 18, 2023", "Press release |
  30 September 2022", "Time:November 30, 2011"; the line directly above it
  (no blank line between) gives the place when it looks like one: a place
  with a region ("Washington, DC") or in capitals ("GENEVA"), and no title,
  organization, event or header word.

The place is the first comma segment as written ("ARMONK"); the rest is the
``region`` ("N.Y."), except that "Washington, DC"/"D.C." stays whole. The
inline date wins over a header date line; a dateline date without a year takes
it from the header date line (nearest year), else from ``infer_year`` over the
whole text, else from the ``year`` argument; failing all, ``date`` is None and
``date_text`` still gives the span. Dates further down the body are never
taken, nor ranges, nor year-only values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kgextract.nlp.dates import (
    DateMatch,
    DateValue,
    date_at_start,
    find_dates,
    infer_year,
    normalize_date,
)
from kgextract.nlp.gazetteers import TITLES, load_list

__all__ = ["Dateline", "find_dateline"]

DEFAULT_WINDOW = 600


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place and date a release was issued from, with character offsets."""

    place: str | None = None
    place_start: int | None = None
    place_end: int | None = None
    date: DateValue | None = None
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    region: str | None = None
    region_start: int | None = None
    region_end: int | None = None
    agency: str | None = None
    agency_start: int | None = None
    agency_end: int | None = None


_DASH = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_LABEL = re.compile(
    r"(?:(?:dated|date|published|posted|released|release\s+date|issued|time|"
    r"press\s+release|news\s+release|media\s+release|for\s+immediate\s+release)"
    r"(?:\s+on)?\s*[:|-]?\s*)?", re.I)
_AFTER_HEADER = re.compile(
    r"\s*(?:(?:[,|-]|at)?\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
    r"[\s.]*", re.I)
_AFTER_INLINE = re.compile(r"\s*(?:$|[(/\-.:|,]|\u2026)")
_AGENCY = re.compile(r"(?P<body>[^()\n]{2,60}?)\s*\((?P<agency>[^()\n]{2,60})\)\s*(?:-|:|_|$)")
#: "(Xinhua) --" after an inline dateline's date: the wire service that filed it.
_AGENCY_AFTER = re.compile(r"\s*\((?P<agency>[^()\n]{2,60})\)")
#: An editor's note opening a digest item: "(Text)", "(Excerpts)".
_NOTE = re.compile(r"\([A-Z][a-z]+(?: [a-z]+)?\)\s+(?=[A-Z])")
#: "SPRINGFIELD, Ill." alone on its line: a wire dateline without its date.
_CAPS_PLACE_LINE = re.compile(r"(?P<body>[^()\n,]{2,40},[^()\n]{2,30}?)\.?")
_JOINED = {"dc", "d.c.", "d. c."}
_CONNECTORS = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des",
               "la", "le", "les", "el", "al", "am", "an", "on", "upon", "sur",
               "en", "of", "y"}
_NOT_PLACE = {"the", "a", "an", "in", "on", "at", "from", "by", "since", "during",
              "as", "for", "this", "today", "it", "we", "he", "she", "they",
              "last", "next", "published", "date", "time", "posted", "released",
              "updated", "press", "release", "statement", "news", "report",
              "volume", "issue", "no", "contact", "media", "advisory", "update",
              "bulletin", "notice", "note", "speech", "remarks", "transcript",
              "immediate", "embargoed", "summary", "agenda"}


def _words_ok(segment: str, first_is_place: bool) -> bool:
    tokens = segment.split()
    if not 1 <= len(tokens) <= (5 if first_is_place else 4) or len(segment) > 40:
        return False
    if first_is_place and tokens[0].lower().strip(".") in _NOT_PLACE:
        return False
    for i, tok in enumerate(tokens):
        if not all(c.isalpha() or c in ".'\u2019-&" for c in tok) or not tok[0].isalpha():
            return False
        if not tok[0].isupper() and (i == 0 or tok.lower() not in _CONNECTORS):
            return False
    return True


def _gazetteer_word(segment: str) -> bool:
    """Whether a segment holds a title, org, event or honorific word."""
    lists = [load_list(n) for n in (TITLES, "org_words.v1", "event_nouns.v1",
                                    "honorifics.v1")]
    words = [w.strip(".,").lower() for w in segment.split()]
    return any(w in lst for w in words for lst in lists) or segment.lower() in lists[0]


def _place(body: str, offset: int, strict: bool) -> dict | None:
    """Offsets of place and region in 'CITY, REGION, ...' at ``offset``."""
    parts, pos = [], 0
    for raw in body.split(","):
        lead = len(raw) - len(raw.lstrip())
        parts.append((raw.strip(), pos + lead))
        pos += len(raw) + 1
    if not 1 <= len(parts) <= 3 or not all(
            _words_ok(seg, i == 0) for i, (seg, _) in enumerate(parts)):
        return None
    if strict and any(_gazetteer_word(seg) or _NOT_PLACE & set(seg.lower().split())
                      for seg, _ in parts):
        return None
    place_end = parts[0][1] + len(parts[0][0])
    region = parts[1:]
    if region and region[0][0].lower() in _JOINED:   # "Washington, DC"
        place_end = region[0][1] + len(region[0][0])
        region = region[1:]
    fields = {"place_start": offset + parts[0][1], "place_end": offset + place_end}
    if region:
        fields.update(region_start=offset + region[0][1],
                      region_end=offset + region[-1][1] + len(region[-1][0]))
    return fields


def _place_line(start: int, content: str) -> dict | None:
    """A place on its own line above a header date: it needs a region
    ("Boston, MA") or capitals ("GENEVA") to tell it from a title line."""
    fields = _place(content, start, strict=True)
    if fields and ("region_start" in fields or "," in content or content.isupper()):
        return fields
    return None


def _lines(text: str, window: int):
    """(start, content) of each line starting within the window, stripped;
    blank lines give an empty content."""
    pos = 0
    for line in text.split("\n"):
        if pos >= window:
            break
        lead = len(line) - len(line.lstrip())
        yield pos + lead, line.strip()
        pos += len(line) + 1


def _inline(content: str, start: int) -> tuple[dict, DateMatch | None] | None:
    """Place offsets and the date of an inline dateline, or None.

    An editor's note in brackets before it ("(Text) Lyon, May 3 (Xinhua) --") is skipped.
    """
    note = _NOTE.match(content)
    if note:
        content, start = content[note.end():], start + note.end()
    line = content.translate(_DASH)
    dates = find_dates(line, ranges=False)
    if dates and dates[0].start <= 80:
        m = dates[0]
        head = re.fullmatch(r"(?P<body>.*?\S)\s*(?:,|-+)\s*", line[:m.start])
        if (head and _AFTER_INLINE.match(line, m.end)
                and (m.value is None or m.value.precision != "year")):
            fields = _place(head["body"], start, strict=False)
            if fields:
                after = _AGENCY_AFTER.match(line, m.end)
                if after:
                    fields.update(_agency_fields(after, start))
                return fields, _shift(m, start)
    agency = _AGENCY.match(line)
    if agency:
        fields = _place(agency["body"].rstrip(), start, strict=True)
        if fields:
            fields.update(_agency_fields(agency, start))
            return fields, None
    caps = _CAPS_PLACE_LINE.fullmatch(line)
    if caps and caps["body"].split(",")[0].isupper():
        fields = _place(caps["body"], start, strict=True)
        if fields and "region_start" in fields:
            return fields, None
    return None


def _agency_fields(match: re.Match, offset: int) -> dict:
    """Offsets of the agency named in brackets ("(AP)") by an agency match."""
    return {"agency_start": offset + match.start("agency"), "agency_end": offset + match.end("agency")}


def _shift(m: DateMatch, offset: int) -> DateMatch:
    return DateMatch(m.text, m.start + offset, m.end + offset, m.value)


def _header_date(content: str, start: int) -> DateMatch | None:
    """The date of a header date line (only a date, maybe labelled), or None."""
    line = content.translate(_DASH)
    skip = _LABEL.match(line).end()
    m = date_at_start(line[skip:], ranges=False)
    if m is None:
        return None
    if _AFTER_HEADER.fullmatch(line, skip + m.end) is None:
        return None
    if m.value is not None and m.value.precision == "year":
        return None
    return _shift(m, start + skip)


def find_dateline(text: str, *, year: int | None = None,
                  window: int = DEFAULT_WINDOW) -> Dateline | None:
    """The dateline of a release, or None when its opening has none.

    ``year`` is the last resort for a dateline date without a year (e.g. the
    year of the file's metadata). Offsets index ``text``.

    >>> d = find_dateline("Talks end\\n\\nGENEVA, 5 December. Talks of 4-5 December 2023.")
    >>> d.place, d.date.start, d.date_text
    ('GENEVA', '2023-12-05', '5 December')
    >>> d = find_dateline("Title\\n\\nARMONK, N.Y., Jan. 5, 2017 /PRNewswire/ -- Acme said.")
    >>> d.place, d.region, d.date.start
    ('ARMONK', 'N.Y.', '2017-01-05')
    >>> find_dateline("The minister visited Paris on 5 May 2019.") is None
    True
    """
    inline = header = place_line = None
    previous = None
    for start, content in _lines(text, window):
        if content and inline is None:
            inline = _inline(content, start)
        if content and header is None:
            header = _header_date(content, start)
            if header is not None and previous is not None:
                place_line = _place_line(*previous)
        previous = (start, content) if content else None
    if inline is None and header is None:
        return None
    fields = dict(inline[0] if inline is not None else place_line or {})
    for name in ("place", "region", "agency"):
        if f"{name}_start" in fields:
            fields[name] = text[fields[f"{name}_start"]:fields[f"{name}_end"]]
    match = inline[1] if inline is not None and inline[1] is not None else header
    if match is None:
        return Dateline(**fields)
    return Dateline(**fields, date=_with_year(match, header, text, year),
                    date_text=text[match.start:match.end],
                    date_start=match.start, date_end=match.end)


def _with_year(match: DateMatch, header: DateMatch | None, text: str,
               year: int | None) -> DateValue | None:
    """The match's value; a date without a year takes the header date's
    (nearest year), else the text's (``infer_year``), else ``year``."""
    if match.value is not None:
        return match.value
    if header is not None and header.value is not None and header.value.precision == "day":
        return normalize_date(match.text, reference=date.fromisoformat(header.value.start))
    found = infer_year(text) or year
    return normalize_date(match.text, year=found) if found else None
