"""event_place beyond the trigger's own phrase: participles, objects, reported clauses, sites, the story."""

from __future__ import annotations

from dragoman.geo import event_place

from .conftest import token


def place_of(doc, word: str, nth: int = 0):
    i = token(doc, word, nth)
    found = event_place(doc, i, i + 1)
    return found["name"] if found else None


def test_participle_and_object_pass_their_place_to_the_clause(parse):
    doc = parse(
        "Speaking in Sochi, Putin warned of serious consequences. "
        "The two sides signed an agreement in Doha on Saturday. "
        "Protesters in Nairobi blocked the main road."
    )
    assert place_of(doc, "warned") == "Sochi"
    assert place_of(doc, "signed") == "Doha"
    assert place_of(doc, "blocked") == "Nairobi"


def test_reported_clause_takes_the_statement_place_only_when_not_past(parse):
    doc = parse(
        "Ministers said in Warsaw they would impose further sanctions. "
        "The minister said in London that rebels had attacked the town."
    )
    assert place_of(doc, "impose") == "Warsaw"
    assert place_of(doc, "attacked") is None


def test_a_site_stands_for_its_town(parse):
    doc = parse("The two presidents signed the treaty at the White House on Monday.")
    found = event_place(doc, token(doc, "signed"), token(doc, "signed") + 1)
    assert found["name"] == "Washington" and found["country"] == "USA"


def test_a_reaction_does_not_take_the_place_of_what_it_reacts_to(parse):
    doc = parse("India blamed Pakistan for the attack near Pahalgam.")
    assert place_of(doc, "blamed") is None


def test_headline_takes_the_place_of_the_lead(parse):
    doc = parse(
        "Russia and Ukraine sign gas deal\n\n"
        "Russia and Ukraine signed a 10-year gas supply deal in Moscow on Monday, ending a long dispute.\n\n"
        "The deal was welcomed by the European Union."
    )
    assert place_of(doc, "sign") == "Moscow"


def test_scene_of_the_paragraph_carries_over(parse):
    doc = parse(
        "Police fired tear gas at protesters in Ankara on Monday. Demonstrators threw stones at officers.\n\n"
        "Russia attacked Georgia."
    )
    assert place_of(doc, "threw") == "Ankara"
    assert place_of(doc, "attacked") is None  # another paragraph sets no scene


def test_origins_targets_and_called_off_events_are_no_scene(parse):
    doc = parse(
        "India recalled its envoy from Islamabad. Iran launched missiles at Israel. "
        "The minister canceled a visit to Turkey. Washington freed three agents convicted of spying in Miami. "
        "Pope Francis hosted the two delegations at the Vatican."
    )
    assert place_of(doc, "recalled") is None
    assert place_of(doc, "launched") is None
    assert place_of(doc, "canceled") is None
    assert place_of(doc, "freed") is None
    assert place_of(doc, "hosted") == "Vatican"


def test_headline_parse_and_a_later_gathering(parse):
    doc = parse(
        "EU Bans Belarusian Airlines After Jet Forced to Land in Minsk\n\n"
        "European Union leaders agreed on Monday to ban Belarusian airlines, a day after Belarus forced a "
        "Ryanair airliner to land in Minsk.\n\n"
        "Meeting in Brussels, the leaders demanded the release of the journalist."
    )
    assert place_of(doc, "agreed") == "Brussels"
    assert place_of(doc, "Bans") == "Brussels"
    assert place_of(doc, "forced") == "Minsk"


def test_scene_and_dateline_need_the_subject_of_their_country(parse):
    doc = parse(
        "U.S., Japan Agree to Deepen Ties\n\n"
        "A judge in Vancouver ordered her release on Friday. China detained two Canadians days later.\n\n"
        "The three countries agreed to hold annual exercises."
    )
    assert place_of(doc, "detained") is None  # China does not act in Vancouver
    assert place_of(doc, "agreed") is None  # the headline opens with no dateline


def test_dateline_places_a_statement_of_its_country(parse):
    doc = parse(
        "BEIJING, May 3 (Reuters) - China's foreign ministry said on Monday it opposed the sanctions. "
        "Russian troops attacked the town."
    )
    assert place_of(doc, "said") == "Beijing"
    assert place_of(doc, "attacked") is None


def test_a_participle_describing_a_gathering_takes_its_place(parse):
    doc = parse("The agreement was announced in Beijing after four days of talks hosted by China's top diplomat.")
    assert place_of(doc, "hosted") == "Beijing"
