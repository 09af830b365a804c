"""The dependency parse as the coder reads it: plain lists fetched once per Doc, and clause helpers.

``Parse`` turns a spaCy Doc into lists of strings and ints (lower-case form, lemma, POS, tag,
dependency label, head, children) plus the actor mention at each token, so that coding a
sentence touches no spaCy objects. The helpers answer the questions the coder asks of a
clause: its subject and objects, voice, negation, modal verbs, the actors inside a phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc

#: dependencies that open a new clause: a bag of words or an actor search stops there
CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis", "conj", "cc"})
#: inside a noun phrase, the links that lead to the actor it is about
NP_NEAR = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod", "det", "quantmod"})
#: prepositions that lead from a noun to the actor it belongs to ("officials of Iran")
NP_PREPS = frozenset({"of", "from", "in", "for", "within", "at", "inside", "among", "throughout", "across"})
#: prepositions that lead from an object noun to the actor an act is done to ("an attack on X")
TARGET_NP_PREPS = NP_PREPS | {"against", "to", "on", "with", "toward", "towards", "into", "by", "between", "over"}
#: heads of complex prepositions whose object is no participant ("according to X")
NOT_PARTICIPANT = frozenset({"according", "accord", "due", "prior", "owing", "thanks", "regardless", "irrespective", "next"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj"})


class Parse:
    """One Doc's tokens as plain lists, with the actor mention covering each token."""

    __slots__ = ("n", "lower", "lemma", "pos", "tag", "dep", "head", "kids", "ment", "mentions")

    def __init__(self, doc: Doc, mentions: list[dict[str, Any]]):
        arr = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD]).tolist()
        strings = doc.vocab.strings
        cache: dict[int, str] = {}

        def s(h: int) -> str:
            v = cache.get(h)
            if v is None:
                v = cache[h] = strings[h]
            return v

        n = self.n = len(arr)
        self.lower = [s(r[0]) for r in arr]
        self.lemma = [s(r[1]).lower() for r in arr]
        self.pos = [s(r[2]) for r in arr]
        self.tag = [s(r[3]) for r in arr]
        self.dep = [s(r[4]) for r in arr]
        self.head = [i + (r[5] if r[5] < 2**63 else r[5] - 2**64) for i, r in enumerate(arr)]
        self.kids: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.kids[h].append(i)
        self.mentions = mentions
        self.ment = [-1] * n
        for k, m in enumerate(mentions):
            for i in range(max(0, m.get("start", 0)), min(n, m.get("end", 0))):
                self.ment[i] = k

    # -- structure ------------------------------------------------------------------------
    def children(self, i: int, deps: Iterable[str] | str) -> list[int]:
        """Children of token i with one of the given dependency labels."""
        if isinstance(deps, str):
            return [k for k in self.kids[i] if self.dep[k] == deps]
        return [k for k in self.kids[i] if self.dep[k] in deps]

    def child(self, i: int, deps: Iterable[str] | str) -> int:
        """The first child with one of the labels, or -1."""
        ks = self.children(i, deps)
        return ks[0] if ks else -1

    def subtree(self, i: int, stop: frozenset[str] = CLAUSAL) -> Iterator[int]:
        """Token i and its descendants, not entering dependents labelled in ``stop``."""
        stack = [i]
        while stack:
            x = stack.pop()
            yield x
            for k in self.kids[x]:
                if self.dep[k] not in stop:
                    stack.append(k)

    def bag(self, tokens: Iterable[int]) -> set[str]:
        """Lower-case forms and lemmas of tokens: what pattern words are matched against."""
        out: set[str] = set()
        for x in tokens:
            out.add(self.lower[x])
            out.add(self.lemma[x])
        return out

    def is_passive(self, i: int) -> bool:
        """A passive verb: an auxpass or nsubjpass child, or a bare participle with a by-agent."""
        deps = {self.dep[k] for k in self.kids[i]}
        if deps & {"auxpass", "nsubjpass"}:
            return True
        return "agent" in deps and "nsubj" not in deps

    def negated(self, i: int) -> bool:
        """A 'not'/'never'/'no longer' on the verb (or its auxiliaries)."""
        for k in self.kids[i]:
            d = self.dep[k]
            if d == "neg" or (d == "advmod" and self.lower[k] in ("never", "no longer")):
                return True
        return False

    def modals(self, i: int) -> list[str]:
        """Modal and future auxiliaries of a verb: will, would, may, must, ... ('is to' -> 'to')."""
        out = []
        for k in self.kids[i]:
            if self.dep[k] in ("aux", "auxpass") and (self.tag[k] == "MD" or self.lemma[k] in ("will", "shall")):
                out.append(self.lower[k].replace("'ll", "will").replace("'d", "would"))
        return out

    def mark(self, i: int) -> str:
        """The subordinating word of a clause (if, unless, whether, that, to...), or ''."""
        for k in self.kids[i]:
            if self.dep[k] in ("mark", "aux") and self.tag[k] in ("IN", "TO", "WRB"):
                return self.lower[k]
        return ""

    def infinitive(self, i: int) -> bool:
        """A 'to' infinitive (to + base form)."""
        return self.tag[i] == "VB" and any(self.tag[k] == "TO" for k in self.kids[i])

    # -- actors ---------------------------------------------------------------------------
    def np_actors(self, h: int, depth: int = 3, preps: frozenset[str] = NP_PREPS, skip_poss: bool = False) -> list[int]:
        """Mentions a noun phrase is about: the one at its head, else the nearest inside it.

        The search goes down modifier links and through prepositional phrases (a preposition
        and its object are one step), ``depth`` steps at most. Coordinated phrases give one
        mention per member ("Hungarian and Romanian officials"). ``skip_poss`` ignores
        possessive pronouns ("its troops" is not about a second actor).
        """
        if h < 0:
            return []
        if self.ment[h] >= 0 and not (skip_poss and self._poss_pronoun(h)):
            return self._with_conj(h)
        frontier = [h]
        for _ in range(depth):
            found: list[int] = []
            nxt = []
            for x in frontier:
                for k in self._np_steps(x, preps):
                    if self.ment[k] >= 0 and not (skip_poss and self._poss_pronoun(k)):
                        found.extend(self._with_conj(k))
                    else:
                        nxt.append(k)
            if found:
                conj = [m for x in frontier for c in self.children(x, "conj") for m in self.np_actors(c, 1)]
                named = [m for m in found if not self._poss_pronoun(self.mentions[m].get("start", -1))]
                return _dedup((named or found) + conj)  # "its European Community partners": the EC
            frontier = nxt
        return _dedup([m for c in self.children(h, "conj") for m in self.np_actors(c, depth, preps, skip_poss)])

    def _np_steps(self, x: int, preps: frozenset[str]) -> Iterator[int]:
        """The tokens one step down a noun phrase: modifiers, prepositional objects, agents."""
        for k in self.kids[x]:
            d = self.dep[k]
            if d in NP_NEAR:
                yield k
            elif d == "prep" and self.lemma[k] in preps:
                for o in self.kids[k]:
                    if self.dep[o] == "pobj":
                        yield o
            elif d == "acl" and self.tag[k] == "VBN":  # "crimes committed by X", "the curfew imposed in X"
                for a in self.kids[k]:
                    if (self.dep[a] == "agent" and "by" in preps) or (self.dep[a] == "prep" and self.lemma[a] == "in"
                                                                       and "in" in preps):  # fmt: skip
                        yield from (o for o in self.kids[a] if self.dep[o] == "pobj")

    def _poss_pronoun(self, k: int) -> bool:
        return 0 <= k < self.n and self.dep[k] == "poss" and self.pos[k] == "PRON"

    def _with_conj(self, k: int) -> list[int]:
        m = self.ment[k]
        out = [m]
        for c in self.kids[k]:
            if self.dep[c] == "conj":
                out.extend(self.np_actors(c, 2))
        # a coordinated modifier of the head: "Hungarian and Romanian officials"
        for c in self.kids[k]:
            if self.dep[c] in ("amod", "compound", "nmod") and self.ment[c] >= 0 and self.ment[c] != m:
                if any(self.dep[x] == "conj" and self.ment[x] == m for x in self.kids[c]):
                    out.insert(0, self.ment[c])
        return _dedup(out)

    def prep_objects(self, i: int, preps: Iterable[str] | None = None) -> list[tuple[str, int]]:
        """(preposition, object head) pairs of token i's prepositional phrases and agents."""
        out = []
        kids = list(self.kids[i])
        kids += [x for k in self.kids[i] if self.dep[k] == "prt" for x in self.kids[k]]  # "up to 16 advisers"
        for k in kids:
            d = self.dep[k]
            if d not in ("prep", "agent", "dative"):
                continue
            if d == "dative" and self.pos[k] != "ADP":
                out.append(("to", k))
                continue
            p = self.lemma[k]
            if p in NOT_PARTICIPANT or (preps is not None and p not in preps):
                continue
            for o in self.kids[k]:
                if self.dep[o] in ("pobj", "pcomp"):
                    out.append((p, o))
                    break
                if self.dep[o] == "prep":  # "out of", "away from"
                    for oo in self.kids[o]:
                        if self.dep[oo] == "pobj":
                            out.append((self.lemma[o], oo))
        return out


def _dedup(xs: list[int]) -> list[int]:
    seen: set[int] = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
