"""Choosing the place a toponym names: population, kind of place, and the article's countries.

"Geneva" names Geneva in Switzerland, not Geneva in New York state, because it is far bigger;
"Georgia" names the country unless the article's other places are in the United States.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from .gazetteer import (
    ADMIN1,
    ADMIN2,
    CAPITAL,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    SITE,
    TERRITORY,
    WATER,
    Gazetteer,
    Place,
    norm,
)

#: how much a kind of place is preferred, on the scale of log10(population)
KIND_PRIOR = {
    COUNTRY: 3.0,
    CONTINENT: 3.0,
    TERRITORY: 2.0,
    REGION: 2.0,
    WATER: 1.5,
    CAPITAL: 1.5,
    SITE: 1.0,
    ADMIN1: 0.3,
    CITY: 0.0,
    ADMIN2: -0.7,
}
#: a name that is only an alternative name of a place (Genf, Moskva) counts for less
ALT_NAME_PENALTY = 2.5
#: weight of the article's countries: a place in a country holding all the article's places gains this
CONTEXT_WEIGHT = 1.5
#: weight of the article's provinces ("Montgomery County" among places in Maryland)
PROVINCE_WEIGHT = 3.0
#: a town inside a province of the same name stands for it ("New York", "Moscow", "Geneva")
TOWN_FOR_PROVINCE = 0.15
#: words after (or before) a name that ask for a province, a county or a town
ADMIN_WORDS = {
    "state": ADMIN1,
    "province": ADMIN1,
    "region": ADMIN1,
    "oblast": ADMIN1,
    "governorate": ADMIN1,
    "prefecture": ADMIN1,
    "territory": ADMIN1,
    "republic": ADMIN1,
    "county": ADMIN2,
    "district": ADMIN2,
    "parish": ADMIN2,
    "city": CITY,
    "town": CITY,
    "village": CITY,
}

#: words before a name that narrow it without changing the place ("northern Syria")
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north east",
        "upstate",
        "downtown",
        "rural",
        "greater",
        "metro",
        "metropolitan",
        "coastal",
        "mainland",
    }
)

#: single words that name places only as part of a longer name
GENERIC = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "central",
        "centre",
        "center",
        "northern",
        "southern",
        "eastern",
        "western",
        "capital",
        "city",
        "coast",
        "island",
        "lake",
        "river",
        "valley",
        "mountain",
        "king",
        "queen",
        "mass",
        "union",
        "state",
        "states",
        "republic",
        "la",
        "le",
        "el",
        "al",
        "de",
    }
)

Candidate = tuple[Place, bool]


def candidates(gaz: Gazetteer, text: str) -> tuple[list[Candidate], str | None]:
    """The places a toponym may name, and the kind its own words ask for ("Idlib province")."""
    if norm(text) in GENERIC:
        return [], None
    hits = gaz.lookup(text)
    if hits:
        return hits, None
    words = norm(text).split()
    if len(words) > 1 and words[-1] in ADMIN_WORDS:
        return gaz.lookup(" ".join(words[:-1])), ADMIN_WORDS[words[-1]]
    if len(words) > 2 and words[0] in ADMIN_WORDS and words[1] == "of":
        return gaz.lookup(" ".join(words[2:])), ADMIN_WORDS[words[0]]
    if len(words) > 1 and words[0] in DIRECTIONS:
        return gaz.lookup(" ".join(words[1:])), None
    return [], None


def prior(place: Place, main: bool) -> float:
    """How likely a place is, before the article says anything: its size and its kind."""
    score = math.log10(place.population + 10) + KIND_PRIOR.get(place.kind, 0.0)
    return score if main else score - ALT_NAME_PENALTY


def drop_provinces_named_for_towns(cands: list[Candidate]) -> list[Candidate]:
    """Drop a province or county when a big town inside it has the same name (it is the town)."""
    towns = [p for p, _ in cands if p.kind in (CITY, CAPITAL)]
    if not towns:
        return cands
    out = []
    for p, main in cands:
        if p.kind in (ADMIN1, ADMIN2) and any(
            t.country == p.country and t.admin1 == p.admin1 and t.population >= TOWN_FOR_PROVINCE * p.population
            for t in towns
        ):
            continue
        out.append((p, main))
    return out or cands


def rank(
    cands: list[Candidate], context: Counter[str] | None = None, wanted: str | None = None, within: Place | None = None
) -> list[tuple[float, Place]]:
    """Candidates scored and sorted, best first.

    ``context``: the article's countries with weights; ``wanted``: the kind the words ask for;
    ``within``: a place named right after ("Paris, Texas") that the answer must lie in.
    """
    if wanted is None:
        cands = drop_provinces_named_for_towns(cands)
    total = sum(v for k, v in context.items() if "." not in k) if context else 0.0
    total1 = sum(v for k, v in context.items() if "." in k) if context else 0.0
    scored = []
    for p, main in cands:
        s = prior(p, main)
        if total and p.country:
            s += CONTEXT_WEIGHT * context[p.country] / total  # type: ignore[index]
        if total1 and p.country and p.admin1:
            s += PROVINCE_WEIGHT * context[f"{p.country}.{p.admin1}"] / total1  # type: ignore[index]
        if wanted is not None and (p.kind == wanted or (wanted == CITY and p.kind == CAPITAL)):
            s += 3.0
        if within is not None and inside(p, within):
            s += 6.0
        scored.append((s, p))
    scored.sort(key=lambda sp: -sp[0])
    return scored


def inside(p: Place, area: Place) -> bool:
    """True when ``p`` lies in ``area`` (a country or a province), as far as the gazetteer knows."""
    if p is area or not p.country or p.country != area.country:
        return False
    if area.kind == COUNTRY:
        return p.kind != COUNTRY
    return area.kind == ADMIN1 and p.kind in (CITY, CAPITAL, ADMIN2) and p.admin1 == area.admin1


def margin(scored: list[tuple[float, Place]]) -> float:
    """How far the best candidate is ahead of the next one in another country."""
    if not scored:
        return 0.0
    best_score, best = scored[0]
    for s, p in scored[1:]:
        if p.country != best.country:
            return best_score - s
    return 10.0


def country_weights(places: Iterable[tuple[Place, float]]) -> Counter[str]:
    """The article's countries (ISO3) and provinces (ISO3.admin1), weighted by how sure each placing was."""
    out: Counter[str] = Counter()
    for p, w in places:
        if p.country:
            out[p.country] += w  # type: ignore[assignment]
            if p.admin1 and p.kind in (CITY, CAPITAL, ADMIN1, ADMIN2):
                out[f"{p.country}.{p.admin1}"] += w  # type: ignore[assignment]
    return out
