"""Per-document lookups that extraction and resolution ask for again and again.

spaCy answers ``span.sent.text`` or ``doc.sents`` by walking tokens, and a
release's mentions by building a new ``Span`` for each stored one. Resolving one
release asks the same questions thousands of times. Inside a
``with remembering(doc):`` block the answers are computed once; outside one
they are computed on each call. The memo holds spans, which hold their
``Doc``, so it lives only as long as the block: nothing stays behind, and
nothing is added to ``doc.user_data`` (which spaCy serializes).

Inside the block the sentences must not change (the memo does not see it); a
new ``doc.spans[MENTIONS]`` group is noticed.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
<...>
>>> doc = nlp("Ann Lee spoke. Bo Chan listened.")
>>> with remembering(doc):
...     sentence_text(doc[5]), [s.text for s in sentence_spans(doc)]
('Bo Chan listened.', ['Ann Lee spoke.', 'Bo Chan listened.'])
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from spacy.tokens import Doc, Span, Token

from kgextract.nlp.extensions import MENTIONS

__all__ = ["remembering", "doc_text", "tokens", "lowers", "sentence_spans", "sentence_of", "sentence_text",
           "text_between", "mentions", "mention_index", "line_starts", "line_break_before", "line_ends_at"]

# id(doc) -> memo, for the documents inside a ``remembering`` block (the block keeps the doc alive)
_ACTIVE: dict[int, dict] = {}


@contextmanager
def remembering(doc: Doc) -> Iterator[None]:
    """Memoize this module's lookups for ``doc`` inside the block (blocks may nest)."""
    key = id(doc)
    if key in _ACTIVE:
        yield
        return
    _ACTIVE[key] = {}
    try:
        yield
    finally:
        del _ACTIVE[key]


def _memo(doc: Doc) -> dict:
    # outside a block, a throwaway memo: the answer is computed and forgotten
    return _ACTIVE.get(id(doc), {})


def doc_text(doc: Doc) -> str:
    """``doc.text`` (which spaCy joins from the tokens on every access)."""
    memo = _memo(doc)
    if "text" not in memo:
        memo["text"] = doc.text
    return memo["text"]


def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, built once: ``doc[i]`` and ``for t in doc`` build a new ``Token`` each time.

    The list is shared inside the block: read it, never change it.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ann Lee spoke.")
    >>> with remembering(doc):
    ...     tokens(doc) is tokens(doc), [t.text for t in tokens(doc)]
    (True, ['Ann', 'Lee', 'spoke', '.'])
    """
    memo = _memo(doc)
    if "tokens" not in memo:
        memo["tokens"] = list(doc)
    return memo["tokens"]


def lowers(doc: Doc) -> list[str]:
    """Each token's ``lower_``, in order (shared inside the block: never change it).

    >>> import spacy
    >>> lowers(spacy.blank("en")("Ann LEE"))
    ['ann', 'lee']
    """
    memo = _memo(doc)
    if "lowers" not in memo:
        memo["lowers"] = [t.lower_ for t in tokens(doc)]
    return memo["lowers"]


def _sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    memo = _memo(doc)
    if "sents" not in memo:
        sents = list(doc.sents)
        memo["sents"] = (sents, [s.start for s in sents])
    return memo["sents"]


def sentence_spans(doc: Doc) -> list[Span]:
    """``list(doc.sents)``."""
    return list(_sentences(doc)[0])


def sentence_of(item: Span | Token) -> Span:
    """The sentence holding a token, or a span's first token (as ``.sent`` gives)."""
    sents, starts = _sentences(item.doc)
    i = item.i if isinstance(item, Token) else item.start
    return sents[bisect.bisect_right(starts, i) - 1]


def text_between(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text.strip()``, computed once per token range."""
    texts = _memo(doc).setdefault("texts", {})
    text = texts.get((start, end))
    if text is None:
        text = texts[(start, end)] = doc[start:end].text.strip()
    return text


def sentence_text(item: Span | Token) -> str:
    """The stripped text of the sentence holding ``item``."""
    sent = sentence_of(item)
    return text_between(item.doc, sent.start, sent.end)


def mentions(doc: Doc, label: str | None = None) -> list[Span]:
    """The mentions of ``doc`` (of one type when ``label`` is given), in stored order.

    A fresh list each call; the spans are built once per ``doc.spans[MENTIONS]``
    group, and a group assigned later is read anew.
    """
    if MENTIONS not in doc.spans:
        return []
    group = doc.spans[MENTIONS]
    memo = _memo(doc)
    cached = memo.get("mentions")
    if cached is None or cached[0] is not group or cached[1] != len(group):
        by_label: dict[str | None, list[Span]] = {None: list(group)}
        for span in by_label[None]:
            by_label.setdefault(span.label_, []).append(span)
        cached = memo["mentions"] = (group, len(group), by_label)
    return list(cached[2].get(label, ()))


def mention_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the mention covering it (of overlapping ones, the later in stored order).

    Inside a block the dict is built once per ``doc.spans[MENTIONS]`` group and
    shared (the extractors ask for it one after another): read it, never change it.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ann Lee met Bo.")
    >>> doc.spans[MENTIONS] = [Span(doc, 0, 2, label="Person"), Span(doc, 3, 4, label="Person")]
    >>> sorted((i, s.text) for i, s in mention_index(doc).items())
    [(0, 'Ann Lee'), (1, 'Ann Lee'), (3, 'Bo')]
    """
    if MENTIONS not in doc.spans:
        return {}
    group = doc.spans[MENTIONS]
    memo = _memo(doc)
    cached = memo.get("mention_index")
    if cached is None or cached[0] is not group or cached[1] != len(group):
        index = {i: s for s in mentions(doc) for i in range(s.start, s.end)}
        cached = memo["mention_index"] = (group, len(group), index)
    return cached[2]


def line_starts(doc: Doc) -> list[int]:
    r"""The tokens a line break stands right before, in order (token 0 first).

    >>> import spacy
    >>> line_starts(spacy.blank("en")("Jane Roe\nChief Executive\n\nAcme"))
    [0, 3, 6]
    """
    memo = _memo(doc)
    if "line_starts" not in memo:
        toks = tokens(doc)  # the shared list: doc[i - 1] would build a Token per test
        memo["line_starts"] = [i for i in range(len(toks)) if line_break_before(toks, i)]
    return memo["line_starts"]


def line_break_before(doc: Doc | Sequence[Token], i: int) -> bool:
    r"""Whether token ``i`` starts a line: the first token, or a newline in the white space
    after token ``i - 1`` or in the space token ``i - 1`` is.

    >>> import spacy
    >>> doc = spacy.blank("en")("Jane Roe\nChief  Executive\n\nAcme")
    >>> [t.text for t in doc if line_break_before(doc, t.i)]
    ['Jane', 'Chief', 'Acme']
    """
    return i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space and "\n" in doc[i - 1].text


def line_ends_at(doc: Doc, i: int) -> bool:
    r"""Whether a line ends right before token ``i``: the text ends there, a line break
    stands before ``i``, or token ``i`` is white space holding a newline.

    >>> import spacy
    >>> doc = spacy.blank("en")("Jane Roe \n\nAcme")
    >>> [i for i in range(1, len(doc) + 1) if line_ends_at(doc, i)]
    [2, 3, 4]
    """
    return i >= len(doc) or line_break_before(doc, i) or doc[i].is_space and "\n" in doc[i].text
