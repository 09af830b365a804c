"""The ``dragoman_times`` spaCy component: time expressions resolved against the article date."""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

import re
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..geo.clauses import clause_head, span_root
from ..ingest.dates import MONTHS
from ..nlp.tokens import doc_text
from .dates import event_date
from .expressions import Expression, find_expressions
from .resolve import fallback, resolve

__all__ = ["TimeFinder", "event_date", "make_time_finder"]

#: auxiliaries and verbs that put a clause in the future ("will meet on Tuesday", "plans to visit in May")
FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo", "'d"})
FUTURE_VERBS = frozenset({"plan", "expect", "schedule", "intend", "aim", "hope", "prepare", "set", "due", "go"})
#: a DATE entity that is only a year ("the 1972 treaty") or a month ("November's election")
_BARE = re.compile(
    r"(?P<year>1[89]\d\d|20\d\d)|(?P<month>" + "|".join(m.capitalize() for m in MONTHS if len(m) > 3) + r")(?:'s)?"
)
#: DATE entities worth a (slow, cached) dateparser try: a month and a number the patterns missed
_MONTHISH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")


def is_future(tok: Token) -> bool:
    """True when the clause of ``tok`` speaks of the future."""
    head = clause_head(tok)
    for t in (head, head.head if head.dep_ == "xcomp" else head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in t.children):
            return True
        if t.i != head.i and t.lemma_ in FUTURE_VERBS:
            return True
    return False


def _anchor(doc: Doc) -> date | None:
    value = (doc._.dragoman_meta or {}).get("date")
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class TimeFinder:
    """Finds time expressions and resolves them against the article date."""

    def __init__(self, nlp: Language, name: str = "dragoman_times"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        anchor = _anchor(doc)
        times: list[dict[str, Any]] = []
        for x in find_expressions(doc_text(doc)):
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            value = resolve(x, anchor, is_future(span_root(doc, span.start, span.end)))
            times.append(_mention(span, x.text, value))
        times.extend(self._fallbacks(doc, times, anchor))
        times.sort(key=lambda t: t["start"])
        doc._.dragoman_times = times
        return doc

    def _fallbacks(self, doc: Doc, times: list[dict[str, Any]], anchor: date | None) -> list[dict[str, Any]]:
        """DATE entities the patterns did not cover: a bare year or month, or (dateparser) a month and day."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "DATE" or any(t["start"] < ent.end and ent.start < t["end"] for t in times):
                continue
            text = ent.text.strip()
            bare = _BARE.fullmatch(text)
            if bare:
                x = Expression(
                    "year" if bare.group("year") else "month",
                    ent.start_char,
                    ent.end_char,
                    text,
                    {k: v for k, v in bare.groupdict().items() if v},
                )
                value = resolve(x, anchor, is_future(ent.root))
            elif len(text) <= 24 and any(ch.isdigit() for ch in text) and _MONTHISH.search(text):
                value = fallback(text, anchor.isoformat() if anchor else None)
            else:
                continue
            if value is not None:
                out.append(_mention(ent, text, value))
        return out


def _mention(span: Any, text: str, value: str | None) -> dict[str, Any]:
    return {
        "start": span.start,
        "end": span.end,
        "start_char": span.start_char,
        "end_char": span.end_char,
        "text": text,
        "value": value,
    }


@Language.factory("dragoman_times")
def make_time_finder(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder(nlp, name)
