"""Who did it and to whom: the source and target mentions of a coded act.

A verb's source is its subject (the by-agent of a passive), else the actor it inherits from
the verb or noun it depends on (control, coordination, participles, relative clauses). Its
target is its object, else a prepositional object, else an actor inside its object; a place
("in Baghdad") is a target only for acts done to places (protests, violence, visits, aid).
Reactions to an act reported before ("Iran condemned the decision") take that act's source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .clause import TARGET_NP_PREPS, Parse
from .context import Context, Situator
from .lexicon import Lexicon
from .match import Act

#: prepositions that lead from a verb to its target, in order of preference
TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "upon", "for", "from", "over",
                "about", "of", "between", "among", "across", "inside", "around", "near")  # fmt: skip
RELATIVE = frozenset({"which", "who", "that", "whom"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our", "my"})
#: sectors of the state itself: two of them in one country are one side, not an interaction
STATE_SECTORS = frozenset({"GOV", "MIL", "ELI", "COP", "SPY", "LEG", "PTY", "UAF"})
#: people a demonym can qualify who are not the state ("two Iraqi youths", "Qatari citizens")
CIVILIANS = frozenset({"youth", "civilian", "refugee", "people", "resident", "villager", "student", "worker", "child",
                       "protester", "demonstrator", "citizen", "national", "woman", "man", "farmer", "fisherman",
                       "tourist", "journalist", "pilgrim", "minority", "family", "victim", "prisoner", "detainee",
                       "hostage", "migrant", "businessman", "dissident", "activist", "teenager"})  # fmt: skip


@dataclass
class Raw:
    """An event before it is written out: mention indices, token span, rule, confidence."""

    code: str
    source: int | None
    target: int | None
    trigger: tuple[int, int]
    rule: str
    confidence: float


class Roles:
    """Source and target finding, shared by the verb and noun coders."""

    p: Parse
    lex: Lexicon
    situ: Situator
    verb_acts: dict[int, Act]
    noun_acts: dict[int, Act]
    absorbed: dict[int, int]
    history: list[Raw]

    def _governor_of_noun(self, n: int) -> tuple[int, bool]:
        raise NotImplementedError  # in Nominal

    def _noun_targets(self, n: int, code: str) -> list[int]:
        raise NotImplementedError  # in Nominal

    def _sources(self, i: int, ctx: Context, depth: int = 0) -> tuple[list[int], bool]:
        """Mentions that do act i; and whether a passive without agent leaves the source open."""
        p = self.p
        if depth > 6:
            return [], False
        if p.is_passive(i) and p.pos[i] == "VERB" and self._stative_passive(i):
            subj = p.child(i, "nsubjpass")
            return (p.np_actors(subj) if subj >= 0 else []), False
        if p.is_passive(i) and p.pos[i] == "VERB":
            agents = [o for prep, o in p.prep_objects(i, ("by",))]
            agents += [o for k in p.children(i, "agent") for o in p.children(k, "pobj")]
            found = [m for a in agents for m in p.np_actors(a)]
            if not found:  # "were killed in Israeli tank shelling": the shelling's owner did it
                for _prep, o in p.prep_objects(i, ("in", "by", "during")):
                    act = self.noun_acts.get(o)
                    if act and act.code and act.code[:2] >= "18":
                        found = [m for k in p.kids[o] if p.dep[k] in ("amod", "compound", "poss", "nmod")
                                 for m in p.np_actors(k, 1, frozenset())]  # fmt: skip
                        if found:
                            return found, False
            return found, not found and any(p.dep[k] == "auxpass" for k in p.kids[i])
        framed = ctx.frame in ("intent", "threat", "reject", "prepare")
        if framed and ctx.gov >= 0 and p.pos[ctx.gov] in ("VERB", "AUX"):
            found = self._sources(ctx.gov, self.situ.situate(ctx.gov), depth + 1)[0]
            if found:  # "the two sides agreed that their countries should cooperate": the two sides intend
                return found, False
        subjs = p.children(i, ("nsubj", "csubj"))
        for subj in subjs[:-1]:  # "BRUSSELS -- EU ministers imposed": a dateline parsed as a second subject
            found = p.np_actors(subj)
            if found:
                return found, False
        subj = subjs[-1] if subjs else -1
        if subj >= 0:
            found = p.np_actors(subj) or [m for _q, o in p.prep_objects(subj, ("by",)) for m in p.np_actors(o)]
            if found:  # "Iran", "a report by United Nations experts"
                return found, False
            if p.lower[subj] in RELATIVE and p.dep[i] == "relcl":
                return p.np_actors(p.head[i]), False
            if p.lower[subj] in PRONOUNS and ctx.speaker >= 0:
                found = self._sources(ctx.speaker, self.situ.situate(ctx.speaker), depth + 1)[0]
                if p.lower[subj] == "it" and any(self._plural(m) for m in found):
                    return [], False  # "fighters shot down a warplane, saying it had violated ...": not them
                return found, False
            noun_act = self.noun_acts.get(subj)
            return [], bool(noun_act and noun_act.code and noun_act.code[:2] >= "18")  # "a bombing killed X"
        g = ctx.inherit
        if g < 0 or g == i:
            return self._left_subject(i), False
        if ctx.inherit_object:
            return self._objects(g), False
        if p.pos[g] in ("NOUN", "PROPN", "PRON"):
            found = p.np_actors(g)
            if not found:  # "issued a declaration demanding ...": the declaration's author
                v, _ = self._governor_of_noun(g)
                if v >= 0:
                    found = self._sources(v, self.situ.situate(v), depth + 1)[0]
            return found, False
        return self._sources(g, self.situ.situate(g), depth + 1)[0], False

    def _plural(self, m: int) -> bool:
        """A mention headed by a plural noun ("Turkish F-16 fighters")."""
        p, end = self.p, self.p.mentions[m].get("end", 0)
        return 0 < end <= p.n and p.tag[end - 1] in ("NNS", "NNPS") and not p.mentions[m].get("members")

    def _left_subject(self, i: int) -> list[int]:
        """A finite main verb the parser left without subject: the actors just before it.

        "With the signing of X, the Sudanese government and SPLM/A have agreed": the subject was
        attached to the fronted phrase.
        """
        p = self.p
        if p.dep[i] != "ROOT" or not any(p.tag[x] in ("VBD", "VBZ", "VBP", "MD") for x in [i] + p.kids[i]):
            return []
        k = min([i] + [x for x in p.kids[i] if p.dep[x] in ("aux", "auxpass", "neg", "advmod") and x < i]) - 1
        while k >= 0 and p.pos[k] in ("PUNCT", "ADV") and p.lower[k] != ",":
            k -= 1
        if k < 0 or p.ment[k] < 0:
            return []
        while p.dep[k] == "conj" and p.pos[p.head[k]] in ("NOUN", "PROPN") and p.ment[p.head[k]] >= 0:
            k = p.head[k]  # the first member of "the Sudanese government and SPLM/A"
        return p.np_actors(k)

    def _key(self, m: int | None) -> str | None:
        if m is None:
            return None
        return self.p.mentions[m].get("country") or self.p.mentions[m].get("igo")

    def _same_key(self, a: int, b: int) -> bool:
        """Two mentions of one country or organisation ("China" and "Chinese")."""
        ka = self.p.mentions[a].get("country") or self.p.mentions[a].get("igo")
        return a == b or (ka is not None and ka == (self.p.mentions[b].get("country") or self.p.mentions[b].get("igo")))

    def _mutual(self, i: int, ctx: Context) -> bool:
        """An act its coordinated subjects do with each other: meet, agree, sign, clash, "reach agreement"."""
        p = self.p
        heads = [x for x in [i, ctx.gov, self.absorbed.get(i, -1)] + p.children(i, "dobj") if x >= 0]
        heads += [o for prep, o in p.prep_objects(i, ("for", "to", "in"))]  # "return to Geneva for talks"
        return any(self.lex.is_a(p.lemma[x], "RECIPROCAL") for x in heads)

    def _owned_by(self, t: int, srcs: list[int]) -> bool:
        """'its troops', 'their forces': the source's own people, not a target."""
        p = self.p
        m = p.mentions[t]
        key = m.get("country") or m.get("igo")
        for x in range(m.get("start", 0), m.get("end", 0)):
            for k in p.kids[x] if 0 <= x < p.n else ():
                if p.dep[k] == "poss" and p.pos[k] == "PRON" and p.ment[k] >= 0:
                    owner = p.mentions[p.ment[k]]
                    if (owner.get("country") or owner.get("igo")) == key and any(
                        (p.mentions[s].get("country") or p.mentions[s].get("igo")) == key for s in srcs
                    ):
                        return True
        return False

    def _subject_of(self, i: int) -> int:
        """A verb's subject token, through coordination ("that Russia halt ... and withdraw")."""
        p = self.p
        for _ in range(6):
            subj = p.child(i, ("nsubj", "nsubjpass"))
            if subj >= 0 or p.dep[i] != "conj":
                return subj
            i = p.head[i]
        return -1

    def _stative_passive(self, i: int) -> bool:
        """'is committed to', 'is determined to': a passive form whose subject is the actor."""
        p = self.p
        if any(p.dep[k] == "agent" for k in p.kids[i]):
            return False
        return any(self.lex.is_a(w, c) for w, c in ((p.lemma[i], "INTENT"), (p.lower[i], "INTENT_ADJ"),
                                                   (p.lower[i], "FUTURE_ADJ")))  # fmt: skip

    def _place_in_subject(self, i: int) -> list[int]:
        """The place an unattributed attack came from, when its subject names one ("a bombing near X")."""
        p = self.p
        subj = p.child(i, ("nsubj",))
        if subj < 0:
            return []
        act = self.noun_acts.get(subj)
        if not act or not act.code or act.code[:2] < "18":
            return []  # only an attack named as the subject ("a bombing", "an explosion")
        for x in p.subtree(subj):
            m = p.ment[x]
            if m < 0 or p.dep[x] != "pobj":
                continue
            prep = p.lemma[p.head[x]]
            outer = p.lemma[p.head[p.head[p.head[x]]]] if prep == "of" else ""  # "near the town of X"
            if prep in ("near", "in", "outside") or outer in ("near", "in", "outside"):
                return [m]
        return []

    def _objects(self, i: int) -> list[int]:
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] in ("dobj", "dative", "nsubjpass"):
                found = p.np_actors(k, 1, frozenset())
                if found:
                    return found
        for _prep, o in p.prep_objects(i, ("on", "upon", "to")):
            found = p.np_actors(o, 1, frozenset())
            if found:
                return found
        return []

    def _targets(self, i: int, ctx: Context, code: str, srcs: list[int] | None = None) -> list[int]:
        """Mentions act i is done to: its object, its prepositional objects, actors in its object.

        ``code`` is the act's own code (before any frame): it decides whether a place ("in
        Baghdad") can be a target, as it is for protests and violence, not for meetings. The
        source's own side is looked past ("halting U.S. funding for the WHO": the WHO).
        """
        p, before = self.p, self.p.exclude
        own = [self._own_side(s) for s in srcs or []]
        p.exclude = before.union(*own) if own else before
        try:
            return self._find_targets(i, ctx, code, srcs)
        finally:
            p.exclude = before

    def _own_side(self, s: int) -> frozenset[int]:
        """The other mentions of source s's own side (cached per source and mention count)."""
        cache: dict[tuple[int, int], frozenset[int]] = self.__dict__.setdefault("_own_cache", {})
        key = (s, len(self.p.mentions))
        if key not in cache:
            k = self._key(s)
            cache[key] = frozenset(m for m, mm in enumerate(self.p.mentions) if m != s and k is not None
                                   and (mm.get("country") or mm.get("igo")) == k and self._one_side(s, m))  # fmt: skip
        return cache[key]

    def _find_targets(self, i: int, ctx: Context, code: str, srcs: list[int] | None = None) -> list[int]:
        p = self.p

        given = srcs or []
        place_ok = code[:2] >= "14" or code[:3] in ("042", "043", "154", "054") or code[:2] in ("07", "08", "09")
        deep = TARGET_NP_PREPS if place_ok else TARGET_NP_PREPS - {"in", "at", "within", "inside", "throughout"}

        def other(found: list[int]) -> list[int]:
            return [t for t in found if t not in given and not any(self._one_side(x, t) for x in given)
                    and not self._owned_by(t, given)]  # fmt: skip

        if ctx.target_from >= 0:
            return other(p.np_actors(ctx.target_from))
        passive = p.is_passive(i) and not self._stative_passive(i)
        objs = [k for k in p.kids[i] if p.dep[k] in (("nsubjpass",) if passive else ("dobj", "attr", "oprd"))]
        # "rammed and boarded Philippine boats", parsed with the boats as a conjunct of the verb
        objs += [k for k in p.kids[i] if p.dep[k] == "conj" and p.pos[k] in ("NOUN", "PROPN") and not passive]
        for k in objs:
            found = other(p.np_actors(k, 1, frozenset(), True, place_ok))
            if found:
                return found
        if passive and objs:  # "X was arrested ... for collaborating with Y": the target is X
            return other(p.np_actors(objs[0], 3, TARGET_NP_PREPS, True, place_ok))
        for k in p.kids[i]:
            if p.dep[k] == "dative" and p.pos[k] != "ADP":
                found = other(p.np_actors(k, 1, frozenset()))
                if found:
                    return found
        preps: dict[str, list[int]] = {}
        for prep, o in p.prep_objects(i):
            preps.setdefault(prep, []).append(o)
        extra = (("at",) if code[:2] >= "14" else ()) + (("in",) if place_ok else ())
        allowed = (("from",) if code[:3] in ("087", "166", "161") else ()) + TARGET_PREPS + extra
        if len(given) > 1 and self._mutual(i, ctx):
            # "Israel and Hamas agreed to a truce": the truce is no target; each side is the other's
            withs = p.prep_objects(i, ("with",)) + [
                x for k in p.children(i, "dobj") for x in p.prep_objects(k, ("with",))
            ]
            return other([m for _prep, o in withs for m in p.np_actors(o, 2)])
        for prep in allowed:
            for o in preps.get(prep, ()):
                found = other(p.np_actors(o, 2, deep, True, place_ok))
                if not found:  # "to its military base in Qatar": past the source's own base
                    inner = [x for q, x in p.prep_objects(o) if q in deep]
                    found = other([m for x in inner for m in p.np_actors(x, 1, deep, True, place_ok)])
                if found:
                    return found
        for k in objs:
            found = other(p.np_actors(k, 4, deep, True, place_ok))
            if found:
                return found
        n = self.absorbed.get(i)
        if n is not None:
            found = other(self._noun_targets(n, code))
            if found:
                return found
        found = other(self._purpose_targets(i))  # "sent troops to help the Malian army", "struck to demand ..."
        if found:
            return found
        for c in p.kids[i]:  # "attacked and occupied Georgia": the object of the last verb is shared
            if p.dep[c] == "conj" and p.pos[c] == "VERB" and not p.children(c, ("nsubj", "nsubjpass")):
                for k in p.children(c, ("dobj",)):
                    found = other(p.np_actors(k, 1, frozenset(), True, place_ok))
                    if found:
                        return found
        if code[:2] == "12":  # "rejected an invitation to attend a meeting of Palestinian factions"
            found = other([m for k in objs for m in self._proposed_targets(k)])
            if found:
                return found
        return other(self._complement_targets(i))

    def _proposed_targets(self, k: int) -> list[int]:
        """Who a proposal is about: the object of its infinitive ("an invitation to attend a meeting of X")."""
        p = self.p
        for c in p.kids[k]:
            if p.dep[c] == "acl" and p.infinitive(c):
                for d in p.children(c, "dobj"):
                    found = p.np_actors(d, 3, skip_poss=True)
                    if found:
                        return found
        return []

    def _purpose_targets(self, i: int) -> list[int]:
        """A protest's target is whom its demands address: "struck to demand the resignation of X"."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] in ("advcl", "xcomp") and p.infinitive(k):
                for d in p.kids[k]:
                    if p.dep[d] in ("ccomp", "xcomp"):  # "to help the Malian army halt ..."
                        d = p.child(d, ("nsubj",))
                    elif p.dep[d] not in ("dobj", "dative"):
                        continue
                    found = p.np_actors(d, 4, TARGET_NP_PREPS, skip_poss=True)
                    if found:
                        return found
        return []

    def _complement_targets(self, i: int) -> list[int]:
        """A control verb coded on its own: the one it asks (its complement's subject) or acts on."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] not in ("xcomp", "ccomp"):
                continue
            subj = p.child(k, ("nsubj", "nsubjpass"))
            if subj >= 0 and (self.situ.control_class(i) in ("DEMAND", "APPEAL")
                              or self.lex.is_a(p.lemma[i], "OBJECT_CONTROL")):  # fmt: skip
                found = p.np_actors(subj)
                if found:
                    return found
            found = [m for prep, o in p.prep_objects(k) if prep in TARGET_PREPS for m in p.np_actors(o)]
            for d in p.kids[k]:
                if not found and p.dep[d] == "dobj":
                    found = p.np_actors(d, 2, skip_poss=True)
            if found:
                return found
        return []

    def _addressee(self, i: int, srcs: list[int]) -> list[int]:
        """Whom a statement is made to: "told Lavrov", "said to Russia" (never what it is about)."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] in ("dobj", "dative") and p.pos[k] in ("PROPN", "NOUN", "PRON"):
                found = [m for m in p.np_actors(k, 1, frozenset()) if m not in srcs]
                if found:
                    return found
        for _prep, o in p.prep_objects(i, ("to",)):
            found = [m for m in p.np_actors(o, 1, frozenset()) if m not in srcs]
            if found:
                return found
        return []

    def _generic_object(self, i: int) -> bool:
        """An object that is no actor: a pronoun ("those who ...") or a quantified phrase ("any nation")."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] not in ("dobj", "nsubjpass") or p.ment[k] >= 0:
                continue
            if p.pos[k] == "PRON" or any(p.dep[d] == "det" and p.lower[d] in ("every", "each")
                                         for d in p.kids[k]):  # fmt: skip
                return True
        return False

    def _condition_subject(self, i: int, ctx: Context) -> list[int]:
        """A threat's target is often who must comply: "... unless Baghdad accepted", "should X attack"."""
        p = self.p
        verbs = [v for v in (i, ctx.gov) if v >= 0 and p.pos[v] in ("VERB", "AUX")]
        verbs += [k for v in verbs for k in p.kids[v] if p.dep[k] in ("ccomp", "xcomp")]  # "warned X would .. if Y"
        for v in verbs:
            for k in p.kids[v]:
                if p.dep[k] == "advcl" and (p.mark(k) in ("if", "unless") or self._inverted_if(k)):
                    subj = p.child(k, ("nsubj", "nsubjpass"))
                    found = p.np_actors(subj) if subj >= 0 else []
                    if found:
                        return found
        return []

    def _inverted_if(self, k: int) -> bool:
        """'should the regime make another mistake': a condition with no 'if'."""
        p = self.p
        subj = p.child(k, ("nsubj", "nsubjpass"))
        return subj >= 0 and any(p.lower[a] in ("should", "were", "had") and a < subj for a in p.kids[k])

    def _place_of(self, i: int) -> list[int]:
        """Where a state act with no agent happened: "was arrested in Lebanon" (by Lebanon)."""
        p = self.p
        for _prep, o in p.prep_objects(i, ("in",)):
            found = p.np_actors(o, 1, frozenset(), places=True)
            if found:
                return found[:1]
        return []

    def _request_actors(self, i: int, ctx: Context, srcs: list[int], tgts: list[int],
                        coercive: bool = False) -> tuple[list[int], list[int]]:  # fmt: skip
        """Appeals and demands: the asker is the source, the one asked the target.

        A coercive order ("ordered the paper to close") keeps the act's own target when it has one.
        """
        p, g = self.p, ctx.gov if ctx.gov >= 0 else ctx.speaker
        if g < 0:
            return srcs, tgts
        if coercive and tgts:
            asker = self._sources(g, self.situ.situate(g))[0] if p.pos[g] in ("VERB", "AUX") else p.np_actors(g)
            return asker, tgts
        asker = self._sources(g, self.situ.situate(g))[0] if p.pos[g] in ("VERB", "AUX") else p.np_actors(g)
        asked = self._objects(g) if p.pos[g] in ("VERB", "AUX") and ctx.gov >= 0 else []
        if not asked:
            subj = self._subject_of(i)
            asked = p.np_actors(subj) if subj >= 0 else []
            if subj >= 0 and not asked:
                return asker, []  # "urging the counterpart to sign X": someone asked, unnamed; not X
        return asker, asked or tgts

    def _one_side(self, a: int, b: int) -> bool:
        """Two mentions of one state ("Wen Jiabao" and "China"): an act between them is no interaction.

        A state and its own society (rebels, opposition, civilians, business) are two sides: domestic events.
        """
        ma, mb = self.p.mentions[a], self.p.mentions[b]
        ka = ma.get("country") or ma.get("igo")
        if a == b or ka is None or ka != (mb.get("country") or mb.get("igo")):
            return a == b
        if ma.get("locative") or any(m.get("placed") or self._people_of(m) for m in (ma, mb)):
            return False  # "opposition groups in Zimbabwe" (source a), "two Iraqi youths": people there, not the state
        return ma.get("code") == mb.get("code") or (state_side(ma) and state_side(mb))

    def _people_of(self, m: dict[str, Any]) -> bool:
        """A demonym qualifying private people ("Iraqi youths", "Pakistani villagers")."""
        p, x = self.p, m.get("start", -1)
        return 0 <= x < p.n and m.get("end", 0) - x == 1 and p.dep[x] == "amod" and p.lemma[p.head[x]] in CIVILIANS

    def _same(self, a: int, b: int) -> bool:
        """Two mentions of one actor ("the United States ... to the United States")."""
        ma, mb = self.p.mentions[a], self.p.mentions[b]
        return bool(ma.get("code")) and ma.get("code") == mb.get("code") and ma.get("name") == mb.get("name")

    def _no_poss(self, found: list[int]) -> list[int]:
        """Drop possessive pronouns found inside an object ("evacuated its settlements")."""
        p = self.p
        out = []
        for m in found:
            start = p.mentions[m].get("start", 0)
            if 0 <= start < p.n and p.dep[start] == "poss" and p.pos[start] == "PRON":
                continue
            out.append(m)
        return out


def state_side(m: dict[str, object]) -> bool:
    """A mention of a state, its government or forces (no non-state sector)."""
    sectors = {str(x)[:3] for x in m.get("sectors") or []}  # type: ignore[attr-defined]
    return sectors <= STATE_SECTORS
