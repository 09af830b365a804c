"""The topic lexicon: topics on two scales, their patterns, and the context prior of a code.

The data (``dragoman/data/topics/topics.json.gz``) is built by ``scripts/build_topics.py``
from Phoenix's issue keywords, PLOVER's CAMEO-to-context table and dragoman's own lexicon.
Patterns arrive expanded (inflections, hyphen variants); here they are tokenized once per
process into two phrase indexes, one on lower-cased tokens and one case-sensitive.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import product
from pathlib import Path
from typing import Any

from spacy import symbols
from spacy.attrs import LOWER, ORTH, POS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..cache import cached
from ..errors import DataError

DATA = Path(__file__).resolve().parent.parent / "data" / "topics" / "topics.json.gz"

#: parts of speech (symbol ids) a token marked ``n:`` / ``v:`` in the lexicon may carry
POS_OK = {"n": {symbols.NOUN, symbols.PROPN}, "v": {symbols.VERB, symbols.AUX}}


@dataclass(frozen=True)
class Entry:
    """What one matched pattern means: its topic (or None), block, kind and POS checks."""

    topic: int | None
    block: int
    kind: str  # pos, neg, veto
    pos: tuple[str, ...]  # per matched token: "", "n" or "v"


@dataclass
class Lexicon:
    """Topics, patterns and code priors, as loaded from the package data."""

    version: str
    topics: list[dict[str, Any]]
    blocks: list[str]
    patterns: list[list[Any]]
    code_contexts: dict[str, list[str]]
    root_contexts: dict[str, str]
    by_name: dict[tuple[str, str], int] = field(default_factory=dict)
    #: per topic id: itself and the contexts it implies, as (scale, topic id)
    implied: list[list[tuple[str, int]]] = field(default_factory=list)
    #: the file it was read from (None when built in memory)
    source: str | None = None

    def __post_init__(self) -> None:
        self.by_name = {(t["scale"], t["name"]): i for i, t in enumerate(self.topics)}
        self.implied = [
            [(t["scale"], i)] + [("context", self.by_name[("context", c)]) for c in t["contexts"]]
            for i, t in enumerate(self.topics)
        ]

    def names(self, scale: str) -> list[str]:
        """The topic names of one scale (context, issue, term, cue)."""
        return [t["name"] for t in self.topics if t["scale"] == scale]

    def code_prior(self, code: str) -> list[str]:
        """The contexts an event code implies: its own, else its parents', else its root's."""
        code = str(code or "")
        for n in range(len(code), 2, -1):
            ctx = self.code_contexts.get(code[:n])
            if ctx:
                return list(ctx)
        root = self.root_contexts.get(code[:2])
        return [root] if root else []


@lru_cache(maxsize=1)
def load_lexicon(path: str = str(DATA)) -> Lexicon:
    """The packaged lexicon (read once per process)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        msg = f"cannot read the topic lexicon {path}: {exc}; rebuild it with scripts/build_topics.py"
        raise DataError(msg) from exc
    return Lexicon(
        version=data["version"],
        topics=data["topics"],
        blocks=data["blocks"],
        patterns=data["patterns"],
        code_contexts=data["code_contexts"],
        root_contexts=data["root_contexts"],
        source=path,
    )


class PhraseIndex:
    """Phrases of token hashes (LOWER or ORTH) and their labels; finds them as PhraseMatcher does.

    A dict from a phrase's first token to its lengths, then one from the whole phrase to its
    labels: built in a few milliseconds from strings (no Doc, no lexeme per phrase), and a scan
    touches only the tokens that start some phrase. Matches come by start, then by length.
    """

    def __init__(self) -> None:
        self.lengths: dict[int, set[int]] = {}
        self.labels: dict[tuple[int, ...], list[int]] = {}

    def add(self, label: int, phrases: list[tuple[int, ...]]) -> None:
        """Index each phrase (a tuple of token hashes) under the label."""
        for words in phrases:
            if not words:
                continue
            self.lengths.setdefault(words[0], set()).add(len(words))
            keys = self.labels.setdefault(words, [])
            if label not in keys:
                keys.append(label)

    def __call__(self, tokens: list[int]) -> list[tuple[int, int, int]]:
        """Every (label, start, end) of the token hashes."""
        out = []
        n = len(tokens)
        for start, first in enumerate(tokens):
            lengths = self.lengths.get(first)
            if lengths is None:
                continue
            for size in sorted(lengths):
                if start + size > n:
                    break
                keys = self.labels.get(tuple(tokens[start : start + size]))
                if keys:
                    out += [(key, start, start + size) for key in keys]
        return out


