"""The ``kgx_entity_fixes`` component: spaCy's entities, repaired for press releases.

It turns ``doc.ents`` into typed mentions in ``doc.spans[MENTIONS]`` and fixes
the errors spaCy's small models make on press releases:

- edges: a leading "the", a trailing possessive or dash ("the Republic of Korea-");
- honorifics and titles swallowed into a PERSON span ("President Irarrazabal");
- acronyms read as places ("AI" tagged GPE) when the text defines them as
  something that is not an entity;
- organization names cut before their tail ("... Centre for Peace and
  Disarmament" + "in Asia and the Pacific");
- acronyms and quoted short names the text defines ("Office on Drugs and Crime
  (UNODC)", "Verano Automotive Co. Ltd (“Verano”)"): every later use of the short
  form becomes a mention of the same type.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kgextract.base.dates import normalize_date
from kgextract.base.gazetteers import TITLE_MODIFIERS, TITLES, load_list
from kgextract.base.names import is_acronym_of
from kgextract.nlp.doc_index import lowers, remembering, tokens
from kgextract.nlp.entity_labels import (
    country_after_place,
    government_phrases,
    grow_person_names,
    harmonize_labels,
    join_country_names,
    list_item_people,
    org_of_place,
    org_word_names,
    person_cues,
    split_paired_names,
)
from kgextract.nlp.extensions import MENTIONS
from kgextract.nlp.non_names import drop_non_names, portfolios
from kgextract.nlp.source_lines import source_lines

__all__ = ["EntityFixes", "make_entity_fixes", "LABELS", "COMPANY_ENDINGS"]

#: spaCy (OntoNotes) labels -> the guide's entity types.
LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "EVENT": "Event",
}
#: Words that end the names of texts (treaties, agreements), which spaCy tags ORG.
_DOCUMENT_WORDS = {"agreement", "treaty", "convention", "protocol", "accord", "act", "declaration", "charter"}
#: Lower-case nouns that complete a place name ("the Baltic Sea region", "the North campus").
_PLACE_NOUNS = {"region", "campus", "building", "square", "district", "province", "valley", "wetlands",
                "islands", "mountains", "hills", "delta", "basin", "peninsula", "coast", "lake", "river"}
_CONNECTORS = {"for", "on", "of", "and", "the", "&", "in", "at"}
_OFFICE_HEADS = {"office", "offices"}
_EDGE_PUNCT = {"-", "–", "—", ",", ";", ":", "'s", "’s", "'", "’", "“", "”", '"', "(", ")"}


@Language.factory(
    "kgx_entity_fixes",
    default_config={"short_caps_places": ["US", "UK", "USA", "UAE", "DRC", "PRC", "DC"]},
    requires=["doc.ents"],
    assigns=["doc.spans"],  # the mentions, doc.spans[MENTIONS]
)
def make_entity_fixes(nlp: Language, name: str, short_caps_places: list[str]) -> EntityFixes:
    """Build the component from its config (see ``default_config``)."""
    return EntityFixes(short_caps_places=short_caps_places)


class EntityFixes:
    """Write repaired, typed entity mentions into ``doc.spans[MENTIONS]``."""

    def __init__(self, short_caps_places: list[str]):
        self.short_caps_places = set(short_caps_places)

    def __call__(self, doc: Doc) -> Doc:
        with remembering(doc):  # the token list and lines are asked for by many of the steps
            return self._fix(doc)

    def _fix(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is None or label == "Event" and normalize_date(ent.text) is not None:
                continue  # the model sometimes tags a date EVENT
            span = trim_span(ent, label)
            if span is None or self._noise(span, label):
                continue
            if label in ("Organization", "Place") and span[-1].lower_ in _DOCUMENT_WORDS:
                continue  # "Arms Trade Treaty", "the Ocean Convention": a text, not a body or a place
            if label == "Organization":
                if ent[-1].lower_ not in _CONNECTORS:  # "the Youth Committee of": the model chose where it ends
                    span = extend_org_tail(span)
                if len(span) == 1 and span.start > 0 and doc[span.start - 1].ent_type_ == "NORP":
                    span = Span(doc, span.start - 1, span.end, label=label)  # "the Japanese Diet"
            elif label in ("Place", "Person") and span.end < len(doc) and doc[span.end].lower_ in _PLACE_NOUNS:
                span = Span(doc, span.start, span.end + 1, label="Place")  # "Baltic Sea region", "Dunga wetlands"
            spans.append(span)
        spans = street_addresses(doc, spans)
        spans = join_country_names(doc, spans)
        spans = split_possessives(doc, spans)
        spans = split_company_of_place(doc, spans)
        spans = based_places(doc, spans)
        spans = org_word_names(doc, spans)
        spans = org_of_place(doc, spans)
        spans = government_phrases(doc, spans)
        spans = portfolios(doc, spans)
        spans = ticker_brackets(doc, spans)
        spans = spelled_out_acronyms(doc, spans)
        spans = apply_definitions(doc, spans)
        spans = spread_acronyms(doc, spans)
        spans = person_cues(doc, spans)
        spans = list_item_people(doc, spans)
        spans = grow_person_names(doc, spans)
        spans = country_after_place(doc, spans)
        spans = harmonize_labels(spans)
        spans = split_paired_names(spans)
        spans = drop_non_names(spans, doc._.kgx_acronyms)
        spans = source_lines(doc, spans)
        doc.spans[MENTIONS] = drop_overlaps(spans)
        return doc

    def _noise(self, span: Span, label: str) -> bool:
        text = span.text
        if not any(c.isalpha() for c in text):
            return True
        if label == "Place" and len(span) == 1 and text.isupper() and len(text) <= 3:
            return text not in self.short_caps_places
        if label == "Person" and len(span) == 1 and text.isupper() and len(text) <= 4:
            return True
        return False


def trim_span(span: Span, label: str) -> Span | None:
    """Strip determiners, honorifics, titles and edge punctuation from a mention."""
    doc = span.doc
    start, end = span.start, span.end
    skip_words = {"the", "a", "an"}
    if label == "Person":
        skip_words |= _person_prefixes()
    while start < end and (doc[start].lower_.rstrip(".") in skip_words or doc[start].text in _EDGE_PUNCT
                           or label == "Person" and doc[start].tag_ == "VBG"):  # "Echoing Annan"
        if label == "Person" and start + 1 == end and doc[start].is_title and doc[start].tag_ != "VBG":
            break  # "King" alone is a name, not a title without its holder
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].tag_ == "POS"
                           or end - start > 1 and doc[end - 1].lower_ in _CONNECTORS):  # "Youth Committee of"
        if (label == "Organization" and end - start > 1 and doc[end - 1].lower_ in ("'s", "’s")
                and _name_possessive(doc, end)):
            break  # "Sotheby's said": the 's is part of the name, not a possessive
        end -= 1
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in doc[opened:end]):
        end = opened  # "the Party of the Democratic Renewal (PDR": the model stopped inside the brackets
        while end > start and doc[end - 1].text in _EDGE_PUNCT:
            end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=label)


def street_addresses(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name ending in a street word (``street_words.v1``) is a Place, and an ORG that runs
    over a comma or "on"/"at"/"in" into one is the body plus its address.

    >>> import spacy
    >>> doc = spacy.blank("en")("at the Ministry of Trade , Palm Circle")
    >>> [(s.text, s.label_) for s in street_addresses(doc, [Span(doc, 2, 8, label="Organization")])]
    [('Ministry of Trade', 'Organization'), ('Palm Circle', 'Place')]
    """
    streets = load_list("street_words.v1")
    out = []
    for span in spans:
        if span.label_ != "Organization" or span[-1].lower_ not in streets:
            out.append(span)
            continue
        comma = next((t.i for t in reversed(span[1:-1]) if t.text == "," or t.lower_ in ("on", "at", "in")), None)
        if comma is None:
            out.append(Span(doc, span.start, span.end, label="Place"))  # "St. Anne Circle"
            continue
        head = trim_span(doc[span.start : comma], "Organization")
        if head is not None:
            out.append(head)
        out.append(Span(doc, comma + 1, span.end, label="Place"))
    return out


