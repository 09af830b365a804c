"""Article places beyond the big cities: small towns, sites, names the model mislabels, spellings."""

from __future__ import annotations

import pytest

from dragoman.geo.gazetteer import load_gazetteer, norm
from dragoman.geo.parse import plain


def names(doc):
    return [(p["name"], p["country"]) for p in doc._.dragoman_places]


@pytest.mark.parametrize(
    "text, place",
    [
        ("Kenyan police said refugees had reached the Kakuma camp in northern Kenya.", ("Kakuma", "KEN")),
        ("In Sydney, U.S. Defense Secretary Lloyd Austin met his Australian counterpart.", ("Sydney", "AUS")),
        ("Protesters gathered in the Polish town of Przemysl on Sunday.", ("Przemysl", "POL")),
        ("The talks were held in the Myanmar capital Naypyidaw, officials said.", ("Naypyidaw", "MMR")),
        ("Police in Naha said the fishermen had been released.", ("Naha", "JPN")),
        ("Rebels captured Goma, the main city in eastern Congo, on Tuesday.", ("Goma", "COD")),
        ("The leaders met at Camp David on Friday.", ("Camp David", "USA")),
        ("Chinese ships blocked a resupply mission to Second Thomas Shoal.", ("Second Thomas Shoal", "PHL")),
        ("Troops clashed in the Galwan Valley, the Indian army said.", ("Galwan Valley", "IND")),
        ("The summit will be held in St. Petersburg next month.", ("St. Petersburg", "RUS")),
        ("Drones struck the Khurais oil field and the plant at Abqaiq.", ("Abqaiq", "SAU")),
        ("India recalled its envoy from Islamabad on Friday.", ("Islamabad", "PAK")),
        ("The raid took place in the garrison town of Abbottabad.", ("Abbottabad", "PAK")),
        ("The delegations arrived in Bogotá on Monday.", ("Bogota", "COL")),
        ("The English city of Salisbury was sealed off after the attack.", ("Salisbury", "GBR")),
    ],
)
def test_small_towns_and_sites_are_places(parse, text, place):
    assert place in names(parse(text))


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The White House called on Pyongyang to halt its provocations.", "Pyongyang"),
        ("The bill stalled in Congress after the vote.", "Congress"),
        ("Moscow condemned the decision.", "Moscow"),
    ],
)
def test_names_that_are_not_places(parse, text, absent):
    assert absent not in [n for n, _ in names(parse(text))]


def test_a_country_before_a_title_is_no_qualifier(parse):
    """ "In Sydney, U.S. Secretary ...": not Sidney in the United States, as "Paris, Texas" would be."""
    doc = parse("In Sydney, U.S. Secretary of State Rex Tillerson urged the parties to talk.")
    assert ("Sydney", "AUS") in names(doc)


def test_spelling_keys():
    assert norm("Sana'a") == norm("Sanaa") == norm("Sana\u2019a")
    assert norm("St. Petersburg") == norm("Saint Petersburg")
    assert plain("Bogot\u00e1") == "Bogota"
    gaz = load_gazetteer()
    assert any(p.kind == "site" and p.country == "USA" for p, _ in gaz.lookup("Camp David"))
