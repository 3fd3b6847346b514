"""hasRole and memberOf: who holds which title in which organization.

A *title chain* is one or more titles joined by commas or "and", each with
the organization it is held in when the text says so ("IBM's president and
chief executive officer", "Executive Director of the UN Office on Drugs and
Crime (UNODC)"). The chain's holder is, in order of trust:

1. the person right after it ("Foreign Minister Fumio Kishida");
2. the person before it, behind a comma ("Guy Ryder, Director-General of the ILO");
3. the person right after it, behind a comma ("ILO Director-General, Guy Ryder");
4. the person whose name stands alone on the line above a title line (a signature);
5. the person the parse links it to through a verb of office
   ("X was appointed CFO", "elected X chairman", "X stepped down as director"),
   an appointment noun ("the addition of X ... as CCO") or a career list
   ("her previous roles include ...").

A country or nationality in the organization slot ("Belgian Prime Minister",
"President of Mongolia") stands for that country's government. Without a
stated organization a title takes the one of its context: "its"/"our", the
holder's organization in the same sentence, or (through a verb of office) the
organization a release about one organization is about. memberOf also comes
from representing ("on behalf of", "represented by", "his Ruritanian
counterpart") and from a team's list ("The Acme team: ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kgextract.base.countries import government_name
from kgextract.models import Predicate
from kgextract.nlp.doc_index import line_ends_at
from kgextract.nlp.roles import holders_after, line_before, own_line
from kgextract.relations.registry import Candidate, Context, extractors
from kgextract.relations.spans import HONORIFIC_TOKENS, antecedent, evidence_span, mention_index, mentions

__all__ = ["TitleItem", "title_chains", "its_organization", "extract_roles", "extract_affiliations", "extract_heads",
           "extract_representation", "extract_team_members", "extract_listed_affiliations", "extract_moves",
           "extract_stated_membership",
           "MOVE_VERBS", "OFFICE_VERBS", "SELF_REFERENCES", "HEAD_VERBS"]

#: Nouns by which a release names its own organization ("the company's CFO").
SELF_REFERENCES = {"company", "firm", "university", "institute", "organization", "organisation", "group",
                   "bank", "agency", "ministry", "foundation", "association", "corporation", "school"}

#: Verbs through which the parse may tie a title to its holder.
OFFICE_VERBS = {
    "be", "become", "serve", "appoint", "name", "elect", "re-elect", "reelect", "select", "promote",
    "join", "step", "remain", "succeed", "assume", "take", "hold", "retire", "continue", "resign",
    "leave", "return", "hire", "nominate", "designate", "confirm", "install", "swear",
}
_CLIMB_DEPS = {"prt", "advmod", "conj", "appos", "pobj", "prep", "attr", "oprd", "dobj", "xcomp", "acomp", "npadvmod",
               "compound", "advcl", "pcomp"}


@dataclass
class TitleItem:
    """One title in a chain, with the organization it is held in (if stated)."""

    role: Span
    organization: Span | None


def _org_like(span: Span | None) -> bool:
    return span is not None and span.label_ in ("Organization", "Place")


def _as_organization(span: Span) -> Span:
    """An organization slot's filler: a country stands for its government; another
    place there ("Executive Vice President at Nordwind Motors") is an organization the
    model took for a place, and resolve retypes it."""
    if span.label_ == "Organization":
        return span
    if government_name(span.text) is not None:
        return _government(span.doc, span.start, span.end)
    return span


def _government(doc: Doc, start: int, end: int) -> Span:
    """An Organization span standing for the government of the country at start:end."""
    return Span(doc, start, end, label="Organization", kb_id="government")


#: Words of titles held in companies, never in a government.
_CORPORATE = {"chief", "officer", "manager", "founder", "co-founder", "chairman", "chairwoman", "chairperson",
              "ceo", "cfo", "coo", "cto", "cio", "cmo"}


def _corporate(role: Span) -> bool:
    return any(t.lower_ in _CORPORATE for t in role)


def _org_prefix(doc: Doc, role: Span, index: dict[int, Span]) -> Span | None:
    """The organization or country written before a title ("IBM's", "Belgian", "U.S.")."""
    i = role.start - 1
    while i > 0 and (doc[i].like_num or doc[i].ent_type_ in ("ORDINAL", "CARDINAL")):
        i -= 1  # "the ILO's 10th Director-General"
    k = i
    while k > 0 and i - k < 2 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ") and index.get(k) is None:
        k -= 1
    if k < i and index.get(k) is not None and index[k].label_ == "Organization" and index[k].end == k + 1:
        i = k  # "a University of Texas law professor", "Acme financial spokesman"
    elif k < i and k > 0 and doc[k].tag_ == "POS" and _org_like(index.get(k - 1)):
        i = k  # "Acme's technical manager"
    elif k < i and doc[k].lower_ in ("its", "our"):
        i = k  # "as its new chief operating officer", "our previous director"
    if i > 2 and doc[i].text == ")":
        opened = next((k for k in range(i - 1, max(0, i - 8), -1) if doc[k].text == "("), None)
        if opened is not None and opened > 0 and index.get(opened - 1) is not None:
            i = opened - 1  # "Nordic Labour Party (NLP) candidate", "NLP (Nordic Labour Party) leader"
    if i >= 0 and (doc[i].tag_ == "POS" or doc[i].text in ("’", "'")):
        i -= 1
    if i < 0:
        return None
    span = index.get(i)
    if span is not None and span.end == i + 2 and doc[i + 1].tag_ == "POS" and doc[i + 2].text == "(":
        # "the Acme Society's (ACS) President": the mention took in the possessive
        span = Span(doc, span.start, i + 1, label=span.label_, kb_id=span.kb_id_)
    if span is not None and span.end == i + 1 and _org_like(span):
        if span.label_ == "Place" and government_name(span.text) is None:
            # "Springfield plastic surgeon", "Springfield Mayor": a town qualifies the title, it does not employ
            return None
        return _as_organization(span)
    if doc[i].lower_ == "its":  # "the University and its rector, Jane Roe"
        return its_organization(doc[i], index)
    if doc[i].lower_ == "our":  # "our previous director"
        return Span(doc, i, i + 1, label="Organization", kb_id="salient")
    if doc[i].lower_ in SELF_REFERENCES and i > 0 and doc[i - 1].lower_ in ("the", "our"):
        # "the company's Chief Financial Officer": the organization the release is about
        return Span(doc, i - 1, i + 1, label="Organization", kb_id="salient")
    if span is None and doc[i].is_title and doc[i].ent_type_ not in ("NORP", "GPE") and government_name(doc[i].text) \
            and not _corporate(role):
        return _government(doc, i, i + 1)  # "Italian Ambassador X" where the model read "Italian" into the name
    if _corporate(role):
        return None  # "Ruritanian CEO Jane Roe": a nationality, or a company's short name, not a government
    if doc[i].ent_type_ == "NORP" or (doc[i].ent_type_ == "GPE" and span is None):
        start = i
        while start > 0 and doc[start - 1].ent_type_ == doc[i].ent_type_ and doc[start - 1].ent_iob_ != "O":
            start -= 1
        return _government(doc, start, i + 1)
    return None


def its_organization(its: Token, index: dict[int, Span]) -> Span:
    """The organization "its" refers to: the organization subject of its clause ("Acme has
    chosen Jane Roe as its new CFO"), else the latest organization named before it in the
    sentence, else the organization the release is about."""
    verb = its
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        span = index.get(subj.i) if subj is not None else None
        if span is not None and span.label_ == "Organization":
            return span
        if verb.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "relcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    for i in range(its.i - 1, its.sent.start - 1, -1):
        span = index.get(i)
        if span is not None and span.label_ == "Organization":
            return span
    return Span(its.doc, its.i, its.i + 1, label="Organization", kb_id="salient")


def _org_suffix(doc: Doc, end: int, index: dict[int, Span]) -> tuple[Span | None, int]:
    """The "of/at <organization>" after a title, and where it ends (skipping "(ACR)")."""
    if end + 1 < len(doc) and doc[end].text == ",":
        return _comma_organization(doc, end, index)
    if end + 1 >= len(doc) or doc[end].lower_ not in ("of", "at", "with", "to", "for", "on"):
        return None, end  # "on": "observer on the Audit Committee"
    j = end + 1
    if doc[j].lower_ in ("the", "our") and j + 1 < len(doc):
        if doc[j + 1].lower_ in SELF_REFERENCES and (j + 2 >= len(doc) or not doc[j + 2].is_title):
            return Span(doc, j, j + 2, label="Organization", kb_id="salient"), j + 2
        j += 1
    while j + 1 < len(doc) and j - end < 6 and index.get(j) is None and (
            doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN") and (not doc[j + 1].is_punct or doc[j + 1].text == "-")
            or doc[j].text == "-" and doc[j - 1].is_lower and doc[j + 1].is_lower):
        j += 1  # "director of the new multi-institution Center for ..."
    if doc[end].lower_ in ("to", "for", "on") and index.get(j) is None:
        return None, end
    span = index.get(j)
    if span is None and doc[end].lower_ == "of" and doc[j].is_title and government_name(doc[j].text) is not None:
        return _government(doc, j, j + 1), j + 1  # "Prime Minister of Norway Jane Roe", the country untagged
    if span is None or span.start != j or not _org_like(span):
        return None, end
    stop = span.end
    if stop + 2 < len(doc) and doc[stop].text == "(" and doc[stop + 2].text == ")":
        stop += 3
    return _as_organization(span), stop


#: What may follow "Title, Organization" for the organization to close the apposition.
_CLOSERS = {",", ".", ";", ":", ")", "and", "said", "says"}


def _comma_organization(doc: Doc, comma: int, index: dict[int, Span]) -> tuple[Span | None, int]:
    """ "Jane Roe, General Manager, Acme Holdings, said": an organization set off by a comma
    right after a title, closing the apposition, is where the title is held (no "of")."""
    first = comma + 1 + (comma + 2 < len(doc) and doc[comma + 1].lower_ == "the")  # "..., CEO, The Acme Institute."
    span = index.get(first)
    if span is None or span.start != first or not (
            span.label_ == "Organization" or span.label_ == "Place" and government_name(span.text) is not None):
        return None, comma
    stop = span.end
    if stop + 2 < len(doc) and doc[stop].text == "(" and doc[stop + 2].text == ")":
        stop += 3
    if stop < len(doc) and doc[stop].lower_ not in _CLOSERS or stop < len(doc) and doc[stop].tag_ == "POS":
        return None, comma
    return _as_organization(span), stop


def title_chains(doc: Doc) -> Iterator[tuple[list[TitleItem], int, int]]:
    """Yield (items, start, end) for each maximal chain of titles in ``doc``."""
    index = mention_index(doc)
    roles = {s.start: s for s in mentions(doc, "Role")}
    used: set[int] = set()
    for start in sorted(roles):
        if start in used:
            continue
        items: list[TitleItem] = []
        chain_start = start
        i = start
        while i in roles:
            role = roles[i]
            used.add(i)
            prefix = _org_prefix(doc, role, index)
            if not items and prefix is not None:
                its = _its_before(doc, role)
                chain_start = its if its is not None else prefix.start
            org, end = _org_suffix(doc, role.end, index)
            items.append(TitleItem(role, org or prefix))
            if org is not None and doc[role.end].text == "," and end + 1 < len(doc) and doc[end].lower_ == "and":
                other = index.get(end + 1)  # "General Manager, Acme Industries and Globex, said"
                if other is not None and other.start == end + 1 and other.label_ == "Organization" \
                        and (other.end >= len(doc) or doc[other.end].lower_ in _CLOSERS - {"and"}):
                    items.append(TitleItem(role, other))
                    end = other.end
            following = _next_item(doc, end, roles, index)
            if following is None:
                i = end
                break
            i = following
        yield items, chain_start, i


def _its_before(doc: Doc, role: Span) -> int | None:
    """Where "its" or "our" stands before a title ("its new chief operating officer"), or None."""
    k = role.start - 1
    while k > 0 and role.start - k <= 2 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
        k -= 1
    return k if k >= 0 and doc[k].lower_ in ("its", "our") else None


def _next_item(doc: Doc, end: int, roles: dict[int, Span], index: dict[int, Span]) -> int | None:
    """Where the next title of a chain starts after ``end``, or None."""
    j = end
    seps = 0
    while j < len(doc) and doc[j].lower_ in (",", "and", "&") and seps < 2:
        j += 1
        seps += 1
    if seps == 0:
        return None
    if j in roles:
        return j
    span = index.get(j)
    if span is not None and _org_like(span):  # "..., IBM's president"
        k = span.end
        if k < len(doc) and (doc[k].tag_ == "POS" or doc[k].text in ("’", "'")):
            k += 1
        if k in roles:
            return k
    return None


def _skip_honorifics(doc: Doc, i: int) -> int:
    if i + 1 < len(doc) and doc[i].lower_ == "the" and doc[i + 1].lower_.rstrip(".") in HONORIFIC_TOKENS:
        i += 1  # "the Honourable", "the Hon."
    while i < len(doc) and (doc[i].lower_.rstrip(".") in HONORIFIC_TOKENS or doc[i].lower_ == "professor"
                            and i + 1 < len(doc) and doc[i + 1].is_title) and not doc[i].is_sent_start:
        i += 1  # "..., Professor Jane Roe": an academic title used as an honorific
    return i


def _person_starting(doc: Doc, i: int, index: dict[int, Span]) -> Span | None:
    if i >= len(doc) or doc[i].is_sent_start:
        return None
    j = _skip_honorifics(doc, i)
    if j > i and j + 1 < len(doc) and doc[j].text == "," and doc[j - 1].lower_ not in ("his", "her"):
        j += 1  # "Chairman Mrs, Jane Roe": a comma typed for the honorific's full stop
    span = index.get(j)
    if span is not None and len(span) == 1 and span[0].lower_.rstrip(".") in HONORIFIC_TOKENS:
        return None  # "Prof, Jane Roe": the model took the honorific for the name
    return span if span is not None and span.label_ == "Person" and span.start == j else None


def _holder(doc: Doc, start: int, end: int, index: dict[int, Span]) -> tuple[Span | None, float, str]:
    """Find the person who holds the chain at start:end, with a confidence and the rule used."""
    after = _person_starting(doc, end, index)
    if after is not None:
        return after, 0.9, "kgx.roles.title_before_name.v1"
    before = index.get(start - 2) if start >= 2 and doc[start - 1].text == "," else None
    if before is not None and before.label_ == "Person" and before.end == start - 1:
        return before, 0.9, "kgx.roles.apposition.v1"
    before = _apposed_person(doc, start, index)
    if before is not None:
        return before, 0.8, "kgx.roles.apposition.v1"
    if end < len(doc) and doc[end].text == ",":
        after = _person_starting(doc, end + 1, index)
        if after is not None:
            return after, 0.85, "kgx.roles.title_comma_name.v1"
    comma = _comma_after_of_phrase(doc, end, index)
    if comma is not None:  # "the Governor of the northern province of Lyonnais, Mr. Jean Roe"
        after = _person_starting(doc, comma + 1, index)
        if after is not None:
            return after, 0.8, "kgx.roles.title_comma_name.v1"
    signed = _signature_holder(doc, start, end, index)
    if signed is not None:
        return signed, 0.8, "kgx.roles.signature.v1"
    as_tok = None
    for back in (1, 2, 4):  # "as CFO", "as a senior adviser", "as the company's CFO"
        if start >= back and doc[start - back].lower_ == "as" \
                and (back == 1 or doc[start - 1].tag_ in ("DT", "POS", "JJ")):
            as_tok = doc[start - back]
            break
    if as_tok is not None:
        holder = _holder_of_as(as_tok, index)
        if holder is not None:
            return holder, 0.8, "kgx.roles.as_title.v1"
    return None, 0.0, ""


def _comma_after_of_phrase(doc: Doc, end: int, index: dict[int, Span]) -> int | None:
    """The comma closing an "of" phrase after a title that names no organization ("of the
    southern state of X,"): a few words, no verb, no person."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    k = end + 1
    while k < len(doc) and k - end <= 8 and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX") \
            and not doc[k].is_sent_start and not (index.get(k) is not None and index[k].label_ in ("Person", "Role")):
        k += 1
    return k if k < len(doc) and doc[k].text == "," and k > end + 1 else None


def _signature_holder(doc: Doc, start: int, end: int, index: dict[int, Span]) -> Span | None:
    """ "Jane Roe / Acting Deputy Spokesman": a title alone on its line is held by the person
    whose name is alone on the line above (a statement's or a contact's signature)."""
    chain = doc[start:end]
    above = line_before(chain) if own_line(chain) is not None else None
    person = index.get(above.start) if above is not None else None
    if above is not None and person is not None and person.label_ == "Person" \
            and (person.start, person.end) == (above.start, above.end):
        return person
    return None


_APPOSITION_WORDS = {"DT", "JJ", "JJS", "JJR", "RB", "NN", "VBN"}


def _apposed_person(doc: Doc, start: int, index: dict[int, Span]) -> Span | None:
    """ "Jane Roe, a senior official of ...", "Jane Roe, another Acme engineer": the person
    before a comma, with up to three lower-case determiners or modifiers before the title."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].is_lower and doc[i].tag_ in _APPOSITION_WORDS \
            and index.get(i) is None:
        i -= 1
    if i == start - 1 or i < 1 or doc[i].text != ",":
        return None
    person = index.get(i - 1)
    return person if person is not None and person.label_ == "Person" and person.end == i else None


def _holder_of_as(as_tok: Token, index: dict[int, Span]) -> Span | None:
    """ "the appointment of X as CEO", "X joined as CFO", "he served as President of Y"."""
    before = index.get(as_tok.i - 1)
    if before is not None and before.label_ == "Person":
        verb = before.root.head
        if before.root.dep_ == "dobj" and verb.pos_ == "VERB" \
                and verb.lemma_.lower() not in _APPOINT_VERBS | OFFICE_VERBS | {"appoint", "choose", "introduce"}:
            # "X met Y as the head of a delegation": the visitor is the subject, not the one met
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            span = (index.get(subj.i) or antecedent(subj, index)) if subj is not None else None
            return span if span is not None and span.label_ == "Person" else None
        return before
    head = as_tok.head
    span = index.get(head.i)
    if span is not None and span.label_ == "Person":
        return span
    named = _named_in_appointment(as_tok, index)
    if named is not None:
        return named
    if head.pos_ in ("VERB", "AUX") and (head.i < as_tok.i or as_tok.dep_ == "mark"):
        # "as President of Acme leading its launch": the parser reads "as" as the mark of the
        # participle; the holder is the subject of the clause the participle hangs on
        return _subject_person(head, index)
    # the parser may hang "as" on a later verb: take the verb of office before it
    for tok in reversed(as_tok.doc[as_tok.sent.start : as_tok.i]):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in OFFICE_VERBS:
            return _subject_person(tok, index)
    return None


#: Nouns for the posts a person held ("her previous roles include ...").
_CAREER_NOUNS = {"role", "position", "post", "appointment", "job", "title", "career", "assignment", "office"}


def _career_owner(role: Span, index: dict[int, Span]) -> Span | None:
    """ "Her previous roles include Senior Vice President at Acme, ...": a title in what a
    person's posts include is that person's."""
    root = role.sent.root
    if root.lemma_.lower() not in ("include", "be", "comprise", "span"):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _CAREER_NOUNS:
        return None
    obj = next((c for c in root.children if c.dep_ in ("dobj", "attr")), None)
    if obj is None or not obj.left_edge.i <= role.root.i <= obj.right_edge.i:
        return None
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    span = index.get(owner.i) or antecedent(owner, index)
    return span if span is not None and span.label_ == "Person" else None


#: Nouns for taking up a post: "the addition of X to its team as CCO".
_APPOINTMENT_NOUNS = {"appointment", "addition", "hiring", "hire", "promotion", "election", "nomination",
                      "selection", "arrival", "return", "designation", "reappointment", "re-election"}


def _named_in_appointment(as_tok: Token, index: dict[int, Span]) -> Span | None:
    """ "announced the addition of Jane Roe to its leadership team as Chief Content Officer":
    the person named after an appointment noun earlier in the sentence."""
    for tok in reversed(as_tok.doc[as_tok.sent.start : as_tok.i]):
        if tok.lemma_.lower() in _APPOINTMENT_NOUNS and tok.pos_ == "NOUN":
            of = next((c for c in tok.children if c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            span = index.get(obj.i) if obj is not None else None
            return span if span is not None and span.label_ == "Person" else None
    return None


def _holder_by_parse(role: Span, index: dict[int, Span]) -> Span | None:
    """Climb the parse from the title to a verb of office and take its subject (or object)."""
    career = _career_owner(role, index)
    if career is not None:
        return career
    tok: Token = role.root
    for child in tok.children:  # "elected [Virginia M. Rometty] chairman"
        span = index.get(child.i)
        if child.dep_ in ("compound", "nmod", "appos", "nsubj") and span is not None and span.label_ == "Person":
            return span
    before = index.get(role.start - 1)
    if before is not None and before.label_ == "Person" and any(
            t.lemma_.lower() in _APPOINT_VERBS for t in role.sent):
        return before  # "Acme Corp named Jane Roe chief operating officer"
    for _ in range(8):
        span = index.get(tok.i)
        if span is not None and span.label_ == "Person":
            return span
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in OFFICE_VERBS:
            return _subject_person(tok, index)
        if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
            return None
        if tok.dep_ == "prep" and tok.lower_ in _OTHERS_PREPS:
            return None  # "hold talks with the crown prince": the title is someone else's
        tok = tok.head
    return None


#: Prepositions after which a title names someone other than the verb's subject.
_OTHERS_PREPS = {"with", "by", "from", "between", "among", "against", "about", "alongside", "besides", "like",
                 "including", "toward", "towards"}


def _subject_person(verb: Token, index: dict[int, Span]) -> Span | None:
    for dep in ("dobj", "nsubjpass", "nsubj"):
        for child in verb.children:
            if child.dep_ != dep:
                continue
            span = index.get(child.i)
            if span is not None and span.label_ == "Person":
                return span
            if dep != "dobj":
                ref = antecedent(child, index)
                if ref is not None:
                    return ref
                owner = next((c for c in child.children if c.dep_ == "poss"), None)
                if owner is not None:
                    span = index.get(owner.i) or antecedent(owner, index)
                    if span is not None and span.label_ == "Person":
                        return span
    if verb.dep_ in ("conj", "xcomp", "advcl", "relcl") and verb.head.i != verb.i:
        if verb.dep_ == "relcl":
            span = index.get(verb.head.i)
            return span if span is not None and span.label_ == "Person" else None
        return _subject_person(verb.head, index)
    return None


_APPOINT_VERBS = {"appoint", "name", "elect", "hire", "promote", "announce", "select", "nominate", "welcome"}


def _org_of_context(role: Span, index: dict[int, Span]) -> Span | None:
    """The organization a title is held in when the chain names none.

    - "X remained with Brightwave as senior adviser": the "with/at/for" object of the verb;
    - "Keystone Medical Devices, where she served as vice president": the place of the clause;
    - "Brightwave ... announced that its board appointed X as CFO": the announcing organization.
    """
    verb = role.root
    for _ in range(5):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.lemma_.lower() in ("join", "rejoin"):  # "X joined Acme as CFO"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        span = index.get(obj.i) if obj is not None else None
        if span is not None and span.label_ == "Organization":
            return span
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "at", "for"):
            for obj in prep.children:
                span = index.get(obj.i)
                if obj.dep_ == "pobj" and span is not None and span.label_ == "Organization" \
                        and not _person_between(role, obj, index):
                    return span
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        span = index.get(verb.head.i)
        if span is not None and span.label_ == "Organization":
            return span
    sent = role.sent
    if any(t.lemma_.lower() in _APPOINT_VERBS or t.lower_ == "appointment" for t in sent):
        subj = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        span = index.get(subj.i) if subj is not None else None
        if span is not None and span.label_ == "Organization":
            return span
        if subj is not None and subj.lower_ in _BODY_WORDS:  # "the Acme board of directors elected X chairman"
            owner = next((index.get(c.i) for c in subj.children if c.dep_ in ("compound", "poss", "nmod")
                          and index.get(c.i) is not None and index[c.i].label_ == "Organization"), None)
            if owner is not None:
                return owner
    return None


def _person_between(role: Span, tok: Token, index: dict[int, Span]) -> bool:
    """Another person is named between a title and a later word ("X, Minister of Trade, signed
    for Norway and Y, Ambassador, for Korea": "for Korea" is Y's)."""
    return any(index.get(i) is not None and index[i].label_ == "Person" for i in range(role.end, tok.i))


#: Nouns for an organization's governing body, which acts for it ("the Acme board elected ...").
_BODY_WORDS = {"board", "council", "trustees", "directors", "governors", "committee", "shareholders"}

#: Rules through which a verb of office gives a title ("X will stay on as COO", "named X CFO"):
#: there a title without an organization is held in the organization the release is about.
_OFFICE_RULES = {"kgx.roles.as_title.v1", "kgx.roles.parse.v1"}


def _dominant_organization(role: Span) -> Span:
    """The organization a release about one organization is about (resolved later, see
    ``resolve.within``: none when no organization dominates the release)."""
    return Span(role.doc, role.start, role.end, label="Organization", kb_id="dominant")


def _affiliated_after(doc: Doc, person: Span, index: dict[int, Span]) -> Span | None:
    """The organization in "Jane Roe of Acme", "Jane Roe, of Acme," or "Jane Roe at the Acme
    Institute found ..." (not "met Jane Roe at Acme's plant": a place of meeting)."""
    j = person.end
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "of":
        j += 1
    if j + 3 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].lower_ in ("other", "fellow") \
            and doc[j + 2].lemma_.lower() in _MEMBER_WORDS:
        j += 3  # "Jane Roe and other members of the Society"
    if j + 1 >= len(doc) or doc[j].lower_ not in ("of", "at"):
        return None
    k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
    while k < len(doc) and k - j <= 3 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "VERB") and index.get(k) is None:
        k += 1  # "Sen. Jane Roe of the governing Labour Party"
    org = index.get(k)
    if org is None or org.label_ != "Organization" or org.start != k:
        return None
    if doc[j].lower_ == "at" and (org.end < len(doc) and doc[org.end].tag_ == "POS" or not _subject_of_clause(person)):
        return None
    return org


def _described_at(doc: Doc, person: Span, index: dict[int, Span]) -> Span | None:
    """ "Jane Roe, an expert on dams at Acme University, said": an apposition that
    describes the person (a/an, no verb, a few words) and ends at an organization."""
    j = person.end
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("a", "an"):
        return None
    k = j + 2
    while k < len(doc) and k - j <= 9 and (index.get(k) is None or index[k].label_ == "Role") \
            and not doc[k].is_punct and doc[k].pos_ not in ("VERB", "AUX", "PRON"):
        k += 1
    prep = k - 2 if doc[k - 1].lower_ == "the" else k - 1
    if k >= len(doc) or prep <= j + 1 or doc[prep].lower_ not in ("at", "with", "for", "of"):
        return None
    if doc[prep].lower_ in ("of", "for") and not _member_noun(doc[prep - 1], index):
        return None  # "a critic of Acme", "an advocate for Acme": about the organization, not in it
    org = index.get(k)
    if org is None or org.label_ != "Organization" or org.start != k:
        return None
    return org if org.end >= len(doc) or doc[org.end].is_punct else None


_MEMBER_WORDS = {"member", "employee", "official", "officer", "researcher", "scientist"}


def _member_noun(tok: Token, index: dict[int, Span]) -> bool:
    """A noun that says the person is in the organization after "of"/"for": a title ("a
    spokesman for"), a word for a member ("a member of", "a fellow of")."""
    span = index.get(tok.i)
    return span is not None and span.label_ == "Role" or tok.lemma_.lower() in _MEMBER_WORDS | _MEMBER_NOUNS


#: Nouns for belonging besides ``_MEMBER_WORDS`` ("a fellow of the Society", "part of the team at").
_MEMBER_NOUNS = {"fellow", "staff", "faculty", "part", "staffer", "trustee", "volunteer", "worker"}


def _subject_of_clause(person: Span) -> bool:
    """ "Jane Roe at the Acme Institute found that ...": the person is the subject of a verb."""
    return person.root.dep_ in ("nsubj", "nsubjpass") or person.root.head.dep_ in ("nsubj", "nsubjpass")


@extractors.register("kgx.roles.affiliation.v1")
def extract_affiliations(doc: Doc, context: Context) -> Iterator[Candidate]:
    """memberOf without a title: "Greg Thayer of the U.S. Forest Service", "Boston University's Jane Roe"."""
    index = mention_index(doc)
    for person in mentions(doc, "Person"):
        org = _affiliated_after(doc, person, index)
        if org is not None:
            yield Candidate(person, Predicate.MEMBER_OF, org, 0.6, "kgx.roles.affiliation.v1",
                            evidence_span(person, org))
        org = _described_at(doc, person, index)
        if org is not None:
            yield Candidate(person, Predicate.MEMBER_OF, org, 0.6, "kgx.roles.affiliation.v1",
                            evidence_span(person, org))
        k = person.start - 1
        if k >= 1 and doc[k].tag_ == "POS":
            org = index.get(k - 1)
            if org is not None and org.label_ == "Organization" and org.end == k:
                yield Candidate(person, Predicate.MEMBER_OF, org, 0.6, "kgx.roles.affiliation.v1",
                                evidence_span(org, person))


@extractors.register("kgx.roles.v1")
def extract_roles(doc: Doc, context: Context) -> Iterator[Candidate]:
    """hasRole (with the organization) and memberOf from title chains."""
    index = mention_index(doc)
    chains = []
    for items, start, end in title_chains(doc):
        holder, conf, rule = _holder(doc, start, end, index)
        if holder is None:
            holder = _holder_by_parse(items[0].role, index)
            conf, rule = 0.7, "kgx.roles.parse.v1"
        if holder is not None and government_name(holder.text) is None:  # "in Lome, Togo as the Chair": a country
            chains.append((items, holder, conf, rule))
    # the organization each holder is given in each sentence ("Jane Roe, Acme's CFO, was appointed COO")
    held_in: dict[tuple[int, int, int], list[Span]] = {}
    for items, h, _, _ in chains:
        held_in.setdefault((items[0].role.sent.start, h.start, h.end), []).extend(
            i.organization for i in items if i.organization is not None)
    for items, holder, conf, rule in chains:
        context_org = None
        stated = {(i.organization.start, i.organization.end): i.organization
                  for i in items if i.organization is not None}
        if len(stated) == 1:
            context_org = next(iter(stated.values()))  # "president and CEO of Acme Corp": both at Acme
        elif not stated:
            context_org = _org_of_context(items[0].role, index)
            if context_org is None and rule in _OFFICE_RULES:
                key = (items[0].role.sent.start, holder.start, holder.end)
                same = {(o.start, o.end): o for o in held_in.get(key, [])}
                if len(same) == 1:
                    context_org = next(iter(same.values()))
                elif rule == "kgx.roles.as_title.v1" or any(t.lemma_.lower() in OFFICE_VERBS - {"be"}
                                                            for t in items[0].role.sent):
                    # a post taken or left ("will stay on as COO"), not a description ("is an engineer")
                    context_org = _dominant_organization(items[0].role)
        holders = [holder]
        if len(items) == 1 and items[0].role.kb_id_ and rule == "kgx.roles.title_before_name.v1":
            # "Vice Presidents Jane Roe and John Doe": the plural title is each one's
            holders = holders_after(doc, holder.start, index) or holders
        for holder in holders:
            for item in items:
                ministry = _ministry_of(item.role, index)
                if ministry is not None:  # "Minister of Health" heads the "Ministry of Health" the text names
                    yield Candidate(holder, Predicate.MEMBER_OF, ministry, 0.7, "kgx.roles.ministry.v1",
                                    evidence_span(holder, item.role))
            for n, item in enumerate(items):
                # "..., President and General Manager of Acme": a title shares the organization of the next one
                org = item.organization or context_org or next(
                    (i.organization for i in items[n + 1:] if i.organization is not None), None)
                ev = evidence_span(holder, item.role, org)
                yield Candidate(holder, Predicate.HAS_ROLE, item.role, conf, rule, ev, organization=org)
                if org is not None:
                    yield Candidate(holder, Predicate.MEMBER_OF, org, conf, rule, ev)


#: Verbs that say a person leads or works for an organization ("who heads the Institute",
#: "the Foundation led by X", "who now works for the Institute").
HEAD_VERBS = {"head", "lead", "chair", "direct", "run", "found", "co-found", "preside", "work"}


@extractors.register("kgx.roles.heads.v1")
def extract_heads(doc: Doc, context: Context) -> Iterator[Candidate]:
    """memberOf from a verb of leading: "X, who heads the Acme Institute", "X led the Acme
    Group", "the Acme Foundation, headed by X"."""
    index = mention_index(doc)
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in HEAD_VERBS:
            continue
        if verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ == "nsubjpass" for c in verb.children)):
            # "the Foundation headed by X", "the Choir was founded in 1980 by X"
            subj = verb.head if verb.dep_ == "acl" else next(c for c in verb.children if c.dep_ == "nsubjpass")
            org = index.get(subj.i)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            person = index.get(obj.i) if obj is not None else None
        else:  # "X heads the Institute", "X, who headed the Institute", "X works for the Institute"
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if verb.lemma_.lower() == "work":
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "at")), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            org = index.get(obj.i) if obj is not None else None
            if org is None and obj is not None and obj.lower_ in ("board", "committee") and verb.lemma_.lower() in (
                    "chair", "head", "lead"):
                org = _board_owner(doc, obj, index)  # "X, who chairs the board of Acme"
            person = _subject_person(verb, index)
        if person is not None and org is not None and person.label_ == "Person" and org.label_ == "Organization":
            yield Candidate(person, Predicate.MEMBER_OF, org, 0.7, "kgx.roles.heads.v1", evidence_span(person, org))


