"""The first-letter lookaheads of the time patterns change no match (they only skip positions faster)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dragoman.temporal.expressions import PATTERNS

SAMPLE = Path(__file__).resolve().parents[2] / "dragoman" / "data" / "sample" / "articles"
_LOOKAHEAD = re.compile(r"^\(\?=\[[^\]]+\]\)")

#: every opening word of every pattern, in a capitalised and a lowercase form
PHRASES = """
2008-08-07. On August 7, 2008 and on 7 August 2008; Aug. 7th, 2008; Sept 2008; last August 2008;
early March, 2009; mid-June of 2010; Monday, March 6; the 6th of March; in May; since 2008; until June;
till July; by 2010; during April; from March; through May; before 2009; after 2001; of 1999; early 2008;
late 2007; mid-2006; last May; this June; next July; past December; coming January; summer 2008;
Spring 2009; autumn 2010; fall 2011; winter 2012; end of the year 2013; beginning of March; start of 2014;
middle of June; In May; Since 2008; Until June; Till July; By 2010; During April; From March; Through May;
Before 2009; After 2001; Of 1999; Early 2008; Late 2007; Mid-2006; Last May; This June; Next July;
Past December; Coming January; Summer 2008; End of 2013; Beginning of March; Start of 2014; Middle of June;
last Tuesday; this Wednesday; next Thursday; past Friday; coming Saturday; early Sunday; late Monday;
Earlier in Monday; Later in Tuesday; Sunday morning; yesterday; Today; tonight; Tomorrow; this morning;
This afternoon; this evening; last night; Last evening; earlier this week; later this month; early next year;
Late last decade; mid this summer; the end of last winter; The beginning of next spring; the start of this
autumn; the middle of last fall; past weekend; coming year; a day ago; an hour ago; one week ago; two weeks
ago; Three months ago; four years ago; five decades ago; six days ago; seven days ago; eight days ago; nine
days ago; ten days ago; eleven days ago; twelve days ago; fifteen years ago; twenty years ago; thirty years
ago; 12 days ago; New Year's Day; New Year\u2019s Eve; Christmas Eve; Christmas; Boxing Day; over the weekend;
During the weekend; at the weekend; on the weekend; the 1990s; 2000s; in the 1980s and 20.10 per cent in 2008.
"""


def _texts() -> list[str]:
    texts = [PHRASES, PHRASES.lower(), PHRASES.upper()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    return texts


@pytest.mark.parametrize(("kind", "pat"), PATTERNS, ids=[k for k, _ in PATTERNS])
def test_lookahead_changes_no_match(kind: str, pat: re.Pattern[str]) -> None:
    bare = re.compile(_LOOKAHEAD.sub("", pat.pattern), pat.flags)
    assert bare.pattern != pat.pattern, f"{kind}: pattern has no first-letter lookahead"
    found = 0
    for text in _texts():
        fast = [(m.span(), m.groupdict()) for m in pat.finditer(text)]
        assert fast == [(m.span(), m.groupdict()) for m in bare.finditer(text)], kind
        found += len(fast)
    assert found, f"{kind}: no match in the test texts"
