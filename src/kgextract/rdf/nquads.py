"""N-Quads lines, written without an rdflib store.

The N-Quads of kgextract are sorted, unique lines (so a file's bytes depend
only on its triples). Two ways lead here: ``serialize(dataset, "nquads")``
for a finished ``rdflib.Dataset``, and :class:`TripleBuffer`, a write-only
stand-in for a named ``Graph`` that the mapping can fill directly when the
only goal is the file: rdflib's in-memory store indexes every triple three
ways, which costs more than extracting the document did.

>>> from rdflib import Literal, URIRef
>>> g = TripleBuffer(URIRef("http://ex.org/g"))
>>> a, p = URIRef("http://ex.org/a"), URIRef("http://ex.org/p")
>>> g.add((a, p, Literal('say "hi"')))
>>> g.set((a, p, Literal(2)))  # like Graph.set: replaces every (a, p, *)
>>> print(nquads_bytes(g.quads()).decode(), end="")
<http://ex.org/a> <http://ex.org/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex.org/g> .
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["TripleBuffer", "escape", "term", "nquads_bytes"]

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRI_BAD = '<>"{}|^`\\' + "".join(chr(i) for i in range(0x21))
_IRI_ESCAPE = re.compile(f"[{re.escape(''.join(sorted(_IRI_BAD)))}]")
# ECHARs, then what must be \uXXXX in a literal: controls, line separators, lone surrogates
_LITERAL_ESCAPE = re.compile("[\\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _uchar(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04X}"


def _echar(m: re.Match) -> str:
    ch = m.group()
    return _ECHAR.get(ch) or f"\\u{ord(ch):04X}"


def escape(text: str, iri: bool = False) -> str:
    """``text`` as N-Quads writes it inside ``<...>`` (``iri``) or ``"..."``.

    >>> escape('say "hi"\\n'), escape("a b", iri=True)
    ('say \\\\"hi\\\\"\\\\n', 'a\\\\u0020b')
    """
    # one regex pass: most text has nothing to escape and comes back as it is
    return _IRI_ESCAPE.sub(_uchar, text) if iri else _LITERAL_ESCAPE.sub(_echar, text)


def term(node) -> str:
    """One RDF term in N-Quads syntax.

    >>> term(URIRef("http://ex.org/a")), term(Literal("hi", lang="en"))
    ('<http://ex.org/a>', '"hi"@en')
    """
    if isinstance(node, URIRef):
        return f"<{escape(node, iri=True)}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    assert isinstance(node, Literal)
    text = f'"{escape(str(node))}"'
    if node.language:
        return f"{text}@{node.language}"
    if node.datatype and node.datatype != XSD.string:
        return f"{text}^^<{escape(node.datatype, iri=True)}>"
    return text


def nquads_bytes(quads: Iterable[tuple]) -> bytes:
    """Sorted, unique N-Quads lines of ``(s, p, o, graph)`` tuples (``graph`` None: the default graph)."""
    written: dict[object, str] = {}  # IRIs and labels recur on every line: write each once

    def text(node) -> str:
        out = written.get(node)
        if out is None:
            out = written[node] = term(node)
        return out

    lines = set()
    for s, p, o, g in quads:
        parts = [text(s), text(p), text(o)] if g is None else [text(s), text(p), text(o), text(g)]
        lines.add(" ".join(parts) + " .\n")
    return "".join(sorted(lines)).encode("utf-8", "surrogatepass")


class TripleBuffer:
    """The triples of one named graph, kept in a set: what the mapping needs of a ``Graph``.

    ``add`` and ``set`` behave as rdflib's; there is no querying.
    """

    def __init__(self, identifier: URIRef | None = None):
        self.identifier = identifier
        self._triples: dict[tuple, None] = {}  # insertion-ordered set

    def add(self, triple: tuple) -> None:
        self._triples[triple] = None

    def set(self, triple: tuple) -> None:
        s, p, _ = triple
        for old in [t for t in self._triples if t[0] == s and t[1] == p]:
            del self._triples[old]
        self._triples[triple] = None

    def quads(self) -> Iterator[tuple]:
        """``(s, p, o, graph)`` for :func:`nquads_bytes`."""
        return ((s, p, o, self.identifier) for s, p, o in self._triples)
