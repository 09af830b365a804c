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
