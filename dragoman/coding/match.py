"""Pattern matching: the best dictionary code for a trigger word in its clause.

A trigger's clause is read into bags of words: ``post`` (its objects, particles and
prepositional phrases, and the subject of a passive), ``pre`` (its active subject), and
``preps`` (each prepositional phrase's preposition and words). Among the entries of the
trigger's lemma whose required words are present, and the patterns of their blocks that fit,
the most specific wins. Patterns are indexed by a word each must contain, so a trigger only
tries the few whose key word is in its bags.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clause import CLAUSAL, Parse
from .lexicon import Entry, Lexicon, Pattern, has

#: the labels whose subtrees hold a verb's objects and modifiers
OBJECT_SIDE = frozenset({"dobj", "dative", "attr", "oprd", "prt", "acomp", "npadvmod", "advmod"})
NOUN_SIDE = frozenset({"compound", "amod", "poss", "nmod"})
_NO_WORDS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Act:
    """The lexical reading of a trigger: its code (None when a rule blocks it) and why."""

    code: str | None
    rev: str | None
    rule: str
    weight: float
    block: str


@dataclass
class Bags:
    """The words around a trigger, as pattern matching needs them."""

    post: set[str]
    pre: set[str]
    preps: list[tuple[str, set[str]]]
    obj_preps: list[tuple[str, set[str]]]


class _Compiled:
    """A lemma's entries and its blocks' patterns, indexed by key word."""

    __slots__ = ("entries", "index", "has_req", "keys")

    def __init__(self, entries: tuple[Entry, ...]):
        self.entries = entries
        self.has_req = any(e.req for e in entries)
        self.index: dict[str, list[Pattern]] = {}
        seen: set[int] = set()
        curated = any(e.curated for e in entries)
        for e in entries:
            for p in e.patterns:
                if p.seq in seen or (p.only is not None and p.only != e.id.upper()):
                    continue
                if curated and not e.curated and p.only is None:
                    continue  # a curated word keeps only the dictionary patterns written for it
                seen.add(p.seq)
                for k in _keys(p):
                    self.index.setdefault(k, []).append(p)
        self.keys = frozenset(self.index)


def _keys(p: Pattern) -> frozenset[str]:
    """Words one of which any text the pattern fits must contain."""
    for elems in (p.post, p.pre):
        if elems:
            return frozenset().union(*(alt[0] for alt in elems[0] if alt))
    for _names, elems in p.preps:
        if elems:
            return frozenset().union(*(alt[0] for alt in elems[0] if alt))
    for preps, _ in p.preps:
        return preps
    return frozenset({"*"})


class Matcher:
    """Finds a trigger's code in the lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self._verbs: dict[str, _Compiled] = {}
        self._nouns: dict[str, _Compiled] = {}

    def compiled(self, lemma: str, noun: bool) -> _Compiled | None:
        """The compiled entries of a lemma (built on first use)."""
        cache, table = (self._nouns, self.lex.nouns) if noun else (self._verbs, self.lex.verbs)
        hit = cache.get(lemma)
        if hit is None:
            ents = table.get(lemma)
            if not ents:
                return None
            hit = cache[lemma] = _Compiled(ents)
        return hit

    def has_entry(self, lemma: str, noun: bool = False) -> bool:
        """Whether a lemma is a trigger at all."""
        return lemma in (self.lex.nouns if noun else self.lex.verbs)

    def bags(self, p: Parse, i: int, noun: bool = False) -> Bags:
        """The word bags around trigger i.

        Plain pattern words are looked for in the trigger's objects (a noun's modifiers);
        a prepositional phrase of the verb counts only through a pattern's (PREP ...) element,
        so "arrested X in a sweep of the area" does not read as taking an area.
        """
        post: set[str] = set()
        passive = not noun and p.is_passive(i)
        objs = []
        for k in p.kids[i]:
            d = p.dep[k]
            if d in ("prep", "agent"):
                post.add(p.lemma[k])
            elif d in OBJECT_SIDE or (passive and d == "nsubjpass") or (noun and d in NOUN_SIDE):
                post |= p.bag(p.subtree(k, CLAUSAL))
                objs.append(k)
        if not noun and p.dep[i] == "acl" and p.tag[i] == "VBN":  # "the bill signed by X"
            post |= p.bag(p.subtree(p.head[i], CLAUSAL | {"acl"}))
        pre: set[str] = set()
        for k in p.kids[i]:  # the doer: the subject, or the by-agent of a passive
            if p.dep[k] == "nsubj" or (p.dep[k] == "agent" and passive):
                pre |= p.bag(p.subtree(k, CLAUSAL))
        preps = [(prep, p.bag(p.subtree(o, CLAUSAL))) for prep, o in p.prep_objects(i)]
        obj_preps: list[tuple[str, set[str]]] = []
        for k in objs:
            if p.dep[k] in ("dobj", "nsubjpass", "attr"):
                obj_preps.extend((prep, p.bag(p.subtree(o, CLAUSAL))) for prep, o in p.prep_objects(k))
        return Bags(post, pre, preps, obj_preps)

    def act(self, p: Parse, i: int, noun: bool = False, lemma: str | None = None) -> Act | None:
        """The best reading of trigger i, or None when its lemma has no entry that fits."""
        comp = self.compiled(lemma or p.lemma[i], noun)
        if comp is None:
            return None
        if not comp.index and not comp.has_req:  # no pattern to try: the entry decides alone
            e = comp.entries[0]
            return Act(e.code, e.rev, f"{e.block}:{e.id.lower()}", 1.0 if e.curated else 0.1, e.block)
        return self._select(comp, self.bags(p, i, noun))

    def act_from_bags(self, lemma: str, bags: Bags, noun: bool = False) -> Act | None:
        """The best reading of a lemma given its word bags (headlines, where the parse is no help)."""
        comp = self.compiled(lemma, noun)
        return self._select(comp, bags) if comp is not None else None

    def _select(self, comp: _Compiled, b: Bags) -> Act | None:
        best: Act | None = None
        for e in comp.entries:
            if all(has(r, b.post) for r in e.req):
                w = len(e.req) + (1.0 if e.curated else 0.1)
                if best is None or w > best.weight:
                    best = Act(e.code, e.rev, f"{e.block}:{e.id.lower()}", w, e.block)
        if best is None:
            return None
        win: Pattern | None = None
        tried: set[int] = set()
        words = b.post | b.pre | {"*"}
        for _, bag in b.preps + b.obj_preps:
            words |= bag
        for word in comp.keys.intersection(words):
            for pat in comp.index.get(word, ()):
                if pat.seq in tried or pat.weight <= best.weight:
                    continue
                tried.add(pat.seq)
                if (win is None or (pat.weight, -pat.seq) > (win.weight, -win.seq)) and _fits(pat, b):
                    win = pat
        if win is not None:
            return Act(win.code, win.rev, win.id, win.weight, win.id.split("#")[0])
        return best


def _fits(p: Pattern, b: Bags) -> bool:
    for e in p.post:
        if not has(e, b.post):
            return False
    for e in p.pre:
        if not has(e, b.pre):
            return False
    for names, elems in p.preps:
        if not any(prep in names and all(has(e, words) for e in elems) for prep, words in b.preps):
            # a phrase of the object counts when the pattern names the object too ("* TALKS (WITH)")
            if not p.post or not any(
                prep in names and all(has(e, words) for e in elems) for prep, words in b.obj_preps
            ):
                return False
    return True
