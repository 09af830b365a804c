"""Quotation marks to quoted segments: straight and curly marks, paragraphs, stray marks."""

from __future__ import annotations

import pytest

from dragoman.quotes.marks import find_segments


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," she said.', ["We will win,"]),
        ("\u201cWe will win,\u201d she said.", ["We will win,"]),
        ('"One," he said. "Two."', ["One,", "Two."]),
        ('Kerry warned that "the world is watching" today.', ["the world is watching"]),
        ('He said,"no space" here.', ["no space"]),
        ('A 5" pipe and a "real" quote.', ["real"]),
        ("\u201eGuten Tag,\u201c sagte er.", ["Guten Tag,"]),
        ("No quotation here.", []),
    ],
)
def test_segments(text, expected):
    assert quoted(text) == expected


def test_a_quotation_runs_over_paragraphs_in_one_group():
    text = 'She said: "First paragraph.\n\n"Second paragraph," she added.\n\nAfter.'
    segs = find_segments(text)
    assert [text[s.start : s.end] for s in segs] == ["First paragraph.", "Second paragraph,"]
    assert segs[0].group == segs[1].group
    assert not segs[0].closed and segs[1].closed


def test_an_unclosed_quotation_stops_at_the_paragraph_end():
    text = 'He said "we will go.\n\nThe next paragraph is narration.'
    segs = find_segments(text)
    assert [text[s.start : s.end] for s in segs] == ["we will go."]
    assert not segs[0].closed


def test_separate_quotations_get_separate_groups():
    segs = find_segments('"A b c," he said. "D e f," she said.')
    assert segs[0].group != segs[1].group


def test_a_closing_curly_mark_that_starts_a_paragraph_opens():
    text = "\u201dFear. I am afraid.\u201d \u2015 Edwin Monroy"
    assert quoted(text) == ["Fear. I am afraid."]


def test_offsets_exclude_the_marks():
    text = 'x "padded  " y'
    (seg,) = find_segments(text)
    assert text[seg.start : seg.end] == "padded"
