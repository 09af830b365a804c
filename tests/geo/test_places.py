"""The dragoman_places component and event_place, on texts read by the whole pipeline."""

from __future__ import annotations

from dragoman.geo import event_place

from .conftest import token

EXAMPLE = (
    "U.S. Secretary of State Hillary Clinton has wrapped up talks in Brussels, where she attended a meeting "
    "of NATO foreign ministers. She is now Geneva for discussions with Russian Foreign Minister Sergei Lavrov."
)


def names(doc):
    return [(p["name"], p["country"]) for p in doc._.dragoman_places]


def test_places_of_the_example_kind(parse):
    doc = parse(EXAMPLE)
    assert ("Brussels", "BEL") in names(doc)
    assert ("Geneva", "CHE") in names(doc)
    for p in doc._.dragoman_places:
        assert doc.text[p["start_char"] : p["end_char"]] == p["text"]
        assert isinstance(p["lat"], float) and isinstance(p["lon"], float)


def test_event_place_in_relative_where_and_missing_in(parse):
    doc = parse(EXAMPLE)
    assert event_place(doc, token(doc, "talks"), token(doc, "talks") + 1)["name"] == "Brussels"
    assert event_place(doc, token(doc, "meeting"), token(doc, "meeting") + 1)["name"] == "Brussels"
    geneva = event_place(doc, token(doc, "discussions"), token(doc, "discussions") + 1)
    assert geneva["name"] == "Geneva" and geneva["country"] == "CHE" and geneva["geonameid"] == 2660646


def test_held_back_place_cases(parse):
    doc = parse(
        "Iranian negotiators met European diplomats in Vienna on Monday. "
        "Protesters gathered outside the embassy in Ankara, where police fired tear gas. "
        "The president flew to Tokyo for talks with Japanese leaders."
    )
    assert event_place(doc, token(doc, "met"), token(doc, "met") + 1)["name"] == "Vienna"
    assert event_place(doc, token(doc, "fired"), token(doc, "fired") + 1)["name"] == "Ankara"
    assert event_place(doc, token(doc, "flew"), token(doc, "flew") + 1)["name"] == "Tokyo"


def test_participants_are_not_places(parse):
    doc = parse("Russia attacked Georgia. Moscow said the talks with Kyiv had failed.")
    assert event_place(doc, token(doc, "attacked"), token(doc, "attacked") + 1) is None
    assert event_place(doc, token(doc, "said"), token(doc, "said") + 1) is None


def test_clause_boundaries(parse):
    doc = parse("The minister said in London that rebels had attacked the town.")
    assert event_place(doc, token(doc, "said"), token(doc, "said") + 1)["name"] == "London"
    assert event_place(doc, token(doc, "attacked"), token(doc, "attacked") + 1) is None


def test_capital_acting_for_its_government_is_not_a_place(parse):
    doc = parse("Moscow condemned the decision. Talks resumed in Moscow on Friday.")
    moscows = [p for p in doc._.dragoman_places if p["name"] == "Moscow"]
    assert len(moscows) == 1  # only the one "in Moscow"
    assert doc[moscows[0]["start"] - 1].text == "in"


def test_dateline_place(parse):
    doc = parse("MOSCOW, March 6 (Reuters) - Russia's foreign minister arrived for talks.")
    assert ("Moscow", "RUS") in names(doc)


def test_empty_and_placeless_texts(parse):
    assert parse("")._.dragoman_places == []
    assert parse("Nothing happened here at all.")._.dragoman_places == []


def test_country_qualifying_a_noun_is_not_a_place(parse):
    doc = parse("U.S. policy is clear, and the Geneva talks went well. Troops were deployed in Georgia.")
    got = names(doc)
    assert ("United States", "USA") not in got
    assert ("Geneva", "CHE") in got
    assert ("Georgia", "GEO") in got
