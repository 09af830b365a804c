"""Counted plurals ("both countries", "the two leaders"), "the North", and organisations' officials."""

from __future__ import annotations

import pytest

from .conftest import find


def member_countries(ms, text):
    m = find(ms, text)
    assert m.get("members"), f"{text!r} has no members"
    return sorted(ms[k].get("country") or ms[k].get("igo") for k in m["members"])


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        # no compound before: the last two countries named (persons count by their country)
        ("India recalled its envoy. Pakistan's President Pervez Musharraf warned that Pakistan would "
         "respond to any Indian aggression. Both countries have moved troops to the border.",
         "Both countries", ["IND", "PAK"]),
        ("Obama spoke with Raul Castro on Tuesday. The deal was sealed in a call between the two presidents.",
         "the two presidents", ["CUB", "USA"]),
        ("Medvedev met Obama in Prague. The two leaders held talks for about an hour.",
         "The two leaders", ["RUS", "USA"]),
        # an adjective between the count and the noun; the compound before wins over later states
        ("Finland and Sweden applied to join NATO. But Turkey held up the talks. President Recep Tayyip "
         "Erdogan accused the two Nordic countries of harboring militants.",
         "the two Nordic countries", ["FIN", "SWE"]),
        # the subject of the phrase's own clause is not one of the parties
        ("Iran fired missiles at Israel on Saturday. U.N. Secretary-General Antonio Guterres urged all "
         "parties to exercise maximum restraint.",
         "all parties", ["IRN", "ISR"]),
    ],
)
def test_counted_plurals_stand_for_the_parties(actors, text, phrase, expected):
    assert member_countries(actors(text, "2019-05-10"), phrase) == expected


def test_a_place_is_not_a_party(actors):
    ms = actors("Obama spoke with Raul Castro. The talks were held in Canada between the two delegations.",
                "2014-12-17")
    assert member_countries(ms, "the two delegations") == ["CUB", "USA"]


def test_the_leaders_of_both_countries(actors):
    ms = actors("India struck Pakistan on Wednesday. U.S. Secretary of State Colin Powell called the leaders "
                "of both countries.", "2002-01-01")
    assert member_countries(ms, "the leaders") == ["IND", "PAK"]


def test_no_parties_no_members(actors):
    ms = actors("Both countries have moved troops to the border.", "2002-01-01")
    assert not any(m.get("members") for m in ms)


def test_the_north_and_both_koreas(actors):
    ms = actors("North Korea shelled a South Korean island. Seoul said the North had fired first. "
                "China, the North's main ally, urged both Koreas to exercise restraint.", "2010-11-23")
    assert all(m["country"] == "PRK" for m in ms if m["text"] == "the North")
    assert member_countries(ms, "both Koreas") == ["KOR", "PRK"]


def test_the_north_atlantic_is_not_korea(actors):
    ms = actors("North Korea tested a missile. Ships crossed the North Atlantic.", "2010-11-23")
    assert not [m for m in ms if "Atlantic" in m["text"]]


@pytest.mark.parametrize(
    "text, date, name, code",
    [
        # an organisation's title gives the organisation, whatever the person's nationality
        ("European Commission President Jose Manuel Barroso called the cutoff unacceptable.", "2009-01-08",
         "Jose Manuel Barroso", "IGOEUREEC"),
        ("Negotiators led by the EU's Michel Barnier worked through the night.", "2019-10-17",
         "Michel Barnier", "IGOEUREEC"),
        ("NATO Secretary-General Mark Rutte said so.", "2025-03-01", "Mark Rutte", "IGOWSTNAT"),
        # a national title still gives the country
        ("Russian Deputy Prime Minister Dmitry Kozak said so.", "2019-05-10", "Dmitry Kozak", "RUSGOV"),
    ],
)
def test_titles_of_organisations(actors, text, date, name, code):
    assert find(actors(text, date), name)["code"] == code


@pytest.mark.parametrize(
    "text, date, name, code",
    [
        ("Alexander Lukashenko ordered the plane down.", "2021-05-23", "Alexander Lukashenko", "BLRGOV"),
        ("Pope Francis hosted the delegations.", "2014-10-01", "Pope Francis", "VATGOV"),
        ("Prime Minister Shehbaz Sharif called it an act of war.", "2025-05-07", "Shehbaz Sharif", "PAKGOV"),
        ("Foreign Secretary William Hague said so.", "2014-03-18", "William Hague", "GBRGOV"),
        ("Kuwait's emir, Sheikh Sabah al-Ahmad al-Sabah, called.", "2017-06-06",
         "Sheikh Sabah al-Ahmad al-Sabah", "KWTGOV"),
        ("General Abdourahamane Tiani took power.", "2023-08-01", "Abdourahamane Tiani", "NERGOV"),
        ("The U.S. Justice Department agreed to defer the charges.", "2021-09-24",
         "U.S. Justice Department", "USAGOV"),
        ("Jaish-e-Mohammed denied it.", "2001-12-20", "Jaish-e-Mohammed", "PAKREB"),
    ],
)
def test_actors_of_recent_years(actors, text, date, name, code):
    assert find(actors(text, date), name)["code"] == code


def test_a_name_without_a_code_does_not_hide_its_words(actors):
    ms = actors("U.S. Vice President Joe Biden called it a land grab.", "2014-03-18")
    assert find(ms, "Joe Biden")["code"] == "USAGOV"
    assert not [m for m in ms if m["code"] is None]
