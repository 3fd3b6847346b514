"""The kind of an Event: Meeting, Visit, Conference, Signing, Ceremony or Other.

An event's type is read from its mentions' words, with the word lists of
``data/event_types.v1.txt``: the head noun first ("the memorial *service*"
has no typed head, so its other words are read: "memorial"), then the other
words from right to left. A word of signing anywhere makes a Signing ("the
signing ceremony"); an agreement or memorandum is a Signing only as the head.
A named mention decides before an event phrase, which decides before an
event verb ("met" for a meeting); an event none of whose mentions has a
typed word is ``Other`` (a war, an election, a military operation).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("They attended the annual signing ceremony in Oslo.")
>>> kind, span = classify_span(doc[2:6])
>>> kind.value, span.text
('Signing', 'signing')
>>> classify_words(["official", "visit"])
<EventType.VISIT: 'Visit'>
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from spacy.tokens import Span

from kgextract.base.gazetteers import load_sections
from kgextract.models import EventType

__all__ = ["EVENT_TYPES", "classify_span", "classify_spans", "classify_words"]

#: The word lists in use.
EVENT_TYPES = "event_types.v1"

_PREPOSITIONS = {"of", "on", "to", "for", "between", "in", "at", "with", "by", "about"}

#: Which mentions decide first: named events, then phrases, then verbs (``kb_id_`` kinds).
_KIND_ORDER = {"named": 0, "phrase": 1, "verb": 2}


@cache
def _lists(name: str) -> dict[str, frozenset[str]]:
    sections = load_sections(name)
    return {key: frozenset(w.replace("_", " ") for w in words) for key, words in sections.items()}


def _forms(words: Sequence[str], lemmas: Sequence[str], i: int) -> list[str]:
    """The forms of word ``i`` to look up: two-word phrases ending at it, then the word."""
    out = []
    if i > 0:
        out += [f"{words[i - 1]} {words[i]}", f"{lemmas[i - 1]} {lemmas[i]}"]
    return out + [words[i], lemmas[i]]


def _type_of(forms: Iterable[str], lists: dict[str, frozenset[str]], head: bool, to_follows: bool) -> EventType | None:
    for form in forms:
        for section, kind in (("Meeting", EventType.MEETING), ("Visit", EventType.VISIT),
                              ("Conference", EventType.CONFERENCE), ("Ceremony", EventType.CEREMONY)):
            if form in lists.get(section, ()):
                return kind
        if head and form in lists.get("SigningHead", ()):
            return EventType.SIGNING
        if to_follows and form in lists.get("VisitTo", ()):
            return EventType.VISIT
    return None


def _classify(words: Sequence[str], lemmas: Sequence[str], head: int | None, to_after: Sequence[bool],
              name: str, head_only: bool = False) -> tuple[EventType, int | None]:
    """(type, index of the deciding word) of one mention's words."""
    lists = _lists(name)
    for i in range(len(words)):
        if words[i] in lists.get("Signing", ()) or lemmas[i] in lists.get("Signing", ()):
            return EventType.SIGNING, i
    order = ([head] if head is not None else [])
    if not head_only:
        order += [i for i in reversed(range(len(words))) if i != head]
    for i in order:
        kind = _type_of(_forms(words, lemmas, i), lists, i == head, to_after[i])
        if kind is not None:
            return kind, i
    return EventType.OTHER, None


def classify_words(words: Sequence[str], name: str = EVENT_TYPES) -> EventType:
    """The type of an event named by ``words`` (lower case), the last word its head.

    >>> classify_words(["korean", "war"]), classify_words(["mission", "to", "chad"])
    (<EventType.OTHER: 'Other'>, <EventType.VISIT: 'Visit'>)
    """
    words = [w.lower() for w in words]
    to_after = [i + 1 < len(words) and words[i + 1] == "to" for i in range(len(words))]
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    head = cut - 1 if words else None  # the last word before "of/on/to ...": "mission to chad"
    return _classify(words, words, head, to_after, name)[0]


def classify_span(span: Span, name: str = EVENT_TYPES, head_only: bool = False) -> tuple[EventType, Span | None]:
    """The type of one Event mention and the word that decided it (``None`` for Other).

    The head is the noun the ``kb_id_`` names ("phrase:ceremony") or else the
    span's syntactic root; a verb mention ("met", "travelled") is typed by the
    noun its ``kb_id_`` gives ("verb:meeting"). With ``head_only`` the other
    words are not read (a signing word still counts).
    """
    doc = span.doc
    kind, _, noun = span.kb_id_.partition(":")
    words = [t.lower_ for t in span]
    lemmas = [t.lemma_.lower() or t.lower_ for t in span]
    if kind == "verb" and noun:
        found = classify_words([noun], name)
        return found, (span if found is not EventType.OTHER else None)
    head = None
    if noun:
        head = next((i for i in range(len(span)) if noun in (words[i], lemmas[i])), None)
    if head is None:
        head = span.root.i - span.start
    to_after = [t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" for t in span]
    found, i = _classify(words, lemmas, head, to_after, name, head_only)
    return found, (span[i : i + 1] if i is not None else None)


def classify_spans(spans: Iterable[Span], name: str = EVENT_TYPES,
                   named_by: Span | None = None) -> tuple[EventType, Span | None]:
    """The type of an event from all its mentions.

    The mention that gives the event its name (``named_by``) decides first, by
    all its words; then the others, by their head only, in the order named,
    phrase, verb (then by position): a "training mission" said of the "Baltic Air
    Policing Mission" does not make the operation a course. ``Other`` when none
    is typed. A ceremony (or an untyped event) one of whose mentions speaks of
    signing is a Signing ("a ceremony ... the signing ceremony").
    """
    ordered = sorted(spans, key=lambda s: (s is not named_by, _KIND_ORDER.get(s.kb_id_.partition(":")[0], 3),
                                           s.start))
    found, word = EventType.OTHER, (ordered[0] if ordered else None)
    for span in ordered:
        kind, deciding = classify_span(span, name, head_only=named_by is not None and span is not named_by)
        if kind is not EventType.OTHER:
            found, word = kind, deciding
            break
    if found in (EventType.CEREMONY, EventType.OTHER):
        # "a ceremony ... The signing ceremony was hosted by ...": the ceremony was a signing
        signing = _lists(name).get("Signing", frozenset())
        for span in ordered:
            hit = next((t for t in span if t.lower_ in signing or t.lemma_.lower() in signing), None)
            if hit is not None:
                return EventType.SIGNING, span[hit.i - span.start : hit.i - span.start + 1]
    return found, word
