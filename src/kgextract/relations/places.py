"""containedInPlace, organization location and parentOrganization.

- "Berlin, Germany" / "ARMONK, N.Y." / "Osaka and Kobe, the Republic of Korea": a place, a comma, a place;
- "the Germantown section of Philadelphia", "the X region of Y": a part of a place;
- "the American Academy in Berlin": a venue in a place;
- "Norway's Glomma River", "Bergen, the second city in Norway", "Dover and Canterbury, Kent";
- "the Geneva-based X", "X, headquartered in Y": where an organization is based;
- "Lyon LE PETIT JOURNAL in French": a digest's source line (see ``nlp.source_lines``);
- "the ILO's Governing Body", "X, a unit of Y", "X is a wholly owned unit of Y", "its retail
  arm, Acme Stores", "the body's Audit Committee", "Y owns X", "X, owned by Y", "Y, the parent
  company of X": one organization part of another;
- "the Foundation's head office in Lyon", "Hiroshima University, Japan", "the Italian news
  agency ANSA": where an organization is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kgextract.base.countries import country_name, government_name
from kgextract.base.gazetteers import load_list
from kgextract.models import Predicate
from kgextract.nlp.doc_index import lowers, tokens
from kgextract.relations.registry import Candidate, Context, extractors
from kgextract.relations.spans import evidence_span, mention_index, mentions

__all__ = [
    "extract_org_comma_place",
    "extract_contained_in",
    "extract_headquarters",
    "extract_org_apposition_location",
    "extract_org_location",
    "extract_named_parts",
    "extract_nationality_kind_location",
    "extract_parent_org",
    "extract_place_apposition",
    "extract_place_possessive",
    "extract_source_line_location",
]

_BASED = {"based", "headquartered", "located"}
_PART_WORDS = {"unit", "part", "subsidiary", "division", "arm", "branch", "agency", "department", "member"}


@extractors.register("kgx.places.contained.v1")
def extract_contained_in(doc: Doc, context: Context) -> Iterator[Candidate]:
    """containedInPlace from "Place, Place" and "Venue in Place"."""
    index = mention_index(doc)
    for place in mentions(doc, "Place"):
        j = place.end
        if j + 1 < len(doc) and doc[j].text == ",":
            outer = _outer_after_comma(doc, j, index)
            if outer is not None:
                after = doc[outer.end] if outer.end < len(doc) else None
                # "Berlin, Germany, ..." but not a list "Berlin, Seoul, and Tokyo"
                if after is None or after.lower_ not in ("and", "or") and not _list_follows(doc, outer.end, index):
                    yield Candidate(place, Predicate.CONTAINED_IN_PLACE, outer, 0.8,
                                    "kgx.places.contained.v1", evidence_span(place, outer))
        yield from _coordinated_in_region(doc, place, index)
        yield from _part_of_place(doc, place, index)
        if j + 2 < len(doc) and doc[j].text in ("(", "[") and government_name(place.text) is None:
            outer = index.get(j + 1)  # "Lyon (France)", "Lyon [France]": a country in brackets after a place
            if outer is not None and outer.label_ == "Place" and outer.start == j + 1 and outer.end < len(doc) \
                    and doc[outer.end].text in (")", "]") and government_name(outer.text) is not None:
                yield Candidate(place, Predicate.CONTAINED_IN_PLACE, outer, 0.75, "kgx.places.contained.v1",
                                evidence_span(place, outer))
        if j + 1 < len(doc) and doc[j].lower_ in ("in", "at") and _is_venue(place):
            outer = _region_after_in(doc, j, index)
            if outer is not None:
                yield Candidate(place, Predicate.CONTAINED_IN_PLACE, outer, 0.75,
                                "kgx.places.contained.v1", evidence_span(place, outer))
        elif j + 1 < len(doc) and doc[j].lower_ == "in" and government_name(place.text) is None:
            outer = _region_after_in(doc, j, index)
            if outer is not None:  # "Millbrook in southern Ohio" (not "Japan in Tokyo": a country holds no city)
                for inner in [place, *_listed_before(doc, place, index)]:
                    yield Candidate(inner, Predicate.CONTAINED_IN_PLACE, outer, 0.65 if inner is place else 0.6,
                                    "kgx.places.contained.v1", evidence_span(inner, outer))
    for venue in mentions(doc, "Organization"):
        # "held at the Nobel Peace Center in Oslo": a venue the model read as an organization
        j = venue.end
        if j + 1 < len(doc) and doc[j].lower_ == "in" and _after_at(doc, venue, index):
            outer = index.get(j + 1)
            if outer is not None and outer.label_ == "Place" and outer.start == j + 1:
                yield Candidate(venue, Predicate.CONTAINED_IN_PLACE, outer, 0.7,
                                "kgx.places.contained.v1", evidence_span(venue, outer))


_COMPASS = re.compile(r"(?:north|south|east|west|central|northern|southern|eastern|western|"
                      r"north-?east|north-?west|south-?east|south-?west|(?:north|south)(?:east|west)ern|"
                      r"(?:north|south|east|west)-central|"
                      r"rural|upstate|downstate|coastal|inland|nearby|neighbouring|neighboring)")


def _listed_before(doc: Doc, place: Span, index: dict) -> list[Span]:
    """The places listed before ``place`` ("Dover, Deal and [Canterbury] in ..."), none a country."""
    found: list[Span] = []
    i = place.start
    while i >= 2 and doc[i - 1].lower_ in (",", "and") and len(found) < 5:
        prev = index.get(i - 2)
        if prev is None or prev.label_ != "Place" or prev.end != i - 1 or government_name(prev.text) is not None:
            break
        before = index.get(prev.start - 2) if prev.start >= 2 and doc[prev.start - 1].lower_ == "in" else None
        if before is not None and before.label_ == "Place":
            break  # "Lyon in [Ruritania] and Geneva in Switzerland": a region, not a list item
        found.append(prev)
        i = prev.start
    return found


def _coordinated_in_region(doc: Doc, place: Span, index: dict) -> Iterator[Candidate]:
    """ "Dover and Canterbury, Kent": the first of two places shares the second's region."""
    j = place.end
    second = index.get(j + 1) if j + 1 < len(doc) and doc[j].lower_ == "and" else None
    if second is None or second.label_ != "Place" or second.start != j + 1 or government_name(place.text) is not None:
        return
    k = second.end
    outer = _outer_after_comma(doc, k, index) if k + 1 < len(doc) and doc[k].text == "," else None
    if outer is not None and not _list_follows(doc, outer.end, index) \
            and (place.start == 0 or doc[place.start - 1].text != ","):  # not the tail of a list "A, B and C, D"
        yield Candidate(place, Predicate.CONTAINED_IN_PLACE, outer, 0.6, "kgx.places.contained.v1",
                        evidence_span(place, outer))


