"""dragoman: who did what to whom, when and where, and who said what, from news text.

Example:
    >>> import dragoman
    >>> record = dragoman.extract("Russia condemned Georgia on Tuesday.", date="2008-08-08")
    >>> [(e.source.code, e.code, e.target.code) for e in record.events]
    [('RUS', '111', 'GEO')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import Actor, Article, Event, Place, Quote, Record
from .version import __version__

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .store.store import Store, open_store


def extract(text: str, date: str | None = None, title: str | None = None, id: str | None = None) -> Record:
    """Read one article text and return its Record (events, quotes, places)."""
    from .pipeline import Pipeline

    return Pipeline().read(Article(text=text, date=date, title=title, id=id))


def __getattr__(name: str) -> Any:
    # heavy parts (spaCy, SQLAlchemy) load on first use
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name in ("open_store", "Store"):
        from .store import store

        return getattr(store, name)
    raise AttributeError(f"module 'dragoman' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Article",
    "Event",
    "Pipeline",
    "Place",
    "Quote",
    "Record",
    "Store",
    "__version__",
    "extract",
    "open_store",
]
