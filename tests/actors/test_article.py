"""Article-wide rules, places of plural agents, regional nominals and owned agents."""

from __future__ import annotations

from .conftest import find


def test_congo_is_the_drc_when_the_article_names_it(actors):
    text = ("Britain said the Rwandan government was backing M23 rebels in eastern Democratic Republic of "
            "Congo. Congo's government has accused Kigali of sponsoring the rebellion.")
    assert find(actors(text, "2012-11-30"), "Congo's government")["country"] == "COD"


def test_congo_alone_keeps_the_dictionary_default(actors):
    ms = actors("Congo's government has accused its neighbour of sponsoring the rebellion.", "2012-11-30")
    assert find(ms, "Congo's government")["country"] == "COG"


def test_counted_nationals_are_the_next_people_named(actors):
    ms = actors("Two Canadians detained in China arrived home. Michael Kovrig, a former diplomat, and Michael "
                "Spavor, a businessman, were released by Beijing. China detained Kovrig and Spavor in 2018.",
                "2021-09-25")
    for name in ("Michael Kovrig", "Michael Spavor", "Kovrig", "Spavor"):
        assert find(ms, name)["country"] == "CAN"


def test_a_plural_demonym_title_covers_the_coordinated_names(actors):
    ms = actors("Canadians Michael Kovrig and Michael Spavor were released by Beijing.", "2021-09-25")
    assert find(ms, "Michael Spavor")["country"] == "CAN"


def test_nationals_need_as_many_names_as_counted(actors):
    ms = actors("Three Canadians were detained. Michael Kovrig was released by Beijing.", "2021-09-25")
    assert find(ms, "Michael Kovrig")["country"] is None


def test_agents_in_two_places_stand_for_both(actors):
    ms = actors("West African leaders gave the junta in Niger a week. The juntas in Mali and Burkina Faso said "
                "an intervention would amount to a declaration of war against them.", "2023-08-07")
    assert find(ms, "the junta")["country"] == "NER"
    juntas = find(ms, "The juntas")
    assert sorted(ms[k]["country"] for k in juntas["members"]) == ["BFA", "MLI"]
    assert sorted(ms[k]["country"] for k in find(ms, "them")["members"]) == ["BFA", "MLI"]


def test_brussels_acting_is_the_european_union(actors):
    ms = actors("Washington and Brussels froze the assets of Russian officials. Talks were held in Brussels.",
                "2014-03-18")
    acting = [m for m in ms if m["text"] == "Brussels"]
    assert acting[0]["igo"] == "EU" and acting[1].get("locative")


def test_the_region_state_is_the_state_named_before(actors):
    ms = actors("Saudi Arabia and Bahrain severed diplomatic relations with Qatar, accusing the Gulf state "
                "of supporting terrorism. Gulf states met.", "2017-06-05")
    assert find(ms, "the Gulf state")["country"] == "QAT"
    assert find(ms, "Gulf states")["igo"] == "GCC"


def test_a_group_nominal_its_spokesman_and_the_groups_fighters(actors):
    ms = actors("Al Shabaab has denied carrying out the kidnappings. The Islamist group threatened to retaliate. "
                "Its spokesman, Sheikh Ali Mohamud Rage, accused Kenya of violating Somalia's sovereignty and "
                "warned that the group's fighters would take the war to Kenya.", "2011-10-17")
    assert find(ms, "The Islamist group")["code"] == "SOMREB"
    assert find(ms, "Ali Mohamud Rage")["code"] == "SOMREB"
    assert find(ms, "fighters")["code"] == "SOMREB"


def test_the_leaders_of_the_two_koreas(actors):
    ms = actors("South Korean President Kim Dae-jung arrived in Pyongyang for the first summit between the "
                "leaders of the two Koreas, and was greeted by North Korean leader Kim Jong Il. Kim Dae-jung "
                "pledged to help rebuild the impoverished North's economy.", "2000-06-13")
    koreas = find(ms, "the two Koreas")
    assert sorted(ms[k]["country"] for k in koreas["members"]) == ["KOR", "PRK"]
    assert find(ms, "the impoverished North")["country"] == "PRK"


def test_an_organisations_title_codes_its_official(actors):
    ms = actors("Hamas leader Ismail Haniyeh said so. Huawei Technologies executive Meng Wanzhou left Canada.",
                "2021-09-25")
    assert find(ms, "Ismail Haniyeh")["code"] == "PSEREB"
    assert find(ms, "Meng Wanzhou")["country"] == "CHN"


def test_the_captain_of_a_chinese_trawler_and_his_name(actors):
    ms = actors("Japanese prosecutors said they would release the captain of a Chinese fishing trawler. "
                "The captain, Zhan Qixiong, was detained on September 8.", "2010-09-24")
    assert find(ms, "Zhan Qixiong")["country"] == "CHN"


def test_it_was_the_largest_expulsion_is_no_actor(actors):
    ms = actors("Theresa May welcomed the moves, telling parliament it was the largest expulsion in history. "
                "China said it was a country that respects the law.", "2018-03-26")
    assert [m["text"] for m in ms if m["kind"] == "pronoun"] == ["it"]
    assert find(ms, "it")["country"] == "CHN"
