"""The ``kgx_roles`` component: job titles as Role mentions.

Titles come from the versioned gazetteer (``data/titles.v3.txt``) and are
widened over what qualifies them in press releases:

- modifiers before the title: "Executive Vice President", "interim CFO";
- a "for ..." remit: "High Representative for Disarmament Affairs";
- "to <Capitalised>": "Ambassador to Japan", "Special Adviser to the Minister";
- "of the Board": "Chairman of the Board".

A trailing "of <organization>" is *not* part of the title: it names the
organization the role is held in, which the relation extractors read.
Whether a title is held by a named person is decided later; an unheld title
never becomes an entity.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from kgextract.base.countries import government_name
from kgextract.base.gazetteers import (
    EVENT_NOUNS,
    TITLE_MODIFIERS,
    TITLES,
    load_list,
    portfolio_words,
)
from kgextract.base.names import honorific_words
from kgextract.nlp.doc_index import line_starts, remembering
from kgextract.nlp.entity_fixes import drop_overlaps
from kgextract.nlp.extensions import MENTIONS

__all__ = ["Roles", "make_roles", "ABBREVIATIONS", "MODIFIERS", "PATTERNS", "SHORT_FORMS", "short_forms",
           "expand_abbreviation", "holders_after", "line_before", "own_line", "plural", "singular"]

#: Words that qualify a title before it ("Senior", "Under").
MODIFIERS = TITLE_MODIFIERS

#: Token patterns for open-ended titles ("Chief Content Officer").
PATTERNS = "title_patterns.v1"

#: Short forms of titles ("Gov.", "Sen.").
SHORT_FORMS = "title_short_forms.v1"

#: Portfolio words that stay inside a title after "of" ("Minister of the Interior").

#: Short forms that name the same Role as their long form.
ABBREVIATIONS = {
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "cmo": "chief marketing officer",
    "cso": "chief strategy officer",
    "clo": "chief legal officer",
    "chro": "chief human resources officer",
    "evp": "executive vice president",
    "svp": "senior vice president",
    "vp": "vice president",
}

_HONORIFIC_TITLES = {"professor", "prof", "sheikh", "sheikha", "sheik"}  # before a name: part of how one is called
_ACADEMIC_MODIFIERS = {"associate", "assistant", "research", "visiting", "adjunct", "full", "distinguished"}
_HONORIFICS = honorific_words()
_BOARD_WORDS = {"board", "directors", "trustees", "governors", "regents"}


@Language.factory("kgx_roles", default_config={"gazetteer": TITLES}, requires=["doc.spans"], assigns=["doc.spans"])
def make_roles(nlp: Language, name: str, gazetteer: str) -> Roles:
    """Build the component; ``gazetteer`` names the title list in ``base/data``."""
    return Roles(nlp, gazetteer)


def short_forms() -> dict[str, str]:
    """Short forms of titles written before a name ("gov." -> "governor"), from ``SHORT_FORMS``.

    >>> short_forms()["sen."]
    'senator'
    """
    pairs = (line.split("=", 1) for line in load_list(SHORT_FORMS))
    return {short.strip(): full.strip() for short, full in pairs}


def expand_abbreviation(title: str) -> str:
    """Spell out a title's abbreviated head ("interim CFO" -> "interim chief financial officer",
    "Gov." -> "Governor").

    >>> expand_abbreviation("interim CFO"), expand_abbreviation("Lt. Gov.")
    ('interim chief financial officer', 'Lieutenant Governor')
    """
    full = short_forms().get(title.lower())
    if full is not None:
        return full.title() if title[:1].isupper() else full
    words = title.split()
    return " ".join(ABBREVIATIONS.get(w.lower(), w) for w in words)


class Roles:
    """Add ``Role`` spans for job titles to ``doc.spans[MENTIONS]``."""

    def __init__(self, nlp: Language, gazetteer: str = TITLES):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        titles = set(load_list(gazetteer)) | set(ABBREVIATIONS)
        self.short = PhraseMatcher(nlp.vocab, attr="LOWER")
        # tokenised as written before a name ("Gov." is one token, "gov." two)
        self.short.add("SHORT", [nlp.make_doc(t.title()) for t in sorted(short_forms())])
        self.matcher.add("TITLE", [nlp.make_doc(t) for t in sorted(titles)])
        self.plurals = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.plurals.add("PLURAL", [nlp.make_doc(p) for p in sorted({plural(t) for t in titles if " of " not in t})])
        self.modifiers = {m.rstrip(".") for m in load_list(MODIFIERS)}
        self.patterns = Matcher(nlp.vocab)
        self.patterns.add("TITLE", [json.loads(p) for p in sorted(load_list(PATTERNS))], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        with remembering(doc):  # the line of each title is asked for: the line breaks are found once
            return self._call(doc)

    def _call(self, doc: Doc) -> Doc:
        mentions = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
        entity_at = {i: s for s in mentions for i in range(s.start, s.end)}
        raw = [(start, end) for _, start, end in self.matcher(doc)]
        raw += [(start, end) for _, start, end in self.patterns(doc) if not _open_pattern_overrun(doc, start, end)]
        shorts = [(start, end) for _, start, end in self.short(doc)  # "Gov. Jane Roe": only right before a name
                  if doc[start].is_title and end < len(doc) and _person_starts(doc, end, entity_at)]
        bodies = drop_overlaps([b for b in (_possessive_body(doc, s, e, entity_at)
                                            or _title_led_name(doc, s, e, entity_at)
                                            for s, e in raw) if b is not None])
        bodies = [b for b in bodies if not any(m.start <= b.start and b.end <= m.end for m in mentions)]
        if bodies:  # "the Prime Minister's Office" is an organization: what the model found inside it gives way
            mentions = [m for m in mentions if not any(b.start < m.end and m.start < b.end for b in bodies)] + bodies
            entity_at = {i: s for s in mentions for i in range(s.start, s.end)}
        matches = [(start, end) for start, end in raw
                   if not _bad_title_context(doc, start, end) and not _honorific_use(doc, start, end, entity_at)
                   and not _inside_name(doc, start, end, entity_at)]
        matches += shorts
        starts = {start for start, _ in matches}
        starts |= {i for i in range(len(doc)) if doc[i].lower_.rstrip(".") in self.modifiers and i + 1 in starts}
        titles = [self._widen(doc, start, end, entity_at, starts) for start, end in matches]
        titles += self._shared(doc, entity_at)
        titles = drop_overlaps(titles)
        honoured = _styled_names(doc, titles, entity_at)
        if honoured:  # "the Honourable Jane Roe, Minister of ...": the model's ORG over the name gives way
            mentions = [m for m in mentions
                        if not any(h.start < m.end and m.start < h.end for h in honoured)] + honoured
        mentions += _acronyms_before(doc, titles, entity_at)
        mentions += _signature_names(doc, titles, entity_at)
        mentions += _names_after_titles(doc, titles, entity_at)
        mentions += _possessive_units(doc, titles, entity_at)
        kept = []
        for span in mentions:
            if any(t.start <= span.start and span.end <= t.end for t in titles):
                continue  # an ORG spaCy found inside a title's remit
            overlap = next((t for t in titles if t.start < span.end and span.start < t.end), None)
            if overlap is not None:  # the title wins; what is left of the mention stays
                trimmed = _trim_after(span, overlap)
                if trimmed is not None:
                    kept.append(trimmed)
                continue
            kept.append(span)
        doc.spans[MENTIONS] = sorted(kept + titles, key=lambda s: (s.start, s.end))
        return doc

    def _shared(self, doc: Doc, entity_at: dict[int, Span]) -> list[Span]:
        """ "Vice Presidents Jane Roe and John Doe": a plural title right before a list of
        names is one title each of them holds; the span's ``kb_id`` carries the singular name."""
        found = []
        for _, start, end in self.plurals(doc):
            if len(holders_after(doc, end, entity_at)) < 2:
                continue
            while start > 0 and doc[start - 1].lower_.rstrip(".") in self.modifiers and start - 1 not in entity_at:
                start -= 1  # "Senior Vice Presidents"
            words = doc[start:end].text.split()
            name = " ".join(words[:-1] + [singular(words[-1])])
            found.append(Span(doc, start, end, label="Role", kb_id=name))
        return found

    def _widen(self, doc: Doc, start: int, end: int, entity_at: dict[int, Span], starts: set[int]) -> Span:
        while start > 0:
            prev = start - 1
            if prev > 0 and doc[prev].text == "-" and not doc[prev - 1].whitespace_ and not doc[prev].whitespace_:
                prev -= 1  # "Under-Secretary General"
            if not (doc[prev].lower_.rstrip(".") in self.modifiers and (
                    prev not in entity_at or len(entity_at[prev]) == 1
                    or entity_at.get(start) is entity_at[prev])):  # the model wrapped the whole title
                break
            start = prev  # "Senior Programme Officer", even when the model tagged "Senior"
        end = _widen_right(doc, end, entity_at, starts)
        return Span(doc, start, end, label="Role")


