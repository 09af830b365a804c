"""Reactions to acts reported before: whom "condemned the decision", "called it a land grab",
"denied the allegations" and "vowed to retaliate" are aimed at.

A reaction whose object names no actor but refers back to an act ("the decision", "it", "the
strikes", "what he called a shocking act", "apologized for the incursion") targets whoever did
that act: the source of the latest earlier event of a kind the noun can name. A denial with no
object targets the latest accuser of the denier; a retaliation, the latest actor against it.
Naming verbs ("called the strikes an act of war", "described the move as a provocation") are
criticism, or praise when the name is a term of approval.
"""

from __future__ import annotations

from .clause import TARGET_NP_PREPS
from .match import Act
from .roles import Roles

#: roots of reactions, whose object ("the decision") may be an act reported before
REACTIONS = frozenset({"02", "05", "10", "11", "12", "01"})  # 01: only 016, "denied the accusation"


def _roots(a: str, b: str, but: str = "") -> frozenset[str]:
    return frozenset(f"{r:02d}" for r in range(int(a), int(b) + 1)) - frozenset(but.split())


#: any act but a statement: what "it" can refer to
ANY_ACT = _roots("02", "20")
#: what "the decision", "the move" can refer to: an act, not words
ACTION = _roots("03", "20", but="09 10 11 13")
#: the roots an anaphoric event noun can name ("the raid" names violence, "the decision" anything)
ANAPHOR_ROOTS = {
    **dict.fromkeys(("raid", "raids", "attack", "attacks", "strike", "strikes", "bombing", "bombings", "shelling",
                     "invasion", "offensive", "incursion", "killing", "killings", "shooting", "downing"),
                    _roots("17", "20")),
    **dict.fromkeys(("sanctions", "embargo", "tariffs", "ban", "restrictions", "blockade", "expulsion",
                     "expulsions", "suspension"), _roots("16", "17")),
    **dict.fromkeys(("accusation", "accusations", "charge", "charges", "claim", "claims", "allegation",
                     "allegations"), _roots("11", "11")),
    **dict.fromkeys(("demand", "demands", "call", "calls", "appeal", "request", "ultimatum"), _roots("02", "10")),
    **dict.fromkeys(("proposal", "idea", "plan", "offer"), _roots("02", "03")),
    **dict.fromkeys(("arrest", "arrests", "detention", "detentions", "execution", "executions", "crackdown",
                     "seizure"), _roots("17", "18")),
    **dict.fromkeys(("threat", "threats"), _roots("13", "13")),
    **dict.fromkeys(("recognition",), _roots("05", "05")),
    **dict.fromkeys(("withdrawal",), _roots("08", "08")),
    **dict.fromkeys(("deployment",), _roots("07", "15", but="08 09 10 11 12 13 14")),
    **dict.fromkeys(("agreement", "accord", "deal", "treaty", "outcome"), _roots("03", "06")),
    **dict.fromkeys(("decision", "decisions", "move", "moves", "step", "steps", "measure", "measures", "action",
                     "actions", "act", "acts", "behavior", "behaviour", "incident", "policy", "operation"), ACTION),
}  # fmt: skip

#: roots of acts a quoted name condemns ("called the downing 'a stab in the back'")
CONFLICT = _roots("12", "20")
#: roots of the acts a denial answers
ACCUSATIONS = ("10", "11", "13")
#: words that make a name one of approval ("called the talks a historic event")
APPROVAL = frozenset({"historic", "breakthrough", "success", "successful", "victory", "achievement", "milestone",
                      "positive", "constructive", "important", "good", "great", "welcome", "progress", "step",
                      "win", "triumph", "landmark", "significant"})  # fmt: skip
#: words that make a name a reproach whatever else it says ("a historic mistake")
REPROACH = frozenset(
    {
        "mistake",
        "error",
        "blunder",
        "grab",
        "war",
        "crime",
        "aggression",
        "provocation",
        "violation",
        "disgrace",
        "shame",
        "farce",
        "illegal",
        "outrageous",
        "unacceptable",
        "terrorism",
        "massacre",
        "persecution",
        "bad",
        "dangerous",
        "aggressive",
        "cleansing",
        "genocide",
        "threat",
        "betrayal",
        "stab",
        "sham",
        "hostile",
        "irresponsible",
        "reckless",
        "arbitrary",
        "absurd",
        "lie",
        "provocative",
        "unjustified",
        "unfair",
        "violate",
        "cowardly",
        "barbaric",
        "brutal",
        "criminal",
        "invasion",
        "occupation",
        "piracy",
        "blackmail",
        "interference",
        "unfriendly",
        "shocking",
        "outrage",
    }
)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def roots_of(noun: str) -> frozenset[str]:
    """The roots of the acts an event noun can refer to."""
    return ANAPHOR_ROOTS.get(noun, ANY_ACT)


