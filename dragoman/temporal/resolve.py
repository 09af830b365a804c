"""Time expressions resolved against the article date, with the precision in the ISO string's length.

"last August" in a report of 2009-03-06 is ``2008-08``; "on Tuesday" is the Tuesday on or
before the article date (after it when the clause speaks of the future); "next week" and
"last week" are the month of that week's Thursday (ISO weeks belong to their Thursday's month);
"two years ago" is ``2007``; "the 1990s" is ``199`` (a decade, as ISO 8601 writes one).
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from ..ingest.dates import MONTHS
from .expressions import NUMBERS, Expression

log = logging.getLogger(__name__)

WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
#: the last month of each season (northern hemisphere), and of winter the month its year is named by
SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


def ymd(d: date) -> str:
    """Day precision."""
    return d.isoformat()


def ym(year: int, month: int) -> str:
    """Month precision."""
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by ``n`` months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_year(month: int, anchor: date, mod: str, future: bool) -> int:
    """The year of a month named without one ("last August", "in May")."""
    if mod == "last" or mod == "past":
        return anchor.year if month < anchor.month else anchor.year - 1
    if mod == "next" or mod == "coming":
        return anchor.year if month > anchor.month else anchor.year + 1
    if mod == "this":
        return anchor.year
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _weekday(day: int, anchor: date, mod: str, future: bool) -> date:
    """The date of a weekday named without a date ("on Tuesday", "next Friday")."""
    back = (anchor.weekday() - day) % 7
    if back == 0 and not mod:
        return anchor  # "on Monday" in a Monday report is the day itself, whatever the tense
    if mod in ("next", "coming") or (future and mod != "last"):
        return anchor + timedelta(days=(day - anchor.weekday()) % 7 or 7)
    if mod in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def _thursday(d: date) -> date:
    return d + timedelta(days=3 - d.weekday())


def _season(name: str, anchor: date, mod: str, future: bool) -> str:
    """The year of a season: the last one that ended ("last summer"), this year's, or the coming one."""
    end = SEASON_END[name]
    if mod in ("last", "past") or (not mod and not future):
        return f"{anchor.year if anchor.month > end else anchor.year - 1:04d}"
    if mod == "this":
        return f"{anchor.year + 1 if name == 'winter' and anchor.month == 12 else anchor.year:04d}"
    return f"{anchor.year if anchor.month <= end else anchor.year + 1:04d}"


def _unit(unit: str, mod: str, anchor: date, future: bool) -> str | None:
    """ "last week", "earlier this month", "next year", "this summer"."""
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}.get(mod, 0)
    if unit == "week":
        return _month_of(_thursday(anchor + timedelta(weeks=step)))
    if unit == "weekend":
        sat = _weekday(5, anchor, mod, future)
        return _month_of(sat)
    if unit == "month":
        return ym(*add_months(anchor.year, anchor.month, step))
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit in SEASON_END:
        return _season(unit, anchor, mod, future)
    return None  # "the last decade" is a span, not a date


def _month_of(d: date) -> str:
    return ym(d.year, d.month)


def _ago(n: int, unit: str, anchor: date) -> str | None:
    unit = unit.rstrip("s")
    if unit == "day":
        return ymd(anchor - timedelta(days=n))
    if unit == "week":
        return _month_of(anchor - timedelta(weeks=n))
    if unit == "month":
        return ym(*add_months(anchor.year, anchor.month, -n))
    if unit == "year":
        return f"{anchor.year - n:04d}"
    if unit == "decade":
        return f"{anchor.year - 10 * n:04d}"
    return None


def _absolute(x: Expression) -> str | None:
    """Expressions that carry their own year."""
    p, month = x.parts, x.month()
    if x.kind in ("iso", "mdy", "dmy") and month:
        d = _safe_date(int(p["year"]), month, int(p["day"]))
        return ymd(d) if d else None
    if x.kind == "my" and month:
        return ym(int(p["year"]), month)
    if x.kind == "year":
        return p["year"]
    if x.kind == "decade":
        return p["decade"]
    return None


def resolve(x: Expression, anchor: date | None, future: bool = False) -> str | None:
    """The ISO date (precision in its length) of an expression, or None when it cannot be resolved."""
    if x.kind in ("iso", "mdy", "dmy", "my", "year", "decade"):
        return _absolute(x)
    if anchor is None:
        return None
    p, month = x.parts, x.month()
    mod = (p.get("mod") or p.get("cue") or "").strip().lower().rstrip("-")
    if x.kind in ("md", "dm") and month:
        return _month_day(month, int(p["day"]), anchor, future)
    if x.kind == "month" and month:
        return ym(_month_year(month, anchor, mod, future), month)
    if x.kind == "weekday":
        return ymd(_weekday(WEEKDAYS[p["weekday"].lower()], anchor, mod, future))
    if x.kind == "day":
        return ymd(anchor + timedelta(days=_DAY_WORDS[" ".join(p["word"].lower().split())]))
    if x.kind == "unit":
        return _unit(p["unit"].lower(), p["mod"].lower(), anchor, future)
    if x.kind == "ago":
        return _ago(NUMBERS.get(p["n"].lower()) or int(p["n"]), p["unit"].lower(), anchor)
    if x.kind == "holiday":
        month, day = HOLIDAYS[p["holiday"].lower().replace("\u2019", "'")]
        return _month_day(month, day, anchor, future)
    if x.kind == "weekend":  # "over the weekend": its Saturday, the one before the article or the next
        return ymd(_weekday(5, anchor, "", future))
    return None


#: holidays on fixed dates (month, day)
HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
}


_DAY_WORDS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
    "last evening": -1,
}


def _month_day(month: int, day: int, anchor: date, future: bool) -> str | None:
    """ "March 3" without a year: the last one on or before the article date, or the next one for the future."""
    d = _safe_date(anchor.year, month, day)
    if d is None:
        return None
    if future and d < anchor:
        d = _safe_date(anchor.year + 1, month, day) or d
    elif not future and d > anchor + timedelta(days=1):
        d = _safe_date(anchor.year - 1, month, day) or d
    return ymd(d)


@lru_cache(maxsize=64)
def _parser(anchor: str | None) -> Any:
    import dateparser  # slow to import: only when needed

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(anchor)
    return dateparser.DateDataParser(languages=["en"], settings=settings)


#: "Oct 2017", "Sept. 2019", "March, 2020": a month and a year, which dateparser reads as that month
_MONTH_YEAR = re.compile(r"(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>1[89]\d\d|20\d\d)")


@lru_cache(maxsize=4096)
def fallback(text: str, anchor: str | None) -> str | None:
    """dateparser, for a date the patterns missed (a short string, cached); None when it fails.

    A month and a year is read here, as dateparser reads it (tests/temporal compare the two):
    dateparser is slow to start, and this is the commonest shape the patterns leave.
    """
    m = _MONTH_YEAR.fullmatch(text)
    if m and m.group("month").lower() in MONTHS:
        return ym(int(m.group("year")), MONTHS[m.group("month").lower()])
    return read_with_dateparser(text, anchor)


def read_with_dateparser(text: str, anchor: str | None) -> str | None:
    """The date dateparser reads in ``text`` (year, month or day precision); None when it fails."""
    try:
        data = _parser(anchor).get_date_data(text)
    except Exception:  # dateparser raises many kinds on odd strings
        log.debug("dateparser failed on %r", text)
        return None
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    if period == "year":
        return f"{d.year:04d}"
    if period in ("month", "week"):
        return ym(d.year, d.month)
    return d.date().isoformat()
