"""Capitalised phrases that spaCy tags as names but the guide does not annotate.

The annotation guide: topics, documents, portfolios, products and degrees are
not entities; plural common nouns are not names. Used by ``kgx_entity_fixes``
on its typed mentions; the word lists are ``base/data/non_names.v2.txt`` and
``base/data/portfolios.v2.txt`` (the remits).

- ``drop_non_names``: "MoU", "COVID-19", "the Sustainable Development Goals",
  "the Global Energy Crisis", a name cut from a text's ("Programme of Action
  to Prevent"; "Transnational Crime" after "Convention against"; "Combat" in its verb
  list "to Prevent, Combat and Eradicate"), "Workers and
  Employers", "Peruvian" alone, a Roman numeral ("XXV edition");
- ``portfolios``: the remit after a title ("Minister of the Interior",
  "Dean of Student Affairs Ravi Menon", "Vice President of Content at Lakeside
  Radio"): the remit is dropped, a person's name after it becomes a Person and
  an organization after "at" stays one; a ministry's name cut at "and" ("the
  Ministry of Industry and Advanced Technology") is made whole.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span

from kgextract.base.countries import country_name, country_record
from kgextract.base.gazetteers import (
    PORTFOLIOS,
    TITLES,
    demonym_forms,
    load_list,
    load_sections,
)

__all__ = ["drop_non_names", "portfolios"]

_LIST = "non_names.v2"
_NAMED = ("Person", "Organization", "Place")
#: Prepositions that tie a text's head word to the rest of its name.
_DOC_LINKS = {"of", "on", "against", "to", "for"}
#: A well-formed Roman numeral of two letters or more with an I, V or X ("XXV edition"), not
#: "CIVIL", "LIC" or the acronyms "DC", "MMC".
_ROMAN = re.compile(r"(?=[IVXLCDM]{2,}$)(?=.*[IVX])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


@functools.lru_cache(maxsize=1)
def _sections() -> dict[str, frozenset[str]]:
    return load_sections(_LIST)


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """One-word titles ("minister", "dean", "chairperson") and "president"-like heads."""
    return frozenset(t for t in load_list(TITLES) if " " not in t)


@functools.lru_cache(maxsize=1)
def _person_title_words() -> frozenset[str]:
    """Honorifics, titles and the words no person is named by: joined once, not per mention."""
    return load_list("honorifics.v1") | _title_words() | _sections()["not_person"]


@functools.lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(demonym_forms())


def _has_org_word(span: Span) -> bool:
    words = load_list("org_words.v1")
    return any(t.lower_ in words for t in span)


def _is_plural_noun(tok) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or "Plur" in tok.morph.get("Number")


def _inside_document_name(span: Span) -> bool:
    """ "Programme of Action to Prevent" or "... Convention against" + this mention."""
    doc, docs = span.doc, _sections()["documents"]
    for tok in span[:-1]:
        if tok.lower_ in docs and tok.is_title and doc[tok.i + 1].lower_ in _DOC_LINKS \
                and not _has_org_word(doc[tok.i + 1 : span.end]):
            return True
    if span.start >= 2 and doc[span.start - 1].lower_ in ("against", "on", "to"):
        # "Convention against Transnational Crime"; not "Charter of UNESCO", where "of" names an owner
        head = doc[span.start - 2]
        return head.lower_ in docs and head.is_title
    return False


def _in_document_verb_list(span: Span) -> bool:
    """ "Programme of Action to Prevent, Combat and Eradicate ...": a capitalised word in the
    verb list after a text's "<document> [of <Word>] to" is part of the text's name."""
    doc, docs = span.doc, _sections()["documents"]
    j = span.start - 1
    if j < 1 or doc[j].text not in (",", "and", "or"):
        return False
    while j > 0 and span.start - j < 10 and (doc[j].text in (",", "and", "or") or doc[j].is_title):
        j -= 1
    if doc[j].lower_ != "to":
        return False
    return any(t.lower_ in docs and t.is_title for t in doc[max(j - 3, 0) : j])


def _nationality(text: str) -> bool:
    """ "Ugandan", "Belgian": a nationality adjective (the list, or a country name plus "n")."""
    return country_name(text) is not None and country_record(text) is None \
        or text[-1:] == "n" and country_record(text[:-1]) is not None


def _only_titles(span: Span) -> bool:
    """ "Prof", "Dean", "DU Registrar", "Said": a "person" made of titles, honorifics or a verb."""
    honorifics = load_list("honorifics.v1")
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and (before.lower_ in honorifics or before.lower_ + "." in honorifics):
        return False  # "Mr. King said": a surname that is also a title
    words = _person_title_words()
    alpha = [t for t in span if any(c.isalpha() for c in t.text)]
    named = [t for t in alpha if t.lower_ in words or t.lower_.rstrip(".") in words]
    return bool(named) and all(t in named or t.is_upper and len(t) <= 4 for t in alpha)


#: Determiners that a person's name never follows ("the Dreamliner", "its Model X").
_DETERMINERS = {"the", "a", "an", "its", "their", "our"}  # not "that": "said that Roe will ..."


def _thing(span: Span) -> bool:
    """A one-word "person" after a determiner is a product or a thing ("acquisition of the Dreamliner")."""
    doc = span.doc
    return len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in _DETERMINERS


def _not_a_name(span: Span) -> bool:
    sections = _sections()
    text = span.text.lower()
    if text in sections["names"] or _ROMAN.fullmatch(span.text):
        return True
    if span.label_ == "Person":
        return _only_titles(span) or _thing(span)
    if span[-1].lower_ in sections["heads"] and span[-1].is_title and not _has_org_word(span[-1:]):
        return True  # "the International Energy Crisis", even with "International" in it
    if span.label_ == "Organization" and _inside_document_name(span):
        return True  # "Programme" is an organization word, but not before "of Action to"
    if _in_document_verb_list(span):
        return True
    if _has_org_word(span):
        return False
    if span.label_ == "Organization":
        if len(span) == 1 and (text in _demonyms() or _nationality(span.text)):
            return True  # "the Ugandan MPs": a nationality, not a body
        words = [t for t in span if t.is_alpha and t.lower_ not in ("and", "&", "all")]
        if words and all(_is_plural_noun(t) and t.lower_.endswith("s") for t in words):
            return True  # "Workers and Employers", "the Speakers": common nouns in capitals
        if len(words) > 1 and _is_plural_noun(words[-1]) and words[-1].lower_.endswith("s") \
                and all(_nationality(t.text) or t.tag_ == "JJ" for t in words[:-1]):
            return True  # "all Peruvian Employees": people of a country, not a body
    return False


def drop_non_names(spans: list[Span], acronyms: dict | None = None) -> list[Span]:
    """The mentions that name entities: topics, texts and common nouns dropped, with
    the acronyms (``acronyms``: short form -> (start, end, label)) defined for them.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Acme signed the MoU with Globex")
    >>> [s.text for s in drop_non_names([Span(doc, 0, 1, "Organization"), Span(doc, 3, 4, "Organization")])]
    ['Acme']
    """
    dropped = {(s.start, s.end) for s in spans if s.label_ in _NAMED and _not_a_name(s)}
    # "United Nations Development Assistance Framework (UNDAF)": the acronym goes with its long form
    shorts = {short for short, (start, end, _) in (acronyms or {}).items() if (start, end) in dropped}
    return [s for s in spans if (s.start, s.end) not in dropped and s.text not in shorts]


def _title_before(doc: Doc, i: int) -> bool:
    """Whether the words before token ``i`` end in "<title> [,] of|for [the]"
    ("Minister of State for", "Chairperson, of", "President of")."""
    j = i - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    for _ in range(2):  # "Minister of State for": one capitalised word between title and remit
        if j < 1 or doc[j].lower_ not in ("of", "for"):
            return False
        k = j - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        if k >= 2 and doc[k].text == ")" and doc[k - 2].text == "(":
            k -= 3  # "Minister of State (MOS) for": the title's own acronym
        if k >= 0 and doc[k].lower_ in _title_words():
            return True
        j = k - 1
        if k < 0 or not doc[k].is_title:
            return False
    return False


def _remit_start(doc: Doc, cut: int) -> int:
    """The first word of the remit that ends at ``cut``, walking back over
    capitalised words and "and" ("Foreign and ASEAN Affairs", "Foreign Affairs
    and Home Affairs") to the "of/for" or "the" before it."""
    r = cut
    while r - 1 >= 0 and cut - r < 8 and not doc[r].is_sent_start and (
            doc[r - 1].is_title or doc[r - 1].is_upper and doc[r - 1].is_alpha
            or doc[r - 1].lower_ in ("and", "&")) and doc[r - 1].lower_ not in ("of", "for"):
        r -= 1
    while r < cut and doc[r].lower_ in ("and", "&"):
        r += 1
    return r


def portfolios(doc: Doc, spans: list[Span]) -> list[Span]:
    """Remits after a title are not organizations; what follows a remit keeps its own type.

    An Organization or Place mention holding a remit word (``portfolios``, or a
    lone common word: "the Minister of the Interior") that follows "<title>
    of|for" loses the title and the remit: a name after the remit is a Person
    ("Dean of Student Affairs Ravi Menon"), an organization after "at" stays one
    ("Vice President of Content at Lakeside Radio").
    """
    remits = load_sections(PORTFOLIOS)["remits"]
    weak = load_sections(PORTFOLIOS)["company_remits"]
    spans = _whole_ministries(doc, spans, remits | weak)
    out: list[Span] = []
    for span in spans:
        if span.label_ not in ("Organization", "Place"):
            out.append(span)
            continue
        cut = next((t.i for t in span if t.lower_ in remits and (t.is_title or t.is_upper)), None)
        while cut is not None and cut + 1 < span.end and doc[cut + 1].lower_ in remits:
            cut += 1  # "Security Affairs": a remit of several remit words ends at the last of them
        if cut is None and len(span) == 1 and span[0].is_title and (span[0].pos_ != "PROPN" or span[0].lower_ in weak):
            cut = span.start  # "the Minister of the Interior", "Vice President of Sales"
        if cut is None or _names_a_body(doc[span.start : cut + 1], remits | weak) \
                or not _title_before(doc, _remit_start(doc, cut)):
            out.append(span)
            continue
        rest = cut + 1
        if _has_org_word(doc[rest:span.end]) and not (rest < span.end and doc[rest].lower_ == "at"):
            out.append(span)  # "Director of the Regional Youth Association": the remit word is in a name
            continue
        if rest < span.end and doc[rest].lower_ == "at" and rest + 1 < span.end:
            out.append(Span(doc, rest + 1, span.end, label="Organization"))  # "Content at Lakeside Radio"
        elif rest < span.end and all(t.is_title or t.is_upper for t in doc[rest:span.end]):
            out.append(Span(doc, rest, span.end, label="Person"))  # "Student Affairs Ravi Menon"
    return out


def _names_a_body(span: Span, remits: frozenset[str]) -> bool:
    """An organization word that is no remit and no adjective ("Ministry of Foreign Affairs"; not
    "International Relations", "Communications")."""
    words = load_list("org_words.v1") - remits - {"international"}
    return any(t.lower_ in words for t in span)


def _whole_ministries(doc: Doc, spans: list[Span], remits: frozenset[str]) -> list[Span]:
    """ "Ministry of Industry" + "and" + "Advanced Technology": one ministry's name
    when the part after "and" ends in a remit and has no organization word."""
    by_end = {s.end: s for s in spans if s.label_ == "Organization"}
    grown: dict[int, Span] = {}
    dropped: set[int] = set()
    for span in spans:
        if span.label_ not in ("Organization", "Place") or span[-1].lower_ not in remits \
                or _has_org_word(span) or span.start < 2 or doc[span.start - 1].lower_ not in ("and", "&"):
            continue
        before = by_end.get(span.start - 1)
        if before is None or not _has_org_word(before) or not any(t.lower_ in ("of", "for") for t in before):
            continue
        grown[id(before)] = Span(doc, before.start, span.end, label="Organization")
        dropped.add(id(span))
    return [grown.get(id(s), s) for s in spans if id(s) not in dropped]