@extractors.register("kgx.roles.member_of.v1")
def extract_stated_membership(doc: Doc, context: Context) -> Iterator[Candidate]:
    """memberOf said with a verb: "X is a member of Acme", "X has been with Acme since 2001".

    >>> sorted(_MEMBER_WORDS)[:2]
    ['employee', 'member']
    """
    index = mention_index(doc)
    for tok in doc:
        org = None
        if tok.dep_ == "attr" and tok.lemma_.lower() in _MEMBER_WORDS | _MEMBER_NOUNS and tok.head.lemma_ == "be":
            org = _pobj_org(tok, "of", index)  # "is a member of", "was a fellow of"
        elif tok.lemma_ == "be" and tok.pos_ in ("AUX", "VERB") \
                and not any(c.dep_ in ("attr", "acomp") for c in tok.children):
            org = _pobj_org(tok, "with", index)  # "has been with Acme since 2001"
        if org is None:
            continue
        verb = tok.head if tok.dep_ == "attr" else tok
        person = _subject_person(verb, index)
        if person is not None and person.label_ == "Person":
            yield Candidate(person, Predicate.MEMBER_OF, org, 0.7, "kgx.roles.member_of.v1", evidence_span(person, org))


#: Verbs of a career move: "X came to Acme from Globex", "X joined Acme from Globex".
MOVE_VERBS = {"come", "move", "join", "switch", "transfer", "return"}


