"""Where an event happened: the place its clause gives, else the place the story sets for it, else None.

In order: a place governing the trigger's clause ("talks in Brussels", "Speaking in Sochi,
Putin warned", "judges in The Hague issued"), climbing to the clause it hangs on (a conjunct,
a participle, a "where" relative, or a reported clause that is no past event); for a
headline, the lead's restatement of it; another mention of the same gathering ("The deal was
signed in Naypyitaw"); the scene an earlier sentence of the paragraph set (a settlement or a
site, not a country); the wire dateline.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from .clauses import SPEECH_VERBS, clause_head, governs, is_past, parent_clause, relative_antecedent, span_root
from .gazetteer import CAPITAL, CITY, COUNTRY, REGION, SITE, load_gazetteer
from .parse import is_dateline, plain
from .story import in_headline, lead, other_mentions, paragraph_of, restatements
from .syntax import locative_root

_WHERE = frozenset({"where"})
#: kinds of place that set a scene for the sentences after them (a country or a region does not)
SCENE_KINDS = frozenset({CITY, CAPITAL, SITE, "admin2"})
#: verbs of speech whose place ("said in Beijing") is also that of the statement just before
_SPOKE = frozenset({"say", "tell", "add", "speak"})
#: verbs of shooting or aiming: "at" a country names their target
_AIM_VERBS = frozenset("fire launch aim shoot direct hurl throw lob point target".split())
_KEYS = ("name", "country", "lat", "lon", "geonameid")
Place = dict[str, Any]


def _candidates(doc: Doc, lo: int, hi: int) -> list[tuple[Token, Place]]:
    """The placed toponyms of tokens ``lo:hi`` that say where something is, with their locative word."""
    out = []
    for p in doc._.dragoman_places or []:
        if p.get("lat") is None or not lo <= p["start"] < hi:
            continue
        root = locative_root(span_root(doc, p["start"], p["end"]))
        if root is not None and not _aimed_or_from(root, p):
            out.append((root, p))
    return out


def _aimed_or_from(root: Token, place: Place) -> bool:
    """ "from Islamabad" (an origin) or "at Israel" (a country aimed at): no scene of the event."""
    prep = root.head.lower_ if root.dep_ == "pobj" else ""
    if prep == "at" and place.get("kind") in (COUNTRY, REGION):
        return clause_head(root).lemma_.lower() in _AIM_VERBS  # "fired rockets at Israel", not "at the Vatican"
    return prep == "from"


def _best(cands: list[tuple[Token, Place]], trigger: Token) -> Place | None:
    best: tuple[int, int, int, Place] | None = None
    for root, p in cands:
        g = governs(root, trigger)
        if g is not None:
            key = (g, 0 if p.get("kind") in SCENE_KINDS else 1, abs(root.i - trigger.i), p)
            if best is None or key[:3] < best[:3]:
                best = key
    return best[3] if best else None


def _place_at(doc: Doc, tok: Token) -> Place | None:
    for p in doc._.dragoman_places or []:
        if p["start"] <= tok.i < p["end"] and p.get("lat") is not None:
            return p
    return None


def clause_place(doc: Doc, trigger: Token) -> Place | None:
    """The place the trigger's own sentence gives it (its clause or the clauses it hangs on), else None."""
    sent = trigger.sent
    cands = _candidates(doc, sent.start, sent.end)
    if not cands and relative_antecedent(trigger, _WHERE) is None:
        return None
    for _ in range(8):
        found = _best(cands, trigger)
        if found is not None:
            return found
        ante = relative_antecedent(trigger, _WHERE)
        if ante is not None:
            return _place_at(doc, ante)
        parent = parent_clause(trigger, reported="unpast")
        if parent is None or parent.i == clause_head(trigger).i:
            return None
        trigger = parent
    return None


def _own_places(doc: Doc, sent: Span) -> bool:
    """True when a sentence names a settlement or site as a location of its own."""
    return any(p.get("kind") in SCENE_KINDS for _, p in _candidates(doc, sent.start, sent.end))


def _scene(doc: Doc, trigger: Token) -> Place | None:
    """The settlement or site an earlier sentence of the paragraph set its scene in, or a statement's place."""
    sent = trigger.sent
    lo, _hi = paragraph_of(doc, trigger.i)
    if _own_places(doc, sent) or is_past(clause_head(trigger)) and clause_head(trigger).dep_ == "ccomp":
        return None
    nxt = doc[sent.end].sent if sent.end < len(doc) else None
    if nxt is not None and nxt.start < _hi and nxt.root.lemma_.lower() in _SPOKE:
        found = clause_place(doc, nxt.root)  # "China urged ... . '...,' a spokesman said in Beijing."
        if found is not None and found.get("kind") in SCENE_KINDS:
            return found
    i = sent.start - 1
    while i >= lo:
        prev = doc[i].sent
        for root, p in reversed(_candidates(doc, prev.start, prev.end)):
            if p.get("kind") in SCENE_KINDS and governs(root, prev.root) is not None:
                return p
        i = prev.start - 1
    return None


