"""The ``dragoman_actors`` spaCy component (placeholder until the actor dictionary lands)."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from spacy.language import Language
from spacy.tokens import Doc

DICTIONARY_VERSION = "0"


class ActorResolver:
    """Finds actor mentions and resolves them to codes as of the article's date."""

    def __init__(self, nlp: Language, name: str = "dragoman_actors"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dragoman_actors = []
        return doc


@Language.factory("dragoman_actors")
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(nlp, name)
