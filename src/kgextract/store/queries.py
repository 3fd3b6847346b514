"""Saved SPARQL queries (``store/queries/*.rq``) and how a QUERY argument is resolved.

Each ``.rq`` file starts with a header of ``#`` lines: its first sentence
says what the query answers, ``# @param NAME  text`` lines document its
parameters.
Every parameter is optional: left unbound, it matches anything.

>>> q = get_query("mentions")
>>> q.params["name"][:22]
'an entity name: its la'
>>> resolve_query("people_roles")[1]
'people_roles'
>>> resolve_query("ASK { ?s ?p ?o }")
('ASK { ?s ?p ?o }', None)
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from kgextract.errors import Errors, KgextractError

__all__ = ["QUERY_KINDS", "SavedQuery", "saved_queries", "get_query", "resolve_query"]

_NAME = re.compile(r"[A-Za-z0-9_-]+")
_PARAM = re.compile(r"#\s*@param\s+[?$]?(\w+)\s*:?\s*(.*)")


class SavedQuery(BaseModel):
    """One shipped query: its name (file stem), header text, parameters, SPARQL."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    summary: str
    description: str
    params: dict[str, str]
    text: str


def _parse(name: str, text: str) -> SavedQuery:
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    params, prose = {}, []
    for line in header:
        m = _PARAM.fullmatch(line.strip())
        if m:
            params[m.group(1)] = m.group(2).strip()
        elif params and line.startswith("#     "):  # continuation of a parameter
            last = next(reversed(params))
            params[last] += " " + line[1:].strip()
        else:
            prose.append(line[1:].strip())
    description = "\n".join(prose).strip()
    first = re.match(r"(.+?\.)(?:\s|$)", " ".join(description.split("\n\n")[0].split()))
    summary = first.group(1) if first else (description or name)
    return SavedQuery(name=name, summary=summary, description=description,
                      params=params, text=text)


@cache
def saved_queries() -> dict[str, SavedQuery]:
    """All saved queries by name, sorted.

    >>> len(saved_queries()) >= 8
    True
    """
    folder = resources.files("kgextract.store") / "queries"
    found = {}
    for item in folder.iterdir():
        if item.name.endswith(".rq"):
            name = item.name[:-3]
            found[name] = _parse(name, item.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


def get_query(name: str) -> SavedQuery:
    """The saved query called ``name`` (E105 for a bad name, E094 if there is none).

    >>> get_query("timeline").summary
    'A timeline of events: every dated event in order of its start date.'
    """
    if not _NAME.fullmatch(name):
        raise KgextractError(Errors.E105.format(name=name))
    query = saved_queries().get(name)
    if query is None:
        raise KgextractError(Errors.E094.format(name=name, options=", ".join(saved_queries())))
    return query


#: How a QUERY argument may be read.
QUERY_KINDS = ("auto", "text", "file", "saved")


def resolve_query(spec: str, kind: str = "auto") -> tuple[str, str | None]:
    """Turn a QUERY argument into SPARQL text and where it came from.

    ``kind`` says what ``spec`` is: ``text`` (SPARQL), ``file`` (a path),
    ``saved`` (a saved query's name), or ``auto``: a saved query's name when
    it is one word, a file when it is one line ending in ``.rq`` (and no
    ``{``), SPARQL text otherwise. Text is never looked up on disk, so a
    query is never taken for a path. Return ``(text, source)``, where
    ``source`` is the file path or saved query name, ``None`` for text.

    >>> resolve_query("x.rq", kind="text")
    ('x.rq', None)
    >>> resolve_query("SELECT * {}" + " " * 300 + "# no/slash")[1] is None
    True
    """
    if kind not in QUERY_KINDS:
        raise ValueError(f"kind must be one of {QUERY_KINDS}")
    if kind == "auto":
        if _NAME.fullmatch(spec):
            kind = "saved"
        elif spec.endswith(".rq") and "\n" not in spec and "{" not in spec:
            kind = "file"
        else:
            kind = "text"
    if kind == "file":
        path = Path(spec)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise KgextractError(Errors.E014.format(source=spec, err=err)) from err
    if kind == "saved":
        return get_query(spec).text, spec
    return spec, None
