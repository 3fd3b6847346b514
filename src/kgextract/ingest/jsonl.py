"""JSON Lines: one release per line (``text`` plus optional metadata), validated by ``ReleaseRecord``.

A bad line gives a ``DocumentError`` naming the file and line; the other
lines are still read.

>>> out = list(jsonl_documents('{"id": "a1", "text": "Hi."}\\n[1]\\n', "r.jsonl"))
>>> out[0].id, out[1].code
('a1', 'E020')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError, field_validator

from kgextract.errors import Errors, Warnings
from kgextract.ingest.decode import normalise_newlines, valid_unicode
from kgextract.ingest.isodate import iso_date
from kgextract.models import Document, DocumentError

__all__ = ["ReleaseRecord", "jsonl_documents", "unsafe_id", "MAX_ID_BYTES"]

_META = ("title", "url", "date", "publisher")


class ReleaseRecord(BaseModel):
    """One JSON Lines record: the release ``text`` and optional metadata (other keys are ignored).

    The id and the metadata are strings; an integer (``"id": 7``) is taken as its digits.

    >>> ReleaseRecord.model_validate({"text": "Hi.", "id": 7, "lang": "en"}).id
    '7'
    """

    model_config = ConfigDict(extra="ignore")

    text: StrictStr
    id: StrictStr | StrictInt | None = None
    title: StrictStr | StrictInt | None = None
    url: StrictStr | StrictInt | None = None
    date: StrictStr | StrictInt | None = None
    publisher: StrictStr | StrictInt | None = None

    @field_validator("id", *_META)
    @classmethod
    def _as_string(cls, value: str | int | None) -> str | None:
        return None if value is None or value == "" else str(value)


def _problem(err: ValidationError) -> str:
    """What is wrong with a record, in the words of E020."""
    fields = sorted({str(e["loc"][0]) for e in err.errors() if e["loc"]})
    if "text" in fields:
        return "'text' is missing or not a string"
    return f"{', '.join(fields)} must be a string"


def jsonl_documents(text: str, source: str) -> Iterator[Document | DocumentError]:
    """Yield one ``Document`` per record of decoded JSON Lines ``text``.

    The id is the record's ``id``, else ``<file stem>-<line number>``. An id
    that cannot name an output file (see :func:`unsafe_id`) gives E020.
    """
    stem = Path(source).stem
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as err:
            yield _bad(source, number, f"invalid JSON ({err})")
            continue
        if not isinstance(record, dict):
            yield _bad(source, number, f"a JSON {type(record).__name__}, not an object")
            continue
        try:
            release = ReleaseRecord.model_validate(record)
        except ValidationError as err:
            yield _bad(source, number, _problem(err))
            continue
        if not release.text.strip():
            yield DocumentError(source=where, code="E010", message=Errors.E010.format(source=where))
            continue
        meta = {key: valid_unicode(value) for key in _META if (value := getattr(release, key)) is not None}
        if "date" in meta:
            if date := iso_date(meta["date"]):
                meta["date"] = date
            else:
                yield DocumentError(
                    source=where, code="W021", level="warning",
                    message=Warnings.W021.format(value=meta.pop("date"), source=where),
                )
        # str(): the id is a string already (_as_string), its declared type is the input's
        doc_id = valid_unicode(str(release.id)) if release.id is not None else f"{stem}-{number}"
        if problem := unsafe_id(doc_id):
            yield _bad(source, number, f"the id {doc_id[:80]!r} {problem}; ids name the "
                                       "per-document output files, so give a plain file name")
            continue
        yield Document(
            id=doc_id,
            text=valid_unicode(normalise_newlines(release.text)),
            source=source,
            format="jsonl",
            **meta,
        )


#: The longest id (UTF-8 bytes): the output file name adds an extension, and file
#: names are at most 255 bytes.
MAX_ID_BYTES = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def unsafe_id(doc_id: str) -> str | None:
    r"""Why ``doc_id`` cannot name a per-document output file (``DIR/<id>.<ext>``), or ``None``.

    File stems are always safe; a JSON Lines ``id`` may hold anything, and
    ``../x`` or ``a/b`` would write outside the output folder.

    >>> [unsafe_id(i) for i in ["r-1 (2024)", "../x", ".hidden", "a\x00b", " "]]
    [None, 'holds a path separator', "starts with '.'", 'holds control characters', 'is blank']
    """
    if not doc_id.strip():
        return "is blank"
    if "/" in doc_id or "\\" in doc_id:
        return "holds a path separator"
    if doc_id.startswith("."):
        return "starts with '.'"
    if _CONTROL.search(doc_id):
        return "holds control characters"
    if len(doc_id.encode("utf-8", "surrogatepass")) > MAX_ID_BYTES:
        return f"is longer than {MAX_ID_BYTES} bytes"
    return None


def _bad(source: str, line: int, err: str) -> DocumentError:
    return DocumentError(
        source=f"{source}:{line}", code="E020",
        message=Errors.E020.format(line=line, source=source, err=err),
    )