def _line_at(doc: Doc, i: int) -> Span:
    """The words of the line token ``i`` stands on, without white space."""
    starts = line_starts(doc)  # once per document inside ``remembering``
    k = bisect.bisect_right(starts, i)
    start = starts[k - 1]
    end = starts[k] if k < len(starts) else len(doc)
    while end > start and doc[end - 1].is_space:
        end -= 1
    while start < end and doc[start].is_space:
        start += 1
    return doc[start:end]


def own_line(span: Span) -> Span | None:
    r"""``span`` if it stands alone on its line, else None.

    >>> import spacy
    >>> doc = spacy.blank("en")("Jane Roe\nChief Executive Officer")
    >>> own_line(doc[3:6]).text, own_line(doc[3:5])
    ('Chief Executive Officer', None)
    """
    line = _line_at(span.doc, span.start)
    return span if (line.start, line.end) == (span.start, span.end) else None


def line_before(span: Span) -> Span | None:
    r"""The non-blank line right before the line ``span`` starts on (without white space).

    >>> import spacy
    >>> doc = spacy.blank("en")("Jane Roe\n\nChief Executive Officer")
    >>> line_before(doc[3:6]).text
    'Jane Roe'
    """
    doc = span.doc
    i = _line_at(doc, span.start).start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return None
    line = _line_at(doc, i)
    return line if len(line) else None


