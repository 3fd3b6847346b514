"""Reports of an :class:`~kgextract.eval.runner.Evaluation`: rich tables, JSON, explain.

Nothing here prints; the CLI prints the renderables these functions return.

>>> from kgextract.eval.runner import evaluate
>>> ev = evaluate({"d1": GoldDocument(id="d1")}, {})
>>> [t.title for t in summary_tables(ev)]  # doctest: +NORMALIZE_WHITESPACE
['Overall', 'Entities by type', 'Relations by predicate', 'Roles in time and event types (q: keys)',
 'Documents (F1 strict / relaxed)']
"""

from __future__ import annotations

import json

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from kgextract.eval.gold import GoldDocument, GoldRelation
from kgextract.eval.predictions import Prediction
from kgextract.eval.runner import Evaluation
from kgextract.eval.score import Counts, DocumentScore, Qualifier
from kgextract.models import DOC

__all__ = ["summary_tables", "summary", "to_json", "explain"]

_SENTENCE_MAX = 200


def _f(value: float) -> str:
    return f"{value:.3f}"


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD)


def _prf(c: Counts) -> str:
    return f"{_f(c.precision)}  {_f(c.recall)}  {_f(c.f1)}"


def _score_table(title: str, label: str, rows: list[tuple[str, Counts, Counts]]) -> Table:
    table = _table(title)
    table.add_column(label, no_wrap=True)
    for name in ("gold", "pred"):
        table.add_column(name, justify="right")
    for variant in ("strict", "relaxed"):
        table.add_column(f"{variant}\n    P      R     F1", no_wrap=True)
    for name, strict, relaxed in rows:
        table.add_row(Text(name), str(strict.tp + strict.fn), str(strict.tp + strict.fp),
                      _prf(strict), _prf(relaxed))
    return table


def _keyed_rows(strict: dict[str, Counts],
                relaxed: dict[str, Counts]) -> list[tuple[str, Counts, Counts]]:
    keys = list(strict) + [k for k in relaxed if k not in strict]
    return [(k, strict.get(k, Counts()), relaxed.get(k, Counts())) for k in keys]


def _document_table(ev: Evaluation) -> Table:
    table = _table("Documents (F1 strict / relaxed)")
    table.add_column("document", no_wrap=True)
    for what in ("entities", "relations"):
        table.add_column(f"{what}\ngold/pred", justify="right")
        table.add_column(f"{what}\nF1", justify="right", no_wrap=True)
    for strict, relaxed in zip(ev.strict.documents, ev.relaxed.documents, strict=True):
        cells = []
        for what in ("entities", "relations"):
            s, r = getattr(strict, what), getattr(relaxed, what)
            cells += [f"{s.tp + s.fn}/{s.tp + s.fp}", f"{_f(s.f1)}/{_f(r.f1)}"]
        table.add_row(Text(strict.doc_id), *cells)
    return table


def summary_tables(ev: Evaluation) -> list[Table]:
    """The overall, per-type, per-predicate and per-document tables, strict beside relaxed."""
    s, r = ev.strict, ev.relaxed
    return [
        _score_table("Overall", "", [("entities", s.entities, r.entities),
                                     ("relations", s.relations, r.relations)]),
        _score_table("Entities by type", "type",
                     _keyed_rows(s.entities_by_type, r.entities_by_type)),
        _score_table("Relations by predicate", "predicate",
                     _keyed_rows(s.relations_by_predicate, r.relations_by_predicate)),
        _score_table("Roles in time and event types (q: keys)", "key",
                     [("all q:", s.qualifiers, r.qualifiers),
                      *_keyed_rows(s.qualifiers_by_key, r.qualifiers_by_key)]),
        _document_table(ev),
    ]


def summary(ev: Evaluation) -> Group:
    """All summary tables as one renderable."""
    return Group(*summary_tables(ev))


def to_json(ev: Evaluation, indent: int = 2) -> str:
    """The strict and relaxed scores (totals, per type, per predicate, per document
    with its matching) and the problems, as JSON.

    >>> from kgextract.eval.runner import evaluate
    >>> sorted(json.loads(to_json(evaluate({"d1": GoldDocument(id="d1")}, {}))))
    ['documents', 'problems', 'relaxed', 'strict']
    """
    data = {
        "documents": sorted(ev.gold),
        "strict": ev.strict.model_dump(mode="json"),
        "relaxed": ev.relaxed.model_dump(mode="json"),
        "problems": [p.model_dump(mode="json") for p in ev.problems],
    }
    return json.dumps(data, indent=indent, ensure_ascii=False)


