"""Headlines: "Turkey Expels Israeli Diplomats Over Gaza Raid", "China To Hold Talks With Japan".

A headline is written in title case, without articles, in the present tense for what
happened and with "to" for what will happen. The statistical parser reads most headlines as
a string of proper nouns, so when the dependency reading of a headline codes nothing, it is
read again as a flat pattern:

    SOURCE [and SOURCE] [to] [not] VERB [to VERB] [OBJECT] [PREP TARGET] ...

The verb is recognised by its form (base, or third person in -s/-es/-ies), its object and
prepositional phrases are read as word bags for the dictionary's patterns, and the frames
of the body text apply: "To Hold" is an intent, "Threatens Sanctions" a threat.
"""

from __future__ import annotations

from .codebook import frame_code, is_cooperative
from .context import Context
from .match import Act, Bags
from .roles import TARGET_PREPS, Raw

PREPOSITIONS = frozenset(
    {"with", "against", "on", "to", "toward", "towards", "into", "at", "in", "for", "from", "over", "after",
     "before", "as", "amid", "despite", "near", "about", "of", "by", "under", "between", "across"}
)  # fmt: skip
#: verbs after which a headline reports another clause ("Turkey Says It Will Not Recognize Cyprus")
REPORTING = frozenset({"say", "tell", "claim", "announce", "insist", "report", "state", "believe", "think"})
NEGATORS = frozenset({"not", "never", "won't", "wo", "n't", "no"})
FRAMES = {"INTENT": "intent", "THREAT": "threat", "APPEAL": "appeal", "DEMAND": "demand", "REFUSE": "reject"}


def is_headline(words: list[str], caps: list[int]) -> bool:
    """Title case: most words of four letters or more capitalised, and no closing full stop."""
    long = [c for w, c in zip(words, caps, strict=True) if len(w) > 3 and w.isalpha()]
    return bool(long) and sum(1 for c in long if c) >= 0.7 * len(long) and words[-1] not in (".", "!", "?")


