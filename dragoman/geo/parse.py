"""Geoparsing a Doc: its toponyms found (named entities) and placed on the map.

Two passes: each toponym is first placed by population and kind alone; the countries of the
confident placings (and of demonyms) then form the article's context, and every
toponym is placed again with it, so that "Georgia" among Atlanta and Savannah is the state.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from ..nlp.tokens import doc_text, token_flags, token_strings, token_texts
from .gazetteer import (
    ADMIN1,
    ADMIN2,
    CAPITAL,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    SITE,
    TERRITORY,
    WATER,
    Gazetteer,
    Place,
)
from .resolve import ADMIN_WORDS, candidates, country_weights, margin, rank
from .syntax import PLACE_NOUNS, named_as_place

#: entity labels that name places; NORP adjectives ("Georgian") name them indirectly
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DEMONYM_LABEL = "NORP"
#: labels the small model sometimes gives to places ("Tamil Nadu" as a person, "Ghouta" as an organisation)
MISLABELLED = frozenset({"ORG", "PERSON"})
#: kinds of place whose names are rarely anything else
STRONG_KINDS = frozenset({COUNTRY, ADMIN1, CAPITAL, TERRITORY, REGION, CONTINENT, WATER, SITE})
#: words before a name that make it a place ("in Dewsbury", "near Kent")
LOCATIVE_BEFORE = frozenset({"in", "at", "near", "from", "to", "outside", "across", "into", "around"})
#: towns this big are recognised even when the model did not see a name
BIG_TOWN = 100_000
#: what follows the place of a dateline
DATELINE_AFTER = frozenset({",", "(", "-", "\u2014", "\u2013", ":", "--"})
#: weight in the context of a confident placing, an unsure one and a demonym
SURE, UNSURE, DEMONYM = 1.0, 0.3, 0.5
_LEADING = frozenset({"the", "The", "THE"})
_TRAILING = frozenset({"'s", "'", "\u2019s", "\u2019", ",", "."})


@dataclass
class Toponym:
    """A place name in the text and what it was placed as."""

    span: Span
    label: str
    place: Place | None = None
    score: float = 0.0
    weight: float = 0.0
    wanted: str | None = None
    cands: list[tuple[Place, bool]] | None = None
    weak: bool = False  # a small town's name the model took for something else


def trimmed(span: Span) -> Span:
    """The span without a leading "the" or a trailing possessive or punctuation."""
    start, end = span.start, span.end
    texts = token_texts(span.doc)
    while start < end - 1 and texts[start] in _LEADING:
        start += 1
    while end > start + 1 and texts[end - 1] in _TRAILING:
        end -= 1
    return span.doc[start:end]


def _strong(gaz: Gazetteer, text: str, main_only: bool = False) -> bool:
    """True when a name is that of a country, province, territory, region, capital or big town."""
    return any(
        p.kind in STRONG_KINDS or p.population >= BIG_TOWN for p, main in gaz.lookup(text) if main or not main_only
    )


def _locative_before(span: Span) -> bool:
    """True after "in", "near", ... with only a determiner or modifiers between ("in the Dadaab camp")."""
    i = span.start - 1
    while i >= 0 and span.start - i <= 4 and span.doc[i].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        if span.doc[i].lower_ in LOCATIVE_BEFORE:
            return True
        i -= 1
    return i >= 0 and span.doc[i].lower_ in LOCATIVE_BEFORE


def _as_toponym(gaz: Gazetteer, ent: Span, embedded: bool) -> Toponym | None:
    """A named entity as a toponym, a demonym, or None."""
    label = ent.label_
    if label not in PLACE_LABELS and label not in MISLABELLED and label != DEMONYM_LABEL:
        if not (embedded and label == "PERSON"):
            return None  # a date, a number, an organisation...: no place (decided before trimming)
    span = trimmed(ent)
    if ent.label_ in PLACE_LABELS:
        return Toponym(span, ent.label_)
    if ent.label_ == DEMONYM_LABEL or (embedded and ent.label_ == "PERSON" and len(span) == 1):
        if gaz.demonym(span.text):
            return Toponym(span, DEMONYM_LABEL)
    if ent.label_ not in MISLABELLED and ent.label_ != DEMONYM_LABEL:
        return None
    if not gaz.lookup(span.text):
        return None
    strong = _strong(gaz, span.text, main_only=True)
    if strong and (ent.label_ != "PERSON" or len(span) > 1):
        return Toponym(span, "GPE")
    if _locative_before(ent) or named_as_place(span.root):
        return Toponym(span, "GPE", weak=not strong)
    return None


#: a run of capitalised words (candidates for a dateline's place), found in the text first for speed
_CAPS = re.compile(r"\b[A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+){0,3}\b")


def _datelines(doc: Doc, taken: set[int], gaz: Gazetteer) -> list[Toponym]:
    """Place names in capitals opening a paragraph: "MOSCOW, March 6 (Reuters) -", "TORONTO -"."""
    out = []
    for m in _CAPS.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is None or not len(span) or span.start in taken or not _opens(doc, span.start):
            continue
        if span.end >= len(doc) or doc[span.end].text not in DATELINE_AFTER:
            continue
        if gaz.lookup(span.text) and not taken.intersection(range(span.start, span.end)):
            out.append(Toponym(span, "GPE"))
    return out


def _sites(doc: Doc, taken: set[int], gaz: Gazetteer) -> list[Toponym]:
    """Our sites' names as written, wherever the model split or missed them ("Second Thomas Shoal")."""
    pat = gaz.site_pattern
    out = []
    for m in pat.finditer(doc_text(doc)) if pat is not None else ():
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) and not taken.intersection(range(span.start, span.end)):
            out.append(Toponym(span, "FAC"))
    return out


