"""The dragoman_events component: the EventDict it writes, compound actors, robustness."""

from __future__ import annotations

from dragoman.coding import CODER_VERSION, EventCoder

FIELDS = {"code", "root", "name", "quad_class", "goldstein", "plover", "source", "target", "trigger_start",
          "trigger_end", "sentence", "rule", "confidence"}  # fmt: skip


def test_event_dict_shape(pipeline):
    from dragoman.models import Article

    text = "The crisis deepened on Monday. Turkey expelled two Israeli diplomats on Monday."
    _, doc = next(pipeline.docs([Article(text=text, date="2015-06-01")], workers=1))
    (ev,) = doc._.dragoman_events
    assert set(ev) == FIELDS
    assert (ev["code"], ev["root"], ev["quad_class"]) == ("166", "16", 4)
    assert ev["plover"] == {"type": "SANCTION", "mode": "expel"}
    assert doc[ev["trigger_start"] : ev["trigger_end"]].text == "expelled"
    assert ev["sentence"] == 1 and 0 < ev["confidence"] <= 1 and ev["rule"]
    src = ev["source"]
    assert text[src["start"] : src["end"]] == "Turkey" and src["country"] == "TUR"
    assert text[ev["target"]["start"] : ev["target"]["end"]].startswith("Israeli")


def test_article_json_event(read):
    rec = read("Pakistan held talks with India in Islamabad.").to_json()
    (ev,) = rec["events"]
    assert ev["trigger"]["text"] in ("held", "talks") and ev["rule"]
    assert ev["plover"]["type"] == "CONSULT" and ev["name"]


def test_compound_source_gives_one_event_per_member(events):
    evs = events("Britain and France imposed sanctions on Syria.")
    assert {(s, t) for s, t, _ in evs} == {("GBR", "SYR"), ("FRA", "SYR")}


def test_empty_and_odd_input(read):
    assert read("").to_json()["events"] == []
    assert read("!!! ??? ...").to_json()["events"] == []


def test_exports():
    assert CODER_VERSION and callable(EventCoder)
