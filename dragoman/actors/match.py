"""Dictionary phrases found in a Doc: longest match first, one dict probe per token and length."""

from __future__ import annotations

from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .dictionary import Dictionary

#: entity labels of names that a country or capital inside them does not stand for
_OPAQUE = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
#: lowercase particles that may open a name ("al-Qaeda", "bin Laden", "de Mistura")
PARTICLES = frozenset("al el ad as ash at az ibn bin ben abu de del della der den di da dos du la le van von".split())


class Hit(NamedTuple):
    """A phrase found at tokens ``start:end``: a name (entry ids) or an agent (sector code)."""

    start: int
    end: int
    ids: tuple[int, ...]  # dictionary entries (empty for agents)
    agent: str | None  # sector code of an agent phrase


def _longest(lows: list[str], i: int, table: dict, prefixes: set, limit: int = 12) -> int:
    """Length in tokens of the longest phrase of ``table`` starting at token i (0 if none).

    Hyphens inside a phrase are skipped ("al-Thani" matches "al thani" and "al - thani").
    """
    best = 0
    n = len(lows)
    key: tuple[str, ...] = ()
    for j in range(i, min(n, i + limit)):
        if lows[j] == "-" and j > i:
            continue
        key = key + (lows[j],)
        if key in table:
            best = j + 1 - i
        if key not in prefixes:
            break
    return best


def phrase_key(lows: list[str], start: int, end: int) -> tuple[str, ...]:
    """The table key of tokens start:end (hyphens inside left out)."""
    return tuple(w for k, w in enumerate(lows[start:end]) if w != "-" or k == 0)


def _name_ok(doc: Doc, start: int, end: int) -> bool:
    """A name must start with a capital (or be an all-capital acronym when short or common)."""
    first = doc[start]
    if first.is_punct:
        return False
    if first.is_lower:
        return first.lower_ in PARTICLES and end - start > 1 and _capital_after(doc, start + 1, end)
    if end - start == 1:
        text = first.text
        if (first.lower_ in STOP_WORDS or len(text.rstrip(".")) <= 2) and not text.isupper():
            return False
    return True


def _capital_after(doc: Doc, start: int, end: int) -> bool:
    """True when the first word after a particle (hyphens skipped) is capitalised."""
    for t in doc[start:end]:
        if t.text not in ("-", "\u2010"):
            return t.is_title or t.is_upper
    return False


def scan(doc: Doc, lows: list[str], d: Dictionary) -> list[Hit]:
    """All name and agent phrases of the Doc, left to right, without overlaps (longest wins)."""
    hits: list[Hit] = []
    names, nprefix, agents, aprefix = d.names, d.name_prefixes, d.agents, d.agent_prefixes
    first_words = d.first_words
    i, n = 0, len(lows)
    while i < n:
        low = lows[i]
        if low not in first_words:  # opens no phrase of either table
            i += 1
            continue
        key = (low,)
        in_names = key in names or key in nprefix
        in_agents = key in agents or key in aprefix
        if not (in_names or in_agents):
            i += 1
            continue
        ln = _longest(lows, i, names, nprefix) if in_names else 0
        while ln and not _name_ok(doc, i, i + ln):
            ln = _shorter(lows, i, ln, names)
        la = _longest(lows, i, agents, aprefix) if in_agents else 0
        if ln and ln >= la:
            hits.append(Hit(i, i + ln, tuple(names[phrase_key(lows, i, i + ln)]), None))
            i += ln
        elif la:
            hits.append(Hit(i, i + la, (), agents[phrase_key(lows, i, i + la)]))
            i += la
        else:
            i += 1
    return hits


def _shorter(lows: list[str], i: int, ln: int, names: dict) -> int:
    for k in range(ln - 1, 0, -1):
        if phrase_key(lows, i, i + k) in names:
            return k
    return 0


def inside_other_name(doc: Doc, hit: Hit) -> bool:
    """True when a place name is only the start of a longer name ("Washington Post")."""
    end = hit.end
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.ent_iob_ == "I" and nxt.ent_type_ in _OPAQUE and not nxt.is_lower
