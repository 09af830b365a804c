"""Where a trigger stands in its sentence: realised, blocked, or framed by another verb.

``situate`` walks from a verb to the verb that governs it and answers: is the act reported,
intended, threatened, asked for, demanded, refused, negated, conditional, possible only, or
simply done? The answer (a ``Context``) says which frame applies, which governor is consumed
when the complement is coded, and from which token the actors are inherited.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .clause import Parse
from .lexicon import Lexicon

IRREALIS_MARKS = frozenset({"if", "unless", "whether", "lest", "until", "once"})
POSSIBLE = frozenset({"may", "might", "could", "can", "ca", "should", "ought", "must", "need"})
FUTURE = frozenset({"will", "would", "shall", "wo", "'ll", "'d"})
OBLIGE = frozenset({"must", "should", "ought", "need"})
#: verbs whose complement did not happen as far as the speaker says ("denied that it abducted children")
DENIALS = frozenset({"deny", "refute", "dismiss", "reject"})
#: frames under which a second control verb's complement is not coded
NESTING = frozenset({"demand", "appeal", "oblige", "reject", "threat", "intent", "prepare"})
#: control classes in the order they are tried
CONTROL = ("THREAT", "REFUSE", "DEMAND", "APPEAL", "PREPARE", "STOP", "PERMIT", "ASPECT", "INTENT")
FRAME_OF = {"THREAT": "threat", "REFUSE": "reject", "DEMAND": "demand", "APPEAL": "appeal", "PREPARE": "prepare",
            "STOP": "stop", "PERMIT": "permit", "ASPECT": "aspect", "INTENT": "intent"}  # fmt: skip


@dataclass(frozen=True)
class Context:
    """How to read a trigger's act: status, frame, who governs it, where its actors come from."""

    status: str = "real"  # real | blocked
    frame: str | None = None  # intent threat appeal demand reject aspect prepare future oblige
    negated: bool = False
    gov: int = -1  # the control verb (or noun) consumed when this complement is coded
    inherit: int = -1  # token whose source this act inherits when it has no subject of its own
    inherit_object: bool = False  # object control: the governor's object is the source
    speaker: int = -1  # the reporting verb, for reported speech
    target_from: int = -1  # acl participles: the modified noun is the target
    why: str = ""


BLOCKED = Context(status="blocked")


