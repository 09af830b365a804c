"""The ``dragoman_topics`` spaCy component: what the article and each of its sentences is about.

One pass of the lexicon's matchers over the Doc finds every topic word; the component keeps,
per sentence, the topics with the tokens that triggered them, and the article's own topics.
``event_topics`` (in ``assign``) then reads an event's topics from its sentence, its
paragraph, the sentences linked to it, and the article, without matching again.

``doc._.dragoman_topics`` (plain data):
``{"contexts": [...], "issues": [...], "topics": [{"topic", "scale", "words"}],``
`` "sentences": [[[topic_id, start, end, words], ...] per sentence],``
`` "paragraphs": [index per sentence],``
`` "cues": [sentence indices], "continues": [sentence indices], "version": lexicon version}``
The actor keys and place names of each sentence, which link events to agenda sentences and
paragraphs, are read from the Doc only when an event needs them (``sentence_anchors``).
"""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.tokens import doc_text
from .lexicon import Entry, Lexicon, load_lexicon, load_matchers

#: the article's topics: at most this many of each scale
ARTICLE_MAX = {"context": 5, "issue": 6}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: words that make an agenda sentence continue the previous one ("... also expected to come up")
CONTINUATION = re.compile(r"\b(?:also|too|further|additionally|likewise)\b", re.I)


