"""An AttributeRuler compiled from its own patterns into per-token lookups.

spaCy's AttributeRuler runs a Matcher over the Doc, sorts the matches by rule number and sets
each rule's attributes on the target token, later rules winning, all matches taken on the
attributes as they were before any change. The same result, cheaper:

- every token pattern becomes a list of tests (equal, IN, NOT_IN, REGEX) on columns of
  ``Doc.to_array``, indexed by the values its equality and IN tests need;
- what a token satisfies depends only on its row of those columns (its signature), so it is
  worked out once per signature and memoised, with the single-token rules' writes merged in
  rule order;
- patterns of several tokens (fixed length, no operators) are checked from their first token;
- the written columns go back in one ``Doc.from_array``.

A pattern this compiler does not understand raises ``Unsupported`` and the caller keeps the
stock component.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, cast

import numpy
from spacy.attrs import DEP, ENT_TYPE, IDS, LEMMA, LOWER, MORPH, NORM, ORTH, POS, PREFIX, SHAPE, SUFFIX, TAG
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: token attributes whose string value can be tested (REGEX too)
STRING_ATTRS = frozenset({ORTH, LOWER, NORM, SHAPE, PREFIX, SUFFIX, TAG, POS, DEP, LEMMA, ENT_TYPE})
#: lexical flags (IS_SPACE, IS_PUNCT, LIKE_NUM, ...): tested for equality only
FLAG_ATTRS = frozenset(v for k, v in IDS.items() if 0 < v < 64 and not k.startswith("FLAG"))
#: attributes a rule may set: plain token fields, which set_token_attrs sets on the token only
WRITE_ATTRS = (TAG, POS, MORPH, LEMMA, DEP)
#: largest number of index keys an IN test may expand to
MAX_KEYS = 256
#: signatures memoised before the memo starts afresh
MEMO_LIMIT = 200_000


class Unsupported(ValueError):
    """A ruler pattern or attribute the compiler does not handle (the stock ruler is kept)."""


@dataclass(frozen=True)
class Spec:
    """One token of one pattern: its tests, and the key values that index it."""

    pattern: int
    pos: int
    rule: int
    length: int
    index_cols: tuple[int, ...]
    keys: tuple[tuple[int, ...], ...]
    tests: tuple[tuple[int, str, Any], ...]


@dataclass(frozen=True)
class Entry:
    """What one token signature satisfies."""

    merged: tuple[tuple[int, int], ...]  # single-token rules' writes, rule order applied
    singles: tuple[tuple[int, tuple[tuple[int, int], ...]], ...]  # (rule, writes) in rule order
    starts: tuple[int, ...]  # multi-token patterns whose first token this is
    inner: frozenset[tuple[int, int]]  # (pattern, position >= 1) of multi-token patterns


@dataclass
class CompiledRules:
    """A ruler's patterns as lookup tables; ``apply`` annotates a Doc like the ruler does."""

    vocab: Vocab
    read: list[int]
    pattern_rule: list[int]
    pattern_len: list[int]
    pattern_target: list[int]
    rule_writes: list[tuple[tuple[int, int], ...]]
    groups: dict[tuple[int, ...], dict[Any, list[Spec]]]
    always: list[Spec]
    memo: dict[tuple[int, ...], Entry] = field(default_factory=dict)
    lookups: list[tuple[Any, dict[Any, list[Spec]]]] = field(default_factory=list)
    searched: dict[tuple[re.Pattern[str], int], bool] = field(default_factory=dict)
    by_hits: dict[tuple[int, ...], Entry] = field(default_factory=dict)

    def seal(self) -> CompiledRules:
        """Ready the index tables for lookups (one itemgetter per group of columns)."""
        self.lookups = [(operator.itemgetter(*cols), table) for cols, table in self.groups.items()]
        return self

    def apply(self, doc: Doc) -> None:
        """Set the rules' attributes on every matching token of the Doc."""
        n = len(doc)
        if not n or not self.rule_writes:
            return
        sigs = (
            zip(*doc.to_array(cast(Any, self.read)).reshape(n, -1).T.tolist(), strict=True) if self.read else [()] * n
        )
        memo = self.memo
        entries = [memo.get(sig) or self._entry(sig) for sig in sigs]
        extra = self._multi(entries)
        cols = doc.to_array(list(WRITE_ATTRS)).T.tolist()
        for i, entry in enumerate(entries):
            if i in extra:
                for _, writes in sorted(entry.singles + tuple(extra[i])):
                    for col, value in writes:
                        cols[col][i] = value
            else:
                for col, value in entry.merged:
                    cols[col][i] = value
        doc.from_array(list(WRITE_ATTRS), cast(Any, numpy.asarray(cols, dtype=numpy.uint64).T))

    def _multi(self, entries: list[Entry]) -> dict[int, list[tuple[int, tuple[tuple[int, int], ...]]]]:
        extra: dict[int, list[tuple[int, tuple[tuple[int, int], ...]]]] = defaultdict(list)
        n = len(entries)
        for i, entry in enumerate(entries):
            for p in entry.starts:
                length = self.pattern_len[p]
                if i + length <= n and all((p, k) in entries[i + k].inner for k in range(1, length)):
                    rule = self.pattern_rule[p]
                    extra[i + self.pattern_target[p]].append((rule, self.rule_writes[rule]))
        return extra

    def _entry(self, sig: tuple[int, ...]) -> Entry:
        hits = [s for s in self.always if self._passes(s, sig)]
        for getter, table in self.lookups:
            for spec in table.get(getter(sig), ()):
                if not spec.tests or self._passes(spec, sig):
                    hits.append(spec)
        key = tuple(map(id, hits))  # signatures with the same hits share one Entry
        entry = self.by_hits.get(key)
        if entry is None:
            entry = self.by_hits[key] = self._build(hits)
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[sig] = entry
        return entry

    def _build(self, hits: list[Spec]) -> Entry:
        singles = sorted({s.rule for s in hits if s.length == 1})
        merged: dict[int, int] = {}
        for rule in singles:
            merged.update(self.rule_writes[rule])
        return Entry(
            merged=tuple(merged.items()),
            singles=tuple((r, self.rule_writes[r]) for r in singles),
            starts=tuple(sorted({s.pattern for s in hits if s.pos == 0 and s.length > 1})),
            inner=frozenset((s.pattern, s.pos) for s in hits if s.pos > 0),
        )

    def _passes(self, spec: Spec, sig: tuple[int, ...]) -> bool:
        for col, op, value in spec.tests:
            have = sig[col]
            if op == "eq":
                ok = have == value
            elif op == "in":
                ok = have in value
            elif op == "not_in":
                ok = have not in value
            else:
                ok = self._search(value, have)
            if not ok:
                return False
        return True

    def _search(self, regex: re.Pattern[str], have: int) -> bool:
        key = (regex, have)
        found = self.searched.get(key)
        if found is None:
            found = self.searched[key] = regex.search(self.vocab.strings[have]) is not None
            if len(self.searched) >= MEMO_LIMIT:
                self.searched.clear()
        return found