def _outer_after_comma(doc: Doc, comma: int, index: dict) -> Span | None:
    """The place right after a comma: "Berlin, Germany", or a country with its article
    ("Osaka, the Republic of Korea"; "Bergen, the second city" names no place)."""
    k = comma + 1
    if k + 1 < len(doc) and doc[k].lower_ == "the":
        outer = index.get(k + 1)
        if outer is not None and outer.label_ == "Place" and outer.start == k + 1 and government_name(outer.text):
            return outer
        return None
    outer = index.get(k)
    return outer if outer is not None and outer.label_ == "Place" and outer.start == k else None


def _part_of_place(doc: Doc, place: Span, index: dict) -> Iterator[Candidate]:
    """ "the Germantown section of Philadelphia", "the Tigray region of Ethiopia": a place
    named, then the kind of part it is, then "of" and the place it is part of."""
    j = place.end
    if len(place) > 1 and place[-1].lower_ in _PART_OF_PLACE_WORDS:
        j -= 1  # the model kept the kind in the name: "[the Tigray region] of Ethiopia"
    if j + 2 >= len(doc) or doc[j].lower_ not in _PART_OF_PLACE_WORDS or doc[j + 1].lower_ != "of" \
            or government_name(place.text) is not None:
        return
    k = j + 2 + (doc[j + 2].lower_ == "the")
    outer = index.get(k)
    if outer is not None and outer.label_ == "Place" and outer.start == k:
        yield Candidate(place, Predicate.CONTAINED_IN_PLACE, outer, 0.7, "kgx.places.part_of.v1",
                        evidence_span(place, outer))
        if doc[j].lower_ in _PLURAL_PARTS:
            for inner in _listed_before(doc, place, index):  # "the Tigray and Amhara regions of Ethiopia"
                yield Candidate(inner, Predicate.CONTAINED_IN_PLACE, outer, 0.65, "kgx.places.part_of.v1",
                                evidence_span(inner, outer))


