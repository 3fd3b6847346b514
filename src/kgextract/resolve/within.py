"""Merge the mentions of one document into entities, and map relations onto them.

Rules, by type:

- Person: a mention whose words are a subset of a fuller name's words is that
  person ("Mr. Rhee" -> "Dong-yeol Rhee") when exactly one fuller name fits.
- Organization / Place: the same normalised name; an acronym or quoted short
  name the text defines; a short name that starts a longer one ("Verano" ->
  "Verano Automotive Co. Ltd") unless the rest is a place ("Acme China").
- Role: one entity per distinct title, abbreviations spelled out ("CEO").
- Event: named events by name (a name contained in another is the same
  event); an unnamed "the Conference"/"the meeting" is the latest event with
  the same head noun, or else the event the release is about (its first).
- Mentions in an all-capitals line (a headline) only join entities found
  elsewhere; they never make an entity on their own.

Roles that no named person holds, and unnamed events that no relation
touches, are dropped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from kgextract.base.countries import government_long_name, government_name
from kgextract.base.gazetteers import demonym_forms, load_list
from kgextract.base.names import (
    clean_name,
    entity_key,
    forget_names,
    is_acronym_of,
    key_prefix,
    normalize,
    strip_honorifics,
)
from kgextract.models import DOC, Document, DocumentResult, Entity, EntityType, Evidence, Mention, Predicate, Relation
from kgextract.nlp.doc_index import doc_text, mentions, sentence_of, sentence_spans, sentence_text, text_between
from kgextract.nlp.event_types import EVENT_TYPES, classify_spans
from kgextract.nlp.roles import expand_abbreviation
from kgextract.relations.registry import Candidate

__all__ = ["resolve_document"]

#: Words that date or rank a sitting rather than name it ("the annual session" is "the 73rd session").
_EVENT_MODIFIERS = {"annual", "yearly", "regular", "ordinary", "the", "this", "its", "upcoming", "latest", "next"}
#: Event kinds a release describes once, however often it says so ("signed ... the signing ceremony").
_ONE_A_DOCUMENT = {"signing"}
_GENERIC_EVENT_HEADS = {"meeting", "conference", "event", "ceremony", "celebration", "session", "forum", "gathering"}
#: Which component made a mention of each type (recorded as its extractor).
_MENTION_SOURCES = {"Role": "kgx_roles", "Event": "kgx_events"}
_ORGANIZATION_KEY = key_prefix(EntityType.ORGANIZATION.value)
#: One value each; locationCreated is not among them: "OSLO, Norway and DENVER, June 4" names two places.
_FUNCTIONAL = {Predicate.START_DATE, Predicate.END_DATE, Predicate.DATE_PUBLISHED}


@dataclass
class _Cluster:
    type: EntityType
    spans: list[Span] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    named: bool = True
    head: str = ""
    synthetic_name: str | None = None
    place: str | None = None
    places: set[str] = field(default_factory=set)  # every destination of a trip ("Seoul and Busan")
    date: str | None = None  # an event's start date, where its mention gives one
    alt_types: list[EntityType] = field(default_factory=list)

    @property
    def name(self) -> str:
        if self.synthetic_name:
            return self.synthetic_name
        # "Skycast.com" is the web address of "Skycast": never the name when the name is used too
        return max(self.names, key=lambda n: (not _caps(n), not _web_form(n, self.names), len(n.split()), len(n), n))


_WEB_ENDINGS = (".com", ".org", ".net", ".int", ".gov", ".edu")


def _web_form(name: str, names: list[str]) -> bool:
    """True for "Acme.com" beside "Acme" among an entity's names."""
    lower = name.lower()
    return lower.endswith(_WEB_ENDINGS) and any(n.lower() == lower.rsplit(".", 1)[0] for n in names)


def _caps(text: str) -> bool:
    if not text.isupper():  # a lower-case letter, or no cased letter at all: never all capitals
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


_LEGAL_SUFFIXES = {"co", "ltd", "inc", "corp", "corporation", "company", "plc", "llc", "gmbh", "ag", "sa",
                   "limited", "group", "holdings", "lp", "llp", "nv", "bv", "spa", "pty"}
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as"}


