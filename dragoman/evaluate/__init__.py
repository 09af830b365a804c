"""Scorers for the gold standards in ``../shared/data`` and the example article.

Each suite is a function ``(shared_dir, settings) -> Report``; ``SUITES`` names them for
``dragoman evaluate SUITE``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..config import Settings
from .actors import evaluate_actors
from .cameo_examples import evaluate_cameo_examples
from .example import evaluate_example
from .geowebnews import evaluate_geowebnews
from .petrarch import evaluate_petrarch
from .plover import evaluate_plover
from .polnear import evaluate_polnear
from .report import Report, shared_dir
from .reports import evaluate_reports
from .topics import evaluate_topics

Suite = Callable[[Path, Settings], Report]

SUITES: dict[str, Suite] = {
    "example": evaluate_example,
    "plover-gsr": evaluate_plover,
    "petrarch-gsr": evaluate_petrarch,
    "geowebnews": evaluate_geowebnews,
    "actors": evaluate_actors,
    "polnear": evaluate_polnear,
    "plover-context": evaluate_topics,
    "reports": evaluate_reports,
    "cameo-examples": evaluate_cameo_examples,
}

__all__ = ["SUITES", "Report", "shared_dir"]