_INITIAL = re.compile(r"[A-Z]\.")


def _signature_names(doc: Doc, titles: list[Span], entity_at: dict[int, Span]) -> list[Span]:
    """ "Jane Roe / Acting Deputy Spokesman": a line of two to four capitalised words (initials
    allowed) right above a line that holds only a title is the name of the title's holder."""
    found = []
    for title in titles:
        above = line_before(title) if own_line(title) is not None else None
        if above is None or not 2 <= len(above) <= 4 or any(i in entity_at for i in range(above.start, above.end)):
            continue
        if all(t.is_title and t.is_alpha or _INITIAL.fullmatch(t.text) for t in above) \
                and not any(t.lower_.rstrip(".") in _HONORIFICS for t in above) \
                and not _INITIAL.fullmatch(above[0].text) and not _INITIAL.fullmatch(above[-1].text):
            found.append(Span(doc, above.start, above.end, label="Person"))
    return found


def plural(title: str) -> str:
    """The plural of a title (its last word).

    >>> plural("vice president"), plural("chairman"), plural("deputy"), plural("board member")
    ('vice presidents', 'chairmen', 'deputies', 'board members')
    """
    head, _, last = title.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def singular(word: str) -> str:
    """The singular of a title's plural last word, keeping its case.

    >>> singular("Presidents"), singular("Chairmen"), singular("Deputies"), singular("Bosses")
    ('President', 'Chairman', 'Deputy', 'Boss')
    """
    if word.lower().endswith("men"):
        return word[:-3] + ("man" if word[-1].islower() else "MAN")
    if word.lower().endswith("ies"):
        return word[:-3] + ("y" if word[-1].islower() else "Y")
    if word.lower().endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1]


