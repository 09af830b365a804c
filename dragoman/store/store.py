"""The event store: SQLite by default, PostgreSQL by URL, one schema (SQLAlchemy 2 Core).

SQLite runs in WAL mode with foreign keys on and real (transactional) ``BEGIN``s; PostgreSQL
is reached with psycopg 3 (``postgresql://`` URLs become ``postgresql+psycopg://``). The
schema is brought up to date on open (``migrate.upgrade``). The read side (events, quotes,
actors, articles, summary) is in ``queries.py``; analysis (dyads, networks, top events) in
``dragoman.analysis``; exports in ``dragoman.export``; loading files in ``load.py``.

Example:
    >>> from dragoman import open_store
    >>> store = open_store("dragoman.db")                     # or "postgresql://user@host/db"
    >>> page = store.events_page(country="RUS", since="2008-01-01", limit=20)
    >>> page.total, page.rows[0]["code"]
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    create_engine,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import MissingExtra, StoreError
from ..models import Article, Event, Record, Reject
from . import migrate, schema
from .mentions import Write, coded_mentions, update_counts
from .queries import Queries
from .rows import unique, with_keys
from .writes import write_all

log = logging.getLogger(__name__)

#: rows per IN (...) list, under SQLite's and psycopg's parameter limits
_CHUNK = 500


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


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" hook emit BEGIN (transactional DDL)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    _retry_locked(cur, "PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _retry_locked(cur: Any, statement: str, seconds: float = 30.0) -> None:
    """Run a statement again while SQLite answers "database is locked" at once.

    Switching a new file to WAL needs the exclusive lock; when several connections open the same
    new database together, SQLite may refuse without waiting for the busy timeout.
    """
    deadline = time.monotonic() + seconds
    pause = 0.01
    while True:
        try:
            cur.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


class Store(Queries):
    """One database of articles, events, quotes, places, rejects and runs."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: committed at the end, rolled back on error.

        On SQLite it starts with ``BEGIN IMMEDIATE`` (the write lock is taken first, so
        concurrent writers wait for each other instead of failing with "database is locked").
        """
        with self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn

    def optimize(self) -> None:
        """Refresh the planner's statistics after a big load (PostgreSQL: also VACUUM, for index-only scans)."""
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            with self.transaction() as conn:
                conn.exec_driver_sql("ANALYZE")

    # -- set-up ---------------------------------------------------------------------------
    def create(self) -> None:
        """Create or migrate the tables to this version (idempotent, safe to run concurrently)."""
        migrate.upgrade(self.engine)

    def schema_version(self) -> int | None:
        """The schema version recorded in the database."""
        with self.engine.connect() as conn:
            return migrate.stored(conn)[0]

    # -- runs and rejects -----------------------------------------------------------------
    def start_run(self, command: str, inputs: list[str], coder_version: str) -> int:
        """Record the start of a run; returns its id."""
        counts = dict.fromkeys(("read", "new", "duplicate", "rejected", "events"), 0)
        with self.transaction() as conn:
            res = conn.execute(
                insert(schema.runs).values(
                    started=now(),
                    command=command,
                    inputs=json.dumps(inputs),
                    status="running",
                    coder_version=coder_version,
                    **counts,
                )
            )
            key = res.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "done") -> None:
        """Record the end of a run with its counts."""
        keys = ("read", "new", "duplicate", "rejected", "events")
        with self.transaction() as conn:
            conn.execute(
                schema.runs.update()
                .where(schema.runs.c.id == run_id)
                .values(finished=now(), status=status, **{k: int(counts.get(k, 0)) for k in keys})
            )

    def add_reject(self, reject: Reject, run_id: int | None = None) -> bool:
        """Keep a refused input and its reason (once per origin and reason)."""
        t = schema.rejects
        with self.transaction() as conn:
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

    def rejects(self) -> list[dict[str, Any]]:
        """Refused inputs with their reasons, oldest first."""
        t = schema.rejects
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.c.origin, t.c.reason, t.c.detail, t.c.at).order_by(t.c.id)).mappings()
            return [dict(r) for r in rows]

    def count(self, table: str) -> int:
        """Rows in a table."""
        t = schema.metadata.tables[table]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)

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
        """Store an article with its events, quotes, places and mentions in one transaction.

        With ``duplicate_of`` the article is kept as a duplicate: no events of its own, a
        mention of each of the canonical article's events. Returns False (and writes
        nothing) when the article is already stored.
        """
        kind = "exact" if duplicate_of else "coded"
        return self.write([Write(record, duplicate_of=duplicate_of, kind=kind)], run_id)[0]

    def write(self, writes: list[Write], run_id: int | None = None) -> list[bool]:
        """Store several articles, in order, in one transaction (each whole, with its rows).

        Returns, per article, whether it was written (False: the id was already stored).
        """
        try:
            with self.transaction() as conn:
                done = write_all(conn, writes, run_id)
                update_counts(conn, {k for w, ok in zip(writes, done, strict=True) if ok for k in w.keys})
                return [ok is not None for ok in done]
        except IntegrityError:  # another writer stored one of them meanwhile: one at a time
            if len(writes) == 1:
                log.info("article %s was stored concurrently", writes[0].record.id)
                return [False]
            return [self.write([w], run_id)[0] for w in writes]

    def add_records(
        self,
        records: Iterable[Record],
        run_id: int | None = None,
        batch: int = 200,
        duplicate_of: Mapping[str, str] | None = None,
    ) -> tuple[int, int]:
        """Store many records, ``batch`` articles per transaction, skipping stored ones.

        ``duplicate_of`` maps the ids of duplicate articles to their canonical article.
        Returns (new articles, their events).
        """
        articles = events = 0
        chunk: list[Record] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= batch:
                a, e = self._add_chunk(chunk, run_id, duplicate_of or {})
                articles, events, chunk = articles + a, events + e, []
        if chunk:
            a, e = self._add_chunk(chunk, run_id, duplicate_of or {})
            articles, events = articles + a, events + e
        return articles, events

    def _add_chunk(self, records: list[Record], run_id: int | None, duplicate_of: Mapping[str, str]) -> tuple[int, int]:
        with self.transaction() as conn:
            seen = _existing(conn, schema.articles.c.id, [r.id for r in records])
            fresh: dict[str, Record] = {}
            for r in records:  # the first of repeated ids
                if r.id not in seen and r.id not in fresh:
                    fresh[r.id] = r
            keys: set[str] = set()
            events = 0
            for r in fresh.values():  # a duplicate (exact, unless told) gets mentions of its canonical's events
                w = Write(r, duplicate_of=duplicate_of.get(r.id), kind="exact" if duplicate_of.get(r.id) else "coded")
                write_all(conn, [w], run_id)
                keys |= w.keys
                events += 0 if w.duplicate_of else len(list(unique(r.event_rows())))
            update_counts(conn, keys)
        return len(fresh), events

    def add_event_rows(self, rows: Iterable[dict[str, Any]], batch: int = 5000) -> tuple[int, int]:
        """Store canonical flat rows (``rows.canonical``), creating a stub article for unknown ids.

        Events already stored (same ``event_id``) are skipped, so loading twice adds nothing.
        Returns (new stub articles, new events).
        """
        articles = events = 0
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                a, e = self._add_row_chunk(chunk)
                articles, events, chunk = articles + a, events + e, []
        if chunk:
            a, e = self._add_row_chunk(chunk)
            articles, events = articles + a, events + e
        return articles, events

    def _add_row_chunk(self, rows: list[dict[str, Any]]) -> tuple[int, int]:
        with self.transaction() as conn:
            seen = _existing(conn, schema.events.c.event_id, [r["event_id"] for r in rows])
            fresh = [_keyed(r) for r in unique(rows) if r["event_id"] not in seen]
            known = _existing(conn, schema.articles.c.id, list({r["article_id"] for r in fresh}))
            stubs = {r["article_id"]: _stub(r) for r in fresh if r["article_id"] not in known}
            if stubs:
                conn.execute(insert(schema.articles), list(stubs.values()))
            if fresh:
                conn.execute(insert(schema.events), [with_keys(r) for r in fresh])
                update_counts(conn, coded_mentions(conn, fresh, stubs))
        return len(stubs), len(fresh)

    # -- duplicates and mentions ----------------------------------------------------------
    def find_canonical(self, digest: str) -> str | None:
        """The id of a stored canonical (not duplicate) article with this text hash, if any."""
        t = schema.articles
        with self.engine.connect() as conn:
            q = select(t.c.id).where(t.c.text_hash == digest, t.c.duplicate_of.is_(None)).order_by(t.c.id).limit(1)
            return conn.execute(q).scalar()

    def stored_ids(self, ids: list[str]) -> set[str]:
        """Which of these article ids are stored (one query per 500)."""
        with self.engine.connect() as conn:
            return _existing(conn, schema.articles.c.id, ids)

    def canonicals(self, digests: list[str]) -> dict[str, str]:
        """Text hash -> the id ``find_canonical`` gives, for the hashes that have one."""
        t = schema.articles
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(digests), _CHUNK):
                chunk = digests[i : i + _CHUNK]
                q = select(t.c.text_hash, func.min(t.c.id))
                q = q.where(t.c.text_hash.in_(chunk), t.c.duplicate_of.is_(None)).group_by(t.c.text_hash)
                out.update({h: aid for h, aid in conn.execute(q)})
        return out

    def band_members(self, bands: list[str]) -> dict[str, set[str]]:
        """Band key -> the stored canonical articles in it, for the bands that have any."""
        t = schema.article_bands
        out: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(bands), _CHUNK):
                q = select(t.c.band, t.c.article_id).where(t.c.band.in_(bands[i : i + _CHUNK]))
                for band, aid in conn.execute(q):
                    out.setdefault(band, set()).add(aid)
        return out

    def band_candidates(self, bands: list[str]) -> list[str]:
        """Ids of stored canonical articles that share a MinHash LSH band with these."""
        if not bands:
            return []
        t = schema.article_bands
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(t.c.article_id).where(t.c.band.in_(bands)).distinct()).scalars())

    def article_text(self, article_id: str) -> str | None:
        """The stored text of an article, or None."""
        t = schema.articles
        with self.engine.connect() as conn:
            return conn.execute(select(t.c.text).where(t.c.id == article_id)).scalar()

    def mentions(self, event_key: str | None = None, article_id: str | None = None) -> list[dict[str, Any]]:
        """Mentions (reports of events) with their provenance, by event key or reporting article."""
        m = schema.mentions
        q = select(m).order_by(m.c.event_key, m.c.article_id, m.c.event_id)
        if event_key:
            q = q.where(m.c.event_key == event_key)
        if article_id:
            q = q.where(m.c.article_id == article_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def unique_events(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """One row per reported event (``event_key``) with its counts, most reported first."""
        t = schema.events
        first = select(func.min(t.c.event_id)).group_by(t.c.event_key).scalar_subquery()
        cols = [t.c[c] for c in schema.EVENT_ROW_COLUMNS] + [t.c.num_mentions, t.c.num_sources, t.c.num_articles]
        q = select(*cols).where(t.c.event_id.in_(first), *self._event_filters(filters))
        q = q.order_by(t.c.num_mentions.desc(), t.c.date.desc(), t.c.event_key)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def record(self, article_id: str) -> Record | None:
        """The stored Record of an article (with its text), or None.

        An article loaded from event rows only (a stub) is rebuilt from its stored events.
        """
        a = schema.articles
        with self.engine.connect() as conn:
            row = conn.execute(select(a).where(a.c.id == article_id)).mappings().first()
        if row is None:
            return None
        if row["record"]:
            rec = Record.from_json(json.loads(row["record"]), text=row["text"])
        else:
            article = Article(
                text=row["text"] or "",
                id=row["id"],
                title=row["title"],
                date=row["date"],
                url=row["url"],
                source=row["source"],
            )
            events = [Event.from_row(r) for r in self.iter_events(order="article", article_id=article_id)]
            rec = Record(article=article, events=events, coder_version=row["coder_version"] or "")
        rec.article.origin = row["origin"]
        return rec


def _existing(conn: Connection, column: Any, values: list[str]) -> set[str]:
    """Which of the values are already in the column."""
    out: set[str] = set()
    for i in range(0, len(values), _CHUNK):
        out.update(conn.execute(select(column).where(column.in_(values[i : i + _CHUNK]))).scalars())
    return out


def _keyed(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its ``event_key`` (computed as the coder does when the row has none)."""
    if row.get("event_key"):
        return row
    return dict(row, event_key=Event.from_row(row).event_key(row["article_id"], row.get("article_date")))


def _stub(row: dict[str, Any]) -> dict[str, Any]:
    """An article known only from its event rows: no text, no record JSON."""
    return {
        "id": row["article_id"],
        "title": row.get("article_title"),
        "date": row.get("article_date"),
        "url": row.get("article_url"),
        "source": row.get("article_source"),
        "origin": None,
        "text": "",
        "text_hash": "",
        "duplicate_of": None,
        "record": None,
        "coder_version": row.get("coder_version"),
        "run_id": None,
    }


def open_store(db: str = "dragoman.db", create: bool = True, migrate: bool = True) -> Store:
    """Open the store at a file path or database URL, creating or migrating its tables.

    With ``create=False`` a database that does not exist yet is an error (for queries);
    ``migrate=False`` leaves the schema as it is (``dragoman migrate`` reports the change).

    Example:
        >>> store = open_store("postgresql://analyst@db.example.org/events")
    """
    url = normalise_url(db)
    if not create and url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).exists():
        raise StoreError(f"[D502] No database at {db!r}: run `dragoman ingest ... --db {db}` or `dragoman load` first.")
    try:
        engine = create_engine(url, connect_args={"timeout": 30} if url.startswith("sqlite") else {})
    except ImportError as exc:
        raise MissingExtra(exc.name or "psycopg", "postgres") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"[D502] Cannot open the database {db!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    store = Store(engine)
    if migrate:
        store.create()
    return store
