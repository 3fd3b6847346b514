"""The ``kgx_roles`` component: job titles as Role mentions.

Titles come from the versioned gazetteer (``data/titles.v1.txt``) and are
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

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kgextract.nlp.entity_fixes import drop_overlaps
from kgextract.nlp.extensions import MENTIONS
from kgextract.nlp.gazetteers import load_list

__all__ = ["Roles", "make_roles", "ABBREVIATIONS", "expand_abbreviation"]

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

_HONORIFIC_TITLES = {"professor", "prof"}
_ACADEMIC_MODIFIERS = {"associate", "assistant", "research", "visiting", "adjunct", "full", "distinguished"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "h.e"}
_BOARD_WORDS = {"board", "directors", "trustees", "governors", "regents"}


@Language.factory("kgx_roles", default_config={"gazetteer": "titles.v1"})
def make_roles(nlp: Language, name: str, gazetteer: str) -> "Roles":
    """Build the component; ``gazetteer`` names the title list in ``nlp/data``."""
    return Roles(nlp, gazetteer)


def expand_abbreviation(title: str) -> str:
    """Spell out a title's abbreviated head ("interim CFO" -> "interim chief financial officer").

    >>> expand_abbreviation("interim CFO")
    'interim chief financial officer'
    """
    words = title.split()
    return " ".join(ABBREVIATIONS.get(w.lower(), w) for w in words)


class Roles:
    """Add ``Role`` spans for job titles to ``doc.spans[MENTIONS]``."""

    def __init__(self, nlp: Language, gazetteer: str = "titles.v1"):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        titles = set(load_list(gazetteer)) | set(ABBREVIATIONS)
        self.matcher.add("TITLE", [nlp.make_doc(t) for t in sorted(titles)])
        self.modifiers = {m.rstrip(".") for m in load_list("title_modifiers.v1")}

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
        entity_at = {i: s for s in mentions for i in range(s.start, s.end)}
        matches = [(start, end) for _, start, end in self.matcher(doc)
                   if not _bad_title_context(doc, start, end) and not _honorific_use(doc, start, end, entity_at)]
        starts = {start for start, _ in matches}
        starts |= {i for i in range(len(doc)) if doc[i].lower_.rstrip(".") in self.modifiers and i + 1 in starts}
        titles = [self._widen(doc, start, end, entity_at, starts) for start, end in matches]
        titles = drop_overlaps(titles)
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

    def _widen(self, doc: Doc, start: int, end: int, entity_at: dict[int, Span], starts: set[int]) -> Span:
        while start > 0 and doc[start - 1].lower_.rstrip(".") in self.modifiers and (
                start - 1 not in entity_at or len(entity_at[start - 1]) == 1
                or entity_at.get(start) is entity_at[start - 1]):  # the model wrapped the whole title
            start -= 1  # "Senior Programme Officer", even when the model tagged "Senior"
        end = _widen_right(doc, end, entity_at, starts)
        return Span(doc, start, end, label="Role")


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
    if tok.pos_ in ("VERB", "ADJ") and tok.lower_ not in ABBREVIATIONS:
        return True
    if tok.tag_ in ("NNS", "NNPS") and not tok.text.isupper():
        return True  # "ISAF partners", "foreign ministers": a group, not one person's title
    if tok.dep_ == "compound" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i == end:
        return True  # "partner countries"
    return False


def _widen_right(doc: Doc, end: int, entity_at: dict[int, Span], starts: set[int]) -> int:
    """Extend a title over its remit ("for ..."), "to <Capitalised>" and "of the Board".

    The remit stops where the next title of a coordination starts
    ("Ambassador for Security Affairs and Special Adviser").
    """
    n = len(doc)
    if end + 1 < n and doc[end].lower_ == "for" and not (doc[end + 1].lower_ == "the" and end + 2 < n and doc[end + 2].is_lower):
        j = end + 1
        last = None
        while j < n and j - end < 8:
            tok = doc[j]
            if j in starts and j > end + 1:
                break
            if tok.text == "," and last is not None and _list_continues(doc, j):
                j += 1
                continue
            if tok.is_title or tok.is_upper or tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                last = j
            elif tok.lower_ in ("and", "the", "of", "-") and j + 1 < n and (doc[j + 1].is_title or doc[j + 1].pos_ == "NOUN"):
                pass
            else:
                break
            j += 1
        if last is not None:
            return last + 1
    if end + 1 < n and doc[end].lower_ == "to":
        j = end + 1
        if doc[j].lower_ == "the" and j + 1 < n:
            j += 1
        if doc[j].is_title and (doc[j].ent_type_ in ("GPE", "") or j in entity_at):
            k = j
            while k + 1 < n and doc[k + 1].is_title and doc[k + 1].ent_iob_ != "B" \
                    and doc[k + 1].lower_.rstrip(".") not in _HONORIFICS:
                k += 1
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
        if doc[end + 1].pos_ == "NOUN" and doc[end + 1].is_lower and (end + 2 >= n or not doc[end + 2].is_alpha
                                                                      or doc[end + 2].is_lower and doc[end + 2].pos_ != "NOUN"):
            return end + 2  # "vice president of finance"
        if j < n and doc[j].is_title and j not in entity_at and doc[j].ent_type_ not in ("GPE", "ORG", "NORP", "LOC"):
            # "Minister of Foreign Affairs (of Norway)": a portfolio, not an organization
            k = j
            while k + 1 < n and (doc[k + 1].is_title or doc[k + 1].lower_ in ("and", "&") and k + 2 < n
                                 and doc[k + 2].is_title) and k + 1 not in entity_at:
                k += 1
            return k + 1
    return end


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
        return Span(span.doc, span.start, title.start, label=span.label_) if span.label_ != "Person" else None
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

