"""Event arguments: where and when, who organized, funded, supported and attended.

Every rule reads one sentence and the parse; nothing is linked by mere
co-occurrence across sentences:

- dates: a date expression in the event's sentence, nearest to the event; a
  day beats a bare year of the same event, a financial year is no event date;
- location: a place after "in"/"at"/"to" (or the object of "visit"), nearest
  to the event; a named venue after "at" counts too ("took place at the
  United Nations Office in Geneva"); a fronted place covers conjoined events
  ("In Oslo, she opened an office and signed ..."); an event "during" or "on
  the sidelines of" another takes that one's place;
- organizer/funder/sponsor: the agent of a passive verb of that kind whose
  subject is the event ("was funded by X, organized by Y and supported by Z"),
  the subject of an active one ("X hosted the meeting", "She hosted a dinner",
  "X led the delegates on a tour", "X launched/inaugurated ..."), "in
  partnership with X", a body's own session ("the 73rd Commission session":
  the one organization named with "Commission"); "held talks with" is meeting;
- attendee: the people (and pronouns' antecedents) in the event's sentence
  tied to it by the parse: subjects and objects of its verb, the list after
  "including", "met with"; and the parties of a signing, meeting or visit,
  organizations included: "A and B signed", "an MoU between A and B", "met
  with the Council", "on behalf of A", "the IFA delegation", the sender of "a
  message to" the event; those present: "in the presence of A", "A was
  present at", "dignitaries attending X include A", "On this occasion, A and B
  ..." (the event named just before), "Among the speakers were A and B".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kgextract.base.dates import RELATIVE_PERIOD, WEEKDAYS, DateValue, find_dates, normalize_date, relative_period
from kgextract.base.gazetteers import BODY_WORDS, EVENT_KINDS, load_list, load_sections
from kgextract.models import Predicate
from kgextract.nlp.doc_index import sentence_of, sentence_spans
from kgextract.relations.registry import Candidate, Context, extractors
from kgextract.relations.spans import (
    HONORIFIC_TOKENS,
    antecedent,
    evidence_span,
    mention_index,
    mention_of,
    mentions,
    title_antecedent,
)

__all__ = ["extract_participants", "PARTICIPANT_NOUNS", "sentence_dates", "weekday_date", "extract_event_dates",
           "extract_event_locations", "extract_event_agents", "extract_attendees", "extract_parties",
           "extract_presence"]

_LOCATION_PREPS = {"in", "at", "to"}
_EXCLUDED_ATTENDEE_PREPS = {"for", "of", "about", "on"}


def _events_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = {}
    for ev in mentions(doc, "Event"):
        out.setdefault(sentence_of(ev).start, []).append(ev)
    return out


def _nearest(events: list[Span], i: int) -> Span:
    return min(events, key=lambda e: min(abs(e.start - i), abs(e.end - 1 - i)))


_YEAR_PREPS = {"in", "during", "by", "until", "since", "from", "for", "of", "throughout"}


_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAYS)}
_WEEKDAY = re.compile(r"^(?:(?P<last>last|next|this|on) )?(?P<day>[A-Z][a-z]+)$")
#: Verbs that put the date they govern at an event's end ("the forum ended yesterday").
_END_VERBS = {"end", "conclude", "close", "wrap", "finish"}
#: Words a relative date is made of: such a date yields to a spelled-out one in the same sentence.
_RELATIVE = {"today", "yesterday", "tomorrow", "tonight"}


def weekday_date(text: str, reference: dt.date, future: bool) -> str | None:
    """The ISO day a weekday ("Friday", "last Friday", "next Monday") names, seen from ``reference``.

    A release writes of the week around it: the weekday on or before the
    reference for a past event, after it for one to come ("will meet on Friday").

    >>> weekday_date("Friday", dt.date(2024, 5, 8), future=False)  # a Wednesday
    '2024-05-03'
    >>> weekday_date("on Friday", dt.date(2024, 5, 8), future=True)
    '2024-05-10'
    >>> weekday_date("Wednesday", dt.date(2024, 5, 8), future=False)
    '2024-05-08'
    >>> weekday_date("next week", dt.date(2024, 5, 8), future=True) is None
    True
    """
    match = _WEEKDAY.match(text.strip())
    if match is None or match["day"].lower() not in _WEEKDAYS:
        return None
    want = _WEEKDAYS[match["day"].lower()]
    if match["last"] == "next" or future and match["last"] != "last":
        delta = (want - reference.weekday()) % 7 or 7
    else:
        delta = -((reference.weekday() - want) % 7)
    return (reference + dt.timedelta(days=delta)).isoformat()


_WEEKDAY_RANGE = re.compile(r"^(?:from )?(?P<a>[A-Z][a-z]+) (?:to|through|until|-|–) (?P<b>[A-Z][a-z]+)$")


def _weekday_value(text: str, reference: dt.date, future: bool) -> DateValue | None:
    """A weekday ("on Friday") or a run of weekdays ("from Monday to Wednesday") as a date value.

    >>> _weekday_value("from Monday to Wednesday", dt.date(2024, 5, 10), future=False)
    DateValue(start='2024-05-06', end='2024-05-08', precision='day')
    """
    day = weekday_date(text, reference, future)
    if day is not None:
        return DateValue(start=day)
    match = _WEEKDAY_RANGE.match(text.strip())
    if match is None:
        return None
    first = weekday_date(match["a"], reference, future)
    if first is None or match["b"].lower() not in _WEEKDAYS:
        return None
    start = dt.date.fromisoformat(first)
    span = (_WEEKDAYS[match["b"].lower()] - start.weekday()) % 7
    return DateValue(start=first, end=(start + dt.timedelta(days=span)).isoformat()) if span else DateValue(start=first)


def _future(tok: Token) -> bool:
    """The clause of ``tok`` speaks of what is to come ("will sign", "is to meet", "is scheduled")."""
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(c.lower_ in ("will", "shall", "'ll") or c.dep_ == "aux" and c.lower_ == "to"
               for c in verb.children) or verb.lemma_ in ("schedule", "plan", "expect")


def _ends_event(tok: Token) -> bool:
    """The date hangs on a verb of ending ("concluded on Friday", "ended yesterday")."""
    verb = tok.head if tok.dep_ != "prep" else tok
    for _ in range(3):
        if verb.pos_ == "VERB":
            return verb.lemma_.lower() in _END_VERBS
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def sentence_dates(sent: Span, reference: dt.date | None) -> list[tuple[Span, DateValue]]:
    """The dates of a sentence with their spans: the date grammar first, spaCy's DATE entities after.

    A bare year counts only after a preposition ("in 2024", not "NATO 2030
    initiative"); "this year", "last month" are placed from the reference; a weekday ("on
    Friday") is the one of the reference's week the tense points to.
    """
    doc = sent.doc
    out: list[tuple[Span, DateValue]] = []
    taken: set[int] = set()
    for match in find_dates(sent.text, reference=reference):
        span = doc.char_span(sent.start_char + match.start, sent.start_char + match.end, alignment_mode="expand")
        if span is not None and match.value is not None:
            out.append((span, match.value))
            taken.update(range(span.start, span.end))
    for ent in sent.ents:
        if ent.label_ != "DATE" or taken.intersection(range(ent.start, ent.end)):
            continue
        text = ent.text.strip()
        value: DateValue | None
        period = RELATIVE_PERIOD.fullmatch(text)
        if period is not None and reference is not None:
            value = relative_period(period, reference)  # "later this year", "last month"
        else:
            value = normalize_date(text, reference=reference)
        if value is None and reference is not None:
            value = _weekday_value(text, reference, _future(ent.root))
        if value is None:
            continue
        if value.precision == "year" and text.isdigit():
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if prev is None or prev.lower_ not in _YEAR_PREPS:
                continue
        out.append((ent, value))
    return sorted(out, key=lambda p: p[0].start)


@extractors.register("kgx.events.dates.v3")
def extract_event_dates(doc: Doc, context: Context) -> Iterator[Candidate]:
    """startDate/endDate from a date expression in the event's sentence."""
    for events in _events_by_sentence(doc).values():
        sent = sentence_of(events[0])
        seen: set[str] = set()
        line = context.dateline
        dates = sentence_dates(sent, context.reference_date)
        for date_span, value in dates:
            event = _nearest(events, date_span.start)
            if line is not None and line.date_start is not None and line.date_end is not None and \
                    date_span.start_char < line.date_end and line.date_start < date_span.end_char:
                continue  # the release's own date, not the event's
            if date_span.start > 0 and doc[date_span.start - 1].lower_ == "since":
                continue  # "her second visit since 2003": the date of another time
            if any(t.lower_ in _PERIOD_WORDS for t in doc[max(0, date_span.start - 2):date_span.end]):
                continue  # "the accounts for the financial year 2019": a reporting period, not a day of the event
            if any(other.start.startswith(value.start) and len(other.start) > len(value.start)
                   and _nearest(events, s.start) is event for s, other in dates):
                continue  # "the spring 2009 session ... on 4-5 April": the day says more than the year
            if event.start <= date_span.start < event.end and event.kb_id_.startswith("named"):
                continue  # a date inside an event's own name
            ev = evidence_span(event, date_span)
            if value.start in seen:
                continue
            seen.add(value.start)
            conf = 0.8 if abs(date_span.start - event.start) < 15 else 0.65
            if _is_relative(date_span):
                conf -= 0.05  # "today, 28 January 2021": the spelled-out date wins
            if value.end is None and _ends_event(date_span.root):
                # "the forum ended yesterday": the end, beside a start stated elsewhere
                yield Candidate(event, Predicate.END_DATE, value.start, conf, "kgx.events.dates.v3", ev)
                continue
            yield Candidate(event, Predicate.START_DATE, value.start, conf, "kgx.events.dates.v3", ev)
            if value.end and value.end != value.start:
                yield Candidate(event, Predicate.END_DATE, value.end, conf, "kgx.events.dates.v3", ev)
            elif value.end is None and value.precision == "day":
                last = _last_day(event, value.start)  # "a three-day visit starting on 3 May"
                if last is not None:
                    yield Candidate(event, Predicate.END_DATE, last, conf - 0.1, "kgx.events.dates.v3", ev)


#: Words that make a year a reporting period ("the financial year 2019", "fiscal 2020").
_PERIOD_WORDS = {"financial", "fiscal"}
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_DAYS = re.compile(r"^(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")-day$", re.IGNORECASE)


def _last_day(event: Span, start: str) -> str | None:
    """The last day of an event its own words give a length in days ("the three-day visit"), from its start.

    >>> import spacy
    >>> doc = spacy.blank("en")("a three-day visit")
    >>> _last_day(doc[4:5], "2024-06-21")  # the event "visit", its words before it
    '2024-06-23'
    """
    doc = event.doc
    words = [t.text for t in doc[max(0, event.start - 3):event.end]]
    text = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    for word in text.split():
        match = _DAYS.match(word)
        if match:
            n = match["n"].lower()
            days = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            if 1 < days <= 31:
                return (dt.date.fromisoformat(start) + dt.timedelta(days=days - 1)).isoformat()
    return None


def _is_relative(span: Span) -> bool:
    return any(t.lower_ in _RELATIVE or t.lower_ in _WEEKDAYS for t in span) and not any(t.like_num for t in span)


def _place_after_prep(span: Span) -> Token | None:
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" \
            and root.head.head.lemma_.lower() in load_list("place_nouns.v1"):
        noun = root.head.head  # "in the southern city of Puebla": the preposition of "city"
        if noun.dep_ == "pobj" and noun.head.lower_ in _LOCATION_PREPS:
            return noun.head
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ == "the" and span.start > 1:
        prev = span.doc[span.start - 2]
    return prev if prev is not None and prev.lower_ in _LOCATION_PREPS else None


@extractors.register("kgx.events.location.v3")
def extract_event_locations(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location: a place after in/at/to, or visited, nearest to the event in its sentence."""
    places = [m for m in mentions(doc, "Place") + mentions(doc, "Organization")]
    for events in _events_by_sentence(doc).values():
        sent = sentence_of(events[0])
        best: dict[int, tuple[float, Span]] = {}
        for place in places:
            if not (sent.start <= place.start < sent.end):
                continue
            prep = _place_after_prep(place)
            visited = place.root.head.lemma_ == "visit" and place.root.dep_ == "dobj"
            if prep is None and not visited:
                continue
            if place.label_ == "Organization" and not (prep is not None and prep.lower_ == "at"):
                continue
            nearest = _nearest(events, place.start)
            targets = [nearest]
            if prep is not None and prep.i < prep.head.i:
                # "In Puebla, she opened an office and signed an agreement": the fronted place is both's
                targets += [e for e in events if e is not nearest and _governing_verb(e) in prep.head.conjuncts]
            for event in targets:
                if event.start <= place.start < event.end:
                    continue
                if not _attached(event, prep if prep is not None else place.root.head, place):
                    continue  # a place elsewhere in the sentence ("a mission in Afghanistan")
                conf = 0.8 if visited or (prep is not None and prep.i - event.end <= 4 and prep.i >= event.end) \
                    else 0.65
                key = id(event)
                # a venue beats the city it is in; nearer beats farther
                score = conf - 0.001 * abs(place.start - event.end)
                if key not in best or score > best[key][0]:
                    best[key] = (score, place)
        for event in events:
            if id(event) in best:
                _, place = best[id(event)]
                conf = 0.8 if best[id(event)][0] > 0.7 else 0.65
                yield Candidate(event, Predicate.LOCATION, place, conf, "kgx.events.location.v3",
                                evidence_span(event, place))
            elif (frame := _framing_event(event, events)) is not None and id(frame) in best:
                # "signed the MoUs during the Committee Meeting held in Doha": where the frame took place
                place = best[id(frame)][1]
                yield Candidate(event, Predicate.LOCATION, place, 0.65, "kgx.events.location.v3",
                                evidence_span(event, place))
            else:
                where = _where_clause_place(event, doc)
                if where is not None:
                    yield Candidate(event, Predicate.LOCATION, where, 0.75, "kgx.events.location.v3",
                                    evidence_span(where, event))


#: Prepositions that put one event inside another ("during the summit", "on the sidelines of the forum").
_FRAME_PREPS = {"during"}
_SIDELINE_NOUNS = {"sideline", "sidelines", "margin", "margins", "side"}


def _framing_event(event: Span, events: list[Span]) -> Span | None:
    """The event of the same sentence that ``event`` happened during or on the sidelines of."""
    verb = _governing_verb(event)
    for prep in [c for t in (verb, event.root) for c in t.children if c.dep_ == "prep"]:
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ in ("on", "in", "at") and objs and objs[0].lower_ in _SIDELINE_NOUNS:
            objs = [g for p in objs[0].children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        elif prep.lower_ not in _FRAME_PREPS:
            continue
        for obj in objs:
            frame = next((e for e in events if e is not event and e.start <= obj.i < e.end), None)
            if frame is not None:
                return frame
    return None


def _where_clause_place(event: Span, doc: Doc) -> Span | None:
    """ "travelled to Oslo, where she signed an agreement": the place the "where" clause hangs on."""
    verb = _governing_verb(event)
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    index = mention_index(doc)
    place = mention_of(verb.head, index, "Place")
    if place is None:
        # "travelled to Oslo on 3 May, where ...": the clause hangs on the date; the trip's destination
        trip = verb.head
        while trip.pos_ != "VERB" and trip.head.i != trip.i:
            trip = trip.head
        places = [mention_of(g, index, "Place") for p in trip.children if p.dep_ == "prep" and p.lower_ in ("to", "in")
                  for g in p.children if g.dep_ == "pobj"]
        places = [p for p in places if p is not None]
        place = places[0] if len(places) == 1 else None
    return place


def _governing_verb(event: Span) -> Token:
    tok = event.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _attached(event: Span, link: Token, place: Span) -> bool:
    """The place's preposition (or visiting verb) hangs on the event or on its verb,
    or follows the event closely ("the summit in Seoul")."""
    verb = _governing_verb(event)
    tok = link
    for _ in range(4):  # "met ... at the Prime Minister's office in Brussels"
        if event.start <= tok.i < event.end or tok.i == verb.i:
            return True
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    if event.start <= tok.i < event.end or tok.i == verb.i:
        return True
    if link.dep_ == "prep" and link.i < link.head.i and verb in link.head.conjuncts:
        return True  # "In Puebla, she opened an office and signed an agreement": a fronted place covers both
    return 0 <= place.start - event.end <= 3


def _latest_event_before(tok: Token, index: dict[int, Span], sentences: int = 2) -> Span | None:
    sents = [s for s in sentence_spans(tok.doc) if s.end <= sentence_of(tok).end]
    window_start = sents[-(sentences + 1)].start if len(sents) > sentences else 0
    for i in range(tok.i - 1, window_start - 1, -1):
        span = index.get(i)
        if span is not None and span.label_ == "Event":
            return span
    return None


def _event_just_before(tok: Token, index: dict[int, Span]) -> Span | None:
    """The event whose mention ends right before ``tok`` (past a closing bracket or comma)."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].text in (")", ","):
        i -= 1
    return _refers_to_event(tok.doc[i], index) if i >= 0 else None


def _verb_sections() -> dict[str, frozenset[str]]:
    return load_sections("event_verbs.v2")


def _refers_to_event(tok: Token, index: dict[int, Span]) -> Span | None:
    span = index.get(tok.i)
    return span if span is not None and span.label_ == "Event" else None


def _event_of_verb(verb: Token, index: dict[int, Span]) -> Span | None:
    """The event a verb is about: its passive subject, object, or (via conj) its first verb's.

    "It" as the subject is the latest event mentioned in the two sentences before.
    """
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "dobj", "nsubj"):
            ev = _refers_to_event(child, index)
            if ev is not None:
                return ev
            if child.lower_ == "it" and child.dep_ in ("nsubjpass", "nsubj"):
                ev = _latest_event_before(child, index)
                if ev is not None:
                    return ev
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _event_of_verb(verb.head, index)
    if verb.dep_ == "acl":
        # "funded by X, organized by Y": the parser hangs the second participle on X;
        # "the session of the Board (CEB) hosted by X": on a noun before the event
        return _refers_to_event(verb.head, index) or _event_just_before(verb, index) \
            or _event_of_verb(verb.sent.root, index)
    if verb.dep_ == "relcl":
        return _refers_to_event(verb.head, index)  # "the forum, which was organized by X"
    return None


