"""Roles in time: the ``start``, ``end`` and ``status`` of memberships (``hasRole``, ``memberOf``).

The qualifiers are read around the evidence of each membership the role
extractors found, from what the text states, and resolved against the
release's own date (its ``datePublished``):

- the verb the title hangs on ("*appointed* CFO", "*stepped down* as CEO",
  "*served* as director") says which end of the membership its dates give:
  a verb of taking up a post gives the start ("effective 1 July", "in 2010",
  "as of 10 July"), a verb of leaving gives the end ("will retire on 31
  March", "concluded his term on 30 September"); "since 2015" is always a
  start, "until 2019" an end, "from 2010 to 2015" both;
- "with immediate effect" / "effective immediately" is the release's date;
- ``status`` is ``future`` for a post not yet taken up ("will become",
  "will succeed X as", "incoming", "CEO-designate", a start after the
  release's date), ``former`` for a post no longer held ("former",
  "previous", "has stepped down", "served as" in the past, an end on or
  before the release's date); "outgoing" is still held (no status);
- "Mr. Roe will assume his new duties on 1 February" dates the post the
  release says he was appointed to, in another sentence.

The word lists are ``data/tenure.v1.txt``. Each qualifier carries its own
evidence (the stretch of the sentence from the title to the date or word it
was read from), a confidence and a versioned extractor name
(``kgx.tenure.start.v1`` ...). :func:`qualify` returns the candidates with
their qualifiers; ``resolve`` merges them onto the relations.

>>> import datetime as dt
>>> iso_before("2023-10", dt.date(2023, 10, 5)), iso_after("2024", dt.date(2023, 10, 5))
(False, True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from kgextract.base.dates import MONTH_NAMES, RELATIVE_PERIOD, find_dates, relative_period
from kgextract.base.gazetteers import load_sections
from kgextract.models import MembershipStatus, Predicate
from kgextract.relations.registry import Candidate, Context
from kgextract.relations.spans import HONORIFIC_TOKENS, antecedent, evidence_span, mention_index

__all__ = ["TENURE_WORDS", "QualifierCandidate", "qualify", "release_date", "verb_class", "iso_before", "iso_after"]

#: The word lists in use.
TENURE_WORDS = "tenure.v1"

_BARE_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTH_NAMES)
                         + r")\b(?!\s*\d)(?:\s+of\s+(this|last|next)\s+year)?")
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_PAST_AUX = {"was", "were", "had"}
_PERFECT_AUX = {"has", "have", "'s", "'ve"}


@dataclass(frozen=True)
class QualifierCandidate:
    """One qualifier of a membership candidate: ``field`` is ``start``, ``end`` or ``status``."""

    field: str
    value: str
    confidence: float
    extractor: str
    evidence: Span


@cache
def _words(name: str) -> dict[str, frozenset[str]]:
    return {k: frozenset(w.replace("_", " ") for w in v) for k, v in load_sections(name).items()}


def release_date(context: Context) -> dt.date | None:
    """The release's own date: the dateline's day, else the page's; ``None`` when the text gives none.

    (Not ``context.reference_date``, which may be a mid-year stand-in for placing dates.)
    """
    line = context.dateline
    value = getattr(getattr(line, "date", None), "start", None)
    if value is None and context.document.date:
        value = context.document.date[:10]
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def iso_before(value: str, day: dt.date) -> bool:
    """True when the ISO value (day, month or year) lies wholly before ``day``."""
    return value < day.isoformat()[: len(value)]


def iso_after(value: str, day: dt.date) -> bool:
    """True when the ISO value lies wholly after ``day``."""
    return value > day.isoformat()[: len(value)]


# --- the verb a title hangs on ------------------------------------------------------------


def _phrase_lemmas(verb: Token) -> list[str]:
    """The verb's lemma with its particle or object ("step down", "take office", "step into")."""
    lemma = verb.lemma_.lower()
    out = []
    for child in verb.children:
        if child.dep_ in ("prt", "dobj", "prep") and child.i > verb.i:
            out.append(f"{lemma} {child.lemma_.lower()}")
    return out + [lemma]


