"""The event store: SQLite by default, PostgreSQL by URL (SQLAlchemy 2 Core)."""

from __future__ import annotations

from .store import Store, open_store

__all__ = ["Store", "open_store"]
