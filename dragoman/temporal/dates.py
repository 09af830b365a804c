"""The date of an event: the time expression that governs the clause of its trigger, else the article's."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..geo.clauses import clause_head, governs, parent_clause, relative_antecedent, span_root
from .offsets import dated_after_event, dated_from_earlier, offset_date

_WHEN = frozenset({"when"})


def _best(doc: Doc, times: list[dict[str, Any]], trigger: Token) -> dict[str, Any] | None:
    best: tuple[int, int, dict[str, Any]] | None = None
    for t in times:
        root = span_root(doc, t["start"], t["end"])
        g = governs(root, trigger)
        if g is not None and (best is None or (g, abs(root.i - trigger.i)) < best[:2]):
            best = (g, abs(root.i - trigger.i), t)
    return best[2] if best else None


def _time_at(times: list[dict[str, Any]], tok: Token) -> dict[str, Any] | None:
    for t in times:
        if t["start"] <= tok.i < t["end"]:
            return t
    return None


def governing_time(doc: Doc, trigger_start: int, trigger_end: int) -> dict[str, Any] | None:
    """The time mention that governs the trigger's clause (or the clause it hangs on), else None."""
    if not doc._.dragoman_times or not 0 <= trigger_start < len(doc):
        return None
    trigger = span_root(doc, trigger_start, max(trigger_end, trigger_start + 1))
    sent = trigger.sent
    times = [t for t in doc._.dragoman_times if t.get("value") and sent.start <= t["start"] < sent.end]
    if not times and relative_antecedent(trigger, _WHEN) is None:
        return None
    for _ in range(8):
        found = _best(doc, times, trigger)
        if found is not None:
            return found
        ante = relative_antecedent(trigger, _WHEN)
        if ante is not None:
            return _time_at(times, ante)
        parent = parent_clause(trigger)
        if parent is None or parent.i == clause_head(trigger).i:
            return None
        trigger = parent
    return None


def event_date(doc: Doc, trigger_start: int, trigger_end: int) -> tuple[str | None, str | None]:
    """The event's date and the words that gave it; the article date (and None) when the clause has none.

    An event told as "N days after" another (or before) takes the other's date moved by N.
    """
    t = governing_time(doc, trigger_start, trigger_end)
    if 0 <= trigger_start < len(doc):
        own = span_root(doc, t["start"], t["end"]) if t is not None else None
        moved = offset_date(span_root(doc, trigger_start, max(trigger_end, trigger_start + 1)), _date_of, own)
        if moved is not None:
            return moved
    if t is not None:
        return t["value"], t["text"]
    if 0 <= trigger_start < len(doc):
        root = span_root(doc, trigger_start, max(trigger_end, trigger_start + 1))
        moved = dated_from_earlier(root, _own_date) or dated_after_event(root, _phrase_date)
        if moved is not None:
            return moved
    meta = doc._.dragoman_meta or {}
    return meta.get("date"), None


def _date_of(tok: Token) -> str | None:
    """The date of a clause: its own time, else the article's."""
    t = governing_time(tok.doc, tok.i, tok.i + 1)
    return t["value"] if t is not None else (tok.doc._.dragoman_meta or {}).get("date")


def _own_date(tok: Token) -> str | None:
    """The date of a clause's own time, None without one."""
    t = governing_time(tok.doc, tok.i, tok.i + 1)
    return t["value"] if t is not None else None


def _phrase_date(noun: Token) -> str | None:
    """The date of a time inside a noun's own phrase ("the April 22 attack"), None without one."""
    doc = noun.doc
    for t in doc._.dragoman_times or []:
        if t.get("value") and noun.left_edge.i <= t["start"] <= noun.right_edge.i:
            if governs(span_root(doc, t["start"], t["end"]), noun) == 0:
                return t["value"]
    return None
