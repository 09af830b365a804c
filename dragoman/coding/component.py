"""The ``dragoman_events`` spaCy component (placeholder until the coder lands)."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from spacy.language import Language
from spacy.tokens import Doc

CODER_VERSION = "0"


class EventCoder:
    """Codes events between the actors of each sentence."""

    def __init__(self, nlp: Language, name: str = "dragoman_events"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dragoman_events = []
        return doc


@Language.factory("dragoman_events")
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
