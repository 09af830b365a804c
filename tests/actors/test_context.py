"""Where a name is not an actor, names that run on, and actors placed by their setting."""

from __future__ import annotations

import pytest

from .conftest import find


def texts(mentions):
    return [m["text"] for m in mentions]


def test_dateline_is_a_place_not_the_actor(actors):
    ms = actors("ABUJA -- West African leaders imposed sanctions on Niger. The junta rejected the ultimatum.",
                "2023-07-30")
    abuja = find(ms, "ABUJA")
    assert abuja["locative"] and abuja["dateline"]
    junta = find(ms, "The junta")
    assert junta["country"] == "NER"  # the junta is Niger's, not the dateline's


def test_dateline_with_the_and_agency(actors):
    ms = actors("THE HAGUE -- Judges opened an inquiry.\n\nMOSCOW, March 6 (Reuters) - Russia said no.", "2009-03-06")
    assert find(ms, "HAGUE")["locative"]
    assert find(ms, "MOSCOW")["locative"]
    assert not find(ms, "Russia").get("locative")


def test_all_capital_headline_is_no_dateline(actors):
    ms = actors("US, EU AGREE ON SANCTIONS", "2014-03-01")
    assert not any(m.get("dateline") for m in ms)


@pytest.mark.parametrize("text,country", [
    ("China and Vietnam dispute islands in the South China Sea.", "CHN"),
    ("Ships sailed into the Sea of Japan.", "JPN"),
    ("Tankers crossed the Persian Gulf.", "IRN"),
])
def test_country_inside_a_place_name(actors, text, country):
    ms = actors(text, "2015-01-01")
    inside = [m for m in ms if m["country"] == country and m["text"] in ("China", "Japan", "Persian")]
    assert len(inside) == (1 if text.startswith("China") else 0)


@pytest.mark.parametrize("headline,mention,code", [
    ("U.S. Pledges Military Aid to Ukraine", "U.S.", "USA"),
    ("Russia Cuts Gas Supplies to Ukraine", "Russia", "RUS"),
])
def test_titlecase_headline_keeps_known_names(actors, headline, mention, code):
    ms = actors(headline + "\n\nThe talks continued on Monday in a calm mood.", "2014-03-01")
    assert find(ms, mention)["code"] == code
    assert not any(m["code"] is None and mention in m["text"] for m in ms)


def test_vice_and_deputy_titles_keep_their_country(actors):
    ms = actors("Chinese Vice Premier Liu He met Russian Deputy Prime Minister Dmitry Kozak.", "2019-05-10")
    assert find(ms, "Liu He")["code"] == "CHNGOV"  # not "Liu" of Taiwan, "He" no pronoun
    assert find(ms, "Dmitry Kozak")["code"] == "RUSGOV"
    assert "He" not in texts(ms)


def test_surname_first_names_are_recalled_by_surname(actors):
    ms = actors("Chinese Vice Premier Liu He arrived in Washington. Liu said the talks were useful.", "2019-05-10")
    later = [m for m in ms if m["text"] == "Liu"]
    assert later and later[0]["code"] == "CHNGOV"


@pytest.mark.parametrize("text,mention,code", [
    ("President Abdelaziz Bouteflicka threatened a curfew.", "Abdelaziz Bouteflicka", "DZAGOV"),
    ("Rebels rejected an appeal from President Laurent Gbago.", "Laurent Gbago", "CIV"),
])
def test_misspelt_known_names(actors, text, mention, code):
    assert find(actors(text, "2005-01-01"), mention)["code"].startswith(code)


def test_name_particle_opens_a_name(actors):
    ms = actors("A statement said al-Qaeda attacked the base.", "2005-01-01")
    assert find(ms, "al-Qaeda")["code"] == "IMGMUSALQ"


def test_stacked_agent_words_and_context_country(actors):
    ms = actors("Egyptian police clashed with Moslem demonstrators in Cairo.", "1990-01-01")
    demo = find(ms, "Moslem demonstrators")
    assert demo["country"] == "EGY" and demo["context"] and {"MUS", "OPP"} <= set(demo["sectors"])


def test_actor_placed_where_it_acts(actors):
    text = "Police arrested 40 protesters in Moscow. Rebels in the Ivory Coast dismissed the appeal."
    ms = actors(text, "2005-01-01")
    assert find(ms, "Police")["code"] == "RUSCOP"
    assert find(ms, "protesters")["country"] == "RUS"
    assert find(ms, "Rebels")["code"] == "CIVREB"


def test_a_state_actor_alone_places_no_one(actors):
    ms = actors("The United States condemned the attack by militants.", "2005-01-01")
    assert find(ms, "militants")["code"] is None


@pytest.mark.parametrize("text,mention,igo", [
    ("West African leaders imposed sanctions on Niger.", "West African leaders", "ECOWAS"),
    ("Eurozone finance ministers demanded reforms.", "Eurozone finance ministers", "EU"),
    ("The United States welcomed the European move.", "European", "EU"),
    ("Arab states met in Cairo.", "Arab states", "Arab League"),
])
def test_regions_stand_for_their_organisation(actors, text, mention, igo):
    assert find(actors(text, "2019-01-01"), mention)["igo"] == igo


def test_region_alone_is_no_organisation(actors):
    ms = actors("African migrants crossed the sea.", "2019-01-01")
    assert not any(m.get("igo") for m in ms)


def test_institution_of_the_named_country(actors):
    assert find(actors("Opponents of Rwanda's Senate protested.", "2019-01-01"), "Rwanda's Senate")["code"] == "RWALEG"