class Situator:
    """Computes (and caches) the context of each verb of a Doc."""

    def __init__(self, p: Parse, lex: Lexicon):
        self.p = p
        self.lex = lex
        self._cache: dict[int, Context] = {}

    def phrasal(self, i: int) -> list[str]:
        """A verb's lemma and its phrasal forms with particle or preposition ('call on', 'agree to')."""
        p = self.p
        out = [p.lemma[i]]
        for k in p.kids[i]:
            if p.dep[k] in ("prt", "prep"):
                out.append(f"{p.lemma[i]} {p.lower[k]}")
        return out

    def control_class(self, g: int) -> str | None:
        """The control class of a governor, if any."""
        forms = self.phrasal(g)
        for cls in CONTROL:
            if any(self.lex.is_a(f, cls) for f in forms):
                return cls
        return None

    def situate(self, i: int) -> Context:
        """The context of verb i (cached)."""
        hit = self._cache.get(i)
        if hit is None:
            self._cache[i] = BLOCKED  # guards against cycles in malformed parses
            hit = self._cache[i] = self._own(i, self._governed(i))
        return hit

    # -- the governor ---------------------------------------------------------------------
    def _governed(self, i: int) -> Context:
        p = self.p
        dep, g = p.dep[i], p.head[i]
        if g == i or dep in ("ROOT", "parataxis") and not self._say(g) or g in p.dateline:
            return Context()  # a main clause (also when the parser hung it on a dateline)
        if dep == "conj":
            return self._conj(i, g)
        if dep in ("xcomp", "ccomp", "parataxis"):
            if p.pos[g] in ("NOUN", "PROPN"):
                return self._adnominal(i, g)
            return self._complement(i, g, dep)
        if dep == "advcl":
            return self._adverbial(i, g)
        if dep == "acl":
            return self._adnominal(i, g)
        if dep == "relcl":
            if p.infinitive(i):  # "measures to protect citizens": a purpose, parsed as a relative clause
                return self._adnominal(i, g)
            if p.tag[i] in ("VBZ", "VBP") and not p.modals(i):
                return replace(BLOCKED, why="relative clause in the present: a description")
            return self._inside_noun(g, Context(inherit=g, why="relative"))
        if dep == "pcomp":
            h = p.head[g]
            if p.lemma[g] == "to" and h != g:
                cls = self.control_class(h) if p.pos[h] in ("VERB", "AUX") else None
                if cls == "INTENT" or self.lex.is_a(p.lemma[h], "INTENT_ADJ"):  # "committed to opening"
                    base = self.situate(h) if p.pos[h] in ("VERB", "AUX") else Context()
                    return replace(base, frame="intent", gov=h, inherit=h, why=f"{p.lemma[h]} to + gerund")
            if self.lex.is_a(p.lemma[g], "REALIS_PREP") and h != g and p.pos[h] in ("VERB", "AUX"):
                return self._inside(h, Context(inherit=h, why="gerund"))
            return replace(BLOCKED, why=f"'{p.lower[g]}' + gerund")
        if p.pos[i] == "VERB" and dep in ("amod", "compound", "nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            return replace(BLOCKED, why="verb as noun or modifier")
        return Context()

    def _conj(self, i: int, g: int) -> Context:
        p = self.p
        own_subject = any(p.dep[k] in ("nsubj", "nsubjpass") for k in p.kids[i])
        parent = self.situate(g) if p.pos[g] in ("VERB", "AUX") else Context()
        if own_subject:
            return replace(parent, frame=None, negated=False, gov=-1, inherit=-1, inherit_object=False)
        return replace(parent, inherit=g, inherit_object=False, gov=-1 if parent.gov < 0 else parent.gov)

    def _complement(self, i: int, g: int, dep: str) -> Context:
        p = self.p
        if p.pos[g] == "ADJ" or p.dep[g] == "acomp":
            return self._adjective(i, g)
        cls = self.control_class(g)
        if cls == "INTENT" and self.lex.is_a(p.lemma[g], "WANT"):
            if p.child(g, ("dobj",)) >= 0 or p.child(i, ("nsubj",)) >= 0:
                cls = "APPEAL"  # "Obama wants Putin to attack": what Obama asks of Putin
        if cls and dep != "xcomp" and not self._fits_clause(i, cls):
            cls = None
        gctx = self.situate(g) if p.pos[g] in ("VERB", "AUX") else Context()
        if cls and (dep == "xcomp" or cls in ("DEMAND", "APPEAL", "INTENT", "THREAT", "PERMIT")):
            if gctx.status == "blocked":
                return gctx
            obj = cls in ("APPEAL", "DEMAND") or self.lex.is_a(p.lemma[g], "OBJECT_CONTROL")
            if cls == "ASPECT" and gctx.frame:  # "prepared to resume shelling", "agreed to begin talks"
                return replace(gctx, gov=g, inherit=g, inherit_object=False, why=f"{p.lemma[g]} + complement")
            if gctx.frame in NESTING:  # "demanded that they refuse to recognize": not done, not even refused
                return replace(BLOCKED, why=f"{p.lemma[g]} + complement inside a {gctx.frame}")
            return Context(
                frame=FRAME_OF[cls],
                gov=g,
                inherit=g,
                inherit_object=obj and dep == "xcomp",
                negated=gctx.negated,
                speaker=gctx.speaker,
                why=f"{p.lemma[g]} + complement",
            )
        if self.lex.is_a(p.lower[g], "FUTURE_ADJ") and p.infinitive(i):  # "is scheduled to attend"
            return replace(gctx, frame="future", inherit=g, gov=-1, why=f"{p.lower[g]} to")
        if p.lemma[g] in ("be", "go") and dep == "xcomp" and p.infinitive(i):
            return replace(gctx, frame="future", inherit=g, gov=-1, why="is to / going to")
        if p.lemma[g] in ("have", "need") and dep == "xcomp" and p.infinitive(i):
            return replace(gctx, frame="oblige", inherit=g, gov=-1, why="has to")
        if p.lemma[g] in DENIALS and dep in ("ccomp", "xcomp"):
            return replace(BLOCKED, why=f"{p.lemma[g]} + clause")  # "denied that it abducted children"
        if self._say(g):
            if gctx.status == "blocked":
                return gctx
            if p.tag[i] == "VB" and not p.modals(i) and p.child(i, ("nsubj",)) >= 0 and not p.infinitive(i):
                return Context(speaker=g, frame="oblige", why="mandative subjunctive")  # "insisted that Iran halt"
            return Context(speaker=g, why="reported")
        if dep == "xcomp" and p.infinitive(i):
            return replace(BLOCKED, why=f"{p.lemma[g]} + infinitive")
        if self.lex.is_a(p.lemma[g], "IRREALIS"):
            return replace(BLOCKED, why=f"{p.lemma[g]} + clause")
        if dep == "xcomp":
            return self._inside(g, Context(inherit=g, why="complement"))
        return Context()

    def _fits_clause(self, i: int, cls: str) -> bool:
        """A that-clause is a demand when subjunctive or obliged, an intent or threat when future."""
        p = self.p
        mods = set(p.modals(i))
        if cls in ("DEMAND", "APPEAL"):  # "demanded that Iran halt", "asked that the inquiry be held"
            subjunctive = p.tag[i] in ("VB", "VBP") or any(
                p.dep[k] in ("aux", "auxpass") and p.lower[k] == "be" for k in p.kids[i]
            )
            return subjunctive and not mods or bool(mods & OBLIGE)
        if cls == "INTENT":  # "agreed that their countries should cooperate"
            return bool(mods & (FUTURE | {"should"}))
        if cls == "THREAT":
            return bool(mods & FUTURE)
        return cls == "PERMIT" and p.infinitive(i)  # "allow inspectors to visit"

    def _adjective(self, i: int, a: int) -> Context:
        p = self.p
        cop = p.head[a]
        base = self.situate(cop) if cop != a and p.pos[cop] in ("VERB", "AUX") else Context()
        if base.status == "blocked":
            return base
        if self.lex.is_a(p.lemma[a], "INTENT_ADJ"):
            return replace(base, frame="intent", gov=cop, inherit=cop, why=f"{p.lemma[a]} to")
        if self.lex.is_a(p.lemma[a], "FUTURE_ADJ"):
            return replace(base, frame="future", inherit=cop, gov=-1, why=f"{p.lemma[a]} to")
        return replace(BLOCKED, why=f"{p.lemma[a]} to")

    def _adverbial(self, i: int, g: int) -> Context:
        p = self.p
        mark = p.mark(i)
        if mark in IRREALIS_MARKS:
            return replace(BLOCKED, why=f"'{mark}' clause")
        has_object = any(p.dep[k] in ("dobj", "attr") for k in p.kids[g])
        if p.infinitive(i) and self.control_class(g) and not has_object:  # "sworn to fight" parsed as a purpose
            return self._complement(i, g, "xcomp")
        if p.infinitive(i) and self.lex.is_a(p.lemma[g], "SEND") and mark not in ("so", "in"):
            return self._inside(g, Context(inherit=g, why="sent to"))  # "sent personnel to Bosnia to investigate"
        if p.infinitive(i) or mark in ("to", "so", "in"):
            return replace(BLOCKED, why="purpose clause")
        if p.tag[i] in ("VBG", "VBN") and not any(p.dep[k] in ("nsubj", "nsubjpass") for k in p.kids[i]):
            if p.pos[g] in ("VERB", "AUX"):
                return self._inside(g, Context(inherit=g, why="participle"))
        return Context()

    def _adnominal(self, i: int, n: int) -> Context:
        p = self.p
        if p.dep[i] == "acl" and p.tag[i] == "VBD" and not p.mark(i) and p.ment[n] >= 0:
            # "Kuwait's emir, Sheikh Sabah, spoke by telephone with ...": a main verb the parser hung on its subject
            return self._inside_noun(n, Context(inherit=n, why="finite verb of a noun"))
        if p.mark(i) == "that" or (p.tag[i] not in ("VBG", "VBN") and not p.infinitive(i)):
            frame = self._noun_frame(n)
            if frame in ("demand", "appeal") and (p.tag[i] == "VB" or set(p.modals(i)) & OBLIGE):
                return Context(frame=frame, gov=n, inherit=n, why=f"{p.lemma[n]} that")
            return replace(BLOCKED, why=f"{p.lemma[n]} that: what is claimed, not what happened")
        if p.infinitive(i):
            frame = self._noun_frame(n)
            if frame:
                return self._inside_noun(n, Context(frame=frame, gov=n, inherit=n, why=f"{p.lemma[n]} to"))
            return replace(BLOCKED, why=f"{p.lemma[n]} + infinitive")
        if p.tag[i] == "VBG":
            return self._inside_noun(n, Context(inherit=n, why="participle of a noun"))
        if p.tag[i] == "VBN":
            return self._inside_noun(n, Context(target_from=n, why="passive participle of a noun"))
        return Context()

    def _noun_frame(self, n: int) -> str | None:
        for cls, frame in (("NOUN_THREAT", "threat"), ("NOUN_REFUSE", "reject"), ("NOUN_DEMAND", "demand"),
                           ("NOUN_APPEAL", "appeal"), ("NOUN_INTENT", "intent")):  # fmt: skip
            if self.lex.is_a(self.p.lemma[n], cls):
                return frame
        return None

    def _inside_noun(self, n: int, ctx: Context) -> Context:
        """A clause on a noun is blocked when the clause the noun stands in is."""
        p = self.p
        x, steps = n, 0
        while steps < 8 and p.head[x] != x and p.pos[x] not in ("VERB", "AUX"):
            if self.lex.is_a(p.lemma[x], "NOUN_IRREALIS"):  # "the prospect of Georgia joining"
                return replace(BLOCKED, why=f"under '{p.lemma[x]}'")
            x, steps = p.head[x], steps + 1
        if p.pos[x] in ("VERB", "AUX") and x != n:
            outer = self.situate(x)
            if outer.status == "blocked" or outer.frame in NESTING:
                return replace(BLOCKED, why="inside a blocked or framed clause")
        return ctx

    def _inside(self, g: int, ctx: Context) -> Context:
        """A clause inside a governing verb's clause inherits its blocking."""
        p = self.p
        if p.pos[g] in ("VERB", "AUX") and self.situate(g).status == "blocked":
            return BLOCKED
        return ctx

    def _say(self, g: int) -> bool:
        return self.lex.is_a(self.p.lemma[g], "SAY") and self.p.pos[g] in ("VERB", "AUX")

    # -- the verb's own auxiliaries -------------------------------------------------------
    def _own(self, i: int, ctx: Context) -> Context:
        if ctx.status == "blocked":
            return ctx
        p = self.p
        mods = p.modals(i)
        neg = ctx.negated or p.negated(i)
        if any(m in FUTURE for m in mods) and p.lower[i] != "have":
            if "have" in (p.lemma[k] for k in p.kids[i] if p.dep[k] == "aux"):
                return replace(BLOCKED, why="would have")
            ctx = replace(ctx, frame=ctx.frame or "future")
        elif any(m in OBLIGE for m in mods):
            ctx = replace(ctx, frame=ctx.frame or "oblige")
        elif any(m in POSSIBLE for m in mods):
            return replace(BLOCKED, why="modal")
        if p.mark(i) in IRREALIS_MARKS:
            return replace(BLOCKED, why="conditional")
        return replace(ctx, negated=neg)