def _in_headline(span: Span) -> bool:
    """True inside a headline: a line in capitals, or in Title Case without a full stop.

    spaCy reads capitalised words in headlines as names ("3D Systems Announces
    CFO Transition"); such mentions only count when the body confirms them.
    """
    if _in_dateline(span) or _in_source_line(span):
        return False  # "SPRINGFIELD (AP)", "Lyon Radio Rhone Network": not headlines
    starts, flags = _headline_lines(span.doc)
    return flags[bisect.bisect_right(starts, span.start_char) - 1]


def _in_source_line(span: Span) -> bool:
    """True for the place or source of a digest's source line (``nlp.source_lines``)."""
    lines = span.doc._.kgx_source_lines if span.doc.has_extension("kgx_source_lines") else None
    return any(p0 <= span.start and span.end <= o1 for p0, _, _, o1 in lines or ())


def _in_dateline(span: Span) -> bool:
    """True for the place, region or wire service of the document's dateline."""
    line = span.doc._.kgx_dateline if span.doc.has_extension("kgx_dateline") else None
    if line is None or line.place_start is None:
        return False
    end = max(e for e in (line.place_end, line.region_end, line.agency_end) if e is not None)
    start = min(s for s in (line.place_start, line.agency_start) if s is not None)  # "(AP) - ROME, ..."
    return start <= span.start_char < end


def _headline_lines(doc: Doc) -> tuple[list[int], list[bool]]:
    """Line start offsets and whether each line is a headline (computed once per document)."""
    cached = doc.user_data.get("kgx_headline_lines")
    if cached is None:
        starts, flags, pos = [], [], 0
        for line in doc_text(doc).split("\n"):
            starts.append(pos)
            flags.append(_is_headline(line.strip()))
            pos += len(line) + 1
        cached = doc.user_data["kgx_headline_lines"] = (starts, flags)
    return cached


def _is_headline(line: str) -> bool:
    if _caps(line):
        return True
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if len(words) < 4 or line.endswith((".", "!", "?", ":", "”", '"')):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _surface(span: Span) -> str:
    if span.label_ == "Role" and span.kb_id_:
        return span.kb_id_  # a plural title shared by several people names the singular ("Vice President")
    return _surface_of(span.text, span.label_ == "Role")


@cache  # emptied for each document by resolve_document
def _surface_of(text: str, role: bool) -> str:
    return clean_name(text) if role else strip_honorifics(clean_name(text))


def _tokens(name: str) -> list[str]:
    return normalize(name).replace("-", " ").replace(",", " ").split()