#: Nouns for a part of a place, between its name and "of <place>" ("the X region of Y").
_PART_OF_PLACE_WORDS = {"section", "neighborhood", "neighbourhood", "district", "region", "province", "state",
                        "county", "suburb", "area", "borough", "quarter", "department", "prefecture", "governorate",
                        "municipality", "part"}
_PLURAL_PARTS = {w + "s" for w in _PART_OF_PLACE_WORDS - {"county", "municipality"}} | {"counties", "municipalities"}
_PART_OF_PLACE_WORDS |= _PLURAL_PARTS


def _region_after_in(doc: Doc, j: int, index: dict) -> Span | None:
    """The place after "in" and up to two compass words: "in northeast England", "in rural western X"."""
    k = j + 1
    while k < len(doc) and k - j <= 4 and (_COMPASS.fullmatch(doc[k].lower_) or doc[k].text == "-" and k > j + 1):
        k += 1  # "in north-central Italy" may be three tokens
    outer = index.get(k)
    return outer if outer is not None and outer.label_ == "Place" and outer.start == k else None


@extractors.register("kgx.places.possessive.v1")
def extract_place_possessive(doc: Doc, context: Context) -> Iterator[Candidate]:
    """containedInPlace from "Norway's Glomma River", "Norway's western county of Vestland"."""
    index = mention_index(doc)
    for outer in mentions(doc, "Place"):
        k = outer.end
        if k + 1 >= len(doc) or doc[k].tag_ != "POS":
            continue
        k += 1
        while k < len(doc) and k - outer.end <= 4 and index.get(k) is None and doc[k].is_lower \
                and (doc[k].pos_ == "ADJ" or doc[k].lower_ in _PLACE_WORDS or doc[k].lower_ == "of"):
            k += 1  # "southern province of"
        inner = index.get(k)
        if inner is not None and inner.label_ == "Place" and inner.start == k and government_name(inner.text) is None:
            yield Candidate(inner, Predicate.CONTAINED_IN_PLACE, outer, 0.6, "kgx.places.possessive.v1",
                            evidence_span(outer, inner))


@extractors.register("kgx.places.apposition.v1")
def extract_place_apposition(doc: Doc, context: Context) -> Iterator[Candidate]:
    """containedInPlace from a place described by an apposition that locates it:
    "Bergen, the second largest city in Norway", "Odda, one of the few towns in ...",
    "Oslo, the capital of Norway"."""
    index = mention_index(doc)
    for inner in mentions(doc, "Place"):
        j = inner.end
        if j >= len(doc) or doc[j].text != "," or government_name(inner.text) is not None:
            continue
        k = j + 1
        while k < len(doc) and k - j <= 7 and index.get(k) is None and (doc[k].is_lower or doc[k].like_num) \
                and doc[k].lower_ not in ("in", "and", "or", "which", "who", "where") and not doc[k].is_punct \
                and not (doc[k].lower_ == "of" and doc[k - 1].lower_ in _PLACE_WORDS):  # not "one of the towns in"
            k += 1
        if k < len(doc) and doc[k].lower_ == "of" and doc[k - 1].lower_ in _PLACE_WORDS:
            pass  # "Oslo, the capital of Norway"
        elif k == j + 1 or k >= len(doc) or doc[k].lower_ != "in" \
                or not any(t.lower_ in _PLACE_WORDS for t in doc[j + 1 : k]):
            continue
        outer = _region_after_in(doc, k, index)
        if outer is not None:
            yield Candidate(inner, Predicate.CONTAINED_IN_PLACE, outer, 0.6, "kgx.places.apposition.v1",
                            evidence_span(inner, outer))


