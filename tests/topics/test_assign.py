"""Event topics on the example article: sentence, paragraph, agenda, linked paragraph, article.

The article is parsed by the real pipeline; the actor mentions and events that the actors
and coding stages put on the Doc are given here as those stages' plain data, so that the
assignment is tested on its own.
"""

from __future__ import annotations

import re

import pytest

from dragoman.topics import event_tags, event_topics

KEYS = {
    "Clinton": "USA",
    "United States": "USA",
    "U.S.": "USA",
    "Lavrov": "RUS",
    "Russia": "RUS",
    "Russian": "RUS",
    "Russians": "RUS",
    "Moscow": "RUS",
    "NATO": "NATO",
    "Georgia": "GEO",
    "Georgian": "GEO",
    "Ukraine": "UKR",
    "Iran": "IRN",
    "Tehran": "IRN",
}


def _mentions(doc) -> list[dict]:
    out = []
    for name, key in KEYS.items():
        for m in re.finditer(r"\b" + re.escape(name) + r"(?![\w])", doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            igo = key if key == "NATO" else None
            out.append(
                {
                    "start": span.start,
                    "end": span.end,
                    "start_char": m.start(),
                    "end_char": m.end(),
                    "text": span.text,
                    "country": None if igo else key,
                    "igo": igo,
                }
            )
    return out


def _event(doc, trigger: str, code: str, src: str, tgt: str, nth: int = 0) -> dict:
    tok = [t for t in doc if t.text == trigger][nth]
    sents = list(doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)

    def actor(key):
        return {"igo": key, "country": None} if key == "NATO" else {"country": key, "igo": None}

    return {
        "code": code,
        "root": code[:2],
        "trigger_start": tok.i,
        "trigger_end": tok.i + 1,
        "sentence": index,
        "source": actor(src),
        "target": actor(tgt),
    }


@pytest.fixture(scope="module")
def voa(nlp):
    from tests.conftest import EXAMPLE_TXT

    text = EXAMPLE_TXT.read_text()
    doc = nlp.make_doc(text)
    doc._.dragoman_meta = {"title": text.splitlines()[0].strip()}
    doc = nlp(doc)
    doc._.dragoman_actors = _mentions(doc)
    events = [
        _event(doc, "meeting", "043", "USA", "NATO"),
        _event(doc, "discussions", "040", "USA", "RUS"),
        _event(doc, "force", "190", "RUS", "GEO"),
    ]
    doc._.dragoman_events = events
    nlp.get_pipe("dragoman_topics")(doc)
    return doc, events


def test_geneva_talks_carry_their_agenda(voa):
    doc, (_, geneva, _) = voa
    contexts, issues = event_topics(doc, geneva)
    assert {"missile_defense", "iran_nuclear_program"} <= set(issues)
    assert "diplomatic" in contexts and len(contexts) <= 3
    tags = {t["topic"]: t for t in event_tags(doc, geneva)}
    assert tags["missile_defense"]["level"] == "agenda"
    assert "missile defense" in tags["missile_defense"]["words"]


def test_brussels_meeting_carries_nato_enlargement(voa):
    doc, (brussels, _, _) = voa
    contexts, issues = event_topics(doc, brussels)
    assert "nato_enlargement" in issues
    assert "missile_defense" not in issues
    assert "diplomatic" in contexts


def test_war_with_georgia_is_military_and_territory(voa):
    doc, (_, _, war) = voa
    contexts, _ = event_topics(doc, war)
    assert {"military", "territory"} <= set(contexts)
    words = {t["topic"]: t["words"] for t in event_tags(doc, war)}
    assert "encroachment" in words["territory"]


def test_a_sentence_topic_wins_over_inherited_ones(nlp):
    doc = nlp("Russia and Ukraine signed a deal on grain exports.\n\nThe talks in Istanbul were about refugees.")
    ev = {
        "code": "057",
        "root": "05",
        "sentence": 0,
        "trigger_start": 3,
        "trigger_end": 4,
        "source": {"country": "RUS"},
        "target": {"country": "UKR"},
    }
    contexts, issues = event_topics(doc, ev)
    assert "humanitarian_aid" in issues and "refugees" not in issues
    assert "economic" in contexts and "migration" not in contexts


def test_issues_fall_back_to_the_article(nlp):
    text = (
        "Sanctions talk\n\nThe EU and Russia argue over sanctions.\n\nOfficials met on Monday.\n\nMore sanctions loom."
    )
    doc = nlp.make_doc(text)
    doc._.dragoman_meta = {"title": "Sanctions talk"}
    doc = nlp(doc)
    ev = {"code": "040", "root": "04", "sentence": 2, "trigger_start": 2, "trigger_end": 3}
    contexts, issues = event_topics(doc, ev)
    assert "sanctions" in issues or "sanctions_on_russia" in issues
    assert contexts == ["diplomatic"]  # article-level issues bring no contexts
    assert all(t["level"] in ("article", "code") for t in event_tags(doc, ev))
