"""Every reason an input is refused: one line kept in the store, and the batch goes on."""

from __future__ import annotations

import json
import os

import pytest

from dragoman.config import Settings
from dragoman.ingest import read_sources
from dragoman.models import Article, Reject
from tests.ingest.corpus import gz, page, warc

GOOD = "Good News\n\nJapan and China agreed to resume talks on Monday.\n"


def _bad_inputs(root):
    """A folder with one good article and one bad item per reason (limit: 300 bytes of text)."""
    (root / "a_good.txt").write_text(GOOD)
    (root / "b_empty.txt").write_text("   \n\t\n")
    (root / "c_binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (root / "d_latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (root / "e_big.txt").write_text("word " * 100)
    (root / "f_lines.jsonl").write_text('{"text": "Iran met Iraq."}\n{broken\n[1, 2]\n{"text": 5}\n')
    (root / "g_bad.warc").write_bytes(b"not a web archive at all\r\n")
    data = warc([("http://x.example/a", "text/html", page("T", "Egypt hosted talks with Israel. " * 3))], True)
    (root / "h_cut.warc.gz").write_bytes(data[:-40])
    (root / "i_bad.rss").write_bytes(b"<<< not a feed >>>")
    (root / "j_other.xml").write_bytes(b"<?xml version='1.0'?><catalog><book/></catalog>")
    (root / "k_cut.jsonl.gz").write_bytes(gz(b'{"text": "Peru met Chile."}\n' * 50)[:-12])
    (root / "loop").mkdir()
    os.symlink("..", root / "loop" / "up")
    os.symlink(root / "m_b", root / "m_a")
    os.symlink(root / "m_a", root / "m_b")
    (root / "n_page.html").write_bytes(b"<html><head><title>Nothing</title></head><body></body></html>")


EXPECTED = {
    "b_empty.txt": "empty",
    "c_binary.txt": "binary",
    "d_latin1.txt": "undecodable",
    "e_big.txt": "too large",
    "f_lines.jsonl:2": "malformed line",
    "f_lines.jsonl:3": "malformed line",
    "f_lines.jsonl:4": "malformed line",
    "g_bad.warc": "malformed record",
    "h_cut.warc.gz#3": "truncated archive",
    "i_bad.rss": "malformed feed",
    "j_other.xml": "unsupported",
    "k_cut.jsonl.gz": "truncated archive",
    "loop/up": "symlink loop",
    "m_a": "symlink loop",
    "m_b": "symlink loop",
    "n_page.html": "empty",
}


def test_each_bad_item_is_rejected_with_its_reason_and_good_items_still_come(tmp_path):
    _bad_inputs(tmp_path)
    items = list(read_sources([str(tmp_path)], Settings(max_text_bytes=300), fetch=False))
    rejects = {i.origin.removeprefix(str(tmp_path) + "/"): i.reason for i in items if isinstance(i, Reject)}
    assert rejects == EXPECTED
    articles = [i for i in items if isinstance(i, Article)]
    origins = [a.origin.removeprefix(str(tmp_path) + "/") for a in articles]
    assert origins[:2] == ["a_good.txt", "f_lines.jsonl:1"]
    assert origins[2:] == [f"k_cut.jsonl.gz:{n}" for n in range(1, len(origins) - 1)]  # the lines before the cut
    assert len(origins) > 30
    assert all("\n" not in r.detail for r in items if isinstance(r, Reject))


@pytest.mark.parametrize(
    "name, data",
    [
        ("big.html", page("Big", "Russia met China in Moscow. " * 40)),
        ("big.jsonl", (json.dumps({"text": "Russia met China in Moscow. " * 40}) + "\n").encode()),
    ],
)
def test_the_size_limit_applies_to_the_text_of_every_kind(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    [item] = list(read_sources([str(tmp_path / name)], Settings(max_text_bytes=500)))
    assert isinstance(item, Reject) and item.reason == "too large"
    [ok] = list(read_sources([str(tmp_path / name)], Settings(max_text_bytes=5000)))
    assert isinstance(ok, Article)


def test_ingest_exits_0_keeps_every_reject_and_strict_makes_it_an_error(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _bad_inputs(src)
    db = str(tmp_path / "r.db")
    res = cli("ingest", str(src), "--db", db, "--max-text-bytes", "300", "--no-fetch")
    assert res.exit_code == 0
    assert f"rejected {len(EXPECTED)}" in res.stderr
    out = cli("rejects", "--db", db, "--format", "jsonl").stdout
    stored = {
        json.loads(line)["origin"].removeprefix(str(src) + "/"): json.loads(line)["reason"] for line in out.splitlines()
    }
    assert stored == EXPECTED
    again = cli("ingest", str(src), "--db", db, "--max-text-bytes", "300", "--no-fetch", "--strict")
    assert again.exit_code == 1 and "new 0" in again.stderr
    assert len(cli("rejects", "--db", db, "--format", "jsonl").stdout.splitlines()) == len(EXPECTED)
