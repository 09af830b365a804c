"""The converted pattern dictionary: CAMEO.2.0 blocks, curated blocks, noun triggers, classes."""

from __future__ import annotations

from dragoman.coding.lexicon import load_lexicon


def test_dictionary_is_converted_whole():
    lex = load_lexicon()
    patterns = {p.id for ents in lex.verbs.values() for e in ents for p in e.patterns}
    cameo = {pid for pid in patterns if not pid.split("#")[0].endswith("+")}
    assert len(cameo) > 4000  # ~4,700 CAMEO.2.0 patterns in 397 blocks (a few have no code)
    assert len(lex.verbs) > 1500 and len(lex.nouns) > 100


def test_multiword_verbs_need_their_words():
    lex = load_lexicon()
    meet_with = [e for e in lex.verbs["meet"] if e.id == "MEET_WITH"]
    assert meet_with and meet_with[0].req
    hunger = [e for e in lex.nouns["strike"] if e.req]
    assert hunger  # "hunger strike" is indexed under its head noun


def test_curated_entries_come_first():
    lex = load_lexicon()
    assert lex.verbs["agree"][0].curated and lex.verbs["agree"][0].code == "030"
    plain = [e for e in lex.verbs["take"] if e.curated and not e.req]
    assert plain and plain[0].code is None  # switched off: "take" is no event by itself


def test_classes():
    lex = load_lexicon()
    assert lex.is_a("threaten", "THREAT") and lex.is_a("urge", "APPEAL") and lex.is_a("say", "SAY")
    assert lex.is_a("call", "APPEAL") and lex.is_a("agree upon", "LIGHT")
