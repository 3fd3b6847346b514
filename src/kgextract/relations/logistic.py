"""A small, deterministic logistic regression over hashed string features (numpy only).

Features are strings; each is hashed (CRC-32, the same in every process,
unlike Python's salted ``hash``) into one of ``2**bits`` weights. Training is
full-batch gradient descent with Adam steps and an L2 penalty from zero
weights: no randomness, so the same data always gives the same weights.

>>> X = [["bias", "w=join"], ["bias", "w=meet"], ["bias", "w=join"], ["bias", "w=meet"]]
>>> model = train(X, [1, 0, 1, 0], bits=8, epochs=200)
>>> model.probability(["bias", "w=join"]) > 0.8 > 0.2 > model.probability(["bias", "w=meet"])
True
>>> again = LogisticModel.from_dict(model.to_dict())  # the data-file form keeps 5 digits
>>> round(again.probability(["bias", "w=join"]), 3) == round(model.probability(["bias", "w=join"]), 3)
True
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["feature_index", "LogisticModel", "train"]


def feature_index(feature: str, bits: int) -> int:
    """The weight a feature string is hashed to (stable across processes and platforms).

    >>> feature_index("bias", 16) == feature_index("bias", 16) < 2 ** 16
    True
    """
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


@dataclass
class LogisticModel:
    """Weights over hashed features; ``probability`` of the positive class."""

    bits: int
    weights: np.ndarray  # float64, length 2**bits

    def score(self, features: Sequence[str]) -> float:
        idx = sorted({feature_index(f, self.bits) for f in features})
        return float(self.weights[idx].sum()) if idx else 0.0

    def probability(self, features: Sequence[str]) -> float:
        return float(1.0 / (1.0 + np.exp(-self.score(features))))

    def to_dict(self, digits: int = 5) -> dict:
        """The non-zero weights, rounded, keyed by index (a JSON-ready dict)."""
        nz = np.flatnonzero(np.round(self.weights, digits))
        return {"bits": self.bits, "weights": {str(int(i)): round(float(self.weights[i]), digits) for i in nz}}

    @classmethod
    def from_dict(cls, data: dict) -> LogisticModel:
        bits = int(data["bits"])
        weights = np.zeros(1 << bits)
        for key, value in data["weights"].items():
            weights[int(key)] = float(value)
        return cls(bits=bits, weights=weights)


def _rows(X: Sequence[Sequence[str]], bits: int) -> tuple[np.ndarray, np.ndarray]:
    # a compressed-row layout: the hashed indices of row r are indices[indptr[r]:indptr[r + 1]]
    indices: list[int] = []
    indptr = [0]
    for feats in X:
        indices.extend(sorted({feature_index(f, bits) for f in feats}))
        indptr.append(len(indices))
    return np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)


def train(X: Sequence[Sequence[str]], y: Sequence[int], bits: int = 16, l2: float = 1e-3,
          epochs: int = 300, rate: float = 0.05, positive_weight: float = 1.0) -> LogisticModel:
    """Fit weights to feature lists ``X`` and 0/1 labels ``y``; deterministic.

    ``l2`` is the penalty per example (so it does not shrink as the data grow);
    ``positive_weight`` weighs the positive examples against the negatives.
    """
    n = len(X)
    weights = np.zeros(1 << bits)
    if n == 0:
        return LogisticModel(bits=bits, weights=weights)
    indices, indptr = _rows(X, bits)
    labels = np.asarray(y, dtype=np.float64)
    lengths = np.diff(indptr)
    row_of = np.repeat(np.arange(n), lengths)
    sample_weight = np.where(labels > 0, positive_weight, 1.0)
    total = sample_weight.sum()
    m, v = np.zeros_like(weights), np.zeros_like(weights)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        margins = np.bincount(row_of, weights=weights[indices], minlength=n)
        probs = 1.0 / (1.0 + np.exp(-margins))
        residual = (probs - labels) * sample_weight / total
        grad = np.bincount(indices, weights=residual[row_of], minlength=weights.size) + l2 * weights
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        weights -= rate * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + eps)
    return LogisticModel(bits=bits, weights=weights)
