"""Typed records that cross stage boundaries.

Inside a stage kgextract works on spaCy ``Doc``/``Span`` objects; between
stages (and in the public API) it passes these pydantic models. They are
deliberately small and strict (``extra="forbid"``) so a typo in a field name
fails at once instead of silently dropping data.

>>> ev = Evidence(doc_id="d1", sentence="Ann Lee is CEO.", start=0, end=7,
...               confidence=0.9, extractor="kgx.roles.v1")
>>> ev.doc_id
'd1'
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DOC",
    "EntityType",
    "EventType",
    "MembershipStatus",
    "Predicate",
    "Document",
    "Evidence",
    "Mention",
    "Entity",
    "Relation",
    "DocumentResult",
    "DocumentError",
]

#: The subject id that stands for the document itself (as in the gold files).
DOC = "DOC"


class _Model(BaseModel):
    # defer_build: each validator is built at its first use, not at import (start-up of the command line)
    model_config = ConfigDict(extra="forbid", defer_build=True)


class EntityType(str, Enum):
    """The entity types of the annotation guide."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    EVENT = "Event"
    ROLE = "Role"


class EventType(str, Enum):
    """The kinds of event of the annotation guide ("Roles in time, and event types")."""

    MEETING = "Meeting"
    VISIT = "Visit"
    CONFERENCE = "Conference"
    SIGNING = "Signing"
    CEREMONY = "Ceremony"
    OTHER = "Other"


class MembershipStatus(str, Enum):
    """Whether a post is no longer held (``former``) or not yet taken up (``future``)
    at the release's date; a post held at that date has no status."""

    FORMER = "former"
    FUTURE = "future"


class Predicate(str, Enum):
    """The relation predicates of the annotation guide."""

    HAS_ROLE = "hasRole"
    MEMBER_OF = "memberOf"
    LOCATION = "location"
    START_DATE = "startDate"
    END_DATE = "endDate"
    ORGANIZER = "organizer"
    FUNDER = "funder"
    SPONSOR = "sponsor"
    ATTENDEE = "attendee"
    PARENT_ORGANIZATION = "parentOrganization"
    CONTAINED_IN_PLACE = "containedInPlace"
    DATE_PUBLISHED = "datePublished"
    LOCATION_CREATED = "locationCreated"

    @property
    def takes_date(self) -> bool:
        """True when the object of this predicate is an ISO 8601 date value."""
        return self in _DATE_PREDICATES

    @property
    def is_membership(self) -> bool:
        """True for ``hasRole`` and ``memberOf``, the relations that carry start, end and status."""
        return self in (Predicate.HAS_ROLE, Predicate.MEMBER_OF)


_DATE_PREDICATES = {Predicate.START_DATE, Predicate.END_DATE, Predicate.DATE_PUBLISHED}


class Document(_Model):
    """One press release as read from disk (or given as a string).

    ``id`` is the file name without its extension; it names the per-document
    output file and the ``schema:identifier`` of the article node.
    """

    id: str
    text: str
    source: str | None = None
    format: str = "text"
    title: str | None = None
    url: str | None = None
    date: str | None = None
    publisher: str | None = None


class Evidence(_Model):
    """Where a fact was read: document, sentence, character offsets, confidence."""

    doc_id: str
    sentence: str
    start: int = Field(ge=0, description="character offset in the document text")
    end: int = Field(ge=0)
    confidence: float = Field(ge=0.0, le=1.0)
    extractor: str


class Mention(_Model):
    """One span of text that names an entity."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str = ""
    source: str = "ner"


class Entity(_Model):
    """An entity of one document: a canonical name, its aliases and mentions.

    ``key`` is the deterministic identity (type + normalised name) from which
    the IRI is minted, so the same entity in two documents gets one IRI.
    An Event has an ``event_type`` (with the evidence it was read from).
    """

    key: str
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list)
    alt_types: list[EntityType] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    event_type: EventType | None = None
    event_type_evidence: Evidence | None = None


class Relation(_Model):
    """A typed relation between two entities, or an entity and a date value.

    ``subject`` and ``object`` are entity keys (``DOC`` for the document).
    For date predicates ``object`` holds the ISO 8601 value. For ``hasRole``
    ``organization`` names the organization the role is held in, when the
    text says so (it becomes ``org:organization`` of the membership).

    A membership (``hasRole``, ``memberOf``) may carry the guide's qualifiers:
    ``start`` and ``end`` (ISO 8601 values) and ``status`` at the release's
    date; ``qualifier_evidence`` holds the evidence of each, by field name.
    """

    subject: str
    predicate: Predicate
    object: str
    organization: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)
    start: str | None = None
    end: str | None = None
    status: MembershipStatus | None = None
    qualifier_evidence: dict[str, list[Evidence]] = Field(default_factory=dict)


class DocumentResult(_Model):
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    def entity(self, key: str) -> Entity | None:
        """Return the entity with this key, or ``None``."""
        for ent in self.entities:
            if ent.key == key:
                return ent
        return None


class DocumentError(_Model):
    """A document that could not be processed, and why."""

    source: str
    code: str
    message: str
    level: Literal["error", "warning"] = "error"