#: Nouns that say what kind of place a name is.
_PLACE_WORDS = {"city", "cities", "town", "towns", "village", "villages", "capital", "province", "provinces",
                "state", "region", "county", "district", "port", "suburb", "area", "island", "river", "center",
                "centre", "resort", "municipality", "prefecture", "section", "neighborhood", "neighbourhood"}


def _list_follows(doc: Doc, i: int, index) -> bool:
    """A list goes on after ``i``: ", Tokyo" or ", and Tokyo" (the serial comma)."""
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("and", "or"):
        nxt = index.get(i + 2)
        return nxt is not None and nxt.label_ == "Place" and nxt.start == i + 2
    if i + 1 < len(doc) and doc[i].text == ",":
        nxt = index.get(i + 1)
        return nxt is not None and nxt.label_ == "Place" and (
            nxt.end >= len(doc) or doc[nxt.end].lower_ in (",", "and"))
    return False


def _titled(doc: Doc, org, index: dict) -> bool:
    """True for "Head of the UN in Vienna": the organization is the tail of a title, and the place qualifies
    the title."""
    i = org.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "of", "at"):
        i -= 1
    span = index.get(i)
    if span is not None and span.label_ == "Role":
        return True
    # "Head of the UN in Vienna": a capitalised word before "of (the)" heads the phrase
    return i >= 0 and i < org.start - 1 and doc[i + 1].lower_ == "of" and doc[i].text.lstrip("-–").istitle() \
        and span is None


def _after_at(doc: Doc, span, index: dict | None = None) -> bool:
    """True for a venue: "held at the Academy in Berlin" (not "scientists at the Institute
    in Bergen", where the people before "at" work there)."""
    at = next((t for t in doc[max(0, span.start - 2) : span.start] if t.lower_ == "at"), None)
    if at is None:
        return False
    return not (at.i > 0 and _works_there(doc[at.i - 1], index or {}))


def _works_there(tok, index: dict) -> bool:
    """A word for people who work somewhere: "researchers at" (not a named person: "a dinner
    for Jane Roe at the Grand Hotel in Oslo" is a venue)."""
    return tok.tag_ == "NNS" and (
        tok.lemma_.lower() in _PEOPLE or tok.lemma_.lower().endswith(("ist", "er", "or", "ian")))


_PEOPLE = {"staff", "official", "employee", "expert", "student", "worker", "people", "engineer", "member"}


def _is_venue(span) -> bool:
    return len(span) > 1 or span.root.ent_type_ == "FAC"


