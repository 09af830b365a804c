"""The dragoman_topics component on real parses: sentence topics with their words."""

from __future__ import annotations

import pytest

from dragoman.topics import load_lexicon


def _topics(nlp, text: str) -> list[dict[str, list[str]]]:
    doc = nlp(text)
    lex = load_lexicon()
    out = []
    for hits in doc._.dragoman_topics["sentences"]:
        found: dict[str, list[str]] = {}
        for tid, start, end, _ in hits:
            found.setdefault(lex.topics[tid]["name"], []).append(doc[start:end].text)
        out.append(found)
    return out


@pytest.mark.parametrize(
    "text, topic, words",
    [
        ("Iran's nuclear ambitions are expected to come up in the talks.", "iran_nuclear_program", "Iran"),
        ("He reaffirmed the commitment to Georgia's NATO membership.", "nato_enlargement", "NATO membership"),
        ("The United States will base ten interceptors in Poland.", "missile_defense", "interceptors"),
        ("Hackers linked to the GRU breached the ministry's network.", "cyber_attacks", "Hackers"),
        ("The European Union tightened its sanctions on Russia over the war.", "sanctions_on_russia", "sanctions"),
        ("Pirates seized a tanker off the coast of Somalia.", "piracy", "Pirates"),
        ("Thousands of refugees crossed into Chad.", "refugees", "refugees"),
        ("A suicide car bombing killed ten people in Baghdad.", "terrorism", "suicide car bombing"),
    ],
)
def test_sentence_issues_carry_their_words(nlp, text, topic, words):
    found = _topics(nlp, text)[0]
    assert topic in found, found
    assert any(words in w for w in found[topic])


def test_negatives_and_parts_of_speech_keep_false_friends_out(nlp):
    found = _topics(nlp, "The think tank praised olive oil exports.")[0]
    assert "military" not in found and "oil" not in found
    assert "economic" in found  # exports
    found = _topics(nlp, "Russia says the treaty entered into force in May.")[0]
    assert found.get("military") is None


def test_compound_issue_needs_all_its_terms_in_one_sentence(nlp):
    sents = _topics(nlp, "Iran held talks in Vienna. The nuclear talks resume next week.")
    assert "iran_nuclear_program" not in sents[0] and "iran_nuclear_program" not in sents[1]


def test_article_topics_and_paragraphs(nlp):
    text = (
        "Talks on missile defense\n\n"
        "The two ministers discussed missile defense in Geneva.\n\n"
        "They also spoke about trade. Missile defense remains contentious."
    )
    doc = nlp.make_doc(text)
    doc._.dragoman_meta = {"title": "Talks on missile defense"}
    doc = nlp(doc)
    data = doc._.dragoman_topics
    assert data["paragraphs"] == [0, 1, 2, 2]
    assert "missile_defense" in data["issues"]
    ev = next(t for t in data["topics"] if t["topic"] == "missile_defense")
    assert ev["scale"] == "issue" and "missile defense" in [w.lower() for w in ev["words"]]
    assert 1 in data["cues"]  # "discussed"
