"""Coreference inside an article: pronouns and nominals to the actor they stand for.

News style drives the rules: a pronoun refers to the most recent actor of its gender, number
and type within a few sentences ("she" -> the last woman named, "it" -> the last state or
organisation, "they" -> the last plural actor or pair); a definite nominal refers to the
last-named actor of a matching role ("the minister" -> the last minister, "the Russian
president" -> the last Russian president named, "the alliance" -> the last organisation,
"the country" -> the last state, "the two sides" -> the last two actors of different sides).
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc, Token

from ..nlp.tokens import lower_words, token_strings
from .pairs import KOREAS, PAIR_NOUNS, add_pair, halves

Mention = dict[str, Any]

WINDOW = 3  # sentences back that a pronoun may reach
NOMINAL_WINDOW = 6
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
PRONOUNS = MALE | FEMALE | NEUTER | PLURAL
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
SPEECH = frozenset("say tell add state declare insist warn note stress explain ask reply announce".split())
EXPLETIVE_HEADS = frozenset({"seem", "appear", "happen", "matter", "remain", "look", "rain", "take", "emerge"})
#: head nouns of nominals that are not agent phrases, and the kinds they refer to
NOMINAL_NOUNS = {
    "country": ("state",),
    "nation": ("state",),
    "kingdom": ("state",),
    "republic": ("state",),
    "alliance": ("igo",),
    "bloc": ("igo",),
    "organization": ("igo", "group"),
    "organisation": ("igo", "group"),
    "union": ("igo",),
    "body": ("igo",),
    "agency": ("igo",),
    "group": ("group",),
    "movement": ("group",),
}
ROLE_WORDS = {
    "president": ("president", "head_of_state"),
    "minister": ("minister", "foreign_minister", "defence_minister", "prime_minister"),
    "premier": ("prime_minister", "head_of_government"),
    "chancellor": ("head_of_government",),
    "secretary": ("foreign_minister", "secretary"),
    "king": ("monarch", "head_of_state"),
}
#: words at which a pronoun or nominal may start
TRIGGERS = PRONOUNS | FIRST_SINGULAR | FIRST_PLURAL | PAIR_NOUNS | KOREAS | frozenset(NOMINAL_NOUNS)
GOV_COLLECTIVE = frozenset({"government", "administration", "regime", "authorities", "cabinet", "leadership", "junta"})
MILITARY = frozenset({"general", "commander"})
#: dependencies of noun-phrase heads (those of spaCy's English noun_chunks)
NP_DEPS = frozenset("oprd nsubj dobj nsubjpass pcomp pobj dative appos attr ROOT".split())
#: nouns that, as "it is a ...", describe an actor ("it was a country that ...")
ACTOR_NOUNS = frozenset("country nation state power member partner ally neighbour neighbor friend party".split())
#: sectors of groups that are not organs of a state
NON_STATE = frozenset({"REB", "INS", "RAD", "UAF", "OPP", "PTY", "NGO", "IMG", "SEP"})
ACTOR_KINDS = frozenset({"state", "capital", "person", "igo", "group", "agent"})
#: kinds of unresolved mentions that may still be a pronoun's antecedent
UNKNOWN_OK = frozenset({"person", "agent", "group"})


def index_refs(mentions: list[Mention]) -> list[Mention]:
    """Turn ``ref`` and ``members`` held as mention dicts into indices into the list."""
    index = {id(m): k for k, m in enumerate(mentions)}
    for m in mentions:
        ref = m.get("ref")
        if isinstance(ref, dict):
            m["ref"] = index.get(id(ref))
        if isinstance(m.get("owner"), dict):
            m["owner"] = index.get(id(m["owner"]))
        for key in ("members", "compound"):
            if isinstance(m.get(key), list):
                m[key] = [index[id(x)] for x in m[key] if isinstance(x, dict) and id(x) in index]
    return mentions


class _LazyChunks:
    """(start, root, plural) of the Doc's noun-phrase chunks, computed on first use."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.items: list[tuple[int, int, bool]] | None = None

    def __iter__(self):
        if self.items is None:
            self.items = self._chunks()
        return iter(self.items)

    def _chunks(self) -> list[tuple[int, int, bool]]:
        """Noun-phrase heads as spaCy's English noun_chunks finds them, read from arrays (faster)."""
        doc = self.doc
        pos, dep, tag = (token_strings(doc, a) for a in ("POS", "DEP", "TAG"))
        rel = doc.to_array("HEAD").astype("int64").tolist()  # head offsets (stored unsigned)
        out: list[tuple[int, int, bool]] = []
        prev_end = -1
        for i in range(len(doc)):
            if pos[i] not in ("NOUN", "PROPN", "PRON"):
                continue
            d = dep[i]
            if d == "conj":  # a conjunct counts when the phrase it joins does
                h = i + rel[i]
                while dep[h] == "conj" and rel[h] < 0:
                    h += rel[h]
                d = dep[h]
            if d not in NP_DEPS:
                continue
            start = doc[i].left_edge.i
            if start <= prev_end:
                continue
            prev_end = i
            if pos[i] != "PRON":
                out.append((start, i, tag[i] in ("NNS", "NNPS")))
        return out