def holders_after(doc: Doc, end: int, entity_at: dict[int, Span]) -> list[Span]:
    """The people listed right after ``end`` ("Jane Roe, Dr. John Doe and Mary Major"), each
    behind its honorifics; empty unless a name starts right there."""
    found = []
    i = end
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].lower_.rstrip(".") in _HONORIFICS:
            j += 1
        span = entity_at.get(j)
        if span is None or span.label_ != "Person" or span.start != j:
            break
        found.append(span)
        i = span.end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ == "and":
            i += 1
        if i == span.end:
            break
    return found


def _open_pattern_overrun(doc: Doc, start: int, end: int) -> bool:
    """ "Head of Digital Jane Roe": an open pattern must not run into a person's name."""
    return any(doc[i].ent_type_ == "PERSON" for i in range(start + 1, end))


def _title_led_name(doc: Doc, start: int, end: int, entity_at: dict[int, Span]) -> Span | None:
    """ "Chancellor College", "the Governor Hotel": a capitalised title word right before a
    capitalised organization word starts an organization's name (over the model's "College")."""
    if not (end < len(doc) and doc[end].is_title and doc[end].lower_ in load_list("org_words.v1")
            and doc[start].is_title and not _person_starts(doc, end, entity_at)):
        return None
    inner = entity_at.get(end)
    if inner is not None and inner.label_ not in ("Organization", "Place"):
        return None
    stop = inner.end if inner is not None and inner.start == end else end + 1
    return Span(doc, start, stop, label=inner.label_ if inner is not None else "Organization")


def _possessive_body(doc: Doc, start: int, end: int, entity_at: dict[int, Span]) -> Span | None:
    """ "the Prime Minister's Office", "the President's Council on Fitness": a capitalised
    title, a possessive and a capitalised organization word name a body, an Organization
    (over what the model found inside it: "Council on Fitness")."""
    if not (end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end + 1].is_title
            and doc[end + 1].lower_ in load_list("org_words.v1") and doc[start].is_title):
        return None
    while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_.rstrip(".") in _MODIFIER_WORDS:
        start -= 1
    stop = end + 2
    while stop < len(doc) and doc[stop].is_title:
        stop += 1
    inner = entity_at.get(end + 1)
    if inner is not None and inner.label_ == "Organization":
        stop = max(stop, inner.end)  # the model's "Council on Fitness"
    return Span(doc, start, stop, label="Organization")


_MODIFIER_WORDS = {"prime", "deputy", "vice", "chief", "foreign", "first"}


def _names_after_titles(doc: Doc, titles: list[Span], entity_at: dict[int, Span]) -> list[Span]:
    """ "the President of Chile Tomas Irarrazabal": two or three capitalised proper nouns
    the model left untagged, right after a title (and its "of <country>"), are its holder's name."""
    found = []
    for title in titles:
        line = _line_at(doc, title.start)
        if sum(t.is_alpha and t.is_lower and len(t) > 3 for t in line) < 2:
            continue  # a headline capitalises every word: "Prime Minister Visits New Plant"
        p = title.end
        if p + 1 < len(doc) and doc[p].lower_ == "of":
            q = p + 1 + (doc[p + 1].lower_ == "the")
            place = entity_at.get(q)
            if place is not None and place.label_ == "Place" and place.start == q:
                p = place.end
            elif q < len(doc) and government_name(doc[q].text) is not None:
                p = q + 1
            else:
                continue
        q = p
        while q < len(doc) and q - p < 4 and doc[q].is_title and doc[q].is_alpha and doc[q].pos_ == "PROPN" \
                and q not in entity_at and doc[q].ent_type_ in ("", "PERSON") and doc[q].lower_ not in _HONORIFICS:
            q += 1
        if 2 <= q - p <= 3 and (q >= len(doc) or not doc[q].is_title) \
                and not any(t.lower_ in _not_name_words() for t in doc[p:q]):  # "CEO Summit Meeting" is no name
            found.append(Span(doc, p, q, label="Person"))
    return found




