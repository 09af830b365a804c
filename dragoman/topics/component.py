"""The ``dragoman_topics`` spaCy component (placeholder until topic tagging lands)."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


class TopicTagger:
    """Tags the article with contexts and issues."""

    def __init__(self, nlp: Language, name: str = "dragoman_topics"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dragoman_topics = {"contexts": [], "issues": []}
        return doc


@Language.factory("dragoman_topics")
def make_topic_tagger(nlp: Language, name: str) -> TopicTagger:
    return TopicTagger(nlp, name)


def event_topics(doc: Doc, event: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The contexts and issues of one event: from its sentence, then paragraph, then article."""
    return [], []