class HeadlineReader:
    """The flat reading of a headline sentence (a mixin of SentenceCoder)."""

    def headline(self, start: int, end: int) -> list[Raw]:  # type: ignore[misc]
        """Events of a title-case headline in tokens [start, end)."""
        p = self.p  # type: ignore[attr-defined]
        semi = next((i for i in range(start, end) if p.lower[i] == ";" and i > start), -1)
        if semi > 0:  # "Turkey Shoots Down Russian Warplane; Putin Warns of ...": two headlines
            return self.headline(start, semi) + self.headline(semi + 1, end)
        toks = [i for i in range(start, end) if p.lower[i].strip() and p.pos[i] != "PUNCT" or p.lower[i] == ","]
        if len(toks) < 3 or not is_headline([p.lower[i] for i in toks], [p.cap[i] for i in toks]):
            return []
        cands = [(j, i, v) for j, i in enumerate(toks) if j > 0 and (v := self._verb_form(i))]
        # a word after "and" or a comma still belongs to the subject ("Saudi Arabia and Allies Cut Ties")
        cands = [c for c in cands if c[2] and p.lower[toks[c[0] - 1]] not in ("and", ",")]
        # a word the parser took for a verb first ("Allies Cut Ties": "Cut", not "Allies")
        cands.sort(key=lambda c: (p.pos[c[1]] != "VERB", c[0]))
        for j, _i, lemma in cands:
            srcs = self._head_sources(toks[:j])
            if not srcs:
                continue
            if lemma in REPORTING:
                return self.headline(toks[j + 1], end) if j + 1 < len(toks) else []
            return self._head_event(toks, j, lemma, srcs)
        return []

    def _verb_form(self, i: int) -> str | None:
        p = self.p  # type: ignore[attr-defined]
        if p.ment[i] >= 0:
            return None
        w = p.lower[i]
        for lemma in (w, w[:-1] if w.endswith("s") else "", w[:-2] if w.endswith("es") else "",
                      w[:-3] + "y" if w.endswith("ies") else ""):  # fmt: skip
            if lemma and len(lemma) > 2 and (lemma in self.lex.verbs or self._control(lemma)):  # type: ignore[attr-defined]
                return lemma
        return None

    def _control(self, lemma: str) -> str | None:
        for cls in FRAMES:
            if self.lex.is_a(lemma, cls):  # type: ignore[attr-defined]
                return cls
        return None

    def _head_sources(self, before: list[int]) -> list[int]:
        """The mentions the headline opens with ("Saudi Arabia and Allies", "Obama, Putin")."""
        p = self.p  # type: ignore[attr-defined]
        out: list[int] = []
        for i in before:
            if p.lower[i] in PREPOSITIONS and p.lower[i] != "to":
                out = []  # "EU Mediates as Serbia and Kosovo Agree": the subject is after the last break
                continue
            m = p.ment[i]
            if m >= 0 and m not in p.places and m not in out:
                out.extend(x for x in p.members.get(m, [m]) if x not in out)
        return out

    def _head_event(self, toks: list[int], j: int, lemma: str, srcs: list[int]) -> list[Raw]:
        p = self.p  # type: ignore[attr-defined]
        before = {p.lower[i] for i in toks[max(0, j - 2) : j]}
        frame = "future" if "to" in before else None
        negated = bool(before & NEGATORS)
        rest = toks[j + 1 :]
        cls = self._control(lemma)
        act = None
        if cls and len(rest) >= 2 and p.lower[rest[0]] == "to" and self._verb_form(rest[1]):
            inner = self._head_act(self._verb_form(rest[1]) or lemma, rest[2:])  # "Agree to Resume Talks"
            if inner is not None and inner.code:
                frame, act, rest = FRAMES[cls], inner, rest[2:]
        act = act or self._head_act(lemma, rest)
        if act is None or act.code is None:
            return []
        code = self._head_code(act.code, frame, negated)
        if code is None:
            return []
        words = {lemma} | {p.lower[x] for x in _until_prep(p, rest)} | {p.lemma[x] for x in _until_prep(p, rest)}
        mutual = len(srcs) > 1 and any(self.lex.is_a(w, "RECIPROCAL") for w in words)  # type: ignore[attr-defined]
        tgts = self._head_targets(rest, act.code, srcs, mutual)
        ctx = Context(frame=frame, negated=negated, why="headline")
        i = toks[j]
        head_act = Act(act.code, act.rev, f"headline:{act.rule}", act.weight, act.block)
        if not tgts and mutual:
            conf = self._confidence(head_act, ctx)  # type: ignore[attr-defined]
            rule = f"{code}:headline {lemma} ({act.rule})"
            return [Raw(code, a, b, (i, i + 1), rule, conf) for x, a in enumerate(srcs) for b in srcs[x + 1 :]]
        return self._emit(code, srcs, tgts, i, head_act, ctx, allow_no_source=False)  # type: ignore[attr-defined]

    def _head_act(self, lemma: str, rest: list[int]) -> Act | None:
        """The dictionary reading of the verb with the words after it (an object noun lends its act)."""
        p = self.p  # type: ignore[attr-defined]
        obj = [i for i in _until_prep(p, rest)]
        for i in obj:  # "Holds Talks", "Threatens Sanctions"
            noun = self.matcher.compiled(p.lower[i], noun=True) or self.matcher.compiled(  # type: ignore[attr-defined]
                p.lemma[i], noun=True
            )
            if noun is not None and (self.lex.is_a(lemma, "LIGHT") or self._control(lemma)):  # type: ignore[attr-defined]
                e = noun.entries[0]
                if e.code:
                    act = Act(e.code, e.rev, f"{e.block}:{e.id.lower()}", 1.0, e.block)
                    cls = self._control(lemma)
                    if cls:  # "Threatens Sanctions", "Pledges Aid", "Rejects Proposal"
                        framed = frame_code(FRAMES[cls], e.code)
                        return Act(framed, None, act.rule, 1.0, e.block) if framed else None
                    return act
        bags = Bags(p.bag(obj), set(), _phrases(p, rest), [])
        return self.matcher.act_from_bags(lemma, bags)  # type: ignore[attr-defined]

    def _head_code(self, code: str, frame: str | None, negated: bool) -> str | None:
        if negated:
            return frame_code("reject", code) if is_cooperative(code) else None
        if frame in ("future", "intent"):
            return frame_code("intent", code) if is_cooperative(code) else frame_code("threat", code)
        if frame:
            return frame_code(frame, code) if is_cooperative(code) or frame == "threat" else None
        return code

    def _head_targets(self, rest: list[int], code: str, srcs: list[int], mutual: bool = False) -> list[int]:
        """The first actor after the verb: its object, else the object of a target preposition."""
        p = self.p  # type: ignore[attr-defined]
        place_ok = code[:2] >= "14" or code[:3] in ("042", "043")
        prep = ""
        for i in rest:
            if mutual and prep != "with" and p.lower[i] != "with":
                continue  # "Israel and Hamas Agree to Egyptian-Brokered Truce": each other, not Egypt
            w = p.lower[i]
            if w in PREPOSITIONS:
                if w not in TARGET_PREPS and w not in ("in", "at"):
                    break  # "... as Somali Refugees Flood Into Kenya": another clause
                prep = w
                continue
            m = p.ment[i]
            if m < 0 or m in srcs:
                continue
            if prep and prep not in TARGET_PREPS and not (prep in ("in", "at") and place_ok):
                continue
            if m in p.places and not (place_ok or prep in ("to", "into")):
                continue
            return list(p.members.get(m, [m]))
        return []


def _until_prep(p: object, toks: list[int]) -> list[int]:
    out = []
    for i in toks:
        if p.lower[i] in PREPOSITIONS:  # type: ignore[attr-defined]
            break
        out.append(i)
    return out


def _phrases(p: object, toks: list[int]) -> list[tuple[str, set[str]]]:
    out: list[tuple[str, set[str]]] = []
    for k, i in enumerate(toks):
        w = p.lower[i]  # type: ignore[attr-defined]
        if w in PREPOSITIONS:
            out.append((w, p.bag(_until_prep(p, toks[k + 1 :]))))  # type: ignore[attr-defined]
    return out
