"""What an evaluation says: headline figures, a per-category table, and the misses."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from .scoring import Score


@dataclass
class Report:
    """The result of one evaluation suite."""

    suite: str
    figures: dict[str, Any] = field(default_factory=dict)
    table: list[dict[str, Any]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The headline figures on one line."""
        parts = []
        for k, v in self.figures.items():
            parts.append(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}")
        return f"{self.suite}: " + " ".join(parts)


def category_table(score: Score, names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Per-category precision, recall and F1 rows, sorted by category."""
    rows = []
    for cat in sorted(score.per_category):
        c = score.per_category[cat]
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append(
            {
                "category": cat,
                "name": (names or {}).get(cat, ""),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
            }
        )
    return rows


def shared_dir(given: str | Path | None = None) -> Path:
    """The folder of public gold standards: given, else $DRAGOMAN_SHARED, else ../shared."""
    candidates = [
        given,
        os.environ.get("DRAGOMAN_SHARED"),
        Path.cwd().parent / "shared",
        Path(__file__).resolve().parents[3] / "shared",
    ]
    for c in candidates:
        if c and (Path(c) / "data").is_dir():
            return Path(c)
    raise EvaluationError(
        "[D601] Cannot find the gold standards (a 'shared' folder with data/ and examples/). "
        "Pass --data DIR or set DRAGOMAN_SHARED."
    )
