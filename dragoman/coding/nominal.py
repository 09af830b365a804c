"""Nominal events: "Moscow's use of force against Georgia", "talks with Lavrov", "the offer for Russia to work".

A noun from a noun block is an event when an actor owns it (a possessive, a national
adjective, a by-phrase) or it stands as the object of a light verb ("held talks with") or in a
phrase of a verb whose subject does it ("in Geneva for discussions with"). A noun that is
what a coded verb is about ("condemned the attack") is that verb's business, not an event of
its own; nouns under "the prospect of", "possible", "after years of" are not news.
"""

from __future__ import annotations

from .context import Context
from .match import Act
from .roles import Raw, Roles

#: control classes whose verbs frame the act of their object noun
LENT_FRAMES = {"INTENT": "intent", "THREAT": "threat", "APPEAL": "appeal", "DEMAND": "demand", "REFUSE": "reject",
               "PREPARE": "prepare"}  # fmt: skip
#: prepositions after which a nominal event is background, not news ("after years of occupation")
BACKGROUND_PREPS = frozenset({"after", "since", "following", "despite", "amid", "before", "until", "because"})
NOUN_TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "at", "for", "of", "between",
                     "over", "upon", "in", "inside", "across", "around")  # fmt: skip
#: adjectives that make a nominal event hypothetical ("a possible war", "planned talks")
IRREALIS_ADJ = frozenset(
    {
        "possible",
        "potential",
        "likely",
        "future",
        "planned",
        "proposed",
        "hypothetical",
        "eventual",
        "prospective",
        "impending",
        "imminent",
        "feared",
        "alleged",
        "further",
    }
)
#: verbs whose object did not take place ("canceled a visit to Turkey", "called off a meeting")
CALLED_OFF = frozenset({"cancel", "call off", "postpone", "scrap", "delay", "shelve", "abandon", "suspend",
                        "put off", "drop"})  # fmt: skip
#: nouns a speaker owns when nobody else does ("Clinton said the offer ... still stands")
SPEAKERS_OWN = frozenset({"offer", "proposal", "invitation", "pledge", "promise", "commitment", "plan", "request",
                          "call", "appeal", "demand"})  # fmt: skip


