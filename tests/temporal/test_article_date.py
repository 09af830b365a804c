"""The article date from the text: wire datelines ("WASHINGTON, March 6, 2009 (AP) -")."""

from __future__ import annotations

import pytest

from dragoman.ingest import dateline


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Title\n\nWASHINGTON, March 6, 2009 (AP) - The talks ended.", "2009-03-06"),
        ("Title\n\nMOSCOW, 6 March 2009 (Reuters) - Russia said.", "2009-03-06"),
        ("Title\n\nGENEVA, Friday, March 6, 2009 - Ministers met.", "2009-03-06"),
        ("Title\n\nALBUQUERQUE, N.M., Jan. 5, 2018 (AP) - Documents show.", "2018-01-05"),
        ("Title\n\n06 March 2009\n\nBody.", "2009-03-06"),
    ],
)
def test_wire_datelines(text, iso):
    assert dateline(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "Title\n\nMOSCOW, March 6 (Reuters) - no year, no date.",
        "Title\n\nThe talks, on March 6, 2009, were held in Geneva with many ministers present.",
        "Title\n\nBody text only.",
    ],
)
def test_no_wire_date(text):
    assert dateline(text) is None
