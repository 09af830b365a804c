"""dragoman's command line: thin commands over the Python API.

Each module adds its commands to ``app``: ``reading`` (extract, ingest), ``query`` (events,
rejects, ...), ``evaluating`` (evaluate), ``spark`` (spark).
"""

from __future__ import annotations

from . import (  # noqa: F401,E402  (register commands)
    evaluating,
    exporting,
    query,
    reading,
    serve,  # noqa: F401,E402  (register the serve command)
    spark,  # noqa: F401,E402  (register the spark command)
)
from .app import app


def main() -> None:
    """Entry point of the ``dragoman`` script."""
    app()


__all__ = ["app", "main"]
