"""dragoman_times and event_date on texts read by the whole pipeline."""

from __future__ import annotations

from dragoman.temporal import event_date

from .conftest import token

EXAMPLE = (
    "NATO's eastward expansion and the prospect of Georgia and Ukraine joining the Western alliance have "
    "angered Russia. Moscow's use of harsh military force against Georgia last August was widely seen as a "
    "warning against any further western encroachment."
)


def date_of(doc, word: str, nth: int = 0):
    i = token(doc, word, nth)
    return event_date(doc, i, i + 1)


def test_example_war_dated_last_august(parse):
    doc = parse(EXAMPLE, "2009-03-06")
    assert date_of(doc, "use") == ("2008-08", "last August")
    assert date_of(doc, "force") == ("2008-08", "last August")
    assert date_of(doc, "angered") == ("2009-03-06", None)  # no time in its clause: the article date


def test_times_on_the_doc(parse):
    doc = parse(EXAMPLE, "2009-03-06")
    (t,) = doc._.dragoman_times
    assert t["text"] == "last August" and t["value"] == "2008-08"
    assert doc.text[t["start_char"] : t["end_char"]] == "last August"
    assert doc[t["start"] : t["end"]].text == "last August"


def test_each_clause_has_its_own_time(parse):
    doc = parse("The minister said on Tuesday that Russia had attacked Georgia in August 2008.", "2009-03-06")
    assert date_of(doc, "said") == ("2009-03-03", "Tuesday")
    assert date_of(doc, "attacked") == ("2008-08", "August 2008")


def test_held_back_relative_dates(parse):
    doc = parse(
        "Rebels seized the town two years ago. Last year, the government signed a ceasefire. "
        "Earlier this month, troops shelled the port. Ministers will meet next week in Geneva.",
        "2010-05-20",
    )
    assert date_of(doc, "seized") == ("2008", "two years ago")
    assert date_of(doc, "signed") == ("2009", "Last year")
    assert date_of(doc, "shelled") == ("2010-05", "Earlier this month")
    assert date_of(doc, "meet") == ("2010-05", "next week")


def test_future_weekday_looks_forward(parse):
    doc = parse("The two leaders will meet on Tuesday in Paris.", "2009-03-06")
    assert date_of(doc, "meet") == ("2009-03-10", "Tuesday")


def test_time_inside_another_argument_does_not_spread(parse):
    doc = parse(EXAMPLE, "2009-03-06")
    assert date_of(doc, "warning") == ("2009-03-06", None)


def test_no_article_date(parse):
    doc = parse("Russia attacked Georgia last August. The war began in 2008.", None)
    assert date_of(doc, "attacked") == (None, None)
    assert date_of(doc, "began") == ("2008", "2008")
