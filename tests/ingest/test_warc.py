from __future__ import annotations

import pytest

from dragoman.ingest import read_sources
from dragoman.models import Article, Reject
from tests.ingest.corpus import page, warc

PAGES = [
    ("http://news.example/a", "Russia Condemns Attack", "Russia condemned the attack on its embassy in Tbilisi. " * 4),
    (
        "http://news.example/b",
        "China Hosts Summit",
        "China hosted a summit with Japan and South Korea in Beijing. " * 4,
    ),
]


def _records():
    recs = [(url, "text/html; charset=utf-8", page(title, body)) for url, title, body in PAGES]
    recs.insert(1, ("http://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64))
    return recs


@pytest.mark.parametrize("name, compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_response_records_with_html_are_articles(tmp_path, name, compress):
    (tmp_path / name).write_bytes(warc(_records(), compress))
    items = list(read_sources([str(tmp_path / name)]))
    assert all(isinstance(i, Article) for i in items), items
    assert [(a.url, a.title) for a in items] == [(u, t) for u, t, _ in PAGES]
    assert "embassy in Tbilisi" in items[0].text
    assert all(a.origin.startswith(str(tmp_path / name) + "#") for a in items)


@pytest.mark.parametrize("name, compress", [("cut.warc", False), ("cut.warc.gz", True)])
def test_truncated_warc_keeps_the_complete_records_and_rejects_the_rest(tmp_path, name, compress):
    data = warc(_records(), compress)
    (tmp_path / name).write_bytes(data[: len(data) - 60])
    items = list(read_sources([str(tmp_path / name)]))
    assert isinstance(items[0], Article) and items[0].url == PAGES[0][0]
    assert isinstance(items[-1], Reject) and items[-1].reason == "truncated archive"
    assert len(items) == 2


def test_a_file_that_is_not_a_warc_is_a_malformed_record(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"this is not a web archive\r\n\r\n" * 3)
    [item] = list(read_sources([str(tmp_path / "bad.warc")]))
    assert isinstance(item, Reject) and item.reason == "malformed record"


def test_a_warc_without_a_suffix_is_recognised_by_its_first_bytes(tmp_path):
    (tmp_path / "CC-MAIN-00001").write_bytes(warc(_records(), compress=True))
    items = list(read_sources([str(tmp_path / "CC-MAIN-00001")]))
    assert [a.url for a in items] == [u for u, _, _ in PAGES]