class Reference(Roles):
    """Targets of reactions, denials and retaliations, found among the acts reported before."""

    def _naming_act(self, i: int) -> Act | None:
        """ "called the strikes an act of war": criticism (111), or praise (051) for a name of approval.

        A naming verb with an object and a name is never an appeal ("called the agreement a victory"):
        a neutral name gives an act with no code (no event). A quoted name of an act of conflict
        ("called the downing 'a stab in the back'") is criticism.
        """
        p = self.p
        if not self.lex.is_a(p.lemma[i], "NAMING"):
            return None
        if p.lemma[i] == "call" and (p.children(i, ("xcomp",)) or any(p.lower[k] in ("off", "up") for k in p.kids[i])):
            return None  # "called on Iran to halt": an appeal; "called off the summit"
        objs = p.children(i, ("dobj",))
        names = self._names(i, objs[0] if objs else -1)
        if not names or not objs:
            return None
        words = {p.lemma[x] for x in p.subtree(names[0])} | {p.lower[x] for x in p.subtree(names[0])}
        if words & REPROACH:
            return Act("111", None, f"NAMING:{p.lemma[i]}", 1.0, "NAMING")
        if words & APPROVAL:
            return Act("051", None, f"NAMING:{p.lemma[i]}", 1.0, "NAMING")
        if p.lower[objs[0]] != "what" and self._quoted(names[0]) and self._conflict_referent(objs[0]):
            return Act("111", None, f"NAMING:{p.lemma[i]} quoted", 0.5, "NAMING")
        return Act(None, None, f"NAMING:{p.lemma[i]}", 0.0, "NAMING")  # "called it a sign of hope": neither

    def _names(self, i: int, obj: int) -> list[int]:
        """The name a naming verb gives: its predicative ("called it a stab"), "as" object, or small clause."""
        p = self.p
        names = p.children(i, ("oprd",)) + [o for prep, o in p.prep_objects(i, ("as",))]
        if names or obj < 0:
            return names
        after = max(p.subtree(obj, frozenset())) + 1
        for k in p.kids[i]:  # "called the agreement a victory for Syria achieved ...", parsed as a clause
            if p.dep[k] in ("advcl", "ccomp"):
                subj = p.child(k, ("nsubj",))
                if subj >= 0 and min(p.subtree(subj, frozenset())) == after and p.pos[subj] == "NOUN":
                    return [subj]
        return []

    def _quoted(self, k: int) -> bool:
        """A phrase in quotation marks ("a stab in the back")."""
        p = self.p
        toks = sorted(p.subtree(k, frozenset()))
        lo, hi = toks[0] - 1, toks[-1] + 1
        quotes = ('"', "\u201c", "\u201d", "'", "``", "''")
        return (lo >= 0 and p.lower[lo] in quotes) or (hi < p.n and p.lower[hi] in quotes)

    def _conflict_referent(self, k: int) -> bool:
        """Whether the object refers back to an act of conflict (a threat, sanction, arrest, attack)."""
        roots = self._referred_roots(k)
        if roots is None:
            return False
        r = next((r for r in reversed(self.history) if r.code[:2] in roots), None)
        return r is not None and r.code[:2] in CONFLICT

    def _anaphoric_target(self, i: int, code: str, srcs: list[int]) -> list[int] | None:
        """A reaction to "the decision" targets whoever made it; None when that is the reactor itself."""
        p = self.p
        if code[:2] in REACTIONS and any(p.lower[k] == "what" for k in p.children(i, ("dobj",))):
            return self._named_act_source(i, srcs)  # "detained them, in what Ottawa called arbitrary detention"
        if code.startswith("055"):  # "apologized for the incursion": to whom the incursion was done
            return self._victim_of(i, srcs)
        if code[:2] in REACTIONS:
            for k in self._referents(i):
                named = [m for m in p.np_actors(k, 2, TARGET_NP_PREPS) if not any(self._same_key(m, x) for x in srcs)]
                if named and p.dep[k] == "oprd":  # "what they called aggressive behavior by China"
                    return named
                roots = self._referred_roots(k)
                if roots is not None:
                    return self._last_source(srcs, roots, generic=roots == ANY_ACT)
            if code == "016":  # "Pakistan has denied involvement": whoever accused it
                return self._accuser(srcs)
        if any(self.lex.is_a(f, "RETALIATE") for f in self.situ.phrasal(i)) or (
            p.lemma[i] == "return" and any(p.lower[k] == "fire" for k in p.kids[i])
        ):
            for r in reversed(self.history):
                if r.source is not None and r.target is not None and r.target >= 0:
                    if any(self._same_key(r.target, x) for x in srcs):
                        return [r.source]
        return []

    def _victim_of(self, i: int, srcs: list[int]) -> list[int]:
        """The target of the apologiser's own act that an apology refers to ("for the incursion")."""
        for k in self._referents(i):
            roots = self._referred_roots(k) or ANY_ACT
            for r in reversed(self.history):
                if r.source is None or r.target is None or r.target < 0 or r.code[:2] not in roots:
                    continue
                if any(self._same_key(r.source, x) for x in srcs):
                    return [r.target]
        return []

    def _named_act_source(self, i: int, srcs: list[int]) -> list[int]:
        """Who did the act a "what X called Y" phrase names: the source of the verb it hangs on."""
        p = self.p
        h = p.head[i]
        if p.dep[i] != "pcomp" or p.pos[h] != "ADP" or p.pos[p.head[h]] != "VERB":
            return []
        v = p.head[h]
        act = self.verb_acts.get(v)
        if act is None or not act.code:
            return []
        found = self._sources(v, self.situ.situate(v))[0]
        return [m for m in found if not any(self._same_key(m, x) for x in srcs)]

    def _referents(self, i: int) -> list[int]:
        """Nouns a reaction is about: its object, "what he called X", "apologized for X"."""
        p = self.p
        out = []
        for k in p.kids[i]:
            d = p.dep[k]
            if d in ("dobj", "nsubjpass"):
                out.append(k)
            elif d == "ccomp" and self.lex.is_a(p.lemma[k], "NAMING") and any(p.lower[x] == "what" for x in p.kids[k]):
                out.extend(p.children(k, ("oprd",)))  # "condemned what he called a shocking act"
            elif d == "prep" and p.lemma[k] in ("for", "over", "about", "at", "of", "on", "by"):
                out.extend(p.children(k, ("pobj",)))
        return out

    def _referred_roots(self, k: int) -> frozenset[str] | None:
        """The roots of the act a noun refers back to, or None when it refers to none."""
        p = self.p
        if p.ment[k] >= 0:
            return None
        if p.pos[k] == "PRON":
            return ANY_ACT if p.lower[k] in ("it", "this", "that") else None
        if not self.lex.is_a(p.lemma[k], "EVENT_NOUN"):
            return None
        kids = p.kids[k]
        if any(p.dep[d] in ("amod", "compound") and p.cap[d] for d in kids):
            return None  # "the European move": someone named, not resolved
        referring = p.dep[k] == "oprd" or any(
            (p.dep[d] == "det" and p.lower[d] in DEFINITE) or (p.dep[d] == "poss" and p.pos[d] == "PRON") for d in kids
        )
        return roots_of(p.lemma[k]) if referring else None

    def _last_source(self, srcs: list[int], roots: frozenset[str], generic: bool = False) -> list[int] | None:
        """The sources of the latest earlier event of a kind the noun can name ("Spain, France ... recognized")."""
        for r in reversed(self.history):
            if r.source is None or r.source < 0 or r.code[:2] not in roots:
                continue
            if any(self._same_key(r.source, x) for x in srcs):
                if generic:
                    continue  # "it" is someone else's act
                return None  # "Israel defended the raid": its own act
            same = [x.source for x in self.history if x.trigger == r.trigger and x.code == r.code]
            return list(dict.fromkeys(x for x in same if x is not None and x >= 0))
        return []

    def _accuser(self, srcs: list[int]) -> list[int]:
        """The source of the latest accusation, demand or threat against one of the sources."""
        for r in reversed(self.history):
            if r.code[:2] not in ACCUSATIONS or r.source is None or r.target is None or r.target < 0:
                continue
            if any(self._same_key(r.target, x) for x in srcs) and not any(self._same_key(r.source, x) for x in srcs):
                return [r.source]
        return []
