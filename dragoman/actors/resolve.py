"""From dictionary hits to actor mentions, as of the article's date.

Countries, capitals and demonyms combine with the agent phrases next to them ("Russian
troops" RUSMIL, "Iraq's parliament" IRQLEG, "the president of France" FRAGOV); titles combine
with the names they precede ("Russian Foreign Minister Sergei Lavrov"); a capital stands for
its government unless it is used as a place ("Moscow said" RUSGOV, "in Moscow" a place).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..nlp.tokens import doc_text, lower_words, token_ints
from .dictionary import Dictionary, Entry
from .match import Hit, _longest, inside_other_name, phrase_key, scan
from .names import extend_name
from .people import HONORIFIC, People
from .places import in_place_name, is_dateline, line_starts, titlecase_tokens

Mention = dict[str, Any]

#: prepositions whose object is a place
LOC_PREPS = frozenset("in near inside outside across throughout within around into via through beyond".split())
#: and for cities only ("at Geneva"; "aimed at Russia" is a target)
CITY_PREPS = LOC_PREPS | {"at"}
#: heads after which "to"/"from" X is a destination or origin, not a partner
MOTION = frozenset(
    "travel go come fly arrive return head trip visit journey flight move flee leave relocate tour drive sail".split()
)
#: verbs whose object is a place
PLACE_OBJECT = frozenset("visit leave tour reach enter".split())
STATE_KINDS = frozenset({"state", "capital", "demonym"})
COORD = frozenset({"and", ",", "or", "&"})
#: sectors of agents that act for a region's organisation ("West African leaders")
GOVERNMENTAL = frozenset({"GOV", "MIL", "LEG", "JUD", "ELI"})
#: nouns after a region adjective that make it its organisation ("Arab states")
STATE_NOUNS = frozenset({"state", "nation", "country", "government", "neighbour", "neighbor", "power", "member"})
#: capitals that, acting, stand for the organisation seated there ("Washington and Brussels froze the assets")
SEATS = {"brussels": "IGOEUREEC"}
#: words between a country and a title that only qualify the title ("Chinese Vice Premier")
TITLE_MODIFIERS = frozenset("vice deputy acting interim first senior chief caretaker assistant under -".split())


class Item:
    """A hit with its chosen entry (or agent code) and what it was merged into."""

    __slots__ = ("hit", "entry", "agent", "used")

    def __init__(self, hit: Hit, entry: Entry | None):
        self.hit, self.entry, self.agent, self.used = hit, entry, hit.agent, False

    @property
    def kind(self) -> str:
        return "agent" if self.agent is not None else (self.entry.kind if self.entry else "")


class DocResolver:
    """Resolves one Doc's actors (a new one per Doc)."""

    def __init__(self, d: Dictionary, people: People, doc: Doc, date: str | None):
        self.d, self.doc, self.date = d, doc, date
        self.lows = lower_words(doc)
        self.people = people.for_doc(doc, date, d)
        self.mentions: list[Mention] = []
        self.covered = bytearray(len(doc))
        self.opens = line_starts(doc)
        self.headline = titlecase_tokens(doc, self.opens)
        self.long_names: list[tuple[int, int]] = []

    def run(self) -> list[Mention]:
        """All actor mentions of the Doc, ordered by position."""
        items = [Item(h, self._entry(h)) for h in scan(self.doc, self.lows, self.d)]
        items = [it for it in items if (it.agent is not None or it.entry is not None) and not self._part_of_name(it)]
        self._institutions(items)
        for k, it in enumerate(items):
            if it.kind == "person" and not it.used:
                self._person(items, k)
        self.people.unmatched_names(items, self)
        for k, it in enumerate(items):
            if it.agent is not None and not it.used:
                self._agent(items, k)
        self._residents(items)
        for it in items:
            if not it.used:
                self._named(it)
        self.people.unresolved_entities(self)
        self.mentions.sort(key=lambda m: m["start"])
        self._appositions()
        return self.mentions

    def _institutions(self, items: list[Item]) -> None:
        """'Rwanda's Senate': a named institution after another country is that country's (an agent)."""
        for prev, it in zip(items, items[1:], strict=False):
            if it.kind not in ("group", "igo") or prev.kind not in STATE_KINDS or not self.adjacent(prev, it):
                continue
            agent = self.d.agents.get(phrase_key(self.lows, it.hit.start, it.hit.end))
            own = self.d.describe(self.d.code_at(it.entry, self.date)).country if it.entry else None
            theirs = self.d.describe(self.d.code_at(prev.entry, self.date)).country if prev.entry else None
            if agent and own and theirs and own != theirs:
                it.entry, it.agent = None, agent
                it.hit = Hit(it.hit.start, it.hit.end, (), agent)

    def _appositions(self) -> None:
        """'the commander of the Revolutionary Guards, Hossein Salami': the title codes the name."""
        at = {}
        for m in self.mentions:
            for i in range(m["start"], m["end"]):
                at[i] = m
        for m in self.mentions:
            root = self.doc[m["start"] : m["end"]].root
            other = at.get(root.head.i) if root.dep_ == "appos" else None
            if other is None or other is m:
                continue
            person, title = (m, other) if m["kind"] == "person" else (other, m)
            if person["kind"] != "person" or title["kind"] not in ("agent", "nominal"):
                continue
            if not person.get("code") and title.get("code"):
                for key in ("code", "country", "igo", "sectors"):
                    person[key] = title[key]
                person["title"] = title["text"]
            title["ref"] = person
            title["name"] = person.get("name")

    # --- building blocks -----------------------------------------------------------

    def _part_of_name(self, it: Item) -> bool:
        """A one-word person hit inside a longer PERSON name ("Hassan" in "Omar Hassan al-Bashir")."""
        if it.kind != "person" or it.hit.end - it.hit.start > 1:
            return False
        longer = extend_name(self.doc, it.hit.end, self.headline)
        if longer > it.hit.end:  # "Liu He": a surname alias followed by a given name
            self.long_names.append((it.hit.start, longer))
            return True
        tok = self.doc[it.hit.start]
        if tok.ent_type_ != "PERSON":
            return False
        nxt = self.doc[it.hit.end] if it.hit.end < len(self.doc) else None
        return tok.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I" and nxt.ent_type_ == "PERSON")

    def _entry(self, h: Hit) -> Entry | None:
        if not h.ids:
            return None
        entries = [self.d.entries[i] for i in h.ids]
        if len(entries) == 1:
            return entries[0]
        return self.people.choose(entries, None)

    def mention(self, start: int, end: int, code: str | None, kind: str, **extra: Any) -> Mention:
        """Add a mention over tokens start:end with the code's country, organisation and sectors."""
        start_char, end_char = self._chars(start, end)
        info = self.d.describe(code)
        m: Mention = {
            "start": start,
            "end": end,
            "start_char": start_char,
            "end_char": end_char,
            "text": doc_text(self.doc)[start_char:end_char],
            "name": extra.pop("name", None),
            "code": code,
            "country": info.country,
            "igo": info.igo,
            "sectors": list(info.sectors),
            "kind": kind,
            "ref": None,
        }
        m.update(extra)
        self.mentions.append(m)
        self.covered[start:end] = b"\x01" * (end - start)
        return m

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        """The character offsets of tokens start:end (``Span.start_char``, ``Span.end_char``)."""
        if end <= start:
            span = self.doc[start:end]
            return span.start_char, span.end_char
        idx, lengths = token_ints(self.doc, "IDX"), token_ints(self.doc, "LENGTH")
        return idx[start], idx[end - 1] + lengths[end - 1]

    def adjacent(self, a: Item, b: Item) -> bool:
        """True when item a ends right before b (a possessive 's or "vice", "deputy" may sit between)."""
        gap = self.lows[a.hit.end : b.hit.start]
        if not gap:
            return True
        if len(gap) == 1 and gap[0] in ("'s", "’s", "'"):
            return True
        return len(gap) <= 2 and all(w in TITLE_MODIFIERS for w in gap) and b.agent is not None

    def modifier(self, it: Item) -> bool:
        """A one-word agent that only qualifies the title after it ("Deputy" Foreign Minister)."""
        return it.agent is not None and it.hit.end - it.hit.start == 1 and self.lows[it.hit.start] in TITLE_MODIFIERS

    def base_code(self, it: Item) -> str | None:
        """The code a modifier gives to an agent: a country's code or an organisation's."""
        code = self.d.code_at(it.entry, self.date) if it.entry else None
        if not code:
            return None
        if it.kind in STATE_KINDS:
            country = self.d.describe(code).country
            return self.d.country_code(country) if country else code[:3]
        if it.kind in ("igo", "group", "region"):
            return code
        return None

    # --- persons with titles ---------------------------------------------------------

    def title_chain(self, items: list[Item], k: int) -> tuple[int, str | None, str]:
        """The titles and country before item k: (first token, country code, agent sectors)."""
        start, country, sectors = items[k].hit.start, None, ""
        j = k - 1
        nxt = items[k]
        while j >= 0 and not items[j].used and self.adjacent(items[j], nxt):
            prev = items[j]
            if prev.agent is not None and not sectors:
                sectors = prev.agent
            elif prev.kind in STATE_KINDS and country is None:
                country = self.base_code(prev)
            elif self.igo_title(prev, nxt, sectors) and country is None:
                country = self.base_code(prev)
            elif not (sectors and self.modifier(prev)):
                break
            start, nxt = prev.hit.start, prev
            j -= 1
        return start, country, sectors

    def igo_title(self, it: Item, nxt: Item, sectors: str) -> bool:
        """'European Commission President', 'the EU's Michel Barnier', 'Hamas leader': whom a person acts for."""
        if it.kind not in ("igo", "group") or it.entry is None or not self.d.code_at(it.entry, self.date):
            return False
        return bool(sectors) or self.lows[it.hit.end : nxt.hit.start] in (["'s"], ["’s"])

    def consume(self, items: list[Item], start: int, end: int) -> None:
        for it in items:
            if it.hit.start >= start and it.hit.end <= end:
                it.used = True

    def _person(self, items: list[Item], k: int) -> None:
        it = items[k]
        tstart, country, sectors = self.title_chain(items, k)
        entry = it.entry
        if entry is not None and country:
            alts = [self.d.entries[i] for i in it.hit.ids]
            entry = self.people.choose(alts, country) or entry
        self.consume(items, tstart, it.hit.end)
        start, title_code = self._name_start(it)
        if start > it.hit.start and not sectors:
            sectors = title_code or ""
        self.people.add_person(self, start, it.hit.end, entry, min(tstart, it.hit.start), country, sectors)

    def _name_start(self, it: Item) -> tuple[int, str | None]:
        """Where the name starts inside a person phrase that begins with a title ("President Putin")."""
        start, end = it.hit.start, it.hit.end
        la = _longest(self.lows, start, self.d.agents, self.d.agent_prefixes)
        if la and start + la < end and self.doc[start + la].is_title:
            return start + la, self.d.agents.get(phrase_key(self.lows, start, start + la))
        if self.lows[start] in HONORIFIC and start + 1 < end:
            return start + 1, None
        return start, None

    # --- agents ----------------------------------------------------------------------

    def _agent(self, items: list[Item], k: int) -> None:
        it = items[k]
        self._stack_agents(items, k)
        start, end, base = it.hit.start, it.hit.end, None
        mods = self._modifiers(items, k)
        if mods:
            base = self.base_code(mods[-1])
            for extra in mods[:-1]:  # "Hungarian and Romanian officials": each gets the agent
                code = self.base_code(extra)
                extra.used = True
                self.mention(extra.hit.start, extra.hit.end, _join(code, it.agent), "agent")
            start = mods[-1].hit.start
            mods[-1].used = True
        else:
            of = self._of_country(items, k)
            if of is not None:
                base, end = self.base_code(of), of.hit.end
                of.used = True
        it.used = True
        self._emit_agent(start, end, base, it)

    def _stack_agents(self, items: list[Item], k: int) -> None:
        """'Moslem forces', 'Islamic fundamentalists': agent words in a row make one agent."""
        it = items[k]
        j = k + 1
        while j < len(items) and items[j].agent is not None and not items[j].used and items[j].hit.start == it.hit.end:
            nxt = items[j]
            own = "" if self.modifier(it) else (it.agent or "")
            groups = [own[i : i + 3] for i in range(0, len(own), 3)]
            groups += [g for g in _sectors(nxt.agent) if g not in groups]
            it.agent = "".join(groups)
            it.hit = Hit(it.hit.start, nxt.hit.end, (), it.agent)
            nxt.used = True
            j += 1

    def _emit_agent(self, start: int, end: int, base: str | None, it: Item) -> None:
        code = _join(base, it.agent)
        if code is not None:
            self.mention(start, end, code, "agent")
            return
        last = self.doc[end - 1]
        if last.dep_ in ("amod", "compound", "nmod") and last.head.i >= end and not self.covered[last.head.i]:
            return  # "military targets": the agent word modifies a thing, it is not an actor here
        det = self.lows[start - 1] if start > 0 else ""
        kind = "nominal" if det in ("the", "this", "that", "these", "those") else "agent"
        m = self.mention(start - 1 if kind == "nominal" else start, end, None, kind)
        m["sectors"] = _sectors(it.agent)

    def _modifiers(self, items: list[Item], k: int) -> list[Item]:
        """The country items right before agent k, with coordinated ones ("A and B officials")."""
        if k == 0 or items[k - 1].used:
            return []
        prev = items[k - 1]
        if prev.kind not in STATE_KINDS | {"igo", "group", "region"} or not self.adjacent(prev, items[k]):
            return []
        if prev.kind == "region" and not set(_sectors(items[k].agent)) <= GOVERNMENTAL:
            return []  # "West African leaders" are ECOWAS; "African migrants" are no organisation
        mods = [prev]
        j = k - 2
        while j >= 0 and items[j].kind in STATE_KINDS and not items[j].used:
            gap = self.lows[items[j].hit.end : mods[0].hit.start]
            if not gap or not all(g in COORD for g in gap):
                break
            mods.insert(0, items[j])
            j -= 1
        return mods

    def _of_country(self, items: list[Item], k: int) -> Item | None:
        """The country in "the president of Russia" (agent, 'of', country)."""
        if k + 1 >= len(items):
            return None
        nxt, end = items[k + 1], items[k].hit.end
        if nxt.kind not in STATE_KINDS | {"igo", "group"} or nxt.used:
            return None
        if nxt.hit.start == end + 1 and self.lows[end] == "of":
            return nxt
        if nxt.hit.start == end + 2 and self.lows[end] == "at" and self.lows[end + 1] == "the" and nxt.kind == "igo":
            return nxt  # "judges at the International Criminal Court"
        if nxt.hit.start == end + 2 and self.lows[end] == "of" and self.lows[end + 1] in ("the", "a", "an"):
            return nxt  # "the president of the Russian Federation", "the captain of a Chinese trawler"
        return None

    # --- names of states, capitals, organisations --------------------------------------

    def _residents(self, items: list[Item]) -> None:
        """'Bosnian Serbs', 'Iraqi Kurds': a people named by where they live is of that state."""
        for a, b in zip(items, items[1:], strict=False):
            if a.used or b.used or a.kind != "demonym" or b.kind != "demonym" or b.hit.start != a.hit.end:
                continue
            if self.doc[b.hit.end - 1].tag_ not in ("NNS", "NNPS") or a.entry is None or b.entry is None:
                continue
            code = self.d.code_at(a.entry, self.date)
            a.used = b.used = True
            self.mention(
                a.hit.start,
                b.hit.end,
                code,
                "state",
                name=self.doc[a.hit.start : b.hit.end].text,
                demonym=True,
                people=b.entry.name,
            )

    def _named(self, it: Item) -> None:
        entry = it.entry
        if entry is None:
            return
        kind = entry.kind
        start, end = it.hit.start, it.hit.end
        if (kind in STATE_KINDS or self._adjective(it)) and self._not_the_state(start, end, kind):
            return
        code = self.d.code_at(entry, self.date)
        if kind == "region":
            self._region(it, code)
            return
        extra: dict[str, Any] = {"name": entry.name}
        if kind in ("state", "capital"):
            if is_dateline(self.doc, start, end, self.opens):
                extra["locative"] = extra["dateline"] = True
            elif self.locative(start, end, kind):
                extra["locative"] = True
            elif kind == "capital" and code:
                code = SEATS.get(self.lows[start], code[:3] + "GOV")
        if kind == "demonym" and it.hit.start > 0 and self.lows[it.hit.start - 1] == "ethnic":
            # "ethnic Albanians" are a people, not Albania; where they live is not in the phrase
            self.mention(it.hit.start - 1, it.hit.end, None, "group", name=self.doc[it.hit.start - 1 : it.hit.end].text)
            return
        if kind == "demonym":
            kind, extra["demonym"] = "state", True
        self.mention(it.hit.start, it.hit.end, code, kind, **extra)

    def _adjective(self, it: Item) -> bool:
        """A one-word organisation or region adjective ("European", "Arab")."""
        return it.kind in ("igo", "region") and it.hit.end - it.hit.start == 1 and self.doc[it.hit.start].pos_ == "ADJ"

    def _region(self, it: Item, code: str | None) -> None:
        """'Arab states', 'Gulf nations': a region's states stand for its organisation."""
        end = it.hit.end
        if code and end < len(self.doc) and self.doc[end].lemma_.lower() in STATE_NOUNS and it.entry is not None:
            start = it.hit.start
            if self.doc[end].tag_ == "NN" and start > 0 and self.lows[start - 1] in ("the", "this"):
                # "accusing the Gulf state of ...": one of the region's states, named before
                self.mention(start - 1, end + 1, None, "nominal")
                return
            self.mention(start, end + 1, code, "igo", name=it.entry.name)

    def _not_the_state(self, start: int, end: int, kind: str) -> bool:
        """A state's name inside a longer name ("Washington Post", "South China Sea")."""
        if in_place_name(self.doc, start, end):
            return True
        return kind != "demonym" and not self.headline[start] and inside_other_name(self.doc, Hit(start, end, (), None))

    def locative(self, start: int, end: int, kind: str) -> bool:
        """True when a country or capital names a place here ("in Moscow"), not an actor."""
        root = self.doc[start:end].root
        dep, head = root.dep_, root.head
        if dep == "pobj":
            prep = head.lower_
            if prep in (CITY_PREPS if kind == "capital" else LOC_PREPS):
                return True
            if prep in ("to", "from") and head.head.lemma_.lower() in MOTION:
                return True
            return False
        if dep == "dobj" and head.lemma_.lower() in PLACE_OBJECT:
            return True
        if kind == "capital" and dep in ("compound", "nmod") and head.i >= end:
            return True
        if dep == "conj" or (dep == "nmod" and any(c.dep_ == "cc" for c in root.children)):
            while head.dep_ == "conj" and head.head is not head:
                head = head.head  # "in Mali and Burkina Faso", "in Germany, France and Poland"
            return head.dep_ == "pobj" and head.head.lower_ in LOC_PREPS
        return dep == "appos" and head.dep_ == "pobj" and head.head.lower_ in LOC_PREPS


def _join(base: str | None, agent: str | None) -> str | None:
    if base is None:
        return None
    agent = agent or ""
    if agent == "IGO":
        return base
    # skip sectors the base already has (NATO + GOV -> IGOWSTNATGOV; RUSGOV + GOV -> RUSGOV)
    groups = [agent[i : i + 3] for i in range(0, len(agent), 3)]
    have = {base[i : i + 3] for i in range(0, len(base), 3)}
    return base + "".join(g for g in groups if g not in have)


def _sectors(agent: str | None) -> list[str]:
    agent = agent or ""
    return [agent[i : i + 3] for i in range(0, len(agent), 3) if agent[i : i + 3] != "IGO"]
