"""dragoman's command line: thin commands over the Python API.

Each module adds its commands to ``app``: ``reading`` (extract, ingest), ``query`` (events,
rejects, ...), ``evaluating`` (evaluate), ``spark`` (spark, load).
"""

from __future__ import annotations

from . import evaluating, query, reading, spark  # noqa: F401,E402  (register commands)
from .app import app


def main() -> None:
    """Entry point of the ``dragoman`` script."""
    app()


__all__ = ["app", "main"]