def _name(doc: GoldDocument, value: str) -> str:
    if value == DOC:
        return DOC
    ent = doc.entity(value)
    return value if ent is None else (ent.name or value)


def _relation(doc: GoldDocument, rel: GoldRelation) -> str:
    text = f"{_name(doc, rel.s)} —{rel.p.value}→ {_name(doc, rel.o)}"
    if rel.alt:
        text += f" (or {', '.join(_name(doc, a) for a in rel.alt)})"
    return text


def _qualifier(doc: GoldDocument, q: Qualifier) -> str:
    held = "" if q.o is None else f" —{_name(doc, q.o)}"
    return f"{q.key} {_name(doc, q.s)}{held}: {q.value}"


def _evidence(records) -> str:
    if not records:
        return ""
    first = records[0]
    sentence = " ".join((first.sentence or first.mention or "").split())
    if len(sentence) > _SENTENCE_MAX:
        sentence = sentence[: _SENTENCE_MAX - 1] + "…"
    confidence = "" if first.confidence is None else f"{first.confidence:.2f}"
    facts = [confidence, first.extractor or ""]
    if len(records) > 1:
        facts.append(f"+{len(records) - 1} more")
    facts = [f for f in facts if f]
    return f"“{sentence}”" + (f" ({', '.join(facts)})" if facts else "")


def _doc_text(gold: GoldDocument, pred: Prediction, strict: DocumentScore,
              relaxed: DocumentScore) -> Text:
    doc = pred.document
    relaxed_links = {link.gold: link.pred for link in relaxed.entity_links}
    e, r = strict.entities, strict.relations
    text = Text(f"{gold.id}: entities {e.tp} matched, {e.fn} missed, {e.fp} spurious; "
                f"relations {r.tp} matched, {r.fn} missed, {r.fp} spurious\n", style="bold")

    def line(kind: str, what: str, detail: str = "") -> None:
        text.append(f"  {kind:<9}", style="red" if kind == "missed" else "yellow")
        text.append(what + "\n")
        if detail:
            text.append(f"             {detail}\n", style="dim")

    for ent_id in strict.missed_entities:
        ent = gold.entity(ent_id)
        assert ent is not None   # a missed entity is one of the gold's
        note = ""
        if ent_id in relaxed_links:
            note = f"relaxed match: {_name(doc, relaxed_links[ent_id])}"
        line("missed", f"{ent.type.value} {ent.name} [{ent.id}]", note)
    for ent_id in strict.spurious_entities:
        ent = doc.entity(ent_id)
        assert ent is not None   # a spurious entity is one of the prediction's
        line("spurious", f"{ent.type.value} {ent.name or '(no label)'} [{ent.id}]",
             _evidence(pred.entity_evidence.get(ent_id, [])))
    for rel in strict.missed_relations:
        line("missed", _relation(gold, rel))
    for rel in strict.spurious_relations:
        line("spurious", _relation(doc, rel), _evidence(pred.evidence(rel.s, rel.p, rel.o)))
    for q in strict.missed_qualifiers:
        line("missed", _qualifier(gold, q))
    for q in strict.spurious_qualifiers:
        line("spurious", _qualifier(doc, q))
    return text


def explain(ev: Evaluation) -> Group:
    """Per document, the missed and spurious entities and relations (strict
    matching), with the evidence sentence of each spurious item where the RDF
    has one, and the relaxed match of each missed entity that has one."""
    parts = []
    for strict, relaxed in zip(ev.strict.documents, ev.relaxed.documents, strict=True):
        counts = (strict.entities, strict.relations, strict.qualifiers)
        if sum(c.fp + c.fn for c in counts) == 0:
            parts.append(Text(f"{strict.doc_id}: everything matched"))
            continue
        doc_id = strict.doc_id
        parts.append(_doc_text(ev.gold[doc_id], ev.predictions[doc_id], strict, relaxed))
    return Group(*parts)
