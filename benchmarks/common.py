"""What the benchmark scripts share: finding ../shared, P/R/F1, one-to-one matching, tables.

The scripts import it as ``common`` (Python puts a script's own folder first
on ``sys.path``).

>>> Score(tp=3, n_pred=4, n_gold=6).f1
0.6
>>> max_matching([{"a", "b"}, {"a"}])
2
>>> print(markdown_table(["x", "y", "z"], [["a", 0.5, "+0.1"]]))
| x | y | z |
| --- | ---: | ---: |
| a | 0.500 | +0.1 |
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = [
    "REPO",
    "Score",
    "default_shared",
    "require_dir",
    "max_matching",
    "markdown_table",
    "write_json",
    "fmt",
    "is_derived_government",
]

#: The repository root (the parent of ``benchmarks/``).
REPO = Path(__file__).resolve().parents[1]


def default_shared() -> Path:
    """``../shared`` relative to the repository root."""
    return REPO.parent / "shared"


def require_dir(path: Path, what: str) -> Path:
    """Return ``path`` when it is a folder; otherwise say what is missing and exit with status 2."""
    if not path.is_dir():
        print(f"{what} not found at {path}: pass --shared DIR (the folder holding benchmarks/ and corpus/). "
              "Nothing was run.", file=sys.stderr)
        raise SystemExit(2)
    return path


@dataclass
class Score:
    """True positives and the sizes of both sides; precision, recall and F1 from them."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: Score) -> Score:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        return self

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def max_matching(candidates: Sequence[Iterable[Hashable]]) -> int:
    """Size of a maximum one-to-one matching; ``candidates[i]`` are the keys gold item ``i`` may take.

    >>> max_matching([{"p1"}, {"p1"}, {"p1", "p2"}])
    2
    """
    owner: dict[Hashable, int] = {}

    def augment(i: int, seen: set) -> bool:
        for key in candidates[i]:
            if key in seen:
                continue
            seen.add(key)
            if key not in owner or augment(owner[key], seen):
                owner[key] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(candidates)))


def fmt(value) -> str:
    """Floats with three decimals, the rest as ``str``."""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _numeric(value) -> bool:
    return isinstance(value, (int, float)) or bool(re.fullmatch(r"[-+]?[\d.,]+[x%]?|-", str(value)))


def markdown_table(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """A markdown table; columns whose first row is a number ("1.5", "+0.2", "0.75x") are right-aligned."""
    rows = [list(r) for r in rows]
    first = rows[0] if rows else []
    align = ["---:" if i < len(first) and _numeric(first[i]) else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_json(path: Path | None, data: dict) -> None:
    """Write ``data`` as indented JSON to ``path`` (nothing when ``path`` is None)."""
    if path is not None:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {path}", file=sys.stderr)


def is_derived_government(ent) -> bool:
    """True for a ``kgextract.models.Entity`` that is a "Government of X" organization kgextract derived
    from a country or nationality ("Belgian Prime Minister"): none of its mentions says "government".
    """
    return (ent.type.value == "Organization" and ent.name.lower().startswith("government of")
            and not any("government" in m.text.lower() for m in ent.mentions))
