"""Actor resolution on real sentences: titles, demonyms, capitals, agents, IGOs, dates."""

from __future__ import annotations

import pytest

from .conftest import find

CASES = [
    # titles and names, as of the date
    ("Secretary Clinton met the Russian foreign minister.", "2010-05-01", "Clinton", "USAGOV"),
    ("Secretary Clinton met the Russian foreign minister.", "2010-05-01", "Russian foreign minister", "RUSGOV"),
    ("President Medvedev spoke to reporters.", "2009-03-06", "Medvedev", "RUSGOV"),
    ("Russian Foreign Minister Sergei Lavrov arrived.", "2009-03-06", "Sergei Lavrov", "RUSGOV"),
    ("Hillary Clinton spoke at the university.", "2010-01-10", "Hillary Clinton", "USAGOV"),
    ("Hillary Clinton spoke at the university.", "2015-06-10", "Hillary Clinton", "USAELI"),
    # capitals and countries standing for governments
    ("Moscow said the talks had failed.", "2009-03-06", "Moscow", "RUSGOV"),
    ("Washington warned Tehran against enrichment.", "2009-03-06", "Tehran", "IRNGOV"),
    ("Russia condemned Georgia.", "2008-08-08", "Russia", "RUS"),
    # agents with countries
    ("Russian troops entered the town.", "2008-08-08", "Russian troops", "RUSMIL"),
    ("Libyan rebels attacked the town.", "2011-04-01", "Libyan rebels", "LBYREB"),
    ("Iraq's parliament approved the law.", "2010-06-01", "Iraq's parliament", "IRQLEG"),
    ("Palestinian protesters threw stones.", "2010-06-01", "Palestinian protesters", "PSEOPP"),
    ("The president of France called for calm.", "2010-06-01", "president of France", "FRAGOV"),
    ("U.S. officials denied the report.", "2010-06-01", "U.S. officials", "USAGOV"),
]


@pytest.mark.parametrize("text,date,mention,code", CASES)
def test_codes(actors, text, date, mention, code):
    assert find(actors(text, date), mention)["code"] == code


IGOS = [
    ("NATO warned Russia.", "NATO", "NATO"),
    ("The European Union imposed sanctions.", "European Union", "EU"),
    ("The United Nations condemned the attack.", "United Nations", "UN"),
    ("The IAEA inspected the site.", "IAEA", "IAEA"),
    ("OPEC cut its output.", "OPEC", "OPEC"),
    ("The African Union sent observers.", "African Union", "AU"),
    ("The International Criminal Court issued a warrant.", "International Criminal Court", "ICC"),
]


@pytest.mark.parametrize("text,mention,igo", IGOS)
def test_igos(actors, text, mention, igo):
    m = find(actors(text), mention)
    assert m["igo"] == igo and m["country"] is None and m["kind"] == "igo"


@pytest.mark.parametrize(
    "text,mention,locative",
    [
        ("Moscow said it would respond.", "Moscow", False),
        ("The ministers met in Moscow on Friday.", "Moscow", True),
        ("Clinton travelled to Moscow for talks.", "Moscow", True),
        ("Talks resumed with Moscow.", "Moscow", False),
        ("Fighting continued in Syria.", "Syria", True),
    ],
)
def test_capital_or_place(actors, text, mention, locative):
    m = find(actors(text), mention)
    assert bool(m.get("locative")) is locative
    if not locative:
        assert m["code"].endswith("GOV") or m["kind"] == "state"


def test_compound_actor_split(actors):
    ms = actors("Japan and South Korea signed an agreement.")
    japan, korea = find(ms, "Japan"), find(ms, "South Korea")
    assert (japan["code"], korea["code"]) == ("JPN", "KOR")
    assert japan["compound"] == korea["compound"] and len(japan["compound"]) == 2


def test_coordinated_demonyms_share_the_agent(actors):
    ms = actors("Senior Hungarian and Romanian officials agreed on Wednesday.")
    codes = {m["code"] for m in ms if m.get("code")}
    assert {"HUNGOV", "ROUGOV"} <= codes


def test_unknown_name_stays_unresolved(actors):
    ms = actors("Tomasz Wiklundberg, a farmer, said the harvest was poor.")
    m = find(ms, "Tomasz Wiklundberg")
    assert m["code"] is None and m["country"] is None and m["kind"] == "person"


def test_every_mention_has_the_fields(actors):
    for m in actors("Russian troops shelled the Georgian town while NATO officials met in Brussels."):
        assert {"text", "name", "code", "country", "igo", "sectors", "start_char", "end_char", "start", "end"} <= set(m)
        assert isinstance(m["sectors"], list)


TERMS = [
    ("Donald Trump spoke in Ohio.", "2018-05-01", "Donald Trump", "USAGOV"),
    ("Donald Trump spoke in Ohio.", "2022-05-01", "Donald Trump", "USAELI"),
    ("Donald Trump spoke in Ohio.", "2025-03-01", "Donald Trump", "USAGOV"),
    ("Barack Obama spoke in Ohio.", "2018-05-01", "Barack Obama", "USAELI"),
    ("Olaf Scholz spoke in Berlin.", "2025-06-01", "Olaf Scholz", "DEUELI"),
    ("Liz Truss spoke in London.", "2023-01-01", "Liz Truss", "GBRELI"),
    ("Volodymyr Zelensky spoke in Kyiv.", "2022-03-01", "Volodymyr Zelensky", "UKRGOV"),
    ("Bashar al-Assad spoke in Damascus.", "2025-03-01", "Bashar al-Assad", "SYRELI"),
    ("Ahmed al-Sharaa spoke in Damascus.", "2024-06-01", "Ahmed al-Sharaa", "SYRREB"),
    ("Ahmed al-Sharaa spoke in Damascus.", "2025-03-01", "Ahmed al-Sharaa", "SYRGOV"),
    ("Hemedti spoke to reporters.", "2024-01-10", "Hemedti", "SDNREB"),
    ("Ursula von der Leyen spoke in Brussels.", "2022-01-10", "Ursula von der Leyen", "IGOEUREEC"),
]


@pytest.mark.parametrize("text,date,mention,code", TERMS)
def test_roles_by_date_and_former_officials(actors, text, date, mention, code):
    assert find(actors(text, date), mention)["code"] == code


def test_former_title_gives_eli(actors):
    m = find(actors("Former President Bill Clinton visited Haiti.", "2010-01-20"), "Bill Clinton")
    assert m["code"] == "USAELI"


def test_ethnic_group_is_not_the_state(actors):
    m = find(actors("Up to 100 ethnic Albanians demonstrated on Tuesday.", "2000-01-01"), "ethnic Albanians")
    assert m["code"] is None and m["country"] is None