class _Resolver:
    def __init__(self, doc: Doc, candidates: list[Candidate]):
        self.doc = doc
        self.candidates = candidates
        self.of_span: dict[tuple[int, int], _Cluster] = {}
        self.clusters: list[_Cluster] = []
        self.generic_words = load_list("org_words.v1") | {"administration", "alliance", "organization"}
        self.employers = {(c.object.start, c.object.end) for c in candidates
                          if c.predicate is Predicate.MEMBER_OF and isinstance(c.object, Span)
                          and c.object.label_ == "Place" and not c.object.kb_id_}
        self.venues = {(c.subject.start, c.subject.end) for c in candidates
                       if c.predicate is Predicate.CONTAINED_IN_PLACE and isinstance(c.subject, Span)} \
            | {(c.object.start, c.object.end) for c in candidates
                       if c.predicate is Predicate.LOCATION and isinstance(c.object, Span)
                       and not isinstance(c.subject, str) and c.subject.label_ == "Event"}

    def salient_organization(self, dominant: bool = False) -> _Cluster | None:
        """The organization the release is about: the most mentioned one (the first on ties).

        ``dominant`` asks for a release about one organization: it is named at least three
        times and at least twice as often as any other (else None).
        """
        orgs = [c for c in self.clusters if c.type is EntityType.ORGANIZATION]
        if not orgs:
            return None
        top = max(orgs, key=lambda c: (len(c.spans), -min(s.start for s in c.spans)))
        if dominant and (len(top.spans) < 3 or any(2 * len(c.spans) > len(top.spans) for c in orgs if c is not top)):
            return None
        return top

    def by_name(self, span: Span) -> _Cluster | None:
        """The entity of the same type that has this span's name (for spans that are not mentions)."""
        norm = normalize(_surface(span))
        for c in self.clusters:
            if c.type.value == span.label_ and any(normalize(n) == norm for n in c.names):
                return c
        return None

    def add(self, cluster: _Cluster, span: Span) -> None:
        if cluster not in self.clusters:
            self.clusters.append(cluster)
        cluster.spans.append(span)
        name = _surface(span)
        if name and name not in cluster.names:
            cluster.names.append(name)
        self.of_span[(span.start, span.end)] = cluster

    def run(self) -> None:
        spans = mentions(self.doc)
        by_type: dict[str, list[Span]] = {}
        for span in spans:
            label = span.label_
            if label == "Organization" and (span.start, span.end) in self.venues:
                label = "Place"
            elif label == "Place" and (span.start, span.end) in self.employers and not _in_dateline(span):
                label = "Organization"  # (a dateline's place stays a place: "GENEVA, 5 May")
            by_type.setdefault(label, []).append(span)
        self._people(by_type.get("Person", []))
        self._named_things(by_type.get("Organization", []), EntityType.ORGANIZATION)
        self._named_things(by_type.get("Place", []), EntityType.PLACE)
        self._roles(by_type.get("Role", []))
        self._events(by_type.get("Event", []))
        self._event_acronyms()
        for c in self.clusters:
            if c.type is EntityType.PLACE and any(s.label_ == "Organization" for s in c.spans):
                c.alt_types = [EntityType.ORGANIZATION]

    def _event_acronyms(self) -> None:
        """ "... Conference of Lake Harbour Mayors (CLHM)": an acronym the model took
        for an organization names the one event it spells; it becomes that event's alias."""
        events = [c for c in self.clusters if c.type is EntityType.EVENT and c.named]
        for org in [c for c in self.clusters if c.type is EntityType.ORGANIZATION]:
            if not org.names or not all(n.isupper() for n in org.names):
                continue
            # every capitalised word spelled: "NATO" is not "North Atlantic Treaty Organization Summit"
            fits = [e for e in events if any(is_acronym_of(n, en) and sum(c.isalpha() for c in n) == sum(
                w[:1].isupper() for w in en.split()) for n in org.names for en in e.names)]
            if len(fits) != 1:
                continue
            for span in org.spans:
                self.add(fits[0], span)
            self.clusters.remove(org)

    def _people(self, spans: list[Span]) -> None:
        ordered = sorted(spans, key=lambda s: (-len(_tokens(_surface(s))), s.start))
        people: list[_Cluster] = []
        for span in ordered:
            words = set(_tokens(_surface(span)))
            if not words:
                continue
            fits = [c for c in people if words <= set(_tokens(c.name))]
            if len(fits) > 1:
                fits = _latest_unambiguous(fits, span)
                if not fits:
                    continue  # truly ambiguous: joins nobody, makes no one new
            if len(fits) == 1:
                self.add(fits[0], span)
            elif not fits and not _in_headline(span):
                cluster = _Cluster(EntityType.PERSON)
                people.append(cluster)
                self.add(cluster, span)

    def _named_things(self, spans: list[Span], etype: EntityType) -> None:
        acronyms = self.doc._.kgx_acronyms or {}
        long_of = {short: normalize(self.doc[s:e].text) for short, (s, e, _) in acronyms.items()}
        ordered = sorted(spans, key=lambda s: (-len(_surface(s)), s.start))
        mine: list[_Cluster] = []
        place_words = {normalize(_surface(s)) for s in mentions(self.doc, "Place")}
        people = [_tokens(c.name) for c in self.clusters if c.type is EntityType.PERSON]
        for span in ordered:
            surface = _surface(span)
            norm = normalize(surface)
            if not norm or norm in self.generic_words:
                continue  # "the Government", "the Board": not a name
            words = _tokens(surface)
            if any(words == p[-len(words):] or len(words) > 1 and set(words) <= set(p) for p in people):
                continue  # a person's (sur)name the model took for an organization or place
                # (not a middle name: "Acme" beside "Mary Acme Roe" is her agency)
            norm = long_of.get(surface, _name_key(surface))
            # places nest: "Vienna" in "Vienna ... Centre"
            brand = etype is EntityType.ORGANIZATION and not surface.isupper()
            target = next((c for c in mine if norm in {_name_key(n) for n in c.names}), None)
            if target is None and brand and not surface.lower().endswith(_WEB_ENDINGS):  # "Acme.com" is the brand
                fits = [c for c in mine if any(_starts_name(_name_key(n), norm, place_words) for n in c.names)]
                # "Skycast" starts "Skycast Network" and "Skycast Media": a brand of its own
                target = fits[0] if len(fits) == 1 else None
            if target is None and (surface.isupper() or _mixed_acronym(surface)):
                # an undefined acronym of a name the text spells out ("UN", "EU", "MoTRA")
                fits = [c for c in mine if any(is_acronym_of(surface, n) for n in c.names)]
                target = fits[0] if len(fits) == 1 else None
            if target is None and brand and len(words) >= 3 and any(w in load_list("org_words.v1") for w in words):
                # "Office for Disarmament Affairs": the short form of the one longer name it ends
                fits = [c for c in mine if any(normalize(n).endswith(" " + norm) for n in c.names)]
                target = fits[0] if len(fits) == 1 else None
            if target is None:
                if _in_headline(span):
                    continue
                target = _Cluster(etype)
                mine.append(target)
            self.add(target, span)
            short = _government_of(surface) if etype is EntityType.ORGANIZATION else None
            if short is not None and surface.startswith("government of "):
                # "the government of Japan": the name in capitals, as the guide writes it
                target.names = [n for n in target.names if n != surface] + ["G" + surface[1:]]
            elif short is not None and short not in target.names and not surface.startswith("Government of"):
                target.names.append(short)  # "the Mongolian government" is the Government of Mongolia

    def _roles(self, spans: list[Span]) -> None:
        held = {(c.object.start, c.object.end) for c in self.candidates
                if c.predicate is Predicate.HAS_ROLE and isinstance(c.object, Span)}
        by_norm: dict[str, _Cluster] = {}
        for span in spans:
            if (span.start, span.end) not in held:
                continue
            norm = normalize(expand_abbreviation(_surface(span)))
            cluster = by_norm.get(norm)
            if cluster is None:
                cluster = by_norm[norm] = _Cluster(EntityType.ROLE)
            self.add(cluster, span)
            full = expand_abbreviation(_surface(span))
            if full not in cluster.names:
                cluster.names.insert(0, full if not full.isupper() else full.title())

    def _trip_places(self) -> dict[tuple[int, int], set[str]]:
        """Event span -> its location and the places listed with it ("visit Seoul and Busan")."""
        at = {i: p for p in mentions(self.doc, "Place") for i in range(p.start, p.end)}
        out: dict[tuple[int, int], set[str]] = {}
        for c in self.candidates:
            if c.predicate is Predicate.LOCATION and isinstance(c.subject, Span) and isinstance(c.object, Span):
                listed = [at.get(t.i) for t in c.object.root.conjuncts]
                out[(c.subject.start, c.subject.end)] = {normalize(_surface(c.object))} | {
                    normalize(_surface(p)) for p in listed if p is not None}
        return out

    def _events(self, spans: list[Span]) -> None:
        events: list[_Cluster] = []
        main: _Cluster | None = None
        where = {(c.subject.start, c.subject.end): normalize(_surface(c.object)) for c in self.candidates
                 if c.predicate is Predicate.LOCATION and isinstance(c.subject, Span) and isinstance(c.object, Span)}
        trips = self._trip_places()
        when = {(c.subject.start, c.subject.end): c.object for c in self.candidates
                if c.predicate is Predicate.START_DATE and isinstance(c.subject, Span) and isinstance(c.object, str)}
        for span in sorted(spans, key=lambda s: s.start):
            kind, _, head = span.kb_id_.partition(":")
            head = head or span.root.lemma_.lower()
            if kind != "named" and _in_headline(span):
                continue  # a headline's "to Travel to Berlin, Seoul and Tokyo" sums up the body
            place = where.get((span.start, span.end))
            target = None
            in_parens = span.start > 0 and self.doc[span.start - 1].text == "("
            if kind == "named" and in_parens and events and events[-1].head == head:
                target = events[-1]  # "Summit on ... in Seoul (REAIM Summit)"
            elif kind == "named":
                toks = set(_tokens(_surface(span)))
                for c in events:
                    if not c.named:
                        # "the annual Commission session" ... "the 73rd Commission session": one sitting
                        words = {w for n in c.names for w in _tokens(n)} - _EVENT_MODIFIERS
                        if c.head == head and len(words) >= 2 and words <= toks:
                            target = c
                            break
                        continue
                    other = set(_tokens(c.name))
                    small, big = sorted((toks - _EVENT_MODIFIERS, other - _EVENT_MODIFIERS), key=len)
                    # "Annual Meeting of Mexican Ambassadors" is the "XXV Annual Meeting of Ambassadors"
                    # of the same text: a nationality adjective does not tell two sittings apart
                    plain = {w for w in small if w not in _nationalities()}
                    if small <= big and len(small) >= 2 or toks == other \
                            or len(plain) >= 3 and plain <= big and len(big - plain) <= 1 \
                            or normalize(_surface(span)) in {normalize(n) for n in c.names}:  # its bracketed short name
                        target = c
                        break
            elif kind == "verb" and head == "meeting" and events and events[-1].head == "visit" \
                    and (place is None or place in events[-1].places) and _near(events[-1], span):
                target = events[-1]  # "She will meet with ...": part of the visit just described
            elif kind in ("phrase", "verb"):
                # a visit to another place is another visit (a trip "to Seoul and Busan" has both);
                # a visit or signing without a place of its own ("will also visit schools", "signed
                # the agreement on Tuesday") is the one already described
                date = when.get((span.start, span.end))
                same = [c for c in events if c.head == head
                        and (kind == "phrase" or _same_occurrence(c, place, head))
                        and (place is None or not c.places or place in c.places)
                        and (head not in _ONE_A_DOCUMENT or date is None or c.date in (None, date))]
                # a signing on another day is another signing
                if same:
                    target = same[-1]
                elif head in _GENERIC_EVENT_HEADS and main is not None and len(span) <= 2 \
                        and (main.head == "visit" or not _own_participants(span)):
                    # a bare back-reference ("the meeting"), not "the session of X", nor a meeting with
                    # participants of its own after a signing (during a visit it is part of the visit)
                    target = main
            if target is None:
                target = _Cluster(EntityType.EVENT, named=(kind == "named"), head=head, place=place)
                if kind == "verb":
                    target.synthetic_name = head
                events.append(target)
                if main is None:
                    main = target
            self.add(target, span)
            target.place = target.place or place
            target.date = target.date or when.get((span.start, span.end))
            target.places |= trips.get((span.start, span.end), set()) | ({place} if place else set())
            if target.synthetic_name and kind == "phrase":
                target.synthetic_name = None  # a phrase names it better than the verb did