@extractors.register("kgx.events.agents.v3")
def extract_event_agents(doc: Doc, context: Context) -> Iterator[Candidate]:
    """organizer, funder, sponsor from "<verb>ed by X", "X <verb>ed the event", "in partnership with X"."""
    index = mention_index(doc)
    sections = _verb_sections()
    lemma_to_pred: dict[str, Predicate] = {}
    for name in ("organizer", "funder", "sponsor"):
        for lemma in sections.get(name, ()):
            lemma_to_pred[lemma] = Predicate(name)
    for tok in doc:
        pred = lemma_to_pred.get(tok.lemma_.lower())
        if pred is None or tok.pos_ not in ("VERB", "NOUN"):
            continue
        own = _event_led(tok, index) or _launched(tok, index)
        event = _event_of_verb(tok, index) or own
        if tok.pos_ == "NOUN" or event is None:
            continue
        agents = []
        for child in tok.children:
            if child.dep_ == "agent":
                agents += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "nsubj" and _refers_to_event(child, index) is None:
                agents.append(child)
        if tok.lemma_.lower() in _HOLD_VERBS and _event_head(event) in _TALK_EVENTS and any(
                p.dep_ == "prep" and p.lower_ in _PARTY_PREPS for t in (tok, event.root) for p in t.children):
            continue  # "A held talks with B" is "A met B": a party (kgx.events.parties), not the organizer
        direct = any(c.dep_ == "dobj" and _refers_to_event(c, index) is event for c in tok.children) \
            or own is not None
        if not agents and tok.dep_ == "conj":
            agents = [c for c in tok.head.children if c.dep_ == "nsubj"]  # "X arrived and hosted a dinner"
        for agent in agents:
            for part in [agent] + [c for c in agent.conjuncts]:
                span = index.get(part.i)
                if span is not None and span.label_ == "Role":
                    span = _holder(span, index)  # "the Speaker hosted a dinner": the Speaker named before
                elif span is None and part.pos_ == "PRON" and direct:
                    span = antecedent(part, index)  # "She hosted a dinner"
                if span is None or span.label_ not in ("Organization", "Person"):
                    continue
                if pred is not Predicate.ORGANIZER and span.label_ == "Person":
                    continue
                yield Candidate(event, pred, span, 0.85, "kgx.events.agents.v3", evidence_span(event, span, tok))
    yield from _agent_phrases(doc, index)
    for ev in mentions(doc, "Event"):
        # "NATO Foreign Ministerial meeting": an organization opening the name runs it
        first = ev[0]
        if ev.kb_id_.startswith("named") and first.ent_type_ == "ORG" and first.ent_iob_ == "B":
            end = first.i + 1
            while end < ev.end and doc[end].ent_iob_ == "I":
                end += 1
            if end < ev.end:
                org = Span(doc, first.i, end, label="Organization")
                yield Candidate(ev, Predicate.ORGANIZER, org, 0.6, "kgx.events.agents.v3", ev)
        body = _session_body(ev)
        if body is not None:
            yield Candidate(ev, Predicate.ORGANIZER, body, 0.6, "kgx.events.agents.v3", ev)
        # "NATO's Baltic Air Policing Mission": the owner runs it
        if ev.start >= 2 and doc[ev.start - 1].tag_ == "POS":
            owner = index.get(ev.start - 2)
            if owner is not None and owner.label_ == "Organization":
                yield Candidate(ev, Predicate.ORGANIZER, owner, 0.6, "kgx.events.agents.v3", evidence_span(owner, ev))


