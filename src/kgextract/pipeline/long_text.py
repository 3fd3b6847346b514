"""Parse a long text in bounded pieces, so that memory stays flat however long it is.

spaCy's memory while parsing grows with the length of the text it is given
(about 4 MB per 1,000 characters with the bundled pipeline): a 480 KB text
took 2.4 GB. A text longer than ``piece_chars`` is therefore cut at
paragraph breaks (else line breaks, else sentence ends, else spaces), each
piece is parsed alone, and the pieces are joined with ``Doc.from_docs``
into one ``Doc`` whose text is the original, character for character. The
mention spans come along; the two document-level attributes that hold token
offsets (``kgx_acronyms``, ``kgx_source_lines``) are shifted and joined.
Press releases are far shorter than a piece, so they are parsed whole as
before; in a longer text an acronym is expanded only within its piece.

>>> split_points("one two.\\n\\nthree four.\\n\\nfive.", 14)
[0, 10, 23, 28]
>>> split_points("short", 100)
[0, 5]
"""

from __future__ import annotations

import re
import warnings

from spacy.tokens import Doc

__all__ = ["PIECE_CHARS", "split_points", "parse"]

#: The longest text parsed in one go (characters).
PIECE_CHARS = 20_000

_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))


def split_points(text: str, size: int) -> list[int]:
    """Offsets cutting ``text`` into pieces of at most ``size`` characters, at the best break.

    A piece ends after its break's whitespace, so each piece but the last
    ends in whitespace. With no break at all a piece is cut at ``size``.
    """
    points, start = [0], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            if ends and ends[-1] > size // 4:  # not a sliver: keep pieces of a useful length
                cut = ends[-1]
                break
        cut = cut or size
        start += cut
        points.append(start)
    if points[-1] != len(text):
        points.append(len(text))
    return points


def parse(nlp, text: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """``nlp(text)``, in pieces of at most ``piece_chars`` characters when it is longer.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = parse(nlp, "Ann met Bo.\\n\\nBo left.\\n\\nAnn stayed.", piece_chars=16)
    >>> doc.text == "Ann met Bo.\\n\\nBo left.\\n\\nAnn stayed.", len(doc)
    (True, 12)
    """
    if len(text) <= piece_chars:
        return nlp(text)
    points = split_points(text, piece_chars)
    docs = [nlp(text[a:b]) for a, b in zip(points, points[1:], strict=False)]
    with warnings.catch_warnings():  # W101: the doc-level attributes are joined below
        warnings.simplefilter("ignore")
        joined = Doc.from_docs(docs, ensure_whitespace=False)
    _join_attributes(joined, docs)
    return joined


def _join_attributes(joined: Doc, docs: list[Doc]) -> None:
    acronyms: dict | None = None
    lines: list | None = None
    offset = 0
    for doc in docs:
        if Doc.has_extension("kgx_acronyms") and doc._.kgx_acronyms:
            acronyms = acronyms or {}
            for short, value in doc._.kgx_acronyms.items():
                acronyms.setdefault(short, _shift(value, offset, 2))
        if Doc.has_extension("kgx_source_lines") and doc._.kgx_source_lines:
            lines = (lines or []) + [_shift(value, offset, 4) for value in doc._.kgx_source_lines]
        offset += len(doc)
    if acronyms is not None:
        joined._.kgx_acronyms = acronyms
    if lines is not None:
        joined._.kgx_source_lines = lines


def _shift(value, offset: int, n: int):
    """The first ``n`` items of a tuple of token offsets moved by ``offset``; the rest as is."""
    if not isinstance(value, tuple):
        return value
    return tuple(v + offset if i < n and isinstance(v, int) else v for i, v in enumerate(value))