@lru_cache(maxsize=1)
def _nationalities() -> frozenset[str]:
    """Nationality adjectives and short country forms ("mexican", "belgian")."""
    return frozenset(demonym_forms())


def _own_participants(span: Span) -> bool:
    """ "a meeting between A and B", "a meeting was held with A": the event names its own participants."""
    root = span.root
    anchors = [root] + ([root.head] if root.dep_ in ("dobj", "nsubjpass") else [])
    return any(c.dep_ == "prep" and c.lower_ in ("between", "with", "among") for a in anchors for c in a.children)


def _same_occurrence(cluster: _Cluster, place: str | None, head: str) -> bool:
    """Whether an event verb with this place states the occurrence ``cluster`` already holds."""
    if place is None:
        return cluster.place is None or head in _ONE_A_DOCUMENT or head == "visit"
    return place in cluster.places or head in _ONE_A_DOCUMENT and cluster.place is None


def _latest_unambiguous(fits: list[_Cluster], span: Span) -> list[_Cluster]:
    """ "McCarthy" after two McCarthys: the one mentioned last before it, unless the
    last two were mentioned in one sentence ("Jane Roe and John Roe ... Roe said")."""
    last = []
    for c in fits:
        before = [s for s in c.spans if s.start < span.start]
        if before:
            last.append((max(before, key=lambda s: s.start), c))
    if not last:
        return []
    last.sort(key=lambda p: p[0].start, reverse=True)
    if len(last) > 1 and sentence_of(last[0][0]).start == sentence_of(last[1][0]).start:
        return []
    return [last[0][1]]


