"""Small helpers the relation extractors share: finding mentions around tokens."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kgextract.base.names import honorific_parts
from kgextract.nlp.doc_index import mention_index, mentions

__all__ = ["mention_index", "mentions", "antecedent", "title_antecedent", "evidence_span", "mention_of",
           "HONORIFIC_TOKENS"]

#: The words of honorifics and styles, without full stops ("his", "excellency", "mr", "rt"), from the gazetteer.
HONORIFIC_TOKENS = honorific_parts()
_PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "who"}


def mention_of(tok: Token, index: dict[int, Span], label: str | None = None) -> Span | None:
    """The mention covering ``tok`` (of type ``label``), if any."""
    span = index.get(tok.i)
    if span is None or (label is not None and span.label_ != label):
        return None
    return span


def antecedent(tok: Token, index: dict[int, Span]) -> Span | None:
    """The person a personal pronoun most likely refers to: the latest person mention before it.

    Relative "who" refers to the noun its clause hangs on.
    """
    if tok.lower_ not in _PERSONAL_PRONOUNS:
        return None
    if tok.lower_ == "who":
        head = tok.head.head if tok.head.dep_ == "relcl" else None
        return mention_of(head, index, "Person") if head is not None else None
    for i in range(tok.i - 1, -1, -1):
        span = index.get(i)
        if span is not None and span.label_ == "Person":
            return span
    return None


def evidence_span(*parts: Span | Token | None) -> Span:
    """The stretch of one sentence that covers all the given parts."""
    items = [p for p in parts if p is not None]
    doc = items[0].doc
    start = min(p.i if isinstance(p, Token) else p.start for p in items)
    end = max(p.i + 1 if isinstance(p, Token) else p.end for p in items)
    return doc[start:end]


def title_antecedent(role: Span, index: dict[int, Span]) -> Span | None:
    """The person "the Secretary" or "the Minister" refers to: the latest person
    introduced right after a title that starts with the same word."""
    doc = role.doc
    if role.start == 0 or doc[role.start - 1].lower_ != "the":
        return None
    head = role[0].lower_
    for i in range(role.start - 1, -1, -1):
        span = index.get(i)
        if span is None or span.label_ != "Person" or span.start != i:
            continue
        window = doc[max(0, span.start - 5) : span.start]
        if any(t.lower_ == head for t in window):
            return span
    return None
