"""The month-and-year fast path of the dateparser fallback reads as dateparser does."""

import pytest

from dragoman.temporal.resolve import fallback, read_with_dateparser

MONTHS = ["Oct", "Oct.", "October", "Sept", "Sept.", "Sep", "May", "Jan", "Dec.", "march", "AUG"]
YEARS = ["1898", "1999", "2017", "2031"]
ANCHORS = [None, "2009-03-06", "2017-01-15"]


@pytest.mark.parametrize("anchor", ANCHORS)
def test_month_and_year_as_dateparser_reads_them(anchor):
    n = 0
    for month in MONTHS:
        for year in YEARS:
            for text in (f"{month} {year}", f"{month}, {year}", f"{month}  {year}"):
                fallback.cache_clear()
                assert fallback(text, anchor) == read_with_dateparser(text, anchor), text
                n += 1
    assert n == len(MONTHS) * len(YEARS) * 3


def test_other_shapes_still_go_to_dateparser():
    for text in ("Oct 12", "12 Oct 2017", "Octo 2017", "Oct 2017 and 2018", "Oct 12-14"):
        fallback.cache_clear()
        assert fallback(text, "2017-11-01") == read_with_dateparser(text, "2017-11-01"), text
    assert fallback("Oct 2017", None) == "2017-10"
