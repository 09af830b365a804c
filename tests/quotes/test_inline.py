"""Quoted phrases inside a sentence: taken when the sentence attributes them, left otherwise."""

from __future__ import annotations

import pytest

from .conftest import only, speaker_words

ATTRIBUTED = [
    # an evaluation verb with the quoted phrase as its object or complement
    (
        'The Chinese foreign ministry termed the visit a "serious provocation" on Monday.',
        "serious provocation",
        "ministry",
    ),
    ('Beijing denounced the sanctions as "gross interference in internal affairs".', "gross interference", "Beijing"),
    ('The White House dismissed the report as "fake news".', "fake news", "White House"),
    ('India voiced "grave concern" over the shelling.', "grave concern", "India"),
    ('Prime Minister Justin Trudeau branded the decision "illegal and unacceptable".', "illegal and", "Trudeau"),
    ('Tehran labelled the strike a "cowardly act" and vowed revenge.', "cowardly act", "Tehran"),
    ("The spokesman expressed \u201cdeep regret\u201d for the incident.", "deep regret", "spokesman"),
    # a speech verb with no clause, whose object holds the quotation
    ('She called the vote "a victory for democracy".', "victory for democracy", "She"),
    ('Washington accused Moscow of "flagrant violations" of the treaty.', "flagrant violations", "Washington"),
    ('Putin warned of "serious consequences" for relations with Ankara.', "serious consequences", "Putin"),
    # the quotation deep inside the object ('a historic event that had broken down "..."')
    (
        'Moon praised the summit, calling it a step that had ended "the last relic of the Cold War."',
        "last relic",
        "Moon",
    ),
    # a passive with its agent
    ('The treaty was described as "historic" by the Egyptian president.', "historic", "president"),
    # a relative clause: the speaker is the noun it stands for
    (
        'Moscow, which calls the operation a "special military operation", denied the report.',
        "special military",
        "Moscow",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker", ATTRIBUTED)
def test_an_attributed_phrase_is_a_mixed_quotation(quotes_of, text, fragment, speaker):
    q = only(quotes_of(text), fragment)
    assert q["kind"] == "mixed"
    assert speaker.lower() in speaker_words(q).lower()


UNATTRIBUTED = [
    'The so-called "Islamic State" claimed the attack.',
    'He watched the film "Gone with the Wind" on Sunday.',
    'The group, called "Friends of Syria", met in Tunis.',
    'Protesters carried banners reading "Down with the regime".',
]


@pytest.mark.parametrize("text", UNATTRIBUTED)
def test_scare_quotes_titles_and_names_are_no_quotations(quotes_of, text):
    assert quotes_of(text) == []


def test_an_evaluation_verb_without_quoted_words_reports_nothing(quotes_of):
    assert quotes_of("Hamas praised the attack and Tehran welcomed the decision.") == []


def test_the_mixed_text_keeps_the_marks_of_its_quoted_words(quotes_of):
    q = only(quotes_of('The ministry termed the visit a "serious provocation".'), "provocation")
    assert q["text"] == 'the visit a "serious provocation"'
    q = only(quotes_of('India voiced "grave concern" over the shelling.'), "grave concern")
    assert q["text"] == '"grave concern" over the shelling'


def test_the_object_of_a_participle_is_not_its_speaker(quotes_of):
    text = 'The Security Council met on Sunday, calling the nuclear test "a clear violation" of its resolutions.'
    q = only(quotes_of(text), "clear violation")
    assert "test" not in (q["speaker"] or {}).get("text", "")


def test_a_participle_after_a_reported_clause_goes_with_the_reporting_verb(quotes_of):
    text = 'The United Nations said it would send observers, citing "alarming reports" of killings.'
    q = only(quotes_of(text), "alarming reports")
    assert q["speaker"]["text"] == "The United Nations"


def test_coordinated_speakers_are_one_speaker(quotes_of):
    text = 'Merkel and French President Emmanuel Macron said they were "deeply concerned" by the vote.'
    q = only(quotes_of(text), "deeply concerned")
    assert q["speaker"]["text"] == "Merkel and French President Emmanuel Macron"


def test_a_title_and_a_name_without_a_comma_are_one_speaker(quotes_of):
    text = 'German Foreign Minister Heiko Maas called the attack "an act of barbarism".'
    q = only(quotes_of(text), "barbarism")
    assert q["speaker"]["text"] == "German Foreign Minister Heiko Maas"


def test_a_pronoun_speaker_is_the_last_subject_of_its_paragraph(quotes_of):
    text = (
        "The deal was announced by Prime Minister David Cameron in London and President Thein Sein in "
        'Naypyidaw.\n\n"This is a good day," Cameron said.\n\nThein Sein said the reforms would go on. '
        '"We will not turn back," he said.'
    )
    q = only(quotes_of(text), "not turn back")
    assert "Thein Sein" in speaker_words(q)
