"""Check a graph against the SHACL shapes of ``ontologies/shapes.ttl`` with pySHACL.

The shapes check the union of all named graphs (as the annotation guide's
contract is stated on the union), so a file or store is first read into
one ``rdflib.Graph``.

Where the shapes are found: ``ontologies/`` is the source of truth and is
not package data, so :func:`find_shapes` takes, in order, an explicit
path, the ``KGEXTRACT_SHAPES`` environment variable, the ``ontologies/``
folder of the source checkout the package is imported from (an editable
install: ``src/kgextract/../../ontologies``), ``ontologies/`` under the
current folder, and the package resource ``kgextract/ontologies/shapes.ttl``
(should a build ever ship it there). E103 lists what was tried.

>>> from kgextract.graph.examples import sample_results
>>> from kgextract.rdf import to_graph
>>> validate_graph(to_graph(sample_results())).conforms
True
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from pydantic import BaseModel, ConfigDict
from rdflib import RDF, BNode, Graph, Namespace, URIRef
from rdflib.term import Node

from kgextract.errors import Errors, KgextractError
from kgextract.store.oxigraph import open_store, rdf_format
from kgextract.store.results import compact

__all__ = ["SHAPES_ENV", "Finding", "ValidationReport", "shapes_candidates", "find_shapes",
           "validate_graph", "read_union", "store_union", "validate_file", "validate_store"]

#: Environment variable that names the shapes file.
SHAPES_ENV = "KGEXTRACT_SHAPES"

SH = Namespace("http://www.w3.org/ns/shacl#")
KGXSH = "https://w3id.org/kgextract/shapes#"
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


class Finding(BaseModel):
    """One SHACL validation result, with IRIs written as prefixed names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: str
    focus: str
    path: str | None = None
    value: str | None = None
    message: str
    shape: str | None = None


class ValidationReport(BaseModel):
    """All findings; ``conforms`` is true when none is a Violation (warnings allowed)."""

    model_config = ConfigDict(extra="forbid")

    shapes: str
    findings: list[Finding]

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations


def shapes_candidates() -> list[Path]:
    """The places :func:`find_shapes` looks at, in order."""
    found = []
    if os.environ.get(SHAPES_ENV):
        found.append(Path(os.environ[SHAPES_ENV]))
    checkout = Path(__file__).resolve().parents[3]  # src/kgextract/store/validate.py
    found += [checkout / "ontologies" / "shapes.ttl", Path.cwd() / "ontologies" / "shapes.ttl"]
    try:
        res = resources.files("kgextract") / "ontologies" / "shapes.ttl"
        found.append(Path(str(res)))
    except (TypeError, ModuleNotFoundError):  # pragma: no cover - exotic loaders
        pass
    return found


def find_shapes(explicit: str | os.PathLike | None = None) -> Path:
    """The SHACL shapes file to use (E103 when there is none).

    >>> find_shapes().name
    'shapes.ttl'
    """
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise KgextractError(Errors.E103.format(options=path))
        return path
    candidates = shapes_candidates()
    for path in candidates:
        if path.is_file():
            return path
    raise KgextractError(Errors.E103.format(options=", ".join(map(str, candidates))))


def _text(term: Node | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return compact(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _shape_name(shape: Node | None, shapes: Graph) -> str | None:
    """A property shape is a blank node: name the node shape that holds it."""
    if isinstance(shape, BNode):
        shape = shapes.value(None, SH.property, shape) or shape
    if not isinstance(shape, URIRef):
        return None
    return "kgxsh:" + shape[len(KGXSH):] if shape.startswith(KGXSH) else _text(shape)


def _findings(report: Graph, shapes: Graph) -> list[Finding]:
    out = []
    for res in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(res, SH.resultSeverity)).rsplit("#", 1)[-1]
        said = report.value(res, SH.resultMessage)
        if said is not None:
            message = str(said)
        else:
            component = str(report.value(res, SH.sourceConstraintComponent))
            message = f"fails {component.rsplit('#', 1)[-1]}"
        out.append(Finding(
            severity=severity, focus=_text(report.value(res, SH.focusNode)) or "",
            path=_text(report.value(res, SH.resultPath)),
            value=_text(report.value(res, SH.value)), message=message,
            shape=_shape_name(report.value(res, SH.sourceShape), shapes)))
    return sorted(out, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 9), f.focus,
                                      f.path or "", f.message, f.value or ""))


def validate_graph(data: Graph, shapes: str | os.PathLike | None = None) -> ValidationReport:
    """Validate ``data`` (one graph: the union) against the shapes; no inference."""
    try:
        import pyshacl
    except ImportError as err:  # pragma: no cover - pyshacl is a test dependency
        raise KgextractError(Errors.E106) from err
    path = find_shapes(shapes)
    shapes_graph = Graph().parse(path, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none",
                                     allow_warnings=True)
    return ValidationReport(shapes=str(path), findings=_findings(report, shapes_graph))


def _graph_of(quads) -> Graph:
    triples = (q.triple if isinstance(q, ox.Quad) else q for q in quads)
    payload = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=payload, format="nt")


def read_union(path: str | os.PathLike) -> Graph:
    """Read an RDF file (any format of :data:`RDF_EXTENSIONS`) as the union of its graphs."""
    fmt = rdf_format(path)
    try:
        return _graph_of(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as err:
        raise KgextractError(Errors.E092.format(path=path, fmt=fmt.name, err=err)) from err


def store_union(store_dir: str | os.PathLike) -> Graph:
    """The union of every graph in the store (opened read-only)."""
    with open_store(store_dir, read_only=True) as store:
        return _graph_of(store.quads_for_pattern(None, None, None, None))


def validate_file(path: str | os.PathLike, shapes=None) -> ValidationReport:
    """Validate an RDF file (the union of its graphs)."""
    return validate_graph(read_union(path), shapes)


def validate_store(store_dir: str | os.PathLike, shapes=None) -> ValidationReport:
    """Validate everything in a store (the union of its graphs)."""
    return validate_graph(store_union(store_dir), shapes)
