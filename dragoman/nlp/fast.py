"""Output-identical fast stand-ins for the model's rule components (lemmatizer, attribute ruler).

The English model's ``lemmatizer`` and ``attribute_ruler`` are pure Python and build a Token
(and, for the ruler, a Span and a Matcher pass) for every token. Their results depend only on a
few integer attributes of each token, so dragoman reads those attributes with ``Doc.to_array``,
looks the answer up in a memo filled by the stock component itself, and writes the columns back
with ``Doc.from_array``. The stock components stay inside the stand-ins and answer every case
the memo has not seen, so the annotations are the same token for token (tests/nlp/test_fast.py).

``install_fast(nlp)`` swaps them in under the same component names; a component of a kind or
mode the stand-ins do not know is left as it is (logged).
"""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

import logging
from collections.abc import Iterable, Iterator
from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from .fastrules import CompiledRules, Unsupported, compile_ruler

log = logging.getLogger(__name__)

#: lemmatizer classes whose lemmas depend only on (ORTH, POS, MORPH), with the modes that do
PURE_LEMMATIZERS = (Lemmatizer, EnglishLemmatizer)
PURE_MODES = ("rule", "lookup", "pos_lookup")

#: memo entries kept before a memo starts afresh (bounds memory in long-running workers)
MEMO_LIMIT = 200_000

_READ = [ORTH, POS, MORPH, LEMMA]


class _Wrapper:
    """Shared plumbing: holds the stock component and answers everything else it is asked."""

    stock: Any = None

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def __getattr__(self, attr: str) -> Any:
        if attr == "stock" or attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(self.stock, attr)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of Docs one by one (the work is per Doc)."""
        for doc in stream:
            yield self(doc)

    def _guarded(self, doc: Doc, work: Any) -> Doc:
        try:
            work(doc)
            return doc
        except Exception as exc:  # noqa: BLE001  (handed to spaCy's error handler, as stock does)
            return self.stock.get_error_handler()(self.name, self.stock, [doc], exc)


class FastLemmatizer(_Wrapper):
    """The model's lemmatizer with a complete memo on (ORTH, POS, MORPH): the same lemmas."""

    def __init__(self, nlp: Language, name: str = "lemmatizer"):
        self.name = name
        self.vocab = nlp.vocab
        self.memo: dict[tuple[int, int, int], int] = {}
        self.engine: Any = None  # the stock lemmatizer's twin with set-based tables

    def adopt(self, stock: Lemmatizer) -> "FastLemmatizer":
        """Take over a loaded stock lemmatizer (its tables, mode and settings)."""
        self.stock = stock
        self.engine = _engine(stock)
        self.memo = {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not self.stock._validated:  # the first Doc: the tables are checked, as stock does
            self.stock._validate_tables(Errors.E1004)
        return self._guarded(doc, self._lemmatize)

    def _lemmatize(self, doc: Doc) -> None:
        if not len(doc):
            return
        orths, poss, morphs, lemmas = doc.to_array(_READ).T.tolist()
        memo, overwrite, changed = self.memo, self.stock.overwrite, False
        for i, key in enumerate(zip(orths, poss, morphs, strict=True)):
            if lemmas[i] and not overwrite:
                continue
            new = memo.get(key)
            if new is None:
                new = self._miss(doc, i, key)
            if new != lemmas[i]:
                lemmas[i], changed = new, True
        if changed:
            doc.from_array([LEMMA], cast(Any, numpy.asarray(lemmas, dtype=numpy.uint64)))

    def _miss(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        lemma = self.vocab.strings.add(self.engine.lemmatize(doc[i])[0])
        if key[1]:  # no POS: the stock component warns each time, so never memoised
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            self.memo[key] = lemma
        return lemma


class FastAttributeRuler(_Wrapper):
    """The model's attribute ruler compiled to per-token lookups: the same attributes set."""

    def __init__(self, nlp: Language, name: str = "attribute_ruler"):
        self.name = name
        self.vocab = nlp.vocab
        self.rules: CompiledRules | None = None

    def adopt(self, stock: AttributeRuler) -> "FastAttributeRuler":
        """Take over a loaded stock ruler; raises Unsupported if a pattern cannot be compiled."""
        self.rules = compile_ruler(stock)
        self.stock = stock
        return self

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        assert rules is not None, "adopt() a stock ruler first"
        return self._guarded(doc, rules.apply)


def _engine(stock: Lemmatizer) -> Lemmatizer:
    """A twin of the stock lemmatizer whose word lists are sets (``form in index`` in O(1))."""
    engine = type(stock)(stock.vocab, stock.model, stock.name, mode=stock.mode, overwrite=stock.overwrite)
    lookups = Lookups()
    for name in stock.lookups.tables:
        table = stock.lookups.get_table(name)
        if name == "lemma_index":
            table = Table(name, {key: _as_set(words) for key, words in table.items()})
        lookups.set_table(name, table)
    engine.lookups = lookups
    return engine


def _as_set(words: Any) -> Any:
    """A list of strings as a frozenset (same membership, same truth value); anything else as is."""
    if isinstance(words, list) and all(isinstance(w, str) for w in words):
        return frozenset(words)
    return words


@Language.factory("dragoman_fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """An empty fast lemmatizer: ``install_fast`` gives it the model's own."""
    return FastLemmatizer(nlp, name)


@Language.factory("dragoman_fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An empty fast attribute ruler: ``install_fast`` gives it the model's own."""
    return FastAttributeRuler(nlp, name)


def install_fast(nlp: Language) -> list[str]:
    """Swap the model's lemmatizer and attribute ruler for the fast stand-ins (same names)."""
    done = []
    for name, proc in list(nlp.pipeline):
        if isinstance(proc, AttributeRuler):
            if _swap_ruler(nlp, name, proc):
                done.append(name)
        elif isinstance(proc, Lemmatizer):
            if type(proc) in PURE_LEMMATIZERS and proc.mode in PURE_MODES:
                cast(FastLemmatizer, nlp.replace_pipe(name, "dragoman_fast_lemmatizer")).adopt(proc)
                done.append(name)
            else:
                log.info("kept the stock %s (%s, mode %s)", name, type(proc).__name__, proc.mode)
    return done


def _swap_ruler(nlp: Language, name: str, stock: AttributeRuler) -> bool:
    try:
        rules = compile_ruler(stock)
    except Unsupported as exc:
        log.warning("kept the stock %s: %s", name, exc)
        return False
    fast = cast(FastAttributeRuler, nlp.replace_pipe(name, "dragoman_fast_attribute_ruler"))
    fast.rules, fast.stock = rules, stock
    return True
