from __future__ import annotations

from dragoman.models import EVENT_ROW_COLUMNS, Actor, Article, Event, Place, Record, Trigger


def _event() -> Event:
    return Event(
        code="190",
        root="19",
        name="Use conventional military force",
        quad_class=4,
        goldstein=-10.0,
        source=Actor(text="Moscow", name="Russia", code="RUSGOV", country="RUS", sectors=["GOV"], start=5, end=11),
        target=Actor(text="Georgia", name="Georgia", code="GEO", country="GEO", start=40, end=47),
        trigger=Trigger(text="use of force", start=20, end=32),
        sentence=3,
        text="Moscow's use of force ...",
        rule="190:use of force against",
        confidence=0.9,
        plover={"type": "ASSAULT", "mode": None},
        date="2008-08",
        date_text="last August",
        place=Place(name="Tskhinvali", country="GEO", lat=42.2, lon=43.96, geonameid=611694),
        contexts=["military"],
        issues=["territory"],
    )


def test_article_gets_a_stable_id_from_its_text():
    a, b = Article(text="Same text."), Article(text="Same text.")
    assert a.id == b.id and len(a.id) == 16
    assert Article(text="Same text.", id="x1").id == "x1"


def test_flat_row_has_the_contract_columns_and_round_trips():
    ev = _event()
    row = ev.to_row("a1", "v1", "2009-03-06")
    assert list(row)[: len(EVENT_ROW_COLUMNS)] == list(EVENT_ROW_COLUMNS)
    assert row["source_sectors"] == "GOV" and row["target_sectors"] == ""
    back = Event.from_row(row)
    assert back == ev


def test_record_json_round_trips_and_omits_text_by_default():
    rec = Record(article=Article(text="t", id="a1", title="T", date="2009-03-06"), events=[_event()])
    d = rec.to_json()
    assert "text" not in d and d["events"][0]["source"]["country"] == "RUS"
    back = Record.from_json(rec.to_json(include_text=True))
    assert back.events == rec.events and back.article.text == "t"


def test_event_ids_are_stable_and_distinct():
    e1, e2 = _event(), _event()
    e2.trigger = Trigger(text="x", start=99, end=100)
    assert e1.event_id("a") == _event().event_id("a")
    assert e1.event_id("a") != e2.event_id("a")
