"""Label repairs that look at the whole document, used by ``kgx_entity_fixes``.

spaCy's small models label the same name differently from one sentence to
the next ("Emory" PERSON here, ORG there; "Yury Fedotov" ORG once and
"Mr. Fedotov" PERSON later), and miss organization names built from an
organization word ("the ILO's Governing Body", "the NATO-Ukraine Commission").
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc, Span

from kgextract.base.chars import JOINING_DASHES
from kgextract.base.countries import country_name, country_record, government_name
from kgextract.base.gazetteers import TITLES, load_list, load_sections
from kgextract.nlp.doc_index import line_break_before

__all__ = ["country_after_place", "grow_person_names", "harmonize_labels", "join_country_names",
           "government_phrases", "list_item_people", "org_of_place", "org_word_names", "person_cues",
           "split_paired_names"]

_NAMED = ("Person", "Organization", "Place")


def _org_words() -> frozenset[str]:
    return load_list("org_words.v1")


def _has_org_word(span: Span) -> bool:
    words = _org_words()
    return any(t.lower_ in words for t in span)


def harmonize_labels(spans: list[Span]) -> list[Span]:
    """One label per name in a document, and person/organization confusions repaired.

    - the same text labelled differently: the majority label wins (an
      organization word in the name breaks ties towards Organization);
    - an organization or place whose last word is the surname of a person
      mentioned elsewhere, with no organization word, is that person;
    - a "person" whose words start an organization's name ("Verano
      Automotive" beside "Verano Automotive Co. Ltd") is that organization.
    """
    named = [s for s in spans if s.label_ in _NAMED]
    votes: dict[str, Counter] = {}
    for s in named:
        votes.setdefault(s.text.lower(), Counter())[s.label_] += 1
    surnames = {s[-1].lower_ for s in named if s.label_ == "Person" and s[-1].is_title}
    full_surnames = {_surname(s) for s in named if s.label_ == "Person" and len(s) > 1}
    # organization names that say they are one ("Verano Automotive Co. Ltd"), not "Olabode of Ife"
    org_starts = [s.text.lower().split() for s in named if s.label_ == "Organization" and len(s) > 1
                  and _has_org_word(s)]
    name_words = {t.lower_ for s in named if s.label_ == "Person" and len(s) > 1 for t in s}
    placed = {s.text.lower() for s in named if s.label_ == "Person" and len(s) == 1 and _used_as_place(s)}
    located = {s.text.lower() for s in named if s.label_ == "Place" and _used_as_place(s)}
    lone = {s.text.lower() for s in named if s.label_ == "Person" and len(s) == 1 and s[0].lower_ not in name_words}
    out = []
    for s in spans:
        label = s.label_
        if label in _NAMED:
            count = votes[s.text.lower()]
            top = count.most_common()
            if len(top) > 1:
                best = top[0][1]
                tied = [lab for lab, n in top if n == best]
                label = "Organization" if len(tied) > 1 and "Organization" in tied and _has_org_word(s) else tied[0]
                if len(tied) > 1 and "Place" in tied and not _has_org_word(s):
                    label = "Place"  # "BERLIN" (ORG in a dateline) and "Berlin" (GPE): a place
                if len(tied) > 1 and "Person" in tied and not _has_org_word(s):
                    label = "Person"
            if label in ("Organization", "Place") and len(s) in (2, 3) and s[-1].lower_ in surnames \
                    and all(t.is_title for t in s) and not _has_org_word(s):
                label = "Person"
            if label == "Person" and s.text.lower() in lone and s.text.lower() in placed \
                    and count["Person"] < 2 * (sum(count.values()) - count["Person"]) + 2:
                label = "Organization"  # "came to Emory", "across Emory": no first name anywhere
                # (unless the model calls it a person far more often: "Olabode" carved, "by Olabode")
            elif label == "Person" and len(s) > 1 and s[-1].is_title and s[-1].lower_ in _org_words():
                label = "Organization"  # "Northwind Labs", "Globex Industries"
            elif label in ("Person", "Place"):
                words = s.text.lower().split()
                if any(len(o) > len(words) and o[: len(words)] == words for o in org_starts) \
                        and s.text.lower() not in located and not (label == "Place" and government_name(s.text)):
                    label = "Organization"  # "Verano" beside "Verano Automotive Co. Ltd" (not "visit Porto")
                elif label == "Person" and len(s) == 1 and s[0].lower_ not in full_surnames \
                        and len(count) > 1 and "Organization" in count:
                    label = "Organization"  # a lone word never given a first name, tagged ORG elsewhere
        out.append(s if label == s.label_ else Span(s.doc, s.start, s.end, label=label))
    return out


_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _surname(span: Span) -> str:
    """The last name of a full name, past a suffix ("John Henry King Jr." -> "king")."""
    words = [t.lower_ for t in span if t.lower_ not in _NAME_SUFFIXES and t.text != ","]
    return words[-1] if words else span[-1].lower_


def _used_as_place(span: Span) -> bool:
    """A name after "at/from/to/across" is used as an institution ("came to Emory")."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start else None
    return prev is not None and (prev.lower_ in ("at", "from", "to", "across", "within", "in")
                                 or prev.lemma_ == "visit")


