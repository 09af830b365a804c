from __future__ import annotations

from dragoman.config import Settings
from dragoman.ingest import read_sources
from dragoman.ingest.html import article_from_html
from dragoman.models import Article, Reject
from tests.ingest.corpus import page

BODY = (
    "Russia warned Georgia on Thursday that it would respond to any attack on South Ossetia.\n"
    "The Georgian government rejected the warning and accused Moscow of provoking the crisis.\n"
    "European Union diplomats called for restraint and urged talks in Geneva next week."
)


def test_html_gives_title_date_and_body_without_boilerplate(tmp_path):
    (tmp_path / "story.html").write_bytes(page("Russia Warns Georgia", BODY, date="2008-08-07"))
    [art] = list(read_sources([str(tmp_path / "story.html")]))
    assert isinstance(art, Article)
    assert art.title == "Russia Warns Georgia"
    assert art.date == "2008-08-07"
    assert "respond to any attack on South Ossetia" in art.text
    assert "Geneva next week" in art.text
    for boilerplate in ("Subscribe", "All rights reserved", "Sport"):
        assert boilerplate not in art.text


def test_html_without_a_date_has_none_and_the_same_page_at_two_urls_is_two_articles():
    data = page("Talks in Geneva", BODY, date=None)
    a = article_from_html(data, "a", Settings(), url="http://one.example/a")
    b = article_from_html(data, "b", Settings(), url="http://two.example/b")
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.date is None
    assert a.text == b.text and a.id != b.id  # two reports of one text: an exact duplicate later


def test_html_page_with_no_article_text_is_rejected_as_empty():
    item = article_from_html(b"<html><head><title>x</title></head><body><nav></nav></body></html>", "p", Settings())
    assert isinstance(item, Reject) and item.reason == "empty"


def test_latin1_page_is_decoded_by_its_charset(tmp_path):
    html = (
        "<html><head><meta charset='iso-8859-1'></head><body><article><p>"
        "Caf\xe9 talks in Gen\xe8ve between Russia and Georgia ended on Tuesday without an agreement, "
        "officials from both delegations said.</p></article></body></html>"
    ).encode("latin-1")
    (tmp_path / "l.htm").write_bytes(html)
    [art] = list(read_sources([str(tmp_path / "l.htm")]))
    assert isinstance(art, Article) and "Genève" in art.text