def _name_possessive(doc: Doc, end: int) -> bool:
    """True when the 's closing a name owns nothing after it ("Sotheby's said", "at Sotheby's.")."""
    return end >= len(doc) or doc[end].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "ADV")


@functools.lru_cache(maxsize=1)  # the gazetteers are fixed data: build the set once
def _person_prefixes() -> frozenset[str]:
    words = set(load_list("honorifics.v1")) | set(load_list(TITLE_MODIFIERS))
    words |= {t for t in load_list(TITLES) if " " not in t}
    return frozenset(w.rstrip(".") for w in words)


def extend_org_tail(span: Span) -> Span:
    """Extend an organization name over a capitalised tail spaCy cut off.

    "Regional Centre for Peace and Disarmament" + "in Asia and the Pacific";
    "United Nations Office" + "in Geneva" (the UN's office naming).
    """
    doc = span.doc
    i = span.end
    if i >= len(doc) - 1 or doc[i].lower_ not in _CONNECTORS - {"and", "the", "&"}:
        return span
    prep = doc[i].lower_
    if doc[i + 1].lower_ == "the" and any(t.lower_ in _CONNECTORS - {"and", "&", "the"} for t in span):
        return span  # "Task Force on Goals for Parks" + "for the Oregon Board": the name has its complement
    j = i + 1
    last_cap = None
    while j < len(doc) and j - span.end < 8:
        tok = doc[j]
        if tok.ent_type_ in ("DATE", "TIME", "PERSON"):
            break  # "Acme Corp on Monday", "the Court in Springfield and Judge Jane Roe"
        if tok.is_title or tok.is_upper and tok.is_alpha:
            last_cap = j
        elif tok.lower_ in _CONNECTORS - {"and", "&", "the"} and doc[j + 1 : j + 2].text.lower() == "the":
            break  # "Task Force on Goals for Parks for the Oregon Board": a preposition + "the" opens another body
        elif tok.lower_ in _CONNECTORS and j + 1 < len(doc) and (doc[j + 1].is_title or doc[j + 1].lower_ == "the"):
            pass
        else:
            break
        j += 1
    if last_cap is None:
        return span
    tail = doc[i + 1 : last_cap + 1]
    if doc[last_cap + 1 : last_cap + 2].text in ("'s", "’s"):
        return span  # "Royal Ballet in London and Paris's Opera Ballet": the tail owns what follows
    multi_region = any(t.lower_ == "and" for t in tail)
    office_at_city = span[-1].lower_ in _OFFICE_HEADS and prep in {"in", "at"} and len(tail) <= 3
    if prep in {"in", "at"} and not (multi_region or office_at_city):
        return span
    if prep in {"for", "on", "of"} and not span[-1].is_title:
        return span
    if prep == "of" and span[-1].lower_ in COMPANY_ENDINGS:
        return span  # "Acme Corp. of Springfield": a company's name ends at its legal form
    if prep in {"for", "on", "of"} and (len(tail) == 1 and tail[0].ent_type_ in ("GPE", "NORP")
                                        or doc[last_cap + 1 : last_cap + 2].text in ("'s", "’s")):
        return span  # "Congress for Japan's initiative": a country after it is not part of the name
    return Span(doc, span.start, last_cap + 1, label=span.label_)


