"""Hypothesis strategies for hostile strings and the extraction results built from them.

Hostile means: the characters IRIs and serializers must escape (``< > " { } |
\\ ^ ```), quotes, newlines, control characters, bidirectional marks, BOMs,
line separators, lone surrogates and very long tokens. The same strategies
feed the RDF mapping directly (``results()``) and real extraction
(``release_texts()``).

"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from kgextract.models import (
    DOC,
    Document,
    DocumentResult,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Predicate,
    Relation,
)

__all__ = [
    "HOSTILE", "hostile_text", "hostile_name", "iso_dates", "results", "RELEASE_TEMPLATES",
    "release_texts",
]

#: Characters that have broken IRI minting, escaping or parsing somewhere.
HOSTILE = (
    '<>"{}|\\^`' "'"               # IRI-forbidden characters and quotes
    "\n\r\t\x0b\x0c"                # line breaks and other white space
    "\x00\x01\x08\x1b\x1f\x7f\x85"  # control characters (C0, DEL, NEL)
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi marks
    "\u200b\u200d\ufeff\u2028\u2029"  # zero width, BOM, line/paragraph separators
    "\ufffe\uffff\U0010ffff"        # non-characters
    "\ud800\udfff"                  # lone surrogates (a UTF-8 file cannot hold them)
    "#%?&/@:;=+$,.-_~ "             # IRI delimiters
    "éßİıǅ한중ع\u0301"              # case folding, combining marks, other scripts
)

_ordinary = st.characters(codec="utf-8")  # any Unicode scalar value (no surrogates)


def hostile_text(min_size: int = 0, max_size: int = 30, long: int = 20_000) -> st.SearchStrategy[str]:
    """Text mostly made of hostile characters, sometimes with a token of up to ``long`` characters.

    (IRIs are built from keys and ids: keep ``long`` small for those, as
    rdflib's Turtle writer splits every IRI character by character.)
    """
    short = st.text(st.one_of(st.sampled_from(HOSTILE), _ordinary), min_size=min_size,
                    max_size=max_size)
    long_token = st.builds(lambda ch, n, tail: ch * n + tail, st.sampled_from('A<"\\é\u202e'),
                           st.integers(long // 10, long), short)
    return st.one_of(short, short, short, long_token)


def hostile_name(long: int = 20_000) -> st.SearchStrategy[str]:
    """A non-empty name (an entity name or alias)."""
    return hostile_text(min_size=1, long=long)


def iso_dates() -> st.SearchStrategy[str]:
    """ISO 8601 values of the three precisions the RDF accepts."""
    day = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
    month = st.tuples(st.integers(1, 9999), st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}")
    return st.one_of(day, month, st.integers(1, 9999).map(lambda y: f"{y:04d}"))


def _evidence(doc_id: str) -> st.SearchStrategy[Evidence]:
    return st.builds(
        Evidence, doc_id=st.just(doc_id), sentence=hostile_text(),
        start=st.integers(0, 10**9), end=st.integers(0, 10**9),
        confidence=st.floats(0.0, 1.0, allow_nan=False), extractor=hostile_name(long=1_000))


def _mention() -> st.SearchStrategy[Mention]:
    return st.builds(Mention, text=hostile_text(), start=st.integers(0, 10**6),
                     end=st.integers(0, 10**6), sentence=hostile_text(), source=hostile_name(long=1_000))


@st.composite
def _document_result(draw, doc_id: str | None = None) -> DocumentResult:
    doc_id = doc_id if doc_id is not None else draw(hostile_name())
    maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731
    document = Document(
        id=doc_id, text=draw(hostile_text()), source=draw(maybe(hostile_text())),
        title=draw(maybe(hostile_text())), url=draw(maybe(st.one_of(
            hostile_text(), st.builds(lambda t: "https://example.org/" + t, hostile_text()),
            st.sampled_from(["javascript:alert(1)", "mailto:a@b", "urn:x:<y>", "http://a b/"])))),
        date=draw(maybe(st.one_of(iso_dates(), hostile_text()))),
        publisher=draw(maybe(hostile_text())))
    n = draw(st.integers(0, 5))
    entities: list[Entity] = []
    for i in range(n):
        etype = draw(st.sampled_from(list(EntityType)))
        # keys are arbitrary strings too: the IRI minting must make them safe
        key = draw(st.sampled_from([f"{etype.value.lower()}/{i}-", ""])) + draw(hostile_text(long=1_000))
        if any(e.key == key for e in entities):
            continue
        entities.append(Entity(
            key=key, type=etype, name=draw(hostile_name()),
            aliases=draw(st.lists(hostile_name(), max_size=3)),
            alt_types=draw(st.lists(st.sampled_from(list(EntityType)), max_size=2)),
            mentions=draw(st.lists(_mention(), max_size=2)),
            confidence=draw(st.floats(0.0, 1.0, allow_nan=False))))
    keys = [e.key for e in entities] + [DOC]
    relations = []
    for _ in range(draw(st.integers(0, 6))):
        pred = draw(st.sampled_from(list(Predicate)))
        obj = draw(iso_dates()) if pred.takes_date else draw(st.sampled_from(keys))
        relations.append(Relation(
            subject=draw(st.sampled_from(keys)), predicate=pred, object=obj,
            organization=draw(st.one_of(st.none(), st.sampled_from(keys))),
            confidence=draw(st.floats(0.0, 1.0, allow_nan=False)),
            evidence=draw(st.lists(_evidence(doc_id), max_size=2))))
    return DocumentResult(document=document, entities=entities, relations=relations)


@st.composite
def results(draw, max_documents: int = 3) -> list[DocumentResult]:
    """One to ``max_documents`` hostile ``DocumentResult`` models (distinct document ids)."""
    ids = draw(st.lists(hostile_name(long=1_000), min_size=1, max_size=max_documents, unique=True))
    return [draw(_document_result(doc_id)) for doc_id in ids]


#: Press-release sentences with slots for hostile names.
RELEASE_TEMPLATES = (
    "GENEVA, 5 December 2023 - {person}, chief executive officer of {org}, said the results were strong.",
    "{org} today announced that {person} has been appointed chief financial officer.",
    '"We are proud," said {person}, president of {org}. The {event} took place in {place} on 4 May 2023.',
    "BERLIN, 3 May 2024. {org} named {person} chairman. {person} joins from {org2}.",
    "The {event}, organized by {org} and funded by {org2}, was held in {place}.",
)

_name_chars = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(string.ascii_letters),
                        _ordinary)


def _slot_name() -> st.SearchStrategy[str]:
    # Capitalised words so the model may take them as names, with hostile characters inside.
    word = st.text(_name_chars, min_size=1, max_size=8).map(lambda w: w[:1].upper() + w[1:])
    words = st.lists(word, min_size=1, max_size=3).map(" ".join)
    # A long word, or a long run of punctuation (each character is a token: spaCy's parser
    # slows down fast on a sentence of thousands of tokens, so those runs stay shorter).
    long_word = st.builds(lambda ch, n: "X" + ch * n, st.sampled_from("Aé\\"), st.integers(500, 3_000))
    long_run = st.builds(lambda ch, n: "X" + ch * n, st.sampled_from('<"{|'), st.integers(50, 300))
    return st.one_of(words, words, words, words, long_word, long_run)


@st.composite
def release_texts(draw) -> str:
    """A short press-release-like text whose names carry hostile characters."""
    slots = {k: draw(_slot_name()) for k in ("person", "org", "org2", "event", "place")}
    chosen = draw(st.lists(st.sampled_from(RELEASE_TEMPLATES), min_size=1, max_size=3))
    text = " ".join(t.format(**slots) for t in chosen)
    return text if text.strip() else "Acme."
