"""Web fixtures: a store of known records, an in-process client, a live server, a real Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from .records import store_known

TOKEN = "test-token-123"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def known_store(tmp_path):
    """A fresh SQLite store holding the known records."""
    from dragoman.store import open_store

    store = open_store(str(tmp_path / "web.db"))
    store_known(store)
    return store


@pytest.fixture
def client(known_store):
    """An in-process client of the app over the known store, with writes enabled."""
    from fastapi.testclient import TestClient

    from dragoman.web import create_app

    with TestClient(create_app(store=known_store, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Live:
    """A running ``dragoman serve``: its base URL, token and database."""

    url: str
    token: str
    db: Path


def start_server(db: Path, token: str | None, log: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """Start ``dragoman serve`` on a free loopback port and wait until it answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DRAGOMAN_TOKEN"}
    if token is not None:
        env["DRAGOMAN_TOKEN"] = token
    cmd = [sys.executable, "-m", "dragoman", "serve", "--db", str(db), "--port", str(port), *args]
    proc = subprocess.Popen(cmd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dragoman serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(url + "/api/summary", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"dragoman serve did not answer within 60 s: {log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def live_db(tmp_path_factory):
    """The sample corpus ingested by the real pipeline, plus the known records."""
    from dragoman.batch import ingest
    from dragoman.ingest.sample import sample_sources
    from dragoman.store import open_store

    db = tmp_path_factory.mktemp("live") / "live.db"
    store = open_store(str(db))
    ingest(sample_sources(), store)
    store_known(store)
    store.engine.dispose()
    return db


@pytest.fixture(scope="session")
def live(live_db, tmp_path_factory):
    """A real ``dragoman serve`` process on loopback over the live database."""
    proc, url = start_server(live_db, TOKEN, tmp_path_factory.mktemp("log") / "serve.log")
    yield Live(url=url, token=TOKEN, db=live_db)
    stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """Stop a server started by the tests (SIGTERM, then SIGKILL)."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def shots_dir(tmp_path_factory) -> Path:
    """Where browser tests save screenshots (DRAGOMAN_SCREENSHOTS, else a temporary folder)."""
    where = os.environ.get("DRAGOMAN_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_collection_modifyitems(items):
    """Starlette's TestClient warns that it will move to httpx2: not our concern here."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`"))
