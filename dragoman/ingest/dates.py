"""Publication dates as written in metadata and datelines, normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)", re.I),
]

#: a line that is nothing but a date, perhaps with a weekday, a time or a place
_DATELINE_EXTRA = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?|"
    r"(?:\s*[-,|]?\s*\d{1,2}[:.]\d\d(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*[A-Z]{2,4})?)$",
    re.I,
)


def parse_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date string in a common written form, else None."""
    if not value:
        return None
    for pat in _PATTERNS:
        m = pat.search(value)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["month"].lower().rstrip(".")]
        try:
            return date(int(g["year"]), month, int(g["day"])).isoformat()
        except ValueError:
            continue
    return None


#: a wire dateline: "WASHINGTON, March 6, 2009 (AP) -", "MOSCOW, Friday, 6 March 2009 (Reuters) -"
_WIRE = re.compile(
    r"^[A-Z][A-Z.'\- ]{1,40}(?:, [A-Z][a-z.]+)?,\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?", re.I
)


def _wire_date(line: str) -> str | None:
    """The date of a wire dateline that opens a paragraph (the place in capitals, then the date)."""
    m = _WIRE.match(line)
    if m is None or not line[: line.index(",")].isupper():
        return None
    rest = line[m.end() : m.end() + 40]
    for pat in _PATTERNS:
        if pat.match(rest):
            return parse_date(rest)
    return None


def dateline(text: str, max_lines: int = 12) -> str | None:
    """The date of a line near the top that is only a date (``06 March 2009``), else None."""
    seen = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > max_lines:
            break
        wire = _wire_date(line)
        if wire is not None:
            return wire
        if len(line) > 60:
            continue
        iso = parse_date(line)
        if iso is None:
            continue
        rest = line
        for pat in _PATTERNS:
            rest = pat.sub("", rest)
        rest = _DATELINE_EXTRA.sub("", rest).strip(" ,-|()")
        if len(rest.split()) <= 3:  # a date, maybe with a weekday, time or place
            return iso
    return None