def _near(cluster: _Cluster, span: Span, sentences: int = 2) -> bool:
    """True when ``span`` is at most ``sentences`` sentences after the cluster's last mention."""
    last = max(s.end for s in cluster.spans)
    sents = [s for s in sentence_spans(span.doc) if last <= s.end and s.start <= span.start]
    return len(sents) <= sentences + 1


def _starts_name(longer: str, shorter: str, place_words: set[str]) -> bool:
    """True when the one-word ``shorter`` starts ``longer`` ("Verano" -> "Verano Automotive Co. Ltd").

    Not for acronyms ("UN" is not "UN Office on Drugs and Crime"), names of
    several words ("United Nations" is not "United Nations Office ..."), a
    place in the rest ("Acme China") or a hyphenated tail ("NATO-Russia Council").
    """
    longer = longer.replace(",", "")
    if not longer.startswith(shorter + " "):
        return False
    rest = longer[len(shorter) + 1 :]
    if all(w.strip(".,") in _LEGAL_SUFFIXES for w in rest.split()):
        return True  # "Verano Automotive" + "Co. Ltd"
    if " " in shorter or rest in _UNIT_WORDS:
        return False  # "Skycast Network", "Acme Foundation": a unit of the brand, not the brand
    return rest not in place_words and not rest.startswith("-")


