"""Candidate mention pairs and their syntactic features, for the learned relation classifier.

A pair is two mentions of one sentence whose types fit a predicate (a Person and
an Organization for ``memberOf``, an Event and a Place for ``location``, ...).
Its features say how the sentence's parse joins them: the shortest dependency
path between the mentions' heads (dependency labels with their direction, with
and without the lemmas on the way), the word that joins them (the path's top),
the words between them, the types, the distance, and whether a rule already
linked them. Co-occurrence alone gives only the weak ``type``/``distance``
features; the weights the classifier learns sit on the path.

>>> import spacy
>>> from spacy.tokens import Span
>>> nlp = spacy.blank("en")  # no lemmatizer here: the word itself stands for its lemma
>>> words = ["Ann", "Lee", "joined", "Acme", "."]
>>> heads, deps = [1, 2, 2, 2, 2], ["compound", "nsubj", "ROOT", "dobj", "punct"]
>>> doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=[1, 0, 0, 0, 0])
>>> person, org = Span(doc, 0, 2, label="Person"), Span(doc, 3, 4, label="Organization")
>>> path_features(person, org)[:3]
['path=nsubj< joined dobj>', 'dpath=nsubj< dobj>', 'top=joined']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kgextract.base.normalize import normalize_name
from kgextract.models import Predicate
from kgextract.nlp.doc_index import mentions, sentence_of

__all__ = ["PAIR_TYPES", "Pair", "candidate_pairs", "path_features", "pair_features", "pair_key", "name_key",
           "already_linked"]

#: The predicates the classifier scores, with the (subject, object) mention types each takes.
PAIR_TYPES: dict[Predicate, tuple[frozenset[str], frozenset[str]]] = {
    Predicate.MEMBER_OF: (frozenset({"Person"}), frozenset({"Organization"})),
    Predicate.HAS_ROLE: (frozenset({"Person"}), frozenset({"Role"})),
    Predicate.ATTENDEE: (frozenset({"Event"}), frozenset({"Person", "Organization"})),
    Predicate.ORGANIZER: (frozenset({"Event"}), frozenset({"Person", "Organization"})),
    Predicate.LOCATION: (frozenset({"Event"}), frozenset({"Place"})),
    Predicate.PARENT_ORGANIZATION: (frozenset({"Organization"}), frozenset({"Organization"})),
}

# a parse path longer than this (tokens on it) is described only by its length: long paths
# are rare and each is unique, so their full text would only memorise one sentence
_MAX_PATH = 7


@dataclass(frozen=True)
class Pair:
    """A subject and an object mention of one sentence, for one predicate."""

    subject: Span
    predicate: Predicate
    object: Span


def _lemma(tok: Token) -> str:
    # a proper noun's lemma is a name, and names are what must not be learned
    if tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "NNPS"):
        return "<name>"
    if tok.like_num:
        return "<num>"
    return (tok.lemma_ or tok.text).lower()


def _ancestors(tok: Token, sent: Span) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and sent.start <= chain[-1].head.i < sent.end and len(chain) < 60:
        chain.append(chain[-1].head)
    return chain


def _path(a: Token, b: Token, sent: Span) -> tuple[list[Token], Token, list[Token]] | None:
    """The tokens from ``a`` up to the lowest common ancestor and from it down to ``b``."""
    up_a, up_b = _ancestors(a, sent), _ancestors(b, sent)
    index_b = {t.i: k for k, t in enumerate(up_b)}
    for k, tok in enumerate(up_a):
        if tok.i in index_b:
            return up_a[:k], tok, list(reversed(up_b[: index_b[tok.i]]))
    return None


def path_features(subject: Span, obj: Span) -> list[str]:
    """The features of the shortest dependency path between the heads of two spans.

    ``<`` marks a step up to the head, ``>`` a step down to a dependent; ``top``
    is the word where the two branches meet (a verb such as "join" or "meet", a
    preposition, a noun such as "member"); ``subj``/``obj`` when one span's head
    governs the other.
    """
    sent = sentence_of(subject)
    if sentence_of(obj).start != sent.start:
        return ["path=other-sentence"]
    found = _path(subject.root, obj.root, sent)
    if found is None:
        return ["path=none"]
    up, top, down = found
    if len(up) + len(down) + 1 > _MAX_PATH:
        return [f"path=long{min(len(up) + len(down) + 1, 12)}"]
    top_word = "subj" if top.i == subject.root.i else "obj" if top.i == obj.root.i else _lemma(top)
    steps = [f"{t.dep_}<" for t in up] + [f"{t.dep_}>" for t in down]
    lemmas = [f"{t.dep_}<" if k == 0 else f"{_lemma(t)}:{t.dep_}<" for k, t in enumerate(up)]
    lemmas += [f"{t.dep_}>" if k == len(down) - 1 else f"{_lemma(t)}:{t.dep_}>" for k, t in enumerate(down)]
    out = [
        "path=" + " ".join(lemmas[: len(up)] + [top_word] + lemmas[len(up):]),
        "dpath=" + " ".join(steps),
        f"top={top_word}",
        f"top_pos={top.pos_}" if top_word not in ("subj", "obj") else f"top_pos={top_word}",
        f"plen={len(steps)}",
    ]
    out += [f"step={s}" for s in steps]
    out += [f"top_step={top_word}|{s}" for s in steps[len(up) - 1: len(up) + 1] if s]
    return out


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 4, 7, 12):
        if n <= limit:
            return str(limit)
    return "13+"


def pair_features(pair: Pair, rule_links: dict[tuple, set[str]] | None = None) -> list[str]:
    """Every feature of ``pair``; ``rule_links`` maps ``(subject start, end, object start, end)``
    to the predicates the rules gave that pair of mentions (for the ``rule`` features).

    The features do not depend on the predicate: one model per predicate weighs them.
    """
    s, o = pair.subject, pair.object
    doc = s.doc
    feats = ["bias", f"types={s.label_}>{o.label_}", f"order={'so' if s.start < o.start else 'os'}"]
    left, right = (s, o) if s.start < o.start else (o, s)
    gap = max(0, right.start - left.end)
    feats.append(f"dist={_bucket(gap)}")
    between = doc[left.end:right.start] if gap else doc[left.end:left.end]
    words = [_lemma(t) for t in between if not t.is_space]
    if len(words) <= 4:
        feats.append("between=" + " ".join(words))
    feats += [f"bw={w}" for w in sorted(set(words[:8] + words[-4:]))]
    inside = [m for m in mentions(doc) if left.end <= m.start and m.end <= right.start]
    feats.append(f"men_between={_bucket(len(inside))}")
    feats += sorted({f"men_between_type={m.label_}" for m in inside})
    for k, tok in ((1, doc[s.start - 1] if s.start > 0 else None), (2, doc[o.start - 1] if o.start > 0 else None)):
        if tok is not None:
            feats.append(f"before{k}={_lemma(tok)}")
    for k, tok in ((1, doc[s.end] if s.end < len(doc) else None), (2, doc[o.end] if o.end < len(doc) else None)):
        if tok is not None:
            feats.append(f"after{k}={_lemma(tok)}")
    feats.append(f"sdep={s.root.dep_}")
    feats.append(f"odep={o.root.dep_}")
    feats += path_features(s, o)
    if rule_links is not None:
        linked = rule_links.get(pair_key(s, o), set())
        named = rule_links.get(name_key(s, o), set()) - linked
        back = rule_links.get(pair_key(o, s), set())
        feats += [f"rule={p}" for p in sorted(linked)] or ["rule=none"]
        feats += [f"rule_name={p}" for p in sorted(named)]
        feats += [f"rule_back={p}" for p in sorted(back)]
    return feats


def pair_key(subject: Span, obj: Span) -> tuple:
    """The key of a mention pair by token offsets (see ``relations.learned.rule_links``)."""
    return ("span", subject.start, subject.end, obj.start, obj.end)


def name_key(subject: Span, obj: Span) -> tuple:
    """The key of a mention pair by the normalised names of the two mentions."""
    return ("name", normalize_name(subject.text), normalize_name(obj.text))


def already_linked(pair: Pair, links: dict[tuple, set[str]]) -> bool:
    """True when the rules gave ``pair``'s predicate between these mentions or two of the same names."""
    p = pair.predicate.value
    return p in links.get(pair_key(pair.subject, pair.object), ()) or p in links.get(
        name_key(pair.subject, pair.object), ())


def candidate_pairs(doc: Doc, predicates: tuple[Predicate, ...] | None = None) -> Iterator[Pair]:
    """The pairs of mentions in one sentence whose types fit each predicate, in text order.

    Synthetic mentions the rules make (a government for "the Korean Ambassador")
    are not in the document's mention group and so are not paired here.
    """
    chosen = tuple(PAIR_TYPES) if predicates is None else predicates
    by_sentence: dict[int, list[Span]] = {}
    for span in sorted(mentions(doc), key=lambda m: (m.start, m.end)):
        if len(span):
            by_sentence.setdefault(sentence_of(span).start, []).append(span)
    for start in sorted(by_sentence):
        spans = by_sentence[start]
        for predicate in chosen:
            subject_types, object_types = PAIR_TYPES[predicate]
            for s in spans:
                if s.label_ not in subject_types:
                    continue
                for o in spans:
                    if o is s or o.label_ not in object_types or (o.start, o.end) == (s.start, s.end):
                        continue
                    yield Pair(s, predicate, o)
