"""The ``kgx_events`` component: the conferences, meetings and visits a release is about.

Three kinds of Event mentions are found:

- named events: a run of capitalised words holding a capitalised event noun
  ("22nd Republic of Korea – United Nations Joint Conference on ...",
  "REAIM Summit", "Operation Unified Protector"), which replace the ORG/GPE
  pieces spaCy cut them into;
- event phrases: a noun phrase headed by an event noun or a multi-word entry
  of the list ("the handover ceremony", "a memorial service for ...", "the
  Oct. 14 dedication of ..."), its complement ending before a comma or
  relative clause; a weak noun counts when someone hosts or leads it ("hosted
  a dinner", "led them on a guided tour");
- short names: a named event's bracketed short name and its later uses
  ("... Forum on Water (WF-3)", "attending WF-3");
- event verbs: "X met Y", "X will travel to Berlin", "X visited Tokyo" stand
  for a meeting or a visit even when no noun names it (the span is the verb);
  so do the trigger shapes of ``event_triggers.v1.json`` ("A and B signed an
  agreement", "was received by the Mayor", "inaugurated the office"). A
  group ("a delegation", "the team") is a subject as good as a person.

The span's ``kb_id_`` records the kind and the head noun ("named:summit",
"phrase:ceremony", "verb:meeting").
Which mentions are the same event is decided in ``resolve``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, SENT_START
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kgextract.base.gazetteers import (
    BODY_WORDS,
    EVENT_KINDS,
    EVENT_NOUNS,
    load_list,
    load_sections,
)
from kgextract.nlp.doc_index import remembering
from kgextract.nlp.doc_index import tokens as token_list
from kgextract.nlp.event_triggers import load_triggers
from kgextract.nlp.extensions import MENTIONS

__all__ = ["Events", "make_events", "VERB_EVENTS", "STRONG_EVENT_NOUNS"]

#: Event verbs and the noun that names the event they stand for.
VERB_EVENTS = {"meet": "meeting", "visit": "visit", "travel": "visit"}

#: Verbs that make a visit only with a destination ("continue to Seoul").
MOTION_VERBS = {"continue", "go", "fly", "arrive", "head", "proceed"}
_NAME_CONNECTORS = {"of", "on", "and", "for", "the", "&", "-", "–", "—", "in", "to"}
_ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "annual", "inaugural",
}
_NOT_EVENT_DETS = {"any", "every", "no", "each", "such", "these", "those", "future", "other"}
#: Event nouns that name an event on their own ("the meeting"); the others
#: ("dedication", "reception", "service") need a modifier or complement.
STRONG_EVENT_NOUNS = load_sections(EVENT_KINDS)["strong"]
#: Capitalised words that end organisation names, never event names.
_ORG_ENDINGS = load_sections(BODY_WORDS)["org_endings"]


@Language.factory("kgx_events", default_config={"event_nouns": EVENT_NOUNS,
                                                 "event_triggers": "event_triggers.v1"},
                  requires=["doc.spans"], assigns=["doc.spans"])
def make_events(nlp: Language, name: str, event_nouns: str, event_triggers: str) -> Events:
    """Build the component; ``event_nouns`` names the gazetteer of event head nouns,
    ``event_triggers`` the DependencyMatcher shapes of event verbs."""
    return Events(event_nouns, event_triggers, vocab=nlp.vocab)


class Events:
    """Add ``Event`` spans to ``doc.spans[MENTIONS]``."""

    def __init__(self, event_nouns: str = EVENT_NOUNS, event_triggers: str = "event_triggers.v1",
                 vocab=None):
        nouns = set(load_list(event_nouns))
        self.nouns = {n for n in nouns if " " not in n}
        #: multi-word entries ("memorial service") by their last word; a group or committee is a body
        self.multi: dict[str, set[tuple[str, ...]]] = {}
        for entry in nouns:
            words = tuple(entry.split())
            if len(words) > 1 and words[-1] not in _BODY_HEADS:
                self.multi.setdefault(words[-1], set()).add(words[:-1])
        self.named_nouns = self.nouns - _ORG_ENDINGS - {"convention"} | {"operation", "mission"}
        self.documents = load_list("agreement_nouns.v1")  # what is signed is no organization
        triggers = load_triggers(event_triggers)
        self.group_nouns = triggers.group_nouns
        self.triggers = {t.id: t for t in triggers.triggers}
        #: where in a match the signed document is (the node named "document" in the pattern)
        self.document_node = {t.id: i for t in triggers.triggers for i, node in enumerate(t.pattern)
                              if node.get("RIGHT_ID") == "document"}
        self.matcher = None
        if vocab is not None:
            self.matcher = DependencyMatcher(vocab)
            for trigger in triggers.triggers:
                self.matcher.add(trigger.id, [trigger.pattern])
        #: the lemmas a trigger's anchor (its first node) may have, or None when some anchor
        #: names no lemma list: a text with none of them holds no match, and the matcher
        #: (a pass over every token for every node) need not run
        self.anchor_lemmas: frozenset[str] | None = frozenset()
        self._anchor_ids: numpy.ndarray | None = None  # their string ids, built on first use
        for trigger in triggers.triggers:
            lemma = trigger.pattern[0].get("RIGHT_ATTRS", {}).get("LEMMA")
            if isinstance(lemma, dict) and set(lemma) == {"IN"}:
                self.anchor_lemmas |= frozenset(lemma["IN"])
            elif isinstance(lemma, str):
                self.anchor_lemmas |= {lemma}
            else:
                self.anchor_lemmas = None
                break

    def __call__(self, doc: Doc) -> Doc:
        with remembering(doc):  # the token list is shared by the passes
            return self._mark(doc)

    def _mark(self, doc: Doc) -> Doc:
        mentions = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
        events = self._named(doc)
        taken = {i for s in events for i in range(s.start, s.end)}
        for span in _short_names(doc, events, taken):
            events.append(span)
            taken.update(range(span.start, span.end))
        for span in self._phrases(doc) + self._verbs(doc) + self._triggered(doc):
            if not taken.intersection(range(span.start, span.end)):
                events.append(span)
                taken.update(range(span.start, span.end))
        kept = [m for m in mentions if not taken.intersection(range(m.start, m.end))
                and not (m.label_ == "Organization" and m.text.lower() in self.documents)]  # "the MoU"
        doc.spans[MENTIONS] = sorted(kept + events, key=lambda s: (s.start, s.end))
        return doc

    def _named(self, doc: Doc) -> list[Span]:
        out = []
        toks = token_list(doc)  # every token is looked at, most more than once: the Token objects are built once
        i = 0
        n = len(doc)
        while i < n:
            if not _cap(toks[i]) or toks[i].lower_ == "the" or toks[i].ent_type_ in ("DATE", "TIME"):
                i += 1
                continue
            j = i
            has_noun = False
            head = ""
            while j < n:
                tok = toks[j]
                if tok.ent_type_ in ("DATE", "TIME") and j > i:
                    break
                if _cap(tok) or tok.like_num and j == i:
                    if tok.lower_ in self.named_nouns and tok.is_title and _ends_name(doc, j, i):
                        has_noun = True
                        head = tok.lower_
                    j += 1
                elif (tok.lower_ in _NAME_CONNECTORS and j + 1 < n
                      and (_cap(toks[j + 1]) or toks[j + 1].lower_ == "the")):
                    if tok.lower_ in ("in", "to") and (toks[j + 1].ent_type_ in ("GPE", "LOC") or tok.lower_ == "to"):
                        break
                    if tok.lower_ == "and" and toks[j + 1].is_upper and toks[j + 1].ent_type_ in ("ORG", "GPE"):
                        break  # "Operation Unified Protector and ISAF": a list, not one name
                    j += 1
                elif tok.text in ("-", "–") or (j > i and toks[j - 1].text in ("-",) and tok.is_lower):
                    j += 1
                else:
                    break
            end = j
            while end > i and toks[end - 1].lower_ in _NAME_CONNECTORS:
                end -= 1
            if has_noun and end == i + 1 and toks[i].lower_ in self.nouns and i > 0 and _ordinal(toks[i - 1]):
                # "the Council's 12th Session": a numbered sitting is named ("12th Session of the Council")
                out.append(Span(doc, i - 1, end, label="Event", kb_id=f"named:{toks[i].lower_}"))
            elif has_noun and end == i + 1 and toks[i].lower_ in self.nouns:
                # "the Conference": a capitalised back-reference, not a name
                out.append(Span(doc, i, end, label="Event", kb_id=f"phrase:{toks[i].lower_}"))
            elif has_noun and end > i and toks[i].i not in self._role_starts(doc):
                start = i
                if start > 0 and (toks[start - 1].lower_ in _ORDINAL_WORDS or toks[start - 1].like_num):
                    start -= 1
                if end < n and toks[end].lower_ in self.nouns and toks[end].is_lower:
                    head = toks[end].lower_
                    end += 1  # "NATO Foreign Ministerial meeting"
                if any(t.lower_ in ("signing", "signature") for t in toks[start:end]):
                    head = "signing"  # "Signing Ceremony for the Agreement ...": the signing
                out.append(Span(doc, start, end, label="Event", kb_id=f"named:{head}"))
            elif end < n and toks[end].is_lower and toks[end].lower_ in self.nouns and end > i:
                start = i - 1 if i > 0 and toks[i - 1].lower_ in _ORDINAL_WORDS else i
                out.append(Span(doc, start, end + 1, label="Event", kb_id=f"named:{toks[end].lower_}"))
                j = end + 1
            i = max(j, i + 1)
        return out

    def _role_starts(self, doc: Doc) -> set[int]:
        return {s.start for s in doc.spans.get(MENTIONS, []) if s.label_ == "Role"}

    def _phrases(self, doc: Doc) -> list[Span]:
        out = []
        for tok in doc:
            multi = self._multi_word(tok)
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.nouns and not multi or tok.tag_ == "NNS":
                continue
            if tok.dep_ == "compound":
                continue
            dets = [c for c in tok.lefts if c.dep_ == "det"]
            if dets and dets[0].lower_ in _NOT_EVENT_DETS:
                continue
            mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod", "npadvmod")]
            of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "on")), None)
            if tok.lemma_.lower() not in STRONG_EVENT_NOUNS and of is None and not multi and not _hosted(tok) \
                    and not any(c.dep_ in ("compound", "nmod") for c in mods):
                continue  # "his dedication", "a warm reception": not an event without more
            start = min([c.left_edge.i for c in mods] + [tok.i])
            while start < tok.i and (doc[start].is_punct or doc[start].pos_ in ("DET", "PRON")):
                start += 1
            end = tok.i + 1
            if of is not None:
                obj = next((c for c in of.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    end = max(end, max(t.i for t in obj.subtree) + 1)
                    # "the annual meeting of the diplomats, which gathers ...": the name ends at the comma
                    cut = min([t.i for t in doc[obj.i:end] if t.text == ","]
                              + [t.left_edge.i for t in doc[obj.i:end] if t.dep_ == "relcl"] + [end])
                    end = max(tok.i + 1, cut)
            head = tok.lemma_.lower()
            if any(c.dep_ == "compound" and c.lower_ in ("signing", "signature") for c in tok.lefts):
                head = "signing"  # "the signing ceremony" is the signing, whatever its head noun
            out.append(Span(doc, start, end, label="Event", kb_id=f"phrase:{head}"))
        return out

    def _multi_word(self, tok: Token) -> bool:
        """``tok`` ends a multi-word event noun of the list ("a memorial service", "a guided tour")."""
        doc = tok.doc
        for before in self.multi.get(tok.lemma_.lower(), ()):
            start = tok.i - len(before)
            if start >= 0 and tuple(t.lower_ for t in doc[start:tok.i]) == before:
                return True
        return False

    def _verbs(self, doc: Doc) -> list[Span]:
        out = []
        for tok in doc:
            noun = VERB_EVENTS.get(tok.lemma_.lower())
            if noun is None and tok.lemma_.lower() in MOTION_VERBS and _goes_to_place(tok):
                noun = "visit"  # "will continue to Seoul"
            if noun is None or tok.pos_ != "VERB":
                continue
            if tok.dep_ in ("xcomp", "ccomp", "pcomp") or not _has_person_subject(tok, self.group_nouns):
                continue  # "invited him to visit": not (yet) an event
            out.append(Span(doc, tok.i, tok.i + 1, label="Event", kb_id=f"verb:{noun}"))
        return out

    def _triggered(self, doc: Doc) -> list[Span]:
        """Events stated by the trigger shapes ("A and B signed an agreement"): the span is the verb."""
        if self.matcher is None:
            return []
        matches = self._trigger_matches(doc)
        if not matches:
            return []
        out: dict[int, Span] = {}
        label_at = {i: s.label_ for s in doc.spans.get(MENTIONS, []) for i in range(s.start, s.end)}
        for match_id, tokens in sorted(matches, key=lambda m: m[1]):
            trigger = self.triggers[doc.vocab.strings[match_id]]
            verb = doc[tokens[0]]
            if verb.i in out or verb.dep_ in ("xcomp", "pcomp"):
                continue  # "agreed to sign": not (yet) an event ("was signed, the release said" is one)
            if verb.tag_ == "VBG" and verb.dep_ not in ("advcl", "ROOT") \
                    and not any(c.dep_ == "agent" for c in verb.children):  # "the signing by A and B of X" is one
                continue  # "cooperation in ... concluding a contract": a topic, not an occurrence
            document = self.document_node.get(trigger.id)
            if trigger.unless and document is not None and any(
                    t.lemma_.lower() in trigger.unless for t in doc[tokens[document]].subtree):
                continue  # "an agreement under which A will acquire B": a deal, not a signing
            if any(_vague_amount(doc[i]) for i in tokens[1:]):
                continue  # "has signed more than 40 agreements": a record, not an occurrence
            if trigger.subject == "person" and not self._person_subject(verb, label_at):
                continue  # "The Summit is hosted by ...": not a reception
            out[verb.i] = Span(doc, verb.i, verb.i + 1, label="Event", kb_id=f"verb:{trigger.event}")
        return [out[i] for i in sorted(out)]

    def _trigger_matches(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """The trigger matcher's ``(match_id, token indices)``, run only on the sentences holding an anchor lemma.

        The matcher tries every node of every pattern on every token it is given, so a whole release costs
        it far more than the few sentences with a trigger verb; a dependency tree never crosses a sentence,
        so the matches are the same.
        """
        assert self.matcher is not None
        if self.anchor_lemmas is None:
            return [(key, list(tokens)) for key, tokens in self.matcher(doc)]
        if self._anchor_ids is None:
            self._anchor_ids = numpy.array(sorted(get_string_id(lemma) for lemma in self.anchor_lemmas),
                                           dtype=numpy.uint64)
        columns = doc.to_array([LEMMA, SENT_START])
        hits = numpy.flatnonzero(numpy.isin(columns[:, 0], self._anchor_ids))
        if not len(hits):
            return []
        starts = numpy.flatnonzero(columns[:, 1].astype(numpy.int64) == 1)
        starts = numpy.union1d(starts, [0]).astype(numpy.int64)  # doc.sents: token 0 always starts one
        bounds = numpy.append(starts, len(doc))
        out: list[tuple[int, list[int]]] = []
        for k in numpy.unique(numpy.searchsorted(starts, hits, side="right") - 1):
            start, end = int(bounds[k]), int(bounds[k + 1])
            out.extend((key, [start + i for i in tokens]) for key, tokens in self.matcher(doc[start:end].as_doc()))
        return out

    def _person_subject(self, verb: Token, label_at: dict[int, str]) -> bool:
        """Stricter than ``_has_person_subject``: a proper noun counts only as a person or title."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(s.ent_type_ == "PERSON" or s.pos_ == "PRON" or s.lower_ in self.group_nouns
                   or label_at.get(s.i) in ("Person", "Role") for s in subj)