#: One word after a brand that names a unit of it rather than the brand itself.
_UNIT_WORDS = {"network", "foundation", "division", "unit", "fund", "institute", "academy", "council", "committee",
               "board", "office", "hospital", "school", "college", "museum", "trust", "bank"}


def _evidence(doc_id: str, cand: Candidate) -> Evidence:
    span = cand.evidence
    doc = span.doc
    # the sentence(s) the evidence spans: a fact may cross a line break ("BERLIN, Germany")
    if len(span):
        text = text_between(doc, sentence_of(span[0]).start, sentence_of(span[-1]).end)
    else:
        text = sentence_text(span)
    return Evidence(doc_id=doc_id, sentence=text, start=span.start_char, end=span.end_char,
                    confidence=round(cand.confidence, 3), extractor=cand.extractor)


def _mixed_acronym(text: str) -> bool:
    """ "MoTRA", "CoDA": an acronym with a few lower-case letters (not "SkyCast", "McDonald")."""
    upper = sum(c.isupper() for c in text)
    return text.isalpha() and upper >= 2 and sum(c.islower() for c in text) < upper


def _government_of(name: str) -> str | None:
    """ "Government of <country>" for a name of a country's government ("Government of the
    Republic of Trinidad and Tobago", "Mongolian government", "Peru's government"), else None."""
    lower = name.lower().replace("\u2019", "'")
    if lower.startswith("government of "):
        return government_name(name[len("government of "):].replace("\u2019", "'"))
    if lower.endswith(" government"):
        return government_name(clean_name(name[: -len(" government")]))
    return None


def _name_key(name: str) -> str:
    """The normalized name, one for every form of a country's government, and one for a
    name and its web address ("Skycast.com" is "Skycast")."""
    short = _government_of(name)
    if short is None and name.lower().endswith(_WEB_ENDINGS) and "." in name[:-4].strip("."):
        return normalize(name)  # "acme.co.com"-like addresses: left as they are
    if short is None and name.lower().endswith(_WEB_ENDINGS):
        short = name.rsplit(".", 1)[0]
    return normalize(short) if short is not None else normalize(name)


def _named_government(clusters: list[_Cluster], name: str) -> _Cluster | None:
    """The organization the text names "Government of <the country's long form>" (the
    Government of the People's Republic of China for "Government of China"), or None."""
    for cluster in clusters:
        if cluster.type is EntityType.ORGANIZATION and any(
                n.lower().startswith("government of ")
                and government_name(n[len("government of "):].replace("\u2019", "'")) == name
                for n in cluster.names):
            return cluster
    return None


