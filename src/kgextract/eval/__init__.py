"""The scorer for gold files: read gold and predicted RDF, match, report.

>>> from kgextract.eval import GoldDocument, score_document
>>> doc = GoldDocument(id="d", entities=[{"id": "p1", "type": "Person", "name": "Ann Lee"}])
>>> score_document(doc, doc).entities.f1
1.0
"""

from kgextract.eval.gold import GoldDocument, GoldEntity, GoldRelation, load_gold, load_gold_dir
from kgextract.eval.normalize import names_match, normalize_name, token_contains
from kgextract.eval.predictions import (
    Prediction,
    graph_to_prediction,
    load_prediction_dir,
    read_prediction,
)
from kgextract.eval.runner import Evaluation, evaluate, evaluate_dirs
from kgextract.eval.score import (
    CorpusScore,
    Counts,
    DocumentScore,
    match_entities,
    match_relations,
    score_corpus,
    score_document,
)

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
