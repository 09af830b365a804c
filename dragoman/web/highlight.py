"""The article text with its actors, event triggers and quotes marked, like displaCy.

The text is untrusted: every piece of it, and every attribute value, goes through
``markupsafe.escape``; only the tags written here are markup. Overlaps are resolved so the
HTML always nests: quotes are the outer layer, actor and trigger marks the inner one, and a
mark that crosses a quote's edge is left unmarked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..models import Actor, Event, Record


@dataclass
class Span:
    """A marked stretch of the text: an actor, a trigger (with its events) or a quote."""

    start: int
    end: int
    kind: str  # "actor" | "trigger" | "quote"
    label: str = ""
    title: str = ""
    key: str = ""
    name: str = ""
    events: list[int] = field(default_factory=list)


def _valid(spans: list[Span], size: int) -> list[Span]:
    out = []
    for s in spans:
        s.start, s.end = max(0, s.start), min(size, s.end)
        if s.end > s.start:
            out.append(s)
    return out


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Keep the earliest (then longest) of overlapping spans."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.kind != "trigger")):
        if not kept or s.start >= kept[-1].end:
            kept.append(s)
    return kept


def _actor_span(a: Actor) -> Span:
    key = a.code or a.country or a.igo or ""
    name = a.name or a.text
    parts = [name, a.code, a.country or a.igo, "/".join(a.sectors)]
    title = " · ".join(dict.fromkeys(x for x in parts if x))
    return Span(a.start, a.end, "actor", label=key or "?", title=title, key=key, name=name)


def actor_spans(record: Record) -> list[Span]:
    """The actor mentions: the record's own list, else the events' sources and targets."""
    actors = list(record.actors)
    if not actors:
        actors = [a for e in record.events for a in (e.source, e.target) if a and a.end > a.start]
    return [_actor_span(a) for a in actors]


def trigger_spans(events: list[Event]) -> list[Span]:
    """One span per trigger, listing the events it triggered."""
    by_pos: dict[tuple[int, int], Span] = {}
    for i, e in enumerate(events):
        t = e.trigger
        span = by_pos.setdefault((t.start, t.end), Span(t.start, t.end, "trigger", label=e.code, title=""))
        span.events.append(i)
        span.title = "; ".join(filter(None, [span.title, f"{e.code} {e.name}"]))
    return list(by_pos.values())


def quote_spans(record: Record) -> list[Span]:
    """The quotations, titled with their speaker."""
    out = []
    for q in record.quotes:
        who = (q.speaker.name or q.speaker.text) if q.speaker else "unknown speaker"
        out.append(Span(q.start, q.end, "quote", label=q.kind, title=f"{q.kind} quote: {who}"))
    return out


def _mark(text: str, s: Span) -> Markup:
    body = escape(text[s.start : s.end])
    if s.kind == "trigger":
        first = s.events[0]
        label = Markup('<a class="ent-label" href="#event-{0}">{1}</a>').format(first, s.label)
        return Markup('<mark class="ent trigger" id="trigger-{0}" title="{1}">{2}{3}</mark>').format(
            first, s.title, body, label
        )
    label = Markup('<span class="ent-label">{0}</span>').format(s.label)
    return Markup('<mark class="ent actor" data-key="{0}" title="{1}">{2}{3}</mark>').format(
        s.key, s.title, body, label
    )


def _marked(text: str, start: int, end: int, marks: list[Span]) -> Markup:
    """text[start:end] with the marks that lie wholly inside it."""
    out = []
    pos = start
    for m in marks:
        if m.start < start or m.end > end:
            continue
        out.append(escape(text[pos : m.start]))
        out.append(_mark(text, m))
        pos = m.end
    out.append(escape(text[pos:end]))
    return Markup("").join(out)


def highlight(record: Record) -> Markup:
    """The article text as safe HTML with quotes, actors and triggers marked."""
    text = record.article.text
    n = len(text)
    marks = _non_overlapping(_valid(trigger_spans(record.events) + actor_spans(record), n))
    quotes = _non_overlapping(_valid(quote_spans(record), n))
    out = []
    pos = 0
    for q in quotes:
        out.append(_marked(text, pos, q.start, marks))
        inner = _marked(text, q.start, q.end, marks)
        out.append(Markup('<span class="quote {0}" title="{1}">{2}</span>').format(q.label, q.title, inner))
        pos = q.end
    out.append(_marked(text, pos, n, marks))
    return Markup("").join(out)


def sentence_with_trigger(text: str, event: Event) -> Markup:
    """The event's sentence with its trigger emphasised (escaped)."""
    sent, trig = event.text, event.trigger
    at = _sentence_start(text, sent, trig.start)
    if at is not None:
        rel = trig.start - at
        rel_end = min(len(sent), rel + (trig.end - trig.start))
    else:
        rel = sent.find(trig.text) if trig.text else -1
        rel_end = rel + len(trig.text)
    if rel < 0 or not trig.text:
        return Markup(escape(sent))
    return Markup('{0}<strong class="trigger">{1}</strong>{2}').format(sent[:rel], sent[rel:rel_end], sent[rel_end:])


def _sentence_start(text: str, sent: str, trigger_start: int) -> int | None:
    if not sent:
        return None
    at = text.find(sent)
    while at != -1:
        if at <= trigger_start < at + len(sent):
            return at
        at = text.find(sent, at + 1)
    return None


def actor_list(record: Record) -> list[dict[str, Any]]:
    """The distinct actors of the article, with how many distinct mentions each has."""
    seen: dict[str, dict[str, Any]] = {}
    spans = {(s.start, s.end): s for s in actor_spans(record)}
    for s in spans.values():
        a = seen.setdefault(s.key or s.name.lower(), {"key": s.key, "name": s.name, "title": s.title, "mentions": 0})
        a["mentions"] += 1
    return sorted(seen.values(), key=lambda a: (-a["mentions"], a["key"]))
