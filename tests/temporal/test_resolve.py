"""Time expressions found by pattern and resolved against the article date (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.temporal.expressions import find_expressions
from dragoman.temporal.resolve import resolve

MARCH_2009 = date(2009, 3, 6)  # a Friday


def one(text: str, anchor: date | None = MARCH_2009, future: bool = False) -> tuple[str, str | None]:
    found = find_expressions(text)
    assert len(found) == 1, found
    return found[0].text, resolve(found[0], anchor, future)


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("force against Georgia last August was", "last August", "2008-08"),
        ("the talks last March failed", "last March", "2008-03"),
        ("elections this August", "this August", "2009-08"),
        ("talks next January", "next January", "2010-01"),
        ("they met in February", "February", "2009-02"),
        ("they met on Tuesday", "Tuesday", "2009-03-03"),
        ("they met on Friday", "Friday", "2009-03-06"),
        ("they met last Friday", "last Friday", "2009-02-27"),
        ("they meet next Monday", "next Monday", "2009-03-09"),
        ("ministers meet next week", "next week", "2009-03"),
        ("ministers met last week", "last week", "2009-02"),
        ("earlier this month, troops", "earlier this month", "2009-03"),
        ("talks last month", "last month", "2009-02"),
        ("war in 2008 began", "2008", "2008"),
        ("two years ago they", "two years ago", "2007"),
        ("three days ago they", "three days ago", "2009-03-03"),
        ("six months ago they", "six months ago", "2008-09"),
        ("last year the army", "last year", "2008"),
        ("since the 1990s", "1990s", "199"),
        ("on 6 March 2009 at", "6 March 2009", "2009-03-06"),
        ("on March 6, 2009 at", "March 6, 2009", "2009-03-06"),
        ("in August 2008 the", "August 2008", "2008-08"),
        ("on March 3 the", "March 3", "2009-03-03"),
        ("on 2008-08-07 the", "2008-08-07", "2008-08-07"),
        ("he spoke yesterday", "yesterday", "2009-03-05"),
        ("he speaks tomorrow", "tomorrow", "2009-03-07"),
        ("last summer the", "last summer", "2008"),
    ],
)
def test_resolved(text, words, value):
    assert one(text) == (words, value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("they will meet on Tuesday", "2009-03-10"),
        ("they will meet in May", "2009-05"),
        ("they will meet on March 3", "2010-03-03"),
        ("they will meet next Friday", "2009-03-13"),
        ("they will meet on Friday", "2009-03-06"),  # the report's own weekday is the report's day
    ],
)
def test_future_clauses_look_forward(text, value):
    assert one(text, future=True)[1] == value


def test_year_end_boundaries():
    assert one("last December", date(2009, 1, 10)) == ("last December", "2008-12")
    assert one("next January", date(2009, 12, 20)) == ("next January", "2010-01")
    assert one("last month", date(2009, 1, 10)) == ("last month", "2008-12")


def test_without_article_date_only_absolute_dates_resolve():
    assert one("in 2008 the", anchor=None) == ("2008", "2008")
    assert one("last August the", anchor=None) == ("last August", None)
    assert one("on Tuesday the", anchor=None) == ("Tuesday", None)


@pytest.mark.parametrize(
    "text",
    [
        "They may go.",
        "3,000 people died in 2008-09 floods",
        "a 2008 percent rise",
        "the past decade",
        "Mr March said so",
        "He scored 2008 points",
    ],
)
def test_not_dates(text):
    assert [x.text for x in find_expressions(text) if resolve(x, MARCH_2009)] == []


def test_impossible_dates_are_none():
    assert one("on February 30, 2009")[1] is None