#: Events one holds with someone as a way of meeting them ("held talks with", "held a meeting with").
_TALK_EVENTS = load_sections(EVENT_KINDS)["talk"]


def _event_led(verb: Token, index: dict[int, Span]) -> Span | None:
    """ "X led the delegates on a guided tour", "X hosted the delegates to a dinner": the leader's or
    host's event after "on"/"to"."""
    if verb.lemma_.lower() not in ("lead", "host"):
        return None
    return next((ev for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "to") for g in p.children
                 if g.dep_ == "pobj" and (ev := _refers_to_event(g, index)) is not None), None)


#: Events a verb states by itself whose subject runs them ("Acme launched the portal", "the Mayor
#: inaugurated the office").
_SELF_RUN_EVENTS = load_sections(EVENT_KINDS)["self_run"]


def _launched(verb: Token, index: dict[int, Span]) -> Span | None:
    """The event a launching or inaugurating verb is itself (a trigger's span)."""
    ev = _refers_to_event(verb, index)
    return ev if ev is not None and ev.kb_id_.startswith("verb:") and _event_head(ev) in _SELF_RUN_EVENTS else None


#: Event nouns for a body's own sitting: "the 57th Session of the Authority" is the Authority's.
_SESSION_NOUNS = load_sections(EVENT_KINDS)["session"]


