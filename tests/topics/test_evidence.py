"""Topic evidence travels with the event: JSON, flat rows, and back."""

from __future__ import annotations

from dragoman.models import Actor, Event, Trigger


def _event() -> Event:
    return Event(
        code="040",
        root="04",
        name="Consult",
        quad_class=1,
        goldstein=1.0,
        source=Actor(text="Clinton", code="USAGOV", country="USA"),
        target=Actor(text="Lavrov", code="RUSGOV", country="RUS"),
        trigger=Trigger(text="discussions", start=10, end=21),
        sentence=4,
        text="She is now Geneva for discussions with Lavrov.",
        rule="040:discussions with",
        confidence=0.8,
        contexts=["diplomatic", "military"],
        issues=["missile_defense"],
        topics=[
            {"topic": "diplomatic", "scale": "context", "words": ["discussions"], "level": "code"},
            {"topic": "missile_defense", "scale": "issue", "words": ["missile defense"], "level": "agenda"},
        ],
    )


def test_topics_round_trip_through_json_and_flat_rows():
    ev = _event()
    assert Event.from_json(ev.to_json()) == ev
    row = ev.to_row("a1", "v1", "2009-03-06")
    assert row["contexts"] == "diplomatic;military" and row["issues"] == "missile_defense"
    assert '"missile defense"' in row["topics"]
    assert Event.from_row(row) == ev


def test_rows_without_evidence_read_back_empty():
    ev = _event()
    ev.topics = []
    row = ev.to_row("a1")
    assert row["topics"] == ""
    assert Event.from_row(row).topics == []
    row["topics"] = "not json"
    assert Event.from_row(row).topics == []
