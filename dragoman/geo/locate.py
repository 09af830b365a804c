"""Where an event happened: the place its clause puts it in ("talks in Brussels"), else None."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from .clauses import clause_head, governs, parent_clause, relative_antecedent, span_root

#: prepositions that put an event somewhere
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "within", "across", "throughout", "around", "on", "off", "along", "over"}
)
#: prepositions of arrival, for verbs and nouns of motion ("flew to Geneva", "a visit to Kyiv")
ARRIVAL_PREPS = frozenset({"to", "into"})
MOTION = frozenset(
    {
        "arrive",
        "travel",
        "fly",
        "go",
        "come",
        "head",
        "return",
        "move",
        "deploy",
        "visit",
        "trip",
        "journey",
        "tour",
        "march",
        "advance",
        "send",
        "dispatch",
        "invade",
        "incursion",
        "push",
    }
)
#: words that stand between a preposition and the name ("in the Swiss city of Geneva")
PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "capital",
        "region",
        "province",
        "state",
        "country",
        "port",
        "district",
        "area",
        "outskirts",
        "suburb",
        "suburbs",
        "centre",
        "center",
        "resort",
        "island",
        "enclave",
        "border",
        "south",
        "north",
        "east",
        "west",
        "heart",
        "streets",
    }
)
_WHERE = frozenset({"where"})


def _phrase_root(tok: Token) -> Token | None:
    """The word that carries a place name's locative link, or None when the name is no location."""
    if tok.dep_ == "appos" or (tok.dep_ == "compound" and tok.head.lower_ in PLACE_NOUNS):
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PLACE_NOUNS:
        tok = tok.head.head
    if tok.dep_ == "pobj":
        prep = tok.head.lower_
        if prep in LOCATIVE_PREPS:
            return tok
        if prep in ARRIVAL_PREPS and tok.head.head.lemma_.lower() in MOTION:
            return tok
        return None
    if tok.dep_ in ("attr", "npadvmod") and tok.head.lemma_ == "be":
        return tok  # "She is now Geneva for discussions" (the "in" left out)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("visit", "tour"):
        return tok
    return None


def _candidates(doc: Doc, lo: int, hi: int) -> list[tuple[Token, dict[str, Any]]]:
    """The placed toponyms of tokens ``lo:hi`` (the trigger's sentence) that say where something is."""
    out = []
    for p in doc._.dragoman_places or []:
        if p.get("lat") is None or not lo <= p["start"] < hi:
            continue
        root = _phrase_root(span_root(doc, p["start"], p["end"]))
        if root is not None:
            out.append((root, p))
    return out


def _best(cands: list[tuple[Token, dict[str, Any]]], trigger: Token) -> dict[str, Any] | None:
    best: tuple[int, int, dict[str, Any]] | None = None
    for root, p in cands:
        g = governs(root, trigger)
        if g is not None:
            key = (g, abs(root.i - trigger.i), p)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def _place_at(doc: Doc, tok: Token) -> dict[str, Any] | None:
    for p in doc._.dragoman_places or []:
        if p["start"] <= tok.i < p["end"] and p.get("lat") is not None:
            return p
    return None


def event_place(doc: Doc, trigger_start: int, trigger_end: int) -> dict[str, Any] | None:
    """Where the clause of the trigger says the event happened, else None."""
    if not doc._.dragoman_places or not 0 <= trigger_start < len(doc):
        return None
    trigger = span_root(doc, trigger_start, max(trigger_end, trigger_start + 1))
    sent = trigger.sent
    cands = _candidates(doc, sent.start, sent.end)
    if not cands and relative_antecedent(trigger, _WHERE) is None:
        return None
    found = _best(cands, trigger)
    while found is None:
        ante = relative_antecedent(trigger, _WHERE)
        if ante is not None:
            found = _place_at(doc, ante)
            break
        parent = parent_clause(trigger)
        if parent is None or parent.i == clause_head(trigger).i:
            break
        trigger = parent
        found = _best(cands, trigger)
    if found is None:
        return None
    return {k: found.get(k) for k in ("name", "country", "lat", "lon", "geonameid")}
