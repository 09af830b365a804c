"""Schema versions and migrations, on both backends."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, text

from dragoman.errors import StoreError
from dragoman.store import open_store, schema
from dragoman.store.migrate import fingerprint, stored, upgrade
from tests.store.sample import fill


def _to_version_1(store) -> None:
    """Turn a store back into the first schema: no side keys, no newer indexes, version 1."""
    with store.engine.begin() as conn:
        for name in ("ix_events_dyad_keys", "ix_events_target_key", "ix_events_code", "ix_events_source_igo"):
            conn.execute(text(f"DROP INDEX {name}"))
        for col in ("source_key", "target_key"):
            conn.execute(text(f"ALTER TABLE events DROP COLUMN {col}"))
        conn.execute(text("DELETE FROM meta WHERE key = 'schema_fingerprint'"))
        conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))


def test_a_new_store_has_the_current_version(any_store):
    with any_store.engine.connect() as conn:
        assert stored(conn) == (schema.SCHEMA_VERSION, fingerprint())


def test_version_1_is_migrated_with_its_data(db_url):
    store = open_store(db_url)
    fill(store)
    _to_version_1(store)
    store.close()
    before = open_store(db_url, migrate=False)
    assert before.schema_version() == 1
    assert upgrade(before.engine) == (1, schema.SCHEMA_VERSION)
    assert upgrade(before.engine) == (schema.SCHEMA_VERSION, schema.SCHEMA_VERSION)
    before.close()
    store = open_store(db_url)
    cols = {c["name"] for c in inspect(store.engine).get_columns("events")}
    assert {"source_key", "target_key"} <= cols
    indexes = {i["name"] for i in inspect(store.engine).get_indexes("events")}
    assert {"ix_events_dyad_keys", "ix_events_code", "ix_events_source_igo"} <= indexes
    assert store.count_events(source="NATO") == 1 and store.count_events(target="RUS") == 6
    store.close()


def test_event_keys_are_backfilled(any_store, db_url):
    fill(any_store)
    before = {r["event_id"]: r["event_key"] for r in any_store.events()}
    with any_store.engine.begin() as conn:
        conn.execute(text("UPDATE events SET event_key = NULL"))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    store = open_store(db_url)
    assert {r["event_id"]: r["event_key"] for r in store.events()} == before and None not in before.values()
    store.close()


def test_a_newer_database_is_refused(any_store, db_url):
    with any_store.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="D503"):
        open_store(db_url)


def test_a_changed_schema_is_reconciled_without_a_version_bump(any_store, db_url):
    with any_store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_events_code"))
        conn.execute(text("UPDATE meta SET value = 'old' WHERE key = 'schema_fingerprint'"))
    store = open_store(db_url)
    assert "ix_events_code" in {i["name"] for i in inspect(store.engine).get_indexes("events")}
    store.close()


def _open_together(db: str, n: int = 4) -> list[BaseException]:
    """Open (and set up) the store from n threads at once; the errors they met."""
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            open_store(db).close()
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_concurrent_openers_set_up_one_schema(db_url):
    errors = _open_together(db_url)
    assert errors == []
    store = open_store(db_url)
    assert store.schema_version() == schema.SCHEMA_VERSION
    store.close()


def test_queries_need_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="No database"):
        open_store(str(tmp_path / "missing.db"), create=False)


def test_many_new_sqlite_files_opened_by_four_at_once(tmp_path):
    """Switching a new file to WAL races between connections; none of them may fail."""
    for trial in range(25):
        errors = _open_together(str(tmp_path / f"new-{trial}.db"))
        assert errors == [], f"trial {trial}: {errors[0]!r}"
