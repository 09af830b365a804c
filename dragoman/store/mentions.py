"""Mentions: each report of an event, and the GDELT-style counts kept from them.

A coded event is one mention of itself; a duplicate article adds a mention of each event of
its canonical article (``kind`` exact or near, with the similarity). ``_update_counts`` keeps
``num_mentions``, ``num_sources`` and ``num_articles`` of the events with the touched keys.
Used by ``Store`` in the transaction that writes the articles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, bindparam, distinct, func, insert, select, update

from ..models import Article, Record
from . import schema

#: rows per IN (...) list, under SQLite's and psycopg's parameter limits
CHUNK = 500


@dataclass
class Write:
    """One article to store: coded (with its events and LSH bands) or a duplicate of another."""

    record: Record
    duplicate_of: str | None = None
    kind: str = "coded"  # coded | exact | near
    similarity: float | None = None
    bands: list[str] = field(default_factory=list)
    #: the event keys the write touched (filled when it is written)
    keys: set[str] = field(default_factory=set, repr=False)


def coded_mentions(conn: Connection, rows: list[dict[str, Any]], stubs: dict[str, dict[str, Any]]) -> set[str]:
    """A coded mention for each event row (as storing a record makes); returns their event keys."""
    a = schema.articles
    meta = {k: Article(text="", id=k, date=v["date"], url=v["url"], source=v["source"]) for k, v in stubs.items()}
    others = sorted({r["article_id"] for r in rows} - set(meta))
    for i in range(0, len(others), CHUNK):
        q = select(a.c.id, a.c.date, a.c.url, a.c.source).where(a.c.id.in_(others[i : i + CHUNK]))
        meta.update({r.id: Article(text="", id=r.id, date=r.date, url=r.url, source=r.source) for r in conn.execute(q)})
    by_article: dict[str, list[tuple[str, str]]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append((r["event_id"], r["event_key"]))
    keys: set[str] = set()
    for article_id, events in by_article.items():
        keys |= insert_mentions(conn, meta[article_id], events, "coded", None)
    return keys


def insert_mentions(
    conn: Connection, article: Article, events: list[tuple[str, str]], kind: str, similarity: float | None
) -> set[str]:
    """One mention per (event, reporting article), with the article's provenance; returns the event keys."""
    if not events:
        return set()
    conn.execute(insert(schema.mentions), mention_rows(article, events, kind, similarity))
    return {key for _, key in events}


def mention_rows(
    article: Article, events: list[tuple[str, str]], kind: str, similarity: float | None
) -> list[dict[str, Any]]:
    """The mention rows of (event id, event key) pairs reported by an article."""
    source = article.source or host(article.url)
    return [
        {
            "id": hashlib.sha1(f"{event_id}|{article.id}".encode()).hexdigest()[:24],
            "event_key": key,
            "event_id": event_id,
            "article_id": article.id,
            "kind": kind,
            "similarity": similarity,
            "source": source,
            "url": article.url,
            "date": article.date,
        }
        for event_id, key in events
    ]


def update_counts(conn: Connection, keys: set[str]) -> None:
    """Recount the mentions, sources and articles of the events with these keys (GDELT's counts)."""
    m, ev = schema.mentions, schema.events
    ordered = sorted(keys)
    for i in range(0, len(ordered), CHUNK):
        counts = conn.execute(
            select(m.c.event_key, func.count(), func.count(distinct(m.c.source)), func.count(distinct(m.c.article_id)))
            .where(m.c.event_key.in_(ordered[i : i + CHUNK]))
            .group_by(m.c.event_key)
        ).all()
        if counts:
            conn.execute(
                update(ev)
                .where(ev.c.event_key == bindparam("k"))
                .values(num_mentions=bindparam("nm"), num_sources=bindparam("ns"), num_articles=bindparam("na")),
                [{"k": k, "nm": nm, "ns": ns, "na": na} for k, nm, ns, na in counts],
            )


def host(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.`` (a source when the input names none)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
