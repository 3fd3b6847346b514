"""Check SPARQL text before it reaches the engine: size, nesting, UNION branches, SERVICE.

Oxigraph's parser and planner recurse once per nesting level: a few
thousand nested ``{ }`` or ``( )``, or a UNION of some ten thousand
branches, overflow the native stack and abort the whole process (the
HTTP server, or the Python interpreter of ``kgextract query``). A crash
cannot be caught, so the text is checked first, by a small tokenizer that
knows strings, IRIs and comments (a ``{`` inside a string is not nesting).
``SERVICE`` makes the engine call another server over HTTP (and echo its
reply), so it is refused unless the caller allows it.

The limits sit far below the depth that crashes (about 3,000) and far
above what a real query needs (the saved queries nest 4 deep).

>>> check_query("SELECT * WHERE { ?s ?p ?o }")
>>> check_query("SELECT * WHERE { ?s ?p '{{{{' }", limits=QueryLimits(max_depth=2))
>>> check_query("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kgextract.errors.KgextractError: [E110] The query calls another endpoint (SERVICE), which is ...
>>> scan("ASK { { ?s ?p ?o } UNION { ?s ?p 'a UNION b' } } # SERVICE")
QueryShape(size=58, depth=2, unions=1, service=False)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from kgextract.errors import Errors, KgextractError

__all__ = ["QueryLimits", "QueryShape", "scan", "check_query", "DEFAULT_LIMITS"]


class QueryLimits(BaseModel):
    """What a query may be: bytes of text, nesting of brackets, UNION keywords, SERVICE."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = 100_000
    max_depth: int = 100  # { } and ( ) together; Oxigraph 0.5 overflows near 3,000
    max_unions: int = 1_000  # Oxigraph 0.5 overflows near 20,000 branches
    allow_service: bool = False


DEFAULT_LIMITS = QueryLimits()


class QueryShape(NamedTuple):
    """What :func:`scan` measured."""

    size: int
    depth: int
    unions: int
    service: bool


# Strings (long and short), IRIs and comments are skipped whole; a '<' that does not open an
# IRI is the less-than operator. Unterminated strings fall through to single characters: the
# brackets after them are then counted, which only errs on the safe side.
_TOKEN = re.compile(r"""
    (?P<skip> \#[^\n]*
      | '''(?:[^'\\]|\\.|'(?!''))*'''
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '(?:[^'\\\n\r]|\\.)*'
      | "(?:[^"\\\n\r]|\\.)*"
      | <[^<>"{}|^`\\\x00-\x20]*> )
  | (?P<word> [?$]?[^\W\d][\w\-.:]* )
  | (?P<open> [{(] )
  | (?P<close> [})] )
""", re.VERBOSE | re.DOTALL)


def scan(text: str) -> QueryShape:
    """Measure ``text``: UTF-8 size, deepest nesting, UNION keywords, SERVICE keyword.

    >>> scan("SELECT * { FILTER((1 < 2)) }").depth
    3
    """
    depth = deepest = unions = 0
    service = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "word":
            word = m.group().upper()
            if word == "UNION":
                unions += 1
            elif word == "SERVICE":
                service = True
    return QueryShape(len(text.encode("utf-8", "surrogatepass")), deepest, unions, service)


def check_query(text: str, limits: QueryLimits = DEFAULT_LIMITS) -> None:
    """Raise E109 for a query over ``limits``, E110 for SERVICE when not allowed.

    Applies to updates as well (``SERVICE`` may appear in their WHERE).

    >>> check_query("ASK {" * 200 + "}" * 200)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kgextract.errors.KgextractError: [E109] The query nests brackets 200 deep, over the limit of 100...
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:  # before scanning: the scan itself is linear, but why spend it
        raise KgextractError(Errors.E109.format(what=f"is {size} bytes long",
                                                limit=f"{limits.max_bytes} bytes"))
    shape = scan(text)
    if shape.depth > limits.max_depth:
        raise KgextractError(Errors.E109.format(what=f"nests brackets {shape.depth} deep",
                                                limit=str(limits.max_depth)))
    if shape.unions > limits.max_unions:
        raise KgextractError(Errors.E109.format(what=f"has {shape.unions} UNION branches",
                                                limit=str(limits.max_unions)))
    if shape.service and not limits.allow_service:
        raise KgextractError(Errors.E110)