def resolve_document(doc: Doc, candidates: list[Candidate], document: Document,
                     threshold: float = 0.0) -> DocumentResult:
    """Build the document's entities and relations from its mentions and relation candidates."""
    forget_names()
    _surface_of.cache_clear()
    res = _Resolver(doc, candidates)
    res.run()
    governments: dict[str, _Cluster] = {}

    def key_of(obj) -> str | None:
        if isinstance(obj, str):
            return obj
        if obj.kb_id_ in ("salient", "dominant"):  # "dominant": see salient_organization
            cluster = res.salient_organization(dominant=obj.kb_id_ == "dominant")
            return _key(cluster) if cluster is not None else None
        if obj.kb_id_ == "government":
            name = government_name(obj.text)
            if name is None:
                return None
            cluster = governments.get(name) or _named_government(res.clusters, name)
            if cluster is None:
                long = government_long_name(obj.text)  # "Ambassador of the People's Republic of China"
                cluster = governments[name] = _Cluster(EntityType.ORGANIZATION,
                                                       names=[name, clean_name(obj.text)] + ([long] if long else []))
                res.clusters.append(cluster)
            elif name not in governments:
                governments[name] = cluster  # the text names it in full: "Government of the Republic of X"
                cluster.names.append(name)
            cluster.spans.append(obj)
            return _key(cluster)
        cluster = res.of_span.get((obj.start, obj.end)) or res.by_name(obj)
        return _key(cluster) if cluster is not None else None

    keys: dict[int, str] = {}

    def _key(cluster: _Cluster) -> str:
        if id(cluster) not in keys:
            base = entity_key(cluster.type.value, cluster.name)
            if cluster.type is EntityType.EVENT and not cluster.named:
                base = f"{base}-{document.id}-{len(keys)}"
            keys[id(cluster)] = base
        return keys[id(cluster)]

    grouped: dict[tuple[str, Predicate, str], list[Candidate]] = {}
    orgs: dict[tuple[str, Predicate, str], str] = {}
    for cand in candidates:
        if cand.confidence < threshold:
            continue
        s, o = key_of(cand.subject), key_of(cand.object)
        if s is None or o is None or s == o:
            continue
        if cand.predicate is Predicate.MEMBER_OF and not o.startswith(_ORGANIZATION_KEY):
            continue  # one is a member of an organization, not of a place the model typed so
        k = (s, cand.predicate, o)
        grouped.setdefault(k, []).append(cand)
        if cand.organization is not None:
            org_key = key_of(cand.organization)
            # a post is held in an organization: a place the model typed so ("at Nordwind Motors") is no holder
            if org_key is not None and org_key.startswith(_ORGANIZATION_KEY):
                orgs.setdefault(k, org_key)

    relations = _select(grouped, orgs, document.id)
    roles = {_key(c): c for c in res.clusters if c.type is EntityType.ROLE}
    relations = _fold_short_titles(relations, roles)
    touched = {r.subject for r in relations} | {r.object for r in relations} | set(orgs.values())
    entities = []
    for cluster in res.clusters:
        key = _key(cluster)
        if cluster.type is EntityType.ROLE and key not in touched:
            continue
        if cluster.type is EntityType.EVENT and not cluster.named and key not in touched:
            continue
        entities.append(_entity(cluster, key, doc, document.id))
    entities = _dedupe(entities)
    return DocumentResult(document=document, entities=entities, relations=relations)


def _select(grouped, orgs, doc_id: str) -> list[Relation]:
    """One relation per (subject, predicate, object); one value for single-valued predicates."""
    rels: list[Relation] = []
    for (s, p, o), cands in grouped.items():
        miss = 1.0
        for c in cands:
            miss *= 1.0 - c.confidence
        conf = round(min(0.99, 1.0 - miss), 3)
        evidence = []
        seen = set()
        for c in cands:
            ev = _evidence(doc_id, c)
            if (ev.start, ev.end, ev.extractor) not in seen:
                seen.add((ev.start, ev.end, ev.extractor))
                evidence.append(ev)
        rels.append(Relation(subject=s, predicate=p, object=o, organization=orgs.get((s, p, o)),
                             confidence=conf, evidence=evidence, **_qualifiers(doc_id, cands)))
    best: dict[tuple[str, Predicate], Relation] = {}
    out = []
    for rel in sorted(rels, key=lambda r: (-r.confidence, r.evidence[0].start if r.evidence else 0)):
        if rel.predicate in _FUNCTIONAL:
            if (rel.subject, rel.predicate) in best:
                continue
            best[(rel.subject, rel.predicate)] = rel
        out.append(rel)
    # an end date only makes sense beside the start date it came with
    out = [r for r in out if r.predicate is not Predicate.END_DATE or (r.subject, Predicate.START_DATE) in best]
    return sorted(out, key=lambda r: (r.subject, r.predicate.value, r.object))