def _session_body(event: Span) -> Span | None:
    """The organization whose own session the event is: "spring session of the Acme Board",
    "annual general meeting in Acme AB" (the organization as the model tagged it inside the name;
    it becomes a relation only when the text names that organization elsewhere too)."""
    doc = event.doc
    for tok in event:
        if tok.lower_ not in _SESSION_NOUNS or tok.i + 1 >= event.end:
            continue
        nxt = doc[tok.i + 1]
        if nxt.lower_ not in ("of", "in"):
            continue
        start = tok.i + 2
        if start < event.end and doc[start].lower_ == "the":
            start += 1
        if start >= event.end or doc[start].ent_type_ != "ORG":
            continue
        end = start + 1
        while end < event.end and (doc[end].ent_type_ == "ORG" or _cap_word(doc[end])
                                   or doc[end].lower_ in _BODY_CONNECTORS and end + 1 < event.end
                                   and _cap_word(doc[end + 1])):
            end += 1  # the whole name, even where the model cut it ("UN" + "Chief Executives Board for ...")
        while doc[end - 1].lower_ in _BODY_CONNECTORS:
            end -= 1
        return Span(doc, start, end, label="Organization")
    return _named_elsewhere(event)


_BODY_CONNECTORS = {"of", "for", "and", "on", "&"}
#: Words that name a body by its kind ("the Commission", "the 73rd Commission session").
_BODY_KINDS = load_sections(BODY_WORDS)["kinds"]