def verb_class(tok: Token, name: str = TENURE_WORDS) -> str | None:
    """``leave``, ``join`` or ``hold`` for a verb (or noun: "appointment") of office, else None."""
    words = _words(name)
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in words.get("leave_duties", ()):
        objects = [c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        return "leave" if any(o in words["duties"] for o in objects) else None
    for form in _phrase_lemmas(tok) if tok.pos_ in ("VERB", "AUX") else [tok.lemma_.lower()]:
        for kind in ("leave", "join", "hold"):
            if form in words.get(kind, ()) or (
                    tok.pos_ not in ("VERB", "AUX") and form in words.get(kind + "_noun", ())):
                return kind
    return None


def _tense(verb: Token) -> str:
    """``future``, ``perfect``, ``progressive``, ``past`` or ``present`` of a verb (from its auxiliaries)."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    probe = verb
    while not auxes and probe.dep_ in ("conj", "xcomp") and probe.head.i != probe.i:
        probe = probe.head  # "will step down and retire", "is to become"
        auxes = [c.lower_ for c in probe.children if c.dep_ in ("aux", "auxpass")]
        if probe.lemma_ == "be" and "to" in [c.lower_ for c in verb.children]:
            return "future"
    if any(a in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a in _PERFECT_AUX for a in auxes) and verb.tag_ == "VBN":
        return "perfect"
    if verb.tag_ == "VBG" and any(a in ("is", "are", "am", "'s", "'re") for a in auxes):
        return "progressive"
    if verb.tag_ == "VBD" or probe.tag_ == "VBD" or any(a in _PAST_AUX for a in auxes):
        return "past"
    return "present"


@dataclass
class _Anchor:
    verb: Token | None
    descriptor: bool  # the title only describes its holder ("ILO Director-General Guy Ryder ...")
    complement: bool = False  # the title is what the verb says ("was CFO", "served as CFO", "worked for Acme")


def _anchor(target: Span, holder: Span, index: dict[int, Span]) -> _Anchor:
    """Climb the parse from the title (or organization) to the verb (or office noun) it hangs on.

    A verb that is not one of office ("including", "accept") is climbed past to the
    next one that is ("has served in roles ... including interim CEO"); failing that,
    the nearest verb of office before the title is taken (the parse may hang "as CFO"
    on a later verb: "stepping down as CFO, ..., to accept ...").
    """
    tok = target.root
    descriptor = through_as = False
    first: Token | None = None
    for _ in range(10):
        if tok.i not in range(target.start, target.end):
            span = index.get(tok.i)
            through_as = through_as or tok.lower_ == "as"
            if span is not None and span.label_ == "Person" and not through_as:
                descriptor = True  # "X, Acme's CFO", "CFO X"; not "the appointment of X as CFO"
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and verb_class(tok) is not None):
                if verb_class(tok) is not None:
                    return _Anchor(tok, descriptor, _complement(target, through_as))
                first = first or tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    before = _office_verb_before(target)
    if before is not None:
        return _Anchor(before, descriptor and before.i > holder.end, _complement(target, through_as))
    return _Anchor(first, descriptor)


def _complement(target: Span, through_as: bool) -> bool:
    root = target.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "is IBM's president and chief executive officer"
    if through_as or root.dep_ in ("attr", "oprd"):
        return True
    return target.label_ == "Organization" and root.dep_ == "pobj" and root.head.lower_ in ("for", "at", "with")


def _office_verb_before(target: Span, window: int = 8) -> Token | None:
    doc = target.doc
    for i in range(target.start - 1, max(target.sent.start, target.start - window) - 1, -1):
        if doc[i].pos_ in ("VERB", "AUX") and verb_class(doc[i]) is not None:
            return doc[i]
    return None


def _has_own_title(verb: Token, target: Span, index: dict[int, Span]) -> bool:
    """True when the verb takes a title of its own ("was appointed CFO"), other than ``target``."""
    for child in verb.children:
        if child.dep_ in ("attr", "oprd", "dobj") or (child.dep_ == "prep" and child.lower_ == "as"):
            for t in child.subtree:
                span = index.get(t.i)
                if span is not None and span.label_ == "Role" and span.start != target.start:
                    return True
    return False


# --- dates --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Date:
    span: Span
    start: str
    end: str | None
    cue: str  # the words right before the date, lower case


def _cue(doc: Doc, i: int) -> str:
    words = [t.lower_ for t in doc[max(0, i - 4) : i] if not t.is_punct]
    return " ".join(words[-3:])


def _dates(sent: Span, reference: dt.date | None, release: dt.date | None, future: bool) -> list[_Date]:
    """The dates of a sentence, with the words before each; bare months ("in January",
    "January of this year") and "last month" / "next year" are placed by the release's date."""
    doc, base, text = sent.doc, sent.start_char, sent.text
    out: list[_Date] = []
    taken: list[tuple[int, int]] = []
    for m in find_dates(text, reference=reference):
        if m.value is None:
            continue
        span = doc.char_span(base + m.start, base + m.end, alignment_mode="expand")
        if span is not None:
            out.append(_Date(span, m.value.start, m.value.end, _cue(doc, span.start)))
            taken.append((m.start, m.end))
    if release is None:
        return out
    found = [(m.start(), m.end(), _month_value(m, release, future)) for m in _BARE_MONTH.finditer(text)]
    found += [(m.start("which"), m.end(), relative_period(m, release).start) for m in RELATIVE_PERIOD.finditer(text)]
    for start, end, value in found:
        if any(s < end and start < e for s, e in taken):
            continue
        span = doc.char_span(base + start, base + end, alignment_mode="expand")
        if span is not None:
            out.append(_Date(span, value, None, _cue(doc, span.start)))
    return out


def _month_value(m: re.Match, release: dt.date, future: bool) -> str:
    """ "in January" (the nearest one the tense points to), "January of last year"."""
    month = MONTH_NAMES.index(m.group(1).lower()) + 1
    which = m.group(2)
    if which is not None:
        year = release.year + {"this": 0, "last": -1, "next": 1}[which.lower()]
    elif future:
        year = release.year if month >= release.month else release.year + 1
    else:
        year = release.year if month <= release.month else release.year - 1
    return f"{year:04d}-{month:02d}"


def _reaches(date: _Date, anchor: Token, target: Span | None = None) -> tuple[bool, bool]:
    """(the date hangs on ``anchor`` or on the title itself, through an "until ..." clause
    of leaving: an end)."""
    tok = date.span.root
    until = False
    for _ in range(8):
        if tok.head.i == tok.i:
            return False, False
        tok = tok.head
        if tok.i == anchor.i or target is not None and target.start <= tok.i < target.end:
            return True, until
        if tok.pos_ in ("VERB", "AUX"):
            marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod", "prep")}
            if verb_class(tok) == "leave" and marks & _words(TENURE_WORDS)["until"]:
                until = True  # "will become Senior Adviser until he retires on 1 December"
                continue
            if tok.dep_ in ("conj",) and tok.head.i == anchor.i:
                return False, False  # "became CEO in 2002 and was named chairman in 2003": the other verb's
            return False, False
    return False, False


def _adjacent(date: _Date, target: Span, index: dict[int, Span]) -> bool:
    """ "CFO, effective 16 October": the date follows the title closely, with only a cue between."""
    doc = target.doc
    if not 0 <= date.span.start - target.end <= 5:
        return False
    between = doc[target.end : date.span.start]
    return all(t.is_punct or t.lower_ in ("effective", "as", "of", "from", "on", "starting", "beginning", "in")
               for t in between) and any(t.lower_ in ("effective", "as", "starting", "beginning") for t in between)


# --- status words -------------------------------------------------------------------------


def _title_words(target: Span, index: dict[int, Span]) -> list[Token]:
    """The title's own words and up to four words before it ("her previous role as", "former"),
    and the "-designate"/"-elect" after it; not across another mention or a clause break."""
    doc = target.doc
    out = list(target)
    i = target.start - 1
    while i >= 0 and target.start - i <= 4:
        tok = doc[i]
        span = index.get(i)
        if (span is not None and span.label_ in ("Person", "Role")) or tok.text in (",", ";", ":", "(", ")") \
                or tok.pos_ in ("VERB", "AUX") and tok.lemma_ not in ("include",):
            break
        out.append(tok)
        i -= 1
    j = target.end
    while j < len(doc) and j - target.end < 2 and (
            doc[j].text in ("-", "–") or doc[j].lower_ in ("designate", "elect")):
        out.append(doc[j])
        j += 1
    return out


def _status_word(target: Span, index: dict[int, Span]) -> tuple[str | None, Token | None]:
    words = _words(TENURE_WORDS)
    for tok in _title_words(target, index):
        low = tok.lower_
        parts = {low, *low.split("-")} - {""}
        if low in words["current"] or parts & {"outgoing", "incumbent"}:
            return "current", tok
        if parts & words["former"] or low in words["former"]:
            return "former", tok
        if parts & words["future"] or low in words["future"] or low.endswith(("-designate", "-elect")):
            return "future", tok
    return None, None


# --- putting it together ------------------------------------------------------------------


class _Reader:
    def __init__(self, doc: Doc, context: Context):
        self.doc = doc
        self.index = mention_index(doc)
        self.reference = context.reference_date
        self.release = release_date(context)
        self.words = _words(TENURE_WORDS)

    def successor(self, holder: Span, target: Span) -> Span | None:
        """The person who takes the post from ``holder``: the subject of "succeed(s) <holder> as <title>"."""
        anchor = _anchor(target, holder, self.index)
        verb = anchor.verb
        if verb is None or verb.lemma_.lower() not in self.words["successor"] or holder.root.dep_ != "dobj" \
                or holder.root.head.i != verb.i:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        span = self.index.get(subj.i)
        if span is None or span.label_ != "Person":
            span = antecedent(subj, self.index)
        return span if span is not None and span.label_ == "Person" and span.start != holder.start else None

    def qualifiers(self, holder: Span, target: Span,
                   successor: bool = False) -> tuple[list[QualifierCandidate], str | None]:
        """The qualifiers of one membership read in its sentence, and the class of its verb
        (``successor``: of the post the subject of "succeeds X as ..." takes up)."""
        out: list[QualifierCandidate] = []
        anchor = _anchor(target, holder, self.index)
        verb = anchor.verb
        kind = verb_class(verb) if verb is not None else None
        if verb is not None and anchor.descriptor and (kind != "leave" or _has_own_title(verb, target, self.index)):
            verb, kind = None, None  # "Jane Roe, Acme's CFO, was appointed CEO": the CFO post is not dated
        tense = _tense(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else "present"
        if kind == "join" and verb is not None and not successor and verb.lemma_.lower() in self.words["successor"] \
                and holder.root.head.i == verb.i and holder.root.dep_ == "dobj":
            kind = "leave"  # "Jane Roe succeeded John Doe as CEO in May": his post ends in May
        status, status_tok = _status_word(target, self.index)
        if status is not None:  # "former CEO", "CEO-designate"; "outgoing CEO" is held: a "current" mark
            out.append(self._q("status" if status != "current" else "current", status, 0.9,
                               "kgx.tenure.title_word.v1", target, status_tok))
        start = end = None
        if verb is not None and kind is not None:
            start, end = self._dated(out, target, verb, kind, tense)
        if self.release is not None and status is None:
            if start is not None and iso_after(start[0], self.release):
                status = "future"
                out.append(self._q("status", status, 0.85, "kgx.tenure.dates.v1", target, start[1]))
            elif end is not None and (iso_before(end[0], self.release) or end[0] == self.release.isoformat()):
                status = "former"
                out.append(self._q("status", status, 0.85, "kgx.tenure.dates.v1", target, end[1]))
        if status is None and verb is not None and kind is not None:
            verb_status, conf = self._verb_status(verb, kind, tense, start, anchor)
            if verb_status is not None:
                out.append(self._q("status" if verb_status != "current" else "current", verb_status, conf,
                                   "kgx.tenure.verb.v1", target, verb))
        return out, kind

    def _verb_status(self, verb: Token, kind: str, tense: str, start, anchor: _Anchor) -> tuple[str | None, float]:
        """The status the verb's tense gives: (status, confidence); "current" marks a post the
        sentence says is held, which outweighs a weaker "former" read elsewhere for the same post."""
        now = any(t.lower_ in self.words["current"] for t in verb.children)
        if kind == "leave" and tense in ("past", "perfect"):
            return "former", 0.75
        if kind == "join" and tense == "future":
            return "future", 0.75
        if kind == "hold" and not anchor.complement:
            return None, 0.0  # "X held a meeting", "was attended by Vice President X": not said of the post
        if kind == "hold" and (now or tense == "present"):
            return "current", 0.9 if now else 0.6  # "is currently IBM's president"
        if kind == "hold" and tense == "past" and start is None and not now:
            return "former", 0.7  # "she served as CFO", "was based in China as President of ..."
        if kind == "join" and tense in ("past", "perfect", "present"):
            return "current", 0.8  # "was appointed CFO", "announced the appointment of X as CEO"
        return None, 0.0

    def _dated(self, out: list[QualifierCandidate], target: Span, verb: Token, kind: str, tense: str):
        """Add the start and end the verb's dates give; return them as (value, span) or None."""
        words = self.words
        sent = target.sent
        dates = []
        for d in _dates(sent, self.reference, self.release, tense == "future"):
            hangs, until = _reaches(d, verb, target)
            if hangs or _adjacent(d, target, self.index):
                dates.append((d, until))
        # the date right after the title first, then the others outward
        dates.sort(key=lambda p: (p[0].span.start < target.start, abs(p[0].span.start - target.end)))
        found: dict[str, tuple[str, Span]] = {}
        for d, until in dates:
            cue = d.cue.split()
            last = cue[-1] if cue else ""
            two = " ".join(cue[-2:])
            if d.end is not None and "start" not in found and "end" not in found:
                found["start"], found["end"] = (d.start, d.span), (d.end, d.span)
                continue
            if last in words["since"]:
                field = "start"
            elif until or last in words["until"]:
                field = "end"
            elif kind == "leave":
                field = "end"
            elif kind == "join" or last in words["effective"] or two in words["effective"]:
                field = "start"
            else:
                continue  # "was president in 2010": a year of office, not its start
            found.setdefault(field, (d.start, d.span))
        if "start" not in found and "end" not in found and self.release is not None:
            immediate = self._immediate(target, verb)
            if immediate is not None:
                found["end" if kind == "leave" else "start"] = (self.release.isoformat(), immediate)
        for field in ("start", "end"):
            if field in found:
                value, span = found[field]
                out.append(self._q(field, value, 0.8, f"kgx.tenure.{field}.v1", target, span))
        return found.get("start"), found.get("end")

    def _immediate(self, target: Span, verb: Token) -> Span | None:
        """ "effective immediately", "with immediate effect" on the verb (or right after the title)."""
        for tok in target.sent:
            if tok.lower_ not in self.words["immediate"]:
                continue
            near = tok.head.lower_ in ("effective", "effect") or any(c.lower_ == "effective" for c in tok.head.children)
            if not near and tok.lower_ == "immediately" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "effective":
                near = True
            up, hangs = tok, False
            for _ in range(5):
                if up.i == verb.i:
                    hangs = True
                    break
                if up.head.i == up.i:
                    break
                up = up.head
            if near and (hangs or 0 <= tok.i - target.end <= 4):
                return tok.doc[tok.i : tok.i + 1]
        return None

    def _q(self, field: str, value: str, conf: float, extractor: str, target: Span, part) -> QualifierCandidate:
        if isinstance(part, Span) and part.sent.start != target.sent.start:
            ev = part
        else:
            ev = evidence_span(target, part) if part is not None else target
        return QualifierCandidate(field, value, conf, extractor, ev)

    def duties(self) -> dict[tuple[int, int], list[QualifierCandidate]]:
        """ "X will assume his new duties on 1 February": the start, by the person's mention span."""
        out: dict[tuple[int, int], list[QualifierCandidate]] = {}
        words = self.words
        for verb in self.doc:
            if (verb.pos_ != "VERB"
                    or verb_class(verb) != "join" and verb.lemma_.lower() not in ("assume", "begin", "start")):
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"] + [
                g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if not any(o.lemma_.lower() in words["duties"] or o.lower_ in words["duties"] for o in objects):
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            person = self.index.get(subj.i) if subj is not None else None
            if subj is not None and (person is None or person.label_ != "Person"):
                person = antecedent(subj, self.index)
                if person is None and subj.pos_ == "PROPN":  # a surname the model did not mark ("Orange will ...")
                    person = Span(self.doc, subj.left_edge.i, subj.i + 1, label="Person")
            if person is None or person.label_ != "Person":
                continue
            for d in _dates(verb.sent, self.reference, self.release, _tense(verb) == "future"):
                if _reaches(d, verb)[0]:
                    ev = evidence_span(person, d.span) if person.sent.start == verb.sent.start else verb.sent
                    # the day the duties begin is the effective date: it outranks the day of appointment
                    qs = [QualifierCandidate("start", d.start, 0.85, "kgx.tenure.duties.v1", ev)]
                    if self.release is not None and iso_after(d.start, self.release):
                        qs.append(QualifierCandidate("status", "future", 0.85, "kgx.tenure.duties.v1", ev))
                    out.setdefault((person.start, person.end), qs)
                    break
        return out


def _same_person(a: Span, b: Span) -> bool:
    """ "Mr. Hock" and "Douglas G. Hock": the words of one (honorifics aside) are all in the other."""
    wa = {t.lower_ for t in a if t.is_alpha and t.lower_ not in HONORIFIC_TOKENS}
    wb = {t.lower_ for t in b if t.is_alpha and t.lower_ not in HONORIFIC_TOKENS}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _held_now(cands: list[Candidate], release: dt.date | None) -> list[Candidate]:
    """A post the text says is held now ("is currently IBM's president") is neither future nor
    started after the release, whatever another sentence about the same person and title says
    ("as of 1 October her title will be chairman, president and CEO")."""
    def key(c: Candidate) -> tuple:
        assert isinstance(c.subject, Span)   # only memberships between mentions have qualifiers
        words = frozenset(t.lower_ for t in c.subject if t.is_alpha and t.lower_ not in HONORIFIC_TOKENS)
        org = c.organization.text if c.organization is not None else None
        return words, c.object.text.lower() if isinstance(c.object, Span) else c.object, org

    held = {key(c) for c in cands if any(q.field == "current" and q.confidence >= 0.9 for q in c.qualifiers)}
    if not held:
        return cands
    out = []
    for c in cands:
        if c.qualifiers and key(c) in held:
            kept = tuple(q for q in c.qualifiers if not (
                q.field == "status" and q.value == "future"
                or q.field == "start" and release is not None and iso_after(q.value, release)))
            c = replace(c, qualifiers=kept)
        out.append(c)
    return out


def _successor(reader: _Reader, cand: Candidate) -> list[Candidate]:
    """ "Jane Roe will succeed John Doe as CFO on 1 July": the parse gives "as CFO" to the object;
    the subject takes the post up (and the object, read above, leaves it)."""
    assert isinstance(cand.subject, Span) and isinstance(cand.object, Span)   # the caller's test
    person = reader.successor(cand.subject, cand.object)
    if person is None:
        return []
    found, _ = reader.qualifiers(cand.subject, cand.object, successor=True)
    name = "kgx.tenure.successor.v1"
    ev = evidence_span(person, cand.object)
    out = [Candidate(person, Predicate.HAS_ROLE, cand.object, 0.75, name, ev, organization=cand.organization,
                     qualifiers=tuple(found))]
    if cand.organization is not None:
        out.append(Candidate(person, Predicate.MEMBER_OF, cand.organization, 0.75, name, ev))
    return out


def qualify(doc: Doc, candidates: Iterable[Candidate], context: Context) -> list[Candidate]:
    """The candidates, with ``qualifiers`` added to the memberships the text dates.

    A ``memberOf`` is qualified only when no title of the same person in that
    organization was found (then the title's membership carries the dates).
    """
    candidates = list(candidates)
    reader = _Reader(doc, context)
    titled = {(c.subject.start, c.organization.start) for c in candidates
              if c.predicate is Predicate.HAS_ROLE and isinstance(c.subject, Span) and c.organization is not None}
    appointed: list[tuple[int, Span]] = []  # (candidate index, holder) of posts taken up by a verb of joining
    out: list[Candidate] = []
    for cand in candidates:
        if not cand.predicate.is_membership or not isinstance(cand.subject, Span) or not isinstance(cand.object, Span):
            out.append(cand)
            continue
        if cand.predicate is Predicate.MEMBER_OF and (cand.subject.start, cand.object.start) in titled:
            out.append(cand)
            continue
        found, kind = reader.qualifiers(cand.subject, cand.object)
        if cand.predicate is Predicate.HAS_ROLE and (kind == "join" or any(
                q.field == "status" and q.value == MembershipStatus.FUTURE.value for q in found)):
            appointed.append((len(out), cand.subject))
        out.append(replace(cand, qualifiers=tuple(found)) if found else cand)
        if cand.predicate is Predicate.HAS_ROLE:
            out.extend(_successor(reader, cand))
    out = _held_now(out, reader.release)
    duties = reader.duties()
    for i, holder in appointed:
        for person, qs in duties.items():
            if _same_person(holder, doc[person[0] : person[1]]):
                out[i] = replace(out[i], qualifiers=out[i].qualifiers + tuple(qs))
    return out
