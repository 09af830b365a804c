"""Quotations read by the full pipeline: kinds, speakers, groups and offsets."""

from __future__ import annotations

import pytest

from .conftest import only, speaker_words

DIRECT = [
    # quotation, then subject and verb
    ('"The talks were useful," Lavrov said on Friday.', "talks were useful", "Lavrov"),
    # curly marks, verb before subject
    ("\u201cWe will not back down,\u201d said Prime Minister Narendra Modi.", "not back down", "Modi"),
    # a role as the speaker
    ('"Washington stands by its allies," a State Department spokesman said.', "stands by", "spokesman"),
    ('"The sanctions will stay," the Russian president told reporters.', "sanctions will stay", "president"),
    # introduced by a colon or a comma
    ('Merkel was blunt: "Europe must take its fate into its own hands."', "fate into", "Merkel"),
    ('The minister added, "We expect an answer by Monday."', "expect an answer", "minister"),
    # inside a sentence
    ('Kerry warned on Monday that "the world is watching".', "the world is watching", "Kerry"),
    # a speaker with an apposition and a relative clause before the verb
    (
        '"The border is closed," an official, who was not authorised to speak, told Reuters.',
        "border is closed",
        "official",
    ),
    # a byline after a dash
    ("\u201cThis is a historic day for our country.\u201d \u2015 Jacinda Ardern", "historic day", "Ardern"),
]


@pytest.mark.parametrize("text, fragment, speaker", DIRECT)
def test_direct_quotations_and_their_speakers(quotes_of, text, fragment, speaker):
    q = only(quotes_of(text), fragment)
    assert q["kind"] == "direct"
    assert speaker.lower() in speaker_words(q).lower()


def test_quote_text_is_the_article_text_between_the_marks(quotes_of):
    text = 'Intro line.\n\n"We will respond," Zelensky said in Kyiv.'
    q = only(quotes_of(text), "respond")
    assert text[q["start"] : q["end"]] == q["text"] == "We will respond,"
    sp = q["speaker"]
    assert text[sp["start"] : sp["end"]] == sp["text"] == "Zelensky"


def test_a_split_quotation_is_one_group_with_one_speaker(quotes_of):
    text = (
        '"We have no plans to attack anyone," Shoigu said. "But we will defend our borders with all means available."'
    )
    quotes = quotes_of(text)
    first, second = only(quotes, "no plans"), only(quotes, "defend our borders")
    assert first["group"] == second["group"]
    assert "Shoigu" in speaker_words(second)
    assert second["cue"] == "said"


def test_a_quotation_over_sentences_and_paragraphs(quotes_of):
    text = (
        'Erdogan spoke for an hour. He said: "Turkey will not accept this. We have waited long '
        'enough.\n\n"Our patience has limits. The world should know it."\n\nThe speech ended.'
    )
    quotes = quotes_of(text)
    first, second = only(quotes, "waited long enough"), only(quotes, "patience has limits")
    assert first["group"] == second["group"]
    assert "Turkey will not accept this" in first["text"]
    assert "He" in speaker_words(second) and "Erdogan" in speaker_words(second)


def test_a_quotation_opening_a_paragraph_continues_the_last_speaker(quotes_of):
    text = (
        "Foreign Minister Wang Yi said on Tuesday that China wanted calm.\n\n"
        '"Dialogue is the only way forward for both sides in this dispute."'
    )
    q = only(quotes_of(text), "Dialogue is the only way")
    assert "Wang" in speaker_words(q)


def test_a_pronoun_speaker_is_resolved_to_a_name(quotes_of):
    text = (
        "Secretary of State Hillary Clinton met Russian Foreign Minister Sergei Lavrov in Geneva.\n\n"
        '"We will press ahead with the reset," she said.'
    )
    q = only(quotes_of(text, "2009-03-06"), "press ahead")
    assert q["speaker"]["text"] == "she"
    assert q["speaker"]["name"] == "Hillary Clinton"


@pytest.mark.parametrize(
    "text, fragment, speaker",
    [
        ("The Kremlin said that the troops would stay in Belarus.", "the troops would stay", "Kremlin"),
        ("Russia will not attack Ukraine, a Kremlin spokesman said on Monday.", "will not attack", "spokesman"),
        ("According to the U.N. envoy, the ceasefire has held for a week.", "ceasefire has held", "envoy"),
        ("Macron urged Iran to return to the negotiating table.", "return to the negotiating", "Macron"),
    ],
)
def test_indirect_speech(quotes_of, text, fragment, speaker):
    q = only(quotes_of(text), fragment)
    assert q["kind"] == "indirect"
    assert speaker.lower() in speaker_words(q).lower()


def test_mixed_speech_keeps_the_quoted_words_in_the_content(quotes_of):
    text = 'Borrell said the decision was "a grave mistake that Europe will remember for years".'
    q = only(quotes_of(text), "grave mistake")
    assert q["kind"] == "mixed"
    assert q["text"].startswith("the decision was")
    assert "Borrell" in speaker_words(q)


@pytest.mark.parametrize(
    "text",
    [
        'Trump called the deal a "disaster" in a speech.',  # a scare quote
        'The group calls itself the "Army of the Righteous".',  # a name
        'She read "War and Peace" on the flight.',  # a title
    ],
)
def test_short_quoted_phrases_without_a_cue_are_not_quotations(quotes_of, text):
    assert not [q for q in quotes_of(text) if q["kind"] == "direct"]


def test_speaker_carries_the_actor_codes(quotes_of):
    text = '"The alliance is united," NATO Secretary General Jens Stoltenberg said in Brussels.'
    q = only(quotes_of(text, "2019-04-04"), "alliance is united")
    assert q["speaker"]["igo"] == "NATO" or q["speaker"]["code"]
    assert set(q["speaker"]) >= {"text", "name", "code", "country", "igo", "sectors", "start", "end"}


def test_no_quotations_and_empty_text(quotes_of):
    assert quotes_of("Troops crossed the border at dawn.") == []
    assert quotes_of("") == []


def test_a_pronoun_speaker_takes_a_person_of_its_gender(quotes_of):
    text = (
        "Maria Gonzalez, a teacher, met the mayor outside the school in Austin. "
        "Kevin Smith listened for an hour.\n\n"
        '"We were never asked about the new rules," she said.'
    )
    q = only(quotes_of(text), "never asked")
    assert q["speaker"]["text"] == "she"
    assert q["speaker"]["name"] == "Maria Gonzalez"
