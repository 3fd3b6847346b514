"""Pair gold and predicted documents and score them, strict and relaxed.

>>> rel = {"s": "DOC", "p": "datePublished", "o": "2024"}
>>> gold = {"d1": GoldDocument(id="d1", relations=[rel])}
>>> ev = evaluate(gold, {})
>>> ev.strict.relations.recall, [p.code for p in ev.problems]
(0.0, ['W004'])
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from kgextract.errors import Warnings
from kgextract.eval.gold import GoldDocument, load_gold_dir
from kgextract.eval.predictions import Prediction, load_prediction_dir
from kgextract.eval.score import CorpusScore, score_corpus
from kgextract.models import DocumentError

__all__ = ["Evaluation", "evaluate", "evaluate_dirs"]

logger = logging.getLogger("kgextract")


class Evaluation(BaseModel):
    """Gold, predictions (one per gold document), both scores and the problems met."""

    model_config = ConfigDict(extra="forbid")

    gold: dict[str, GoldDocument]
    predictions: dict[str, Prediction]
    strict: CorpusScore
    relaxed: CorpusScore
    problems: list[DocumentError] = Field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        """True when a problem of level ``error`` (an unreadable file) was met."""
        return any(p.level == "error" for p in self.problems)


def evaluate(gold: dict[str, GoldDocument], predictions: dict[str, Prediction]) -> Evaluation:
    """Score every gold document; a missing prediction counts as empty (W004),
    a prediction without gold is ignored (W003)."""
    problems: list[DocumentError] = []
    paired: dict[str, Prediction] = {}
    for doc_id in sorted(gold):
        pred = predictions.get(doc_id)
        if pred is None:
            pred = Prediction(document=GoldDocument(id=doc_id))
            problems.append(DocumentError(source=doc_id, code="W004", level="warning",
                                          message=Warnings.W004.format(doc_id=doc_id)))
        problems.extend(pred.problems)
        paired[doc_id] = pred
    for doc_id in sorted(set(predictions) - set(gold)):
        problems.append(DocumentError(source=predictions[doc_id].source or doc_id, code="W003",
                                      level="warning", message=Warnings.W003.format(doc_id=doc_id)))
    for problem in problems:
        logger.info("%s", problem.message)
    pairs = [(gold[doc_id], paired[doc_id].document) for doc_id in sorted(gold)]
    return Evaluation(gold=dict(sorted(gold.items())), predictions=paired,
                      strict=score_corpus(pairs), relaxed=score_corpus(pairs, relaxed=True),
                      problems=problems)


def evaluate_dirs(gold_dir: str | Path, pred_dir: str | Path) -> Evaluation:
    """Load ``<id>.gold.json`` files and ``<id>.<ext>`` predictions, and score them.

    Raises ``KgextractError`` for a missing folder or an invalid gold file.
    """
    return evaluate(load_gold_dir(gold_dir), load_prediction_dir(pred_dir))
