"""The ``dragoman_places`` spaCy component: the article's toponyms on the map."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import COUNTRY, SITE, load_gazetteer
from .locate import event_place
from .parse import Toponym, geoparse, is_dateline, mention
from .syntax import named_as_place

__all__ = ["PlaceFinder", "event_place", "make_place_finder"]


def _acting(actors: list[dict[str, Any]]) -> list[tuple[int, int, bool]]:
    """Token ranges of known actors that are not locations ("Moscow said", not "in Moscow").

    An actor with neither a country, an organisation nor a role ("police", "Congress") is a name
    the actor dictionaries did not know: it does not keep a place name from being a place.
    """
    return [
        (a["start"], a["end"], a.get("kind") in _PLACE_KINDS)
        for a in actors
        if not a.get("locative")
        and "start" in a
        and "end" in a
        and (a.get("country") or a.get("igo") or a.get("kind") == "agent")
    ]


#: kinds of actor named after a place (a capital for its government): syntax may still make them places
_PLACE_KINDS = frozenset({"state", "capital"})
#: how a country's name modifies another word when it stands for its people or government
_MODIFIER_DEPS = frozenset({"compound", "nmod", "poss", "amod"})


def _country_as_modifier(top: Toponym) -> bool:
    """ "U.S. policy", "Russia's recognition": a country's name qualifying a noun is no location."""
    root = top.span.root
    return (
        top.place is not None
        and top.place.kind == COUNTRY
        and root.dep_ in _MODIFIER_DEPS
        and root.head.pos_ in ("NOUN", "PROPN")
    )


class PlaceFinder:
    """Finds toponyms, places them, and leaves out names that stand for a government."""

    def __init__(self, nlp: Language, name: str = "dragoman_places"):
        self.name = name
        self.gazetteer = load_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc._.dragoman_actors or [])
        acting = _acting(actors)
        places = []
        for top in geoparse(doc, self.gazetteer):
            if top.place is None:
                continue  # a name the model took for a place that no gazetteer knows
            if is_dateline(top.span):
                places.append(mention(top))
                continue
            s, e = top.span.start, top.span.end
            if _country_as_modifier(top):
                continue
            over = [placed for a_s, a_e, placed in acting if a_s < e and s < a_e]
            site = top.place.kind == SITE  # "at the White House": the building, not its staff
            if over and not ((all(over) or site) and named_as_place(top.span.root)):
                continue
            places.append(mention(top))
        doc._.dragoman_places = places
        return doc


@Language.factory("dragoman_places")
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