class Coreference:
    """Adds pronoun and nominal mentions (and links nominal agents) for one Doc."""

    def __init__(self, doc: Doc, mentions: list[Mention], lows: list[str] | None = None):
        self.doc, self.mentions = doc, mentions
        self.lows = lows if lows is not None else lower_words(doc)
        self.sent_of = [0] * len(doc)
        for k, s in enumerate(doc.sents):
            self.sent_of[s.start : s.end] = [k] * (s.end - s.start)
        self.speaker_at = self._quote_speakers(mentions)
        self.covered = bytearray(len(doc))
        for m in mentions:
            self.covered[m["start"] : m["end"]] = b"\x01" * (m["end"] - m["start"])

    def run(self) -> list[Mention]:
        """All mentions, with pronouns and nominals added, sorted, refs as indices."""
        ordered = sorted(self.mentions, key=lambda m: m["start"])
        halves(self, ordered)
        starts = {m["start"]: m for m in ordered}
        nps = _LazyChunks(self.doc)
        lows = self.lows
        for i in sorted(set(starts) | {i for i, w in enumerate(lows) if w in TRIGGERS}):
            m = starts.get(i)
            if m is not None and not m.get("members") and lows[m["end"] - 1] in PAIR_NOUNS:
                if add_pair(self, m["end"] - 1, ordered, existing=m) is not None:
                    continue
            if (
                m is not None
                and m.get("ref") is None
                and not m.get("members")
                and (m["kind"] == "nominal" or (m["kind"] == "agent" and self._definite(m)))
            ):
                self._nominal_agent(m, ordered)
            elif m is not None and not m.get("code") and self._unknown_person(m.get("ref")):
                self._named_again(m, ordered)
            if self.covered[i] or lows[i] not in TRIGGERS:
                continue
            new = self._at(self.doc[i], ordered, nps)
            if new is not None:
                bisect.insort(ordered, new, key=lambda x: x["start"])
        for m in ordered:  # "the group's fighters": a nominal's possession, once it is resolved
            if m["kind"] == "nominal" and m.get("code") and m["end"] + 1 < len(lows) and lows[m["end"]] in ("'s", "’s"):
                self._owned_agent(m["end"] + 1, m, ordered)
        return index_refs(ordered)

    # --- candidates -------------------------------------------------------------------

    def _before(self, ordered: list[Mention], pos: int, window: int, people: bool = False) -> list[Mention]:
        """Actor mentions ending before token pos, nearest first, within the window.

        ``people``: actors the dictionary does not know count too ("Melanie ... she", "Islamic
        fundamentalists continued their strike"): the pronoun is theirs, even without a code.
        """
        floor = self.sent_of[pos] - window if pos < len(self.sent_of) else 0
        out = []
        for m in reversed(ordered):
            if m["end"] > pos or m.get("dateline"):
                continue
            if self.sent_of[m["start"]] < floor:
                break
            if m.get("code") or m.get("members") or (people and self._salient_unknown(m, pos)):
                out.append(m)
        return out

    def _salient_unknown(self, m: Mention, pos: int) -> bool:
        """An unresolved person, or an unresolved agent or group that is a subject or in the same sentence."""
        kind = self.root(m)["kind"]
        if kind == "person":
            return True
        if kind not in UNKNOWN_OK:
            return False
        same = self.sent_of[m["start"]] == self.sent_of[min(pos, len(self.sent_of) - 1)]
        return same or self.doc[m["start"] : m["end"]].root.dep_ in ("nsubj", "nsubjpass")

    def _reporter_first(self, t: Token, cands: list[Mention]) -> tuple[list[Mention], Mention | None]:
        """'China, Myanmar's neighbour, said it ...': the subject of the governing verb comes first."""
        if not t.dep_.startswith("nsubj") or t.head.dep_ != "ccomp":
            return cands, None
        subj = next((c.i for c in t.head.head.children if c.dep_ == "nsubj"), None)
        first = [m for m in cands if subj is not None and m["start"] <= subj < m["end"]]
        if not first:
            return cands, None
        return first + [m for m in cands if m is not first[0]], first[0]

    def _clause_subject(self, t: Token) -> int | None:
        """The subject of the verb an object pronoun depends on ("Wang met him": not Wang)."""
        if t.tag_ == "PRP$" or t.dep_ not in ("dobj", "dative", "pobj", "iobj"):
            return None
        verb = t.head.head if t.dep_ == "pobj" else t.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj.i if subj is not None else None

    def _definite(self, m: Mention) -> bool:
        return self.doc[m["start"]].lower_ == "the" or (m["start"] > 0 and self.doc[m["start"] - 1].lower_ == "the")

    @staticmethod
    def root(m: Mention) -> Mention:
        """The mention a chain of references ends at."""
        seen = 0
        while isinstance(m.get("ref"), dict) and seen < 20:
            m, seen = m["ref"], seen + 1
        return m

    def _copy(self, target: Mention, source: Mention) -> None:
        src = self.root(source)
        for key in ("code", "country", "igo", "name"):
            target[key] = src.get(key) if key != "name" or not target.get("name") else target["name"]
        target["sectors"] = list(src.get("sectors") or [])
        target["ref"] = src
        for key in ("gender", "role"):
            if key in src and key not in target:
                target[key] = src[key]
        members = source.get("members") or src.get("members")
        if members and "members" not in target:
            target["members"] = list(members)

    # --- pronouns ---------------------------------------------------------------------

    def _at(self, t: Token, ordered: list[Mention], nps: _LazyChunks) -> Mention | None:
        """A pronoun or nominal noun at token t, resolved (None if it is neither or unresolved)."""
        low = t.lower_
        if low in FIRST_SINGULAR or low in FIRST_PLURAL:
            speaker = self.speaker_at.get(t.i)
            return self._new(t.i, t.i + 1, "pronoun", speaker) if speaker is not None else None
        if low in PAIR_NOUNS or low in KOREAS:
            return add_pair(self, t.i, ordered)
        if (low in PRONOUNS and t.pos_ == "PRON") or (low in ("his", "its", "their", "her") and t.tag_ == "PRP$"):
            ante = self._pronoun(t, ordered, nps)
            if ante is None:
                return None
            m = self._new(t.i, t.i + 1, "pronoun", ante)
            if low in PLURAL and isinstance(ante.get("compound"), list):
                m["members"] = list(ante["compound"])  # "they" = all members of "A and B"
            if t.tag_ == "PRP$":
                self._owned_agent(t.i + 1, m, ordered)
            return m
        if low in NOMINAL_NOUNS:
            return self._noun(t, ordered)
        return None

    def _new(self, start: int, end: int, kind: str, ante: Mention | None) -> Mention:
        span = self.doc[start:end]
        m: Mention = {
            "start": start,
            "end": end,
            "start_char": span.start_char,
            "end_char": span.end_char,
            "text": span.text,
            "name": None,
            "code": None,
            "country": None,
            "igo": None,
            "sectors": [],
            "kind": kind,
            "ref": None,
        }
        if ante is not None:
            self._copy(m, ante)
        self.covered[start:end] = b"\x01" * (end - start)
        return m

    def _pronoun(self, t: Token, ordered: list[Mention], nps: _LazyChunks) -> Mention | None:
        low = t.lower_
        cands = self._before(ordered, t.i, WINDOW, people=True)
        subj = self._clause_subject(t) if not low.endswith("self") else None
        if subj is not None:
            cands = [m for m in cands if not m["start"] <= subj < m["end"]]
        cands, reporter = self._reporter_first(t, cands)
        if low in MALE or low in FEMALE:
            want = "m" if low in MALE else "f"
            persons = [m for m in cands if self.root(m).get("kind") == "person" or m.get("gender")]
            exact = next((m for m in persons if self.root(m).get("gender") == want), None)
            return exact or next((m for m in persons if not self.root(m).get("gender")), None)
        if low in ("itself", "themselves"):
            return self._reflexive(t, ordered)
        if low in NEUTER:
            if low == "it" and (self._expletive(t) or not t.dep_.startswith("nsubj")):
                return None
            ante = next((m for m in cands if self._singular_thing(m)), None)
        else:
            ante = next((m for m in cands if self._plural(m)), None)
            if ante is None:  # news style: "they"/"their" for a state or organisation named just before
                ante = next(
                    (
                        m
                        for m in cands
                        if self.sent_of[m["start"]] == self.sent_of[t.i]
                        and self._singular_thing(m)
                        and self.root(m)["kind"] in ("state", "igo")
                    ),
                    None,
                )
        if ante is None or (ante is not reporter and self._closer_thing(t, ante, nps, low in PLURAL)):
            return None
        return ante

    def _owned_agent(self, i: int, owner: Mention, ordered: list[Mention]) -> None:
        """'their forces', 'its army': an agent without a country takes its owner's."""
        agent = next((m for m in ordered if m["start"] == i and m["kind"] in ("agent", "nominal")), None)
        country = owner.get("country")
        if agent is None or agent.get("code") or not country or owner.get("igo"):
            return
        if self.root(owner)["kind"] == "group":  # "its spokesman" of Al Shabaab speaks for Al Shabaab
            agent["code"], agent["sectors"] = owner.get("code"), list(owner.get("sectors") or [])
        else:
            agent["code"] = (owner.get("code") or country)[:3] + "".join(agent.get("sectors") or [])
        agent["country"] = country
        agent["owner"] = owner
        person = agent.get("ref")
        if isinstance(person, dict) and person.get("kind") == "person" and not person.get("code"):
            person.update(code=agent["code"], country=country, sectors=list(agent.get("sectors") or []))

    # --- quotations -------------------------------------------------------------------

    def _quote_speakers(self, mentions: list[Mention]) -> dict[int, Mention]:
        """Token -> the speaker of the direct quotation it is in ("...," Clinton said)."""
        marks = [i for i, w in enumerate(self.lows) if w in QUOTE_MARKS]
        out: dict[int, Mention] = {}
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            speaker = self._speaker(b, mentions) or self._speaker_before(a, mentions)
            if speaker is not None:
                for i in range(a + 1, b):
                    out[i] = speaker
        return out

    def _speaker(self, close: int, mentions: list[Mention]) -> Mention | None:
        """The subject of a speech verb right after a closing quote."""
        for t in self.doc[close + 1 : min(len(self.doc), close + 8)]:
            if t.lemma_ in SPEECH:
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                return self._mention_at(subj.i, mentions) if subj is not None else None
            if t.is_sent_end:
                break
        return None

    def _speaker_before(self, open_: int, mentions: list[Mention]) -> Mention | None:
        """'Clinton said: "..."' -- the subject of a speech verb just before an opening quote."""
        for t in reversed(self.doc[max(0, open_ - 6) : open_]):
            if t.lemma_ in SPEECH:
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                return self._mention_at(subj.i, mentions) if subj is not None else None
        return None

    def _mention_at(self, i: int, mentions: list[Mention]) -> Mention | None:
        m = next((m for m in mentions if m["start"] <= i < m["end"]), None)
        if m is None:
            return None
        return m if m.get("code") or m.get("ref") is not None or m["kind"] == "person" else None

    def _closer_thing(self, t: Token, ante: Mention, nps: _LazyChunks, plural: bool) -> bool:
        """True when a non-actor noun phrase of the pronoun's number sits between it and the actor."""
        for start, root, is_plural in nps:
            if ante["end"] <= start and root < t.i and is_plural == plural and not self.covered[root]:
                if self.sent_of[root] == self.sent_of[t.i] or self.sent_of[ante["start"]] < self.sent_of[root]:
                    return True
        return False

    def _reflexive(self, t: Token, ordered: list[Mention]) -> Mention | None:
        """'itself', 'themselves': the subject of their clause, when it is an actor."""
        verb = t.head
        while verb.dep_ in ("xcomp", "advcl", "ccomp", "aux") and verb.head is not verb:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                break
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        return next((m for m in ordered if m["start"] <= subj.i < m["end"] and m.get("code")), None)

    def _expletive(self, t: Token) -> bool:
        head = t.head
        if t.dep_ == "expl" or head.lemma_ in EXPLETIVE_HEADS:
            return True
        attr = next((c for c in head.children if c.dep_ == "attr"), None)
        if (
            head.lemma_ == "be"
            and attr is not None
            and attr.pos_ == "NOUN"
            and not self.covered[attr.i]
            and attr.lemma_ not in ACTOR_NOUNS
        ):
            return True  # "it was the largest expulsion": a thing, not an actor
        deps = {c.dep_ for c in head.children}
        return head.lemma_ == "be" and bool(deps & {"acomp", "attr"}) and bool(deps & {"ccomp", "xcomp", "csubj"})

    def _singular_thing(self, m: Mention) -> bool:
        r = self.root(m)
        if r["kind"] in ("person", "pronoun") or m.get("locative") or m.get("demonym") or m.get("members"):
            return False
        return r["kind"] in ("state", "capital", "igo", "group") or (r["kind"] == "agent" and not self._plural(m))

    def _plural(self, m: Mention) -> bool:
        if m.get("members") or m.get("compound"):
            return True
        last = self.doc[m["end"] - 1]
        return m["kind"] in ("agent", "group", "state", "nominal") and last.tag_ in ("NNS", "NNPS")

    # --- nominals -------------------------------------------------------------------

    def _nominal_agent(self, m: Mention, ordered: list[Mention]) -> None:
        """'the minister', 'the government', 'the Russian president' -> their antecedent."""
        head = self.doc[m["end"] - 1].lemma_.lower()
        cands = self._before(ordered, m["start"], NOMINAL_WINDOW)
        roles = ROLE_WORDS.get(head)
        if roles or head in ("spokesman", "ambassador", "envoy", "leader", "official", "commander", "general"):
            ante = next((c for c in cands if self._person_fits(c, head, roles, m)), None)
            if ante is not None:
                code = m.get("code")
                self._copy(m, ante)
                if code and m["kind"] == "agent":
                    m["code"] = code  # a coded nominal keeps its own code, gains the name
                m["kind"] = "nominal"
            elif not m.get("code"):
                same = self._same_noun(m, cands)
                if same is not None:  # "the ministers" after "European Union foreign ministers"
                    self._copy(m, same)
                else:  # "... unless the president agrees": its government; "the generals": its military
                    self._office_of(m, self._before(ordered, m["start"], 1), "MIL" if head in MILITARY else "GOV")
            return
        if m.get("code"):
            return
        named = self._named_by_head(head, cands) or self._same_noun(m, cands)
        if named is not None:  # "the court" after "the International Criminal Court"
            self._copy(m, named)
            m["kind"] = "nominal"
            return
        if head in GOV_COLLECTIVE:
            ante = next((c for c in cands if c.get("country") and not c.get("igo")), None)
            if ante is not None:
                country = ante["country"]
                m.update(code=(ante.get("code") or country)[:3] + "GOV", country=country, sectors=["GOV"], ref=ante)
            return
        kinds = NOMINAL_NOUNS.get(head)
        if kinds and self.doc[m["end"] - 1].tag_ == "NN":  # "the Islamist group" -> the last group named
            ante = self._nominal_antecedent(cands, kinds)
        else:
            ante = next((c for c in cands if c.get("sectors") == m.get("sectors") and c.get("country")), None)
        if ante is not None:
            self._copy(m, ante)

    def _non_state(self, c: Mention) -> bool:
        """A group that is no organ of a state (rebels, militants, parties, NGOs): "the group" may be it."""
        r = self.root(c)
        code = r.get("code") or ""
        return code[:3] in ("IMG", "NGO", "MNC") or bool(set(r.get("sectors") or []) & NON_STATE)

    @staticmethod
    def _unknown_person(m: Any) -> bool:
        return isinstance(m, dict) and m.get("kind") == "person" and not m.get("code")

    def _named_again(self, m: Mention, ordered: list[Mention]) -> None:
        """'the captain of a Chinese trawler ... The captain, Zhan Qixiong,': the name takes the first's code."""
        same = self._same_noun(m, self._before(ordered, m["start"], NOMINAL_WINDOW))
        if same is None or not self._definite(m):
            return
        person = m["ref"]
        for x in (m, person):
            x.update(
                code=same["code"],
                country=same.get("country"),
                igo=same.get("igo"),
                sectors=list(same.get("sectors") or []),
            )

    def _same_noun(self, m: Mention, cands: list[Mention]) -> Mention | None:
        """The last coded agent with the same head noun ("the rebels" -> "Rwandan rebels")."""
        head = self.doc[m["start"] : m["end"]].root.lemma_.lower()
        for c in cands:
            if (
                c["kind"] in ("agent", "nominal")
                and c.get("code")
                and head in (self.doc[c["start"] : c["end"]].root.lemma_.lower(), self.doc[c["end"] - 1].lemma_.lower())
            ):
                return c
        return None

    def _named_by_head(self, head: str, cands: list[Mention]) -> Mention | None:
        """The organisation whose name ends with the nominal's noun ("the court", "the council")."""
        for c in cands:
            r = self.root(c)
            if r["kind"] in ("igo", "group") and r.get("name") and r["name"].split()[-1].lower() == head:
                return c
        return None

    def _office_of(self, m: Mention, cands: list[Mention], sector: str) -> None:
        """An office holder with no person named: the government (or military) of the country just named."""
        others = self._governing_subjects(self.doc[m["start"] : m["end"]].root)
        ante = next(
            (
                c
                for c in cands
                if c.get("country")
                and not c.get("igo")
                and not c.get("context")
                and not any(c["start"] <= i < c["end"] for i in others)
            ),
            None,
        )
        if ante is not None:
            country = ante["country"]
            m.update(code=(ante.get("code") or country)[:3] + sector, country=country, sectors=[sector], ref=ante)

    @staticmethod
    def _governing_subjects(t: Token) -> set[int]:
        """Subjects of the verbs above a phrase ("Washington demanded that the generals ..."): not it."""
        out: set[int] = set()
        head = t.head
        for _ in range(12):
            if head.i == t.i:
                break
            out.update(c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != t.i)
            t, head = head, head.head
        return out

    def _person_fits(self, c: Mention, head: str, roles: tuple[str, ...] | None, m: Mention) -> bool:
        r = self.root(c)
        if r.get("kind") != "person" or not r.get("code"):
            return False
        if m.get("country") and r.get("country") != m.get("country"):
            return False
        title = (c.get("title") or r.get("title") or "").lower()
        if head in title or (roles is not None and r.get("role") in roles):
            return True
        # role unknown: a coded nominal ("the Russian president") takes the last person of its country and sector
        return (
            bool(m.get("country"))
            and not r.get("role")
            and not title
            and bool(set(m.get("sectors") or []) & set(r.get("sectors") or []))
        )

    def _noun(self, t: Token, ordered: list[Mention]) -> Mention | None:
        """'the country', 'the alliance', 'the Islamist group', 'the oil-rich kingdom'."""
        start = t.i - 1
        while (
            start >= t.i - 3
            and start >= 0
            and self.doc[start].tag_ in ("JJ", "NNP", "HYPH", "VBN")
            and not self.covered[start]
        ):
            start -= 1
        if start < 0 or self.doc[start].lower_ != "the" or t.tag_ != "NN":
            return None
        if start < t.i - 1 and NOMINAL_NOUNS[t.lower_] == ("group",):
            return None  # "the militant group": too often a group never named (and no country)
        cands = self._before(ordered, t.i, NOMINAL_WINDOW)
        ante = self._nominal_antecedent(cands, NOMINAL_NOUNS[t.lower_])
        return self._new(start, t.i + 1, "nominal", ante) if ante is not None else None

    def _nominal_antecedent(self, cands: list[Mention], kinds: tuple[str, ...]) -> Mention | None:
        """The nearest earlier mention of one of the kinds a common noun names ("the group", "the ministry")."""
        for c in cands:
            if self.root(c)["kind"] in kinds and not c.get("demonym") and (kinds != ("group",) or self._non_state(c)):
                return c
        return None
