"""Every ``doc._.dragoman_*`` attribute, declared in one place, with the shape it holds.

Values are plain data (dicts, lists, strings, numbers) so that Docs cross process
boundaries in ``nlp.pipe(n_process=N)``: spaCy serialises ``user_data`` with msgpack.
``start``/``end`` in mentions are token indices into the Doc (end exclusive);
``start_char``/``end_char`` are character offsets into the text. Actor dicts inside events
and quotes use the output shape of DESIGN.md (``start``/``end`` are character offsets).
"""

from __future__ import annotations

from typing import Any, TypedDict

from spacy.tokens import Doc


class ActorMention(TypedDict, total=False):
    """``doc._.dragoman_actors[i]``: a resolved (or unresolved) actor mention."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    name: str | None
    code: str | None
    country: str | None
    igo: str | None
    sectors: list[str]
    kind: str  # state, capital, person, igo, group, agent, pronoun, nominal
    ref: int | None  # coreference: index of the antecedent mention


class PlaceMention(TypedDict, total=False):
    """``doc._.dragoman_places[i]``: a toponym on the map."""

    start: int
    end: int
    start_char: int
    end_char: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None


class TimeMention(TypedDict, total=False):
    """``doc._.dragoman_times[i]``: a time expression resolved against the article date."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    value: str | None  # ISO 8601, precision in its length: 2008-08-07, 2008-08, 2008


class EventDict(TypedDict, total=False):
    """``doc._.dragoman_events[i]``: a coded event before dates, places and topics."""

    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: dict[str, Any] | None
    source: dict[str, Any] | None  # actor, output shape
    target: dict[str, Any] | None
    trigger_start: int  # token indices of the trigger (end exclusive)
    trigger_end: int
    sentence: int  # index of the sentence in the Doc
    rule: str
    confidence: float


#: name -> what it holds (filled by the component of the same stage)
EXTENSIONS: dict[str, str] = {
    "dragoman_meta": "article metadata: id, title, date, url, source (set before the pipeline runs)",
    "dragoman_actors": "list[ActorMention]",
    "dragoman_places": "list[PlaceMention]",
    "dragoman_times": "list[TimeMention]",
    "dragoman_events": "list[EventDict]",
    "dragoman_quotes": "list of quotes in the output shape of DESIGN.md (character offsets)",
    "dragoman_topics": "article-level topics: {'contexts': [...], 'issues': [...]}",
    "dragoman_record": "the article JSON of DESIGN.md, assembled last",
}


def register_extensions() -> None:
    """Declare the extension attributes (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
