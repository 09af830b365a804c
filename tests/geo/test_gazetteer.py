"""The gazetteer: names to places, ranked by population, kind and the article's countries."""

from __future__ import annotations

from collections import Counter

import pytest

from dragoman.geo.gazetteer import load_gazetteer, norm
from dragoman.geo.resolve import candidates, rank


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def best(gaz, name: str, context: Counter | None = None):
    cands, wanted = candidates(gaz, name)
    scored = rank(cands, context, wanted)
    return scored[0][1] if scored else None


@pytest.mark.parametrize(
    "raw, key",
    [
        ("U.S.", "us"),
        ("the United States'", "united states"),
        ("St. Petersburg", "st petersburg"),
        ("Genève", "geneve"),
        ("La.", "la."),
        ("Nagorno-Karabakh", "nagorno karabakh"),
    ],
)
def test_norm(raw, key):
    assert norm(raw) == key


@pytest.mark.parametrize(
    "name, country, lat, lon",
    [
        ("Geneva", "CHE", 46.2, 6.15),  # not Geneva, New York
        ("Moscow", "RUS", 55.75, 37.6),  # not Moscow, Idaho, nor the province of Moscow
        ("Brussels", "BEL", 50.85, 4.35),
        ("Paris", "FRA", 48.85, 2.35),
        ("Tbilisi", "GEO", 41.7, 44.8),
        ("Georgia", "GEO", 42.0, 43.5),  # the country, without context
        ("U.S.", "USA", 39.76, -98.5),  # not the Virgin Islands
        ("Britain", "GBR", 54.76, -2.7),
        ("Abkhazia", "GEO", 43.0, 41.0),
        ("South Ossetia", "GEO", 42.35, 43.97),
        ("Crimea", "UKR", 45.0, 34.0),
        ("Gaza Strip", "PSE", 31.42, 34.38),
        ("West Bank", "PSE", 31.95, 35.25),
        ("Donbas", "UKR", 48.0, 38.5),
        ("Idlib province", "SYR", 35.8, 36.6),
        ("Tamil Nadu", "IND", 11.0, 78.5),
        ("Calif.", "USA", 37.0, -119.5),
    ],
)
def test_placed(gaz, name, country, lat, lon):
    p = best(gaz, name)
    assert p is not None and p.country == country, p
    assert abs(p.lat - lat) < 1.5 and abs(p.lon - lon) < 1.5, p


def test_kashmir_has_no_single_country(gaz):
    p = best(gaz, "Kashmir")
    assert p is not None and p.country is None and p.kind == "territory"


def test_article_countries_decide_georgia(gaz):
    us = Counter({"USA": 5.0, "USA.GA": 3.0})
    assert best(gaz, "Georgia", us).country == "USA"
    caucasus = Counter({"RUS": 3.0, "GEO": 2.0})
    assert best(gaz, "Georgia", caucasus).country == "GEO"


def test_generic_words_are_not_places(gaz):
    assert best(gaz, "South") is None
    assert best(gaz, "La") is None  # "La." is Louisiana, "La" alone is nothing


def test_demonyms(gaz):
    assert gaz.demonym("Georgian").country == "GEO"
    assert gaz.demonym("anti-Russian").country == "RUS"
    assert gaz.demonym("Kurdish").name == "Kurdistan"
    assert gaz.demonym("Tuesday") is None


def test_geonames_ids(gaz):
    assert best(gaz, "Geneva").geonameid == 2660646
    assert best(gaz, "Brussels").geonameid == 2800866
    assert best(gaz, "United States").geonameid == 6252001