def _styled_names(doc: Doc, titles: list[Span], entity_at: dict[int, Span]) -> list[Span]:
    """ "The Honourable Jane Roe, Minister of Trade": two or three capitalised words between
    a style of address and the comma before a title are its holder's name, whatever the
    model made of them (nothing, or an ORG "Honourable Jane Roe")."""
    found = []
    for title in titles:
        comma = title.start - 1
        if comma < 3 or doc[comma].text != ",":
            continue
        p = comma
        while p > 0 and comma - p < 3 and doc[p - 1].is_title and doc[p - 1].is_alpha and doc[p - 1].pos_ == "PROPN" \
                and doc[p - 1].lower_ not in _HONORIFICS:
            p -= 1
        if not 2 <= comma - p <= 3 or p == 0 or doc[p - 1].lower_.rstrip(".") not in _HONORIFICS:
            continue
        inner = entity_at.get(p)
        if inner is not None and inner.label_ == "Person" and inner.start == p and inner.end == comma:
            continue  # the model found the name already
        if any(entity_at.get(i) is not None and entity_at[i].label_ in ("Role", "Event") for i in range(p, comma)):
            continue
        found.append(Span(doc, p, comma, label="Person"))
    return found


def _possessive_units(doc: Doc, titles: list[Span], entity_at: dict[int, Span]) -> list[Span]:
    """ "the ILO's Governing Body", "ACME's Audit Panel": a capitalised body name after an
    organization's (or an acronym's) possessive is an Organization, and so is the acronym.
    (The unit's parent is read by ``relations.places``.)"""
    found = []
    covered = {i for t in titles for i in range(t.start, t.end)}
    units = load_list("org_words.v1") | _UNIT_HEADS
    for tok in doc:
        i = tok.i
        if tok.tag_ != "POS" or i == 0 or i + 1 >= len(doc):
            continue
        owner = entity_at.get(i - 1)
        if owner is None and not (_ACRONYM.fullmatch(doc[i - 1].text) and doc[i - 1].lower_ not in ABBREVIATIONS):
            continue
        if owner is not None and (owner.label_ != "Organization" or owner.end != i):
            continue
        j = i + 1
        while j < len(doc) and j - i <= 4 and doc[j].is_title and j not in entity_at and j not in covered:
            j += 1
        if j == i + 1 or doc[j - 1].lower_ not in units:
            continue
        if owner is None:
            found.append(Span(doc, i - 1, i, label="Organization"))
        found.append(Span(doc, i + 1, j, label="Organization"))
    return found


