"""Train and cross-validate the learned relation-pair classifier (``kgx.learned.pairs.v1``) on the WORK SET.

    python benchmarks/learned_pairs.py cv      # grouped k-fold by document: rules alone vs rules + classifier
    python benchmarks/learned_pairs.py train   # fit on the whole work set, write base/data/learned_pairs.v1.json

The work set is the first 13 dev releases and the even ids 042-080; the odd ids
041-079 (the check half) are skipped by name and never opened.

Labels: each mention is mapped to the entity the rules-only run resolves it to
and that entity to its gold entity by the guide's scorer (``match_entities``),
else to a gold entity of its type whose name or alias equals the mention's
normalised text. A pair is positive when the gold holds that relation between
the two gold entities (object or an ``alt``).

The CV scores each held-out document end to end with the scorer: the rules'
candidates plus the classifier's go through qualification and resolution as in
``kgx_relations``, and the result is compared with the rules-alone result.
The threshold of each predicate is chosen inside each training fold (an inner
grouped CV), never on the held-out documents.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import common
from kgextract.base.normalize import normalize_name
from kgextract.eval.gold import load_gold
from kgextract.eval.predictions import graph_to_prediction
from kgextract.eval.score import match_entities, score_document
from kgextract.ingest.reader import read_document
from kgextract.models import Predicate
from kgextract.nlp.doc_index import remembering
from kgextract.nlp.pipeline import build_pipeline
from kgextract.pipeline.components import Dateline
from kgextract.rdf.corpus import to_rdf
from kgextract.relations.learned import (
    EXTRACTOR,
    MODEL_FILE,
    PairModel,
    _rule_names,
    added_candidates,
    load_pair_model,
    rule_links,
    score_pairs,
)
from kgextract.relations.logistic import train
from kgextract.relations.pairs import PAIR_TYPES, already_linked, candidate_pairs, pair_features
from kgextract.relations.registry import Context, run_extractors
from kgextract.relations.tenure import qualify
from kgextract.resolve.within import resolve_document

#: Training settings (part of the model's version: a change is a new model file).
SETTINGS = {"bits": 16, "l2": 3e-3, "epochs": 300, "rate": 0.05, "positive_weight": 1.0}
#: The predicates the shipped model scores: those where the CV showed a gain over the rules alone
#: (memberOf +0.027 F1; the others lost precision without recall, see the README of benchmarks/).
SHIPPED = ("memberOf",)
THRESHOLDS = [round(0.3 + 0.05 * k, 2) for k in range(13)]  # 0.30 .. 0.90
PREDICATES = tuple(PAIR_TYPES)


def work_ids(gold_dir: Path) -> list[str]:
    """The work set's ids, from file names only (the check half is never opened)."""
    out = []
    for path in sorted(gold_dir.glob("*.gold.json")):
        doc_id = path.name[: -len(".gold.json")]
        if doc_id.isdigit() and 41 <= int(doc_id) <= 79 and int(doc_id) % 2 == 1:
            continue
        out.append(doc_id)
    return out


@dataclass
class Row:
    doc_id: str
    pair: object
    features: list[str]
    label: int
    rule: bool  # the rules-only run already holds this relation between the two mentions' entities
    unit: tuple  # the relation the pair stands for: (doc, predicate, subject entity, object entity)


@dataclass
class Item:
    doc_id: str
    gold: object
    doc: object
    document: object
    raw: list
    links: dict
    rows: dict = field(default_factory=dict)  # predicate -> [Row]


def _prediction(result):
    return graph_to_prediction(to_rdf([result], across=False, linking=False), result.document.id).document


def _resolve(item: Item, extra: list):
    doc = item.doc
    with remembering(doc):
        context = Context(document=item.document, reference_date=doc._.kgx_doc_date, dateline=doc._.kgx_dateline)
        return resolve_document(doc, qualify(doc, list(item.raw) + list(extra), context), item.document)


def prepare(shared: Path) -> list[Item]:
    """Parse every work-set release, run the rules, and label its candidate pairs."""
    nlp = build_pipeline("auto")
    dateline = Dateline()
    names = _rule_names()
    items = []
    for doc_id in work_ids(shared / "eval" / "dev"):
        gold = load_gold(shared / "eval" / "dev" / f"{doc_id}.gold.json")
        document = read_document(shared / "corpus" / f"{doc_id}.txt")
        doc = nlp(document.text)
        doc._.kgx_document = document
        doc = dateline(doc)
        with remembering(doc):
            context = Context(document=document, reference_date=doc._.kgx_doc_date, dateline=doc._.kgx_dateline)
            raw = run_extractors(doc, context, names)
        item = Item(doc_id, gold, doc, document, raw, rule_links(raw))
        _label(item)
        items.append(item)
        print(f"  {doc_id}: {sum(len(r) for r in item.rows.values())} pairs", file=sys.stderr)
    return items