def _opens(doc: Doc, i: int) -> bool:
    """True when token ``i`` opens a paragraph or a sentence."""
    if i == 0:
        return True
    prev = doc[i - 1]
    return "\n" in prev.text or "\n" in prev.whitespace_ or prev.text in (".", "!", "?", '"', "\u201d")


def _split(gaz: Gazetteer, top: Toponym) -> list[Toponym]:
    """An unknown name made of known ones ("Greece Italy") as several toponyms."""
    span = top.span
    if len(span) < 2 or gaz.lookup(span.text) or candidates(gaz, span.text)[0]:
        return [top]
    out = []
    i = span.start
    while i < span.end:
        for n in range(min(4, span.end - i), 0, -1):
            sub = span.doc[i : i + n]
            if sub[0].is_title and gaz.main_names(sub.text) and (n > 1 or _strong(gaz, sub.text, main_only=True)):
                out.append(Toponym(sub, top.label))
                i += n - 1
                break
        i += 1
    return out or [top]


def is_dateline(span: Span) -> bool:
    """True for a name in capitals opening a paragraph or sentence before a comma or dash ("MOSCOW, ...")."""
    doc = span.doc
    return (
        span.text.isupper() and _opens(doc, span.start) and span.end < len(doc) and doc[span.end].text in DATELINE_AFTER
    )


def _embedded(gaz: Gazetteer, ent: Span) -> list[Toponym]:
    """Toponyms inside an organisation's name ("The Washington Post", "Air Zimbabwe")."""
    out: list[Toponym] = []
    i = ent.start
    while i < ent.end:
        for n in (3, 2, 1):
            sub = ent.doc[i : i + n]
            if i + n > ent.end or not sub[0].is_title and not sub[0].is_upper:
                continue
            strong = _strong(gaz, sub.text, main_only=True)
            if strong or gaz.demonym(sub.text):
                out.append(Toponym(sub, "GPE" if strong else DEMONYM_LABEL))
                i += n - 1
                break
        i += 1
    return out