#: Head nouns of an organization's units besides the organization words ("Governing Body").
_UNIT_HEADS = {"body", "panel", "bureau", "chamber", "directorate", "taskforce"}


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Titles, organization words and event words: none is part of a name after a title
    (the union is built once, not once per title)."""
    return load_list(TITLES) | load_list("org_words.v1") | _event_words()


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    """Single words of the event noun list ("summit", "conference")."""
    return frozenset(w for entry in load_list(EVENT_NOUNS) for w in entry.replace(":", " ").split())


def _acronyms_before(doc: Doc, titles: list[Span], entity_at: dict[int, Span]) -> list[Span]:
    """ "GLOBEX trader", "ACME assistant news director", "NORDTEL's technical manager": an acronym
    in capitals right before a title (past its possessive and up to two lower-case words)
    names the organization the title is held in, even when the model missed it."""
    found = []
    for title in titles:
        i = title.start - 1
        while i > 0 and title.start - i <= 2 and doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN"):
            i -= 1
        if i > 0 and doc[i].tag_ == "POS":
            i -= 1
        tok = doc[i] if i >= 0 else None
        if tok is not None and i not in entity_at and _ACRONYM.fullmatch(tok.text) \
                and tok.lower_ not in ABBREVIATIONS and not (i > 0 and doc[i - 1].is_upper and doc[i - 1].is_alpha) \
                and not (i > 1 and doc[i - 1].text == "-" and doc[i - 2].i in entity_at):
            start = i - 2 if i >= 2 and doc[i - 1].text == "-" and _ACRONYM.fullmatch(doc[i - 2].text) else i
            found.append(Span(doc, start, i + 1, label="Organization"))  # "NORD-PRESS" may be three tokens
    return found


_ACRONYM = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})?")


def _inside_name(doc: Doc, start: int, end: int, entity_at: dict[int, Span]) -> bool:
    """A title word that is (part of) a person's name: "John Henry King", "King was shot"
    (the model's PERSON is the whole mention, or the word is not its first)."""
    span = entity_at.get(start)
    if span is not None and span.start == start and span.end == end and start > 0 and doc[start - 1].text == "," \
            and end + 1 < len(doc) and doc[end].lower_ == "of":
        return False  # "Jane Roe, Dean of the College": the model took the title for a name
    return span is not None and span.label_ == "Person" and (
        span.start < start or span.start == start and span.end == end)


def _honorific_use(doc: Doc, start: int, end: int, entity_at: dict[int, Span]) -> bool:
    """ "Professor Helen Ward": a bare academic title right before a name is an honorific."""
    if end - start != 1 or doc[start].lower_.rstrip(".") not in _HONORIFIC_TITLES:
        return False
    nxt = entity_at.get(end)
    return nxt is not None and nxt.label_ == "Person" and nxt.start == end and (
        start == 0 or doc[start - 1].lower_.rstrip(".") not in _ACADEMIC_MODIFIERS)


def _bad_title_context(doc: Doc, start: int, end: int) -> bool:
    """Skip title words used otherwise ("a general debate", "the State")."""
    tok = doc[end - 1]
    if tok.lower_ == "head" and end < len(doc) and doc[end].lower_ in ("office", "offices", "quarters"):
        return True  # "the Foundation's head office": a seat, not a post
    if end < len(doc) and doc[end].is_title and doc[end].lower_ in load_list("org_words.v1") \
            and start > 0 and doc[start - 1].is_title:
        return True  # "the Juvenile Justice Committee": a title word inside an organization's name
    if end < len(doc) and doc[end].is_title and doc[end].lower_ in load_list("org_words.v1") and doc[start].is_title:
        return True  # "Chancellor College": a name that starts with a title word (see _title_led_name)
    if end < len(doc) and doc[end].tag_ == "POS":
        return True  # "the President's chief of staff", "the Prime Minister's Office" (a body: _possessive_body)
    if end - start == 1 and tok.lower_ == "representative" and start > 0 and doc[start - 1].lower_ in ("a", "an"):
        return True  # "Jane Roe, a representative of Acme": a description (memberOf), not a post
    if tok.pos_ in ("VERB", "ADJ") and tok.lower_ not in ABBREVIATIONS:
        return True
    if tok.tag_ in ("NNS", "NNPS") and not tok.text.isupper():
        return True  # "ISAF partners", "foreign ministers": a group, not one person's title
    if tok.dep_ == "compound" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i == end:
        return True  # "partner countries"
    if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end - 1].is_lower:
        nxt = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else doc[end + 1]
        return nxt.is_lower  # "a leader in the shipping industry": a description, not a post
    return False