def _label(item: Item) -> None:
    base = _resolve(item, [])
    pred = _prediction(base)
    to_gold = {link.pred: link.gold for link in match_entities(item.gold, pred)}
    by_offsets = {}
    for ent in base.entities:
        for m in ent.mentions:
            by_offsets.setdefault((m.start, m.end), ent.key)
    by_name: dict[tuple[str, str], str] = {}
    for ent in item.gold.entities:
        for name in ent.names:
            for t in ent.types:
                by_name.setdefault((t.value, normalize_name(name)), ent.id)
    base_rels = {(r.predicate.value, r.subject, r.object) for r in base.relations}
    gold_rel: set[tuple[str, str, str]] = set()
    for rel in item.gold.relations:
        for obj in [rel.o, *rel.alt]:
            gold_rel.add((rel.p.value, rel.s, obj))

    def gold_of(span) -> str | None:
        key = by_offsets.get((span.start_char, span.end_char))
        if key is not None and key in to_gold:
            return to_gold[key]
        return by_name.get((span.label_, normalize_name(span.text)))

    with remembering(item.doc):
        for pair in candidate_pairs(item.doc, PREDICATES):
            gs, go = gold_of(pair.subject), gold_of(pair.object)
            label = int(gs is not None and go is not None and (pair.predicate.value, gs, go) in gold_rel)
            s, o = pair.subject, pair.object
            ks, ko = by_offsets.get((s.start_char, s.end_char)), by_offsets.get((o.start_char, o.end_char))
            rule = already_linked(pair, item.links) or (pair.predicate.value, ks, ko) in base_rels
            unit = (item.doc_id, pair.predicate.value, gs or ks or normalize_name(s.text),
                    go or ko or normalize_name(o.text))
            item.rows.setdefault(pair.predicate, []).append(
                Row(item.doc_id, pair, pair_features(pair, item.links), label, rule, unit))


def fit(items: list[Item], predicate: Predicate):
    rows = [r for it in items for r in it.rows.get(predicate, [])]
    return train([r.features for r in rows], [r.label for r in rows], **SETTINGS)


def folds(items: list[Item], k: int) -> list[list[Item]]:
    return [items[i::k] for i in range(k)]


def choose_threshold(items: list[Item], predicate: Predicate, inner: int = 3) -> float:
    """The threshold that maximises F1 of rules + additions over inner out-of-fold scores, counted per
    relation (``Row.unit``: several mention pairs of the same two entities are one relation)."""
    units: dict[tuple, list] = {}  # unit -> [best probability of a pair the rules missed, label, rule]
    for held in folds(items, inner):
        ids = {it.doc_id for it in held}
        model = fit([it for it in items if it.doc_id not in ids], predicate)
        for it in held:
            for r in it.rows.get(predicate, []):
                entry = units.setdefault(r.unit, [0.0, 0, False])
                entry[1] |= r.label
                entry[2] |= r.rule
                if not r.rule:
                    entry[0] = max(entry[0], model.probability(r.features))
    scored = [tuple(v) for v in units.values()]
    positives = sum(label for _, label, _ in scored)
    best, best_f1 = 1.01, -1.0
    for t in THRESHOLDS:
        tp = sum(1 for p, label, rule in scored if (rule or p >= t) and label)
        n = sum(1 for p, label, rule in scored if rule or p >= t)
        f1 = 2 * tp / (n + positives) if n + positives else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = t, f1
    return best