class TopicTagger:
    """Tags every sentence and the article with contexts and issues (PLOVER and named issues)."""

    def __init__(self, nlp: Language, name: str = "dragoman_topics"):
        self.name = name
        self.lexicon: Lexicon = load_lexicon()
        self.matchers = load_matchers(self.lexicon, nlp)
        self.scale = [t["scale"] for t in self.lexicon.topics]
        self.compounds: dict[int, list[tuple[int, list[int]]]] = defaultdict(list)
        for i, t in enumerate(self.lexicon.topics):
            for comp in t["compounds"]:
                terms = [self.lexicon.by_name[("term", n)] for n in comp]
                self.compounds[terms[0]].append((i, terms))

    def __call__(self, doc: Doc) -> Doc:
        sents = sentence_bounds(doc)
        starts = [s[0] for s in sents]
        per_sent: list[list[list[Any]]] = [[] for _ in starts]  # [topic, start, end, words]
        cues: set[int] = set()
        hits_by_sent = self._sentence_hits(doc, starts)
        chars = doc.to_array([IDX, LENGTH]) if hits_by_sent else None
        text = doc_text(doc)
        for sent_i, hits in hits_by_sent.items():
            for tid, start, end in hits:
                scale = self.scale[tid]
                if scale == "cue":
                    cues.add(sent_i)
                elif scale != "term" and chars is not None:
                    first, last = chars[start], chars[end - 1]
                    per_sent[sent_i].append([tid, start, end, text[int(first[0]) : int(last[0] + last[1])]])
        doc._.dragoman_topics = {
            "sentences": per_sent,
            "paragraphs": paragraph_of_sentences(text, [s[1] for s in sents]),
            "cues": sorted(cues),
            "continues": [i for i in sorted(cues) if CONTINUATION.search(text, sents[i][1], sents[i][2])],
            "version": self.lexicon.version,
            **article_topics(doc, text, per_sent, self.lexicon),
        }
        return doc

    def _sentence_hits(self, doc: Doc, starts: list[int]) -> dict[int, list[tuple[int, int, int]]]:
        """Per sentence, the (topic, start, end) that survive negatives and vetoes, plus compounds."""
        by_sent: dict[int, list[tuple[Entry, int, int]]] = defaultdict(list)
        for entry, start, end in self.matchers(doc):
            by_sent[bisect_right(starts, start) - 1].append((entry, start, end))
        out: dict[int, list[tuple[int, int, int]]] = {}
        for sent_i, matches in by_sent.items():
            neg = [(e.block, s, t) for e, s, t in matches if e.kind == "neg"]
            veto = {e.block for e, _, _ in matches if e.kind == "veto"}
            hits = []
            for e, s, t in matches:
                if e.kind != "pos" or e.topic is None or e.block in veto:
                    continue
                if any(b == e.block and ns <= s and t <= ne for b, ns, ne in neg):
                    continue
                hits.append((e.topic, s, t))
            out[sent_i] = sorted(set(hits + self._compound_hits(hits)), key=lambda h: (h[1], h[2], h[0]))
        return out

    def _compound_hits(self, hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Compound issues whose terms all occur in the sentence, with the terms' tokens."""
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for tid, s, t in hits:
            spans[tid].append((s, t))
        out = []
        for first in [t for t in spans if t in self.compounds]:
            for issue, terms in self.compounds[first]:
                if all(term in spans for term in terms):
                    out += [(issue, s, t) for term in terms for s, t in spans[term][:1]]
        return out


@Language.factory("dragoman_topics")
def make_topic_tagger(nlp: Language, name: str) -> TopicTagger:
    return TopicTagger(nlp, name)


def sentence_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    """(first token, first char, end char) of each sentence."""
    if not len(doc):
        return [(0, 0, 0)]
    return [(s.start, s.start_char, s.end_char) for s in doc.sents]


def paragraph_of_sentences(text: str, start_chars: list[int]) -> list[int]:
    """The paragraph index of each sentence: blank lines separate paragraphs (else newlines)."""
    sep = "\n\n" if "\n\n" in text.replace("\r", "") else "\n"
    breaks, i = [], text.find(sep)
    while i >= 0:
        breaks.append(i)
        i = text.find(sep, i + len(sep))
    return [bisect_right(breaks, c) for c in start_chars]


def sentence_anchors(doc: Doc) -> tuple[list[list[str]], list[list[str]]]:
    """The actor keys and the place names of each sentence."""
    starts = [s[0] for s in sentence_bounds(doc)]
    return actor_keys_by_sentence(doc, starts), places_by_sentence(doc, starts)


def actor_keys_by_sentence(doc: Doc, starts: list[int]) -> list[list[str]]:
    """The actor keys (country or IGO) mentioned in each sentence, from actors and events."""
    keys: list[set[str]] = [set() for _ in starts]
    for m in doc._.dragoman_actors or []:
        key = m.get("country") or m.get("igo")
        if key and m.get("start") is not None and not m.get("locative"):
            keys[bisect_right(starts, m["start"]) - 1].add(key)
    for ev in doc._.dragoman_events or []:
        i = ev.get("sentence")
        if i is None or not 0 <= i < len(keys):
            continue
        for side in ("source", "target"):
            key = event_actor_key(ev.get(side))
            if key:
                keys[i].add(key)
    return [sorted(k) for k in keys]


def places_by_sentence(doc: Doc, starts: list[int]) -> list[list[str]]:
    """Place names (toponyms that are not actors; "in Geneva") in each sentence, lower-cased."""
    actor_tokens: set[int] = set()
    for m in doc._.dragoman_actors or []:
        if m.get("start") is not None and not m.get("locative"):
            actor_tokens.update(range(m["start"], m["end"]))
    places: list[set[str]] = [set() for _ in starts]
    names = [(p.get("start"), p.get("end"), p.get("name")) for p in doc._.dragoman_places or []]
    names += [(e.start, e.end, e.text) for e in doc.ents if e.label_ in PLACE_LABELS]
    for start, end, name in names:
        if start is None or not name or actor_tokens & set(range(start, end)):
            continue
        places[bisect_right(starts, start) - 1].add(name.lower())
    return [sorted(p) for p in places]


def event_actor_key(actor: dict[str, Any] | None) -> str | None:
    """The key of an event's actor: its country, else its IGO."""
    if not actor:
        return None
    return actor.get("country") or actor.get("igo")


def article_topics(doc: Doc, text: str, per_sent: list[list[list[Any]]], lexicon: Lexicon) -> dict[str, Any]:
    """The article's contexts and issues: those in the title or in two sentences or more."""
    counts: dict[str, Counter] = {"context": Counter(), "issue": Counter()}
    spans: dict[int, list[str]] = defaultdict(list)
    title = (doc._.dragoman_meta or {}).get("title") or ""
    title_weight = 3 if title and text.lstrip().startswith(title.strip()) else 1
    for sent_i, hits in enumerate(per_sent):
        seen: set[int] = set()
        for tid, _, _, word in hits:
            for scale, t in lexicon.implied[tid]:
                spans[t].append(word)
                if t not in seen:
                    seen.add(t)
                    counts[scale][t] += title_weight if sent_i == 0 else 1
    out: dict[str, Any] = {"contexts": [], "issues": [], "topics": []}
    for scale, key in (("context", "contexts"), ("issue", "issues")):
        for tid, n in counts[scale].most_common(ARTICLE_MAX[scale]):
            if n < 2:
                break
            name = lexicon.topics[tid]["name"]
            words = list(dict.fromkeys(spans[tid]))[:5]
            out[key].append(name)
            out["topics"].append({"topic": name, "scale": scale, "words": words})
    return out