def _qualifiers(doc_id: str, cands: list[Candidate]) -> dict:
    """Start, end and status of a membership from its candidates' qualifiers: per field the
    value read with the highest confidence (the earliest on ties), with all its evidence.
    A "current" mark (the post is said to be held) at least as sure as the status drops it."""
    out: dict = {}
    by_field: dict[str, list] = {}
    org_of: dict[int, str | None] = {}  # which organization each qualifier's membership names
    for c in cands:
        for q in c.qualifiers:
            by_field.setdefault(q.field, []).append(q)
            org_of[id(q)] = c.organization.text if c.organization is not None else None
    for mark in by_field.pop("current", []):
        # a post said to be held drops a status read as surely for the same organization,
        # or a weak one read for another ("was CEO of X" beside "named CEO of Y")
        by_field["status"] = [q for q in by_field.get("status", []) if not (
            mark.confidence >= q.confidence and (org_of[id(q)] == org_of[id(mark)] or q.confidence < 0.8))]
    evidence: dict[str, list[Evidence]] = {}
    for qualifier in ("start", "end", "status"):
        found = by_field.get(qualifier)
        if not found:
            continue
        best = min(found, key=lambda q: (-q.confidence, q.evidence.start_char, q.value))
        out[qualifier] = best.value
        evs, seen = [], set()
        for q in sorted(found, key=lambda q: (q.evidence.start_char, q.extractor)):
            if q.value != best.value:
                continue
            cand = Candidate(DOC, Predicate.HAS_ROLE, DOC, q.confidence, q.extractor, q.evidence)
            ev = _evidence(doc_id, cand)
            if (ev.start, ev.end, ev.extractor) not in seen:
                seen.add((ev.start, ev.end, ev.extractor))
                evs.append(ev)
        evidence[qualifier] = evs
    if evidence:
        out["qualifier_evidence"] = evidence
    return out


def _fold_short_titles(relations: list[Relation], roles: dict[str, _Cluster]) -> list[Relation]:
    """A short title held by someone who also holds its fuller form is that form.

    "Ambassador Kennedy" beside "Ambassador to Japan Ms. Kennedy"; "IBM
    chairman" beside "chairman of the board" for the same person. The short
    form becomes an alias of the full one.
    """
    held: dict[str, list[str]] = {}
    for r in relations:
        if r.predicate is Predicate.HAS_ROLE and r.object in roles:
            held.setdefault(r.subject, []).append(r.object)
    drop: set[tuple[str, str]] = set()
    for person, keys in held.items():
        for short in keys:
            words = _tokens(roles[short].name)
            longer = [k for k in keys if k != short and len(_tokens(roles[k].name)) > len(words)
                      and _tokens(roles[k].name)[: len(words)] == words]
            if len(longer) == 1:
                drop.add((person, short))
                full = roles[longer[0]]
                if roles[short].name not in full.names:
                    full.names.append(roles[short].name)
    return [r for r in relations if not (r.predicate is Predicate.HAS_ROLE and (r.subject, r.object) in drop)]


def _entity(cluster: _Cluster, key: str, doc: Doc, doc_id: str) -> Entity:
    name = cluster.name
    aliases = sorted({n for n in cluster.names if n != name})
    mentions = [
        Mention(text=s.text, start=s.start_char, end=s.end_char, sentence=sentence_text(s),
                source=_MENTION_SOURCES.get(s.label_, "kgx_entity_fixes"))
        for s in sorted(cluster.spans, key=lambda s: s.start)
    ]
    kind = evidence = None
    if cluster.type is EntityType.EVENT:
        named_by = next((sp for sp in cluster.spans if _surface(sp) == name), None)
        if named_by is None and cluster.synthetic_name:  # a verb's event ("met"): named by its head noun
            named_by = next((sp for sp in cluster.spans if sp.kb_id_.endswith(":" + cluster.synthetic_name)), None)
        kind, word = classify_spans(cluster.spans, named_by=named_by)
        if word is not None:  # the word that decided the type, in its sentence
            evidence = Evidence(doc_id=doc_id, sentence=sentence_text(word), start=word.start_char,
                                end=word.end_char, confidence=0.9 if kind.value != "Other" else 0.5,
                                extractor=f"kgx.{EVENT_TYPES.replace('_', '.')}")
    return Entity(key=key, type=cluster.type, name=name, aliases=aliases, alt_types=cluster.alt_types,
                  mentions=mentions, event_type=kind, event_type_evidence=evidence)


def _dedupe(entities: list[Entity]) -> list[Entity]:
    """Entities that ended up with the same key (same name, same type) become one."""
    out: dict[str, Entity] = {}
    for ent in entities:
        if ent.key not in out:
            out[ent.key] = ent
            continue
        first = out[ent.key]
        aliases = sorted(set(first.aliases) | set(ent.aliases) | ({ent.name} - {first.name}))
        out[ent.key] = first.model_copy(update={"aliases": aliases, "mentions": first.mentions + ent.mentions})
    return sorted(out.values(), key=lambda e: e.key)

