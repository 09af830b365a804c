"""Actors without a country of their own, placed by where they act.

"Police arrested 40 protesters in Moscow", "Rebels in the Ivory Coast dismissed ...",
"Egyptian police clashed with Moslem demonstrators": police, rebels, protesters, religious and
ethnic groups, and officials known only by a title get the country of

1. the place they are in ("rebels in the Ivory Coast") or where their verb happens ("arrested
   40 protesters in Moscow"), else
2. the one country their sentence is set in, when the sentence shows it as a place or through a
   domestic agent of it (police, courts, parliament, parties, opposition).

A state actor alone ("The United States condemned the attack by militants") places no one: the
militants stay unknown. A mention placed this way carries ``context: True``.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc

from .dictionary import Dictionary

Mention = dict[str, Any]

#: prepositions of place
PLACE_PREPS = frozenset({"in", "inside", "at", "across", "throughout", "within"})
#: sectors of agents that are not placed by where they are (refugees, journalists, aid workers)
FOREIGN_SECTORS = frozenset({"REF", "MED", "NGO", "IGO", "HRI", "BUS", "DEV", "HLH", "IMG", "INT"})
#: sectors that show a sentence is about a country's domestic affairs
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "LEG", "OPP", "PTY"})
#: dependencies by which an actor takes part in its verb's act
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj", "conj", "appos"})


def place_actors(doc: Doc, mentions: list[Mention], d: Dictionary) -> None:
    """Give country-less actors the country where they act (in place; see the module doc)."""
    if not any(_placeable(doc, m) for m in mentions):
        return
    at: dict[int, Mention] = {}
    for m in mentions:
        for i in range(m["start"], m["end"]):
            at[i] = m
    starts = [s.start for s in doc.sents]
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(bisect.bisect_right(starts, m["start"]), []).append(m)
    for group in by_sent.values():
        setting = _setting(group)
        for m in group:
            if _placeable(doc, m):
                places = _attached(doc, m, at)
                if len(places) > 1:  # "the juntas in Mali and Burkina Faso": each country's
                    m["members"] = places
                    continue
                country = places[0]["country"] if places else (setting if m["kind"] != "nominal" else None)
                if country:
                    _place(m, country, d)


def _placeable(doc: Doc, m: Mention) -> bool:
    if m.get("code") or m.get("locative") or m["kind"] not in ("agent", "group", "person", "nominal"):
        return False
    sectors = set(m.get("sectors") or [])
    if m["kind"] in ("agent", "nominal"):  # "the junta in Niger": a nominal placed by its own phrase only
        return bool(sectors) and not sectors & FOREIGN_SECTORS
    if m["kind"] == "person":
        return bool(sectors) and not sectors & FOREIGN_SECTORS  # a title without its country
    return doc[m["start"]].ent_type_ == "NORP" or doc[m["start"]].lower_ == "ethnic"


def _attached(doc: Doc, m: Mention, at: dict[int, Mention]) -> list[Mention]:
    """The places (one a country) of a place phrase on the actor ("rebels in X") or on its verb."""
    root = doc[m["start"] : m["end"]].root
    heads = [root]
    if root.dep_ in ARGUMENT_DEPS:
        verb = root.head.head if root.dep_ in ("pobj", "agent") else root.head
        if verb.pos_ in ("VERB", "AUX"):
            heads.append(verb)
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for obj in prep.children:
                places: list[Mention] = []
                for t in obj.subtree:  # "in Mali and Burkina Faso": both
                    place = at.get(t.i)
                    if (
                        place is not None
                        and place.get("locative")
                        and place.get("country")
                        and not place.get("dateline")
                        and place not in places
                        and all(p["country"] != place["country"] for p in places)
                    ):
                        places.append(place)
                if places:
                    return places
    return []


def _setting(group: list[Mention]) -> str | None:
    """The one country a sentence is set in, if it shows it as a place or by domestic agents."""
    countries = {m["country"] for m in group if m.get("country") and not m.get("dateline") and not m.get("igo")}
    if len(countries) != 1:
        return None
    shown = any(
        m.get("locative") or set(m.get("sectors") or []) & DOMESTIC_SECTORS
        for m in group
        if m.get("country") and not m.get("dateline")
    )
    return next(iter(countries)) if shown else None


def _place(m: Mention, iso3: str, d: Dictionary) -> None:
    base = d.country_code(iso3)
    sectors = [s for s in m.get("sectors") or [] if s]
    m["code"] = base + "".join(sectors)
    m["country"] = iso3
    m["context"] = True
