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

from dataclasses import replace

from .clause import Parse
from .codebook import frame_code, is_cooperative
from .context import OBLIGE, Context, Situator
from .groups import Groups
from .headline import HeadlineReader
from .lexicon import Lexicon
from .match import Act, Matcher
from .nominal import Nominal
from .placing import Placing
from .roles import Raw
from .verdict import Verdict

__all__ = ["Raw", "SentenceCoder"]

#: CAMEO codes of acts that are domestic by nature when no target is named
DOMESTIC = ("14", "17", "081", "082", "083", "123", "1241", "1242", "1041", "1042", "1043", "1044", "153")


def _domestic(code: str) -> bool:
    return code.startswith(DOMESTIC)


class SentenceCoder(Nominal, Placing, Verdict, Groups, HeadlineReader):
    """Codes the sentences of one Doc (its Parse), in order: earlier events are remembered."""

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
        self.history: list[Raw] = []
        self.emitted: set[int] = set()  # verbs that made an event
        self.placed: dict[tuple[int, str], int] = {}  # mentions given a country from a place (placing.py)
        self.first = next((i for i in range(p.n) if p.lower[i].strip()), 0)  # where a headline would start

    # -- 1. triggers ----------------------------------------------------------------------

    def code(self, start: int, end: int) -> list[Raw]:
        """The events of the sentence spanning tokens [start, end)."""
        p, m = self.p, self.matcher
        self._resolve_groups(start, end)  # "urged both countries": the two named before
        verbs, nouns = [], []
        for i in range(start, end):
            pos = p.pos[i]
            named = self._naming_act(i) if pos == "VERB" else None
            if named is not None:  # "called the strikes an act of war"
                self.verb_acts[i] = named
                verbs.append(i)
            elif pos == "VERB" and len(p.lemma[i]) > 2 and m.has_entry(p.lemma[i]):
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
        self.history.extend(r for r in sorted(out, key=lambda r: r.trigger) if not r.code.startswith("01"))
        if any(not r.code.startswith("01") for r in out):
            out = [r for r in out if not r.code.startswith("01")]
        if start == self.first:  # a title-case headline: its flat reading, when it has one
            # a headline act with no one it is done to says less than the story below it
            out = [r for r in self.headline(start, end) if r.target is not None] or out
        return out

    def _depth(self, i: int) -> int:
        d, p = 0, self.p
        while p.head[i] != i and d < 60:
            i = p.head[i]
            d += 1
        return d

    # -- 2. light verbs carry their object noun's act -------------------------------------

    def _verb(self, i: int) -> list[Raw]:
        if i in self.consumed:
            return []
        act = self.verb_acts.get(i)
        p = self.p
        if (act is None or act.code is None) and not any(p.lower[k] in OBLIGE for k in p.kids[i]):
            return []
        ctx = self.situ.situate(i)
        if ctx.status == "blocked":
            return []
        if (act is None or act.code is None) and ctx.frame == "oblige" and ctx.speaker >= 0:
            act = Act("100", None, "oblige", 0.5, "oblige")  # "X said Y must ...": a demand whatever Y must do
        if act is None or act.code is None:
            return []
        own: str = act.code
        if i in self.lent_frame and not ctx.frame:
            ctx = replace(ctx, frame=self.lent_frame[i])
        if own[:2] in ("02", "10") and self._states_that(i):
            # "insisted that the unrest reflected ...": a statement, not a demand
            act, own = Act("010", None, act.rule, act.weight, act.block), "010"
        if ctx.gov >= 0 and self.p.pos[ctx.gov] == "NOUN" and self._inside_coded(ctx.gov):
            return []  # "rejected a US offer to host a summit": the offer is what is rejected
        code = self._resolve(own, ctx, i)
        if code is None:
            if ctx.gov >= 0 and ctx.frame in ("reject",):
                self.consumed.add(ctx.gov)
            return []
        srcs, open_source = self._sources(i, ctx)
        if not srcs and p.is_passive(i) and not code.startswith("01"):
            between = self._between(i)  # "the deal was struck between Iran and the United States, Britain ..."
            if between:
                self.emitted.add(i)
                return self._emit(code, between[:1], between[1:], i, act, ctx, allow_no_source=False)
        if code.startswith("01") and srcs:
            judged = self._verdict(i, srcs)  # "said the British decision was unfair"
            if judged:
                self.emitted.add(i)
                return judged
        if code.startswith("01"):
            tgts = self._addressee(i, srcs) or (self._anaphoric_target(i, code, srcs) or [] if code == "016" else [])
        else:
            tgts = self._targets(i, ctx, own, srcs)
            if not tgts:
                back = self._anaphoric_target(i, code, srcs)
                if back is None:
                    return []
                tgts = back
            if not tgts and act.block == "NAMING":
                return []  # "called the epidemic a threat": no one named
            if not tgts and self._generic_object(i):
                return []  # "will not recognize any nation ...", "tried to reassure those who ..."
        if not tgts and code[:2] == "13":
            tgts = self._condition_subject(i, ctx)
        if not srcs and open_source and own[:2] in ("09", "17"):
            srcs = self._place_of(i)
        if not srcs and open_source and own[:2] >= "18":
            srcs = self._place_in_subject(i)  # "a roadside bombing near Samarra killed ...": someone there
        if ctx.frame in ("appeal", "demand", "oblige"):
            srcs, tgts = self._request_actors(i, ctx, srcs, tgts, coercive=code == own)
        if not srcs:  # "ethnic Albanians demonstrated in Serbia"
            srcs = self._placed_sources(i, code, tgts)
        if (ctx.target_from >= 0 or ctx.why == "participle") and not tgts:
            return []  # "a lunch hosted by X", "..., smashing furniture": descriptions, unless done to someone
        if not tgts:  # "opened fire on demonstrators", "fired at targets in Jericho"
            tgts = self._placed_targets(i, code, srcs)
        if ctx.why == "sent to" and code[:2] not in ("04", "09"):
            return []  # "sent troops to help": the sending is the event; "sent envoys to mediate, to investigate"
        if not tgts and ctx.why == "sent to":  # the place they were sent to
            tgts = self._targets(ctx.inherit, self.situ.situate(ctx.inherit), "042", srcs)
        if not tgts and p.dep[i] == "conj" and ctx.inherit == p.head[i]:
            # "summoned X and lodged a protest": the protest is lodged with X
            tgts = self._targets(p.head[i], self.situ.situate(p.head[i]), own, srcs)
        events = self._emit(code, srcs, tgts, i, act, ctx, allow_no_source=open_source and code[:2] >= "14")
        if events and not tgts and _domestic(code):
            # protests, repression, concessions, refusals to step down, with no one named: done at home
            events = [replace(r, target=~r.source, rule=r.rule + " [domestic]") if r.source is not None else r
                      for r in events]  # fmt: skip
        if events:
            self.emitted.add(i)
            g = ctx.gov
            while g >= 0 and g not in self.consumed:  # "pledged to continue supporting": one event
                self.consumed.add(g)
                g = self.situ.situate(g).gov if p.pos[g] in ("VERB", "AUX") else -1
        if events and act.rev and not ctx.frame and act.rev[:2] != code[:2]:
            events += self._emit(act.rev, tgts, srcs, i, act, ctx, allow_no_source=False)
        return events

    def _at_each_other(self, i: int, srcs: list[int]) -> bool:
        """An act of two sides aimed at each other: "each other", "one another"; "both countries ... the border"."""
        p = self.p
        words = {p.lower[x] for x in p.subtree(i)}
        if words & {"other", "another"} and words & {"each", "one"}:
            return True
        pair = set(srcs)
        return "border" in words and any(set(ms) == pair and p.mentions[k].get("kind") in ("group_ref", "nominal")
                                         for k, ms in p.members.items())  # fmt: skip

    def _between(self, i: int) -> list[int]:
        """The actors of a passive act's "between A and B" phrase, when they are two countries or more."""
        p = self.p
        found = [m for _q, o in p.prep_objects(i, ("between",)) for m in p.np_actors(o)]
        return found if len({self._key(m) for m in found} - {None}) > 1 else []

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
            if code[:2] == "15":  # "will send troops": a mobilisation announced, not a threat
                return code
            if code[:2] in ("16", "17") and self._decided(i, ctx):
                return code  # "said they would expel four diplomats", "agreed to ban the airlines": measures taken
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
        if f == "stop":  # "will stop firing rockets"; "stopped cooperating"
            return "087" if material_conflict else "160" if coop else None
        if f == "permit":
            return None  # "allowed inspectors to visit": the allowing is the event
        return code

    def _decided(self, i: int, ctx: Context) -> bool:
        """A measure announced as decided: reported ("said it would") or agreed, with no condition attached."""
        p = self.p
        if ctx.frame == "intent" and (ctx.gov < 0 or not self.lex.is_a(p.lemma[ctx.gov], "DECIDE")):
            return False
        if ctx.frame == "future" and (ctx.speaker < 0 or not self._counted_object(i)):
            return False  # "said they would expel four diplomats": counted, decided; "would boycott all contact"
        return not any(p.dep[k] == "advcl" and p.mark(k) in ("if", "unless") for v in (i, ctx.gov, ctx.speaker)
                       if v >= 0 for k in p.kids[v])  # fmt: skip

    def _counted_object(self, i: int) -> bool:
        """An object with a number ("four Russian diplomats", "21 million pounds")."""
        p = self.p
        return any(p.tag[x] == "CD" for k in p.children(i, ("dobj",)) for x in p.subtree(k))

    def _states_that(self, i: int) -> bool:
        """A demand verb with an indicative that-clause is a statement ("insisted the unrest reflected")."""
        p = self.p
        for k in p.kids[i]:
            if p.dep[k] == "ccomp" and p.tag[k] in ("VBD", "VBZ") and not p.modals(k):
                return True
        return False

    def _emit(self, code: str, srcs: list[int], tgts: list[int], i: int, act: Act, ctx: Context,
              allow_no_source: bool) -> list[Raw]:  # fmt: skip
        """One event per source and target member; mutual acts of a compound subject pairwise."""
        p = self.p
        srcs, tgts = list(dict.fromkeys(srcs)), list(dict.fromkeys(tgts))  # "announced by A, B and C" (by + agent)
        if not srcs and not allow_no_source:
            return []
        conf = self._confidence(act, ctx)
        rule = self._rule(code, i, act, ctx)
        trig = self._trigger(i, ctx)
        if not tgts and len(srcs) > 1 and self._at_each_other(i, srcs):
            # "Both countries have moved troops towards the border", "accused each other": each at the other
            return [Raw(code, a, b, trig, rule, conf) for a in srcs for b in srcs if not self._one_side(a, b)]
        if not tgts and self._mutual(i, ctx):
            if len(srcs) < 2:
                if any(self.lex.is_a(p.lemma[x], "MEETING") for x in (i, self.absorbed.get(i, -1)) if x >= 0):
                    return []  # "held an emergency meeting": an actor meeting itself is no interaction
            else:
                return [Raw(code, a, b, trig, rule, conf) for x, a in enumerate(srcs) for b in srcs[x + 1 :]
                        if not self._one_side(a, b)]  # fmt: skip
        if not tgts and srcs and not any(self._key(s) for s in srcs):
            return []  # "Amnesty International ..." with no one it is about: no international interaction
        out = []
        for s in srcs or [None]:  # type: ignore[list-item]
            for t in tgts or [None]:  # type: ignore[list-item]
                if s is not None and t is not None and (s == t or self._one_side(s, t)):
                    continue
                if s is None and t is None:
                    continue
                out.append(Raw(code, s, t, trig, rule, conf))
        return out

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
