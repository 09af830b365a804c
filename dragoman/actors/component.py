"""The ``dragoman_actors`` spaCy component: ``doc._.dragoman_actors``, resolved as of the article's date.

Each mention is a plain dict (see ``ActorMention`` in ``dragoman/nlp/extensions.py``):

- ``start``/``end``: token indices (end exclusive); ``start_char``/``end_char``: character offsets
- ``text``: the words in the article; ``name``: the actor's dictionary name (or the text)
- ``code``: Phoenix-style code on the article's date (``USAGOV``, ``RUSMIL``, ``IGOWSTNAT``),
  ``None`` when the actor is unknown: a name that resolves to nothing keeps ``code: None``
- ``country`` (ISO3), ``igo`` (acronym: NATO, EU, UN, ...), ``sectors`` (GOV, MIL, REB, ELI, ...)
- ``kind``: state, capital, person, igo, group, agent, pronoun, nominal
- ``ref``: for pronouns and nominals, the index of the antecedent (codes copied from it)

Optional keys: ``locative`` (a country or capital used as a place, "in Moscow": not an actor),
``demonym`` ("Russian"), ``title`` ("Russian Foreign Minister"), ``role`` (foreign_minister,
president, ...), ``gender`` (f/m), ``members`` (indices of the actors a compound or "the two
sides" stands for; each member of "Japan and South Korea" is also its own mention, and carries
``compound``: the indices of the whole group), ``dateline`` (the place a wire story was filed
from: "MOSCOW, March 6 (Reuters) -"; always ``locative``), ``context`` (an actor without a
country of its own placed by where it acts: "police" in "Police arrested 40 protesters in
Moscow" is RUSCOP; see ``domestic.py``).

The article date comes from ``doc._.dragoman_meta["date"]``; a person out of office on that date
resolves to the country's ELI code (former officials), not GOV.
"""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

import logging
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .article import settle
from .compound import mark_compounds
from .coref import Coreference, index_refs
from .dictionary import Dictionary, dictionary_version, load_dictionary
from .domestic import place_actors
from .people import People
from .resolve import DocResolver

log = logging.getLogger(__name__)

#: the version of the packaged dictionary; stored with every event (coder_version)
DICTIONARY_VERSION = dictionary_version()


class ActorResolver:
    """Finds actor mentions and resolves them to codes as of the article's date."""

    def __init__(self, nlp: Language, name: str = "dragoman_actors", coreference: bool = True):
        self.name = name
        self.coreference = coreference
        self.dictionary: Dictionary = load_dictionary()
        self.people = People()

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.dragoman_meta or {}
        doc._.dragoman_actors = self.resolve(doc, meta.get("date"))
        return doc

    def resolve(self, doc: Doc, date: str | None) -> list[dict[str, Any]]:
        """The actor mentions of a parsed Doc on ``date`` (ISO; None = today)."""
        date = (date or "")[:10] or None
        if date and len(date) < 10:
            date = (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]
        resolver = DocResolver(self.dictionary, self.people, doc, date)
        mentions = resolver.run()
        place_actors(doc, mentions, self.dictionary)
        settle(doc, mentions)
        mark_compounds(doc, mentions)
        if self.coreference:
            return Coreference(doc, mentions, resolver.lows).run()
        return index_refs(mentions)


@Language.factory("dragoman_actors", default_config={"coreference": True})
def make_actor_resolver(nlp: Language, name: str, coreference: bool) -> ActorResolver:
    return ActorResolver(nlp, name, coreference)