def _short_names(doc: Doc, named: list[Span], taken: set[int]) -> list[Span]:
    """The short name a named event is given in brackets ("... Forum on Water (WF-3)") and its
    later uses ("Delegates attending WF-3"): the same event, under the same head noun.

    >>> import spacy
    >>> doc = spacy.blank("en")("the Baltic Water Forum (BWF-2) opened. BWF-2 ended.")
    >>> [(s.text, s.kb_id_) for s in _short_names(doc, [Span(doc, 1, 4, kb_id="named:forum")], set(range(1, 4)))]
    [('BWF-2', 'named:forum'), ('BWF-2', 'named:forum')]
    """
    out: list[Span] = []
    for event in named:
        if not event.kb_id_.startswith("named") or event.end + 2 >= len(doc) or doc[event.end].text != "(":
            continue
        close = next((j for j in range(event.end + 2, min(len(doc), event.end + 5)) if doc[j].text == ")"), None)
        if close is None:
            continue
        short = [t.text for t in doc[event.end + 1:close]]
        if not any(c.isupper() for c in "".join(short)) or not short[0][:1].isupper():
            continue  # "(see below)": no name
        for i in range(event.end + 1, len(doc) - len(short) + 1):
            if [t.text for t in doc[i:i + len(short)]] == short and not taken.intersection(range(i, i + len(short))):
                out.append(Span(doc, i, i + len(short), label="Event", kb_id=event.kb_id_))
                taken.update(range(i, i + len(short)))
    return out