#: Last words of company names; "of <Place>" after them says where the company is.
COMPANY_ENDINGS = {"co", "co.", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "gmbh", "s.a.",
                   "industries", "laboratories", "enterprises", "associates"}


def split_company_of_place(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Globex Industries of Akron" read as one ORG: the company, and the place it is in."""
    out = []
    for span in spans:
        cut = next((t.i for t in span[1:-1] if t.lower_ == "of" and doc[t.i - 1].lower_ in COMPANY_ENDINGS), None)
        if span.label_ != "Organization" or cut is None or not all(t.is_title for t in doc[cut + 1 : span.end]):
            out.append(span)
            continue
        out.append(Span(doc, span.start, cut, label="Organization"))
        out.append(Span(doc, cut + 1, span.end, label="Place"))
    return out


def apply_definitions(doc: Doc, spans: list[Span]) -> list[Span]:
    """Use acronyms and short names the text defines in parentheses.

    Records ``doc._.kgx_acronyms`` (short form -> (start, end, label) of the long
    form) and types every use of the short form like its long form; an acronym
    of something that is not an entity ("artificial intelligence (AI)") is
    removed wherever spaCy tagged it.
    """
    defs: dict[str, tuple[int, int, str | None]] = {}
    by_end: dict[int, Span] = {}
    for s in spans:  # the longest name ending before "(": "... Commission for Latin America", not "Latin America"
        if s.end not in by_end or len(s) > len(by_end[s.end]):
            by_end[s.end] = s
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc):
            continue
        inner = doc[tok.i + 1]
        close = tok.i + 2
        quoted = inner.text in {"“", '"', "'", "‘"}
        if quoted:
            inner_start = tok.i + 2
            close = inner_start
            while close < len(doc) and doc[close].text not in {"”", '"', "’", "'"} and close - inner_start < 5:
                close += 1
            short = doc[inner_start:close].text
            close += 1
        else:
            short = inner.text
        if not quoted and inner.text.split(":")[0].upper() in _exchange_words():
            after = tok.i + 2
            while ":" not in inner.text and after < len(doc) and after - tok.i < 4 and doc[after].is_title:
                after += 1  # "Nasdaq Helsinki: ACME"
            ticker = _ticker(doc, after)
            long_span = by_end.get(tok.i)
            if ticker is not None and long_span is not None and long_span.label_ == "Organization":
                defs[ticker] = (long_span.start, long_span.end, "Organization")
            continue
        if close >= len(doc) or doc[close].text != ")":
            continue
        long_span = by_end.get(tok.i)
        if quoted and long_span is not None:
            defs[short] = (long_span.start, long_span.end, long_span.label_)
        elif not quoted and long_span is not None and is_acronym_of(short, long_span.text):
            if long_span.label_ == "Person" and len(long_span) >= 2 and len(short) >= 3:
                # "Karim Float Glass (KFG)": a name the text gives an acronym is a body, not a person
                grown = Span(doc, long_span.start, long_span.end, label="Organization")
                spans = [grown if x is long_span else x for x in spans]
                by_end[tok.i] = long_span = grown
            defs[short] = (long_span.start, long_span.end, long_span.label_)
        elif not quoted and short.isupper() and len(short) >= 2:
            words = _words_before(doc, tok.i, len(short))
            if words is not None and is_acronym_of(short, words.text):
                label = None
                if long_span is not None and words.start > long_span.start and words[0].is_title:
                    # "Harbour Council Coastal Data Archive (CoDA)": the acronym names the tail
                    label = long_span.label_
                    tail = Span(doc, words.start, words.end, label=label)
                    head = trim_span(doc[long_span.start : words.start], label)
                    spans = [x for x in spans if x is not long_span] + [tail] + ([head] if head is not None else [])
                    by_end[tok.i] = tail
                elif long_span is not None and words.start < long_span.start:
                    # the model cut the name the acronym spells: take the whole of it
                    label = long_span.label_
                    if label == "Person" and len(words) >= 2 and len(short) >= 3:
                        label = "Organization"  # "Karim Float Glass (KFG)": a body, not a person
                    grown = Span(doc, words.start, words.end, label=label)
                    spans = [grown if s is long_span else s for s in spans]
                    by_end[tok.i] = grown
                defs.setdefault(short, (words.start, words.end, label))
    doc._.kgx_acronyms = defs
    if not defs:
        return spans
    surnames = {s[-1].text for s in spans if s.label_ == "Person" and len(s) > 1}
    kept = []
    for span in spans:
        if len(span) > 1 and defs.get(span[0].text, (0, 0, ""))[2] is None:
            # "MOS Roe" after "Minister of State (MOS)": the acronym of a title is not part of the
            # name, and what follows it is the person's surname when the text names that person
            label = "Person" if span.label_ == "Person" or span[1:].text in surnames else span.label_
            span = Span(doc, span.start + 1, span.end, label=label)
        if span.text in defs:
            label = defs[span.text][2]
            if label is None:
                continue  # the acronym of something that is not an entity
            if label != span.label_:
                span = Span(doc, span.start, span.end, label=label)
        kept.append(span)
    covered = {(s.start, s.end) for s in kept}
    for short, (_, _, label) in defs.items():
        if label is None:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", doc.text):
            spelled = doc.char_span(match.start(), match.end(), label=label)
            if spelled is not None and (spelled.start, spelled.end) not in covered:
                kept.append(spelled)
    return kept


