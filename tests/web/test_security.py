"""Security: escaping of untrusted text, parameterised SQL, the write token, CSRF, headers, hosts."""

from __future__ import annotations

import re

import pytest

from dragoman.models import Article, Record

from .conftest import TOKEN
from .records import XSS_NAME, XSS_TITLE

HTML = {"accept": "text/html"}
PAGES = [
    "/",
    "/events",
    "/articles",
    "/articles/web-xss",
    "/actors/RUS",
    "/dyads",
    "/dyads/RUS/GEO",
    "/network",
    "/ingest",
]


@pytest.mark.parametrize("path", ["/articles/web-xss", "/articles", "/events", "/actors/RUS", "/dyads/RUS/GEO", "/"])
def test_untrusted_text_is_escaped(client, path):
    html = client.get(path, headers=HTML).text
    for raw in ("<script>window.__xss", "<img src=x onerror", "<img src=y onerror", "<svg onload", "<b>Tbilisi"):
        assert raw not in html, f"{raw!r} reached {path} unescaped"


def test_the_xss_article_shows_its_text_as_text(client):
    html = client.get("/articles/web-xss", headers=HTML).text
    assert "&lt;script&gt;window.__xss_title=1&lt;/script&gt;" in html  # the title, in <title> and <h1>
    assert "&lt;b&gt;Tbilisi&lt;/b&gt;" in html  # the text
    assert html.count("<script") == 0  # the article page needs no script at all


def test_the_scripted_actor_name_is_escaped_on_the_actor_page(client):
    html = client.get("/actors/RUS", headers=HTML).text
    assert XSS_NAME not in html and "&lt;svg onload=" in html


def test_titles_are_escaped_in_lists(client):
    html = client.get("/articles", headers=HTML).text
    assert XSS_TITLE not in html and "&lt;img src=x onerror=" in html


def test_javascript_urls_from_articles_are_not_linked(known_store, client):
    rec = Record(article=Article(text="Plain text.", id="js-url", title="t", url="javascript:alert(1)"))
    known_store.add_record(rec)
    html = client.get("/articles/js-url", headers=HTML).text
    assert "javascript:" not in html and ">original<" not in html


PAYLOADS = ["' OR '1'='1", "1; DROP TABLE events; --", "RUS' --", '" OR 1=1 --', "%", "__%__", "\\", "RUS%' OR 'x'='x"]
FILTERS = ["actor", "country", "igo", "source", "target", "root", "code", "since", "until", "q", "topic"]


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_sql_injection_in_every_filter_finds_nothing_and_breaks_nothing(client, name, payload):
    for path in ("/api/events", "/api/events.csv", "/api/timeline", "/api/network", "/events"):
        r = client.get(path, params={name: payload}, headers=HTML if path == "/events" else {})
        assert r.status_code in (200, 400), (path, r.status_code, r.text[:200])
        if r.status_code == 400:
            assert "Invalid parameter" in r.text
        elif path == "/api/events":
            assert r.json()["total"] == 0, f"{name}={payload!r} matched rows"
    assert client.get("/api/summary").json()["events"] == 9


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sql_injection_in_path_parameters(client, payload):
    assert client.get(f"/api/articles/{payload}").status_code == 404
    assert client.get(f"/api/actors/{payload}").status_code in (404, 400)
    r = client.get(f"/api/dyads/{payload}/USA")
    assert r.status_code in (200, 400) and (r.status_code == 400 or r.json()["rows"] == [])
    assert client.get("/api/articles", params={"q": payload}).json()["total"] == 0
    assert client.get("/api/summary").json()["events"] == 9


def _csrf(client) -> str:
    page = client.get("/ingest", headers=HTML)
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def _post(client, csrf: str | None, token: str | None, headers: dict | None = None):
    data = {"text": "Russia criticised NATO on Monday.", "title": "A note", "date": "2020-01-06"}
    if csrf is not None:
        data["csrf"] = csrf
    if token is not None:
        data["token"] = token
    return client.post("/ingest", data=data, headers={**HTML, **(headers or {})})


def test_ingest_form_with_token_and_csrf_stores_the_text(client):
    r = _post(client, _csrf(client), TOKEN)
    assert r.status_code == 200, r.text[:500]
    assert 'id="ingest-result"' in r.text and "new 1" in r.text
    assert client.get("/api/summary").json()["articles"] == 6


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x"])
def test_ingest_form_refuses_a_missing_or_wrong_token(client, token):
    r = _post(client, _csrf(client), token)
    assert r.status_code in (400, 401) if token is None else r.status_code == 401
    assert client.get("/api/summary").json()["articles"] == 5


def test_ingest_form_refuses_a_missing_or_forged_csrf(client):
    good = _csrf(client)
    assert _post(client, None, TOKEN).status_code == 403
    assert _post(client, "forged.token", TOKEN).status_code == 403
    nonce = good.split(".")[0]
    assert _post(client, nonce + ".0123456789abcdef0123456789abcdef", TOKEN).status_code == 403
    client.cookies.clear()
    assert _post(client, good, TOKEN).status_code == 403  # the field without its cookie
    assert client.get("/api/summary").json()["articles"] == 5


def test_ingest_form_refuses_another_origin(client):
    r = _post(client, _csrf(client), TOKEN, headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and "Cross-site" in r.text


def test_csrf_cookie_is_httponly_and_samesite_strict(client):
    cookie = client.get("/ingest", headers=HTML).headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie


@pytest.mark.parametrize(
    "path", ["/", "/articles/web-a1", "/api/events", "/api/nope", "/static/app.js", "/docs", "/api/events?country=x"]
)
def test_security_headers_on_every_response(client, path):
    h = client.get(path).headers
    csp = h["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("path", PAGES + ["/docs"])
def test_pages_reference_nothing_outside_the_app(client, path):
    html = client.get(path, headers=HTML).text
    urls = re.findall(r'(?:src|href|action)\s*=\s*"([^"]*)"', html)
    assert urls, path
    external = [u for u in urls if re.match(r"^([a-z]+:)?//", u, re.I)]
    assert external == [], f"{path} references {external}"
    assert "<script>" not in html.replace("<script src=", ""), "inline script"
    assert " style=" not in html, "inline style"


def test_unknown_host_header_is_refused(known_store):
    from fastapi.testclient import TestClient

    from dragoman.web.app import create_app, loopback_hosts

    c = TestClient(create_app(store=known_store, allowed_hosts=loopback_hosts("127.0.0.1")))
    r = c.get("/api/summary", headers={"host": "evil.example"})
    assert r.status_code == 400 and r.json()["ok"] is False and "Host" in r.json()["error"]
    assert c.get("/api/summary", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert c.get("/api/summary", headers={"host": "localhost"}).status_code == 200
    assert loopback_hosts("0.0.0.0") is None
