"""The pages in-process: what each shows, links that keep the filters, the ingest form's uploads."""

from __future__ import annotations

import re

from .conftest import TOKEN

HTML = {"accept": "text/html"}


def test_overview_shows_counts_actors_and_dyads(client):
    html = client.get("/", headers=HTML).text
    assert '<div class="value" data-count="events">9</div>' in html
    assert 'href="/actors/USAGOV"' in html and 'href="/dyads/RUS/USA"' in html
    assert 'data-src="/api/timeline"' in html


def test_events_page_keeps_its_filters_in_the_form_pager_and_csv(client):
    html = client.get("/events", params={"country": "rus", "limit": 2, "q": "a&b"}, headers=HTML).text
    assert 'name="country" value="RUS"' in html and 'name="q" value="a&amp;b"' in html
    html = client.get("/events", params={"country": "RUS", "limit": 2}, headers=HTML).text
    assert 'href="/events?country=RUS&amp;limit=2&amp;offset=2" rel="next"' in html
    assert 'href="/api/events.csv?country=RUS"' in html
    assert html.count('<a class="article-link"') == 2


def test_events_page_offers_topics_and_article_cards_show_them(client):
    html = client.get("/events", params={"topic": "military"}, headers=HTML).text
    assert '<option value="military" selected>military</option>' in html and "2 matches" in html
    card = client.get("/articles/web-a3", headers=HTML).text
    assert '<a class="topic context" href="/events?topic=military"' in card and "(attacked)" in card


def test_events_page_links_rows_to_their_article_event(client):
    html = client.get("/events", params={"code": "051"}, headers=HTML).text
    ev = client.get("/api/events", params={"code": "051"}).json()["events"][0]
    assert f'href="/articles/web-a1#e-{ev["event_id"]}"' in html
    assert f'id="e-{ev["event_id"]}"' in client.get("/articles/web-a1", headers=HTML).text


def test_actor_page_with_and_without_events(client):
    html = client.get("/actors/rus", headers=HTML).text
    assert "<h1>RUS" in html and 'href="/dyads/RUS/USA"' in html
    assert "<td>Disapprove</td>" in html and "<td>Fight</td>" in html
    empty = client.get("/actors/ZZZ", headers=HTML)
    assert empty.status_code == 200 and 'id="no-events"' in empty.text


def test_dyads_form_redirects_to_the_dyad_page(client):
    r = client.get("/dyads", params={"a": "usa", "b": "rus"}, headers=HTML, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dyads/USA/RUS"
    html = client.get("/dyads/USA/RUS", headers=HTML).text
    assert 'data-src="/api/dyads/USA/RUS"' in html and "5 events" in html


def test_articles_page_searches(client):
    html = client.get("/articles", params={"q": "Georgia"}, headers=HTML).text
    assert 'href="/articles/web-a3"' in html and 'href="/articles/web-a1"' not in html


def test_article_ids_with_slashes_and_quotes_are_reachable(known_store, client):
    from dragoman.models import Article, Record

    aid = "feed/2020/a'b\"c"
    known_store.add_record(Record(article=Article(text="Some text.", id=aid, title="Odd id")))
    html = client.get("/articles", headers=HTML).text
    link = re.search(r'href="(/articles/feed[^"]*)"', html).group(1)
    assert link == "/articles/feed%2F2020%2Fa%27b%22c"
    assert client.get(link, headers=HTML).status_code == 200
    assert client.get(link.replace("/articles/", "/api/articles/")).json()["id"] == aid


def _csrf(client) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/ingest", headers=HTML).text).group(1)


def test_ingest_form_uploads_files_under_generated_names(client):
    files = [
        ("files", ("../../etc/evil.txt", b"Russia criticised NATO on Monday.\n", "text/plain")),
        ("files", ("blob.bin", b"\x00\x01\x02binary", "application/octet-stream")),
    ]
    data = {"csrf": _csrf(client), "token": TOKEN}
    r = client.post("/ingest", data=data, files=files, headers=HTML)
    assert r.status_code == 200, r.text[:300]
    assert "new 1" in r.text and "rejected 1" in r.text
    assert "blob.bin: binary" in r.text  # the reject names the upload, not a temporary path
    assert "/tmp/" not in r.text


def test_ingest_form_without_input_says_so(client):
    r = client.post("/ingest", data={"csrf": _csrf(client), "token": TOKEN}, headers=HTML)
    assert r.status_code == 400 and "Paste some text or choose at least one file." in r.text


def test_ingest_form_refuses_a_file_over_the_size_limit(known_store):
    from fastapi.testclient import TestClient

    from dragoman.config import Settings
    from dragoman.web import create_app

    c = TestClient(create_app(Settings(max_text_bytes=100), store=known_store, token=TOKEN))
    files = [("files", ("big.txt", b"x" * 101, "text/plain"))]
    r = c.post("/ingest", data={"csrf": _csrf(c), "token": TOKEN}, files=files, headers=HTML)
    assert r.status_code == 413 and "larger than 100 bytes" in r.text


def test_safe_suffix():
    from dragoman.web.ingesting import safe_suffix

    assert safe_suffix("a.JSONL") == ".jsonl" and safe_suffix("x.warc.gz") == ".warc.gz"
    assert safe_suffix("../../etc/passwd") == ".txt" and safe_suffix("a.exe") == ".txt"
    assert safe_suffix("a.t/xt") == ".txt"