def _widen_right(doc: Doc, end: int, entity_at: dict[int, Span], starts: set[int]) -> int:
    """Extend a title over its remit ("for ..."), "to <Capitalised>" and "of the Board".

    The remit stops where the next title of a coordination starts
    ("Ambassador for Security Affairs and Special Adviser").
    """
    n = len(doc)
    if end + 1 < n and doc[end].lower_ == "for" \
            and not (doc[end + 1].lower_ == "the" and end + 2 < n and doc[end + 2].is_lower) \
            and not _names_organization(doc, end + 1):
        j = end + 1
        last = None
        while j < n and j - end < 8:
            tok = doc[j]
            if j in starts and j > end + 1 or j > end + 1 and _person_starts(doc, j, entity_at):
                break  # "Minister for Foreign Affairs Jane Roe": the remit ends where the holder's name starts
            if tok.text == "," and last is not None and _list_continues(doc, j):
                j += 1
                continue
            if tok.is_title or tok.is_upper or tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                last = j
            elif tok.lower_ in ("and", "the", "of", "-") and j + 1 < n \
                    and (doc[j + 1].is_title or doc[j + 1].pos_ == "NOUN"):
                pass
            else:
                break
            j += 1
        if last is not None:
            return last + 1
    if end + 3 < n and doc[end].lower_ == "in":
        j = end + 1 + (doc[end + 1].lower_ == "the")
        if j + 2 < n and doc[j].text == "Office" and doc[j + 1].lower_ == "of":
            k = j + 2 + (doc[j + 2].lower_ == "the")
            stop = k
            while stop < n and doc[stop].is_title and not _person_starts(doc, stop, entity_at):
                stop += 1
            if stop > k:
                return stop  # "Minister in the Office of the Prime Minister": a post inside an office
    if end + 1 < n and doc[end].lower_ == "to":
        j = end + 1
        if doc[j].lower_ == "the" and j + 1 < n:
            j += 1
        if doc[end - 1].lower_ in _SERVES_TO and j in entity_at and entity_at[j].label_ == "Organization":
            return end  # "staff assistant to the Acme Commission" works there (an ambassador to the UN does not)
        if doc[j].is_title and (doc[j].ent_type_ in ("GPE", "") or j in entity_at):
            k = j
            while k + 1 < n and doc[k + 1].is_title and doc[k + 1].ent_iob_ != "B" \
                    and doc[k + 1].lower_.rstrip(".") not in _HONORIFICS and not _person_starts(doc, k + 1, entity_at):
                k += 1
            if j in entity_at and _place_before_name(doc, j, entity_at):
                return j + 1  # "Ambassador to Oslo Jane Roe": the model read the place into the holder's name
            if j in entity_at:
                k = max(k, entity_at[j].end - 1)
            return k + 1
    if end + 2 < n and doc[end].lower_ == "of":
        j = end + 1
        if doc[j].lower_ == "the":
            j += 1
        if j < n and doc[j].lower_ in _BOARD_WORDS:
            k = j
            if k + 2 < n and doc[k + 1].lower_ == "of" and doc[k + 2].lower_ in _BOARD_WORDS:
                k += 2
            return k + 1
        portfolio = _portfolio_end(doc, j)
        if portfolio is not None:
            return portfolio  # "Minister of the Interior", "President of Digital": tagged ORG or not
        if doc[end + 1].pos_ == "NOUN" and doc[end + 1].is_lower and (
                end + 2 >= n or not doc[end + 2].is_alpha
                or doc[end + 2].is_lower and doc[end + 2].pos_ != "NOUN"):
            return end + 2  # "vice president of finance"
        if j < n and doc[j].is_title and j not in entity_at and doc[j].ent_type_ not in ("GPE", "ORG", "NORP", "LOC") \
                and government_name(doc[j].text) is None:  # "Prime Minister of Norway Jane Roe": a country, untagged
            # "Minister of Foreign Affairs (of Norway)": a portfolio, not an organization
            k = j
            while k + 1 < n and (doc[k + 1].is_title or doc[k + 1].lower_ in ("and", "&") and k + 2 < n
                                 and doc[k + 2].is_title) and k + 1 not in entity_at \
                    and not _person_starts(doc, k + 1, entity_at):
                k += 1
            return k + 1
    return end


#: Last words of titles whose "to <organization>" names where the holder works.
_SERVES_TO = {"assistant", "adviser", "advisor", "consultant", "counsel"}


