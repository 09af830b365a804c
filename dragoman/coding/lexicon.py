"""The coder's dictionary at run time: verb and noun entries, their patterns, lexical classes.

Loaded once per process from ``dragoman/data/coding/patterns.json.gz`` (built by
``scripts/build_verbs.py``). A pattern element is a tuple of alternatives; an alternative is a
tuple of words that must all occur; a word occurs when one of its spellings (as written, noun
or verb lemma) is in the bag of the trigger's lower-case forms and lemmas.
"""

from __future__ import annotations

import gc
import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..cache import cached
from ..errors import DataError

Word = frozenset[str]
Alt = tuple[Word, ...]
Elem = tuple[Alt, ...]


@dataclass(frozen=True)
class Pattern:
    """A dictionary pattern: words before and after the trigger, prepositional phrases, codes."""

    id: str
    pre: tuple[Elem, ...]
    post: tuple[Elem, ...]
    preps: tuple[tuple[frozenset[str], tuple[Elem, ...]], ...]
    code: str | None
    rev: str | None
    weight: float
    seq: int
    only: str | None  # the one entry id the pattern was written for, if any


@dataclass(frozen=True)
class Entry:
    """A verb or noun of a block: its own code (else the block's), and the words it needs."""

    block: str
    id: str
    code: str | None
    rev: str | None
    req: tuple[Elem, ...]
    curated: bool
    patterns: tuple[Pattern, ...]


def has(elem: Elem, bag: set[str] | frozenset[str]) -> bool:
    """Whether one alternative of an element has all its words in the bag."""
    for alt in elem:
        if all(not w.isdisjoint(bag) for w in alt):
            return True
    return False


class Lexicon:
    """Entries by lemma, and the lexical classes of ``scripts/coding/classes.txt``."""

    def __init__(self, data: dict[str, Any]):
        self.version: str = data["version"]
        self._variants: dict[str, list[str]] = data["variants"]
        self._words: dict[str, Word] = {}
        self._seq = 0
        blocks = {name: self._block_patterns(b) for name, b in data["blocks"].items()}
        self.verbs = {lem: self._entries(ents, blocks) for lem, ents in data["verbs"].items()}
        self.nouns = {lem: self._entries(ents, blocks) for lem, ents in data["nouns"].items()}
        self.classes: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in data["classes"].items()}

    def word(self, w: str) -> Word:
        """A word with its spellings."""
        hit = self._words.get(w)
        if hit is None:
            hit = self._words[w] = frozenset([w, *self._variants.get(w, ())])
        return hit

    def elem(self, raw: Iterable[Iterable[str]]) -> Elem:
        """A JSON element (alternatives of word lists) compiled to sets."""
        return tuple(tuple(self.word(w) for w in alt) for alt in raw)

    def _block_patterns(self, b: dict[str, Any]) -> tuple[Pattern, ...]:
        out = []
        for p in b["patterns"]:
            pre = tuple(self.elem(e) for e in p["pre"])
            post = tuple(self.elem(e) for e in p["post"])
            preps = tuple((frozenset(x["p"]), tuple(self.elem(e) for e in x["e"])) for x in p["preps"])
            weight = len(pre) + len(post) + sum(1 + len(e) for _, e in preps) + (0.5 if b["curated"] else 0)
            self._seq += 1
            out.append(Pattern(p["id"], pre, post, preps, p["code"], p["rev"], weight, self._seq, p.get("for")))
        return tuple(out)

    def _entries(self, ents: list[dict[str, Any]], blocks: dict[str, tuple[Pattern, ...]]) -> tuple[Entry, ...]:
        out = []
        for e in ents:
            req = tuple(self.elem(r) for r in e["req"])
            out.append(Entry(e["block"], e["id"], e["code"], e["rev"], req, e["curated"], blocks[e["block"]]))
        # curated entries first, then those that need more words
        out.sort(key=lambda x: (not x.curated, -len(x.req)))
        return tuple(out)

    def is_a(self, lemma: str, cls: str) -> bool:
        """Whether a lemma belongs to a lexical class."""
        return lemma in self.classes.get(cls, ())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged verb and noun patterns (once per process, from the compiled cache when there)."""
    path = resources.files("dragoman").joinpath("data/coding/patterns.json.gz")
    lex = cached("coding", _build_lexicon, [path])
    # the lexicon lives as long as the process: keep its ~100,000 objects out of the cyclic
    # garbage collector's full scans, which otherwise dominate the coder's run time
    gc.freeze()
    return lex


def _build_lexicon() -> Lexicon:
    path = resources.files("dragoman").joinpath("data/coding/patterns.json.gz")
    try:
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError as e:
        raise DataError(
            "[D301] dragoman/data/coding/patterns.json.gz is missing: run `python scripts/build_verbs.py`."
        ) from e
    return Lexicon(data)
