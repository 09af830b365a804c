"""Plural references to the parties of a story, and "the North"/"the South".

News style names the parties once and then counts them: "both countries", "the two leaders",
"the two Nordic countries", "the three nations", "all parties", "the two sides". Such a phrase
stands for (``members``) the last compound actor ("Russia and Ukraine"), or else a pair named
just before, or else the last two (three) distinct countries named in the sentences before it
(persons count by their country; places, datelines and the subjects of the phrase's own clause
do not: "Powell called the leaders of both countries" is not the United States). "Both Koreas"
is the two Koreas of the article; "the North" and "the South" are North and South Korea (or
Sudan and South Sudan) in an article that names one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .coref import Coreference

Mention = dict[str, Any]

#: plural nouns that count the parties ("both countries", "the two presidents")
PAIR_NOUNS = frozenset(
    "countries nations states governments sides leaders presidents ministers premiers delegations armies "
    "militaries navies forces neighbours neighbors parties capitals allies rivals powers heads negotiators "
    "delegates envoys chiefs foes adversaries".split()
)
#: of those, the ones that only states can be (an organisation is not a country)
STATE_ONLY = frozenset("countries nations states governments capitals neighbours neighbors".split())
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
DETERMINERS = frozenset({"the", "those", "these"})
#: "all parties", "the parties", "all sides": the last two parties when no compound says otherwise
OPEN_NOUNS = frozenset({"parties", "sides"})
#: the halves of divided countries: (word, the country it names, the other half)
HALVES = {"PRK": ("north", "KOR"), "KOR": ("south", "PRK"), "SDN": ("north", "SSD"), "SSD": ("south", "SDN")}
KOREAS = frozenset({"koreas"})
WINDOW = 6


def pair_phrase(co: Coreference, head: int) -> tuple[int, int] | None:
    """(first token, count) of a counted plural ending at token ``head``; count 0 = any number."""
    lows, doc = co.lows, co.doc
    if lows[head] not in PAIR_NOUNS and lows[head] not in KOREAS:
        return None
    j = head - 1
    skipped = 0
    while j >= 0 and skipped < 2 and lows[head] not in OPEN_NOUNS and doc[j].tag_ in ("JJ", "NNP", "VBN", "HYPH"):
        j, skipped = j - 1, skipped + 1  # "the two Nordic countries", "both nuclear-armed neighbours"
    if j < 0:
        return None
    word = lows[j]
    if word in COUNTS:
        if word == "both" or (j > 0 and lows[j - 1] in DETERMINERS):
            return (j if word == "both" else j - 1), COUNTS[word]
        return None
    if lows[head] in OPEN_NOUNS and skipped == 0 and word in ("all", "the"):
        return j, 0
    if word in ("those", "these") and lows[head] in STATE_ONLY:
        return j, -1  # "those nations": the last compound only
    if lows[head] in KOREAS and word == "the":
        return j, 2
    return None


def resolve_pair(co: Coreference, start: int, head: int, count: int, ordered: list[Mention]) -> list[Mention] | None:
    """The mentions a counted plural stands for, or None."""
    if co.lows[head] in KOREAS:
        return _koreas(co, start, ordered)
    states_only = co.lows[head] in STATE_ONLY
    cands = co._before(ordered, start, WINDOW)
    for c in cands:
        group = c.get("compound") or c.get("members")
        if isinstance(group, list) and len(group) > 1 and (count <= 0 or len(group) == count):
            if not states_only or all(_state_like(co, g) for g in group):
                return list(group)
    if count < 0:
        return None
    return _recent_parties(co, start, head, count or 2, cands, states_only)


def _recent_parties(
    co: Coreference, start: int, head: int, count: int, cands: list[Mention], states_only: bool
) -> list[Mention] | None:
    """The last ``count`` distinct countries (or organisations) named before the phrase."""
    here = co.sent_of[start]
    others = {t.i for i in co._governing_subjects(co.doc[head]) for t in co.doc[i].subtree}
    found: list[Mention] = []
    for c in cands:
        r = co.root(c)
        key = r.get("country") or (None if states_only else r.get("igo"))
        if not key or c.get("locative") or r.get("locative") or c.get("members"):
            continue
        if states_only and not _state_like(co, c):
            continue
        if co.sent_of[c["start"]] == here and any(c["start"] <= i < c["end"] for i in others):
            continue
        if _owner_of_phrase(co, c, start):
            continue
        if all((f.get("country") or f.get("igo")) != key for f in found):
            found.append(r)
        if len(found) == count:
            return list(reversed(found))
    return None


def _state_like(co: Coreference, m: Mention) -> bool:
    """A state, its capital, government or leader: what "both countries" can count (not M23, not the EU)."""
    r = co.root(m)
    if not r.get("country") or r.get("igo"):
        return False
    return r["kind"] != "group" or bool(set(r.get("sectors") or []) & {"GOV", "MIL"})


def _owner_of_phrase(co: Coreference, m: Mention, start: int) -> bool:
    """'the leaders' in 'the leaders of both countries': the phrase's own head, not a party."""
    return m["end"] == start - 1 and co.lows[start - 1] == "of"


