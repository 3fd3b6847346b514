"""Resolve entities across documents: one entity, one key, in the whole corpus.

Entities with the same key (type + normalised name) are already one node.
This module adds the merges that need the whole corpus: a short form in one
release ("Ms. Nakamitsu", key ``person/nakamitsu``) becomes the full name
another release gives ("Izumi Nakamitsu"), an undefined acronym becomes the
organization another release spells out. Every merge is recorded as a
:class:`MergeRecord` (which keys and names, which rule, which documents).

Rules, each with a versioned name:

- ``kgx.across.alias.v1``: the short key is an alias of another entity of
  the same type (the other release says "Izumi Nakamitsu ... Ms. Nakamitsu").
- ``kgx.across.tokens.v1`` (people): the short name's words are a part of
  the words of a longer name ("Nakamitsu" in "Izumi Nakamitsu").
- ``kgx.across.acronym.v1`` (organizations): the short name is the acronym
  of a longer name.
- ``kgx.across.same-key.v1``: no key changes; records that differently
  written names in several releases share one key.

A key is merged only when the rules together give exactly one candidate in
the whole corpus, and never into an entity it appears beside as a distinct
entity in some release (that release tells them apart).

>>> from kgextract.models import Document, DocumentResult, Entity
>>> def doc(i, *ents):
...     return DocumentResult(document=Document(id=i, text="x"), entities=[
...         Entity(key=k, type="Person", name=n) for k, n in ents])
>>> results, merges = resolve_across([
...     doc("a", ("person/izumi-nakamitsu", "Izumi Nakamitsu")),
...     doc("b", ("person/nakamitsu", "Nakamitsu"))])
>>> [e.key for e in results[1].entities], merges[0].rule, merges[0].names
(['person/izumi-nakamitsu'], 'kgx.across.tokens.v1', ['Nakamitsu'])
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from kgextract.base.names import entity_key, is_acronym_of, normalize
from kgextract.models import DocumentResult, Entity, EntityType, Evidence, Relation

__all__ = ["MergeRecord", "AcrossPlan", "plan_across", "resolve_across", "RULE_ALIAS", "RULE_TOKENS", "RULE_ACRONYM",
           "RULE_SAME_KEY"]

logger = logging.getLogger("kgextract")

RULE_ALIAS = "kgx.across.alias.v1"
RULE_TOKENS = "kgx.across.tokens.v1"
RULE_ACRONYM = "kgx.across.acronym.v1"
RULE_SAME_KEY = "kgx.across.same-key.v1"

#: Which rules may merge keys of each type (events and roles are never merged across releases).
_RULES = {
    EntityType.PERSON: (RULE_ALIAS, RULE_TOKENS),
    EntityType.ORGANIZATION: (RULE_ALIAS, RULE_ACRONYM),
    EntityType.PLACE: (RULE_ALIAS,),
}


class MergeRecord(BaseModel):
    """One merge: ``keys`` (and their ``names``) were folded into ``target`` by ``rule``.

    ``documents`` are the releases involved: where the folded keys appear and
    where the target's name (or alias) was read.
    """

    model_config = ConfigDict(extra="forbid")

    target: str
    type: EntityType
    rule: str
    keys: list[str] = Field(default_factory=list, description="keys merged away (none for same-key)")
    names: list[str] = Field(default_factory=list, description="names and mention texts folded in")
    documents: list[str] = Field(default_factory=list)


@dataclass
class _Key:
    key: str
    type: EntityType
    names: list[str] = field(default_factory=list)  # canonical names, first-seen order
    aliases: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


def _add(seq: list, item) -> None:
    if item not in seq:
        seq.append(item)


def _tokens(name: str) -> frozenset[str]:
    return frozenset(normalize(name).replace("-", " ").replace(",", " ").split())


def _table(results: Iterable[DocumentResult]) -> dict[str, _Key]:
    table: dict[str, _Key] = {}
    for res in results:
        for ent in res.entities:
            info = table.setdefault(ent.key, _Key(ent.key, ent.type))
            _add(info.names, ent.name)
            for alias in ent.aliases:
                _add(info.aliases, alias)
            for m in ent.mentions:
                _add(info.mentions, m.text)
            _add(info.documents, res.document.id)
    return table


_STOP = {"of", "and", "the", "for", "on", "in", "at", "to", "&", "a", "an", "de", "des", "du", "la", "le"}


def _initials(name: str) -> set[str]:
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w[0].isalnum()]
    return {"".join(w[0] for w in words).upper(),
            "".join(w[0] for w in words if w.lower() not in _STOP).upper()}


def _looks_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 10 and letters.isalnum() and letters.isupper()


class _Index:
    """Lookups from a short form to the longer names it may stand for."""

    def __init__(self, table: dict[str, _Key]):
        self.alias: dict[str, set[str]] = defaultdict(set)  # key an alias would have -> owners
        self.words: dict[tuple[EntityType, str], set[str]] = defaultdict(set)  # word -> multi-word keys
        self.acronyms: dict[str, set[str]] = defaultdict(set)  # initials -> organization keys
        self.table = table
        for info in table.values():
            for alias in info.aliases:
                k = entity_key(info.type.value, alias)
                if k != info.key:
                    self.alias[k].add(info.key)
            for name in info.names:
                words = _tokens(name)
                if info.type is EntityType.PERSON and len(words) >= 2:
                    for w in words:
                        self.words[(info.type, w)].add(info.key)
                if info.type is EntityType.ORGANIZATION and len(name.split()) >= 2:
                    for initials in _initials(name):
                        self.acronyms[initials].add(info.key)

    def candidates(self, info: _Key) -> dict[str, str]:
        """Other keys ``info`` may stand for, each with the first rule that found it."""
        found: dict[str, str] = {}
        rules = _RULES.get(info.type, ())
        if RULE_ALIAS in rules:
            for k in sorted(self.alias.get(info.key, ())):
                if self.table[k].type == info.type:
                    found.setdefault(k, RULE_ALIAS)
        if RULE_TOKENS in rules:
            for name in info.names:
                words = _tokens(name)
                if not words:
                    continue
                keys = set.intersection(*(self.words.get((info.type, w), set()) for w in words))
                for k in sorted(keys - {info.key}):
                    if any(words < _tokens(n) for n in self.table[k].names):
                        found.setdefault(k, RULE_TOKENS)
        if RULE_ACRONYM in rules:
            for name in info.names:
                if not _looks_acronym(name):
                    continue
                letters = re.sub(r"[^A-Za-z0-9]", "", name).upper()
                for k in sorted(self.acronyms.get(letters, set()) - {info.key}):
                    if any(is_acronym_of(name, n) for n in self.table[k].names):
                        found.setdefault(k, RULE_ACRONYM)
        return found


def _plan(table: dict[str, _Key]) -> dict[str, tuple[str, str]]:
    """key -> (target key, rule), with chains followed to their end."""
    index = _Index(table)
    step: dict[str, tuple[str, str]] = {}
    for key in sorted(table):
        info = table[key]
        if info.type not in _RULES:
            continue
        found = index.candidates(info)
        if len(found) > 1:
            logger.info("not merging %s across documents: it may be any of %s", key, ", ".join(sorted(found)))
        if len(found) != 1:
            continue
        (target, rule), = found.items()
        if set(info.documents) & set(table[target].documents):
            continue  # a release names both as distinct entities
        step[key] = (target, rule)
    plan: dict[str, tuple[str, str]] = {}
    for key, (target, rule) in step.items():
        seen = {key}
        while target in step and target not in seen:
            seen.add(target)
            target = step[target][0]
        if target in seen:  # a cycle: the names point at each other; leave them apart
            continue
        plan[key] = (target, rule)
    return plan


class AcrossPlan:
    """The merges of a corpus: which key becomes which, and the records that say so.

    Made by :func:`plan_across` in one pass over the results; :meth:`apply`
    then rewrites one result at a time, so a corpus never has to be held
    in memory at once.
    """

    def __init__(self, mapping: dict[str, str] | None = None, records: list[MergeRecord] | None = None):
        self.mapping = mapping or {}
        self.records = records or []

    def apply(self, res: DocumentResult) -> DocumentResult:
        """``res`` with every merged key replaced by its target."""
        return _rewrite(res, self.mapping) if self.mapping else res


def plan_across(results: Iterable[DocumentResult]) -> AcrossPlan:
    """Decide the merges across ``results`` (an iterable, read once).

    Only the entities' keys, names, aliases, mention texts and documents
    are kept, not the results.
    """
    table = _table(results)
    plan = _plan(table)
    records: dict[tuple[str, str], MergeRecord] = {}
    for key, (target, rule) in sorted(plan.items()):
        info, tinfo = table[key], table[target]
        rec = records.setdefault((target, rule), MergeRecord(target=target, type=info.type, rule=rule))
        _add(rec.keys, key)
        for name in [*info.names, *info.aliases, *info.mentions]:
            _add(rec.names, name)
        for doc in [*info.documents, *tinfo.documents]:
            _add(rec.documents, doc)
    for key, info in sorted(table.items()):
        if key in plan or len(info.documents) < 2 or len({n.casefold() for n in info.names}) < 2:
            continue
        rec = MergeRecord(target=key, type=info.type, rule=RULE_SAME_KEY,
                          names=sorted(info.names), documents=list(info.documents))
        records[(key, RULE_SAME_KEY)] = rec
    merged = [rec.model_copy(update={"keys": sorted(rec.keys), "names": sorted(rec.names),
                                     "documents": sorted(rec.documents)})
              for _, rec in sorted(records.items())]
    return AcrossPlan({k: t for k, (t, _) in plan.items()}, merged)


def resolve_across(results: list[DocumentResult]) -> tuple[list[DocumentResult], list[MergeRecord]]:
    """Merge entities across ``results``; return the rewritten results and the merge records.

    Keys are rewritten in entities, relation subjects, objects and
    organizations; two entities of one release that end up with one key
    become one entity, and relations that became the same are merged with
    their evidence. Records are sorted by target and rule.
    """
    results = list(results)
    plan = plan_across(results)
    return [plan.apply(res) for res in results], plan.records


def _rewrite(res: DocumentResult, mapping: dict[str, str]) -> DocumentResult:
    keys = {e.key for e in res.entities} | {r.subject for r in res.relations} | {r.object for r in res.relations}
    if not keys & mapping.keys():
        return res
    entities: dict[str, Entity] = {}
    for ent in res.entities:
        key = mapping.get(ent.key, ent.key)
        ent = ent.model_copy(update={"key": key})
        if key in entities:
            ent = _combine(entities[key], ent)
        entities[key] = ent
    relations: dict[tuple, Relation] = {}
    for rel in res.relations:
        s, o = mapping.get(rel.subject, rel.subject), mapping.get(rel.object, rel.object)
        org = mapping.get(rel.organization, rel.organization) if rel.organization else None
        if s == o:
            continue
        rel = rel.model_copy(update={"subject": s, "object": o, "organization": org})
        k = (s, rel.predicate, o, org)
        if k in relations:
            first = relations[k]
            rel = first.model_copy(update={"confidence": max(first.confidence, rel.confidence),
                                           "evidence": _evidence(first.evidence + rel.evidence),
                                           **_qualifiers(first, rel)})
        relations[k] = rel
    return res.model_copy(update={
        "entities": sorted(entities.values(), key=lambda e: e.key),
        "relations": sorted(relations.values(), key=lambda r: (r.subject, r.predicate.value, r.object,
                                                                r.organization or "")),
    })


def _combine(a: Entity, b: Entity) -> Entity:
    """Two entities of one release with one key: the longer name wins, the rest are aliases."""
    name = min((a.name, b.name), key=lambda n: (-len(n), n))
    aliases = sorted(({a.name, b.name} | set(a.aliases) | set(b.aliases)) - {name})
    mentions = sorted(a.mentions + b.mentions, key=lambda m: (m.start, m.end, m.text))
    alt = [t for t in dict.fromkeys(a.alt_types + b.alt_types) if t != a.type]
    typed = a if a.event_type is not None or b.event_type is None else b
    return a.model_copy(update={"name": name, "aliases": aliases, "mentions": mentions, "alt_types": alt,
                                "confidence": max(a.confidence, b.confidence), "event_type": typed.event_type,
                                "event_type_evidence": typed.event_type_evidence})


def _qualifiers(first: Relation, other: Relation) -> dict:
    """Start, end and status of two relations that became one: the first's, else the other's."""
    out: dict = {"qualifier_evidence": dict(first.qualifier_evidence)}
    for name in ("start", "end", "status"):
        if getattr(first, name) is None and getattr(other, name) is not None:
            out[name] = getattr(other, name)
            out["qualifier_evidence"][name] = other.qualifier_evidence.get(name, [])
    return out


def _evidence(items: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for ev in items:
        k = (ev.doc_id, ev.start, ev.end, ev.extractor)
        if k not in seen:
            seen.add(k)
            out.append(ev)
    return out
