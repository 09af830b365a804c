"""``dragoman export`` then ``dragoman load`` through the command line."""

from __future__ import annotations

import pytest

from dragoman.store import open_store


@pytest.fixture
def db(sample_store):
    return sample_store.engine.url.render_as_string(hide_password=False)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt", "phoenix", "icews", "plover"])
def test_export_then_load(cli, db, sample_store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    res = cli("export", "--format", fmt, "--country", "GEO", str(out), "--db", db)
    assert res.exit_code == 0 and "wrote 2 events" in res.stderr
    target = str(tmp_path / "back.db")
    res = cli("load", str(out), "--db", target)
    assert res.exit_code == 0 and "2 new events" in res.stderr
    assert "0 new events" in cli("load", str(out), "--db", target).stderr
    back = open_store(target)
    assert sorted(r["code"] for r in back.events()) == ["173", "190"]


def test_unknown_export_format(cli, db, tmp_path):
    res = cli("export", "--format", "xml", str(tmp_path / "x"), "--db", db)
    assert res.exit_code == 2 and "D201" in res.stderr
