"""People with no country in violent and protest events: placed where the clause says, or at home;
subjects the parser lost; targets inside a rejected proposal."""

from __future__ import annotations

import pytest

from .conftest import roots

CASES = [
    # a protest by people with no country, in a named place: that country's
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", {("SRB", "SRB", "14")}),
    # police firing on demonstrators with no place named: their own people
    ("Egyptian police opened fire to disperse fundamentalist demonstrators on Monday.", {("EGY", "EGY", "19")}),
    # violence at a place the gazetteer knows, no actor named there
    ("Israeli tanks fired four shells at targets in Jericho.", {("ISR", "PSE", "19")}),
    # a protest whose demands name the target, by people with no country
    ("Islamic fundamentalists began a hunger strike to demand the resignation of the Algerian president.",
     {("DZA", "DZA", "14")}),
    # a subject the parser attached to a fronted phrase
    ("With the signing of a memorandum on the cessation of hostilities, Sudan and Chad have agreed to open "
     "their border.", {("SDN", "TCD", "03")}),
    # the object of a rejected invitation's infinitive
    ("Hamas rejected an invitation to attend a meeting of Egyptian officials.", {("PSE", "EGY", "12")}),
    # people affiliated with a named organisation
    ("Thousands of workers affiliated with the Serbian trade union stopped work on Monday.", {("SRB", "SRB", "14")}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_placing(events, text, expected):
    assert expected <= roots(events(text))


NOT_HOME = [
    # armed people killed abroad are not assumed to be the source's own
    ("US drone attacks have killed eight al-Qaeda leaders since July.", ("USA", "USA")),
    # a participle after a coded attack adds no guessed target
    ("Militiamen attacked a camp for Congolese refugees, killing at least 156 people.", ("COD", "COD")),
]


@pytest.mark.parametrize("text,pair", NOT_HOME, ids=[c[0][:40] for c in NOT_HOME])
def test_no_home_guess(events, text, pair):
    assert pair not in {(s, t) for s, t, _ in events(text)}