def _portfolio_end(doc: Doc, j: int) -> int | None:
    """Where a run of capitalised portfolio words starting at ``j`` ends ("Interior",
    "Foreign and Home Affairs", "Research & Development"), or None if a word of the run is
    no portfolio word (a name: "of Acme Digital")."""
    words = portfolio_words()
    k = j
    last = None
    while k < len(doc) and (doc[k].is_title and doc[k].lower_ in words
                            or doc[k].lower_ in ("and", "&") and last is not None
                            # "Foreign and EU Affairs": an acronym qualifies the portfolio word after it
                            or doc[k].is_upper and doc[k].is_alpha and k + 1 < len(doc) and doc[k + 1].is_title
                            and doc[k + 1].lower_ in words):
        if doc[k].lower_ in words:
            last = k
        k += 1
    nxt = last + 1 if last is not None else None
    if nxt is None or nxt < len(doc) and (doc[nxt].is_title or doc[nxt].is_upper and doc[nxt].is_alpha):
        return None  # the capitalised run goes on: "of Digital Ventures Ltd" is a name
    return nxt


def _person_starts(doc: Doc, j: int, entity_at: dict[int, Span]) -> bool:
    """A person's name starts at ``j`` (a Person mention, or the model's PERSON)."""
    span = entity_at.get(j)
    if span is not None:
        return span.label_ == "Person" and span.start == j
    return doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B"


def _place_before_name(doc: Doc, j: int, entity_at: dict[int, Span]) -> bool:
    """A person mention of three or more words starting at ``j`` whose first word is a known
    country or city ("Oslo Jane Roe" after "Ambassador to"): the place ends a title's remit."""
    span = entity_at[j]
    if not (span.label_ == "Person" and span.start == j and len(span) >= 3 and doc[j + 1].is_title):
        return False
    from kgextract.base.linking import link_name  # the place gazetteers load only when needed

    return link_name(doc[j].text) is not None


def _names_organization(doc: Doc, j: int) -> bool:
    """ "correspondent for (the) Acme Press": the model tags an organization there, which
    is where the title is held, not its remit."""
    the = doc[j].lower_ == "the" and j + 1 < len(doc)
    j += the
    if doc[j].ent_type_ != "ORG" or not (doc[j].ent_iob_ == "B" or doc[j - 1].lower_ == "the"):
        return False
    end = j
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    # "for Fisheries and Oceans" is a portfolio even when tagged ORG
    return the or doc[end].lower_ in load_list("org_words.v1")


def _list_continues(doc: Doc, comma: int) -> bool:
    """A comma inside a remit list: "Water, Sanitation and Irrigation" (an "and" comes before other punctuation)."""
    if comma + 1 >= len(doc) or not doc[comma + 1].is_title:
        return False
    for tok in doc[comma + 1 : comma + 8]:
        if tok.lower_ == "and":
            return tok.i + 1 < len(doc) and doc[tok.i + 1].is_title
        if tok.is_punct:
            return False
    return False


def _trim_after(span: Span, title: Span) -> Span | None:
    """What is left of an entity mention after the part a title covers."""
    if span.start < title.start:
        end = title.start
        while end > span.start and span.doc[end - 1].lower_ in ("and", "of", "the", "in", ",", "&"):
            end -= 1  # "the Court in Springfield and [Judge]": the connector went with the title
        if end == span.start or span.label_ == "Person":
            return None
        return Span(span.doc, span.start, end, label=span.label_)
    start = title.end
    while start < span.end and span.doc[start].lower_ in ("of", "the", "at"):
        start += 1
    if start >= span.end or not span.doc[start].is_title and not span.doc[start].is_upper:
        return None
    rest = span.doc[start:span.end]
    label = span.label_
    if start == title.end and label != "Person" and len(rest) in (2, 3) and all(t.is_title for t in rest) \
            and not any(t.lower_ in load_list("org_words.v1") for t in rest):
        label = "Person"  # "Provost Rebecca Chopp" read as one ORG: the name after the title
    return Span(span.doc, start, span.end, label=label)