def find_toponyms(doc: Doc, gaz: Gazetteer, embedded: bool = False) -> list[Toponym]:
    """Toponyms and demonyms among the named entities, and in datelines, in text order.

    ``embedded``: also names inside organisations' names and single-word demonyms the model
    took for people, as GeoWebNews annotates them.
    """
    out = []
    ents = doc.ents  # built anew at each access
    for ent in ents:
        top = _as_toponym(gaz, ent, embedded)
        if top is not None:
            out.extend(_split(gaz, top) if top.label in PLACE_LABELS else [top])
        elif embedded and ent.label_ in ("ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"):
            out.extend(_embedded(gaz, ent))
    taken = {i for t in out for i in range(t.span.start, t.span.end)}
    out.extend(_sites(doc, taken, gaz))
    taken = {i for ent in ents if ent.label_ not in MISLABELLED for i in range(ent.start, ent.end)}
    taken |= {i for t in out for i in range(t.span.start, t.span.end)}
    out.extend(_datelines(doc, taken, gaz))
    taken |= {i for t in out for i in range(t.span.start, t.span.end)}
    taken |= {i for ent in ents for i in range(ent.start, ent.end)}
    out.extend(_unlabelled(doc, taken, gaz))
    out.sort(key=lambda t: t.span.start)
    return out


