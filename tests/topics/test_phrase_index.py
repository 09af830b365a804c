"""The topics' phrase index finds what spaCy's PhraseMatcher finds, in start-then-length order."""

from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher

from dragoman.topics.lexicon import PhraseIndex

PHRASES = {
    "SANCTIONS": ["sanctions", "economic sanctions", "sanctions relief", "new economic sanctions on"],
    "TALKS": ["talks", "peace talks", "talks on", "on"],
    "NUCLEAR": ["nuclear", "nuclear weapons", "weapons", "nuclear weapons programme"],
}
TEXT = (
    "The U.S. imposed new economic sanctions on Iran over its nuclear weapons programme, and "
    "peace talks on sanctions relief stalled.\n\nTalks on nuclear weapons, NUCLEAR talks, and "
    "economic sanctions relief were discussed; sanctions sanctions on on."
)


def _both(nlp, attr):
    matcher, index = PhraseMatcher(nlp.vocab, attr=attr), PhraseIndex()
    for label, phrases in PHRASES.items():
        key = nlp.vocab.strings.add(label)
        docs = [nlp.make_doc(p) for p in phrases]
        matcher.add(label, docs)
        index.add(key, [tuple(t.lower if attr == "LOWER" else t.orth for t in d) for d in docs])
    doc = nlp.make_doc(TEXT)
    col = doc.to_array([LOWER if attr == "LOWER" else ORTH]).tolist()
    return matcher(doc), index(col)


def test_same_matches_as_phrase_matcher(nlp):
    for attr in ("LOWER", "ORTH"):
        expected, found = _both(nlp, attr)
        assert sorted(found) == sorted(expected), attr
        assert [(s, e) for _, s, e in found] == sorted((s, e) for _, s, e in found)
        assert len(found) > 10


def test_empty_and_unknown():
    index = PhraseIndex()
    index.add(1, [(5, 6), ()])
    assert index([]) == []
    assert index([7, 8]) == []
    assert index([5, 6, 5]) == [(1, 0, 2)]


def test_matchers_from_the_cache_are_the_built_ones(nlp, tmp_path, monkeypatch):
    from dragoman.topics.lexicon import Matchers, load_lexicon, load_matchers

    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(tmp_path))
    lexicon = load_lexicon()
    built = Matchers(lexicon, nlp.vocab, nlp.tokenizer)
    first = load_matchers(lexicon, nlp)  # builds and writes the cache file
    assert list(tmp_path.glob("topics-*"))
    again = load_matchers(lexicon, nlp)  # reads it
    for m in (first, again):
        assert m.lower.labels == built.lower.labels and m.orth.labels == built.orth.labels
        assert m.lower.lengths == built.lower.lengths and m.groups == built.groups
    doc = nlp("Sanctions on Iran's nuclear programme were discussed at the peace talks.")
    assert again(doc) == built(doc) and built(doc)
