"""The example article end to end: the events the coder finds carry the topics of issue 9."""

from __future__ import annotations


def _key(actor):
    return (actor or {}).get("country") or (actor or {}).get("igo")


def _events(record, a, b, roots):
    out = []
    for e in record.to_json()["events"]:
        pair = {_key(e["source"]), _key(e["target"])}
        if pair == {a, b} and e["root"] in roots:
            out.append(e)
    return out


def test_geneva_talks_carry_missile_defense_and_irans_nuclear_programme(example_record):
    talks = [e for e in _events(example_record, "USA", "RUS", {"04"}) if "Geneva" in e["text"]]
    assert talks
    assert any({"missile_defense", "iran_nuclear_program"} <= set(e["issues"]) for e in talks)
    for e in talks:
        assert "diplomatic" in e["contexts"]
        names = [t["topic"] for t in e["topics"]]
        assert set(e["contexts"]) | set(e["issues"]) == set(names)
        assert all(t["words"] for t in e["topics"] if t["level"] != "code")


def test_brussels_meeting_carries_nato_enlargement(example_record):
    meetings = _events(example_record, "USA", "NATO", {"04"})
    assert meetings and any("nato_enlargement" in e["issues"] for e in meetings)


def test_war_with_georgia_is_military_and_territory(example_record):
    war = _events(example_record, "RUS", "GEO", {"18", "19"})
    assert war
    for e in war:
        assert {"military", "territory"} <= set(e["contexts"])
