"""The ``dragoman_times`` spaCy component (placeholder until the date rules land)."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from spacy.language import Language
from spacy.tokens import Doc


class TimeFinder:
    """Finds time expressions and resolves them against the article date."""

    def __init__(self, nlp: Language, name: str = "dragoman_times"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dragoman_times = []
        return doc


@Language.factory("dragoman_times")
def make_time_finder(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder(nlp, name)


def event_date(doc: Doc, trigger_start: int, trigger_end: int) -> tuple[str | None, str | None]:
    """The event's date and the words that gave it; the article date when the clause has none."""
    meta = doc._.dragoman_meta or {}
    return meta.get("date"), None
