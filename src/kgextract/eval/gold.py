"""Gold files: the typed model of ``<id>.gold.json`` and its loaders.

The same models hold a prediction once it is read back from RDF (see
:mod:`kgextract.eval.predictions`), so the scorer compares like with like.

>>> doc = GoldDocument.model_validate({"id": "d1",
...     "entities": [{"id": "p1", "type": "Person", "name": "Ann Lee"}],
...     "relations": [{"s": "DOC", "p": "datePublished", "o": "2024-01-05"}]})
>>> doc.entity("p1").name, doc.relations[0].p.value
('Ann Lee', 'datePublished')

Memberships may carry ``start``, ``end`` and ``status``, and events an
``event_type`` (the guide's "Roles in time, and event types"):

>>> doc = GoldDocument.model_validate({"id": "d2", "entities": [
...     {"id": "p1", "type": "Person", "name": "Ann Lee"},
...     {"id": "r1", "type": "Role", "name": "CFO"},
...     {"id": "e1", "type": "Event", "event_type": "Signing", "name": "signing"}],
...     "relations": [{"s": "p1", "p": "hasRole", "o": "r1", "start": "2024-07-01",
...                    "status": "future"}]})
>>> rel = doc.relations[0]
>>> rel.start, rel.end, rel.status.value, doc.entity("e1").event_type.value
('2024-07-01', None, 'future', 'Signing')
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kgextract.errors import Errors, KgextractError
from kgextract.models import DOC, EntityType, EventType, MembershipStatus, Predicate

__all__ = [
    "GOLD_SUFFIX",
    "GoldEntity",
    "GoldRelation",
    "GoldDocument",
    "is_date_value",
    "check_gold",
    "load_gold",
    "load_gold_dir",
]

#: Gold files are named ``<document id>.gold.json``.
GOLD_SUFFIX = ".gold.json"

_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


class _Model(BaseModel):
    # defer_build: each validator is built at its first use, not at import (start-up of the command line)
    model_config = ConfigDict(extra="forbid", defer_build=True)


class GoldEntity(_Model):
    """One entity: id, type, canonical name, other names, acceptable other types."""

    id: str = Field(min_length=1)
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list)
    alt_types: list[EntityType] = Field(default_factory=list)
    event_type: EventType | None = None

    @property
    def names(self) -> list[str]:
        """The canonical name followed by the aliases."""
        return [self.name, *self.aliases]

    @property
    def types(self) -> set[EntityType]:
        """The type and the alt types."""
        return {self.type, *self.alt_types}


class GoldRelation(_Model):
    """``s`` and ``o`` are entity ids, ``DOC`` or (object only) a date value.

    A membership (``hasRole``, ``memberOf``) may carry when the post was taken
    up (``start``), left (``end``) and whether it is ``former`` or ``future``.
    """

    s: str
    p: Predicate
    o: str
    alt: list[str] = Field(default_factory=list)
    start: str | None = None
    end: str | None = None
    status: MembershipStatus | None = None

    @property
    def qualifiers(self) -> dict[str, str]:
        """The membership qualifiers that are set, by field name.

        >>> GoldRelation(s="p1", p="hasRole", o="r1", end="2019", status="former").qualifiers
        {'end': '2019', 'status': 'former'}
        """
        values = {"start": self.start, "end": self.end,
                  "status": self.status.value if self.status else None}
        return {key: value for key, value in values.items() if value is not None}


class GoldDocument(_Model):
    """The entities and relations of one document."""

    id: str
    entities: list[GoldEntity] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)

    def entity(self, entity_id: str) -> GoldEntity | None:
        """Return the entity with this id, or ``None``."""
        return next((ent for ent in self.entities if ent.id == entity_id), None)

    @property
    def entity_ids(self) -> set[str]:
        """The ids of all entities."""
        return {ent.id for ent in self.entities}


def is_date_value(value: str) -> bool:
    """True for an ISO 8601 date, year-month or year.

    >>> [is_date_value(v) for v in ("2023-12-04", "2023-12", "2024", "p1", "2023-13")]
    [True, True, True, False, False]
    """
    return bool(_DATE.match(value))


def check_gold(doc: GoldDocument) -> list[str]:
    """List what breaks the guide's gold format beyond the field types.

    >>> for problem in check_gold(GoldDocument(id="d",
    ...         relations=[{"s": "e9", "p": "startDate", "o": "May"}])):
    ...     print(problem)
    relation 0: subject 'e9' is neither DOC nor an entity id
    relation 0: object 'May' is neither an entity id nor an ISO date
    """
    problems: list[str] = []
    seen: set[str] = set()
    for ent in doc.entities:
        if ent.id in seen or ent.id == DOC:
            problems.append(f"entity id '{ent.id}' is reserved or used twice")
        if ent.event_type is not None and EntityType.EVENT not in ent.types:
            problems.append(f"entity '{ent.id}': event_type on a {ent.type.value}")
        seen.add(ent.id)
    for i, rel in enumerate(doc.relations):
        if rel.qualifiers and not rel.p.is_membership:
            problems.append(f"relation {i}: {rel.p.value} takes no start, end or status")
        for key in ("start", "end"):
            value = getattr(rel, key)
            if value is not None and not is_date_value(value):
                problems.append(f"relation {i}: {key} '{value}' is not an ISO date")
        if rel.s != DOC and rel.s not in seen:
            problems.append(f"relation {i}: subject '{rel.s}' is neither DOC nor an entity id")
        for obj in (rel.o, *rel.alt):
            if obj in seen:
                if rel.p.takes_date:
                    problems.append(f"relation {i}: {rel.p.value} takes a date, not '{obj}'")
            elif not is_date_value(obj):
                problems.append(
                    f"relation {i}: object '{obj}' is neither an entity id nor an ISO date")
            elif not rel.p.takes_date:
                problems.append(
                    f"relation {i}: {rel.p.value} takes an entity, not the date '{obj}'")
    return problems


def _describe(err: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in e['loc']) or 'file'}: {e['msg']}" for e in err.errors()
    )


def load_gold(path: str | Path) -> GoldDocument:
    """Read and check one gold file; raise ``KgextractError`` (E007/E050) if invalid.

    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "d1.gold.json"
    >>> _ = tmp.write_text('{"id": "d1", "entities": [], "relations": []}')
    >>> load_gold(tmp).id
    'd1'
    """
    path = Path(path)
    try:
        doc = GoldDocument.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise KgextractError(Errors.E007.format(path=path, err=err)) from err
    except ValidationError as err:
        raise KgextractError(Errors.E007.format(path=path, err=_describe(err))) from err
    problems = check_gold(doc)
    if problems:
        raise KgextractError(Errors.E007.format(path=path, err="; ".join(problems)))
    if path.name.endswith(GOLD_SUFFIX) and path.name[: -len(GOLD_SUFFIX)] != doc.id:
        raise KgextractError(Errors.E050.format(path=path, doc_id=doc.id))
    return doc


def load_gold_dir(path: str | Path) -> dict[str, GoldDocument]:
    """Load every ``*.gold.json`` of a folder, keyed (and sorted) by document id.

    Raises ``KgextractError``: E004 (no such path), E005 (no gold files),
    E007/E050 (an invalid file).
    """
    path = Path(path)
    if not path.exists():
        raise KgextractError(Errors.E004.format(path=path))
    files = [path] if path.is_file() else sorted(path.glob(f"*{GOLD_SUFFIX}"))
    if not files:
        raise KgextractError(Errors.E005.format(path=path))
    docs = (load_gold(file) for file in files)
    return {doc.id: doc for doc in sorted(docs, key=lambda d: d.id)}