class Nominal(Roles):
    """Noun triggers: lending their act to light verbs, or coded on their own."""

    lent_frame: dict[int, str]
    consumed: set[int]
    emitted: set[int]

    def _emit(self, code: str, srcs: list[int], tgts: list[int], i: int, act: Act, ctx: Context,
              allow_no_source: bool) -> list[Raw]:  # fmt: skip
        raise NotImplementedError  # in SentenceCoder

    def _lend(self, n: int) -> None:
        v, obj = self._governor_of_noun(n)
        if v < 0 or not obj or v in self.absorbed:
            return
        if not any(self.lex.is_a(f, "LIGHT") or self.lex.is_a(f, "OWN") for f in self.situ.phrasal(v)):
            return
        own = self.verb_acts.get(v)
        light = any(self.lex.is_a(f, "LIGHT") for f in self.situ.phrasal(v))
        na = self.noun_acts[n]
        weak = own is None or own.code is None or own.code.startswith("01")
        if own is None or weak or own.weight < (1.5 if light else 1) or (light and na.weight >= own.weight):
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

    def _inside_coded(self, n: int) -> bool:
        """Whether a noun stands in a coded verb's object or phrase (that verb's event is about it)."""
        v, _ = self._governor_of_noun(n)
        act = self.verb_acts.get(v) if v >= 0 else None
        return bool(act and act.code and not act.code.startswith("01") and v not in self.absorbed)

    def _noun(self, n: int) -> list[Raw]:
        p = self.p
        act = self.noun_acts[n]
        if n in self.consumed:
            return []
        if any(p.dep[k] == "neg" or (p.dep[k] == "det" and p.lower[k] in ("no", "any", "every")) for k in p.kids[n]):
            return []  # "no talks", "any further attack"
        if any(p.dep[k] == "amod" and p.lemma[k] in IRREALIS_ADJ for k in p.kids[n]):
            return []
        if act.code and act.code[:2] == "04" and self.lex.is_a(p.lemma[n], "MEETING"):
            if self._called_off(n):
                return []  # "called off a meeting with Obama"
            met = self._meeting_noun(n, act)  # "after talks with Tusk", "talks between Kerry and Lavrov"
            if met is not None:
                return met
        v, in_object = self._governor_of_noun(n)
        if v == -2:
            return []  # "after fifteen years of occupation": background
        if v >= 0:
            vctx = self.situ.situate(v)
            if vctx.status == "blocked" or any(self.lex.is_a(f, "IRREALIS") or f in CALLED_OFF
                                               for f in self.situ.phrasal(v)):  # fmt: skip
                return []  # "prevent a war", "called off a meeting with Obama"
            if vctx.frame in ("demand", "appeal", "oblige", "permit"):
                return []  # "asked that the investigation be conducted by ...": asked for, not done
            vact = self.verb_acts.get(v)
            verbal = act.code is not None and (act.code[:2] <= "05" or "09" <= act.code[:2] <= "13")
            coded = vact is not None and vact.code and not vact.code.startswith("01")
            if coded and (verbal or not self._noun_sources(n) or v in self.emitted):
                return []  # what a coded verb is about: "condemned the attack on X", "rejected an Indian proposal"
        srcs = self._noun_sources(n)
        if not srcs and v >= 0 and not p.is_passive(v):
            own = any(self.lex.is_a(f, "OWN") for f in self.situ.phrasal(v))
            if (in_object and own) or (not in_object and self._directly_under(n, v)):
                srcs = self._sources(v, self.situ.situate(v))[0]
        if not srcs and v >= 0 and self._speakers_own(n):
            srcs = self._sources(self.situ.situate(v).speaker, self.situ.situate(self.situ.situate(v).speaker))[0]
        if not srcs:
            return []
        tgts = [t for t in self._noun_targets(n, act.code or "") if t not in srcs]
        ctx = Context()
        return self._emit(act.code or "", srcs, tgts, n, act, ctx, allow_no_source=False)

    def _called_off(self, n: int) -> bool:
        """A noun under a verb that says it did not take place ("cancelled a visit", "called off talks")."""
        p, x = self.p, n
        while p.head[x] != x and p.pos[x] not in ("VERB", "AUX"):
            x = p.head[x]
        phrases = self.situ.phrasal(x) if p.pos[x] in ("VERB", "AUX") else []
        return any(self.lex.is_a(f, "IRREALIS") or f in CALLED_OFF for f in phrases)

    def _meeting_noun(self, n: int, act: Act) -> list[Raw] | None:
        """Talks, calls and meetings between the actors named with them, even as background ("after talks with").

        "talks between A and B": A and B with each other; "talks with B": the clause's subject with B.
        None when the noun names no one it is held with.
        """
        p = self.p
        between = [m for _prep, o in p.prep_objects(n, ("between", "among")) for m in p.np_actors(o)]
        if len({self._key(m) for m in between} - {None}) < 2:  # a long phrase the parser split: all named in it
            inside = {x for _prep, o in p.prep_objects(n, ("between", "among")) for x in p.subtree(o, frozenset())}
            between = list(dict.fromkeys(p.ment[x] for x in sorted(inside) if p.ment[x] >= 0
                                         and p.ment[x] not in p.places))  # fmt: skip
        if len({self._key(m) for m in between} - {None}) > 1:
            return self._emit(act.code or "", between, [], n, act, Context(), allow_no_source=False)
        withs = [m for _prep, o in p.prep_objects(n, ("with",)) for m in p.np_actors(o)]
        if not withs:
            return None
        srcs = self._noun_sources(n)
        x = n
        while not srcs and p.head[x] != x and p.pos[p.head[x]] not in ("VERB", "AUX"):
            x = p.head[x]
        if not srcs and p.pos[p.head[x]] in ("VERB", "AUX"):
            v = p.head[x]
            ctx = self.situ.situate(v)
            if ctx.speaker >= 0 and x > 0 and p.lower[x - 1] == ",":
                v = ctx.speaker  # "Obama said Turkey has a right ..., after talks with Hollande": the speaker's
            srcs = self._sources(v, self.situ.situate(v))[0]
        tgts = [t for t in withs if t not in srcs]
        return self._emit(act.code or "", srcs, tgts, n, act, Context(), allow_no_source=False) if srcs else None

    def _directly_under(self, n: int, v: int) -> bool:
        """A noun in a purpose or setting phrase of the verb itself ("in Geneva for discussions with")."""
        p = self.p
        x = n
        while p.head[x] != v:
            x = p.head[x]
            if p.pos[x] in ("NOUN", "PROPN") or p.head[x] == x:
                return False
        return p.dep[x] == "prep" and p.lemma[x] in ("for", "in", "at", "during") and not p.negated(v)

    def _speakers_own(self, n: int) -> bool:
        """'the offer', 'the invitation' in what a speaker says: the speaker's own, when no one else's."""
        p = self.p
        if p.lemma[n] not in SPEAKERS_OWN:
            return False
        v, _ = self._governor_of_noun(n)
        return (
            v >= 0
            and self.situ.situate(v).speaker >= 0
            and any(p.dep[k] == "det" and p.lower[k] in ("the", "this", "that") for k in p.kids[n])
        )

    def _noun_sources(self, n: int) -> list[int]:
        p = self.p
        for k in p.kids[n]:
            if p.dep[k] == "poss":
                return p.np_actors(k)
        for k in p.kids[n]:
            if p.dep[k] in ("compound", "amod", "nmod") and p.ment[k] >= 0:
                return p.np_actors(k)
        for _prep, o in p.prep_objects(n, ("by", "from")):
            found = p.np_actors(o)
            if found:
                return found
        return []

    def _noun_targets(self, n: int, code: str) -> list[int]:
        p = self.p
        preps: dict[str, list[int]] = {}
        for prep, o in p.prep_objects(n):
            preps.setdefault(prep, []).append(o)
        for o in preps.get("of", ()):  # "use of force against X": the phrase hangs on the of-object
            for prep, oo in p.prep_objects(o):
                if prep != "of" and prep in NOUN_TARGET_PREPS:
                    preps.setdefault(prep, []).append(oo)
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
