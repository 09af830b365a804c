"""Coding one sentence: triggers, their contexts and actors, and the events they make.

The steps, for the tokens of one sentence:
1. every verb and noun with a dictionary entry gets its lexical act (``Matcher.act``);
2. a noun that is the object of a light or own-action verb ("held talks with", "endorsed a
   resumption of talks") lends its act to that verb;
3. verbs are coded deepest first, so a complement ("to cooperate") is coded before its
   control verb ("agreed"), which it then consumes; each verb's ``Context`` says whether the
   act is real, blocked, or framed (intent, threat, appeal, demand, rejection);
4. nouns that no verb absorbed are coded as nominal events ("Moscow's use of force against
   Georgia") when an actor owns them;
5. statements (01) are kept only when nothing else was coded in the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .clause import TARGET_NP_PREPS, Parse
from .codebook import frame_code, is_cooperative
from .context import Context, Situator
from .lexicon import Lexicon
from .match import Act, Matcher

#: control classes whose verbs frame the act of their object noun
LENT_FRAMES = {"INTENT": "intent", "THREAT": "threat", "APPEAL": "appeal", "DEMAND": "demand", "REFUSE": "reject",
               "PREPARE": "prepare"}  # fmt: skip
#: prepositions after which a nominal event is background, not news ("after years of occupation")
BACKGROUND_PREPS = frozenset({"after", "since", "following", "despite", "amid", "before", "until", "because"})
#: prepositions that lead from a verb to its target, in order of preference
TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "at", "into", "upon", "for", "from", "over",
                "about", "of", "between", "among", "across", "inside", "around", "near")  # fmt: skip
NOUN_TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "at", "for", "of", "between",
                     "over", "upon", "in", "inside", "across", "around")  # fmt: skip
RELATIVE = frozenset({"which", "who", "that", "whom"})
#: adjectives that make a nominal event hypothetical ("a possible war", "planned talks")
IRREALIS_ADJ = frozenset({"possible", "potential", "likely", "future", "planned", "proposed", "hypothetical",
                          "eventual", "prospective", "impending", "imminent", "feared", "alleged"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our", "my"})


@dataclass
class Raw:
    """An event before it is written out: mention indices, token span, rule, confidence."""

    code: str
    source: int | None
    target: int | None
    trigger: tuple[int, int]
    rule: str
    confidence: float


class SentenceCoder:
    """Codes the sentences of one Doc (its Parse)."""

    def __init__(self, p: Parse, lex: Lexicon, matcher: Matcher):
        self.p = p
        self.lex = lex
        self.matcher = matcher
        self.situ = Situator(p, lex)
        self.verb_acts: dict[int, Act] = {}
        self.noun_acts: dict[int, Act] = {}
        self.absorbed: dict[int, int] = {}  # verb -> the noun whose act it carries
        self.lent_frame: dict[int, str] = {}  # verb -> the frame it puts on the noun's act
        self.consumed: set[int] = set()

    # -- 1. triggers ----------------------------------------------------------------------
    def code(self, start: int, end: int) -> list[Raw]:
        """The events of the sentence spanning tokens [start, end)."""
        p, m = self.p, self.matcher
        verbs, nouns = [], []
        for i in range(start, end):
            pos = p.pos[i]
            if pos == "VERB" and len(p.lemma[i]) > 2 and m.has_entry(p.lemma[i]):
                a = m.act(p, i)
                if a is not None:
                    self.verb_acts[i] = a
                verbs.append(i)
            elif pos == "VERB" or (pos == "AUX" and p.dep[i] not in ("aux", "auxpass")):
                verbs.append(i)
            elif pos == "NOUN" and p.dep[i] != "compound" and m.has_entry(p.lemma[i], noun=True):
                a = m.act(p, i, noun=True)
                if a is not None and a.code:
                    self.noun_acts[i] = a
                    nouns.append(i)
        for n in nouns:
            self._lend(n)
        out: list[Raw] = []
        for i in sorted(verbs, key=self._depth, reverse=True):
            out.extend(self._verb(i))
        for n in nouns:
            if n not in self.absorbed.values():
                out.extend(self._noun(n))
        if any(not r.code.startswith("01") for r in out):
            out = [r for r in out if not r.code.startswith("01")]
        return out

    def _depth(self, i: int) -> int:
        d, p = 0, self.p
        while p.head[i] != i and d < 60:
            i = p.head[i]
            d += 1
        return d

    # -- 2. light verbs carry their object noun's act -------------------------------------
    def _lend(self, n: int) -> None:
        v, obj = self._governor_of_noun(n)
        if v < 0 or not obj or v in self.absorbed:
            return
        if not any(self.lex.is_a(f, "LIGHT") or self.lex.is_a(f, "OWN") for f in self.situ.phrasal(v)):
            return
        own = self.verb_acts.get(v)
        light = any(self.lex.is_a(f, "LIGHT") for f in self.situ.phrasal(v))
        if own is None or own.code is None or own.weight < (1.5 if light else 1) or own.code.startswith("01"):
            na = self.noun_acts[n]
            self.verb_acts[v] = Act(na.code, na.rev, na.rule, na.weight, na.block)
            cls = self.situ.control_class(v)
            if cls in LENT_FRAMES:  # "proposed talks", "prepared an offensive", "threatened a boycott"
                self.lent_frame[v] = LENT_FRAMES[cls]
        self.absorbed[v] = n

    def _governor_of_noun(self, n: int) -> tuple[int, bool]:
        """The verb above a noun, and whether the noun is inside that verb's object."""
        p = self.p
        x, obj, steps = n, False, 0
        while steps < 8:
            steps += 1
            d, h = p.dep[x], p.head[x]
            if h == x:
                return -1, False
            if d in ("dobj", "attr", "oprd", "nsubjpass", "dative"):
                obj = True
            if p.pos[h] in ("VERB", "AUX"):
                return h, obj and d in ("dobj", "attr", "oprd", "nsubjpass", "pobj", "dative")
            if d in ("pobj", "prep", "conj", "appos", "compound", "dobj", "attr"):
                if p.pos[h] in ("NOUN", "PROPN") and x != n and self.lex.is_a(p.lemma[h], "NOUN_IRREALIS"):
                    return -1, False
                if d == "pobj" and p.lemma[h] in BACKGROUND_PREPS:
                    return -2, False
                x = h
                continue
            return -1, False
        return -1, False

    # -- 3. verbs -------------------------------------------------------------------------
    def _verb(self, i: int) -> list[Raw]:
        if i in self.consumed:
            return []
        act = self.verb_acts.get(i)
        ctx = self.situ.situate(i)
        if ctx.status == "blocked":
            return []
        if (act is None or act.code is None) and ctx.frame == "oblige" and ctx.speaker >= 0:
            act = Act("100", None, "oblige", 0.5, "oblige")  # "X said Y must ...": a demand whatever Y must do
        if act is None or act.code is None:
            return []
        if i in self.lent_frame and not ctx.frame:
            ctx = replace(ctx, frame=self.lent_frame[i])
        if act.code[:2] in ("02", "10") and self._states_that(i):
            act = Act("010", None, act.rule, act.weight, act.block)  # "insisted that the unrest reflected ..."
        if ctx.gov >= 0 and self.p.pos[ctx.gov] == "NOUN" and self._inside_coded(ctx.gov):
            return []  # "rejected a US offer to host a summit": the offer is what is rejected
        code = self._resolve(act.code, ctx, i)
        if code is None:
            if ctx.gov >= 0 and ctx.frame in ("reject",):
                self.consumed.add(ctx.gov)
            return []
        srcs, open_source = self._sources(i, ctx)
        if code.startswith("01"):
            tgts = self._addressee(i, srcs)
        else:
            tgts = self._targets(i, ctx, act.code, srcs)
            if not tgts and self._generic_object(i):
                return []  # "will not recognize any nation ...", "tried to reassure those who ..."
        if not tgts and code[:2] == "13":
            tgts = self._condition_subject(i, ctx)
        if not srcs and open_source and act.code[:2] in ("09", "17"):
            srcs = self._place_of(i)
        if ctx.frame in ("appeal", "demand", "oblige"):
            srcs, tgts = self._request_actors(i, ctx, srcs, tgts, coercive=code == act.code)
        if ctx.target_from >= 0 and not tgts:
            return []  # "a lunch hosted by X": a description, unless it names who it was done to
        events = self._emit(code, srcs, tgts, i, act, ctx, allow_no_source=open_source and code[:2] >= "14")
        if events and ctx.gov >= 0:
            self.consumed.add(ctx.gov)
        if events and act.rev and not ctx.frame and act.rev[:2] != code[:2]:
            events += self._emit(act.rev, tgts, srcs, i, act, ctx, allow_no_source=False)
        return events

    def _resolve(self, code: str, ctx: Context, i: int) -> str | None:
        """The code of an act in its context (None: not an event here)."""
        f = ctx.frame
        coop = is_cooperative(code)
        material_conflict = code[:2] >= "14"
        if ctx.negated:
            if f in (None, "future", "intent", "aspect") and coop:
                return frame_code("reject", code)
            return None
        if f is None or f == "aspect":
            if f == "aspect" and code.startswith("186") and self.p.lemma[ctx.gov] in ("try", "attempt"):
                return "185"
            return code
        if f in ("future", "intent"):
            if coop:
                return frame_code("intent", code)
            return frame_code("threat", code) if material_conflict else (code if f == "future" else None)
        if f == "threat":
            return frame_code("threat", code)
        if f == "prepare":
            return "150" if material_conflict else frame_code("intent", code) if coop else None
        if f in ("appeal", "demand"):
            if f == "demand" and material_conflict:  # "ordered the paper to suspend publication"
                return code
            return frame_code(f, code) if coop else None
        if f == "oblige":
            subj = self.p.child(i, ("nsubj", "nsubjpass"))
            if ctx.speaker < 0 or subj < 0 or not self.p.np_actors(subj):
                return None  # "the differences should be discussed": no one is asked
            return frame_code("demand", code) if coop else "100"
        if f == "reject":
            return frame_code("reject", code) if coop else None
        return code

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
            return found, not found and any(p.dep[k] == "auxpass" for k in p.kids[i])
        if ctx.frame in ("intent", "threat", "reject", "prepare") and ctx.gov >= 0 and p.pos[ctx.gov] in ("VERB", "AUX"):
            found = self._sources(ctx.gov, self.situ.situate(ctx.gov), depth + 1)[0]
            if found:  # "the two sides agreed that their countries should cooperate": the two sides intend
                return found, False
        subj = p.child(i, ("nsubj", "csubj"))
        if subj >= 0:
            found = p.np_actors(subj)
            if found:
                return found, False
            if p.lower[subj] in RELATIVE and p.dep[i] == "relcl":
                return p.np_actors(p.head[i]), False
            if p.lower[subj] in PRONOUNS and ctx.speaker >= 0:
                return self._sources(ctx.speaker, self.situ.situate(ctx.speaker), depth + 1)[0], False
            noun_act = self.noun_acts.get(subj)
            return [], bool(noun_act and noun_act.code and noun_act.code[:2] >= "18")  # "a bombing killed X"
        g = ctx.inherit
        if g < 0 or g == i:
            return [], False
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

    def _stative_passive(self, i: int) -> bool:
        """'is committed to', 'is determined to': a passive form whose subject is the actor."""
        p = self.p
        if any(p.dep[k] == "agent" for k in p.kids[i]):
            return False
        return self.lex.is_a(p.lemma[i], "INTENT") or self.lex.is_a(p.lower[i], "INTENT_ADJ")

    def _addressee(self, i: int, srcs: list[int]) -> list[int]:
        """Whom a statement is made to: "told Lavrov", "said to Russia" (never what it is about)."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] in ("dobj", "dative") and p.pos[k] in ("PROPN", "NOUN", "PRON"):
                found = [m for m in p.np_actors(k, 1, frozenset()) if m not in srcs]
                if found:
                    return found
        for prep, o in p.prep_objects(i, ("to",)):
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

    def _states_that(self, i: int) -> bool:
        """A demand verb with an indicative that-clause is a statement ("insisted the unrest reflected")."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] == "ccomp" and p.tag[k] in ("VBD", "VBZ") and not p.modals(k):
                return True
        return False

    def _inside_coded(self, n: int) -> bool:
        """Whether a noun stands in a coded verb's object or phrase (that verb's event is about it)."""
        v, _ = self._governor_of_noun(n)
        act = self.verb_acts.get(v) if v >= 0 else None
        return bool(act and act.code and not act.code.startswith("01") and v not in self.absorbed)

    def _condition_subject(self, i: int, ctx: Context) -> list[int]:
        """A threat's target is often who must comply: "... unless Baghdad accepted"."""
        p = self.p
        for v in (i, ctx.gov):
            if v < 0 or p.pos[v] not in ("VERB", "AUX"):
                continue
            for k in p.kids[v]:
                if p.dep[k] == "advcl" and p.mark(k) in ("if", "unless"):
                    subj = p.child(k, ("nsubj", "nsubjpass"))
                    found = p.np_actors(subj) if subj >= 0 else []
                    if found:
                        return found
        return []

    def _place_of(self, i: int) -> list[int]:
        """Where a state act with no agent happened: "was arrested in Lebanon" (by Lebanon)."""
        p = self.p
        for prep, o in p.prep_objects(i, ("in",)):
            found = p.np_actors(o, 1, frozenset())
            if found:
                return found[:1]
        return []

    def _objects(self, i: int) -> list[int]:
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] in ("dobj", "dative", "nsubjpass"):
                found = p.np_actors(k, 1, frozenset())
                if found:
                    return found
        for prep, o in p.prep_objects(i, ("on", "upon", "to")):
            found = p.np_actors(o, 1, frozenset())
            if found:
                return found
        return []

    def _targets(self, i: int, ctx: Context, code: str, srcs: list[int] | None = None) -> list[int]:
        """Mentions act i is done to: its object, its prepositional objects, actors in its object.

        ``code`` is the act's own code (before any frame): it decides whether a place ("in
        Baghdad") can be a target, as it is for protests and violence, not for meetings.
        """
        p = self.p

        given = srcs or []

        def other(found: list[int]) -> list[int]:
            return [t for t in found if t not in given and not any(self._same(x, t) for x in given)]

        if ctx.target_from >= 0:
            return other(p.np_actors(ctx.target_from))
        passive = p.is_passive(i) and not self._stative_passive(i)
        objs = [k for k in p.kids[i] if p.dep[k] in (("nsubjpass",) if passive else ("dobj", "attr", "oprd"))]
        for k in objs:
            found = other(p.np_actors(k, 1, frozenset(), skip_poss=True))
            if found:
                return found
        if passive and objs:  # "X was arrested ... for collaborating with Y": the target is X
            return other(p.np_actors(objs[0], 3, TARGET_NP_PREPS, skip_poss=True))
        for k in p.kids[i]:
            if p.dep[k] == "dative" and p.pos[k] != "ADP":
                found = other(p.np_actors(k, 1, frozenset()))
                if found:
                    return found
        preps: dict[str, list[int]] = {}
        for prep, o in p.prep_objects(i):
            preps.setdefault(prep, []).append(o)
        place_ok = code[:2] >= "14" or code[:3] in ("042", "043", "074", "154") or code[:2] == "08"
        deep = TARGET_NP_PREPS if place_ok else TARGET_NP_PREPS - {"in", "at", "within", "inside", "throughout"}
        for prep in TARGET_PREPS + (("in",) if place_ok else ()):
            found = other([m for o in preps.get(prep, ()) for m in p.np_actors(o, 2, deep, skip_poss=True)])
            if found:
                return found
        for k in objs:
            found = other(p.np_actors(k, 4, deep, skip_poss=True))
            if found:
                return found
        n = self.absorbed.get(i)
        if n is not None:
            found = other(self._noun_targets(n, code))
            if found:
                return found
        if code[:2] == "14":
            found = other(self._purpose_targets(i))
            if found:
                return found
        return other(self._complement_targets(i))

    def _purpose_targets(self, i: int) -> list[int]:
        """A protest's target is whom its demands address: "struck to demand the resignation of X"."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] in ("advcl", "xcomp") and p.infinitive(k):
                for d in p.kids[k]:
                    if p.dep[d] == "dobj":
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
        asked = self._objects(g) if p.pos[g] in ("VERB", "AUX") else []
        if not asked:
            subj = p.child(i, ("nsubj", "nsubjpass"))
            asked = p.np_actors(subj) if subj >= 0 else []
        return asker, asked or tgts

    def _emit(self, code: str, srcs: list[int], tgts: list[int], i: int, act: Act, ctx: Context,
              allow_no_source: bool) -> list[Raw]:  # fmt: skip
        """One event per source and target member; mutual acts of a compound subject pairwise."""
        p = self.p
        if not srcs and not allow_no_source:
            return []
        conf = self._confidence(act, ctx)
        rule = self._rule(code, i, act, ctx)
        trig = self._trigger(i, ctx)
        noun = self.absorbed.get(i)
        mutual = any(self.lex.is_a(p.lemma[x], "RECIPROCAL") for x in (i, ctx.gov, -1 if noun is None else noun) if x >= 0)
        if not tgts and len(srcs) > 1 and mutual:
            return [Raw(code, a, b, trig, rule, conf) for x, a in enumerate(srcs) for b in srcs[x + 1 :]]
        out = []
        for s in srcs or [None]:
            for t in tgts or [None]:
                if s is not None and t is not None and (s == t or self._same(s, t)):
                    continue
                if s is None and t is None:
                    continue
                out.append(Raw(code, s, t, trig, rule, conf))
        return out

    def _same(self, a: int, b: int) -> bool:
        """Two mentions of one actor ("the United States ... to the United States")."""
        ma, mb = self.p.mentions[a], self.p.mentions[b]
        return bool(ma.get("code")) and ma.get("code") == mb.get("code") and ma.get("name") == mb.get("name")

    def _trigger(self, i: int, ctx: Context) -> tuple[int, int]:
        g = ctx.gov
        if 0 <= g and abs(g - i) <= 6:
            return (min(g, i), max(g, i) + 1)
        return (i, i + 1)

    def _rule(self, code: str, i: int, act: Act, ctx: Context) -> str:
        p = self.p
        if ctx.frame and ctx.gov >= 0:
            return f"{code}:{p.lemma[ctx.gov]} to {p.lemma[i]} ({act.rule})"
        if ctx.frame:
            return f"{code}:{ctx.frame} {p.lemma[i]} ({act.rule})"
        if ctx.negated:
            return f"{code}:not {p.lemma[i]} ({act.rule})"
        return act.rule

    def _confidence(self, act: Act, ctx: Context) -> float:
        c = 0.55 + min(act.weight, 3.0) * 0.1
        if ctx.frame or ctx.negated:
            c -= 0.05
        if ctx.inherit >= 0:
            c -= 0.05
        return round(max(0.3, min(0.95, c)), 2)

    # -- 4. nominal events ----------------------------------------------------------------
    def _noun(self, n: int) -> list[Raw]:
        p = self.p
        act = self.noun_acts[n]
        if n in self.consumed:
            return []
        if any(p.dep[k] == "neg" or (p.dep[k] == "det" and p.lower[k] == "no") for k in p.kids[n]):
            return []
        if any(p.dep[k] == "amod" and p.lemma[k] in IRREALIS_ADJ for k in p.kids[n]):
            return []
        v, in_object = self._governor_of_noun(n)
        if v == -2:
            return []  # "after fifteen years of occupation": background
        if v >= 0:
            vctx = self.situ.situate(v)
            if vctx.status == "blocked" or any(self.lex.is_a(f, "IRREALIS") for f in self.situ.phrasal(v)):
                return []
            vact = self.verb_acts.get(v)
            if vact is not None and vact.code and not vact.code.startswith("01"):
                return []  # the noun is what a coded verb is about ("condemned the attack on X")
        srcs = self._noun_sources(n)
        if not srcs and v >= 0 and not p.is_passive(v):
            if not in_object or any(self.lex.is_a(f, "OWN") for f in self.situ.phrasal(v)):
                srcs = self._sources(v, self.situ.situate(v))[0]
        if not srcs and v >= 0 and self._speakers_own(n):
            srcs = self._sources(self.situ.situate(v).speaker, self.situ.situate(self.situ.situate(v).speaker))[0]
        if not srcs:
            return []
        tgts = [t for t in self._noun_targets(n, act.code or "") if t not in srcs]
        ctx = Context()
        return self._emit(act.code or "", srcs, tgts, n, act, ctx, allow_no_source=False)

    def _speakers_own(self, n: int) -> bool:
        """'the offer', 'the invitation' in what a speaker says: the speaker's own, when no one else's."""
        p = self.p
        if not any(self.lex.is_a(p.lemma[n], c) for c in ("NOUN_INTENT", "NOUN_APPEAL", "NOUN_DEMAND")):
            return False
        v, _ = self._governor_of_noun(n)
        return v >= 0 and self.situ.situate(v).speaker >= 0 and any(
            p.dep[k] == "det" and p.lower[k] in ("the", "this", "that") for k in p.kids[n]
        )

    def _noun_sources(self, n: int) -> list[int]:
        p = self.p
        for k in p.kids[n]:
            if p.dep[k] == "poss":
                return p.np_actors(k)
        for k in p.kids[n]:
            if p.dep[k] in ("compound", "amod", "nmod") and p.ment[k] >= 0:
                return p.np_actors(k)
        for prep, o in p.prep_objects(n, ("by", "from")):
            found = p.np_actors(o)
            if found:
                return found
        return []

    def _noun_targets(self, n: int, code: str) -> list[int]:
        p = self.p
        preps: dict[str, list[int]] = {}
        for prep, o in p.prep_objects(n):
            preps.setdefault(prep, []).append(o)
        for prep in NOUN_TARGET_PREPS:
            if prep == "in" and code[:2] < "14":
                continue
            found = [m for o in preps.get(prep, ()) for m in p.np_actors(o)]
            if found:
                return found
        for k in p.kids[n]:  # "the offer for Russia to work with ...", "its demand that Israel ease ..."
            if p.dep[k] in ("acl", "ccomp", "advcl", "relcl"):
                subj = p.child(k, ("nsubj",))
                if subj >= 0:
                    return p.np_actors(subj)
        return []
