"""Batches: duplicates kept as mentions with GDELT's counts, idempotent runs, workers, kill and resume."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from dragoman.batch import ingest, store_records
from dragoman.config import Settings
from dragoman.models import Actor, Article, Event, Record, Trigger
from dragoman.store import open_store
from tests.ingest.corpus import content, near_copy, report, write_corpus
from tests.store.backends import any_store, db_url  # noqa: F401  (fixtures: SQLite and PostgreSQL)


def _event(code: str, src: str, tgt: str, start: int, date: str = "2008-08-08") -> Event:
    return Event(
        code=code, root=code[:2], name="", quad_class=4, goldstein=-10.0,
        source=Actor(text=src, name=src, code=src, country=src),
        target=Actor(text=tgt, name=tgt, code=tgt, country=tgt),
        trigger=Trigger(text="attacked", start=start, end=start + 8), sentence=0, text="...", rule="test",
        confidence=0.9, date=date,
    )  # fmt: skip


def _record(text: str, aid: str, source: str, events: list[Event]) -> Record:
    art = Article(text=text, id=aid, date="2008-08-09", url=f"http://{source.lower()}.example/{aid}", source=source)
    return Record(article=art, events=events, coder_version="test")


def test_duplicates_are_mentions_of_one_event_with_mention_source_and_article_counts(any_store):  # noqa: F811
    store = any_store
    rng = random.Random(11)
    text, other = report(rng, 9), report(rng, 9)
    a = _record(text, "a", "Reuters", [_event("190", "RUS", "GEO", 10), _event("111", "GEO", "RUS", 50)])
    b = _record(text.upper(), "b", "AP", [])  # an exact copy (as ingest would give it, uncoded)
    c = _record(near_copy(text), "c", "AFP", [_event("999", "X", "Y", 3)])  # a near copy: its coding is dropped
    d = _record(other, "d", "Reuters", [_event("190", "RUS", "GEO", 70)])  # another report of a's first event
    summary = store_records([a, b, c, d], store, Settings())
    assert (summary.new, summary.duplicate, summary.near) == (2, 2, 1)

    rows = {r["article_id"]: r for r in store.events(limit=None) if r["code"] == "190"}
    assert rows["a"]["event_key"] == rows["d"]["event_key"]
    events = {r["code"]: r for r in store.unique_events()}
    assert set(events) == {"190", "111"}
    assert (events["190"]["num_mentions"], events["190"]["num_sources"], events["190"]["num_articles"]) == (4, 3, 4)
    assert (events["111"]["num_mentions"], events["111"]["num_sources"], events["111"]["num_articles"]) == (3, 3, 3)
    mentions = store.mentions(event_key=events["190"]["event_key"])
    assert sorted((m["article_id"], m["kind"], m["source"], m["url"]) for m in mentions) == [
        ("a", "coded", "Reuters", "http://reuters.example/a"),
        ("b", "exact", "AP", "http://ap.example/b"),
        ("c", "near", "AFP", "http://afp.example/c"),
        ("d", "coded", "Reuters", "http://reuters.example/d"),
    ]
    assert [m["similarity"] >= 0.8 for m in mentions if m["kind"] == "near"] == [True]
    assert store.count("events") == 3  # a's two and d's one: copies add mentions, not events

    again = store_records([a, b, c, d], store, Settings())
    assert (again.new, again.duplicate, again.existing) == (0, 0, 4)
    assert store.count("mentions") == 7


def test_ingest_counts_duplicates_and_rejects_and_a_second_run_adds_nothing(tmp_path, pipeline):
    made = write_corpus(tmp_path / "in", n=30)
    store = open_store(str(tmp_path / "i.db"))
    s = ingest([str(tmp_path / "in")], store, Settings())
    assert (s.new, s.duplicate, s.near, s.rejected) == (30, made["exact"] + made["near"], made["near"], made["rejects"])
    before = content(tmp_path / "i.db")
    again = ingest([str(tmp_path / "in")], store, Settings())
    assert (again.new, again.duplicate, again.existing) == (0, 0, 34)
    assert content(tmp_path / "i.db") == before
    with sqlite3.connect(tmp_path / "i.db") as conn:
        runs = conn.execute("SELECT command, inputs, status, read, new, duplicate, rejected, coder_version, started, "
                            "finished FROM runs ORDER BY id").fetchall()  # fmt: skip
    assert [r[:7] for r in runs] == [
        ("ingest", json.dumps([str(tmp_path / "in")]), "done", 37, 30, 4, 3),
        ("ingest", json.dumps([str(tmp_path / "in")]), "done", 37, 0, 0, 3),
    ]
    assert all(r[7].startswith("dragoman-") and "coder-" in r[7] and "actors-" in r[7] and r[8] and r[9] for r in runs)


@pytest.mark.slow
def test_two_workers_store_exactly_what_one_worker_stores(tmp_path, pipeline):
    write_corpus(tmp_path / "in", n=24, seed=4)
    for n in (1, 2):
        ingest([str(tmp_path / "in")], open_store(str(tmp_path / f"w{n}.db")), Settings(workers=n, batch_size=4))
    assert content(tmp_path / "w1.db") == content(tmp_path / "w2.db")


def _articles(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _ingest(src, db) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "dragoman", "ingest", str(src), "--db", str(db), "--no-fetch"]
    env = dict(os.environ, DRAGOMAN_BATCH_SIZE="4")
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when(proc: subprocess.Popen, db, at_least: int) -> int:
    deadline = time.monotonic() + 120
    while _articles(db) < at_least:
        assert proc.poll() is None, f"finished before it could be killed: {proc.stderr.read().decode()[-500:]}"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return _articles(db)


@pytest.mark.slow
def test_a_run_killed_with_sigkill_and_run_again_ends_with_the_uninterrupted_database(tmp_path):
    src = tmp_path / "in"
    made = write_corpus(src, n=60, seed=9)
    whole, broken = tmp_path / "whole.db", tmp_path / "broken.db"
    assert _ingest(src, whole).wait() == 0
    first = _kill_when(_ingest(src, broken), broken, 8)
    second = _kill_when(_ingest(src, broken), broken, 30)
    assert 8 <= first < second < 60 + made["exact"] + made["near"]
    proc = _ingest(src, broken)
    assert proc.wait() == 0, proc.stderr.read().decode()[-500:]
    assert content(broken) == content(whole)
    with sqlite3.connect(broken) as conn:
        assert [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")] == ["running", "running", "done"]
