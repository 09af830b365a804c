"""``dyad``, ``network`` and ``top`` on a sample store."""

from __future__ import annotations

import csv
import io
import json

import pytest


@pytest.fixture
def db(sample_store):
    return sample_store.engine.url.render_as_string(hide_password=False)


def test_dyad_csv(cli, db):
    res = cli("dyad", "USA", "RUS", "--db", db, "--since", "2009-03", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["direction"], r["events"], r["goldstein_sum"]) for r in rows] == [
        ("USA>RUS", "3", "18.8"),
        ("RUS>USA", "0", "0.0"),
    ]


def test_dyad_topic_and_table(cli, db):
    res = cli("dyad", "RUS", "NATO", "--db", db)
    assert res.exit_code == 0 and "year-only" in res.stdout
    rows = [
        json.loads(x)
        for x in cli("dyad", "USA", "RUS", "--db", db, "--topic", "nuclear", "-f", "jsonl").stdout.splitlines()
    ]
    assert [r["events"] for r in rows] == [2, 0]


def test_network_and_top(cli, db):
    edges = [json.loads(x) for x in cli("network", "--db", db, "--min-weight", "2", "-f", "jsonl").stdout.splitlines()]
    assert edges == [
        {
            "source": "USA",
            "target": "RUS",
            "quad_class": 1,
            "weight": 3,
            "goldstein_sum": 18.8,
            "goldstein_mean": 6.2667,
        }
    ]
    top = list(
        csv.DictReader(io.StringIO(cli("top", "--db", db, "-n", "1", "--order", "conflict", "-f", "csv").stdout))
    )
    assert top[0]["code"] == "190" and float(top[0]["goldstein"]) == -10
    res = cli("top", "--db", db, "--order", "loudest")
    assert res.exit_code == 2 and "D507" in res.stderr
