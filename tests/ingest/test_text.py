from __future__ import annotations

import pytest

from dragoman.config import Settings
from dragoman.ingest import dateline, parse_date, read_sources
from dragoman.models import Article, Reject


@pytest.mark.parametrize(
    "value, iso",
    [
        ("06 March 2009", "2009-03-06"),
        ("March 6, 2009", "2009-03-06"),
        ("2009-03-06T10:00:00Z", "2009-03-06"),
        ("Friday, 6th Mar. 2009", "2009-03-06"),
        ("31 February 2009", None),
        ("no date", None),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_dateline_is_a_line_that_is_only_a_date():
    assert dateline("Title\n\nReading audio\n\n06 March 2009\n\nBody on 7 March 2009 here.") == "2009-03-06"
    assert dateline("Title\n\nThe talks on 7 March 2009 were held in Geneva with many ministers present.") is None


def test_plain_text_title_and_date(tmp_path, example_txt=None):
    p = tmp_path / "a.txt"
    p.write_text("Clinton Meets Lavrov\n\n06 March 2009\n\nClinton met Lavrov in Geneva.\n")
    [art] = list(read_sources([str(p)]))
    assert isinstance(art, Article)
    assert (art.title, art.date) == ("Clinton Meets Lavrov", "2009-03-06")
    [art2] = list(read_sources([str(p)], date="2010-01-01"))
    assert art2.date == "2010-01-01"


def test_jsonl_keeps_ids_and_rejects_bad_lines(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"id": "x1", "title": "T", "text": "Russia met China.", "date": "2020-05-01"}\n'
        "not json\n"
        '{"id": "x2", "text": "   "}\n'
        '{"id": 7, "text": "NATO warned Russia."}\n'
    )
    items = list(read_sources([str(p)]))
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Reject", "Article"]
    assert items[0].id == "x1" and items[3].id == "7"
    assert items[1].reason == "malformed line" and items[1].origin.endswith(":2")
    assert items[2].reason == "empty"


def test_bad_files_are_rejected_with_a_reason_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b_empty.txt").write_text("  \n")
    (tmp_path / "c_latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "d_big.txt").write_text("x" * 200)
    (tmp_path / "e_good.txt").write_text("Good\n\nRussia met China.")
    items = list(read_sources([str(tmp_path)], Settings(max_text_bytes=100)))
    reasons = [i.reason if isinstance(i, Reject) else "ok" for i in items]
    assert reasons == ["binary", "empty", "undecodable", "too large", "ok"]
