"""The Spark job on local[2]: the single-process reading and coding, to Parquet, then loaded."""

from __future__ import annotations

import json
import os

import pytest

from dragoman.batch import extract, ingest
from dragoman.config import Settings
from dragoman.distributed import output
from dragoman.store import open_store
from tests.ingest.corpus import content, page, rss, warc, write_corpus

pytestmark = [pytest.mark.spark, pytest.mark.slow]

pyspark = pytest.importorskip("pyspark", reason="needs the [spark] extra")


@pytest.fixture(scope="module")
def spark():
    from dragoman.distributed.session import spark_session

    session = spark_session("local[2]", "dragoman-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("spark") / "in"
    write_corpus(root, n=24, seed=21)
    body = "Armenia and Azerbaijan traded fire along the border on Sunday, officials in Yerevan said. " * 30
    pages = [(f"http://caucasus.example/{n}", "text/html", page(f"Clash {n}", body + str(n))) for n in range(3)]
    (root / "crawl" / "x").mkdir(parents=True)
    (root / "crawl" / "x" / "c.warc.gz").write_bytes(warc(pages, compress=True))
    (root / "crawl" / "cut.warc").write_bytes(warc(pages, compress=False)[:-50])
    entries = [
        {"title": f"Entry {n}", "link": f"http://feeds.example/{n}", "content": f"<p>{body} {n}</p>"} for n in range(2)
    ]
    (root / "feed.rss").write_bytes(rss(entries))
    os.symlink("..", root / "crawl" / "loop")
    return root


@pytest.fixture(scope="module")
def job(spark, corpus, tmp_path_factory):
    """`dragoman spark` run once (in the module's session) for every test here."""
    from typer.testing import CliRunner

    from dragoman.cli import app

    out = tmp_path_factory.mktemp("spark") / "out"
    args = ["spark", str(corpus), "--output", str(out), "--master", "local[2]", "--partitions", "6"]
    res = CliRunner().invoke(app, args, catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    return out, json.loads(res.stdout.splitlines()[-1])


def _single_process(corpus):
    return list(extract([str(corpus)], Settings(), fetch=False))


def test_spark_codes_each_article_as_the_single_process_does(spark, corpus, job):
    out, summary = job
    arts = {r["id"]: r for r in spark.read.parquet(str(out / "articles")).collect()}
    coded = {i: json.loads(r["record"]) for i, r in arts.items() if r["record"]}
    records = {}
    for r in _single_process(corpus):
        records.setdefault(r.id, r)  # a repeated id: the first one counts, as in ingest
    assert set(arts) == set(records)  # every article, once
    # the model loads once per Python worker, which Spark reuses across the partitions' tasks
    assert summary["partitions"] == 6 and 1 <= summary["coding_processes"] < 6
    assert summary["exact_copies"] == 2 and set(coded) == set(records) - {a for a in arts if arts[a]["duplicate_of"]}
    for aid, rec in coded.items():
        assert rec == records[aid].to_json(), aid
        a, r = arts[aid], records[aid].article
        assert (a["title"], a["date"], a["url"], a["source"], a["origin"], a["text"]) == (
            r.title, r.date, r.url, r.source, r.origin, r.text
        )  # fmt: skip
    spark_events = sorted((tuple(row) for row in spark.read.parquet(str(out / "events")).collect()), key=repr)
    single = sorted((output.event_row(e) for aid in coded for e in records[aid].event_rows()), key=repr)
    assert spark_events == single


def test_spark_rejects_the_same_items(spark, corpus, job):
    out, _ = job
    rejects = {(r["origin"], r["reason"]) for r in spark.read.parquet(str(out / "rejects")).collect()}
    from dragoman.ingest import read_sources
    from dragoman.models import Reject

    single = {(i.origin, i.reason) for i in read_sources([str(corpus)], fetch=False) if isinstance(i, Reject)}
    assert rejects == single
    assert {r for _, r in rejects} >= {"empty", "binary", "malformed line", "truncated archive", "symlink loop"}


def test_load_of_the_output_gives_the_database_of_ingest(job, corpus, cli, tmp_path):
    out, _ = job
    loaded = tmp_path / "loaded.db"
    assert cli("load", str(out), "--db", str(loaded)).exit_code == 0
    ingest([str(corpus)], open_store(str(tmp_path / "ingested.db")), Settings(), fetch=False)
    assert content(loaded) == content(tmp_path / "ingested.db")
    again = cli("load", str(out), "--db", str(loaded))
    assert "new 0" in again.stderr and content(loaded) == content(tmp_path / "ingested.db")