def _koreas(co: Coreference, start: int, ordered: list[Mention]) -> list[Mention] | None:
    """'both Koreas': the last North and South Korea mentions of the article."""
    out = []
    for iso in ("PRK", "KOR"):
        same = [
            m
            for m in ordered
            if m.get("country") == iso
            and not m.get("locative")
            and m["start"] != start
            and not _owner_of_phrase(co, m, start)
            and m["kind"] in ("state", "capital", "person", "agent")
        ]
        before = [m for m in same if m["start"] < start]
        if not same:
            return None
        out.append(before[-1] if before else same[0])  # the article's North (South) Korea, named anywhere
    return out


def add_pair(co: Coreference, head: int, ordered: list[Mention], existing: Mention | None = None) -> Mention | None:
    """A counted plural at ``head`` with its members (a new mention, or ``existing`` widened)."""
    phrase = pair_phrase(co, head)
    if phrase is None:
        return None
    start, count = phrase
    members = resolve_pair(co, start, head, count, ordered)
    if not members:
        return None
    if existing is None:
        m = co._new(start, head + 1, "nominal", None)
    else:
        m = existing
        span = co.doc[start : m["end"]]
        m.update(start=start, start_char=span.start_char, text=span.text)
        m.update(code=None, country=None, igo=None, sectors=list(m.get("sectors") or []), kind="nominal")
        m.pop("context", None)
    m["members"] = list(members)
    m["ref"] = members[0]
    _drop_unknown_inside(ordered, m)
    _heads_of(co, m, ordered)
    return m


def _heads_of(co: Coreference, pair: Mention, ordered: list[Mention]) -> None:
    """'the leaders of both countries': the unresolved noun before "of" stands for the pair too."""
    j = pair["start"] - 1
    if j < 1 or co.lows[j] != "of":
        return
    owner = next(
        (
            x
            for x in ordered
            if x["end"] == j
            and not x.get("members")
            and x["kind"] in ("agent", "nominal")
            and co.root(x).get("kind") != "person"
            and co.lows[x["start"]] == "the"
        ),
        None,
    )
    if owner is not None:  # its own guess (the last country's government) gives way to the pair
        owner.update(code=None, country=None, igo=None, members=list(pair["members"]), ref=pair["ref"])


def _drop_unknown_inside(ordered: list[Mention], m: Mention) -> None:
    """Unresolved mentions inside the phrase ("Nordic" in "the two Nordic countries") go."""
    for x in [x for x in ordered if x is not m and m["start"] <= x["start"] and x["end"] <= m["end"]]:
        if not x.get("code") and not x.get("members"):
            ordered.remove(x)


def halves(co: Coreference, ordered: list[Mention]) -> None:
    """'the North', 'the South's': North/South Korea (or Sudan) when the article names one of them."""
    named = {m.get("country"): m for m in ordered if m.get("country") in HALVES and not m.get("locative")}
    if not named:
        return
    for i, t in enumerate(co.doc):
        if t.text not in ("North", "South") or i == 0:
            continue
        det = i - 1
        while det > 0 and det > i - 3 and co.doc[det].tag_ == "JJ":
            det -= 1  # "the impoverished North's economy"
        if co.lows[det] != "the":
            continue
        nxt = co.doc[i + 1] if i + 1 < len(co.doc) else None
        if nxt is not None and nxt.is_title and nxt.lower_ not in ("'s", "’s"):
            continue  # "the North Atlantic", "the South China Sea"
        iso = next(
            (c for c, (word, other) in HALVES.items() if word == t.lower_ and (c in named or other in named)), None
        )
        if iso is None or any(m["start"] <= i < m["end"] and m.get("code") for m in ordered):
            continue
        _replace_at(co, ordered, det, i + 1, iso)


def _replace_at(co: Coreference, ordered: list[Mention], start: int, end: int, iso: str) -> None:
    """A nominal over start:end referring to the nearest mention of country ``iso``."""
    same = [m for m in ordered if m.get("country") == iso and not m.get("locative") and m.get("code")]
    before = [m for m in same if m["end"] <= start]
    ante = before[-1] if before else (same[0] if same else None)
    for x in [x for x in ordered if x["start"] < end and start < x["end"]]:
        ordered.remove(x)
    m = co._new(start, end, "nominal", ante)
    if ante is None:  # the other half is named, this one is not: the country itself
        m.update(code=iso, country=iso, name=None)
    ordered.append(m)
    ordered.sort(key=lambda x: x["start"])