def _dateline(doc: Doc) -> Place | None:
    """The body's dateline place ("WASHINGTON, May 3 -"), not a headline that opens with a name (once per Doc)."""
    key = f"dragoman_dateline:{len(doc)}"
    if key not in doc.user_data:
        doc.user_data[key] = _find_dateline(doc)
    return doc.user_data[key]


def _find_dateline(doc: Doc) -> Place | None:
    for p in doc._.dragoman_places or []:
        if (
            p.get("lat") is not None
            and is_dateline(doc[p["start"] : p["end"]])
            and not in_headline(doc, doc[p["start"]])
        ):
            return p
    return None


def _subject_country(doc: Doc, trigger: Token) -> str | None:
    """The country of the actor the trigger's clause has for subject, if known."""
    head = clause_head(trigger)
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for a in doc._.dragoman_actors or []:
        if any(a.get("start", -1) <= c.i < a.get("end", -1) for c in subj):
            return a.get("country")
    return None


def _fits(doc: Doc, trigger: Token, place: Place) -> bool:
    """False when the trigger's subject is an actor of another country than a place from outside its sentence."""
    country = _subject_country(doc, trigger)
    return not country or not place.get("country") or country == place["country"]


def _dated_statement(doc: Doc, trigger: Token) -> Place | None:
    """The dateline, for a statement by an actor of its country ("BEIJING - China's foreign ministry said")."""
    place = _dateline(doc)
    head = clause_head(trigger)
    if place is None or (head.lemma_.lower() not in SPEECH_VERBS and trigger.lemma_.lower() not in SPEECH_VERBS):
        return None
    return place if _subject_country(doc, trigger) in (None, place.get("country")) else None


def _acts(trigger: Token) -> list[Token]:
    """The trigger and the clauses it hangs on ("agreed to ban": ban, agreed)."""
    out = [trigger]
    for _ in range(4):
        parent = parent_clause(out[-1], reported="unpast")
        if parent is None or parent.i in {t.i for t in out}:
            break
        out.append(parent)
    return out


def _story_place(doc: Doc, trigger: Token) -> Place | None:
    """The place the story gives an event its own sentence leaves unplaced."""
    if in_headline(doc, trigger):
        for tok in restatements(doc, trigger):
            found = clause_place(doc, tok) or _story_place(doc, tok)
            if found is not None:
                return found
        first = lead(doc)
        return clause_place(doc, first.root) if first is not None else None
    for act in _acts(trigger):
        for tok in other_mentions(doc, act):
            found = clause_place(doc, tok)
            if found is not None and found.get("kind") in SCENE_KINDS:
                return found
    found = _scene(doc, trigger)
    if found is not None and _fits(doc, trigger, found):
        return found
    return _dated_statement(doc, trigger)


#: words of a headline that open another event ("EU Bans Airlines After Jet Forced to Land in Minsk")
_HEADLINE_LINKS = frozenset({"after", "before", "as", "amid", "over", "following", "despite", "while", "since"})


def _headline_place(doc: Doc, trigger: Token) -> Place | None:
    """A headline's own place, when no word opening another event stands between it and the trigger."""
    found = clause_place(doc, trigger)
    if found is None:
        return None
    lo, hi = sorted((trigger.i, found["start"]))
    return None if any(t.lower_ in _HEADLINE_LINKS for t in doc[lo:hi]) else found


def event_place(doc: Doc, trigger_start: int, trigger_end: int) -> dict[str, Any] | None:
    """Where the event of a trigger happened (its clause, else its story), or None."""
    if not doc._.dragoman_places or not 0 <= trigger_start < len(doc):
        return None
    trigger = span_root(doc, trigger_start, max(trigger_end, trigger_start + 1))
    if in_headline(doc, trigger):  # a headline's parse is poor: the body tells it again
        found = _story_place(doc, trigger) or _headline_place(doc, trigger)
    else:
        found = clause_place(doc, trigger) or _story_place(doc, trigger)
    if found is None:
        return None
    if found.get("kind") == SITE:  # "at the White House": in Washington
        town = load_gazetteer().town_around(found["lat"], found["lon"])
        if town is not None:
            return {
                "name": plain(town.name),
                "country": town.country,
                "lat": round(town.lat, 4),
                "lon": round(town.lon, 4),
                "geonameid": town.geonameid,
            }
    return {k: found.get(k) for k in _KEYS}