def _pobj_org(verb: Token, preposition: str, index: dict[int, Span]) -> Span | None:
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    span = index.get(obj.i) if obj is not None else None
    return span if span is not None and span.label_ == "Organization" else None


@extractors.register("kgx.roles.moves.v2")
def extract_moves(doc: Doc, context: Context) -> Iterator[Candidate]:
    """memberOf from a career move: "X joined Acme" (v2: the one rule for joining; before, the
    affiliation lists read it too), and where the text names both organizations, "X came to
    Acme from Globex five years ago", "X joined Acme from Globex" (a member of each, the second
    formerly). "X came to Acme" alone may be a visit, so it gives nothing.

    >>> sorted(MOVE_VERBS)[:3]
    ['come', 'join', 'move']
    """
    index = mention_index(doc)
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in MOVE_VERBS:
            continue
        joins = verb.lemma_.lower() == "join"
        former = _pobj_org(verb, "from", index)
        if former is None and not joins:
            continue
        if joins:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            current = index.get(obj.i) if obj is not None else None
            current = current if current is not None and current.label_ == "Organization" else None
        else:
            current = _pobj_org(verb, "to", index)
        person = _subject_person(verb, index)
        if current is None or person is None or person.label_ != "Person":
            continue
        for org in (current, former):
            if org is not None:
                yield Candidate(person, Predicate.MEMBER_OF, org, 0.65, "kgx.roles.moves.v2",
                                evidence_span(person, org))


