"""Time expressions in news text, found by patterns: "last August", "on Tuesday", "two years ago".

Each match is an ``Expression``: where it is, the words to show (without a bare preposition:
"in 2008" shows "2008", "last August" shows "last August"), and the parts the resolver needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ingest.dates import MONTHS

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Sept)"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_MOD = r"(?:(?P<mod>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]arlier in|[Ll]ater in)\s+)"
#: words before a bare month or year that make it a date ("in May", "since 2008")
_CUE = (
    r"(?P<cue>\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f|"
    r"[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Ss]ummer|[Ss]pring|[Aa]utumn|[Ff]all|"
    r"[Ww]inter|[Ee]nd of|[Bb]eginning of|[Ss]tart of|[Mm]iddle of)(?:\s+the\s+year)?\s+)"
)
#: cue words kept in the words shown (they change the date); the others are prepositions
KEPT_CUES = frozenset({"last", "this", "next", "past", "coming", "early", "late", "mid", "mid-"})
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
_NUMBER = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d{1,3})"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"

#: the letters each fragment above can start with (see ``_starting``)
_MONTH_FIRST, _WEEKDAY_FIRST, _DAY_FIRST = "JFMASOND", "MTWFS", "0-9"
_MOD_FIRST = "LlTtNnPpCcEeMm"
_CUE_FIRST = "IiSsUuTtBbDdFfAaOoEeLlMmNnPpCcWw"


def _starting(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern``, whose matches start with one of the characters ``first``, with a lookahead for them.

    The matches are the same; the lookahead lets the engine skip other positions fast (a
    leading ``\\b`` alone makes it try every alternative at every position of the text).
    """
    return re.compile(f"(?=[{first}])" + pattern, flags)


_I = re.IGNORECASE
#: (kind, pattern), longest forms first; a later match overlapping an earlier kept one is dropped
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _starting("12", r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", _starting(_MONTH_FIRST, rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", _starting(_DAY_FIRST, rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("my", _starting(_MOD_FIRST + _MONTH_FIRST, rf"\b{_MOD}?{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("md", _starting(_WEEKDAY_FIRST + _MONTH_FIRST, rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?![,\s]*\d)")),
    ("dm", _starting("t" + _DAY_FIRST, rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b")),
    ("month", _starting(_CUE_FIRST, rf"{_CUE}{_MONTH}\b")),
    (
        "weekday",
        _starting(_MOD_FIRST + _WEEKDAY_FIRST, rf"\b{_MOD}?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ),
    (
        "day",
        _starting(
            "ytl",
            r"\b(?P<word>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|"
            r"last night|last evening)\b",
            _I,
        ),
    ),
    (
        "unit",
        _starting(
            "elmtnpc",
            r"\b(?:(?P<pre>earlier|later|early|late|mid|the end of|the beginning of|the start of|"
            r"the middle of)\s+)?(?P<mod>last|this|next|past|coming)\s+"
            r"(?P<unit>week|weekend|month|year|decade|summer|winter|spring|autumn|fall)\b",
            _I,
        ),
    ),
    ("ago", _starting("aotfsen0-9", rf"\b{_NUMBER}\s+{_UNIT}\s+ago\b", _I)),
    (
        "holiday",
        _starting("NCB", r"\b(?P<holiday>New Year[\u2019']s (?:Day|Eve)|Christmas(?: Day| Eve)?|Boxing Day)\b"),
    ),
    ("weekend", _starting("oda", r"\b(?:over|during|at|on)\s+(?P<the>the\s+)weekend\b", _I)),
    ("decade", _starting("12", r"\b(?P<decade>(?:1[89]|20)\d)0s\b")),
    ("year", _starting(_CUE_FIRST, rf"{_CUE}(?:the\s+)?{_YEAR}\b(?!\s*[-\u2013/]\s*\d)(?!\s*(?:%|percent))")),
]


@dataclass
class Expression:
    """A time expression found in the text."""

    kind: str
    start: int  # character offsets of the words shown
    end: int
    text: str
    parts: dict[str, str] = field(default_factory=dict)

    def month(self) -> int | None:
        """The month number, if the expression names one."""
        m = self.parts.get("month") or self.parts.get("mnum")
        if not m:
            return None
        return int(m) if m.isdigit() else MONTHS.get(m.lower().rstrip("."))


def _shown(kind: str, m: re.Match[str]) -> tuple[int, int]:
    """The span to show: the match without a bare preposition cue."""
    start = m.start("the") if kind == "weekend" else m.start()
    cue = m.groupdict().get("cue")
    if cue and cue.strip().lower() not in KEPT_CUES:
        start = m.start("cue") + len(cue)
        if kind == "year" and m.string[start:].lower().startswith("the "):
            start += 4
    return start, m.end()


_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: words one of which a text must hold for a pattern to be worth running (a cheap test first)
NEEDS: dict[str, tuple[str, ...]] = {
    "mdy": _MONTH_WORDS,
    "dmy": _MONTH_WORDS,
    "my": _MONTH_WORDS,
    "md": _MONTH_WORDS,
    "dm": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "weekday": ("day",),
    "day": ("yesterday", "today", "tonight", "tomorrow", "this ", "last n"),
    "unit": ("week", "month", "year", "decade", "summer", "winter", "spring", "autumn", "fall"),
    "ago": ("ago",),
    "holiday": ("new year", "christmas", "boxing"),
    "weekend": ("weekend",),
    "decade": ("0s",),
    "iso": ("-",),
}


def find_expressions(text: str) -> list[Expression]:
    """Every time expression in ``text``, in order, without overlaps (longer forms win)."""
    found: list[Expression] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    for kind, pat in PATTERNS:
        if kind in NEEDS and not any(w in low for w in NEEDS[kind]):
            continue
        for m in pat.finditer(text):
            start, end = _shown(kind, m)
            if any(s < end and start < e for s, e in taken):
                continue
            parts = {k: v for k, v in m.groupdict().items() if v}
            found.append(Expression(kind, start, end, text[start:end], parts))
            taken.append((start, end))
    found.sort(key=lambda x: x.start)
    return found
