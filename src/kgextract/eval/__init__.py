"""The scorer for gold files: read gold and predicted RDF, match, report.

>>> from kgextract.eval import GoldDocument, score_document
>>> doc = GoldDocument(id="d", entities=[{"id": "p1", "type": "Person", "name": "Ann Lee"}])
>>> score_document(doc, doc).entities.f1
1.0
"""

from kgextract.lazy import lazy_exports

# Imported on first use (kgextract.lazy): `kgextract --help` and `kgextract query` need only a few of them.
_HOMES = {
    "GoldDocument": "kgextract.eval.gold",
    "GoldEntity": "kgextract.eval.gold",
    "GoldRelation": "kgextract.eval.gold",
    "load_gold": "kgextract.eval.gold",
    "load_gold_dir": "kgextract.eval.gold",
    "names_match": "kgextract.base.normalize",
    "normalize_name": "kgextract.base.normalize",
    "token_contains": "kgextract.base.normalize",
    "Prediction": "kgextract.eval.predictions",
    "graph_to_prediction": "kgextract.eval.predictions",
    "load_prediction_dir": "kgextract.eval.predictions",
    "read_prediction": "kgextract.eval.predictions",
    "Evaluation": "kgextract.eval.runner",
    "evaluate": "kgextract.eval.runner",
    "evaluate_dirs": "kgextract.eval.runner",
    "CorpusScore": "kgextract.eval.score",
    "Counts": "kgextract.eval.score",
    "DocumentScore": "kgextract.eval.score",
    "match_entities": "kgextract.eval.score",
    "match_relations": "kgextract.eval.score",
    "score_corpus": "kgextract.eval.score",
    "score_document": "kgextract.eval.score",
}
__getattr__, __dir__ = lazy_exports(globals(), _HOMES)

__all__ = [
    "GoldDocument",
    "GoldEntity",
    "GoldRelation",
    "load_gold",
    "load_gold_dir",
    "normalize_name",
    "names_match",
    "token_contains",
    "Prediction",
    "graph_to_prediction",
    "read_prediction",
    "load_prediction_dir",
    "Counts",
    "DocumentScore",
    "CorpusScore",
    "match_entities",
    "match_relations",
    "score_document",
    "score_corpus",
    "Evaluation",
    "evaluate",
    "evaluate_dirs",
]
