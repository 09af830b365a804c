"""Coreference inside an article: pronouns and nominals."""

from __future__ import annotations

import pytest

from .conftest import find

CASES = [
    ("Angela Merkel met Vladimir Putin in Berlin. She said the talks were useful.", "2010-06-01", "She", "DEU"),
    ("Angela Merkel met Vladimir Putin in Berlin. He said the talks were useful.", "2010-06-01", "He", "RUS"),
    ("Iran rejected the proposal on Monday. It said the offer was unfair.", "2010-06-01", "It", "IRN"),
    ("NATO met on Friday. The alliance said it would send more troops.", "2010-06-01", "The alliance", "NATO"),
    ("Sergei Lavrov arrived in Geneva. The minister said Russia wanted talks.", "2010-06-01", "The minister", "RUS"),
    ("Russian troops crossed the border. They shelled the town.", "2008-08-08", "They", "RUS"),
]


@pytest.mark.parametrize("text,date,mention,key", CASES)
def test_pronouns_and_nominals(actors, text, date, mention, key):
    m = find(actors(text, date), mention)
    assert (m["country"] or m["igo"]) == key
    assert m["ref"] is not None


def test_expletive_it_is_not_an_actor(actors):
    ms = actors("Russia met China. It seems the talks failed.")
    assert not [m for m in ms if m["text"] == "It"]


def test_nominal_keeps_its_own_code_and_gains_the_name(actors):
    ms = actors("Vladimir Putin flew to Beijing. The Russian president said trade would grow.", "2013-06-01")
    m = find(ms, "Russian president")
    assert m["code"] == "RUSGOV" and m["name"] == "Vladimir Putin"


def test_apposition_gives_the_title_to_the_name(actors):
    ms = actors("The commander of the Revolutionary Guards, Hossein Salami, was killed.", "2025-06-13")
    assert find(ms, "Hossein Salami")["code"] == "IRNMIL"


def test_agent_modifying_a_thing_is_not_an_actor(actors):
    ms = actors("Missiles struck military targets near the city.", "2022-02-24")
    assert not [m for m in ms if m["text"] == "military"]


def test_first_person_in_a_quote_is_the_speaker(actors):
    ms = actors('"We will raise this with Russia," Clinton said after meeting Hillary Clinton\'s aides.', "2009-03-06")
    we = find(ms, "We")
    assert we["kind"] == "pronoun" and ms[we["ref"]]["text"] == "Clinton"


def test_their_after_a_state_in_the_same_sentence(actors):
    ms = actors("We will also raise with Russia their continuing discussions with Iran.", "2009-03-06")
    assert find(ms, "their")["country"] == "RUS"


def test_those_nations_are_the_last_compound(actors):
    ms = actors("We met Ukraine and Georgia and restated our commitment to those nations.", "2009-03-06")
    m = find(ms, "those nations")
    assert {ms[k]["country"] for k in m["members"]} == {"UKR", "GEO"}


def test_people_named_by_their_state_and_their_forces(actors):
    ms = actors("Bosnian Serbs said on Tuesday their forces had completed their withdrawal.", "2000-01-01")
    assert find(ms, "Bosnian Serbs")["country"] == "BIH"
    assert find(ms, "forces")["code"] == "BIHMIL"


MORE = [
    ("China, Myanmar's largest neighbor, said it had noted the events.", "2021-02-01", "it", "CHN"),
    ("Judges at the International Criminal Court opened an inquiry. Kabul said it would cooperate with the court.",
     "2020-03-05", "the court", "ICC"),
    ("European Union foreign ministers met Iran's envoy. The ministers urged Iran to return to talks.",
     "2012-01-23", "The ministers", "EU"),
    ("The party will boycott Algeria's elections unless the president agrees to step down.", "1990-01-01",
     "the president", "DZA"),
    ("Myanmar's army seized power. Washington demanded that the generals release the detainees.", "2021-02-01",
     "the generals", "MMR"),
]


@pytest.mark.parametrize("text,date,mention,key", MORE)
def test_reporter_subject_organisation_name_same_noun_and_office(actors, text, date, mention, key):
    m = find(actors(text, date), mention)
    assert (m["country"] or m["igo"]) == key


def test_pronoun_of_a_person_the_dictionary_does_not_know(actors):
    ms = actors("Hillary Clinton spoke in Cheyenne. Melanie Gilbert said she was not convinced.", "2016-05-01")
    she = find(ms, "she")
    assert ms[she["ref"]]["text"] == "Melanie Gilbert" and she["code"] is None


def test_object_pronoun_is_not_its_clause_subject(actors):
    ms = actors("Sergei Lavrov arrived on Monday. Wang Yi met him in Beijing.", "2015-05-01")
    assert find(ms, "him")["country"] == "RUS"


def test_possessor_is_no_compound_member(actors):
    ms = actors("China, Myanmar's largest neighbor, said it had noted the events.", "2021-02-01")
    assert "compound" not in find(ms, "China")
