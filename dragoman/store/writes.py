"""Writing articles into the store: each whole (its row and the rows of all its tables), in order.

The rows of consecutive coded articles are inserted together, one statement per table, so a
batch of articles costs a few statements instead of a few per article. Each table receives its
rows in the order of the articles, as when they are written one at a time; a duplicate is
written after the rows before it, since its mentions point to its canonical article's events.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from ..ingest.duplicates import text_hash  # the exact-duplicate key: the store keeps it per article
from ..models import Record, actor_columns, plain
from . import schema
from .mentions import Write, insert_mentions, mention_rows
from .rows import unique, with_keys

#: rows per IN (...) list, under SQLite's and psycopg's parameter limits
_CHUNK = 500
def write_all(conn: Connection, writes: list[Write], run_id: int | None) -> list[bool | None]:
    """Insert the articles in order (None: the id is stored already); fills each ``w.keys``."""
    ids = [w.record.id for w in writes]
    stored = _stored(conn, ids)
    batch = _Rows(run_id)
    done: list[bool | None] = []
    for w in writes:
        w.keys = set()
        if w.record.id in stored:
            done.append(None)
            continue
        stored.add(w.record.id)
        if w.duplicate_of is None:
            batch.add(w)
        else:
            batch.flush(conn)  # its canonical article may be among the rows not yet inserted
            _write_duplicate(conn, w, run_id)
        done.append(True)
    batch.flush(conn)
    return done


class _Rows:
    """The rows of coded articles not yet inserted, table by table."""

    def __init__(self, run_id: int | None):
        self.run_id = run_id
        self.tables: dict[Table, list[dict[str, Any]]] = {
            t: [] for t in (schema.articles, schema.events, schema.quotes, schema.places, schema.mentions)
        }
        self.bands: list[dict[str, Any]] = []

    def add(self, w: Write) -> None:
        """Take a coded article's rows; fills ``w.keys`` with its event keys."""
        record = w.record
        self.tables[schema.articles].append(article_row(record, self.run_id, None))
        all_rows = record.event_rows()
        rows = list(unique(all_rows))
        self.tables[schema.events] += [with_keys(r) for r in rows]
        self.tables[schema.quotes] += [quote_row(record.id, q) for q in record.quotes]
        self.tables[schema.places] += [dict(plain(p), article_id=record.id) for p in record.places]
        events = [(r["event_id"], r["event_key"]) for r in rows]  # each coded event is one report of it
        self.tables[schema.mentions] += mention_rows(record.article, events, "coded", None)
        self.bands += [{"band": b, "article_id": record.id} for b in sorted(set(w.bands))]
        w.keys = {r["event_key"] for r in all_rows}

    def flush(self, conn: Connection) -> None:
        """Insert the rows taken so far (articles first: the other tables refer to them)."""
        for table, rows in [*self.tables.items(), (schema.article_bands, self.bands)]:
            if rows:
                conn.execute(insert(table), rows)
                rows.clear()


def _write_duplicate(conn: Connection, w: Write, run_id: int | None) -> None:
    """A duplicate: its article row and a mention of each event of its canonical article."""
    copy = Record(article=w.record.article, coder_version=w.record.coder_version)
    conn.execute(insert(schema.articles), [article_row(copy, run_id, w.duplicate_of)])
    ev = schema.events
    q = select(ev.c.event_id, ev.c.event_key).where(ev.c.article_id == w.duplicate_of).order_by(ev.c.event_id)
    w.keys = insert_mentions(conn, copy.article, [tuple(r) for r in conn.execute(q)], w.kind, w.similarity)


def _stored(conn: Connection, ids: list[str]) -> set[str]:
    """Which of the article ids are stored."""
    out: set[str] = set()
    for i in range(0, len(ids), _CHUNK):
        q = select(schema.articles.c.id).where(schema.articles.c.id.in_(ids[i : i + _CHUNK]))
        out.update(conn.execute(q).scalars())
    return out


def article_row(record: Record, run_id: int | None, duplicate_of: str | None) -> dict[str, Any]:
    """The articles row of a record (its record JSON included)."""
    a = record.article
    return {
        "id": a.id,
        "title": a.title,
        "date": a.date,
        "url": a.url,
        "source": a.source,
        "origin": a.origin,
        "text": a.text,
        "text_hash": text_hash(a.text) if a.text else "",
        "duplicate_of": duplicate_of,
        "record": json.dumps(record.to_json()),
        "coder_version": record.coder_version,
        "run_id": run_id,
    }


def quote_row(article_id: str, q: Any) -> dict[str, Any]:
    """The quotes row of a quote."""
    return {
        "article_id": article_id,
        "text": q.text,
        "kind": q.kind,
        **actor_columns("speaker", q.speaker),
        "start": q.start,
        "end": q.end,
    }