def _cap_word(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or tok.is_upper)


def _named_elsewhere(event: Span) -> Span | None:
    """ "the 73rd Commission session": the body is the one organization of the text whose name holds
    "Commission" ("the Economic and Social Commission for Asia ..."); none when several do."""
    doc = event.doc
    kind = next((t for t in event if t.lower_ in _SESSION_NOUNS and t.i > event.start
                 and doc[t.i - 1].lower_ in _BODY_KINDS and doc[t.i - 1].is_title), None)
    if kind is None:
        return None
    word = doc[kind.i - 1].text
    bodies = [m for m in mentions(doc, "Organization") if word in [t.text for t in m] and len(m) > 1]
    if len({" ".join(m.text.lower().split()) for m in bodies}) != 1:
        return None
    return bodies[0]


def _agent_phrases(doc: Doc, index: dict[int, Span]) -> Iterator[Candidate]:
    """organizer/sponsor/funder named by a noun phrase on the event's verb or noun:
    "visited Oslo at the invitation of X", "held with support from X", "the
    forum, under the auspices of X" (nouns in ``event_agent_nouns.v1``)."""
    noun_to_pred = {noun: Predicate(pred) for pred, nouns in load_sections("event_agent_nouns.v1").items()
                    for noun in nouns}
    events = mentions(doc, "Event")
    for tok in doc:
        pred = noun_to_pred.get(tok.lower_)
        if pred is None or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            continue
        host = tok.head.head
        event = next((e for e in events if e.start <= host.i < e.end or _governing_verb(e).i == host.i
                      and sentence_of(e).start == sentence_of(tok).start), None)
        if event is None:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "by"):
                continue
            for obj in prep.children:
                for part in [obj, *obj.conjuncts] if obj.dep_ == "pobj" else []:
                    span = index.get(part.i)
                    if span is None or span.label_ not in ("Organization", "Person"):
                        continue
                    if pred is not Predicate.ORGANIZER and span.label_ == "Person":
                        continue
                    yield Candidate(event, pred, span, 0.7, "kgx.events.agents.v3", evidence_span(event, span, tok))


def _attendee_tokens(sent: Span, event: Span) -> list[Token]:
    """Tokens of the sentence that the parse ties to the event as participants."""
    anchor = event.root
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    out = []
    for tok in sent:
        if event.start <= tok.i < event.end:
            continue
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "compound", "dative"):
            head_chain = [tok] + list(tok.ancestors)
            if verb not in head_chain and anchor not in head_chain:
                continue
            preps = [t for t in head_chain[:4] if t.dep_ == "prep"]
            if preps and preps[0].lower_ in _EXCLUDED_ATTENDEE_PREPS and not _including(preps[0]):
                continue
            out.append(tok)
    return out


def _including(prep: Token) -> bool:
    return prep.lower_ in ("including", "like", "such")


#: Nouns that introduce the people taking part in the event a release is about.
PARTICIPANT_NOUNS = {"participant", "speaker", "panelist", "panellist", "delegate", "attendee", "guest",
                     "signatory", "delegation", "speakers", "participants"}


@extractors.register("kgx.events.participants.v2")
def extract_participants(doc: Doc, context: Context) -> Iterator[Candidate]:
    """attendee: "Participants include A and B", "Among the speakers were A and B",
    "The agreement was signed by A and B" name the people of the release's main event (its first event) when the
    sentence names no event itself."""
    events = mentions(doc, "Event")
    if not events:
        return
    main = events[0]
    for sent in sentence_spans(doc):
        if any(sent.start <= e.start < sent.end for e in events) or sent.start < main.start:
            continue
        root = sent.root
        cue = any(t.lemma_.lower() in PARTICIPANT_NOUNS and (
            t.dep_ in ("nsubj", "nsubjpass", "attr", "dobj")
            # "Among the speakers were A"
            or t.dep_ == "pobj" and t.head.lower_ == "among" and t.head.head.lemma_ == "be")
            for t in sent)
        signed = root.lemma_.lower() == "sign" and any(c.dep_ == "agent" for c in root.children)
        if not (cue or signed):
            continue
        for span in mentions(doc, "Person"):
            if sent.start <= span.start < sent.end and not _inside_for(span):
                yield Candidate(main, Predicate.ATTENDEE, span, 0.55, "kgx.events.participants.v2",
                                evidence_span(span, sent[0]))


def _inside_for(span: Span) -> bool:
    return any(t.dep_ == "prep" and t.lower_ in _EXCLUDED_ATTENDEE_PREPS for t in list(span.root.ancestors)[:2])


_TIME_PREPS = {"until", "till", "before", "after", "since", "ahead", "prior"}


def _time_point(event: Span) -> bool:
    """The event only dates something else: "until the end of the next annual meeting",
    "ahead of the summit". Its sentence's people are not its attendees."""
    for tok in list(event.root.ancestors)[:4]:
        if tok.dep_ == "prep" and tok.lower_ in _TIME_PREPS:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