def org_word_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Organization names that end in an organization word and that the model missed.

    A run of capitalised (or hyphenated capitalised) words ending in a word
    such as Commission, Council or Body, not inside another mention.
    """
    words = _org_words()
    covered = {i for s in spans for i in range(s.start, s.end)}
    extra = []
    for tok in doc:
        if not (tok.is_title and tok.lower_ in words) or tok.i in covered:
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if prev.text in ("-", "&") or (prev.is_title or prev.is_upper and prev.is_alpha) and prev.i not in covered:
                start -= 1
            elif prev.i in covered and doc[start].text == "-":
                start -= 1  # "NATO-Ukraine Commission": the acronym before the hyphen
            else:
                break
        while start < tok.i and doc[start].text in ("-", "&"):
            start += 1
        if start == tok.i or doc[start].is_sent_start and start + 1 == tok.i:
            continue  # a lone organization word ("Council") is not a name
        extra.append(Span(doc, start, tok.i + 1, label="Organization"))
    taken = [s for s in spans if not any(e.start <= s.start and s.end <= e.end and s.label_ != "Person" for e in extra)]
    return taken + extra


def split_paired_names(spans: list[Span]) -> list[Span]:
    """ "Olabode and Ayinde" read as one ORG: two people when either name is a person elsewhere
    in the document and the pair has no organization word ("Johnson & Johnson" stays)."""
    people = {s[-1].lower_ for s in spans if s.label_ == "Person"}
    out = []
    for s in spans:
        if s.label_ == "Organization" and len(s) == 3 and s[1].lower_ == "and" and s[0].is_title \
                and s[2].is_title and not _has_org_word(s) and (s[0].lower_ in people or s[2].lower_ in people):
            out.append(Span(s.doc, s.start, s.start + 1, label="Person"))
            out.append(Span(s.doc, s.end - 1, s.end, label="Person"))
        else:
            out.append(s)
    return out


def person_cues(doc: Doc, spans: list[Span]) -> list[Span]:
    """Organizations that the text shows to be people: retyped, not dropped.

    - an honorific opens the name ("the Honourable Jo Baptiste"): the person, without it;
    - the name is given a title with "as" ("re-elect Lena Holm as chairman of the
      board"): a person, when the name has no organization word.
    """
    honorifics = load_list("honorifics.v1")
    titles = load_list(TITLES)
    out = []
    for s in spans:
        if s.label_ != "Organization" or _has_org_word(s):
            out.append(s)
            continue
        start = s.start
        while start < s.end - 1 and (doc[start].lower_ in honorifics or doc[start].text == "."):
            start += 1
        after = s.end + (1 if s.end + 1 < len(doc) and doc[s.end + 1].lower_ in ("the", "a", "an") else 0)
        titled = s.end + 1 < len(doc) and doc[s.end].lower_ == "as" and after + 1 < len(doc) \
            and doc[after + 1].lower_ in titles and doc[after + 1].lower_ not in _org_roles()
        if start > s.start and all(t.is_title for t in doc[start:s.end]) or titled and all(t.is_title for t in s):
            out.append(Span(doc, start, s.end, label="Person"))
        else:
            out.append(s)
    return out


def join_country_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name cut at the "and" of a country's name ("the Government of the Republic of
    Trinidad" + "and Tobago") made whole, and two regions joined by "and the" ("Asia and
    the Pacific", not "France and the Netherlands"); the split-off part is dropped."""
    by_start = {s.start: s for s in spans}
    grown: dict[int, Span] = {}
    for s in spans:
        if s.label_ not in ("Organization", "Place") or s.end + 1 >= len(doc) or doc[s.end].lower_ != "and":
            continue
        for width in (1, 2, 3):  # words after "and": "Tobago", "the Grenadines", "McDonald Islands"
            end = s.end + 1 + width
            tail = doc[s.end + 1 : end]
            if end > len(doc) or not tail[-1].is_title:
                break
            for back in (1, 2):  # words of the country before "and": "Trinidad", "Saint Kitts"
                head = doc[max(s.start, s.end - back) : end].text
                record = country_record(head)
                if record is not None and record.name.lower() == head.lower():
                    grown[id(s)] = Span(doc, s.start, end, label=s.label_)
                    break
            if id(s) in grown:
                break
    by_start = {s.start: s for s in spans if s.label_ == "Place"}
    for s in spans:  # "Asia and the Pacific", "Latin America and the Caribbean": one region
        other = by_start.get(s.end + 2)
        if s.label_ == "Place" and other is not None and id(s) not in grown and s.end + 2 < len(doc) \
                and doc[s.end].lower_ == "and" and doc[s.end + 1].lower_ == "the" \
                and country_record(s.text) is None and country_record(other.text) is None:
            grown[id(s)] = Span(doc, s.start, other.end, label="Place")
    if not grown:
        return spans
    ranges = [(g.start, g.end) for g in grown.values()]
    out = []
    for s in spans:
        if id(s) in grown:
            out.append(grown[id(s)])
        elif not any(a <= s.start and s.end <= b for a, b in ranges):
            out.append(s)
    return out


_HYPHENS = JOINING_DASHES


def _name_word(tok) -> bool:
    """A capitalised word of a name ("Jean", "Mbala") or a hyphen inside one; not "H.E."."""
    return tok.tag_ == "NNP" and tok.is_title and tok.is_alpha or tok.text in _HYPHENS and tok.whitespace_ == ""


@functools.lru_cache(maxsize=1)  # fixed data: built once
def _name_stops() -> frozenset[str]:
    """Words that end a person's name on its left: honorifics and one-word titles."""
    return frozenset(load_list("honorifics.v1") | {t for t in load_list(TITLES) if " " not in t})


def grow_person_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name cut after its first names ("H.E. Jean-Claude" read as a product,
    "Mbala Tshibanda" as the person): the Person takes the capitalised name words right
    before it that no other mention holds, up to an honorific, a title or the sentence start.

    Also a name that is the end of a person's full name elsewhere in the document
    ("Okafor-Smith" beside "Jean-Paul Okafor-Smith", any hyphen) is that person.
    """
    stop = _name_stops()
    covered = {i for s in spans if s.label_ != "Person" for i in range(s.start, s.end)}
    out = []
    for s in spans:
        start = s.start
        if s.label_ == "Person":
            while start > 0 and not doc[start].is_sent_start and _name_word(doc[start - 1]) \
                    and doc[start - 1].i not in covered and doc[start - 1].lower_ not in stop \
                    and doc[start - 1].ent_type_ in ("", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP"):
                start -= 1
            while start < s.start and doc[start].text in _HYPHENS:
                start += 1
        end = s.end
        if s.label_ == "Person" and len(s) == 1 and end < len(doc) and doc[end].is_title and doc[end].is_alpha \
                and not doc[end].is_sent_start and end not in covered and doc[end].ent_type_ == "" \
                and doc[end].lower_ not in stop:
            end += 1  # "Speaker Anita Among and her deputy": a surname that is also a word ("Among")
        out.append(s if (start, end) == (s.start, s.end) else Span(doc, start, end, label="Person"))
    fulls = [_dehyphen(s.text) for s in out if s.label_ == "Person" and len(s) > 1]
    final = []
    for s in out:
        text = _dehyphen(s.text)
        if s.label_ == "Organization" and not _has_org_word(s) and country_record(s.text) is None and any(
                f.endswith(" " + text) for f in fulls):
            s = Span(doc, s.start, s.end, label="Person")
        final.append(s)
    return final


def _dehyphen(text: str) -> str:
    for h in _HYPHENS[1:]:
        text = text.replace(h, "-")
    return text


def country_after_place(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "in Goma, Congo": a one-word "person" that names a country right after a place
    and a comma is the country the place is in."""
    places = {s.end for s in spans if s.label_ == "Place"}
    out = []
    for s in spans:
        if s.label_ == "Person" and len(s) == 1 and s.start >= 2 and doc[s.start - 1].text == "," \
                and s.start - 1 in places and country_record(s.text) is not None:
            s = Span(doc, s.start, s.end, label="Place")
        out.append(s)
    return out


_BULLETS = {"\u2022", "-", "*", "\u00b7", "\u2013", "\u2014", "\u25aa", "\u25cf", "\u25e6", "\u2023", "o"}


def _org_roles() -> frozenset[str]:
    """Titles organizations hold too ("partner", "observer"): no cue for a person."""
    return load_sections("non_names.v2")["org_roles"]


def _starts_title(doc: Doc, i: int) -> bool:
    """Whether a title that only people hold starts at token ``i`` ("chief legal officer", "Treasurer")."""
    titles = load_list(TITLES)
    if doc[i].lower_ in _org_roles():
        return False
    for n in (4, 3, 2, 1):
        if i + n <= len(doc) and doc[i : i + n].text.lower() in titles:
            return True
    return False


def list_item_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "- Ines Carvalho-Lund, treasurer": a line (a bullet item or not) that opens with a
    name of two to four capitalised words, a comma and a title names a person, whatever
    the model made of the name (nothing, an organization, a place)."""
    extra = []
    places = {(s.start, s.end) for s in spans if s.label_ == "Place"}
    for tok in doc:
        if not line_break_before(doc, tok.i):
            continue
        i = tok.i
        while i < len(doc) and (doc[i].text in _BULLETS or doc[i].like_num and doc[i + 1 : i + 2].text in (".", ")")):
            i += 2 if doc[i].like_num else 1
        j = i
        while j < len(doc) and j - i < 7 and (doc[j].is_title and doc[j].is_alpha or doc[j].text in _HYPHENS
                                               and doc[j].whitespace_ == "" and j > i):
            j += 1
        honorifics = load_list("honorifics.v1")
        while i < j and (doc[i].lower_ in honorifics or doc[i].lower_ in ("the", ".")):
            i += 1  # "The Honourable Jo Baptiste, Minister of ...": the name without its honorific
        words = [t for t in doc[i:j] if t.is_alpha]
        if not 2 <= len(words) <= 4 or j + 1 >= len(doc) or doc[j].text != "," or not _starts_title(doc, j + 1):
            continue
        name = Span(doc, i, j, label="Person")
        if any(t.lower_ in _org_words() or t.lower_ in load_list(TITLES) for t in name):
            continue  # "Acme Labs, partner", "Chief Counsel, ..." are not people's names
        if (i, j) in places or country_record(name.text) is not None:
            continue  # "New York, Mayor Jo Lee said": a place opens the line
        extra.append(name)
    if not extra:
        return spans
    kept = [s for s in spans if not any(s.start < e.end and e.start < s.end for e in extra)]
    return kept + extra


def org_of_place(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Embassy of the Republic of Korea", "the Permanent Mission of Peru": an
    organization word (capitalised, in no mention) + "of" + a place mention is one
    organization's name; the place inside it is not a mention of its own."""
    words = _org_words()
    covered = {i for s in spans for i in range(s.start, s.end)}
    by_start = {s.start: s for s in spans if s.label_ == "Place"}
    grown: dict[int, Span] = {}
    for tok in doc[:-2]:
        if not (tok.is_title and tok.lower_ in words) or tok.i in covered or doc[tok.i + 1].lower_ != "of":
            continue
        at = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
        place = by_start.get(at) or by_start.get(tok.i + 2)
        if place is None:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].i not in covered \
                and doc[start - 1].lower_ not in ("the", "a", "an") and not doc[start - 1].is_sent_start:
            start -= 1  # "Permanent Mission of", "Royal Embassy of"
        grown[id(place)] = Span(doc, start, place.end, label="Organization")
    return [grown.get(id(s), s) for s in spans]


def government_phrases(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Mongolian government", "Peru's government", "the government of Japan": a
    country's government named in lower case is an organization mention (named
    "Government of <country>" when entities are built); the country inside it is not
    a mention of its own."""
    by_start = {s.start: s for s in spans}
    by_end = {s.end: s for s in spans}
    new: list[Span] = []
    for tok in doc[1:]:
        if tok.lower_ not in ("government", "govt"):
            continue
        i = tok.i
        before = i - 1 if doc[i - 1].tag_ != "POS" else i - 2  # "Peru's government"
        if before >= 0 and country_name(doc[before].text) is not None and doc[before].is_title \
                and (before + 1 not in by_end or by_end[before + 1].label_ == "Place"):
            new.append(Span(doc, before, i + 1, label="Organization"))
            continue
        if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and tok.is_lower:
            place = by_start.get(i + 2)
            if place is not None and place.label_ == "Place" and country_name(place.text) is not None:
                new.append(Span(doc, i, place.end, label="Organization"))
    if not new:
        return spans
    kept = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    return kept + new