def spelled_out_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "MoTRA (Ministry of Trade and Rural Affairs)": the name in brackets after the
    acronym it spells is one mention of the acronym's type (Organization when the model
    gave none), replacing the pieces the model cut it into."""
    by_start = {s.start: s for s in spans}
    new: list[Span] = []
    toks, lower = tokens(doc), lowers(doc)
    for i in range(1, len(doc) - 2):
        if lower[i] != "(":
            continue
        tok, acr = toks[i], toks[i - 1]
        if tok.text != "(" or sum(c.isupper() for c in acr.text) < 2 or not acr.is_alpha:
            continue
        close = next((t.i for t in doc[tok.i + 1 : tok.i + 14] if t.text == ")"), None)
        if close is None or close - tok.i < 3 or not doc[tok.i + 1].is_title:
            continue
        inner = doc[tok.i + 1 : close]
        if not is_acronym_of(acr.text, inner.text):
            continue
        label = by_start[acr.i].label_ if acr.i in by_start else "Organization"
        new.append(Span(doc, inner.start, inner.end, label=label))
    if not new:
        return spans
    kept = [s for s in spans if not any(n.start <= s.start and s.end <= n.end for n in new)]
    return kept + new


def _exchange_words() -> frozenset[str]:
    """First words of stock exchanges' names, upper case (``exchanges.v1``)."""
    return load_list("exchanges.v1")