@extractors.register("kgx.events.attendees.v2")
def extract_attendees(doc: Doc, context: Context) -> Iterator[Candidate]:
    """attendee: people the parse ties to the event in its sentence."""
    index = mention_index(doc)
    for events in _events_by_sentence(doc).values():
        sent = sentence_of(events[0])
        seen: set[tuple[int, int]] = set()
        for event in events:
            if _time_point(event):
                continue  # "re-elected until the end of the next meeting": the meeting dates, nobody attends
            for tok in _attendee_tokens(sent, event):
                span = index.get(tok.i)
                if span is not None and span.label_ == "Role":
                    span = title_antecedent(span, index)
                elif span is None or span.label_ != "Person":
                    span = antecedent(tok, index) if tok.pos_ == "PRON" else None
                if span is None or _nearest(events, span.start) is not event:
                    continue
                if (event.start, span.start) in seen:
                    continue
                seen.add((event.start, span.start))
                yield Candidate(event, Predicate.ATTENDEE, span, 0.6, "kgx.events.attendees.v2",
                                evidence_span(event, span))


#: Prepositions that name the other party of an event ("met with X", "an MoU with X",
#: "talks between X and Y") or the side a signer stands for ("on behalf of X").
_PARTY_PREPS = {"with", "between", "among"}
#: Verbs that say who was at an event: "attended the forum", "was attended by".
_ATTEND_VERBS = {"attend", "join"}
#: Verbs whose subject was at the event their "at"/"during" phrase names ("spoke at the forum").
_SPEAKER_VERBS = {"say", "speak", "address", "remark", "note", "stress", "tell", "add", "announce",
                  "attend", "participate", "present", "deliver", "sign"}
#: Verbs whose subject takes part in the event they hold ("A held talks with B"); "host" is an organizer's.
_HOLD_VERBS = {"hold", "have", "conduct"}
#: Nouns for what a speaker sends or gives to an event ("a video message to the forum").
_MESSAGE_NOUNS = {"message", "address", "speech", "statement", "remarks", "keynote"}
#: Event heads whose parties are attendees (a conference's subject is its organizer, not a party).
_PARTY_EVENTS = load_sections(EVENT_KINDS)["party"]
#: Event heads whose speakers are attendees (a speaker "at the conference" was there).
_SPOKEN_EVENTS = _PARTY_EVENTS | load_sections(EVENT_KINDS)["spoken"]


def _event_head(event: Span) -> str:
    return event.kb_id_.partition(":")[2] or event.root.lemma_.lower()


def _party_anchors(event: Span) -> list[Token]:
    """The tokens the parties of an event hang on: its verb (and for a signing the
    document signed), or its noun."""
    root = event.root
    anchors = [root]
    if root.pos_ == "VERB":
        objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
        # "NEW DELHI, 9 May (Wire): An MoU between A and B was signed": the parser hangs the
        # document on the dateline as its apposition
        objects += [a for c in objects for a in c.children if a.dep_ == "appos"]
        documents = [c for c in objects if c.lower_ in load_list("agreement_nouns.v1")]
        # "a memorandum of understanding with X": the party hangs on the noun's complement
        anchors += documents + [g for d in documents for p in d.children if p.dep_ == "prep" and p.lower_ == "of"
                                for g in p.children if g.dep_ == "pobj"]
    return anchors


