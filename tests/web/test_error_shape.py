"""Every error of the web app has one shape, built by ``error_body``: pinned here."""

from __future__ import annotations

import pytest

from dragoman.web.responses import error_body


def test_error_body_is_the_one_shape():
    assert error_body("Not found.", 404) == {"ok": False, "error": "Not found.", "status": 404}
    assert error_body("Bad.") == {"ok": False, "error": "Bad.", "status": 400}


@pytest.mark.parametrize(
    "method, path, status",
    [
        ("get", "/api/nope", 404),
        ("get", "/api/articles/missing", 404),
        ("get", "/api/events?root=99", 400),
        ("get", "/api/events?limit=abc", 400),
        ("get", "/api/dyads/" + "X" * 65 + "/USA", 400),
        ("post", "/api/articles", 401),
        ("delete", "/api/events", 405),
        ("get", "/api/actors/NOBODY", 404),
    ],
)
def test_api_errors_have_the_shape(client, method, path, status):
    r = getattr(client, method)(path)
    assert r.status_code == status
    body = r.json()
    assert list(body) == ["ok", "error", "status"]
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]


def test_a_crash_is_a_500_in_the_shape_without_details(known_store):
    from fastapi.testclient import TestClient

    from dragoman.web import create_app

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    known_store.events_page = boom
    c = TestClient(create_app(store=known_store), raise_server_exceptions=False)
    r = c.get("/api/events")
    assert r.status_code == 500
    assert r.json() == {"ok": False, "error": "Internal error: see the server log.", "status": 500}
    assert "secret" not in r.text


def test_pages_show_the_same_error_as_html(client):
    r = client.get("/articles/missing", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "No article with id &#39;missing&#39;." in r.text and 'data-status="404"' in r.text
    api = client.get("/articles/missing")  # no Accept: text/html -> JSON
    assert api.json() == error_body("No article with id 'missing'.", 404)