def ticker_brackets(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Globex Robotics (Nasdaq Helsinki: GLBX)": the exchange is an Organization mention,
    and the name before the bracket is a company, whatever the model made of it (the
    ticker becomes its alias in ``apply_definitions``)."""
    exchanges = _exchange_words()
    by_end: dict[int, Span] = {}
    for s in spans:
        if s.end not in by_end or len(s) > len(by_end[s.end]):
            by_end[s.end] = s
    new: list[Span] = []
    retyped: dict[int, Span] = {}
    toks, lower = tokens(doc), lowers(doc)
    for i in range(len(doc) - 2):
        if lower[i] != "(":
            continue
        tok, first = toks[i], toks[i + 1]
        if tok.text != "(" or first.text.split(":")[0].upper() not in exchanges:
            continue
        end = tok.i + 2  # the exchange's name runs to the colon: "Nasdaq Helsinki:"
        while ":" not in first.text and end < len(doc) and end - tok.i < 4 and doc[end].is_title:
            end += 1
        if ":" not in first.text and (end >= len(doc) or doc[end].text != ":"):
            continue
        if _ticker(doc, end if ":" not in first.text else tok.i + 2) is None:
            continue
        if ":" in first.text:
            end = tok.i + 2
            span = doc.char_span(first.idx, first.idx + first.text.index(":"), label="Organization")
        else:
            span = Span(doc, tok.i + 1, end, label="Organization")
        if span is not None:
            new.append(span)
        company = by_end.get(tok.i)
        if company is not None and company.label_ in ("Person", "Place"):
            retyped[id(company)] = Span(doc, company.start, company.end, label="Organization")
    if not new and not retyped:
        return spans
    kept = [retyped.get(id(s), s) for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    return kept + new


def _ticker(doc: Doc, i: int) -> str | None:
    """The ticker after an exchange name: "NYSE: IBM" or "NYSE:DDD" (spaCy may keep ":DDD" whole)."""
    j = i
    if j < len(doc) and doc[j].text == ":":
        j += 1
    if j < len(doc) and doc[j].text.lstrip(":").isupper() and doc[j].text.lstrip(":").isalpha():
        return doc[j].text.lstrip(":")
    prev = doc[i - 1].text
    if ":" in prev and prev.split(":", 1)[1].isupper():
        return prev.split(":", 1)[1]
    return None


def _words_before(doc: Doc, paren: int, n_letters: int) -> Span | None:
    """The capitalised or lower-case words right before "(" that may spell an acronym."""
    start = paren
    words = 0
    while start > 0 and words < n_letters + 3:
        prev = doc[start - 1]
        if prev.is_punct and prev.text not in {"-"} or prev.is_space:
            break  # a name never runs over a line break: the line above is a heading or a date line
        start -= 1
        if prev.is_alpha and prev.lower_ not in {"of", "and", "the", "for", "on", "in"}:
            words += 1
        if words >= n_letters:
            break
    return doc[start:paren] if start < paren else None


def split_possessives(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Acme's Research Board" read as one ORG: the owner and the unit are two organizations."""
    out = []
    for span in spans:
        cut = next((t.i for t in span[1:-1] if t.tag_ == "POS" or t.text in ("’", "'")), None)
        if span.label_ != "Organization" or cut is None or not doc[cut + 1].is_title or span.end - cut < 3 \
                or _plural_owner(doc[cut - 1]):
            # "the Nordic People's Party", "Mayors' Association": one word after the
            # possessive names the whole, not a unit of the owner
            out.append(span)
            continue
        out.append(Span(doc, span.start, cut, label="Organization"))
        out.append(Span(doc, cut + 1, span.end, label="Organization"))
    return out


#: Irregular plurals the small model tags as singular proper nouns ("Children's Hospital").
_IRREGULAR_PLURALS = {"children", "women", "men", "people", "peoples"}


def _plural_owner(tok) -> bool:
    """ "Children's Hospital", "People's Republic", "Veterans' Fund": a common noun in the
    plural owns nothing as an organization would; the possessive is part of the name."""
    return tok.tag_ in ("NNS", "NNPS") or tok.lower_ in _IRREGULAR_PLURALS


def based_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Lyon-based Acme": the word before "-based" is a place even when the model missed it."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    extra = []
    for tok in doc[2:]:
        if tok.lower_ in ("based", "headquartered") and doc[tok.i - 1].text == "-":
            place = doc[tok.i - 2]
            if place.is_title and place.i not in covered:
                extra.append(Span(doc, place.i, place.i + 1, label="Place"))
    return spans + extra


def spread_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """Tag every use of an acronym the model tagged somewhere ("ILO" in a headline)."""
    known = {s.text: s.label_ for s in spans if len(s) == 1 and s.text.isupper() and len(s.text) >= 2}
    covered = {i for s in spans for i in range(s.start, s.end)}
    extra = [Span(doc, t.i, t.i + 1, label=known[t.text]) for t in doc if t.text in known and t.i not in covered]
    return spans + extra


def drop_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping mentions (earliest first on ties)."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    kept: list[Span] = []
    for span in ordered:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        kept.append(span)
        taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)