def _unlabelled(doc: Doc, taken: set[int], gaz: Gazetteer) -> list[Toponym]:
    """Proper nouns outside any entity that are the names of countries, provinces or big towns."""
    out = []
    pos, title, upper = token_strings(doc, "POS"), token_flags(doc, "IS_TITLE"), token_flags(doc, "IS_UPPER")
    i = 0
    while i < len(doc):
        if i in taken or pos[i] != "PROPN" or not (title[i] or upper[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and end not in taken and pos[end] == "PROPN":
            end += 1
        for n in range(end - i, 0, -1):
            span = doc[i : i + n]
            if any(p.kind in STRONG_KINDS or p.population >= BIG_TOWN for p in gaz.main_names(span.text)):
                out.append(Toponym(span, "GPE"))
                break
        i = end
    return out


def _kind_word(doc: Doc, end: int) -> str | None:
    """The kind asked for by the word right after a name ("Idlib province")."""
    if end < len(doc):
        return ADMIN_WORDS.get(doc[end].lower_)
    return None


def _qualifier(top: Toponym, by_start: dict[int, Toponym], gaz: Gazetteer) -> Place | None:
    """For "Paris, Texas": the place named right after a comma, if it is a country or province.

    Not when that name qualifies a noun of its own ("In Sydney, U.S. Secretary of State ...").
    """
    doc, end = top.span.doc, top.span.end
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = by_start.get(end + 1)
        if nxt is None or nxt.place is None or nxt.place.kind not in (COUNTRY, "admin1"):
            return None
        after = nxt.span.end
        if after < len(doc) and doc[after].pos_ in ("PROPN", "NOUN") and not doc[after].is_punct:
            return None
        return nxt.place
    return _named_in(top, by_start, gaz)


#: dependency labels of a country's name or adjective qualifying a place noun ("the Swiss city of")
_QUALIFYING = frozenset({"amod", "compound", "nmod", "poss"})


def _place_noun(tok: Any) -> Any:
    """The place noun a name is governed by ("the city of X", "the capital, X", "the capital X"), else None."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
        return head.head
    if tok.dep_ in ("appos", "compound") and head.lower_ in PLACE_NOUNS:
        return head
    for c in tok.children:
        if c.dep_ in ("compound", "appos") and c.lower_ in PLACE_NOUNS and c.i < tok.i:
            return c
    return None


def _named_in(top: Toponym, by_token: dict[int, Toponym], gaz: Gazetteer) -> Place | None:
    """For "the English city of Salisbury", "the Myanmar capital Naypyitaw": the country that qualifies the noun."""
    noun = _place_noun(top.span.root)
    if noun is None:
        return None
    for c in noun.children:
        if c.dep_ not in _QUALIFYING:
            continue
        other = by_token.get(c.i)
        place = other.place if other is not None and other is not top else gaz.demonym(c.text) if c.is_title else None
        if place is not None and place.kind in (COUNTRY, ADMIN1):
            return place
    return None


def _place(gaz: Gazetteer, top: Toponym, context: Counter[str] | None, within: Place | None) -> None:
    if top.label == DEMONYM_LABEL:
        top.place = gaz.demonym(top.span.text)
        top.weight = DEMONYM if top.place else 0.0
        return
    if top.cands is None:  # the first pass looks the name up; the second only ranks again
        top.cands, wanted = candidates(gaz, top.span.text)
        top.wanted = wanted or _kind_word(top.span.doc, top.span.end)
    elif len(top.cands) < 2:
        return
    scored = rank(top.cands, context, top.wanted, within)
    if not scored:
        top.place, top.weight = None, 0.0
        return
    top.score, top.place = scored[0]
    top.weight = SURE if margin(scored) > 1.0 else UNSURE


def geoparse(doc: Doc, gaz: Gazetteer, demonyms: bool = False, embedded: bool = False) -> list[Toponym]:
    """Find and place the Doc's toponyms (demonyms and embedded names too when asked), in text order."""
    tops = find_toponyms(doc, gaz, embedded=embedded)
    by_start = {i: t for t in tops for i in range(t.span.start, t.span.end)}
    for t in tops:
        _place(gaz, t, None, None)
    context = country_weights((t.place, t.weight) for t in tops if t.place is not None)
    for t in reversed(tops):  # right to left: "Paris, Texas" needs Texas placed first
        if t.label == DEMONYM_LABEL:
            continue
        own = country_weights([(t.place, t.weight)] if t.place is not None else [])
        _place(gaz, t, context - own, _qualifier(t, by_start, gaz))
    return [t for t in tops if (demonyms or t.label != DEMONYM_LABEL) and _supported(t, context)]


#: how much of the article's other places a weak toponym's country needs
WEAK_SUPPORT = 0.5


def _supported(top: Toponym, context: Counter[str]) -> bool:
    """A weak toponym (a small town's name found as a person or organisation) needs its country in the article."""
    if not top.weak or top.place is None:
        return True
    if top.place.population >= BIG_TOWN:
        return True
    own = top.weight if top.place.country else 0.0
    country = top.place.country
    return bool(country) and context[country or ""] - own >= WEAK_SUPPORT


#: kinds of place shown as the text writes them when that is one of their names ("St. Petersburg")
AS_WRITTEN = frozenset({CITY, CAPITAL, ADMIN2, SITE})


def plain(name: str) -> str:
    """A name without diacritics, as English news writes it ("Bogotá" -> "Bogota")."""
    s = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not unicodedata.combining(ch)))


def display_name(top: Toponym) -> str:
    """The name to show: the text's own spelling of a town when it is one of its names, else the gazetteer's."""
    p, text = top.place, top.span.text
    if p is None:
        return text
    shown = plain(p.name)
    if p.kind in AS_WRITTEN and not text.isupper() and any(c == p for c, _ in top.cands or ()):
        low, name = plain(text).lower(), shown.lower()
        if low not in (name, name.removeprefix("the ")):
            return text
    return shown


def mention(top: Toponym) -> dict[str, Any]:
    """The toponym as a ``PlaceMention`` (plain data for ``doc._.dragoman_places``)."""
    span, p = top.span, top.place
    return {
        "start": span.start,
        "end": span.end,
        "start_char": span.start_char,
        "end_char": span.end_char,
        "text": span.text,
        "name": display_name(top),
        "kind": p.kind if p else None,
        "country": p.country if p else None,
        "lat": round(p.lat, 4) if p else None,
        "lon": round(p.lon, 4) if p else None,
        "geonameid": p.geonameid if p else None,
    }
