"""kgextract's relation stage as spaCy components: ``kgx_dateline`` and ``kgx_relations``.

After the mention components (``kgx_entity_fixes``, ``kgx_roles``,
``kgx_events``), ``kgx_dateline`` reads the dateline ("GENEVA, 5 May 2023 --")
and ``kgx_relations`` runs the relation extractors, qualifies memberships in
time and merges mentions into entities. The document's resolved relations
(each with its evidence) are then in ``doc._.relations`` and its entities in
``doc._.entities``:

>>> import kgextract
>>> nlp = kgextract.load()
>>> doc = nlp("OSLO, 3 March 2024 -- Vela Systems named Ida Berg chief executive officer.")
>>> [(r.subject, r.object) for r in doc._.relations if r.predicate.value == "hasRole"]
[('person/ida-berg', 'role/chief-executive-officer')]
>>> [(e.sentence[-27:], e.extractor) for r in doc._.relations for e in r.evidence if r.predicate.value == "hasRole"]
[('rg chief executive officer.', 'kgx.roles.parse.v1')]

The extractors are chosen by name in the ``kgx_relations`` config
(``extractors``; by default every built-in one). Extractors other packages
register through the ``kgextract_relation_extractors`` entry point run only
when named there. A ``Doc`` may carry its ``Document`` (id, date and other
metadata) in ``doc._.kgx_document``; without one the document is called
``"text"`` and has no metadata.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

import kgextract.relations  # noqa: F401  (registers the built-in extractors)
from kgextract.base.dates import infer_year
from kgextract.errors import Errors, KgextractError
from kgextract.ingest.dateline import find_dateline
from kgextract.models import Document
from kgextract.nlp.doc_index import doc_text, remembering
from kgextract.nlp.entity_fixes import drop_overlaps
from kgextract.nlp.extensions import MENTIONS, register_extensions
from kgextract.nlp.pipeline import assemble
from kgextract.relations.document import wire_agency
from kgextract.relations.registry import Context, builtin_extractors, registered_extractors, run_extractors
from kgextract.relations.tenure import qualify
from kgextract.resolve.within import resolve_document

__all__ = ["RELATION_COMPONENTS", "Dateline", "Relations", "load", "add_relation_components", "selected_extractors"]

#: The components that follow the mention components, in their order.
RELATION_COMPONENTS = ("kgx_dateline", "kgx_relations")

#: What the relation stage reads from the statistical model and the mention components.
_REQUIRES = ["doc.ents", "doc.sents", "doc.spans", "token.dep", "token.head", "token.tag"]


def _register() -> None:
    register_extensions()
    for name in ("relations", "entities", "kgx_document"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_register()


def selected_extractors(names: Iterable[str] | None = None) -> list[str]:
    """The extractor names a selection stands for, checked (E048 for an unknown one).

    ``None`` is every built-in extractor in the order they always ran (sorted
    by name); plugins from entry points run only when named.

    >>> selected_extractors(["kgx.roles.v1"])
    ['kgx.roles.v1']
    >>> "kgx.roles.v1" in selected_extractors()
    True
    """
    if names is None:
        return sorted(builtin_extractors())
    available = registered_extractors()
    chosen: list[str] = []
    for name in names:
        if name not in available:
            raise KgextractError(Errors.E048.format(name=name, options=", ".join(sorted(available))))
        if name not in chosen:
            chosen.append(name)
    return chosen


@Language.factory("kgx_dateline", requires=_REQUIRES,
                  assigns=["doc._.kgx_dateline", "doc._.kgx_doc_date", "doc.spans"])
def make_dateline(nlp: Language, name: str) -> Dateline:
    """Build the dateline component (no settings)."""
    return Dateline()


@Language.factory("kgx_relations", default_config={"extractors": None, "threshold": 0.0},
                  requires=_REQUIRES, assigns=["doc._.relations", "doc._.entities"])
def make_relations(nlp: Language, name: str, extractors: list[str] | None, threshold: float) -> Relations:
    """Build the relation component; ``extractors`` names the extractors to run
    (``null``: every built-in one), ``threshold`` drops relations of lower confidence.

    Without a ``kgx_dateline`` before it, it reads the dateline itself, so that
    ``nlp.add_pipe("kgx_relations")`` alone is enough.
    """
    own_dateline = "kgx_dateline" not in nlp.pipe_names
    return Relations(extractors, threshold, dateline=Dateline() if own_dateline else None)


def _document(doc: Doc) -> Document:
    document = doc._.kgx_document
    return document if document is not None else Document(id="text", text=doc_text(doc))


class Dateline:
    """Find the dateline; make its place (and region) Place mentions and its
    wire service ("(AP)") an Organization mention; set the date the document
    speaks from (``doc._.kgx_doc_date``), against which relative dates are read."""

    def __call__(self, doc: Doc) -> Doc:
        document = _document(doc)
        with remembering(doc):
            line = find_dateline(doc_text(doc))  # no year from page metadata: the guide takes dates from the text only
            reference = None
            if line is not None:
                if line.date is not None and len(line.date.start) == 10:
                    reference = dt.date.fromisoformat(line.date.start)
                _add_dateline_places(doc, line)
            if reference is None and document.date and len(document.date) >= 10:
                try:
                    reference = dt.date.fromisoformat(document.date[:10])
                except ValueError:
                    reference = None
            if reference is None:
                year = infer_year(doc_text(doc))
                reference = dt.date(year, 7, 1) if year else None
        doc._.kgx_dateline = line
        doc._.kgx_doc_date = reference
        return doc


class Relations:
    """Run the chosen relation extractors, qualify memberships in time, and merge
    mentions into entities: ``doc._.relations`` and ``doc._.entities``."""

    def __init__(self, extractors: Iterable[str] | None = None, threshold: float = 0.0,
                 dateline: Dateline | None = None):
        # None stays None: every built-in extractor registered when a document is read, one
        # registered after the pipeline was built included (as run_extractors does)
        self.extractors = None if extractors is None else selected_extractors(extractors)
        self.threshold = threshold
        self._dateline = dateline

    def __call__(self, doc: Doc) -> Doc:
        if self._dateline is not None:
            doc = self._dateline(doc)
        document = _document(doc)
        with remembering(doc):  # the rules ask for the same sentences and mentions again and again
            context = Context(document=document, reference_date=doc._.kgx_doc_date, dateline=doc._.kgx_dateline)
            candidates = qualify(doc, run_extractors(doc, context, self.extractors), context)
            result = resolve_document(doc, candidates, document, threshold=self.threshold)
        doc._.relations = result.relations
        doc._.entities = result.entities
        return doc


def _add_dateline_places(doc: Doc, line) -> None:
    """Make the dateline's place (and region) Place mentions, and its wire service
    ("(AP)") an Organization mention, replacing what overlaps them."""
    spans = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
    new: list[Span] = []
    region = (getattr(line, "region_start", None), getattr(line, "region_end", None))
    for start, end in ((line.place_start, line.place_end), region, *getattr(line, "more_places", ())):
        if start is None or end is None:
            continue
        span = doc.char_span(start, end, label="Place", alignment_mode="expand")
        if span is not None:
            new.append(span)
    agency = wire_agency(doc, line)
    if agency is not None:
        new.append(agency)
    if not new:
        return
    kept = [s for s in spans if not any(s.start < n.end and n.start < s.end for n in new)]
    doc.spans[MENTIONS] = drop_overlaps(kept + new)


def add_relation_components(nlp: Language, extractors: Iterable[str] | None = None,
                            threshold: float = 0.0) -> Language:
    """Add ``kgx_dateline`` and ``kgx_relations`` at the end of ``nlp`` and return it."""
    nlp.add_pipe("kgx_dateline")
    names = None if extractors is None else list(extractors)
    nlp.add_pipe("kgx_relations", config={"extractors": names, "threshold": threshold})
    return nlp


def load(model: str = "auto", extractors: Iterable[str] | None = None, threshold: float = 0.0) -> Language:
    """A new pipeline: the spaCy ``model`` ('auto': the best installed English one) with
    all of kgextract's components, so that ``nlp(text)._.relations`` holds the relations.

    ``extractors`` names the relation extractors to run (default: every built-in
    one; a plugin's only when named). Each call loads the model anew.
    """
    return add_relation_components(assemble(model), extractors, threshold)

