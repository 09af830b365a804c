"""`dragoman serve`: loopback by default, a printed token when none is set, read-only, Host check."""

from __future__ import annotations

import re
import socket

import httpx
import pytest

from .conftest import start_server, stop

pytestmark = pytest.mark.slow


def test_serve_help(cli):
    out = cli("serve", "--help").output
    assert "127.0.0.1" in out and "Ctrl-C" in out and "--token" in out and "--read-only" in out


def _non_loopback_address() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            addr = s.getsockname()[0]
    except OSError:
        return None
    return None if addr.startswith("127.") else addr


def test_serve_binds_loopback_and_prints_a_token(known_store, tmp_path):
    log = tmp_path / "serve.log"
    proc, url = start_server(known_store.engine.url.database, None, log)
    try:
        text = log.read_text()
        assert re.search(r"serving .* at http://127\.0\.0\.1:\d+/ \(Ctrl-C stops\)", text), text
        token = re.search(r"token for writes \(ingest\): (\S+)", text).group(1)
        wrong = httpx.post(url + "/api/articles", json={}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = httpx.post(url + "/api/articles", json={}, headers={"Authorization": f"Bearer {token}"})
        assert right.status_code == 400  # past the token check, refused for its empty body
        evil = httpx.get(url + "/api/summary", headers={"Host": "evil.example"})
        assert evil.status_code == 400 and evil.json()["ok"] is False
        assert httpx.get(url.replace("127.0.0.1", "localhost") + "/api/summary").status_code == 200
        other = _non_loopback_address()
        if other:
            port = url.rsplit(":", 1)[1]
            with pytest.raises(httpx.ConnectError):
                httpx.get(f"http://{other}:{port}/api/summary", timeout=3)
    finally:
        stop(proc)


def test_serve_read_only_refuses_writes(known_store, tmp_path):
    proc, url = start_server(known_store.engine.url.database, "a-token", tmp_path / "serve.log", "--read-only")
    try:
        r = httpx.post(url + "/api/articles", json={}, headers={"Authorization": "Bearer a-token"})
        assert r.status_code == 403 and "disabled" in r.json()["error"]
        assert "Writes are disabled" in httpx.get(url + "/ingest").text
    finally:
        stop(proc)