#: Last words of multi-word list entries that name a body, not an occurrence ("working group").
_BODY_HEADS = load_sections(BODY_WORDS)["list_heads"]
#: Verbs whose object is an occurrence someone gives ("hosted a dinner", "gave a reception").
_HOSTING_VERBS = {"host", "give", "throw", "offer", "organize", "organise", "hold", "lead"}


def _hosted(tok: Token) -> bool:
    """ "hosted a dinner", "led them on a tour": a weak event noun given by someone is an occurrence."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("on", "to"):
        head = head.head  # "led them on a tour", "hosted the delegates to a dinner"
    elif tok.dep_ != "dobj":
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in _HOSTING_VERBS


def _ends_name(doc: Doc, j: int, start: int) -> bool:
    """An event noun heads a name when the name ends there or goes on with "on/of/for ..."
    ("Joint Conference on ...", "Summit"), not "Asian Operation Chrysler Group";
    "Operation"/"Mission" at the start name a military operation ("Operation Unified Protector")."""
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if nxt is None or not _cap(nxt) or nxt.is_sent_start:
        return True
    return j == start and doc[j].lower_ in ("operation", "mission")


_VAGUE_AMOUNTS = {"more", "many", "several", "numerous", "dozens", "hundreds", "over", "some", "various", "multiple"}


def _vague_amount(tok: Token) -> bool:
    """ "more than 40 agreements", "several partnerships": many occurrences summed up, none in particular."""
    return any(c.lower_ in _VAGUE_AMOUNTS for c in tok.subtree if c.i < tok.i)


def _ordinal(tok: Token) -> bool:
    """ "12th", "3rd", "fifth": a number that makes "Session" a particular one."""
    text = tok.lower_
    return text[:1].isdigit() and text[-2:] in ("st", "nd", "rd", "th") or text in _ORDINAL_WORDS - {"annual"}


def _cap(tok: Token) -> bool:
    return (tok.is_alpha and (tok.is_title or tok.is_upper)
            or tok.text[:1].isdigit() and tok.text[-2:] in ("st", "nd", "rd", "th"))


def _goes_to_place(verb: Token) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
            if any(c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in prep.children):
                return True
    return False


def _has_person_subject(verb: Token, groups: frozenset[str] = frozenset()) -> bool:
    """The verb's subject is a person, a pronoun, a titled person or a group ("a delegation")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ in ("xcomp", "conj"):
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(s.ent_type_ == "PERSON" or s.pos_ in ("PROPN", "PRON") or _title_head(s)
               or s.lower_ in groups for s in subj)


def _title_head(tok: Token) -> bool:
    return any(c.ent_type_ == "PERSON" for c in tok.subtree)
