"""Plain, JSON-serialisable records: what dragoman reads and what it writes.

Nothing here knows about spaCy. The reading stages fill these from a parsed Doc; the
store, the exports, the web app and the Spark job only ever see these.

The article JSON (``Record.to_json``) and the flat event row (``Event.to_row``) are the
contracts of DESIGN.md: fields may be added, never renamed or removed.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any

#: The columns of a flat event row, in order (DESIGN.md). Extra columns follow.
EVENT_ROW_COLUMNS: tuple[str, ...] = (
    "article_id",
    "code",
    "root",
    "name",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "source_text",
    "source_name",
    "source_code",
    "source_country",
    "source_igo",
    "source_sectors",
    "target_text",
    "target_name",
    "target_code",
    "target_country",
    "target_igo",
    "target_sectors",
    "date",
    "date_text",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "sentence",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "confidence",
    "rule",
    "coder_version",
    # additions
    "event_id",
    "sentence_text",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "place_geonameid",
    "contexts",
    "issues",
    "article_date",
    "event_key",
    "topics",
)


def text_id(text: str) -> str:
    """A stable id for an article without one: the first 16 hex digits of SHA-1 of its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


#: values kept as they are (immutable): tested by exact type first, the commonest case
_ATOMS = frozenset({str, int, float, bool, type(None)})