def cross_validate(items: list[Item], k: int) -> None:
    base_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    new_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    chosen: dict[str, list[float]] = defaultdict(list)
    for n, held in enumerate(folds(items, k)):
        ids = {it.doc_id for it in held}
        training = [it for it in items if it.doc_id not in ids]
        models, thresholds = {}, {}
        for p in PREDICATES:
            models[p] = fit(training, p)
            thresholds[p] = choose_threshold(training, p)
            chosen[p.value].append(thresholds[p])
        print(f"  fold {n + 1}/{k}: thresholds " + ", ".join(f"{p.value} {t}" for p, t in thresholds.items()),
              file=sys.stderr)
        for it in held:
            with remembering(it.doc):
                scored = [(r.pair, models[p].probability(r.features)) for p in PREDICATES for r in it.rows.get(p, [])]
                extra = list(added_candidates(scored, it.links, thresholds))
            _count(it, extra, base_counts, new_counts)
    _table(base_counts, new_counts, chosen, k, len(items))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _count(it, extra, base_counts, new_counts) -> None:
    """Score one release twice, rules alone and rules + ``extra``; add tp/fp/fn per predicate."""
    for counts, extra_cands in ((base_counts, []), (new_counts, extra)):
        score = score_document(it.gold, _prediction(_resolve(it, extra_cands)))
        for key, c in score.relations_by_predicate.items():
            counts[key][0] += c.tp
            counts[key][1] += c.fp
            counts[key][2] += c.fn


def _table(base, new, chosen, k: int, n_docs: int) -> None:
    rows = []
    keys = [p.value for p in PREDICATES] + sorted(set(base) - {p.value for p in PREDICATES})
    totals = {"base": [0, 0, 0], "new": [0, 0, 0]}
    for key in keys:
        b, c = base.get(key, [0, 0, 0]), new.get(key, [0, 0, 0])
        for i in range(3):
            totals["base"][i] += b[i]
            totals["new"][i] += c[i]
        if key not in [p.value for p in PREDICATES]:
            continue
        bp, br, bf = _prf(*b)
        cp, cr, cf = _prf(*c)
        th = chosen.get(key, [])
        rows.append([key, b[0] + b[2], bp, br, bf, cp, cr, cf, f"{cf - bf:+.3f}",
                     f"{min(th):.2f}-{max(th):.2f}" if th else ""])
    bp, br, bf = _prf(*totals["base"])
    cp, cr, cf = _prf(*totals["new"])
    rows.append(["all relations", sum(totals["base"][i] for i in (0, 2)), bp, br, bf, cp, cr, cf,
                 f"{cf - bf:+.3f}", ""])
    print(f"\nGrouped {k}-fold CV by document on the work set ({n_docs} releases), strict scorer, "
          "thresholds chosen inside each training fold:\n")
    print(common.markdown_table(["predicate", "gold", "rules P", "rules R", "rules F1", "+clf P", "+clf R", "+clf F1",
                                 "dF1", "thresholds"], rows))


def score_shipped(items: list[Item]) -> None:
    """Rules alone vs rules + the shipped model on the work set it was trained on (optimistic)."""
    model = load_pair_model()
    base_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    new_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for it in items:
        with remembering(it.doc):
            extra = list(added_candidates(score_pairs(it.doc, model, it.links), it.links, model.thresholds))
        _count(it, extra, base_counts, new_counts)
    print("\nThe shipped model on the work set it was trained on (optimistic; the CV table is the honest one):")
    _table(base_counts, new_counts, {}, 0, len(items))


def train_all(items: list[Item], out: Path, predicates: tuple[str, ...]) -> None:
    models, thresholds = {}, {}
    for p in (Predicate(name) for name in predicates):
        models[p] = fit(items, p)
        thresholds[p] = choose_threshold(items, p, inner=5)
    data = PairModel(models, thresholds).to_dict(
        extractor=EXTRACTOR, trained_on=sorted(it.doc_id for it in items),
        command="python benchmarks/learned_pairs.py train", settings=SETTINGS, thresholds_from="inner 5-fold CV")
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out} ({', '.join(f'{p.value} t={t}' for p, t in thresholds.items())})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["cv", "train", "score"])
    parser.add_argument("--predicates", nargs="+", default=list(SHIPPED), help="what `train` fits")
    parser.add_argument("--shared", type=Path, default=common.default_shared())
    parser.add_argument("--folds", type=int, default=11)
    parser.add_argument("--l2", type=float, default=SETTINGS["l2"])
    parser.add_argument("--positive-weight", type=float, default=SETTINGS["positive_weight"])
    parser.add_argument("--out", type=Path, default=common.REPO / "src" / "kgextract" / "nlp" / "data" / MODEL_FILE)
    args = parser.parse_args(argv)
    common.require_dir(args.shared / "eval" / "dev", "the dev gold")
    SETTINGS.update(l2=args.l2, positive_weight=args.positive_weight)
    items = prepare(args.shared)
    if args.mode == "cv":
        cross_validate(items, args.folds)
    elif args.mode == "train":
        train_all(items, args.out, tuple(args.predicates))
    else:
        score_shipped(items)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