_PORTFOLIO_FILLERS = {"minister", "ministry", "of", "for", "the", "and", "&", "state", "deputy", "vice", "senior"}


def _portfolio(words: list[str]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _PORTFOLIO_FILLERS)


def _ministry_of(role: Span, index: dict[int, Span]) -> Span | None:
    """The "Ministry of <portfolio>" the text names for a "Minister of/for <portfolio>" or a
    "<portfolio> Minister" ("Foreign Minister" -> "Ministry of Foreign Affairs")."""
    words = [t.lower_ for t in role]
    if "minister" not in words or "prime" in words:
        return None
    wanted = _portfolio(words)
    if not wanted:
        return None
    for span in mentions(role.doc, "Organization"):
        names = [t.lower_ for t in span]
        if names[:1] != ["ministry"]:
            continue
        have = _portfolio(names)
        if have == wanted or have == wanted | {"affairs"}:
            return span
    return None


#: Nouns for officials, after "and other <nationality>" ("and other Japanese senior officials").
_OFFICIALS = {"official", "officials", "leader", "leaders", "minister", "ministers", "diplomat", "diplomats",
              "representative", "representatives", "counterpart", "counterparts"}


@extractors.register("kgx.roles.represents.v1")
def extract_representation(doc: Doc, context: Context) -> Iterator[Candidate]:
    """memberOf from representing: "X signed on behalf of the Acme Group", "On behalf of
    Acme, X said", "X, representing the College, signed", and a government from a
    nationality said of the person: "his Ruritanian counterpart X", "X and other Ruritanian
    officials" (a person who represents a country is in its government)."""
    index = mention_index(doc)
    for tok in doc:
        if tok.lower_ == "behalf" and tok.head.lower_ in ("on", "in"):
            of = next((c for c in tok.children if c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            org = index.get(obj.i) if obj is not None else None
            if org is None or org.label_ != "Organization" and government_name(org.text) is None:
                continue
            person = _representative(tok.head, org, index)
            if person is not None:
                yield Candidate(person, Predicate.MEMBER_OF, _as_organization(org), 0.7, "kgx.roles.represents.v1",
                                evidence_span(person, org))
        elif tok.lemma_.lower() == "represent" and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            org = index.get(obj.i) if obj is not None else None
            person = _subject_person(tok, index)
            passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if passive is not None and agent is not None:  # "Acme was represented by X"
                by = next((c for c in agent.children if c.dep_ == "pobj"), None)
                org, person = index.get(passive.i), index.get(by.i) if by is not None else None
            if person is None and tok.dep_ == "acl":
                person = index.get(tok.head.i)  # "X, Dean of Y, representing the College,"
            if org is not None and org.label_ == "Organization" and person is not None and person.label_ == "Person":
                yield Candidate(person, Predicate.MEMBER_OF, org, 0.7, "kgx.roles.represents.v1",
                                evidence_span(person, org))
        elif tok.lower_ in _OFFICIALS and tok.i >= 2:
            yield from _nationality_of(doc, tok, index)


def _representative(on: Token, org: Span, index: dict[int, Span]) -> Span | None:
    """Who acts "on behalf of": the person right after the phrase's comma ("On behalf of
    Acme, X said", "Signing the deal on behalf of Acme, X said"), else the subject of the
    verb the phrase hangs on ("X signed the deal on behalf of Acme")."""
    doc = on.doc
    bracketed = org.end + 2 < len(doc) and doc[org.end].text == "(" and doc[org.end + 2].text == ")"
    end = org.end + 3 if bracketed else org.end
    if end + 1 < len(doc) and doc[end].text == "," and not any(index.get(t.i) is not None
                                                               and index[t.i].label_ == "Person"
                                                               for t in doc[on.sent.start : on.i]):
        person = _person_starting(doc, end + 1, index)
        if person is not None:
            return person
    verb = on.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return _subject_person(verb, index) if verb.pos_ in ("VERB", "AUX") else None


def _nationality_of(doc: Doc, tok: Token, index: dict[int, Span]) -> Iterator[Candidate]:
    """ "his Ruritanian counterpart(,) X" and "X and other Ruritanian (senior) officials"."""
    k = tok.i - 1
    while k > 0 and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k -= 1  # "senior"
    country = doc[k]
    if not country.is_title or government_name(country.text) is None:
        return
    gov = _government(doc, k, k + 1)
    if tok.lower_ in ("counterpart", "counterparts") and k > 0 and doc[k - 1].tag_ == "PRP$":
        j = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
        person = _person_starting(doc, j, index)
        if person is not None:
            yield Candidate(person, Predicate.MEMBER_OF, gov, 0.7, "kgx.roles.represents.v1",
                            evidence_span(country, person))
            title = _title_of_counterpart(doc, k - 1, index)
            if title is not None:  # "Foreign Minister X and his Ruritanian counterpart Y": Y holds the same title
                yield Candidate(person, Predicate.HAS_ROLE, title, 0.65, "kgx.roles.counterpart.v1",
                                evidence_span(title, person), organization=gov)
    elif k >= 2 and doc[k - 1].lower_ == "other" and doc[k - 2].lower_ == "and":
        i = k - 3  # walk back over the coordinated people: "A and with B and other ..."
        while i >= 0:
            span = index.get(i)
            if span is not None and span.label_ == "Person" and span.end == i + 1:
                yield Candidate(span, Predicate.MEMBER_OF, gov, 0.65, "kgx.roles.represents.v1",
                                evidence_span(span, tok))
                i = span.start - 1
            elif span is not None and span.label_ == "Role" or doc[i].lower_ in ("and", "with", ",") \
                    or doc[i].lower_.rstrip(".") in HONORIFIC_TOKENS:
                i -= 1
            else:
                break


def _title_of_counterpart(doc: Doc, its: int, index: dict[int, Span]) -> Span | None:
    """The title written right before the person "his/her" refers to in "<Title> X and his
    <nationality> counterpart": the person just before "and", with the title before the name."""
    if its < 2 or doc[its - 1].lower_ != "and":
        return None
    person = index.get(its - 2)
    if person is None or person.label_ != "Person" or person.end != its - 1 or person.start == 0:
        return None
    title = index.get(person.start - 1)
    return title if title is not None and title.label_ == "Role" and title.end == person.start else None


#: Nouns for a group of people who act for an organization ("the Acme team: ...").
_TEAM_WORDS = {"team", "delegation", "delegations", "representatives", "negotiators", "staff", "crew"}
#: Words that open the list of a team's members.
_LIST_OPENERS = {":", "include", "comprise", "consist", "compose", "lead", "head", "be"}
_LIST_JOINERS = {",", ";", "and", ":", "by", "of", "include", "includes", "included", "including", "was", "were",
                 "are", "is"}


@extractors.register("kgx.roles.team.v1")
def extract_team_members(doc: Doc, context: Context) -> Iterator[Candidate]:
    """memberOf from a team's list: "The Acme team: Ana Ruiz, legal counsel; John Doe, CFO",
    "the Globex delegation, led by Jane Roe,", "Acme's team included Jane Roe and John Doe"."""
    index = mention_index(doc)
    for tok in doc:
        if tok.lower_ not in _TEAM_WORDS:
            continue
        org = _team_owner(doc, tok, index)
        if org is None:
            continue
        j = tok.i + 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
        opener = doc[j] if j < len(doc) else None
        if opener is None or opener.text != ":" and opener.lemma_.lower() not in _LIST_OPENERS:
            continue
        for person in _listed_people(doc, j, index):
            yield Candidate(person, Predicate.MEMBER_OF, _as_organization(org), 0.7, "kgx.roles.team.v1",
                            evidence_span(tok, person))


def _team_owner(doc: Doc, team: Token, index: dict[int, Span]) -> Span | None:
    """The organization a team word belongs to: "Acme('s) team", "the team of/from Acme",
    "the Ruritanian delegation" (a country's government)."""
    k = team.i - 1
    while k > 0 and team.i - k <= 2 and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k -= 1  # "the Acme negotiating team"
    if k >= 1 and doc[k].tag_ == "POS":
        k -= 1
    span = index.get(k) if k >= 0 else None
    if span is not None and span.end == k + 1 and _org_like(span):
        return span if span.label_ == "Organization" or government_name(span.text) else None
    if k >= 0 and span is None and doc[k].is_title and government_name(doc[k].text):
        return _government(doc, k, k + 1)  # "the Norwegian delegation"
    if team.i + 2 < len(doc) and doc[team.i + 1].lower_ in ("of", "from"):
        m = team.i + 2 + (doc[team.i + 2].lower_ == "the")
        span = index.get(m)
        if span is not None and span.start == m and span.label_ == "Organization":
            return span
    return None


def _listed_people(doc: Doc, j: int, index: dict[int, Span]) -> list[Span]:
    """The people named in the list that starts at ``j``, to the end of the sentence; an item
    may carry a title ("Ana Ruiz, legal counsel;")."""
    found = []
    end = doc[j].sent.end
    i = j
    while i < end:
        span = index.get(i)
        if span is not None and span.start == i and span.label_ == "Person":
            before = i - 1
            while before > j and doc[before].lower_.rstrip(".") in HONORIFIC_TOKENS:
                before -= 1
            if before < j or doc[before].lower_ in _LIST_JOINERS or doc[before].lemma_.lower() in _LIST_OPENERS:
                found.append(span)
            i = span.end
            continue
        if doc[i].lower_ in ("said", "says", "who", "which") or doc[i].text == ".":
            break
        i += 1
    return found


@extractors.register("kgx.roles.affiliation_lists.v2")
def extract_listed_affiliations(doc: Doc, context: Context) -> Iterator[Candidate]:
    """memberOf from how lists of people name their organizations: "Jane Roe (Acme Corp)",
    "Speakers: Jane Roe, Acme Corp; John Doe, Globex", "Jane Roe from the Acme Institute said",
    "Jane Roe and John Doe, both of Acme Corp" (v2: "X joined Acme" is the career moves' rule alone)."""
    index = mention_index(doc)
    for person in mentions(doc, "Person"):
        j = person.end
        org = None
        if j + 2 < len(doc) and doc[j].text == "(":
            org = index.get(j + 1)  # "Jane Roe (Acme Corp)"
            if org is None or org.start != j + 1 or org.end >= len(doc) or doc[org.end].text != ")":
                org = None
        elif j + 1 < len(doc) and doc[j].text == "," and _list_item(doc, person):
            org = index.get(j + 1)  # "Jane Roe, Acme Corp;"
            if org is None or org.start != j + 1 or not (org.end >= len(doc) or doc[org.end].text in (";", ".")
                                                         or line_ends_at(doc, org.end)):
                org = None
        elif j + 1 < len(doc) and doc[j].lower_ == "from" and _subject_of_clause(person):
            k = j + 1 + (doc[j + 1].lower_ == "the")
            org = index.get(k) if k < len(doc) else None  # "Jane Roe from the Acme Institute said"
            if org is not None and org.start != k:
                org = None
        if org is not None and org.label_ == "Organization":
            yield Candidate(person, Predicate.MEMBER_OF, org, 0.6, "kgx.roles.affiliation_lists.v2",
                            evidence_span(person, org))
    for tok in doc:
        if tok.lower_ in ("both", "all") and tok.i > 2 and doc[tok.i - 1].text == "," and tok.i + 2 < len(doc) \
                and doc[tok.i + 1].lower_ in ("of", "from", "at"):
            k = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
            org = index.get(k) if k < len(doc) else None  # "Jane Roe and John Doe, both of Acme Corp"
            if org is not None and org.label_ == "Organization" and org.start == k:
                for person in _people_before(doc, tok.i - 1, index):
                    yield Candidate(person, Predicate.MEMBER_OF, org, 0.65, "kgx.roles.affiliation_lists.v2",
                                    evidence_span(person, org))
        if tok.lower_ in ("board", "boards") and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on"):
            org = _board_owner(doc, tok, index)  # "appointed to the board of directors of Acme"
            verb = tok.head.head
            member = _subject_person(verb, index) if verb.pos_ in ("VERB", "AUX") else None
            if org is not None and member is not None:
                yield Candidate(member, Predicate.MEMBER_OF, org, 0.65, "kgx.roles.affiliation_lists.v2",
                                evidence_span(member, org))


def _people_before(doc: Doc, end: int, index: dict[int, Span]) -> list[Span]:
    """The coordinated people that end right before ``end`` ("Jane Roe, John Doe and Ola Hansen")."""
    found = []
    i = end - 1
    while i >= 0:
        span = index.get(i)
        if span is None or span.label_ != "Person" or span.end != i + 1:
            break
        found.append(span)
        i = span.start - 1
        if i >= 0 and doc[i].lower_ in ("and", ","):
            i -= 1 + (i > 0 and doc[i].lower_ == "and" and doc[i - 1].text == ",")
        else:
            break
    return found if len(found) >= 2 else []


def _board_owner(doc: Doc, board: Token, index: dict[int, Span]) -> Span | None:
    """The organization whose unnamed board it is: "the board (of directors) of Acme"."""
    k = board.i + 1
    if k + 1 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].lower_ in ("directors", "trustees", "governors"):
        k += 2
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    k += 1 + (doc[k + 1].lower_ == "the")
    org = index.get(k) if k < len(doc) else None
    return org if org is not None and org.start == k and org.label_ == "Organization" else None


def _list_item(doc: Doc, person: Span) -> bool:
    """The person opens an item of a list: after ":", ";" or a line break."""
    i = person.start - 1
    while i >= 0 and doc[i].lower_.rstrip(".") in HONORIFIC_TOKENS:
        i -= 1
    return i < 0 or doc[i].text in (":", ";", "•", "-", "–") or doc[i].lower_ == "and" and i > 0 \
        and doc[i - 1].text == ";" or line_ends_at(doc, i + 1)

