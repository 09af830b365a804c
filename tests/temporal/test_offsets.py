"""Event dates told relative to another event: "a day after", "10 days after", "After the attack", holidays."""

from __future__ import annotations

from dragoman.temporal import event_date

from .conftest import token


def date_of(doc, word: str, nth: int = 0):
    i = token(doc, word, nth)
    return event_date(doc, i, i + 1)[0]


def test_a_clause_after_a_counted_offset_is_moved_back(parse):
    doc = parse(
        "Ministers agreed on Monday to impose sanctions, a day after the army forced a plane to land "
        "and arrested a journalist.",
        "2021-05-24",
    )
    assert date_of(doc, "agreed") == "2021-05-24"
    assert date_of(doc, "forced") == "2021-05-23"
    assert date_of(doc, "arrested") == "2021-05-23"  # a conjunct of the moved clause


def test_an_undated_main_clause_is_moved_from_the_article_date(parse):
    doc = parse("The announcement came 10 days after the rebels captured the city.", "2012-11-30")
    assert date_of(doc, "captured") == "2012-11-20"
    assert date_of(doc, "came") == "2012-11-30"


def test_a_noun_after_an_offset_and_a_main_clause_after_a_dated_one(parse):
    doc = parse(
        "The president signed a treaty on Tuesday, two days after a referendum in the region. "
        "Police arrested him two days after rebels attacked the town on March 3.",
        "2014-03-18",
    )
    assert date_of(doc, "signed") == "2014-03-18"
    assert date_of(doc, "referendum") == "2014-03-16"
    assert date_of(doc, "arrested") == "2014-03-05"
    assert date_of(doc, "attacked") == "2014-03-03"


def test_an_uncounted_offset_gives_no_date_of_its_own(parse):
    doc = parse("China detained two Canadians days after the arrest.", "2021-09-25")
    assert date_of(doc, "detained") == "2021-09-25"


def test_after_a_dated_event_told_before(parse):
    doc = parse(
        "India blamed Pakistan for the April 22 attack near the town. "
        "After the attack India suspended the treaty. After the election the president resigned.",
        "2025-05-07",
    )
    assert date_of(doc, "suspended") == "2025-04-22"
    assert date_of(doc, "resigned") == "2025-05-07"  # no date told for the election


def test_holidays_and_the_weekend(parse):
    doc = parse(
        "Gazprom cut off supplies on New Year's Day. Troops pushed into the region over the weekend, "
        "officials said on Monday.",
        "2009-01-19",
    )
    assert date_of(doc, "cut") == "2009-01-01"
    assert date_of(doc, "pushed") == "2009-01-17"
