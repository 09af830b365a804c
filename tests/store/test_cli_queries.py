"""The query commands on a sample store: events, quotes, actors, rejects, migrate."""

from __future__ import annotations

import csv
import io
import json

import pytest


@pytest.fixture
def db(sample_store):
    return sample_store.engine.url.render_as_string(hide_password=False)


def test_events_in_three_formats(cli, db):
    table = cli("events", "--db", db, "--country", "GEO")
    assert table.exit_code == 0 and "2 of 2 events" in table.stdout and "RUSMIL" in table.stdout
    rows = [
        json.loads(line)
        for line in cli("events", "--db", db, "--format", "jsonl", "--topic", "nuclear").stdout.splitlines()
    ]
    assert [r["code"] for r in rows] == ["057", "057"] and rows[0]["contexts"]
    out = cli("events", "--db", db, "-f", "csv", "--source", "USA", "--limit", "2", "--offset", "1").stdout
    assert len(list(csv.DictReader(io.StringIO(out)))) == 2


def test_unique_events_with_counts(cli, db):
    out = cli("events", "--db", db, "--unique", "--code", "057", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and (rows[0]["num_mentions"], rows[0]["num_sources"], rows[0]["num_articles"]) == (
        "3",
        "2",
        "3",
    )


def test_quotes_actors_rejects(cli, db):
    quotes = list(csv.DictReader(io.StringIO(cli("quotes", "--db", db, "--speaker", "USAGOV", "-f", "csv").stdout)))
    assert {q["text"] for q in quotes} == {"This is unacceptable.", "We pressed the reset button."}
    actors = [json.loads(x) for x in cli("actors", "--db", db, "--limit", "2", "-f", "jsonl").stdout.splitlines()]
    assert [a["code"] for a in actors] == ["RUS", "USA"] and actors[0]["events"] == 7
    assert cli("rejects", "--db", db, "-f", "csv").stdout.strip() == "origin,reason,detail,at"


def test_bad_format_and_missing_database(cli, db, tmp_path):
    res = cli("events", "--db", db, "--format", "xml")
    assert res.exit_code == 2 and "D201" in res.stderr
    res = cli("events", "--db", str(tmp_path / "none.db"))
    assert res.exit_code == 2 and "No database" in res.stderr


def test_migrate_reports_the_version(cli, db):
    res = cli("migrate", "--db", db)
    assert res.exit_code == 0 and "up to date" in res.stderr
