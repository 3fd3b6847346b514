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

* the date before the place: "4 June 2015, Bergen -", "June 4, 2024 - OSLO, Norway -";
* several places: "OSLO, Norway and DENVER, June 4, 2024 (WIRE) --", "TROMSO /
  LIMA, 4 June 2015 -": the first is ``place``, the others ``more_places``;
* a wire service in brackets before the dateline: "(AP) - ROME, July 6 -";
  a region in square brackets: "New Delhi [India], November 9 (ANI):";
* a place alone before a dash or colon: "OLYMPIA - The governor said" (in
  capitals), or "Doha: The association signed" on the line right after a
  header date line;
* numeric day-first header dates ("04.06.2015 - Press release", "15-05-2005
  News Release 05/25", "01.11.2017 6:37"), and a date line in brackets
  ("(29 January 2019)", also opening the body: "(29 January 2019) - The ...");
* a sign-off date line at the end of the release ("27 NOVEMBER 2011" alone on
  one of the last lines), used only when the opening has no date;
* a place and date after a long dash inside a line ("... Newswise — Philadelphia,
  Dec. 15 ..."), when no line opens with a dateline.

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

from kgextract.base.chars import dash_table
from kgextract.base.countries import country_record
from kgextract.base.dates import (
    WEEKDAYS,
    DateMatch,
    DateValue,
    date_at_start,
    find_dates,
    infer_year,
    normalize_date,
)
from kgextract.base.gazetteers import EVENT_NOUNS, TITLES, load_list

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
    #: (start, end) of further dateline places ("OSLO, Norway and DENVER, ...").
    more_places: tuple[tuple[int, int], ...] = ()


_DASH = dash_table("-")
_LABEL = re.compile(
    r"(?:(?:dated|date|published|posted|released|release\s+date|issued|time|"
    r"press\s+release|news\s+release|media\s+release|for\s+immediate\s+release)"
    r"(?:\s+on)?\s*[:|-]?\s*)?", re.I)
_AFTER_HEADER = re.compile(
    r"\s*(?:(?:[,|-]|at)?\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
    r"[\s.]*", re.I)
_AFTER_INLINE = re.compile(r"\s*(?:$|[(/\-.:|,]|\u2026)")
_AGENCY = re.compile(r"(?P<body>[^()\n]{2,60}?)\s*\((?P<agency>[^()\n]{2,60})\)\s*(?:-|:|_|$)")
#: "(Xinhua) --" or "/PRNewswire/ --" after an inline dateline's date: the wire service that filed it.
_AGENCY_AFTER = re.compile(r"\s*(?:\((?P<agency>[^()\n]{2,60})\)|/(?=[^/\n]{2,40}/)(?P<slashed>[^/\n]{2,40})/)")
#: "(AP) - ROME, ...": a wire service in brackets, then a dash, before the dateline.
_LEAD_AGENCY = re.compile(r"\((?P<agency>[^()\n]{2,40})\)\s*[-:]+\s*(?=[A-Z])")
#: "4 June 2015, Bergen -": the place after a line-opening date, up to a dash,
#: colon or a wire in brackets.
_PLACE_AFTER_DATE = re.compile(r"\s*(?:,|-+)\s*(?P<body>[^\n()\-:]{2,60}?)\s*(?:-+|:|\((?=[^()\n]{2,60}\)))")
#: "OLYMPIA - The governor ...", "Doha: The association ...": a place before a
#: dash or colon that opens a body paragraph.
_BARE_PLACE = re.compile(r"(?P<body>[^()\n:\-]{2,40}?)\s*(?:\s-+|:)\s+(?=[A-Z\"\u201c])")
#: A bare place opens a body paragraph, not a short headline: this much text follows it.
_BODY_MIN = 60
#: An editor's note opening a digest item: "(Text)", "(Excerpts)".
_NOTE = re.compile(r"\([A-Z][a-z]+(?: [a-z]+)?\)\s+(?=[A-Z])")
#: "SPRINGFIELD, Ill." alone on its line: a wire dateline without its date.
_CAPS_PLACE_LINE = re.compile(r"(?P<body>[^()\n,]{2,40},[^()\n]{2,30}?)\.?")
_JOINED = {"dc", "d.c.", "d. c."}
_CONNECTORS = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des",
               "la", "le", "les", "el", "al", "am", "an", "on", "upon", "sur",
               "en", "of", "y", "and"}  # "and": "Trinidad and Tobago"
_NOT_PLACE = {"the", "a", "an", "in", "on", "at", "from", "by", "since", "during",
              "as", "for", "this", "today", "it", "we", "he", "she", "they",
              "last", "next", "published", "date", "time", "posted", "released",
              "updated", "press", "release", "statement", "news", "report",
              "volume", "issue", "no", "contact", "media", "advisory", "update",
              "bulletin", "notice", "note", "speech", "remarks", "transcript",
              "immediate", "embargoed", "summary", "agenda",
              # line openers before a dash or colon that are not places ("PHOTO - ...", "About Acme: ...")
              "photo", "photos", "video", "exclusive", "breaking", "correction", "attention",
              "editors", "editor's", "background", "highlights", "about", "source", "sources",
              "overview", "abstract", "disclaimer", "reminder", "important", "warning", "q&a", "faq"}


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
    lists = [load_list(n) for n in (TITLES, "org_words.v1", EVENT_NOUNS,
                                    "honorifics.v1")]
    words = [w.strip(".,").lower() for w in segment.split()]
    return any(w in lst for w in words for lst in lists) or segment.lower() in lists[0]


#: "New Delhi [India]": a region in square brackets after the place; "Lima (Peru)": a
#: country in round brackets (other words in round brackets are an agency: "GENEVA (ILO News)").
_BRACKET_REGION = re.compile(r"(?P<place>[^\[\]()]*\S)\s*(?:\[(?P<region>[^\[\]]+)\]|\((?P<country>[^()]+)\))")


def _place(body: str, offset: int, strict: bool) -> dict | None:
    """Offsets of place and region in 'CITY, REGION, ...' at ``offset``."""
    parts, pos = [], 0
    for raw in body.split(","):
        lead = len(raw) - len(raw.lstrip())
        bracket = _BRACKET_REGION.fullmatch(raw.strip())
        if bracket and bracket["country"] is not None and country_record(bracket["country"].strip()) is None:
            bracket = None
        if bracket:
            group = "region" if bracket["region"] is not None else "country"
            parts.append((bracket["place"], pos + lead))
            parts.append((bracket[group].strip(), pos + lead + bracket.start(group)))
        else:
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


#: Between two dateline places: "TROMSO / LIMA"; "OSLO, Norway and DENVER" (a
#: second place in capitals after "and" or "&": "Trinidad and Tobago" is one region).
_MULTI = re.compile(r"\s*/\s*|,?\s+(?:and|&)\s+(?=[A-Z][A-Z.'\u2019-]+(?:\s|,|$))")


def _places(body: str, offset: int, strict: bool) -> dict | None:
    """Like ``_place``, for one or several places; the others go to ``more_places``.

    >>> f = _places("TROMSO / LIMA", 0, strict=False)
    >>> f["place_end"], f["more_places"]
    (6, ((9, 13),))
    """
    pieces, pos = [], 0
    for m in _MULTI.finditer(body):
        if m.group().strip(" ,") in ("and", "&") and not body[pos:m.start()].split(",")[0].isupper():
            continue
        pieces.append((body[pos:m.start()].rstrip(" ,"), pos))  # "OSLO, Norway, and DENVER"
        pos = m.end()
    pieces.append((body[pos:], pos))
    found = [_place(text, offset + at, strict) for text, at in pieces]
    if len(found) == 1:
        return found[0]
    placed = [f for f in found if f]
    if len(placed) == len(found):
        first = dict(placed[0])
        first["more_places"] = tuple((f["place_start"], f["place_end"]) for f in placed[1:])
        return first
    return _place(body, offset, strict)


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


def _inline(content: str, start: int, after_header: bool = False) -> tuple[dict, DateMatch | None] | None:
    """Place offsets and the date of an inline dateline, or None.

    An editor's note in brackets before it ("(Text) Lyon, May 3 (Xinhua) --") is
    skipped; a wire service in brackets before it ("(AP) - ROME, July 6 -") is
    its agency. ``after_header``: the line comes right after a header date line,
    where a title-case place before a colon or dash ("Doha: The ...") opens the body.
    """
    note = _NOTE.match(content)
    if note:
        content, start = content[note.end():], start + note.end()
    line = content.translate(_DASH)
    lead = _LEAD_AGENCY.match(line)
    lead_fields = {}
    if lead:
        lead_fields = _agency_fields(lead, start)
        line, start = line[lead.end():], start + lead.end()
    found = _inline_place_date(line, start, after_header)
    if found is not None and lead_fields and "agency_start" not in found[0]:
        found[0].update(lead_fields)
    return found


def _inline_place_date(line: str, start: int, after_header: bool) -> tuple[dict, DateMatch | None] | None:
    """The shapes of ``_inline`` on a line with dashes made plain."""
    dates = find_dates(line, ranges=False)
    numeric = _NUMERIC_INLINE.search(line, 0, 80)
    if numeric and (not dates or numeric.start() < dates[0].start):
        found = _numeric_date(line[numeric.start():])  # "Oslo, 04.06.2015 -"
        dates = [_shift(found, numeric.start())] if found is not None else dates
    if dates and dates[0].start <= 80:
        m = dates[0]
        head = re.fullmatch(r"(?P<body>.*?\S)\s*(?:,|-+)\s*", line[:m.start])
        if (head and _AFTER_INLINE.match(line, m.end)
                and (m.value is None or m.value.precision != "year")):
            fields = _places(head["body"], start, strict=False)
            if fields:
                after = _AGENCY_AFTER.match(line, m.end)
                if after:
                    fields.update(_agency_fields(after, start))
                return fields, _shift(m, start)
        if m.start == 0 and (m.value is None or m.value.precision != "year"):
            # the date before the place: "4 June 2015, Bergen -"
            place = _PLACE_AFTER_DATE.match(line, m.end)
            fields = _places(place["body"], start + place.start("body"), strict=True) if place else None
            if fields:
                return fields, _shift(m, start)
    agency = _AGENCY.match(line)
    if agency:
        fields = _places(agency["body"].rstrip(), start, strict=True)
        if fields:
            fields.update(_agency_fields(agency, start))
            return fields, None
    caps = _CAPS_PLACE_LINE.fullmatch(line)
    if caps and caps["body"].split(",")[0].isupper():
        fields = _place(caps["body"], start, strict=True)
        if fields and "region_start" in fields:
            return fields, None
    bare = _BARE_PLACE.match(line)
    if bare and len(line) - bare.end() >= _BODY_MIN and (
            bare["body"].split(",")[0].isupper() or after_header):
        fields = _places(bare["body"], start, strict=True)
        if fields:
            return fields, None
    return None


#: A long dash inside a line, after which a dateline may follow a wire's name.
_LONG_DASH = re.compile(r"\s*(?:--+|\u2014|\u2015)\s*")


def _after_dash(content: str, start: int) -> tuple[dict, DateMatch] | None:
    """A place-and-date dateline after a long dash inside a line: "... Newswise —
    Philadelphia, Dec. 15 ..." (a wire's name, then its dateline, run into the headline).
    Only a place with a date counts here."""
    for dash in _LONG_DASH.finditer(content):
        found = _inline(content[dash.end():], start + dash.end())
        if found is None:
            continue
        fields, date = found
        if date is not None:
            wire = _WIRE_BEFORE_DASH.search(content, 0, dash.start())
            if wire and "agency_start" not in fields:
                fields.update(agency_start=start + wire.start("agency"), agency_end=start + wire.end("agency"))
            return fields, date
    return None


#: "--Newswise — Philadelphia, Dec. 15": the one-word wire right before the dash.
_WIRE_BEFORE_DASH = re.compile(r"(?:^|--|\s)(?P<agency>[A-Z][A-Za-z]+)$")


def _agency_fields(match: re.Match, offset: int) -> dict:
    """Offsets of the agency named in brackets ("(AP)") or slashes ("/PRNewswire/") by an agency match."""
    group = "slashed" if "slashed" in match.re.groupindex and match["slashed"] is not None else "agency"
    return {"agency_start": offset + match.start(group), "agency_end": offset + match.end(group)}


def _shift(m: DateMatch, offset: int) -> DateMatch:
    return DateMatch(m.text, m.start + offset, m.end + offset, m.value)


#: "04.06.2015", "15-05-2005": a numeric date, day first, read only on a header date line.
_NUMERIC_DATE = re.compile(r"(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[.-])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
                           r"(?P<y>(?:1[89]|2[01])\d\d)(?![\w.-]?\d)")
#: Where a numeric date may start inside an inline dateline ("Oslo, 04.06.2015 -").
_NUMERIC_INLINE = re.compile(r"(?<![\w.-])\d{1,2}[.-]\d{1,2}[.-]\d{4}(?![\w.-]?\d)")
#: What may follow a header date: "- Press release", "News Release 05/25".
_TRAILER = re.compile(r"\s*[-|:,]?\s*(?:press|news|media)\s+(?:release|statement|note)"
                      r"(?:\s+(?:no\.?\s*)?[\w/.-]{1,12})?\s*", re.I)
#: After a date line in brackets: nothing, or a dash or colon opening the body.
_AFTER_BRACKET = re.compile(r"\)\s*(?:$|(?:-+|:)\s*\S)")


def _numeric_date(line: str) -> DateMatch | None:
    """A day-first numeric date opening ``line`` ("01.11.2017 6:37"), or None.

    >>> _numeric_date("04.06.2015 - Press release").value.start
    '2015-06-04'
    """
    m = _NUMERIC_DATE.match(line)
    if m is None:
        return None
    try:
        value = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return DateMatch(m.group(), 0, m.end(), DateValue(value.isoformat()))


def _header_date(content: str, start: int) -> DateMatch | None:
    """The date of a header date line (only a date, maybe labelled), or None."""
    line = content.translate(_DASH)
    if line.startswith("("):  # "(29 January 2019)", "(29 January 2019) - The ..."
        m = date_at_start(line[1:], ranges=False) or _numeric_date(line[1:])
        if m is None or not _AFTER_BRACKET.match(line, m.end + 1):
            return None
        if m.value is not None and m.value.precision == "year":
            return None
        return _shift(m, start + 1)
    label = _LABEL.match(line)
    assert label is not None   # the label is optional: the pattern matches at every start
    skip = label.end()
    m = date_at_start(line[skip:], ranges=False) or _numeric_date(line[skip:])
    if m is None:
        return None
    if (_AFTER_HEADER.fullmatch(line, skip + m.end) is None
            and _TRAILER.fullmatch(line, skip + m.end) is None):
        return None
    if m.value is not None and m.value.precision == "year":
        return None
    return _shift(m, start + skip)


#: A sign-off date line is looked for among the release's last lines.
_SIGN_OFF_LINES = 4


def _sign_off_date(text: str) -> DateMatch | None:
    """A date line with its year among the last lines of the release ("27 NOVEMBER 2011")."""
    lines: list[tuple[int, str]] = []
    end = len(text)
    while end > 0 and len(lines) < _SIGN_OFF_LINES:
        start = text.rfind("\n", 0, end) + 1
        content = text[start:end]
        if content.strip():
            lines.append((start + len(content) - len(content.lstrip()), content.strip()))
        end = start - 1
    for start, content in lines:
        m = _header_date(content, start)
        if m is not None and m.value is not None:
            return m
    return None


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
    after_header = False
    for start, content in _lines(text, window):
        if content and inline is None:
            inline = _inline(content, start, after_header) or _after_dash(content, start)
        if content and header is None:
            header = _header_date(content, start)
            if header is not None and previous is not None:
                place_line = _place_line(*previous)
            after_header = header is not None
        elif content:
            after_header = False
        previous = (start, content) if content else None
    if inline is None and header is None:
        header = _sign_off_date(text)
        if header is None:
            return None
    fields = dict(inline[0] if inline is not None else place_line or {})
    for name in ("place", "region", "agency"):
        if f"{name}_start" in fields:
            fields[name] = text[fields[f"{name}_start"]:fields[f"{name}_end"]]
    match = inline[1] if inline is not None and inline[1] is not None else header
    if match is None and inline is not None:
        match = _sign_off_date(text)
    if match is None:
        return Dateline(**fields)
    return Dateline(**fields, date=_with_year(match, header, text, year),
                    date_text=text[match.start:match.end],
                    date_start=match.start, date_end=match.end)


#: "on Thursday" in the lead after a dateline: the weekday of the dateline's day.
_LEAD_WEEKDAY = re.compile(r"\bon\s+(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _with_year(match: DateMatch, header: DateMatch | None, text: str,
               year: int | None) -> DateValue | None:
    """The match's value; a date without a year takes the header date's
    (nearest year), else the text's (``infer_year``), else ``year``.

    A year taken from the text's other dates is only a guess: when the lead
    names the weekday ("ROME, July 6 - ... on Thursday signed"), the year is the
    guessed one or the next that makes the date that weekday, else none.
    """
    if match.value is not None:
        return match.value
    if header is not None and header.value is not None and header.value.precision == "day":
        return normalize_date(match.text, reference=date.fromisoformat(header.value.start))
    found = infer_year(text)
    if found is None:
        return normalize_date(match.text, year=year) if year else None
    end = text.find("\n", match.end)
    weekday = _LEAD_WEEKDAY.search(text, match.end, end if end >= 0 else len(text))
    if weekday is None:
        return normalize_date(match.text, year=found)
    for candidate in (found, found + 1):
        value = normalize_date(match.text, year=candidate)
        if value is not None and value.precision == "day" and WEEKDAYS[
                date.fromisoformat(value.start).weekday()] == weekday["day"].lower():
            return value
    return None
