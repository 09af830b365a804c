"""The ``dragoman_places`` spaCy component (placeholder until the gazetteer lands)."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


class PlaceFinder:
    """Finds toponyms and places them."""

    def __init__(self, nlp: Language, name: str = "dragoman_places"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dragoman_places = []
        return doc


@Language.factory("dragoman_places")
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)


def event_place(doc: Doc, trigger_start: int, trigger_end: int) -> dict[str, Any] | None:
    """Where the clause of the trigger says the event happened, else None."""
    return None
