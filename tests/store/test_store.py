from __future__ import annotations

from dragoman.models import Actor, Article, Event, Record, Reject, Trigger


def _record(aid: str = "a1") -> Record:
    ev = Event(
        code="111",
        root="11",
        name="Criticize or denounce",
        quad_class=3,
        goldstein=-2.0,
        source=Actor(text="Russia", code="RUS", country="RUS", start=0, end=6),
        target=Actor(text="Georgia", code="GEO", country="GEO", start=17, end=24),
        trigger=Trigger(text="condemned", start=7, end=16),
        sentence=0,
        text="Russia condemned Georgia.",
        rule="111:condemn",
        confidence=0.9,
        date="2008-08-08",
    )
    return Record(article=Article(text="Russia condemned Georgia.", id=aid, date="2008-08-08"), events=[ev])


def test_record_is_stored_once_and_read_back(store):
    rec = _record()
    assert store.add_record(rec) is True
    assert store.add_record(rec) is False
    assert store.count("events") == 1
    back = store.record("a1")
    assert back is not None and back.events == rec.events and back.article.text == rec.article.text


def test_event_filters(store):
    store.add_record(_record())
    assert len(store.events(country="rus")) == 1
    assert store.events(country="USA") == []
    assert len(store.events(root="11", since="2008-08-01", until="2008-08-31")) == 1
    assert store.events(until="2008-08-07") == []
    assert len(store.events(text="condemned")) == 1
    assert store.events(text="%") == []


def test_rejects_are_kept_once(store):
    r = Reject("x.txt", "binary", "NUL bytes")
    assert store.add_reject(r) and not store.add_reject(r)
    assert store.rejects()[0]["reason"] == "binary"


def test_add_records_in_batches_skips_stored_and_repeated(any_store):
    from tests.store.sample import records

    recs = records()
    assert any_store.add_record(recs[0])
    assert any_store.add_records(recs + [recs[1]], batch=2) == (4, 6)
    assert any_store.add_records(recs) == (0, 0)
    assert any_store.count("articles") == 5 and any_store.count("events") == 9


def test_event_rows_make_stub_articles_once(any_store):
    from dragoman.store.rows import canonical

    rows = [canonical(r) for r in _record("s1").event_rows() + _record("s2").event_rows()]
    assert any_store.add_event_rows(rows, batch=1) == (2, 2)
    assert any_store.add_event_rows(rows) == (0, 0)
    keyless = dict(rows[0], article_id="s3", event_id="k1", event_key=None)
    assert any_store.add_event_rows([keyless]) == (1, 1)
    assert any_store.mentions(article_id="s3")[0]["event_key"] == rows[0]["event_key"]
    rec = any_store.record("s1")
    assert rec.article.text == "" and rec.events == _record("s1").events


def test_one_writer_wins_a_race_for_the_same_article(any_store):
    import threading

    results: list[bool] = []
    threads = [threading.Thread(target=lambda: results.append(any_store.add_record(_record("race")))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, False, False, True] and any_store.count("events") == 1


def test_pages_put_undated_events_last(any_store):
    from tests.store.sample import fill

    fill(any_store)
    undated = _record("u1")
    undated.events[0].date = None
    any_store.add_record(undated)
    every = any_store.events()
    assert every[-1]["article_id"] == "u1" and len(every) == 10
    for filters in ({}, {"country": "RUS"}, {"actor": "RUS"}):
        full = any_store.events(**filters)
        for offset in range(len(full)):
            assert any_store.events(limit=3, offset=offset, **filters) == full[offset : offset + 3]


def test_optimize_refreshes_statistics(any_store):
    from tests.store.sample import fill

    fill(any_store)
    any_store.optimize()
    assert any_store.count_events(country="RUS") == 9
