"""Event, quote, actor and article queries on both backends (sample data from tests/store/sample.py)."""

from __future__ import annotations

import pytest

from dragoman.errors import ConfigError
from dragoman.models import EVENT_ROW_COLUMNS, Event


def _codes(rows):
    return sorted(r["code"] for r in rows)


@pytest.mark.parametrize(
    ("filters", "codes"),
    [
        ({}, ["010", "036", "043", "057", "057", "111", "112", "173", "190"]),
        ({"country": "geo"}, ["173", "190"]),
        ({"igo": "nato"}, ["036", "112"]),
        ({"actor": "USAGOV"}, ["043"]),
        ({"actor": "Sergei Lavrov"}, ["043"]),
        ({"source": "USA"}, ["043", "057", "057", "111"]),
        ({"source": "USAGOV"}, ["043"]),
        ({"target": "NATO"}, ["112"]),
        ({"root": "5"}, ["057", "057"]),
        ({"root": "05"}, ["057", "057"]),
        ({"code": "043"}, ["043"]),
        ({"quad_class": 4}, ["173", "190"]),
        ({"plover_type": "consult"}, ["036", "043"]),
        ({"since": "2009-03-06", "until": "2009-03-20"}, ["043", "057", "057", "173"]),
        ({"since": "2008-08", "until": "2008-08"}, ["010", "111", "190"]),
        ({"until": "2008-08-09"}, ["010", "190"]),
        ({"text": "CONDEMNED"}, ["111"]),
        ({"text": "%"}, []),
        ({"topic": "nuclear"}, ["057", "057"]),
        ({"topic": "arms control"}, ["057"]),
        ({"topic": "Military"}, ["190"]),
        ({"topic": "nuc"}, []),
        ({"article_id": "a3"}, ["057", "173"]),
    ],
)
def test_event_filters(sample_store, filters, codes):
    assert _codes(sample_store.events(**filters)) == codes
    assert sample_store.count_events(**filters) == len(codes)


def test_unknown_filter_is_an_error(sample_store):
    with pytest.raises(ConfigError, match="D505"):
        sample_store.events(colour="red")


def test_events_are_newest_first_and_paginated(sample_store):
    dates = [r["date"] for r in sample_store.events()]
    assert dates[0] == "2009-03-20" and dates[-1] == "2008-08"
    page = sample_store.events_page(limit=4, offset=4)
    assert page.total == 9 and len(page.rows) == 4
    assert [r["event_id"] for r in page.rows] == [r["event_id"] for r in sample_store.events()[4:8]]
    assert list(page.rows[0]) == list(EVENT_ROW_COLUMNS)
    assert page.to_json()["total"] == 9


@pytest.mark.parametrize(
    "filters", [{"country": "RUS"}, {"actor": "RUS"}, {"igo": "NATO"}, {"country": "rus", "root": "05"}]
)
def test_pages_of_either_side_filters_match_the_full_list(sample_store, filters):
    every = sample_store.events(**filters)
    for offset in range(len(every) + 1):
        assert sample_store.events(limit=2, offset=offset, **filters) == every[offset : offset + 2]


def test_event_objects_and_frames(sample_store):
    objs = sample_store.event_objects(code="043")
    assert isinstance(objs[0], Event) and objs[0].source.code == "USAGOV" and objs[0].place.name == "Geneva"
    frame = sample_store.events_frame(country="RUS")
    assert list(frame.columns) == list(EVENT_ROW_COLUMNS) and len(frame) == 9
    assert frame["goldstein"].sum() == pytest.approx(-10 - 2 + 0 + 2.8 + 4 - 2 + 8 - 5 + 8)


def test_quotes(sample_store):
    assert sample_store.quotes().total == 3
    usa = sample_store.quotes(speaker="usa")
    assert usa.total == 2 and usa.rows[0]["article_date"] == "2009-03-06"
    assert sample_store.quotes(speaker="Sergei Lavrov").rows[0]["kind"] == "indirect"
    assert [q["text"] for q in sample_store.quotes(text="RESET").rows] == ["We pressed the reset button."]
    assert sample_store.quotes(since="2009-01-01", limit=1).total == 2


def test_actors_most_active_first(sample_store):
    page = sample_store.actors(limit=3)
    top = page.rows[0]
    assert (top["code"], top["events"], top["as_source"], top["as_target"]) == ("RUS", 7, 2, 5)
    assert page.total == 7
    assert (top["first"], top["last"]) == ("2008-08", "2009-03-20")
    assert [r["code"] for r in sample_store.actors(country="GEO").rows] == ["GEO", "RUS", "RUSMIL"]


def test_articles_and_records(sample_store):
    page = sample_store.articles(limit=2)
    assert page.total == 6 and [r["id"] for r in page.rows] == ["a5", "a4"]
    assert {r["id"]: r["events"] for r in sample_store.articles(q="treaty").rows} == {"a3": 2}
    rec = sample_store.record("voa-2009-03-06")
    assert rec.article.text.startswith("Clinton met") and len(rec.events) == 3 and len(rec.quotes) == 2
    assert sample_store.record("nope") is None


def test_summary(sample_store):
    s = sample_store.summary()
    assert (s["articles"], s["events"], s["quotes"], s["places"], s["duplicates"]) == (6, 9, 3, 2, 1)
    assert (s["first_date"], s["last_date"]) == ("2008-08", "2009-03-20")
    assert s["by_quad_class"] == {"1": 5, "3": 2, "4": 2}
    assert s["by_month"] == {"2008-08": 3, "2009-03": 5}
    assert s["top_dyads"][0] == {"source_key": "USA", "target_key": "RUS", "events": 4}
