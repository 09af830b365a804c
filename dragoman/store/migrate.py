"""Schema versions and migrations: one schema (``schema.py``), reconciled additively, plus data steps.

How a database is brought up to date (``upgrade``, run by ``open_store`` and ``dragoman migrate``):

1. under a lock (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), read the
   stored ``schema_version`` and ``schema_fingerprint`` from the ``meta`` table;
2. if both match this code, stop (one small query on every open);
3. otherwise create the missing tables, add the missing columns (``ALTER TABLE ... ADD COLUMN``)
   and create the missing indexes, all derived from ``schema.py``;
4. run the numbered data steps in ``STEPS`` above the stored version (backfills), in order;
5. record the new version and fingerprint, and commit: all of it or nothing.

Why not Alembic: the contracts only ever *add* (tables, columns, indexes), and ``schema.py``
is the single definition shared by SQLite and PostgreSQL. Alembic would keep a second copy
of each change in revision scripts (plus ``env.py`` and an ini file), and its autogenerate
would emit exactly the ADD COLUMN / CREATE INDEX statements we derive here. The fingerprint
also catches additions made without a version bump (another helper adding a column), which
a revision chain would miss. A change that is not additive (a rename, a new NOT NULL
column) must come as a numbered step; ``upgrade`` refuses to guess.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from sqlalchemy import Connection, Engine, bindparam, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateColumn

from ..errors import StoreError
from ..models import EVENT_ROW_COLUMNS, Event
from . import schema

log = logging.getLogger(__name__)

#: an arbitrary key for PostgreSQL's advisory lock, the same in every dragoman process
_PG_LOCK = 7_207_170_001


def _step_keys(conn: Connection) -> None:
    """2: fill the store-only ``source_key``/``target_key`` columns (country, else IGO)."""
    conn.execute(
        text(
            "UPDATE events SET source_key = COALESCE(source_country, source_igo), "
            "target_key = COALESCE(target_country, target_igo)"
        )
    )


def _step_event_keys(conn: Connection) -> None:
    """3: fill ``event_key`` (the reported event's key, for mentions) of rows stored before it."""
    t = schema.events
    cols = [t.c[c] for c in EVENT_ROW_COLUMNS if c != "event_key"]
    todo = select(*cols).where(t.c.event_key.is_(None)).limit(5000)
    put = t.update().where(t.c.event_id == bindparam("id")).values(event_key=bindparam("key"))
    while rows := conn.execute(todo).mappings().all():
        keys = [
            {"id": r["event_id"], "key": Event.from_row(dict(r)).event_key(r["article_id"], r["article_date"])}
            for r in rows
        ]
        conn.execute(put, keys)


#: data steps by the version they lead to; each runs once, inside the upgrade transaction
STEPS: dict[int, Callable[[Connection], None]] = {2: _step_keys, 3: _step_event_keys}


def fingerprint() -> str:
    """A short hash of the tables, columns and indexes that ``schema.py`` defines."""
    parts = []
    for table in schema.metadata.sorted_tables:
        parts.append(table.name + ":" + ",".join(c.name for c in table.columns))
        parts.append(",".join(sorted(i.name or "" for i in table.indexes)))
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def stored(conn: Connection) -> tuple[int | None, str | None]:
    """The schema version and fingerprint recorded in the database (None when not set up)."""
    if not inspect(conn).has_table("meta"):
        return (1 if inspect(conn).has_table("articles") else None), None
    rows = dict(conn.execute(select(schema.meta.c.key, schema.meta.c.value)).all())
    version = rows.get("schema_version")
    return (int(version) if version is not None else None), rows.get("schema_fingerprint")


def upgrade(engine: Engine) -> tuple[int | None, int]:
    """Bring the database to this code's schema; returns (version before, version after)."""
    try:
        with engine.connect() as conn:
            conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
                return _upgrade(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"[D501] Cannot set up or migrate the database {engine.url!r}: {exc}") from exc


def _upgrade(conn: Connection) -> tuple[int | None, int]:
    version, print_ = stored(conn)
    target = schema.SCHEMA_VERSION
    if version is not None and version > target:
        raise StoreError(
            f"[D503] The database has schema version {version}, newer than this dragoman ({target}): "
            "upgrade dragoman (pip install -U dragoman) to use it."
        )
    if version == target and print_ == fingerprint():
        return version, version
    schema.metadata.create_all(conn, checkfirst=True)
    _add_columns(conn)
    for index in (i for t in schema.metadata.sorted_tables for i in t.indexes):
        index.create(conn, checkfirst=True)
    for step in range((version or target) + 1, target + 1):
        log.info("migrating the database to schema version %d", step)
        STEPS[step](conn)
    _set(conn, "schema_version", str(target))
    _set(conn, "schema_fingerprint", fingerprint())
    return version, target


def _add_columns(conn: Connection) -> None:
    insp = inspect(conn)
    for table in schema.metadata.sorted_tables:
        have = {c["name"] for c in insp.get_columns(table.name)}
        for col in table.columns:
            if col.name in have:
                continue
            if not col.nullable and col.server_default is None:
                raise StoreError(
                    f"[D504] Column {table.name}.{col.name} is NOT NULL without a default: "
                    "add it as a numbered step in dragoman/store/migrate.py."
                )
            ddl = CreateColumn(col).compile(dialect=conn.dialect)
            log.info("adding column %s.%s", table.name, col.name)
            conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {ddl}"))


def _set(conn: Connection, key: str, value: str) -> None:
    m = schema.meta
    if conn.execute(select(m.c.key).where(m.c.key == key)).first():
        conn.execute(m.update().where(m.c.key == key).values(value=value))
    else:
        conn.execute(m.insert().values(key=key, value=value))