def compile_ruler(ruler: AttributeRuler) -> CompiledRules:
    """Compile a loaded AttributeRuler; raises Unsupported for a pattern it cannot express."""
    vocab = ruler.vocab
    read: list[int] = []
    rules = CompiledRules(vocab, read, [], [], [], [], {}, [])
    entries = cast(list[dict[str, Any]], ruler.patterns)
    for rule, entry in enumerate(entries):
        rules.rule_writes.append(_writes(ruler.attrs[rule], rule))
        index: int = entry.get("index", 0)
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern or not -len(pattern) <= index < len(pattern):
                raise Unsupported(f"rule {rule}: pattern {pattern!r} with index {index}")
            p = len(rules.pattern_rule)
            rules.pattern_rule.append(rule)
            rules.pattern_len.append(len(pattern))
            rules.pattern_target.append(index % len(pattern))
            for pos, token in enumerate(pattern):
                _place(rules, _spec(vocab, read, (p, pos, rule, len(pattern)), token))
    return rules.seal()


def _writes(attrs: dict[Any, Any], rule: int) -> tuple[tuple[int, int], ...]:
    out = []
    for attr, value in attrs.items():
        if attr not in WRITE_ATTRS or not isinstance(value, int):
            raise Unsupported(f"rule {rule} sets {attr!r}")
        out.append((WRITE_ATTRS.index(attr), value))
    return tuple(out)


def _place(rules: CompiledRules, spec: Spec) -> None:
    if not spec.index_cols:
        rules.always.append(spec)
        return
    table = rules.groups.setdefault(spec.index_cols, {})
    for key in spec.keys:  # a single column is looked up by its value, several by a tuple
        table.setdefault(key[0] if len(key) == 1 else key, []).append(spec)


def _spec(vocab: Vocab, read: list[int], where: tuple[int, int, int, int], token: Any) -> Spec:
    if not isinstance(token, dict):
        raise Unsupported(f"token pattern {token!r}")
    tests: list[tuple[int, str, Any]] = []
    for name, value in token.items():
        attr = _attr(name)
        if attr not in read:
            read.append(attr)
        col = read.index(attr)
        tests.extend((col, op, v) for op, v in _tests(vocab, attr, value))
    index = {c: v for c, op, v in tests if op == "eq"}
    for c, op, v in tests:
        if op == "in" and c not in index and _n_keys(index) * len(v) <= MAX_KEYS:
            index[c] = v
    cols = tuple(sorted(index))
    options = [sorted(index[c]) if isinstance(index[c], frozenset) else [index[c]] for c in cols]
    keys = tuple(itertools.product(*options))
    rest = tuple(t for t in tests if not (t[0] in index and t[1] in ("eq", "in") and index[t[0]] is t[2]))
    return Spec(*where, cols, keys, rest)


def _n_keys(index: dict[int, Any]) -> int:
    n = 1
    for v in index.values():
        n *= len(v) if isinstance(v, frozenset) else 1
    return n


def _attr(name: Any) -> int:
    if not isinstance(name, str):
        raise Unsupported(f"pattern key {name!r}")
    upper = {"TEXT": "ORTH"}.get(name.upper(), name.upper())
    attr = IDS.get(upper)
    if attr not in STRING_ATTRS and attr not in FLAG_ATTRS:
        raise Unsupported(f"pattern key {name!r}")
    return int(attr)


def _tests(vocab: Vocab, attr: int, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, str):
        return [("eq", vocab.strings.add(value))]
    if isinstance(value, (bool, int)):
        return [("eq", int(value))]
    if not isinstance(value, dict) or not value:
        raise Unsupported(f"pattern value {value!r}")
    out: list[tuple[str, Any]] = []
    for op, arg in value.items():
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(type(v) in (str, int) for v in arg):
            out.append((op.lower(), frozenset(get_string_id(v) for v in arg)))
        elif op == "REGEX" and isinstance(arg, str) and attr in STRING_ATTRS:
            out.append(("regex", re.compile(arg)))
        else:
            raise Unsupported(f"pattern predicate {op!r}: {arg!r}")
    return out
