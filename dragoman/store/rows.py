"""Flat event rows on their way into the store: typed, canonical, with the store-only keys.

Rows come from the pipeline (``Event.to_row``), from files (CSV strings, Parquet values,
JSON) and from the field's formats (GDELT, Phoenix, ICEWS, PLOVER readers in
``dragoman.export``). ``canonical`` turns any of them into exactly what ``add_record`` would
have stored for the same event, so an export followed by a load gives back the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from sqlalchemy import Float, Integer

from ..models import EVENT_ROW_COLUMNS, Event
from . import schema

#: keys a row may carry about its article (used for a stub article, never stored on the event)
ARTICLE_KEYS = ("article_url", "article_source", "article_title")


@lru_cache(maxsize=1)
def column_types() -> dict[str, type]:
    """The Python type of each flat-row column in the store: int, float or str."""
    out: dict[str, type] = {}
    for name in EVENT_ROW_COLUMNS:
        kind = schema.events.c[name].type
        out[name] = int if isinstance(kind, Integer) else float if isinstance(kind, Float) else str
    return out


def coerce(raw: dict[str, Any]) -> dict[str, Any]:
    """A row with each known column converted to its type; empty strings become None."""
    types = column_types()
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if value == "" or value is None:
            out[key] = None
            continue
        kind = types.get(key)
        if kind is int:
            out[key] = int(float(value))
        elif kind is float:
            out[key] = float(value)
        elif kind is str and not isinstance(value, str):
            out[key] = str(value)
        else:
            out[key] = value
    return out


def canonical(raw: dict[str, Any]) -> dict[str, Any]:
    """The stored form of a row: rebuilt through ``Event`` so absent and empty fields agree.

    A row that carries an ``event_id`` keeps it; otherwise the id is computed as the coder does.
    """
    row = coerce(raw)
    if not row.get("article_id") or not row.get("code"):
        raise ValueError("a flat event row needs article_id and code")
    event = Event.from_row(row)
    out = event.to_row(str(row["article_id"]), row.get("coder_version") or "", row.get("article_date"))
    if row.get("event_id"):
        out["event_id"] = str(row["event_id"])
    for key, value in row.items():  # store columns the flat row does not rebuild (added by others)
        if key not in out and key in schema.events.c and value is not None:
            out[key] = value
    for key in ARTICLE_KEYS:
        if row.get(key):
            out[key] = row[key]
    return out


def with_keys(row: dict[str, Any]) -> dict[str, Any]:
    """The row ready to insert: the store-only side keys added, article-only keys dropped."""
    out = {k: v for k, v in row.items() if k not in ARTICLE_KEYS}
    out["source_key"] = row.get("source_country") or row.get("source_igo")
    out["target_key"] = row.get("target_country") or row.get("target_igo")
    return out


def unique(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows with the first of each ``event_id`` only."""
    seen: set[str] = set()
    for r in rows:
        if r["event_id"] not in seen:
            seen.add(r["event_id"])
            yield r