def _party_tokens(event: Span) -> list[tuple[Token, str]]:
    """(token, why) pairs for the parties the parse names for ``event``:
    the subject of its verb, the agent of "signed by", the object of "met"/"visited",
    the list after "with"/"between", the side after "on behalf of"."""
    root = event.root
    out: list[tuple[Token, str]] = []
    if root.pos_ == "VERB":
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if not subjects and root.dep_ == "conj":
            subjects = [c for c in root.head.children if c.dep_ == "nsubj"]
        # "OSLO, 8 May -- Acme and Beta signed": the parser makes the dateline the subject
        # and the true subject its apposition
        subjects += [a for s in subjects for a in s.children
                     if a.dep_ == "appos" and not (a.i > 0 and a.doc[a.i - 1].text == "(")]  # not "(Wire)"
        out += [(s, "subject") for s in subjects]
        for child in root.children:
            if child.dep_ == "agent":
                out += [(g, "agent") for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "dobj" and root.lemma_.lower() in ("meet", "visit"):
                out.append((child, "object"))  # a body met or visited; a one-word "ORG" is often a city
    elif root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in _HOLD_VERBS:
        # "A held talks with B", "A held a signing ceremony with B", "a meeting was held between
        # A and B": A and B are the parties
        verb = root.head
        out += [(s, "subject") for s in verb.children if s.dep_ == "nsubj"]
        out += [(t, "between") for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"
                for g in p.children if g.dep_ == "pobj" for t in g.subtree
                if t.dep_ in ("pobj", "conj", "nmod", "compound")]
        out += [(g, p.lower_) for p in verb.children if p.dep_ == "prep" and p.lower_ in _PARTY_PREPS
                for g in p.children if g.dep_ == "pobj"]
    elif root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in _ATTEND_VERBS:
        # "A and B attended the forum", "the forum was attended by A and B"
        verb = root.head
        if root.dep_ == "dobj":
            out += [(s, "attended") for s in verb.children if s.dep_ == "nsubj"]
        else:
            out += [(g, "attended") for a in verb.children if a.dep_ == "agent"
                    for g in a.children if g.dep_ == "pobj"]
    elif root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in ("participate", "take") \
            and (root.head.head.lemma_.lower() == "participate"
                 or any(c.lower_ == "part" for c in root.head.head.children)):
        # "A and B took part in the forum", "A participated in the summit"
        out += [(s, "attended") for s in root.head.head.children if s.dep_ == "nsubj"]
    elif root.dep_ == "pobj" and root.head.lower_ in ("at", "during") and root.head.head.pos_ == "VERB" \
            and root.head.head.lemma_.lower() in _SPEAKER_VERBS:
        # "X said during the ceremony", "Speaking at the forum, X said": the speaker was there
        verb = root.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "advcl":
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        out += [(s, "speaker") for s in subjects]
    elif root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_.lower() in _MESSAGE_NOUNS:
        # "In a video message to the session, X congratulated ...": the one who sent it took part
        noun = root.head.head
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ == "VERB":
            subjects = [s for s in verb.children if s.dep_ == "nsubj"]
            # the parser may hang the sender on the event as its apposition ("to the session, X congratulated")
            out += [(s, "speaker") for s in subjects or [a for a in root.children if a.dep_ == "appos"]]
    for anchor in _party_anchors(event):
        for prep in anchor.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ == "between":
                # "between A and B": every party in the phrase, however the parser joined them
                out += [(t, "between") for g in prep.children if g.dep_ == "pobj" for t in g.subtree
                        if t.dep_ in ("pobj", "conj", "nmod", "compound")]
            elif prep.lower_ in _PARTY_PREPS or prep.lower_ == "by" and anchor.pos_ in ("NOUN", "PROPN") \
                    or prep.lower_ == "of" and anchor.lemma_.lower() == "visit" and anchor.i == root.i:
                # "talks with X", "a visit by the Minister", "the State visit of President X"
                # "talks with X", "a visit by the Minister", "the signing by A and B"
                out += [(g, prep.lower_) for g in prep.children if g.dep_ == "pobj"]
            elif prep.lower_ == "on" and any(c.lower_ == "behalf" for c in prep.children):
                behalf = next(c for c in prep.children if c.lower_ == "behalf")
                out += [(g, "on behalf of") for p in behalf.children if p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"]
    return out


def _holder(role: Span, index: dict[int, Span]) -> Span | None:
    """The person a bare title stands for: the one it was given to earlier in the text
    ("Jane Roe, the Director General, ..." or "Director General Jane Roe"), or the one
    ``title_antecedent`` finds."""
    found = title_antecedent(role, index)
    if found is not None:
        return found
    doc = role.doc
    # "met the Minister of the Interior, Mr. Jan Roe": the name that follows the title
    named = [index.get(c.i) for c in role.root.children if c.dep_ == "appos"]
    named += [index.get(j) for j in range(role.end, min(len(doc), role.end + 4))
              if doc[j].is_punct or doc[j].lower_.rstrip(".") in HONORIFIC_TOKENS or index.get(j) is not None]
    for span in named:
        if span is not None and span.label_ == "Person":
            return span
    name = role.text.lower()
    for i in range(role.start - 1, -1, -1):
        other = index.get(i)
        if other is None or other.label_ != "Role" or other.start != i or other.text.lower() != name:
            continue
        before = [index.get(j) for j in range(max(0, other.start - 3), other.start)]
        after = [index.get(j) for j in range(other.end, min(len(doc), other.end + 2))]
        # "the Director General of X, Ambassador Jane Roe": the name in apposition to the title
        after += [index.get(c.i) for c in other.root.children if c.dep_ == "appos"]
        people = [p for p in before + after if p is not None and p.label_ == "Person"]
        if people:
            return people[-1] if before and people[-1] in before else people[0]
    return None


#: Nouns for the people who stand for a body: "officials from the Ministry", "members of X".
_BODY_PEOPLE = load_sections(BODY_WORDS)["people"]


def _delegation_owners(tok: Token, index: dict[int, Span]) -> list[Span]:
    """The organizations of "the IFA delegation", "a delegation of/from X", "officials from X and Y"."""
    if tok.lower_ not in _BODY_PEOPLE and tok.lemma_.lower() not in _BODY_PEOPLE:
        return []
    out = []
    for child in tok.children:
        if child.dep_ in ("compound", "nmod", "amod", "poss"):
            span = mention_of(child, index, "Organization")
            if span is not None:
                out.append(span)
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for g in child.children:
                if g.dep_ == "pobj":
                    out += [sp for t in [g, *g.conjuncts] if (sp := mention_of(t, index, "Organization")) is not None]
    return out


def _signer_bodies(person: Span, index: dict[int, Span]) -> list[Span]:
    """The organizations a signer's title is of: "Jane Roe, President of the Acme Club" -> Acme Club
    (the title in apposition, or the title just before the name: "President of Acme Jane Roe")."""
    out = []
    titles = [c for c in person.root.children if c.dep_ == "appos"]
    titles += [c for c in person.root.children if c.dep_ in ("compound", "nmod") and c.i < person.start]
    for title in titles:
        for prep in title.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        out += [sp for t in [obj, *obj.conjuncts]
                                if (sp := mention_of(t, index, "Organization")) is not None]
    return out


@extractors.register("kgx.events.parties.v2")
def extract_parties(doc: Doc, context: Context) -> Iterator[Candidate]:
    """attendee: the organizations and people that are parties to a signing,
    meeting or visit: "A and B signed an agreement", "an MoU between A and B",
    "signed by A and B", "met with the Council", "visited the Red Cross Society",
    "on behalf of A", and the organization of a delegation ("the IFA delegation")."""
    index = mention_index(doc)
    for event in mentions(doc, "Event"):
        head = _event_head(event)
        if head not in _SPOKEN_EVENTS:
            continue
        seen: set[int] = set()
        for tok, why in _party_tokens(event):
            if why not in ("speaker", "attended") and head not in _PARTY_EVENTS:
                continue
            for part in [tok, *tok.conjuncts]:
                span = index.get(part.i)
                if span is not None and span.label_ == "Role":
                    span = _holder(span, index)  # "the Director General signed": the person named so before
                found = [span] if span is not None else _delegation_owners(part, index)
                if span is not None and span.label_ == "Person" and _event_head(event) == "signing" \
                        and why in ("subject", "agent"):
                    found += _signer_bodies(span, index)  # "A, President of the QFA, signed": QFA is a party
                for span in found:
                    if span.label_ not in ("Organization", "Person") or span.start in seen:
                        continue
                    if why == "between" and span.root.head.lower_ == "of":
                        continue  # "between A, Vice President of the Club, and B": the Club is A's
                    if event.start <= span.start < event.end:
                        continue  # a party inside the event's own name is the name, not a party
                    if why == "object" and span.label_ == "Organization" and (
                            len(span) == 1 and not span.text.isupper()
                            or span[-1].lower_ in load_list("venue_words.v1")):
                        continue  # "visited Oslo", "visited the Vienna Centre": where, not whom
                    seen.add(span.start)
                    conf = 0.7 if why in ("subject", "agent", "between", "on behalf of") else 0.6
                    yield Candidate(event, Predicate.ATTENDEE, span, conf, "kgx.events.parties.v2",
                                    evidence_span(event, span))


#: Verbs of being there or taking a part: "A and B were present", "exchanged the documents".
_PRESENT_VERBS = _SPEAKER_VERBS | {"exchange", "witness", "join", "attend"}


def _people_of(tok: Token, index: dict[int, Span]) -> list[Span]:
    """The people and organizations a noun phrase names: the mentions in its subtree that are
    not someone else's ("the wife of X"), a title's holder, a delegation's body."""
    out: list[Span] = []
    inside = {x.i for x in tok.subtree}  # built once, asked for each mention's ancestors
    for t in tok.subtree:
        span = index.get(t.i)
        if span is None or span.root.i != t.i:
            continue
        if span.label_ == "Role":
            span = _holder(span, index)
        elif span.label_ not in ("Person", "Organization"):
            continue
        if span is None:
            continue
        between = [a for a in span.root.ancestors if a.i in inside]
        if any(a.dep_ == "prep" for a in between):
            continue  # "the wife of X", "Chairperson of the Council": X is someone else's
        owner = index.get(span.root.head.i)
        if span.label_ == "Organization" and owner is not None and owner is not span \
                and owner.label_ in ("Role", "Person"):
            continue  # "Acme Secretary General Jane Roe": Acme is the title's
        out.append(span)
    if not out:
        out += _delegation_owners(tok, index)
    return out


def _occasion_event(sent: Span, index: dict[int, Span]) -> tuple[Span, Token] | None:
    """ "On this occasion, X ...": the event the demonstrative points back to (the latest
    one in the two sentences before) and the verb the phrase hangs on."""
    for tok in sent:
        if tok.lower_ == "occasion" and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "at") \
                and any(c.lower_ in ("this", "that") for c in tok.children) \
                and not any(c.dep_ == "prep" for c in tok.children):
            event = _latest_event_before(sent[0], index)
            verb = tok.head.head
            if event is not None and verb.pos_ in ("VERB", "AUX"):
                return event, verb
    return None


def _presence_links(sent: Span, index: dict[int, Span]) -> Iterator[tuple[Span, Token, str]]:
    """(event, noun phrase head, why) for the shapes that put someone at an event."""
    events = [e for e in mentions(sent.doc, "Event") if sent.start <= e.start < sent.end]
    for tok in sent:
        # "signed in the presence of A and B"
        if tok.lower_ == "presence" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into"):
            host = tok.head.head
            event = next((e for e in events if e.start <= host.i < e.end or _governing_verb(e).i == host.i), None)
            if event is not None:
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        yield from ((event, g, "presence") for g in prep.children if g.dep_ == "pobj")
        # "A and B were present at the ceremony"
        if tok.lower_ == "present" and tok.dep_ == "acomp":
            event = next((index[g.i] for p in tok.children if p.dep_ == "prep" and p.lower_ in ("at", "for", "during")
                          for g in p.children if g.i in index and index[g.i].label_ == "Event"), None)
            if event is not None:
                yield from ((event, s, "present") for s in tok.head.children if s.dep_ in ("nsubj", "expl"))
        # "Dignitaries attending the forum include A and B", "the delegation attending the forum"
        if tok.lemma_.lower() == "attend" and tok.dep_ == "acl":
            event = next((index[c.i] for c in tok.children if c.dep_ == "dobj" and c.i in index
                          and index[c.i].label_ == "Event"), None)
            if event is None:
                continue
            noun = tok.head
            if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "include":
                yield from ((event, o, "attending") for o in noun.head.children if o.dep_ in ("dobj", "attr"))
            else:
                yield event, noun, "attending"
                # "as Head of the Acme delegation attending the forum": the head is there too
                up = noun
                while up.dep_ == "pobj" and up.head.dep_ == "prep":
                    up = up.head.head
                if up.i != noun.i and up.i in index and index[up.i].label_ == "Role":
                    yield event, up, "attending"
    occasion = _occasion_event(sent, index)
    if occasion is not None:
        event, verb = occasion
        present = any(c.lower_ == "present" and c.dep_ == "acomp" for c in verb.children)
        if present or verb.lemma_.lower() in _PRESENT_VERBS:
            yield from ((event, s, "occasion") for s in verb.children if s.dep_ == "nsubj")


@extractors.register("kgx.events.presence.v1")
def extract_presence(doc: Doc, context: Context) -> Iterator[Candidate]:
    """attendee: those the text puts at an event without naming them its parties:
    "signed in the presence of A and B", "A and B were present at the ceremony",
    "dignitaries attending the forum include A and B", "the Acme delegation attending
    the forum", and "On this occasion, A and B exchanged the documents" (the occasion
    is the event named just before)."""
    if not mentions(doc, "Event"):
        return  # nothing to be present at (and a bare Doc has no sentences to read)
    index = mention_index(doc)
    for sent in sentence_spans(doc):
        seen: set[tuple[int, int]] = set()
        for event, tok, why in _presence_links(sent, index):
            for part in [tok, *tok.conjuncts]:
                for span in _people_of(part, index):
                    if (event.start, span.start) in seen or event.start <= span.start < event.end:
                        continue
                    seen.add((event.start, span.start))
                    conf = 0.6 if why == "occasion" else 0.65
                    yield Candidate(event, Predicate.ATTENDEE, span, conf, "kgx.events.presence.v1",
                                    evidence_span(event, span))