class Matchers:
    """The compiled phrase indexes of a lexicon for one vocabulary, and what each match means.

    Phrases are grouped by (case, topic, block, kind): one label per group; a group keeps each
    phrase's part-of-speech checks.
    """

    def __init__(self, lexicon: Lexicon, vocab: Vocab, tokenize: Any):
        self.lower = PhraseIndex()
        self.orth = PhraseIndex()
        self._tokenize = tokenize
        self._split: dict[str, list[str]] = {}
        groups: dict[tuple[str, int | None, int, str], dict[tuple[str, ...], list[tuple[str, ...]]]] = {}
        for topic, block, kind, tokens in lexicon.patterns:
            attr, phrases = self._phrases(tokens)
            group = groups.setdefault((attr, topic, block, kind), {})
            for words, pos in phrases:
                group.setdefault(words, []).append(pos)
        #: label -> (entry, lower-cased?, phrase (word hashes) -> POS checks); phrases
        #: without any check are left out of the map (they always pass)
        self.groups: dict[int, tuple[Entry, bool, dict[tuple[int, ...], list[tuple[str, ...]]]]] = {}
        strings = vocab.strings
        for (attr, topic, block, kind), by_words in groups.items():
            label = strings.add(f"{attr}|{topic}|{block}|{kind}")
            lower = attr == "l"
            hashed = {words: tuple(strings.add(w.lower() if lower else w) for w in words) for words in by_words}
            checks = {
                hashed[words]: pos_list
                for words, pos_list in by_words.items()
                if kind == "pos" and all(any(pos) for pos in pos_list)
            }
            self.groups[label] = (Entry(topic, block, kind, ()), lower, checks)
            (self.lower if lower else self.orth).add(label, list(hashed.values()))
        self._tokenize, self._split = None, {}  # needed to build only: the built object pickles small

    def _words(self, form: str) -> list[str]:
        """The tokens of one word form as the tokenizer splits it (plain words: as they are)."""
        if form.isalnum():
            return [form]
        if form not in self._split:
            self._split[form] = [t.text for t in self._tokenize(form)] or [form]
        return self._split[form]

    def _phrases(self, tokens: list[list[Any]]) -> tuple[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
        """A pattern's case ("l" or "o") and its phrases, each with its per-token POS checks."""
        attrs = {t[0] for t in tokens}
        if len(attrs) != 1 or not attrs <= {"l", "o"}:
            raise DataError(f"a topic pattern mixes lower-case and case-sensitive tokens: {tokens}")
        out = []
        for forms in product(*[t[1] for t in tokens]):
            words: list[str] = []
            pos: list[str] = []
            for form, tok in zip(forms, tokens, strict=True):
                split = self._words(form)
                words += split
                pos += [""] * (len(split) - 1) + [tok[2]]
            out.append((tuple(words), tuple(pos)))
        return attrs.pop(), out

    def __call__(self, doc: Doc) -> list[tuple[Entry, int, int]]:
        """Every (entry, start, end) of the doc whose POS checks pass."""
        out = []
        arr = doc.to_array([LOWER, ORTH, POS])
        tagged = doc.has_annotation("POS")
        for col, index in ((0, self.lower), (1, self.orth)):
            for key, start, end in index(arr[:, col].tolist()):
                entry, lower, checks = self.groups[key]
                if checks and tagged:
                    pos_list = checks.get(tuple(arr[start:end, col].tolist()))
                    if pos_list and not any(_pos_ok(arr, start, pos) for pos in pos_list):
                        continue
                out.append((entry, start, end))
        return out


def load_matchers(lexicon: Lexicon, nlp: Any) -> Matchers:
    """The lexicon's matchers for a pipeline (from the compiled cache when there).

    Token hashes do not depend on the vocabulary's contents, but how the tokenizer splits a
    phrase does: the model's meta.json is part of the cache key.
    """
    build = partial(Matchers, lexicon, nlp.vocab, nlp.tokenizer)
    meta = Path(nlp.path) / "meta.json" if nlp.path else None
    if lexicon.source is None or meta is None or not meta.is_file():
        return build()
    return cached("topics", build, [Path(lexicon.source), meta], [__name__])


def _pos_ok(arr: Any, start: int, pos: tuple[str, ...]) -> bool:
    for i, p in enumerate(pos):
        if p and int(arr[start + i, 2]) not in POS_OK[p]:
            return False
    return True
