"""The event store: SQLite by default, PostgreSQL by URL, one schema (SQLAlchemy 2 Core).

Example:
    >>> from dragoman import open_store
    >>> store = open_store("dragoman.db")
    >>> rows = store.events(country="RUS", since="2008-01-01")
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, create_engine, event, func, insert, or_, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..models import Event, Record, Reject
from . import schema

log = logging.getLogger(__name__)


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def normalise_url(db: str) -> str:
    """A SQLAlchemy URL from a file path or URL (``postgresql://`` uses psycopg 3)."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def text_hash(text: str) -> str:
    """The exact-duplicate key: SHA-1 of the text with whitespace and case normalised."""
    norm = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """One database of articles, events, quotes, places, rejects and runs."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    # -- set-up ---------------------------------------------------------------------------
    def create(self) -> None:
        """Create the tables (idempotent) and record the schema version."""
        try:
            schema.metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                have = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
                if have is None:
                    conn.execute(insert(schema.meta).values(key="schema_version", value=str(schema.SCHEMA_VERSION)))
        except SQLAlchemyError as exc:
            raise StoreError(f"[D501] Cannot set up the database {self.engine.url!r}: {exc}") from exc

    # -- runs and rejects -----------------------------------------------------------------
    def start_run(self, command: str, inputs: list[str], coder_version: str) -> int:
        """Record the start of a run; returns its id."""
        with self.engine.begin() as conn:
            res = conn.execute(
                insert(schema.runs).values(
                    started=now(),
                    command=command,
                    inputs=json.dumps(inputs),
                    status="running",
                    coder_version=coder_version,
                    read=0,
                    new=0,
                    duplicate=0,
                    rejected=0,
                    events=0,
                )
            )
            key = res.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "done") -> None:
        """Record the end of a run with its counts."""
        keys = ("read", "new", "duplicate", "rejected", "events")
        with self.engine.begin() as conn:
            conn.execute(
                schema.runs.update()
                .where(schema.runs.c.id == run_id)
                .values(finished=now(), status=status, **{k: int(counts.get(k, 0)) for k in keys})
            )

    def add_reject(self, reject: Reject, run_id: int | None = None) -> bool:
        """Keep a refused input and its reason (once per origin and reason)."""
        t = schema.rejects
        with self.engine.begin() as conn:
            seen = conn.execute(
                select(t.c.id).where(and_(t.c.origin == reject.origin, t.c.reason == reject.reason))
            ).first()
            if seen:
                return False
            conn.execute(
                insert(t).values(
                    run_id=run_id, origin=reject.origin, reason=reject.reason, detail=reject.detail, at=now()
                )
            )
        return True

    # -- articles -------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        with self.engine.connect() as conn:
            return (
                conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == article_id)).first() is not None
            )

    def find_hash(self, digest: str) -> str | None:
        """The id of a stored article with this text hash, if any."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(schema.articles.c.id).where(schema.articles.c.text_hash == digest).limit(1)
            ).scalar()

    def add_record(self, record: Record, run_id: int | None = None, duplicate_of: str | None = None) -> bool:
        """Store an article with its events, quotes and places in one transaction.

        Returns False (and writes nothing) when the article is already stored.
        """
        a = record.article
        aid = record.id
        with self.engine.begin() as conn:
            if conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == a.id)).first():
                return False
            conn.execute(
                insert(schema.articles).values(
                    id=a.id,
                    title=a.title,
                    date=a.date,
                    url=a.url,
                    source=a.source,
                    origin=a.origin,
                    text=a.text,
                    text_hash=text_hash(a.text),
                    duplicate_of=duplicate_of,
                    record=json.dumps(record.to_json()),
                    coder_version=record.coder_version,
                    run_id=run_id,
                )
            )
            rows = _unique_rows(record.event_rows())
            if rows:
                conn.execute(insert(schema.events), rows)
            if record.quotes:
                conn.execute(insert(schema.quotes), [_quote_row(aid, q) for q in record.quotes])
            if record.places:
                conn.execute(insert(schema.places), [dict(asdict(p), article_id=a.id) for p in record.places])
        return True

    def record(self, article_id: str) -> Record | None:
        """The stored Record of an article (with its text), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).mappings().first()
        if row is None:
            return None
        rec = Record.from_json(json.loads(row["record"] or "{}"), text=row["text"])
        rec.article.origin = row["origin"]
        return rec

    # -- queries --------------------------------------------------------------------------
    def events(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        """Flat event rows, newest first, filtered (actor, country, igo, root, code, since, until, text)."""
        t = schema.events
        q = select(*[t.c[c] for c in schema.EVENT_ROW_COLUMNS]).where(*self._event_filters(filters))
        q = q.order_by(t.c.date.desc(), t.c.article_id, t.c.trigger_start).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def iter_events(self, batch: int = 10_000, **filters: Any) -> Iterator[dict[str, Any]]:
        """All matching flat rows, streamed."""
        t = schema.events
        q = select(*[t.c[c] for c in schema.EVENT_ROW_COLUMNS]).where(*self._event_filters(filters))
        q = q.order_by(t.c.date, t.c.article_id, t.c.trigger_start)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(q)
            for r in result.mappings():
                yield dict(r)

    def event_objects(self, **filters: Any) -> list[Event]:
        """Matching events as dataclasses."""
        return [Event.from_row(r) for r in self.events(**filters)]

    def count(self, table: str) -> int:
        """Rows in a table."""
        t = schema.metadata.tables[table]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)

    def rejects(self) -> list[dict[str, Any]]:
        """Refused inputs with their reasons, oldest first."""
        t = schema.rejects
        with self.engine.connect() as conn:
            return [
                dict(r)
                for r in conn.execute(select(t.c.origin, t.c.reason, t.c.detail, t.c.at).order_by(t.c.id)).mappings()
            ]

    def _event_filters(self, f: dict[str, Any]) -> list[Any]:
        t = schema.events
        out: list[Any] = []
        if f.get("actor"):
            v = f["actor"]
            out.append(or_(t.c.source_code == v, t.c.target_code == v, t.c.source_name == v, t.c.target_name == v))
        if f.get("country"):
            v = f["country"].upper()
            out.append(or_(t.c.source_country == v, t.c.target_country == v))
        if f.get("igo"):
            v = f["igo"].upper()
            out.append(or_(t.c.source_igo == v, t.c.target_igo == v))
        if f.get("source"):
            v = f["source"].upper()
            out.append(or_(t.c.source_country == v, t.c.source_igo == v, t.c.source_code == v))
        if f.get("target"):
            v = f["target"].upper()
            out.append(or_(t.c.target_country == v, t.c.target_igo == v, t.c.target_code == v))
        if f.get("root"):
            out.append(t.c.root == str(f["root"]).zfill(2))
        if f.get("code"):
            out.append(t.c.code == str(f["code"]))
        if f.get("since"):
            out.append(t.c.date >= f["since"])
        if f.get("until"):
            out.append(t.c.date <= f["until"] + "\uffff")
        if f.get("article_id"):
            out.append(t.c.article_id == f["article_id"])
        if f.get("text"):
            out.append(t.c.sentence_text.contains(f["text"], autoescape=True))
        return out


def _unique_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for r in rows:
        if r["event_id"] not in seen:
            seen.add(r["event_id"])
            out.append(r)
    return out


def _quote_row(article_id: str, q: Any) -> dict[str, Any]:
    sp = q.speaker
    return {
        "article_id": article_id,
        "text": q.text,
        "kind": q.kind,
        "speaker_text": sp.text if sp else None,
        "speaker_name": sp.name if sp else None,
        "speaker_code": sp.code if sp else None,
        "speaker_country": sp.country if sp else None,
        "speaker_igo": sp.igo if sp else None,
        "start": q.start,
        "end": q.end,
    }


def open_store(db: str = "dragoman.db", create: bool = True) -> Store:
    """Open (and by default create) the store at a file path or database URL."""
    url = normalise_url(db)
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"[D502] Cannot open the database {db!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine)
    if create:
        store.create()
    return store
