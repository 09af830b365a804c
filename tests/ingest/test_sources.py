from __future__ import annotations

import json

import pytest

from dragoman.errors import InputError
from dragoman.ingest import read_sources
from dragoman.ingest.sources import kind_of
from dragoman.models import Article
from tests.ingest.corpus import gz, page

TEXT = "Title {n}\n\nVenezuela and Colombia agreed on Friday to restore diplomatic ties, report {n}.\n"


def test_folders_are_read_recursively_in_sorted_order_without_hidden_files(tmp_path):
    for rel in ("b.txt", "a.txt", "sub/z.txt", "sub/deeper/y.txt", ".hidden.txt", ".git/x.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT.format(n=rel))
    items = list(read_sources([str(tmp_path)]))
    assert [a.origin.removeprefix(str(tmp_path) + "/") for a in items] == [
        "a.txt", "b.txt", "sub/z.txt", "sub/deeper/y.txt"
    ]  # fmt: skip


def test_globs_and_several_sources_keep_their_order(tmp_path):
    for n in range(3):
        (tmp_path / f"r{n}.txt").write_text(TEXT.format(n=n))
    (tmp_path / "x.jsonl").write_text(json.dumps({"id": "k", "text": "Chad met Niger."}) + "\n")
    items = list(read_sources([str(tmp_path / "x.jsonl"), str(tmp_path / "r*.txt")]))
    assert [a.id for a in items][0] == "k" and [a.title for a in items[1:]] == ["Title 0", "Title 1", "Title 2"]
    with pytest.raises(InputError, match="No file matches"):
        list(read_sources([str(tmp_path / "*.nothing")]))


def test_gzipped_sources_are_read_by_their_inner_kind(tmp_path):
    (tmp_path / "dump.jsonl.gz").write_bytes(
        gz(b'{"id": "g1", "text": "Mali met Chad."}\n{"id": "g2", "text": "Oman met Iran."}\n')
    )
    (tmp_path / "story.html.gz").write_bytes(gz(page("Gzipped Page", "Kenya and Uganda signed a trade accord. " * 5)))
    items = list(read_sources([str(tmp_path)]))
    assert [a.id for a in items[:2]] == ["g1", "g2"] and items[2].title == "Gzipped Page"


@pytest.mark.parametrize(
    "name, head, kind",
    [
        ("x.txt", b"<html>", "text"),
        ("x", b"WARC/1.0\r\n", "warc"),
        ("x.dat", b'  {"text": "a"}', "jsonl"),
        ("feed", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("x.xml", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("x.xml", b"<catalog/>", "xml"),
        ("notes", b"Plain words.", "text"),
    ],
)
def test_kind_from_name_else_first_bytes(name, head, kind):
    assert kind_of(name, head) == kind


def test_stdin_takes_text_or_jsonl(cli, tmp_path):
    res = cli("extract", "--json", "-", input="Talks Resume\n\nSerbia and Kosovo resumed talks in Brussels.\n")
    assert json.loads(res.stdout)["title"] == "Talks Resume"
    db = str(tmp_path / "s.db")
    res = cli("ingest", "-", "--db", db, input=json.dumps({"id": "s1", "text": "Serbia met Kosovo."}) + "\n")
    assert res.exit_code == 0 and "new 1" in res.stderr


def test_a_page_url_is_one_article(site):
    (site.root / "story.html").write_bytes(page("Accord Signed", "Kenya and Uganda signed a trade accord. " * 5))
    [art] = list(read_sources([f"{site.url}/story.html"]))
    assert isinstance(art, Article) and art.title == "Accord Signed" and art.url == f"{site.url}/story.html"