@extractors.register("kgx.places.org_location.v1")
def extract_org_location(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location of an organization: "Geneva-based X", "X, headquartered in Y"."""
    index = mention_index(doc)
    for org in mentions(doc, "Organization"):
        k = org.start - 1
        if k >= 2 and doc[k].lower_ in _BASED and doc[k - 1].text == "-":
            place = index.get(k - 2)
            if place is not None and place.label_ == "Place":
                yield Candidate(org, Predicate.LOCATION, place, 0.8, "kgx.places.org_location.v1",
                                evidence_span(place, org))
        # "Moscow's Bolshoi Ballet" (not "Ruritania's Ministry of Health": a country's ministry is its government's)
        if k >= 1 and doc[k].tag_ == "POS":
            place = index.get(k - 1)
            if place is not None and place.label_ == "Place" and not (
                    government_name(place.text) is not None and org[0].lower_ in load_list("org_words.v1")):
                yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.places.org_location.v1",
                                evidence_span(place, org))
        # "Pacific Marine Inc. of Houston", "the Center for Disease Control in Fort Collins"
        # (not a venue: "at the American Academy in Berlin"; not a title's remit: "Head of the UN in Vienna")
        j = org.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "of":
            j += 1  # "Nordwind Air, of Tromso, Norway"
        # "at the Institute of Zoology of Bergen"
        if j + 1 < len(doc) and doc[j].lower_ in ("of", "in") and not _titled(doc, org, index) \
                and (doc[j].lower_ == "of" or not _after_at(doc, org, index)):
            place = index.get(j + 1)
            if place is not None and place.label_ == "Place" and place.start == j + 1:
                yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.places.org_location.v1",
                                evidence_span(org, place))
                yield from _region_of(org, place, index, 0.5)
        j = org.end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j + 2 < len(doc) and doc[j].lower_ in _BASED and doc[j + 1].lower_ in ("in", "at"):
            place = index.get(j + 2)
            if place is not None and place.label_ == "Place":
                yield Candidate(org, Predicate.LOCATION, place, 0.8, "kgx.places.org_location.v1",
                                evidence_span(org, place))
                yield from _region_of(org, place, index, 0.6)


def _region_of(org: Span, place: Span, index: dict, confidence: float) -> Iterator[Candidate]:
    """ "Acme Corp. of Akron, Ohio": an organization based in a city is based in the
    region the text names right after it."""
    doc = place.doc
    j = place.end
    outer = index.get(j + 1) if j + 1 < len(doc) and doc[j].text == "," else None
    if outer is not None and outer.label_ == "Place" and outer.start == j + 1 \
            and not _list_follows(doc, outer.end, index) \
            and (outer.end >= len(doc) or doc[outer.end].lower_ not in ("and", "or")):
        yield Candidate(org, Predicate.LOCATION, outer, confidence, "kgx.places.org_location.v1",
                        evidence_span(org, outer))


#: Nouns by which an apposition says what kind of organization a name is.
_ORG_KINDS = {"company", "firm", "group", "agency", "newspaper", "daily", "bank", "maker", "manufacturer",
              "airline", "carrier", "chain", "producer", "publisher", "network", "station", "university",
              "institute", "party", "union", "association", "organization", "organisation", "corporation"}


#: Nouns for the place an organization is run from ("the Foundation's head office in Lyon").
_SEATS = {"headquarters", "head office", "main office", "registered office", "seat", "head-office", "hq",
          "home base", "main campus", "secretariat"}


@extractors.register("kgx.places.headquarters.v1")
def extract_headquarters(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location of an organization from where its seat is: "the Foundation's head office in
    Lyon", "its headquarters in Lyon", "Acme Corp, whose headquarters are in Lyon", and
    "Acme Corp is based in Lyon" (the copula the older rule did not read)."""
    from kgextract.relations.roles import its_organization  # "its": one rule for the whole package

    index = mention_index(doc)
    toks = tokens(doc)
    for i, lower in enumerate(lowers(doc)):
        if lower not in _SEAT_PREFIXES:
            continue  # (what ``_seat_at`` asks first, without building the token)
        tok = toks[i]
        seat = _seat_at(doc, tok.i)
        if seat is None:
            continue
        k = tok.i - 1
        while k >= 0 and tok.i - k <= 2 and doc[k].is_lower and doc[k].pos_ == "ADJ":
            k -= 1  # "its new head office"
        owner = None
        if k >= 0 and doc[k].lower_ == "its":
            owner = its_organization(doc[k], index)
        elif k >= 1 and doc[k].tag_ == "POS":
            owner = index.get(k - 1)
        elif k >= 2 and doc[k].lower_ == "whose" and doc[k - 1].text == ",":
            owner = index.get(k - 2)
        if owner is None or owner.label_ != "Organization":
            continue
        j = seat
        if j < len(doc) and doc[j].lower_ in ("is", "are", "was", "were", "remains", "remain"):
            j += 1
        place = _region_after_in(doc, j, index) if j + 1 < len(doc) and doc[j].lower_ in ("in", "at") else None
        if place is not None:
            yield Candidate(owner, Predicate.LOCATION, place, 0.7, "kgx.places.headquarters.v1",
                            evidence_span(doc[tok.i], place))
    for org in mentions(doc, "Organization"):
        j = org.end
        if j + 3 < len(doc) and doc[j].lower_ in ("is", "are", "was", "remains") and doc[j + 1].lower_ in _BASED \
                and doc[j + 2].lower_ == "in":
            place = _region_after_in(doc, j + 2, index)
            if place is not None:
                yield Candidate(org, Predicate.LOCATION, place, 0.75, "kgx.places.headquarters.v1",
                                evidence_span(org, place))


@extractors.register("kgx.places.org_comma_place.v1")
def extract_org_comma_place(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location from "Hiroshima University, Japan": an organization, a comma and a place
    that ends the phrase (not a list: "Acme Corp, Oslo and Bergen"; not "Acme, Norway's ...")."""
    index = mention_index(doc)
    for org in mentions(doc, "Organization"):
        j = org.end
        if j + 1 >= len(doc) or doc[j].text != "," or org.start > 0 and doc[org.start - 1].text == ",":
            continue  # "A, B, C": a list
        place = index.get(j + 1)
        if place is None or place.label_ != "Place" or place.start != j + 1:
            continue
        if place[-1].lower_ in load_list("street_words.v1"):
            continue  # "the Ministry, Palm Circle, Kingston": a street address, not where the body is based
        after = doc[place.end] if place.end < len(doc) else None
        if after is not None and (after.lower_ in ("and", "or", "&") or after.tag_ == "POS"
                                  or after.text == "," and _list_follows(doc, place.end, index)
                                  or after.text == "," and place.end + 1 < len(doc)
                                  and doc[place.end + 1].lower_ in ("and", "or")):
            continue
        yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.places.org_comma_place.v1",
                        evidence_span(org, place))


#: Every beginning of a seat noun: a token whose lowered text is none of these starts no seat,
#: so ``_seat_at`` answers for most tokens without building a span.
_SEAT_PREFIXES = frozenset(seat[:k] for seat in _SEATS for k in range(1, len(seat) + 1))


def _seat_at(doc: Doc, i: int) -> int | None:
    """Where a seat noun starting at ``i`` ends ("head office", "headquarters"), or None."""
    if doc[i].text.lower() not in _SEAT_PREFIXES:
        return None
    for size in (2, 1):
        if i + size <= len(doc) and doc[i : i + size].text.lower() in _SEATS:
            return i + size
    return None


@extractors.register("kgx.places.org_apposition.v1")
def extract_org_apposition_location(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location from an apposition that places an organization: "Globex Holdings, a major
    Singapore shipping group", "Acme SA, Europe's leading maker of paper"."""
    index = mention_index(doc)
    for org in mentions(doc, "Organization"):
        j = org.end
        if j + 2 >= len(doc) or doc[j].text != ",":
            continue
        k = j + 1 + (doc[j + 1].lower_ in ("a", "an", "the"))
        while k < len(doc) and k - j <= 4 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "ADV"):
            k += 1  # "a major", "the largest"
        place = index.get(k)
        if place is None or place.label_ != "Place" or place.start != k:
            continue
        m = place.end + (place.end < len(doc) and doc[place.end].tag_ == "POS")
        while m < len(doc) and m - place.end <= 5 and doc[m].is_lower and doc[m].pos_ in ("ADJ", "NOUN") \
                and doc[m].lower_ not in _ORG_KINDS:
            m += 1
        if m < len(doc) and doc[m].lower_ in _ORG_KINDS:
            yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.places.org_apposition.v1",
                            evidence_span(org, place))


