"""The ``dragoman_places`` spaCy component: the article's toponyms on the map."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import COUNTRY, load_gazetteer
from .locate import event_place
from .parse import Toponym, geoparse, is_dateline, mention

__all__ = ["PlaceFinder", "event_place", "make_place_finder"]


def _acting(actors: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Token ranges of actor mentions that are not locations ("Moscow said", not "in Moscow")."""
    return [(a["start"], a["end"]) for a in actors if not a.get("locative") and "start" in a and "end" in a]


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
            if any(a_s < e and s < a_e for a_s, a_e in acting) or _country_as_modifier(top):
                continue
            places.append(mention(top))
        doc._.dragoman_places = places
        return doc


@Language.factory("dragoman_places")
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
