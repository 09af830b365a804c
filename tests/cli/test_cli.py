from __future__ import annotations

import json

from tests.conftest import EXAMPLE_TXT


def test_help_lists_the_commands(cli):
    out = cli("--help").output
    for cmd in ("extract", "ingest", "events", "rejects", "evaluate"):
        assert cmd in out


def test_extract_json_on_the_example(cli):
    res = cli("extract", "--json", str(EXAMPLE_TXT))
    assert res.exit_code == 0
    [doc] = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert doc["title"] == "Clinton Meets with Russian Counterpart After NATO Talks"
    assert doc["date"] == "2009-03-06"
    for k in ("id", "events", "quotes", "places", "url", "source"):
        assert k in doc


def test_extract_keeps_jsonl_ids_and_reads_stdin(cli):
    line = json.dumps({"id": "keep-me", "title": "T", "text": "Russia met China.", "date": "2020-01-01"})
    res = cli("extract", "--json", "-", input=line + "\n")
    assert res.exit_code == 0
    assert json.loads(res.stdout.splitlines()[0])["id"] == "keep-me"


def test_ingest_twice_adds_nothing_and_events_lists(cli, tmp_path):
    db = str(tmp_path / "t.db")
    src = tmp_path / "a.txt"
    src.write_text("Title\n\n06 March 2009\n\nRussia condemned Georgia.")
    assert cli("ingest", str(src), "--db", db).exit_code == 0
    res = cli("ingest", str(src), "--db", db)
    assert "new 0" in res.stderr and "already stored 1" in res.stderr
    assert cli("events", "--db", db, "--format", "csv").exit_code == 0


def test_missing_source_is_a_clear_error(cli, tmp_path):
    res = cli("extract", "--json", str(tmp_path / "nope.txt"))
    assert res.exit_code == 2 and "No such file" in res.stderr


def test_strict_makes_a_reject_an_error(cli, tmp_path):
    (tmp_path / "e.txt").write_text(" ")
    assert cli("extract", "--json", str(tmp_path / "e.txt")).exit_code == 0
    assert cli("extract", "--json", "--strict", str(tmp_path / "e.txt")).exit_code == 1
