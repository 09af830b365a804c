"""The ``dragoman_events`` spaCy component: codes every sentence's events between its actors.

Reads ``doc._.dragoman_actors`` (filled by ``dragoman_actors``) and writes
``doc._.dragoman_events``: plain dicts with the CAMEO code, root, name, quad class, Goldstein
score, PLOVER type and mode, source and target actors (output shape, character offsets), the
trigger's token span, the sentence index, the rule that fired and a confidence.
"""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

import logging
from bisect import bisect_left
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .clause import Parse
from .codebook import Codebook, load_codebook
from .coder import Raw, SentenceCoder
from .lexicon import Lexicon, load_lexicon
from .match import Matcher

log = logging.getLogger(__name__)

CODER_VERSION = "1.0"

_IDENTITY = ("name", "code", "country", "igo", "sectors")


def resolve_mentions(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mentions with their identity filled from their antecedent ('she' -> Clinton), in the same order."""
    out = []
    for m in mentions:
        ident = m
        seen = 0
        while not (ident.get("country") or ident.get("igo") or ident.get("code")) and ident.get("ref") is not None:
            ref = ident["ref"]
            if not isinstance(ref, int) or not 0 <= ref < len(mentions) or seen > 5:
                break
            ident = mentions[ref]
            seen += 1
        r = dict(m)
        for k in _IDENTITY:
            r[k] = ident.get(k)
        out.append(r)
    return out


def actor_out(m: dict[str, Any]) -> dict[str, Any]:
    """A mention in the actor shape of DESIGN.md (character offsets)."""
    return {
        "text": m.get("text"),
        "name": m.get("name"),
        "code": m.get("code"),
        "country": m.get("country"),
        "igo": m.get("igo"),
        "sectors": list(m.get("sectors") or []),
        "start": m.get("start_char"),
        "end": m.get("end_char"),
    }


def _placed(mentions: list[dict[str, Any]], m: int | None) -> bool:
    """Whether an event's actor got its country from the place of the act (coding/placing.py)."""
    return m is not None and m >= 0 and bool(mentions[m].get("placed"))


def _any_in(sorted_starts: list[int], start: int, end: int) -> bool:
    k = bisect_left(sorted_starts, start)
    return k < len(sorted_starts) and sorted_starts[k] < end


class EventCoder:
    """Codes events between the actors of each sentence."""

    def __init__(self, nlp: Language, name: str = "dragoman_events"):
        self.name = name
        self.lexicon: Lexicon = load_lexicon()
        self.codebook: Codebook = load_codebook()
        self.matcher = Matcher(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        mentions = resolve_mentions(list(doc._.dragoman_actors or []))
        p = Parse(doc, mentions)
        coder = SentenceCoder(p, self.lexicon, self.matcher)
        events: list[dict[str, Any]] = []
        starts = sorted({m.get("start", -1) for m in mentions if p.ment[m.get("start", 0)] >= 0} if p.n else ())
        for k, sent in enumerate(doc.sents):
            if not _any_in(starts, sent.start, sent.end):
                continue  # no actor, no event
            try:
                raws = coder.code(sent.start, sent.end)
            except (IndexError, KeyError, ValueError, RecursionError) as e:  # a malformed parse
                log.warning("could not code sentence %d of %s: %r", k, (doc._.dragoman_meta or {}).get("id"), e)
                continue
            events.extend(self._events(raws, mentions, k))
        doc._.dragoman_events = events
        return doc

    def _events(self, raws: list[Raw], mentions: list[dict[str, Any]], sentence: int) -> list[dict[str, Any]]:
        best: dict[tuple[str, int | None, int | None], Raw] = {}
        if any(r.target is not None for r in raws):  # an act aimed at someone: the sentence's aimless ones are asides
            raws = [r for r in raws if r.target is not None]
        for r in raws:
            key = (r.code, r.source, r.target)
            if key not in best or r.confidence > best[key].confidence:
                best[key] = r
        return [self.event(r, mentions, sentence) for r in best.values()]

    @staticmethod
    def _target(r: Raw, mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The target actor; a negative index is the source's own country (a domestic act, no one named)."""
        if r.target is None:
            return None
        if r.target >= 0:
            return actor_out(mentions[r.target])
        home = mentions[~r.target]
        country = home.get("country")
        return {"text": None, "name": country, "code": country, "country": country, "igo": None,
                "sectors": [], "start": None, "end": None} if country else None  # fmt: skip

    def event(self, r: Raw, mentions: list[dict[str, Any]], sentence: int) -> dict[str, Any]:
        """The EventDict of a coded event."""
        info = self.codebook.info(r.code)
        return {
            "code": info.code,
            "root": info.root,
            "name": info.name,
            "quad_class": info.quad_class,
            "goldstein": info.goldstein,
            "plover": dict(info.plover) if info.plover else None,
            "source": actor_out(mentions[r.source]) if r.source is not None else None,
            "target": self._target(r, mentions),
            "trigger_start": r.trigger[0],
            "trigger_end": r.trigger[1],
            "sentence": sentence,
            "rule": r.rule + (" [placed]" if any(_placed(mentions, x) for x in (r.source, r.target)) else ""),
            "confidence": r.confidence,
        }


@Language.factory("dragoman_events")
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
