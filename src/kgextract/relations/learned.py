"""``kgx.learned.pairs.v1``: relations a trained classifier reads from the parse between two mentions.

For each pair of mentions in one sentence whose types fit a predicate
(``relations.pairs.PAIR_TYPES``), a logistic model per predicate weighs the
pair's parse-path features (``relations.pairs.pair_features``) and gives the
probability that the text states the relation. Pairs above the predicate's
threshold that the rules did not already link become candidates, each with
its sentence as evidence and the probability as its confidence.

The weights are a versioned data file (``base/data/learned_pairs.v1.json``),
written by ``benchmarks/learned_pairs.py train`` from the work-set gold only;
the same script prints the cross-validated comparison with the rules alone.
A new training of different behaviour is a new file and a new extractor name.

The extractor is opt-in: it is declared through the ``kgextract_relation_extractors``
entry point (``pyproject.toml``), so it runs only when named
(``kgextract extract --extractor ...``), never among the defaults. Importing this
module registers nothing. The cross-validated gain is small (memberOf only; see
``benchmarks/README.md``), too small to change every run's output for it.

>>> model = load_pair_model()
>>> [p.value for p in model.predicates]
['memberOf']
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files

from spacy.tokens import Doc

from kgextract.models import Predicate
from kgextract.relations.logistic import LogisticModel
from kgextract.relations.pairs import Pair, already_linked, candidate_pairs, name_key, pair_features, pair_key
from kgextract.relations.registry import Candidate, Context, builtin_extractors, run_extractors
from kgextract.relations.spans import evidence_span

__all__ = ["EXTRACTOR", "MODEL_FILE", "PairModel", "load_pair_model", "rule_links", "score_pairs", "learned_pairs"]

#: The extractor's registered name; its output's ``extractor`` field.
EXTRACTOR = "kgx.learned.pairs.v1"
#: The weights it reads, in ``base/data/``.
MODEL_FILE = "learned_pairs.v1.json"


@dataclass
class PairModel:
    """One logistic model and one decision threshold per predicate."""

    models: dict[Predicate, LogisticModel]
    thresholds: dict[Predicate, float]

    @property
    def predicates(self) -> tuple[Predicate, ...]:
        return tuple(self.models)

    def to_dict(self, **meta) -> dict:
        return {**meta, "models": {p.value: {**self.models[p].to_dict(), "threshold": self.thresholds[p]}
                                   for p in sorted(self.models, key=lambda p: p.value)}}

    @classmethod
    def from_dict(cls, data: dict) -> PairModel:
        models, thresholds = {}, {}
        for name, entry in sorted(data["models"].items()):
            predicate = Predicate(name)
            models[predicate] = LogisticModel.from_dict(entry)
            thresholds[predicate] = float(entry["threshold"])
        return cls(models=models, thresholds=thresholds)


@functools.lru_cache(maxsize=4)
def load_pair_model(name: str = MODEL_FILE) -> PairModel:
    """The shipped model (read once per process)."""
    text = (files("kgextract.base") / "data" / name).read_text(encoding="utf-8")
    return PairModel.from_dict(json.loads(text))


def _rule_names() -> list[str]:
    return sorted(n for n in builtin_extractors() if not n.startswith("kgx.learned."))


def rule_links(candidates: Iterable[Candidate]) -> dict[tuple, set[str]]:
    """The predicates the rules gave between two mentions, keyed both by the mentions' token
    offsets (``pair_key``) and by their normalised names (``name_key``): a relation the rules
    read from another mention of the same two names is already there once the mentions merge.
    """
    out: dict[tuple, set[str]] = {}
    for cand in candidates:
        if isinstance(cand.subject, str) or isinstance(cand.object, str):
            continue
        for key in (pair_key(cand.subject, cand.object), name_key(cand.subject, cand.object)):
            out.setdefault(key, set()).add(cand.predicate.value)
    return out


def score_pairs(doc: Doc, model: PairModel, links: dict[tuple, set[str]]) -> list[tuple[Pair, float]]:
    """Every candidate pair of ``doc`` for the model's predicates, with its probability."""
    return [(pair, model.models[pair.predicate].probability(pair_features(pair, links)))
            for pair in candidate_pairs(doc, model.predicates)]


def added_candidates(scored: Iterable[tuple[Pair, float]], links: dict[tuple, set[str]],
                     thresholds: dict[Predicate, float], extractor: str = EXTRACTOR) -> Iterator[Candidate]:
    """Candidates for the pairs at or above their predicate's threshold that no rule linked so."""
    for pair, prob in scored:
        s, o = pair.subject, pair.object
        if prob < thresholds[pair.predicate] or already_linked(pair, links):
            continue
        yield Candidate(subject=s, predicate=pair.predicate, object=o, confidence=round(prob, 3),
                        extractor=extractor, evidence=evidence_span(s, o))


def learned_pairs(doc: Doc, context: Context) -> Iterator[Candidate]:
    """The classifier's relations between mentions of one sentence (see the module text)."""
    model = load_pair_model()
    links = rule_links(run_extractors(doc, context, _rule_names()))
    yield from added_candidates(score_pairs(doc, model, links), links, model.thresholds)
