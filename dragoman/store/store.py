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
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    create_engine,
    distinct,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..ingest.duplicates import text_hash
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


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


@dataclass
class Write:
    """One article to store: coded (with its events and LSH bands) or a duplicate of another."""

    record: Record
    duplicate_of: str | None = None
    kind: str = "coded"  # coded | exact | near
    similarity: float | None = None
    bands: list[str] = field(default_factory=list)


def _host(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.`` (a source when the input names none)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


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
        done: list[bool] = []
        keys: set[str] = set()
        with self.engine.begin() as conn:
            for w in writes:
                ok = not conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == w.record.id)).first()
                if ok:
                    keys |= self._write_one(conn, w, run_id)
                done.append(ok)
            self._update_counts(conn, keys)
        return done

    def _write_one(self, conn: Connection, w: Write, run_id: int | None) -> set[str]:
        record, a = w.record, w.record.article
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
                duplicate_of=w.duplicate_of,
                record=json.dumps(record.to_json()),
                coder_version=record.coder_version,
                run_id=run_id,
            )
        )
        if w.duplicate_of is not None:
            ev = schema.events
            q = select(ev.c.event_id, ev.c.event_key).where(ev.c.article_id == w.duplicate_of).order_by(ev.c.event_id)
            return self._add_mentions(conn, record, list(conn.execute(q)), w.kind, w.similarity)
        rows = _unique_rows(record.event_rows())
        if rows:
            conn.execute(insert(schema.events), rows)
        if record.quotes:
            conn.execute(insert(schema.quotes), [_quote_row(a.id, q) for q in record.quotes])
        if record.places:
            conn.execute(insert(schema.places), [dict(asdict(p), article_id=a.id) for p in record.places])
        if w.bands:
            conn.execute(insert(schema.article_bands), [{"band": b, "article_id": a.id} for b in sorted(set(w.bands))])
        return self._add_mentions(conn, record, [(r["event_id"], r["event_key"]) for r in rows], "coded", None)

    def _add_mentions(
        self, conn: Connection, record: Record, events: list[Any], kind: str, similarity: float | None
    ) -> set[str]:
        a = record.article
        if not events:
            return set()
        source = a.source or _host(a.url)
        rows = [
            {
                "id": hashlib.sha1(f"{event_id}|{a.id}".encode()).hexdigest()[:24],
                "event_key": key,
                "event_id": event_id,
                "article_id": a.id,
                "kind": kind,
                "similarity": similarity,
                "source": source,
                "url": a.url,
                "date": a.date,
            }
            for event_id, key in events
        ]
        conn.execute(insert(schema.mentions), rows)
        return {r["event_key"] for r in rows}

    def _update_counts(self, conn: Connection, keys: set[str]) -> None:
        """Recount mentions, sources and articles of the events with these keys."""
        m, ev = schema.mentions, schema.events
        ordered = sorted(keys)
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            counts = conn.execute(
                select(
                    m.c.event_key, func.count(), func.count(distinct(m.c.source)), func.count(distinct(m.c.article_id))
                )
                .where(m.c.event_key.in_(chunk))
                .group_by(m.c.event_key)
            ).all()
            if counts:
                conn.execute(
                    update(ev)
                    .where(ev.c.event_key == bindparam("k"))
                    .values(num_mentions=bindparam("nm"), num_sources=bindparam("ns"), num_articles=bindparam("na")),
                    [{"k": k, "nm": nm, "ns": ns, "na": na} for k, nm, ns, na in counts],
                )

    # -- duplicates -----------------------------------------------------------------------
    def find_canonical(self, digest: str) -> str | None:
        """The id of a stored canonical (not duplicate) article with this text hash, if any."""
        t = schema.articles
        with self.engine.connect() as conn:
            return conn.execute(
                select(t.c.id).where(t.c.text_hash == digest, t.c.duplicate_of.is_(None)).order_by(t.c.id).limit(1)
            ).scalar()

    def band_candidates(self, bands: list[str]) -> list[str]:
        """Ids of stored canonical articles that share an LSH band with these."""
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
        """Mentions (reports of events) with their provenance, by event key or article."""
        m = schema.mentions
        q = select(m).order_by(m.c.event_key, m.c.article_id, m.c.event_id)
        if event_key:
            q = q.where(m.c.event_key == event_key)
        if article_id:
            q = q.where(m.c.article_id == article_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def unique_events(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """One row per reported event (event_key) with its counts, filtered as ``events``."""
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
