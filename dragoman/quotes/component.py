"""The ``dragoman_quotes`` spaCy component (placeholder until quotation rules land)."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

from spacy.language import Language
from spacy.tokens import Doc


class QuoteFinder:
    """Finds quotations and their speakers."""

    def __init__(self, nlp: Language, name: str = "dragoman_quotes"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dragoman_quotes = []
        return doc


@Language.factory("dragoman_quotes")
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
