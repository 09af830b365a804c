"""The ``dragoman_quotes`` spaCy component: ``doc._.dragoman_quotes``.

Each quotation is a dict in the output shape of DESIGN.md, with character offsets into the
article text: ``{"text", "kind": "direct"|"indirect"|"mixed", "speaker", "start", "end",
"cue", "group"}``. A direct quotation that runs over paragraphs or is split by its
attribution ('"...," she said. "..."') gives one dict per quoted stretch; the stretches of one
quotation share ``group``.
"""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

import logging

from spacy.language import Language
from spacy.tokens import Doc

from .cues import cue_lexicon
from .finder import QuoteReader

log = logging.getLogger(__name__)


class QuoteFinder:
    """Finds quotations and their speakers."""

    def __init__(self, nlp: Language, name: str = "dragoman_quotes", cognition: bool = True):
        self.name = name
        self.cognition = cognition
        self.lexicon = cue_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.dragoman_quotes = QuoteReader(doc, self.lexicon, self.cognition).quotes()
        return doc


@Language.factory("dragoman_quotes", default_config={"cognition": True})
def make_quote_finder(nlp: Language, name: str, cognition: bool) -> QuoteFinder:
    return QuoteFinder(nlp, name, cognition)
