from __future__ import annotations

import time

from dragoman.config import Settings
from dragoman.ingest import Fetcher, FetchError, read_sources
from dragoman.models import Article, Reject
from tests.ingest.corpus import atom, page, rss

STORY = "Turkey and Syria agreed on Monday to reopen two border crossings closed since the spring. " * 3
OTHER = "India accused Pakistan of shelling villages along the line of control in Kashmir overnight. " * 3


def _fast(settings: Settings | None = None) -> Fetcher:
    return Fetcher(settings or Settings(), delay=0.0)


def test_rss_file_entries_are_read_from_their_fetched_pages(site, tmp_path):
    (site.root / "a.html").write_bytes(page("Border Crossings Reopen", STORY))
    (site.root / "b.html").write_bytes(page("Shelling in Kashmir", OTHER))
    feed = rss(
        [
            {"title": "Crossings to reopen", "link": f"{site.url}/a.html", "date": "Mon, 02 Mar 2009 10:00:00 GMT",
             "summary": "Short teaser."},
            {"title": "Kashmir shelling", "link": f"{site.url}/b.html", "date": "Tue, 03 Mar 2009 08:00:00 GMT"},
        ]
    )  # fmt: skip
    (tmp_path / "world.rss").write_bytes(feed)
    items = list(read_sources([str(tmp_path / "world.rss")], fetcher=_fast()))
    assert [type(i) for i in items] == [Article, Article]
    a, b = items
    assert (a.title, a.date, a.url, a.source) == (
        "Crossings to reopen",
        "2009-03-02",
        f"{site.url}/a.html",
        "World News",
    )
    assert "reopen two border crossings" in a.text and "Subscribe" not in a.text
    assert b.date == "2009-03-03" and "line of control" in b.text
    assert a.origin == f"{tmp_path / 'world.rss'}#1"


def test_feed_url_is_fetched_politely_with_robots_and_user_agent(site):
    (site.root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (site.root / "private").mkdir()
    (site.root / "private" / "c.html").write_bytes(page("Secret", OTHER))
    (site.root / "a.html").write_bytes(page("Border Crossings Reopen", STORY))
    feed = atom(
        [
            {"title": "Open", "link": f"{site.url}/a.html", "date": "2009-03-02T10:00:00Z"},
            {"title": "Closed", "link": f"{site.url}/private/c.html", "date": "2009-03-04T10:00:00Z",
             "summary": "India and Pakistan traded accusations over the shelling."},
            {"title": "Gone", "link": f"{site.url}/missing.html", "date": "2009-03-05T10:00:00Z"},
        ]
    )  # fmt: skip
    (site.root / "feed.atom").write_bytes(feed)
    settings = Settings(user_agent="dragoman-test/1.0")
    sent: list[float] = []
    with Fetcher(settings, delay=0.2) as fetcher:
        fetcher.client.event_hooks["request"].append(lambda request: sent.append(time.monotonic()))
        items = list(read_sources([f"{site.url}/feed.atom"], settings, fetcher=fetcher))
    a, b, c = items
    assert isinstance(a, Article) and "border crossings" in a.text and a.source == "Atom News"
    assert isinstance(b, Article) and b.text == "India and Pakistan traded accusations over the shelling."
    assert isinstance(c, Reject) and c.reason == "fetch failed" and "HTTP 404" in c.detail
    assert "/private/c.html" not in site.paths()  # robots.txt said no: the summary stands in
    assert site.paths()[:2] == ["/robots.txt", "/feed.atom"]
    assert {ua for _, ua, _ in site.requests} == {"dragoman-test/1.0"}
    gaps = [b - a for a, b in zip(sent, sent[1:], strict=False)]
    assert len(sent) == 4 and min(gaps) >= 0.19, gaps  # one host: requests sent 0.2 s apart


def test_entries_with_full_content_are_not_fetched(site, tmp_path):
    feed = rss([{"title": "Full", "link": f"{site.url}/never.html", "content": "<p>" + STORY * 8 + "</p>"}])
    (tmp_path / "full.xml").write_bytes(feed)
    [art] = list(read_sources([str(tmp_path / "full.xml")], fetcher=_fast()))
    assert isinstance(art, Article) and art.text.startswith("Turkey and Syria agreed")
    assert site.paths() == []


def test_no_fetch_reads_the_feed_alone(site, tmp_path):
    (tmp_path / "f.rss").write_bytes(
        rss([{"title": "T", "link": f"{site.url}/a.html", "summary": "<b>Iran</b> met Iraq."}])
    )
    [art] = list(read_sources([str(tmp_path / "f.rss")], fetch=False))
    assert art.text == "Iran met Iraq." and site.paths() == []


def test_slow_pages_time_out(site):
    (site.root / "slow.html").write_bytes(page("Slow", STORY))
    fetcher = Fetcher(Settings(fetch_timeout=0.5), delay=0.0)
    try:
        fetcher.get(f"{site.url}/slow.html")
    except FetchError as exc:
        assert "timed out" in str(exc)
    else:
        raise AssertionError("no timeout")


def test_malformed_and_empty_feeds_are_rejected(tmp_path, site):
    (tmp_path / "broken.rss").write_bytes(b"garbage <<<>>> not xml")
    (tmp_path / "none.rss").write_bytes(rss([]))
    items = list(read_sources([str(tmp_path / "broken.rss"), str(tmp_path / "none.rss")], fetch=False))
    assert [(i.reason if isinstance(i, Reject) else "ok") for i in items] == ["malformed feed", "empty"]
    [down] = list(read_sources(["http://127.0.0.1:9/feed.rss"], fetcher=_fast()))
    assert isinstance(down, Reject) and down.reason == "fetch failed"
