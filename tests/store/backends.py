"""Fixtures that run a test on SQLite and, when DRAGOMAN_TEST_PG is set, on a real PostgreSQL.

Each PostgreSQL test gets a database of its own, dropped afterwards. ``.ci/run`` starts the
server and sets DRAGOMAN_TEST_PG (e.g. postgresql://postgres@127.0.0.1:55432/postgres).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG = os.environ.get("DRAGOMAN_TEST_PG")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _admin():
    import psycopg

    return psycopg.connect(PG, autocommit=True)


def new_database(tmp_path, backend: str) -> str:
    """A URL for an empty database on the backend (a temp file, or a fresh PostgreSQL database)."""
    if backend == "sqlite":
        return str(tmp_path / f"{uuid.uuid4().hex[:8]}.db")
    if not PG:
        pytest.skip("DRAGOMAN_TEST_PG is not set: no PostgreSQL server to test against")
    name = f"dragoman_test_{uuid.uuid4().hex[:12]}"
    with _admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str) -> None:
    """Drop a test database made by ``new_database`` (nothing for SQLite files)."""
    if url.startswith("postgresql"):
        with _admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> Iterator[str]:
    """An empty database on each backend."""
    url = new_database(tmp_path, request.param)
    yield url
    drop_database(url)


@pytest.fixture
def any_store(db_url):
    """An empty store on each backend."""
    from dragoman.store import open_store

    store = open_store(db_url)
    yield store
    store.close()


@pytest.fixture(scope="module", params=BACKENDS)
def sample_store(request, tmp_path_factory):
    """A store on each backend holding ``tests.store.sample``, shared by a module: read only."""
    from dragoman.store import open_store
    from tests.store.sample import fill

    url = new_database(tmp_path_factory.mktemp("sample"), request.param)
    store = open_store(url)
    fill(store)
    yield store
    store.close()
    drop_database(url)


@pytest.fixture
def fresh_store(sample_store, tmp_path):
    """An empty store on the same backend as ``sample_store`` (to load exports into)."""
    from dragoman.store import open_store

    url = new_database(tmp_path, sample_store.dialect)
    store = open_store(url)
    yield store
    store.close()
    drop_database(url)
