"""Event triggers: the verbs that state an event without an event noun, as data.

"A and B signed an agreement", "the Minister was received by the Mayor",
"she inaugurated the office", "the Bank will launch a portal" state a Signing,
a Meeting, an Inauguration, a Launch though no noun names them. The shapes are spaCy ``DependencyMatcher``
patterns in a versioned JSON file of ``kgextract/base/data``
(``event_triggers.v1.json``); an ``IN`` list there may name a word list of
the same folder as ``"@<name>"`` so one list (the agreement nouns) serves
every rule that needs it.

>>> triggers = load_triggers("event_triggers.v1")
>>> sorted({t.event for t in triggers.triggers})
['inauguration', 'launch', 'meeting', 'signing']
>>> "delegation" in triggers.group_nouns
True
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from kgextract.base.gazetteers import load_list
from kgextract.errors import Errors, KgextractError

__all__ = ["Trigger", "TriggerSet", "load_triggers"]


class Trigger(BaseModel):
    """One shape: a DependencyMatcher pattern whose first node (``verb``) is the event's word."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    event: str
    subject: Literal["any", "person"] = "any"
    #: lemmas that, in the subtree of a matched node other than the verb, say the match is no
    #: event of this kind ("an agreement under which A will acquire B" is a deal, not a Signing)
    unless: frozenset[str] = frozenset()
    pattern: list[dict[str, Any]]


class TriggerSet(BaseModel):
    """The content of an ``event_triggers.vN.json`` file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    group_nouns: frozenset[str] = frozenset()
    triggers: list[Trigger]


def _expand(value: Any) -> Any:
    """Replace ``"@<list>"`` entries of ``IN``/``NOT_IN`` lists by the entries of that word list."""
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                out.extend(sorted(load_list(item[1:])))
            else:
                out.append(_expand(item))
        return out
    return value


@cache
def load_triggers(name: str) -> TriggerSet:
    """The trigger set ``<name>.json`` with its word lists expanded (cached).

    Raises ``KgextractError`` [E047] when the file is missing or malformed.
    """
    path = files("kgextract.base") / "data" / f"{name}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw["triggers"] = [{**t, "pattern": _expand(t["pattern"]), "unless": _expand(t.get("unless", []))}
                           for t in raw.get("triggers", [])]
        return TriggerSet.model_validate(raw)
    except (OSError, ValueError, KeyError, TypeError, ValidationError) as err:
        raise KgextractError(Errors.E047.format(name=name, err=err)) from err
