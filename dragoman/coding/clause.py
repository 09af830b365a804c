"""The dependency parse as the coder reads it: plain lists fetched once per Doc, and clause helpers.

``Parse`` turns a spaCy Doc into lists of strings and ints (lower-case form, lemma, POS, tag,
dependency label, head, children) plus the actor mention at each token, so that coding a
sentence touches no spaCy objects. The helpers answer the questions the coder asks of a
clause: its subject and objects, voice, negation, modal verbs, the actors inside a phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import HEAD, LEMMA
from spacy.tokens import Doc

from ..nlp.tokens import lower_words, token_flags, token_strings

#: dependencies that open a new clause: a bag of words or an actor search stops there
CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis", "conj", "cc"})
#: inside a noun phrase, the links that lead to the actor it is about
NP_NEAR = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod", "det", "quantmod"})
#: prepositions that lead from a noun to the actor it belongs to ("officials of Iran")
NP_PREPS = frozenset({"of", "from", "in", "for", "within", "at", "inside", "among", "throughout", "across"})
#: prepositions that lead from an object noun to the actor an act is done to ("an attack on X")
TARGET_NP_PREPS = NP_PREPS | {"against", "to", "on", "with", "toward", "towards", "into", "by", "between", "over"}
#: nouns for groups of people, whose "in X" names their country (kept in step with classes.txt PEOPLE)
PEOPLE = frozenset({"force", "troop", "soldier", "army", "militia", "rebel", "militant", "guerrilla", "insurgent",
                    "fighter", "civilian", "refugee", "people", "population", "government", "authority",
                    "police", "protester", "demonstrator", "worker", "student", "resident", "villager",
                    "minority", "community", "group", "peacekeeper", "official", "leader"})  # fmt: skip
#: participles that name an owner ("sites belonging to Hamas", "groups linked to al-Qaeda")
OWNERSHIP = frozenset({"belong", "link", "tie", "affiliate", "connect", "loyal", "attach"})
#: heads of complex prepositions whose object is no participant ("according to X")
NOT_PARTICIPANT = frozenset(
    {"according", "accord", "due", "prior", "owing", "thanks", "regardless", "irrespective", "next"}
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj"})


class Parse:
    """One Doc's tokens as plain lists, with the actor mention covering each token."""

    __slots__ = ("n", "lower", "lemma", "pos", "tag", "dep", "head", "kids", "ment", "mentions", "places", "members",
                 "cap", "dateline", "_passive", "unnamed", "where", "exclude")  # fmt: skip

    def __init__(self, doc: Doc, mentions: list[dict[str, Any]]):
        arr = doc.to_array([LEMMA, HEAD])
        strings = doc.vocab.strings

        def lowered(j: int) -> list[str]:
            hashes = arr[:, j].tolist()
            try:
                return [_LOWERED[h] for h in hashes]
            except KeyError:
                for h in hashes:
                    if h not in _LOWERED:
                        _LOWERED[h] = strings[h].lower()
                return [_LOWERED[h] for h in hashes]

        n = self.n = len(arr)
        self.lower = lower_words(doc)  # shared with the other components: never changed here
        self.lemma = lowered(0)
        self.pos, self.tag, self.dep = (token_strings(doc, a) for a in ("POS", "TAG", "DEP"))
        heads = arr[:, 1].astype("int64") + _arange(n)
        self.head = heads.tolist()
        titles, uppers = token_flags(doc, "IS_TITLE"), token_flags(doc, "IS_UPPER")
        # 2: capitals, 1: Title
        self.cap = [2 if up else 1 if title else 0 for title, up in zip(titles, uppers, strict=True)]
        self.kids: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.kids[h].append(i)
        self.mentions = mentions
        self._passive: dict[int, bool] = {}
        self.ment = [-1] * n
        self.places: set[int] = set()  # mentions of a country or city as a place ("in Moscow")
        self.dateline: set[int] = set()  # tokens of "BRUSSELS --" at the head of a report
        self.members: dict[int, list[int]] = {}  # "the two sides" -> the two actors
        self.unnamed: dict[int, int] = {}  # token -> a mention of people with no country ("demonstrators")
        self.where: dict[int, dict[str, Any]] = {}  # token -> the place it names ("Jericho"), with a country
        self.exclude: frozenset[int] = frozenset()  # mentions np_actors looks past (the source's own side)
        for pl in (doc._.dragoman_places or []) if doc.has_extension("dragoman_places") else ():
            if pl.get("country"):
                for i in range(max(0, pl.get("start", 0)), min(n, pl.get("end", 0))):
                    self.where[i] = pl
        order = sorted(range(len(mentions)), key=lambda k: -(mentions[k].get("end", 0) - mentions[k].get("start", 0)))
        for k in order:  # shorter mentions win the tokens they share with longer ones
            m = mentions[k]
            members = [x for x in m.get("members") or [] if isinstance(x, int) and 0 <= x < len(mentions)]
            members = [x for x in members if known(mentions[x])]
            if not known(m) and not members:
                if m.get("kind") in ("agent", "group") and not m.get("locative"):
                    for i in range(max(0, m.get("start", 0)), min(n, m.get("end", 0))):
                        self.unnamed[i] = k
                continue
            if len(members) > 1 or (members and not known(m)):  # "they" after "Germany, France and Poland"
                self.members[k] = members
            if self._dateline(m):
                self.dateline.update(range(m.get("start", 0), m.get("end", 0) + 1))
            if m.get("locative") or self._dateline(m):
                self.places.add(k)
            for i in range(max(0, m.get("start", 0)), min(n, m.get("end", 0))):
                self.ment[i] = k
        for k, m in enumerate(mentions):
            self._title_tokens(k, m)

    def _title_tokens(self, k: int, m: dict[str, Any]) -> None:
        """A person's title words stand for the person ("telephoned Pakistan's President Asif Ali Zardari",
        parsed with "President" as the object)."""
        words = str(m.get("title") or "").lower().split()
        start = m.get("start", 0)
        if not words or not known(m) or start - len(words) < 0 or start > self.n:
            return
        span = range(start - len(words), start)
        if [self.lower[x] for x in span] == words and all(self.ment[x] < 0 for x in span):
            for x in span:
                self.ment[x] = k

    def _dateline(self, m: dict[str, Any]) -> bool:
        """ "BRUSSELS -- European Union ministers ...": the place the report was filed from."""
        start, end = m.get("start", 0), m.get("end", 0)
        if not 0 <= start < end < self.n or self.lower[end] not in ("--", "\u2014", "\u2013", "-"):
            return False
        text = str(m.get("text") or "")
        if not text.isupper():
            return False
        k = start - 1  # "THE HAGUE --": capitals back to the start of the line
        while k >= 0 and self.lower[k].strip() and self.cap[k] == 2:
            k -= 1
        return k < 0 or not self.lower[k].strip()

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
        hit = self._passive.get(i)
        if hit is None:
            deps = {self.dep[k] for k in self.kids[i]}
            hit = bool(deps & {"auxpass", "nsubjpass"}) or ("agent" in deps and "nsubj" not in deps)
            if hit and self.tag[i] == "VBD" and not deps & {"auxpass", "nsubjpass"}:
                hit = False  # "spoke by telephone": a past tense with a by-phrase is no passive
            self._passive[i] = hit
        return hit

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
        """A 'to' infinitive (to + base form), also passive ("to be fired")."""
        if not any(self.tag[k] == "TO" for k in self.kids[i]):
            return False
        return self.tag[i] == "VB" or (self.tag[i] == "VBN" and any(self.lower[k] == "be" for k in self.kids[i]))

    # -- actors ---------------------------------------------------------------------------
    def np_actors(self, h: int, depth: int = 3, preps: frozenset[str] = NP_PREPS, skip_poss: bool = False,
                  places: bool = False) -> list[int]:  # fmt: skip
        """Mentions a noun phrase is about: the one at its head, else the nearest inside it.

        The search goes down modifier links and through prepositional phrases (a preposition
        and its object are one step), ``depth`` steps at most. Coordinated phrases give one
        mention per member ("Hungarian and Romanian officials"). ``skip_poss`` ignores
        possessive pronouns ("its troops" is not about a second actor).
        """
        if h < 0:
            return []
        if self.ment[h] >= 0 and self.ment[h] not in self.exclude and not (skip_poss and self._poss_pronoun(h)):
            if self.ment[h] in self.places and not places:  # "met in Geneva": a place, not a participant
                # "MADRID -- Spain, France ... recognized": the dateline heads the actors
                return [m for k in self.children(h, ("appos", "conj")) for m in self.np_actors(k, 1)]
            return self._with_conj(h)
        frontier = [h]
        for _ in range(depth):
            found: list[int] = []
            later: list[int] = []  # found through a preposition: second to a modifier of the same level
            nxt = []
            for x in frontier:
                for k in self._np_steps(x, preps):
                    if (
                        self.ment[k] >= 0
                        and self.ment[k] not in self.exclude
                        and not (skip_poss and self._poss_pronoun(k))
                    ):
                        (later if self.dep[k] == "pobj" else found).extend(self._with_conj(k))
                    else:
                        nxt.append(k)
            found = found or later  # "the UN peacekeeping force in Lebanon": the UN
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
            elif d == "prep" and (self.lemma[k] in preps or (self.lemma[k] == "in" and self.lemma[x] in PEOPLE)):
                for o in self.kids[k]:  # ("in": only "forces in Bosnia", "refugees in Kenya")
                    if self.dep[o] == "pobj":
                        yield o
            elif d == "acl" and self.tag[k] in ("VBN", "VBG"):  # "crimes committed by X", "sites belonging to X"
                for a in self.kids[k]:
                    if (self.dep[a] == "agent" and "by" in preps) or (
                        self.dep[a] == "prep" and self.lemma[a] in ("in", "to", "with")
                        # "in" after a participle places a target ("refugees fleeing ... in Liberia"),
                        # never a source ("the Red Cross operating in Iraq said"): targets search with "by"
                        and ((self.lemma[a] == "in" and "in" in preps and (self.tag[k] == "VBN" or "by" in preps))
                             or (self.lemma[k] in OWNERSHIP and self.lemma[a] != "in"))  # "workers affiliated with X"
                    ):  # fmt: skip
                        yield from (o for o in self.kids[a] if self.dep[o] == "pobj")

    def _poss_pronoun(self, k: int) -> bool:
        return 0 <= k < self.n and self.dep[k] == "poss" and self.pos[k] == "PRON"

    def _with_conj(self, k: int) -> list[int]:
        m = self.ment[k]
        out = list(self.members.get(m, [m]))
        mm = self.mentions[m]
        span = range(max(0, mm.get("start", k)), min(self.n, mm.get("end", k + 1)))
        for x in span if k in span else (k,):  # conjuncts hang on any word of the name ("Barack Obama and ...")
            for c in self.kids[x]:
                if self.dep[c] == "conj" and self.ment[c] != m:
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


#: hash -> lower-cased string (for lemmas), shared by every Doc
_LOWERED: dict[int, str] = {}


def _arange(n: int) -> Any:
    import numpy

    return numpy.arange(n, dtype="int64")


def known(m: dict[str, Any]) -> bool:
    """Whether a mention names an actor: a country, an IGO or at least a code."""
    return bool(m.get("country") or m.get("igo") or m.get("code"))


def _dedup(xs: list[int]) -> list[int]:
    seen: set[int] = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