def plain(obj: Any) -> Any:
    """``dataclasses.asdict`` for these records, without its deep copies (several times faster).

    Nested records become dicts, lists and tuples are rebuilt, dicts are copied; other values
    (str, int, float, None) are immutable and kept as they are.
    """
    kind = type(obj)
    if kind in _ATOMS or isinstance(obj, (str, int, float)):
        return obj
    if kind is list or isinstance(obj, list):
        return [x if type(x) in _ATOMS else plain(x) for x in obj]
    if isinstance(obj, dict):
        return {plain(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return tuple(plain(x) for x in obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for name in _field_names(type(obj)):
            value = getattr(obj, name)
            out[name] = value if type(value) in _ATOMS else plain(value)
        return out
    return copy.deepcopy(obj)


@dataclass
class Article:
    """One input report: what a reader produced, before any NLP."""

    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    #: where it came from (a file path, a WARC record, a feed URL): provenance only
    origin: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)

    def meta(self) -> dict[str, Any]:
        """The fields other than the text, as a plain dict."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "source": self.source,
            "origin": self.origin,
        }


@dataclass
class Actor:
    """Who acts: a mention in the text resolved (or not) to a CAMEO-style code."""

    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    igo: str | None = None
    sectors: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0

    @property
    def key(self) -> str | None:
        """The scoring key: the country, else the organisation."""
        return self.country or self.igo

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if d is None:
            return None
        return cls(**{f.name: d.get(f.name, f.default if f.name != "sectors" else []) for f in fields(cls)})


@dataclass
class Place:
    """A toponym placed on the map."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    start: int = 0
    end: int = 0

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if d is None:
            return None
        return cls(**{f.name: d.get(f.name, f.default) for f in fields(cls)})


@dataclass
class Trigger:
    """The words that made the coder code an event."""

    text: str
    start: int
    end: int


@dataclass
class Event:
    """Who did what to whom, when and where, and why the coder says so."""

    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    source: Actor | None
    target: Actor | None
    trigger: Trigger
    sentence: int
    text: str
    rule: str
    confidence: float
    plover: dict[str, Any] | None = None
    date: str | None = None
    date_text: str | None = None
    place: Place | None = None
    contexts: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    #: each topic with the words that triggered it: {"topic", "scale", "words", "level"}
    topics: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The event as in the article JSON of DESIGN.md."""
        return plain(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Event:
        trig = d.get("trigger") or {"text": "", "start": 0, "end": 0}
        return cls(
            code=d["code"],
            root=d.get("root") or d["code"][:2],
            name=d.get("name") or "",
            quad_class=int(d.get("quad_class") or 0),
            goldstein=float(d.get("goldstein") or 0.0),
            source=Actor.from_dict(d.get("source")),
            target=Actor.from_dict(d.get("target")),
            trigger=Trigger(**trig),
            sentence=int(d.get("sentence") or 0),
            text=d.get("text") or "",
            rule=d.get("rule") or "",
            confidence=float(d.get("confidence") or 0.0),
            plover=d.get("plover"),
            date=d.get("date"),
            date_text=d.get("date_text"),
            place=Place.from_dict(d.get("place")),
            contexts=list(d.get("contexts") or []),
            issues=list(d.get("issues") or []),
            topics=list(d.get("topics") or []),
        )

    def event_id(self, article_id: str) -> str:
        """A stable id for this event within its article (same input, same id)."""
        parts = [
            article_id,
            self.code,
            str(self.trigger.start),
            str(self.source.start if self.source else ""),
            str(self.target.start if self.target else ""),
            self.source.code or "" if self.source else "",
            self.target.code or "" if self.target else "",
        ]
        return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:20]

    def event_key(self, article_id: str, article_date: str | None = None) -> str:
        """The key of the reported event: same date, actors and code in any article, same key.

        Reports of one event by several articles share it (GDELT counts their mentions,
        sources and articles); an event with no date at all keeps a key of its own.
        """
        date = self.date or article_date
        if not date:
            return self.event_id(article_id)
        parts = [date, _actor_key(self.source), _actor_key(self.target), self.code]
        return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:20]

    def to_row(self, article_id: str, coder_version: str = "", article_date: str | None = None) -> dict[str, Any]:
        """The flat event row of DESIGN.md (store, CSV, Parquet, `events --format jsonl`)."""
        s, t, p = self.source, self.target, self.place
        plover = self.plover or {}
        return {
            "article_id": article_id,
            "code": self.code,
            "root": self.root,
            "name": self.name,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover_type": plover.get("type"),
            "plover_mode": plover.get("mode"),
            **actor_columns("source", s),
            "source_sectors": ";".join(s.sectors) if s else None,
            **actor_columns("target", t),
            "target_sectors": ";".join(t.sectors) if t else None,
            "date": self.date,
            "date_text": self.date_text,
            "place_name": p.name if p else None,
            "place_country": p.country if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "sentence": self.sentence,
            "trigger_text": self.trigger.text,
            "trigger_start": self.trigger.start,
            "trigger_end": self.trigger.end,
            "confidence": self.confidence,
            "rule": self.rule,
            "coder_version": coder_version,
            "event_id": self.event_id(article_id),
            "sentence_text": self.text,
            "source_start": s.start if s else None,
            "source_end": s.end if s else None,
            "target_start": t.start if t else None,
            "target_end": t.end if t else None,
            "place_geonameid": p.geonameid if p else None,
            "contexts": ";".join(self.contexts),
            "issues": ";".join(self.issues),
            "article_date": article_date,
            "event_key": self.event_key(article_id, article_date),
            "topics": json.dumps(self.topics, ensure_ascii=False) if self.topics else "",
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Event:
        """Rebuild an event from a flat row (the inverse of ``to_row``)."""

        def actor(side: str) -> Actor | None:
            if row.get(f"{side}_text") is None and row.get(f"{side}_code") is None:
                return None
            sectors = row.get(f"{side}_sectors") or ""
            return Actor(
                text=row.get(f"{side}_text") or "",
                name=row.get(f"{side}_name"),
                code=row.get(f"{side}_code"),
                country=row.get(f"{side}_country"),
                igo=row.get(f"{side}_igo"),
                sectors=[x for x in str(sectors).split(";") if x],
                start=int(row.get(f"{side}_start") or 0),
                end=int(row.get(f"{side}_end") or 0),
            )

        place = None
        if row.get("place_name"):
            gid = row.get("place_geonameid")
            place = Place(
                name=row["place_name"],
                country=row.get("place_country"),
                lat=_maybe_float(row.get("lat")),
                lon=_maybe_float(row.get("lon")),
                geonameid=int(gid) if gid not in (None, "") else None,
            )
        plover = None
        if row.get("plover_type"):
            plover = {"type": row["plover_type"], "mode": row.get("plover_mode") or None}
        return cls(
            code=str(row["code"]),
            root=str(row.get("root") or str(row["code"])[:2]),
            name=row.get("name") or "",
            quad_class=int(row.get("quad_class") or 0),
            goldstein=float(row.get("goldstein") or 0.0),
            source=actor("source"),
            target=actor("target"),
            trigger=Trigger(
                text=row.get("trigger_text") or "",
                start=int(row.get("trigger_start") or 0),
                end=int(row.get("trigger_end") or 0),
            ),
            sentence=int(row.get("sentence") or 0),
            text=row.get("sentence_text") or "",
            rule=row.get("rule") or "",
            confidence=float(row.get("confidence") or 0.0),
            plover=plover,
            date=row.get("date") or None,
            date_text=row.get("date_text") or None,
            place=place,
            contexts=[x for x in str(row.get("contexts") or "").split(";") if x],
            issues=[x for x in str(row.get("issues") or "").split(";") if x],
            topics=_topics_of_row(row.get("topics")),
        )


def actor_columns(prefix: str, a: Actor | None) -> dict[str, Any]:
    """An actor's columns in a flat row: ``{prefix}_text``, ``_name``, ``_code``, ``_country``, ``_igo``."""
    return {
        f"{prefix}_text": a.text if a else None,
        f"{prefix}_name": a.name if a else None,
        f"{prefix}_code": a.code if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_igo": a.igo if a else None,
    }


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return actor.code or actor.country or actor.igo or (actor.name or actor.text or "-").lower()


def _topics_of_row(value: Any) -> list[dict[str, Any]]:
    """The ``topics`` evidence of a flat row (JSON text; empty or unreadable: none)."""
    if isinstance(value, list):
        return value
    try:
        data = json.loads(value) if value else []
    except ValueError:
        return []
    return data if isinstance(data, list) else []


def _maybe_float(v: Any) -> float | None:
    if v is None or v == "":
        return None
    return float(v)


@dataclass
class Quote:
    """Who said what: a direct or indirect quotation and its speaker."""

    text: str
    kind: str  # "direct" | "indirect" | "mixed"
    speaker: Actor | None
    start: int
    end: int
    cue: str | None = None
    group: int | None = None  # the stretches of one split or multi-paragraph quotation share it

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Quote:
        return cls(
            text=d["text"],
            kind=d.get("kind") or "direct",
            speaker=Actor.from_dict(d.get("speaker")),
            start=int(d.get("start") or 0),
            end=int(d.get("end") or 0),
            cue=d.get("cue"),
            group=d.get("group"),
        )


@dataclass
class Record:
    """One article read: its metadata, its events, quotes and places.

    ``to_json`` gives the article JSON of DESIGN.md, the output of ``dragoman extract``.
    """

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    coder_version: str = ""

    @property
    def id(self) -> str:
        assert self.article.id is not None
        return self.article.id

    def to_json(self, include_text: bool = False) -> dict[str, Any]:
        """The article JSON of DESIGN.md."""
        a = self.article
        d: dict[str, Any] = {
            "id": a.id,
            "title": a.title,
            "date": a.date,
            "url": a.url,
            "source": a.source,
            "events": [e.to_json() for e in self.events],
            "quotes": [plain(q) for q in self.quotes],
            "places": [plain(p) for p in self.places],
            "actors": [plain(x) for x in self.actors],
            "contexts": list(self.contexts),
            "issues": list(self.issues),
            "coder_version": self.coder_version,
        }
        if include_text:
            d["text"] = a.text
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any], text: str | None = None) -> Record:
        """Rebuild a record from its article JSON (``text`` when the JSON lacks it)."""
        article = Article(
            text=str(d["text"]) if d.get("text") is not None else (text or ""),
            id=d.get("id"),
            title=d.get("title"),
            date=d.get("date"),
            url=d.get("url"),
            source=d.get("source"),
        )
        return cls(
            article=article,
            events=[Event.from_json(e) for e in d.get("events") or []],
            quotes=[Quote.from_json(q) for q in d.get("quotes") or []],
            places=[p for p in (Place.from_dict(x) for x in d.get("places") or []) if p],
            actors=[x for x in (Actor.from_dict(y) for y in d.get("actors") or []) if x],
            contexts=list(d.get("contexts") or []),
            issues=list(d.get("issues") or []),
            coder_version=d.get("coder_version") or "",
        )

    def event_rows(self) -> list[dict[str, Any]]:
        """The flat event rows of this article."""
        return [e.to_row(self.id, self.coder_version, self.article.date) for e in self.events]


@dataclass
class Reject:
    """An input that was refused, with a one-line reason."""

    origin: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


__all__ = [
    "EVENT_ROW_COLUMNS",
    "Actor",
    "Article",
    "Event",
    "Place",
    "Quote",
    "Record",
    "Reject",
    "Trigger",
    "text_id",
]