@extractors.register("kgx.places.nationality_kind.v1")
def extract_nationality_kind_location(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location from a nationality and a kind of organization before its name: "the Ruritanian
    news agency Acme Press", "Swiss bank Globex" (the country as the text names it elsewhere)."""
    index = mention_index(doc)
    for org in mentions(doc, "Organization"):
        k = org.start - 1
        while k > 0 and org.start - k <= 3 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
            k -= 1
        if k == org.start - 1 or not any(t.lower_ in _ORG_KINDS for t in doc[k + 1 : org.start]):
            continue
        if doc[k].is_title and index.get(k) is None or (index.get(k) is not None and index[k].label_ == "Place"):
            country = country_name(doc[k].text if index.get(k) is None else index[k].text)
            place = _named_country(doc, country, index) if country is not None else None
            if place is not None:
                yield Candidate(org, Predicate.LOCATION, place, 0.6, "kgx.places.nationality_kind.v1",
                                evidence_span(doc[k], org))


def _named_country(doc: Doc, country: str, index: dict) -> Span | None:
    """The first Place mention in the text that names ``country``."""
    for place in mentions(doc, "Place"):
        if country_name(place.text) == country:
            return place
    return None


@extractors.register("kgx.places.source_line.v1")
def extract_source_line_location(doc: Doc, context: Context) -> Iterator[Candidate]:
    """location of a source from a digest's source line ("Lyon GAZETTAPRESS"): the line
    states where the source is published."""
    index = mention_index(doc)
    for place_start, _, org_start, _ in doc._.kgx_source_lines or ():
        place, org = index.get(place_start), index.get(org_start)
        if place is not None and org is not None and place.label_ == "Place" and org.label_ == "Organization":
            yield Candidate(org, Predicate.LOCATION, place, 0.7, "kgx.places.source_line.v1",
                            evidence_span(place, org))


@extractors.register("kgx.orgs.parent.v2")
def extract_parent_org(doc: Doc, context: Context) -> Iterator[Candidate]:
    """parentOrganization from "X's Y", "Y, a unit/part/subsidiary of X" and "Y is a
    wholly owned unit of X" (v2: the part word may come later in the apposition, after
    "and": "Y, a leading maker of glass and a subsidiary of X"; a copula may stand for the
    comma; "Children's Hospital" is one name, not a hospital of the children)."""
    index = mention_index(doc)
    for org in mentions(doc, "Organization"):
        k = org.start - 1
        if k >= 1 and doc[k].tag_ == "POS":
            owner = index.get(k - 1)
            if owner is None and k >= 2 and doc[k - 2].lower_ == "the" and doc[k - 1].lower_ in _BODY_NOUNS:
                owner = _earlier_organization(doc, k - 2, org, index)  # "the body's Audit Committee"
            if owner is not None and owner.label_ == "Organization" and not _plural_word(owner):
                yield Candidate(org, Predicate.PARENT_ORGANIZATION, owner, 0.7, "kgx.orgs.parent.v2",
                                evidence_span(owner, org))
        parent = _part_of(doc, org.end, index)
        if parent is not None:
            yield Candidate(org, Predicate.PARENT_ORGANIZATION, parent, 0.8, "kgx.orgs.parent.v2",
                            evidence_span(org, parent))
        child = _child_after_parent_word(doc, org.end, index)
        if child is not None:
            yield Candidate(child, Predicate.PARENT_ORGANIZATION, org, 0.75, "kgx.orgs.ownership.v1",
                            evidence_span(org, child))
    yield from _ownership(doc, index)


def _child_after_parent_word(doc: Doc, j: int, index: dict) -> Span | None:
    """ "X, the parent (company) of Y": the organization whose parent X is."""
    if j + 4 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("the", "a"):
        return None
    k = j + 2
    if doc[k].lower_ not in ("parent", "owner", "holding"):
        return None
    k += 1
    if doc[k].lower_ in ("company", "organization", "organisation", "group", "firm"):
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    k += 1 + (doc[k + 1].lower_ == "the")
    child = index.get(k)
    return child if child is not None and child.label_ == "Organization" and child.start == k else None


def _ownership(doc: Doc, index: dict) -> Iterator[Candidate]:
    """ "X owns Y", "Y, (which is) owned by X", "Y is wholly owned by X": X is Y's parent."""
    for verb in doc:
        if verb.lemma_.lower() != "own" or verb.pos_ != "VERB":
            continue
        if verb.tag_ == "VBN":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
                subj = verb.head  # "Y, which is owned by X"
            elif subj is None and verb.dep_ == "acl":
                subj = verb.head  # "Y, owned by X"
            owner = index.get(by.i) if by is not None else None
            owned = index.get(subj.i) if subj is not None else None
        else:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            owner = index.get(subj.i) if subj is not None else None
            owned = index.get(obj.i) if obj is not None else None
        if owner is not None and owned is not None and owner != owned \
                and owner.label_ == owned.label_ == "Organization":
            yield Candidate(owned, Predicate.PARENT_ORGANIZATION, owner, 0.75, "kgx.orgs.ownership.v1",
                            evidence_span(owner, owned))


#: Nouns by which a text refers back to an organization ("the body's Audit Committee").
_BODY_NOUNS = {"body", "organization", "organisation", "company", "group", "agency", "institution", "firm",
               "university", "foundation", "association", "council", "commission", "alliance", "bank", "federation"}


def _earlier_organization(doc: Doc, before: int, child: Span, index: dict) -> Span | None:
    """The organization a "the body" before token ``before`` refers back to: the latest one named
    earlier in the text (other than ``child``)."""
    for i in range(before - 1, -1, -1):
        span = index.get(i)
        if span is not None and span.label_ == "Organization" and span.text != child.text:
            return span
    return None


def _plural_word(span: Span) -> bool:
    """ "Children's", "the People's": a plural noun for people before a possessive belongs to one name."""
    return span[-1].lower_ in _PEOPLE_PLURALS or len(span) == 1 and span[0].tag_ == "NNS"


#: Plural nouns for people that open names with a possessive ("Children's Hospital", "Veterans' Fund").
_PEOPLE_PLURALS = {"children", "women", "men", "people", "veterans", "workers", "farmers", "teachers", "nurses",
                   "students", "peoples", "citizens", "mothers", "fathers", "friends", "soldiers", "sailors"}


_COPULA = {"is", "was", "remains", "became", "becomes", "are", "were"}


def _part_of(doc: Doc, j: int, index: dict) -> Span | None:
    """The parent named by ", a (wholly owned) unit of X" or "is a subsidiary of X" after ``j``."""
    if j + 3 >= len(doc) or doc[j].text != "," and doc[j].lower_ not in _COPULA:
        return None
    k = j + 1
    while k < len(doc) and k - j <= 10 and doc[k].lower_ not in _PART_WORDS:
        tok = doc[k]
        if tok.is_punct or tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or index.get(k) is not None \
                or tok.lower_ in ("which", "who", "that", "whose"):
            return None  # the apposition ended, or it names something else first
        k += 1
    if k >= len(doc) or doc[k].lower_ not in _PART_WORDS or k + 1 >= len(doc) or doc[k + 1].lower_ != "of":
        return None
    k += 2
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    parent = index.get(k)
    return parent if parent is not None and parent.label_ == "Organization" and parent.start == k else None


#: Plural part words: "its subsidiaries, A and B".
_PARTS_PLURAL = {"units", "subsidiaries", "divisions", "arms", "branches", "affiliates", "agencies", "companies",
                 "members", "departments"}


@extractors.register("kgx.orgs.named_part.v1")
def extract_named_parts(doc: Doc, context: Context) -> Iterator[Candidate]:
    """parentOrganization from a part word that names its parts: "its retail arm, Acme
    Stores", "Globex's subsidiaries, A and B", "its subsidiary Acme Glass"."""
    from kgextract.relations.roles import its_organization  # "its": one rule for the whole package

    index = mention_index(doc)
    toks = tokens(doc)
    for i, lower in enumerate(lowers(doc)):
        if lower not in _PART_WORDS and lower not in _PARTS_PLURAL or index.get(i) is not None:
            continue
        tok = toks[i]
        k = tok.i - 1
        while k >= 0 and tok.i - k <= 3 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN", "VERB") \
                and doc[k].lower_ not in ("its", "their"):
            k -= 1  # "its wholly owned retail arm"
        if k < 0:
            continue
        if doc[k].lower_ == "its":
            owner = its_organization(doc[k], index)
        elif doc[k].tag_ == "POS" and k >= 1 and index.get(k - 1) is not None:
            owner = index[k - 1]
        else:
            continue
        if owner.label_ != "Organization":
            continue
        for part in _named_after(doc, tok.i + 1, index, plural=tok.lower_ in _PARTS_PLURAL):
            yield Candidate(part, Predicate.PARENT_ORGANIZATION, owner, 0.7, "kgx.orgs.named_part.v1",
                            evidence_span(tok, part))


def _named_after(doc: Doc, j: int, index: dict, plural: bool) -> list[Span]:
    """The organization(s) named right after a part word (behind a comma or not)."""
    if j < len(doc) and doc[j].text in (",", ":"):
        j += 1
    found = []
    while j < len(doc):
        span = index.get(j)
        if span is None or span.start != j or span.label_ != "Organization":
            break
        found.append(span)
        j = span.end
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            j += 3  # "Karim Float Glass (KFG)"
        if not plural or j >= len(doc) or doc[j].lower_ not in (",", "and"):
            break
        j += 1
        if j < len(doc) and doc[j].lower_ == "and":
            j += 1
    return found
