"""Verdicts on acts reported before: "said the British decision was unfair", "was disappointed by
Russia's decision", "said the warrant was justified".

A statement whose reported clause only judges something ("X was unfair", "he was disappointed")
is no statement of fact but a reaction: criticism (111) when the judgement is a reproach or a
feeling of dismay, praise (051) when it approves. It is aimed at whoever owns what is judged
("the British decision": Britain; "Russia's decision": Russia), else at the doer of the act the
judged noun refers back to ("the warrant", "it").
"""

from __future__ import annotations

from .match import Act
from .reference import ANY_ACT, APPROVAL, REPROACH, Reference
from .roles import Raw

#: feelings a speaker voices about someone else's act: criticism
DISMAY = frozenset({"disappointed", "disappointing", "concerned", "dismayed", "alarmed", "troubled", "worried",
                    "regrettable", "deplorable", "appalled", "shocked", "outraged", "angered", "saddened",
                    "unacceptable", "wrong", "misguided", "counterproductive", "regret"})  # fmt: skip
#: words of approval a verdict may use besides the names of approval
JUSTIFIED = frozenset({"justified", "legitimate", "correct", "right", "appropriate", "necessary", "welcome",
                       "encouraging", "pleased", "glad", "satisfied", "grateful"})  # fmt: skip


class Verdict(Reference):
    """Statements that judge an act: criticism or praise of its doer."""

    def _verdict(self, i: int, srcs: list[int]) -> list[Raw]:
        """The reaction a reporting verb's judging clause makes, or []."""
        p = self.p
        for c in p.children(i, ("ccomp",)):
            if p.lemma[c] == "be":  # "the decision was unfair"
                preds = [k for k in p.kids[c] if p.dep[k] in ("acomp", "attr")]
            elif p.tag[c] in ("VBN", "JJ") and any(p.lemma[a] == "be" for a in p.kids[c] if p.dep[a].startswith("aux")):
                preds = [c]  # "he was disappointed by", "the warrant was justified"
            else:
                continue
            toks = [x for k in preds for x in p.subtree(k)]
            words = {p.lower[x] for x in toks} | {p.lemma[x] for x in toks}
            code = "111" if words & (REPROACH | DISMAY) else "051" if words & (APPROVAL | JUSTIFIED) else None
            if code is None or p.negated(c):
                continue
            subj = p.child(c, ("nsubj", "nsubjpass"))
            if code == "051" and (subj < 0 or p.pos[subj] == "PRON"):
                continue  # "this is a primary step": a party praising its own deal
            tgts = self._judged(c, preds, srcs)
            if tgts:
                act = Act(code, None, f"VERDICT:{p.lemma[i]}", 1.0, "VERDICT")
                return self._emit(code, srcs, tgts, i, act, self.situ.situate(i), allow_no_source=False)  # type: ignore[attr-defined]
        return []

    def _judged(self, c: int, preds: list[int], srcs: list[int]) -> list[int]:
        """Whom a judgement is aimed at: the owner of its subject or of its by-phrase, else the act's doer."""
        p = self.p

        def others(found: list[int]) -> list[int]:
            return [m for m in found if not any(self._one_side(x, m) or self._same_key(x, m) for x in srcs)]

        subj = p.child(c, ("nsubj", "nsubjpass"))
        heads = [o for k in preds for _q, o in p.prep_objects(k, ("by", "with", "at", "about", "over"))]
        heads += [subj] if subj >= 0 else []
        for h in heads:
            named = p.np_actors(h, 2)
            found = others(named)
            if found:
                return found
            roots = ANY_ACT if named and h == subj else self._referred_roots(h)  # "Moscow was disappointed"
            if roots is not None:
                back = self._last_source(srcs, roots, generic=roots == ANY_ACT)
                if back:
                    return others(back)
            found = others(self._object_of_act(h))
            if found:
                return found
        return []

    def _object_of_act(self, h: int) -> list[int]:
        """The doer of the latest act whose object had this noun ("issued a warrant" ... "the warrant")."""
        p = self.p
        definite = any(p.dep[d] == "det" and p.lower[d] in ("the", "this", "that") for d in p.kids[h])
        if p.pos[h] != "NOUN" or not definite:
            return []
        for r in reversed(self.history):
            v = r.trigger[0]
            if r.source is None or r.source < 0 or v >= h or p.pos[v] not in ("VERB", "AUX"):
                continue
            if any(p.lemma[x] == p.lemma[h] for k in p.children(v, ("dobj",)) for x in p.subtree(k)):
                return [r.source]
        return []
