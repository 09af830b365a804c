"""``load``: the Spark output layout, format detection, bad rows, idempotence."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dragoman.errors import InputError, UnknownFormat
from dragoman.export import export
from dragoman.export.flat import arrow_schema
from dragoman.ingest.duplicates import text_hash
from dragoman.store import open_store
from dragoman.store.load import detect, load
from tests.store.sample import fill, records


def _spark_output(tmp_path):
    """The layout the Spark job writes: articles/ and events/ folders of Parquet parts."""
    out = tmp_path / "spark"
    (out / "articles").mkdir(parents=True)
    (out / "events").mkdir()
    recs = records()
    arts = [
        {
            "id": r.id,
            "title": r.article.title,
            "date": r.article.date,
            "url": r.article.url,
            "source": r.article.source,
            "origin": f"warc://{r.id}",
            "text": r.article.text,
            "text_hash": text_hash(r.article.text),
            "record": json.dumps(r.to_json()),
            "coder_version": r.coder_version,
        }
        for r in recs
    ]
    pq.write_table(pa.Table.from_pylist(arts[:3]), out / "articles" / "part-00000.parquet")
    pq.write_table(pa.Table.from_pylist(arts[3:]), out / "articles" / "part-00001.parquet")
    rows = [row for r in recs for row in r.event_rows()]
    orphan = dict(rows[0], article_id="not-in-articles", event_id="orphan-1")
    pq.write_table(pa.Table.from_pylist(rows + [orphan], schema=arrow_schema()), out / "events" / "part-00000.parquet")
    return out


def test_spark_layout_loads_like_ingest(any_store, tmp_path):
    out = _spark_output(tmp_path)
    assert detect(out) == "spark"
    summary = load(any_store, [out])
    assert (summary.articles, summary.stubs, summary.events, summary.bad_rows) == (5, 1, 10, 0)
    direct = open_store(str(tmp_path / "direct.db"))
    direct.add_records(records())
    assert any_store.events(article_id="a3") == direct.events(article_id="a3")
    assert any_store.record("voa-2009-03-06").to_json(True) == direct.record("voa-2009-03-06").to_json(True)
    assert any_store.record("voa-2009-03-06").article.origin == "warc://voa-2009-03-06"
    stub = any_store.record("not-in-articles")
    assert stub.article.text == "" and stub.events[0].code == "190"
    again = load(any_store, [out])
    assert (again.articles, again.stubs, again.events) == (0, 0, 0)


def test_bad_rows_are_counted_and_skipped(any_store, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "article_id,code,goldstein,date\na1,042,1.9,2020-01-01\n,042,1,2020\na2,043,lots,2020\na3,,1,2020\n"
    )
    summary = load(any_store, [path])
    assert (summary.events, summary.bad_rows) == (1, 3)
    assert any_store.events()[0]["goldstein"] == 1.9


@pytest.mark.parametrize(
    ("fmt", "name", "kind"),
    [
        ("csv", "e.csv", "csv"),
        ("parquet", "e.parquet", "parquet"),
        ("jsonl", "a.jsonl", "jsonl"),
        ("gdelt", "g.export.CSV", "gdelt"),
        ("phoenix", "p.txt", "phoenix"),
        ("icews", "i.tab", "icews"),
        ("plover", "p.json", "plover"),
    ],
)
def test_formats_are_told_by_content(tmp_path, fmt, name, kind):
    store = open_store(str(tmp_path / "s.db"))
    fill(store)
    assert detect(export(store, fmt, tmp_path / name).path) == kind


def test_event_rows_as_jsonl_are_detected(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"article_id": "a", "code": "042"}) + "\n")
    assert detect(path) == "rows"


def test_clear_errors(any_store, tmp_path):
    (tmp_path / "m.mentions.CSV").write_text("\t".join(["x"] * 16) + "\n")
    with pytest.raises(InputError, match="mentions file"):
        load(any_store, [tmp_path / "m.mentions.CSV"])
    (tmp_path / "what.txt").write_text("hello\n")
    with pytest.raises(InputError, match="--format"):
        load(any_store, [tmp_path / "what.txt"])
    with pytest.raises(InputError, match="No such file"):
        load(any_store, [tmp_path / "missing.csv"])
    with pytest.raises(UnknownFormat):
        load(any_store, [tmp_path / "what.txt"], fmt="xml")
