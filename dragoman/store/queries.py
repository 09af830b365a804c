"""Read queries over the store: events, quotes, actors, articles and summary counts.

``Store`` mixes these in; every method takes the same keyword filters for events (see
``EVENT_FILTERS``) and returns plain dicts, ``Page`` objects (rows plus the total count, for
pagination), dataclasses (``event_objects``) or pandas DataFrames (``events_frame``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, func, literal, or_, select, true, union, union_all

from ..errors import ConfigError, MissingExtra
from ..models import EVENT_ROW_COLUMNS, Event
from . import schema

#: the keyword filters every event query accepts
EVENT_FILTERS = (
    "actor",
    "country",
    "igo",
    "source",
    "target",
    "root",
    "code",
    "quad_class",
    "plover_type",
    "since",
    "until",
    "text",
    "q",
    "topic",
    "article_id",
)
QUOTE_COLUMNS = (
    "article_id",
    "article_date",
    "title",
    "kind",
    "speaker_text",
    "speaker_code",
    "speaker_country",
    "speaker_igo",
    "text",
    "start",
    "end",
)
ACTOR_COLUMNS = ("code", "name", "country", "igo", "events", "as_source", "as_target", "first", "last")

E = schema.events


@dataclass
class Page:
    """One page of rows, with the total count of matching rows (for pagination)."""

    rows: list[dict[str, Any]]
    total: int
    limit: int | None
    offset: int

    def to_json(self) -> dict[str, Any]:
        """``{"total", "limit", "offset", "rows"}``."""
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "rows": self.rows}


def to_frame(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> Any:
    """Rows as a pandas DataFrame (needs the ``parquet`` extra)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtra("pandas", "parquet") from exc
    return pd.DataFrame(list(rows), columns=list(columns) if columns else None)


def _tag(column: Any, value: str) -> ColumnElement[bool]:
    """A ``;``-joined tag column holds ``value`` (case-insensitive)."""
    joined = literal(";") + func.lower(func.coalesce(column, "")) + literal(";")
    return joined.contains(f";{value.lower()};", autoescape=True)


def _side(side: str, value: str) -> ColumnElement[bool]:
    """One side of an event is a key (country or IGO) or a full actor code."""
    return or_(E.c[f"{side}_key"] == value, E.c[f"{side}_code"] == value)


#: filters that match the source or the target: each alternative has an index of its own
EITHER_SIDE = ("actor", "country", "igo")


def either_side(name: str, value: Any) -> list[ColumnElement[bool]]:
    """The alternatives of an either-side filter (their OR is the filter)."""
    if name == "actor":
        return [E.c.source_code == value, E.c.target_code == value, E.c.source_name == value, E.c.target_name == value]
    v = str(value).upper()
    if name == "country":  # a side's key is its country when it has one (ISO3 codes are no IGO acronyms)
        return [E.c.source_key == v, E.c.target_key == v]
    return [E.c.source_igo == v, E.c.target_igo == v]


def event_conditions(filters: dict[str, Any]) -> list[ColumnElement[bool]]:
    """SQL conditions for the event filters; unknown names raise ConfigError."""
    unknown = set(filters) - set(EVENT_FILTERS)
    if unknown:
        raise ConfigError(f"[D505] Unknown event filter {sorted(unknown)}. Choose among: {', '.join(EVENT_FILTERS)}.")
    f = {k: v for k, v in filters.items() if v not in (None, "")}
    out: list[ColumnElement[bool]] = []
    for name in EITHER_SIDE:
        if name in f:
            out.append(or_(*either_side(name, f[name])))
    for side in ("source", "target"):
        if side in f:
            out.append(_side(side, str(f[side]).upper()))
    if "root" in f:
        out.append(E.c.root == str(f["root"]).zfill(2))
    if "code" in f:
        out.append(E.c.code == str(f["code"]))
    if "quad_class" in f:
        out.append(E.c.quad_class == int(f["quad_class"]))
    if "plover_type" in f:
        out.append(E.c.plover_type == str(f["plover_type"]).upper())
    if "since" in f:
        out.append(E.c.date >= str(f["since"]))
    if "until" in f:
        out.append(E.c.date <= str(f["until"]) + "~")  # "~" sorts after digits and "-"
    if "text" in f:
        out.append(E.c.sentence_text.icontains(str(f["text"]), autoescape=True))
    if "q" in f:  # free text: the sentence, the trigger or an actor's name or words
        v = str(f["q"])
        cols = ("sentence_text", "trigger_text", "source_name", "target_name", "source_text", "target_text")
        out.append(or_(*[E.c[c].icontains(v, autoescape=True) for c in cols]))
    if "topic" in f:
        out.append(or_(_tag(E.c.contexts, str(f["topic"])), _tag(E.c.issues, str(f["topic"]))))
    if "article_id" in f:
        out.append(E.c.article_id == f["article_id"])
    return out


def _newest_first(q: Select[Any]) -> Select[Any]:
    return q.order_by(E.c.date.desc().nulls_last(), E.c.article_id, E.c.trigger_start, E.c.event_id)


def _page_ids(filters: dict[str, Any], first: int) -> Any:
    """The ids of (a superset of) the ``first`` newest matching events, found through indexes.

    An either-side filter splits into its alternatives, and dated and undated events are
    taken apart: each part then walks an index in date order (descending dates are "nulls
    last" on SQLite and "nulls first" on PostgreSQL, so the order needs no NULLs) and stops
    after ``first`` rows. The page is cut from their union.
    """
    split = next((k for k in EITHER_SIDE if filters.get(k) not in (None, "")), None)
    alternatives = either_side(split, filters[split]) if split else [true()]
    rest = event_conditions({k: v for k, v in filters.items() if k != split})
    ties = (E.c.article_id, E.c.trigger_start, E.c.event_id)
    parts = []
    for alt in alternatives:
        dated = select(E.c.event_id).where(alt, E.c.date.is_not(None), *rest).order_by(E.c.date.desc(), *ties)
        undated = select(E.c.event_id).where(alt, E.c.date.is_(None), *rest).order_by(*ties)
        parts += [dated.limit(first).subquery(), undated.limit(first).subquery()]
    return union(*[select(p.c.event_id) for p in parts])


class Queries:
    """The read side of ``Store``."""

    engine: Engine

    # -- events ---------------------------------------------------------------------------
    def events(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        """Flat event rows, newest first, filtered by any of ``EVENT_FILTERS``.

        Example:
            >>> store.events(country="RUS", root="19", since="2008-08-01", limit=20)
        """
        cols = [E.c[c] for c in EVENT_ROW_COLUMNS]
        if limit is None:
            q = _newest_first(select(*cols).where(*event_conditions(filters))).offset(offset)
        else:
            q = _newest_first(select(*cols).where(E.c.event_id.in_(_page_ids(filters, offset + limit))))
            q = q.offset(offset).limit(limit)
        with self.engine.connect() as conn:
            result = conn.execute(q)
            keys = list(result.keys())
            return [dict(zip(keys, r, strict=True)) for r in result]

    def count_events(self, **filters: Any) -> int:
        """How many events match the filters."""
        q = select(func.count()).select_from(E).where(*event_conditions(filters))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def events_page(self, limit: int = 50, offset: int = 0, **filters: Any) -> Page:
        """A page of flat event rows (newest first) and the total count."""
        return Page(self.events(limit=limit, offset=offset, **filters), self.count_events(**filters), limit, offset)

    def iter_events(
        self, batch: int = 10_000, with_article: bool = False, order: str = "date", **filters: Any
    ) -> Iterator[dict[str, Any]]:
        """All matching flat rows, streamed, oldest first (``order="article"``: by article).

        ``with_article`` adds the article's ``article_url``, ``article_source`` and ``article_title``
        and the event's ``num_mentions``, ``num_sources`` and ``num_articles``.
        """
        cols = [E.c[c] for c in EVENT_ROW_COLUMNS]
        q = select(*cols).where(*event_conditions(filters))
        if with_article:
            a = schema.articles
            q = q.add_columns(
                a.c.url.label("article_url"), a.c.source.label("article_source"), a.c.title.label("article_title")
            ).join(a, a.c.id == E.c.article_id)
        if with_article and "num_mentions" in E.c:  # GDELT's counts, kept by the mentions
            q = q.add_columns(E.c.num_mentions, E.c.num_sources, E.c.num_articles)
        order_keys = (E.c.article_id, E.c.trigger_start, E.c.event_id)
        q = q.order_by(*order_keys) if order == "article" else q.order_by(E.c.date.nulls_first(), *order_keys)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(q)
            keys = list(result.keys())
            for r in result:
                yield dict(zip(keys, r, strict=True))

    def event_objects(self, **filters: Any) -> list[Event]:
        """Matching events as ``Event`` dataclasses (same arguments as ``events``)."""
        return [Event.from_row(r) for r in self.events(**filters)]

    def events_frame(self, limit: int | None = None, **filters: Any) -> Any:
        """Matching flat rows as a pandas DataFrame (columns ``EVENT_ROW_COLUMNS``)."""
        return to_frame(self.events(limit=limit, **filters), EVENT_ROW_COLUMNS)

    # -- quotes, actors, articles ---------------------------------------------------------
    def quotes(
        self,
        speaker: str | None = None,
        text: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page:
        """Quotations with their speakers, newest article first.

        ``speaker`` matches the speaker's code, country, IGO or name (any case); ``text`` the words.
        """
        q_, a = schema.quotes, schema.articles
        conds: list[ColumnElement[bool]] = []
        if speaker:
            s = speaker.upper()
            conds.append(
                or_(
                    q_.c.speaker_code == s,
                    q_.c.speaker_country == s,
                    q_.c.speaker_igo == s,
                    func.lower(q_.c.speaker_name) == speaker.lower(),
                    func.lower(q_.c.speaker_text) == speaker.lower(),
                )
            )
        if text:
            conds.append(q_.c.text.icontains(text, autoescape=True))
        if since:
            conds.append(a.c.date >= since)
        if until:
            conds.append(a.c.date <= until + "~")
        if article_id:
            conds.append(q_.c.article_id == article_id)
        cols = [c for c in q_.c if c.name not in ("id",)] + [a.c.date.label("article_date"), a.c.title]
        base = select(*cols).join(a, a.c.id == q_.c.article_id).where(*conds)
        q = base.order_by(a.c.date.desc().nulls_last(), q_.c.article_id, q_.c.start).offset(offset).limit(limit)
        total_q = select(func.count()).select_from(q_).join(a, a.c.id == q_.c.article_id).where(*conds)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            total = int(conn.execute(total_q).scalar() or 0)
        return Page(rows, total, limit, offset)

    def actors(self, limit: int | None = 50, offset: int = 0, **filters: Any) -> Page:
        """The most active actors (by code) among the matching events, with their counts.

        Each row: ``code, name, country, igo, events, as_source, as_target, first, last``.
        """
        conds = event_conditions(filters)
        sides = []
        for side, is_source in (("source", 1), ("target", 0)):
            code = E.c[f"{side}_code"]  # counted per side first: a scan of the (code, date) index
            n = func.count()
            sides.append(
                select(
                    code.label("code"),
                    n.label("n"),
                    (n * is_source).label("s"),
                    (n * (1 - is_source)).label("t"),
                    func.min(E.c.date).label("first"),
                    func.max(E.c.date).label("last"),
                )
                .where(code.is_not(None), *conds)
                .group_by(code)
            )
        u = union_all(*sides).subquery()
        total = func.sum(u.c.n).label("events")
        q = select(
            u.c.code,
            total,
            func.sum(u.c.s).label("as_source"),
            func.sum(u.c.t).label("as_target"),
            func.min(u.c.first).label("first"),
            func.max(u.c.last).label("last"),
        ).group_by(u.c.code)
        with self.engine.connect() as conn:  # one pass: the codes are few next to the events
            every = [dict(r) for r in conn.execute(q).mappings()]
            every.sort(key=lambda r: (-int(r["events"]), r["code"]))
            rows = every[offset : None if limit is None else offset + limit]
            names = _actor_names(conn, [r["code"] for r in rows])
        count = len(every)
        for r in rows:
            r.update(names.get(r["code"], {}))
            r.update(events=int(r["events"]), as_source=int(r["as_source"]), as_target=int(r["as_target"]))
        return Page([{c: r.get(c) for c in ACTOR_COLUMNS} for r in rows], count, limit, offset)

    def articles(
        self,
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Page:
        """Stored articles (newest first) with their event counts; ``q`` searches the titles."""
        a = schema.articles
        conds: list[ColumnElement[bool]] = []
        if q:
            conds.append(a.c.title.icontains(q, autoescape=True))
        if since:
            conds.append(a.c.date >= since)
        if until:
            conds.append(a.c.date <= until + "~")
        n = select(func.count()).where(E.c.article_id == a.c.id).scalar_subquery().label("events")
        cols = (a.c.id, a.c.title, a.c.date, a.c.url, a.c.source, a.c.origin, a.c.duplicate_of, n)
        sel = select(*cols).where(*conds).order_by(a.c.date.desc().nulls_last(), a.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(sel).mappings()]
            total = int(conn.execute(select(func.count()).select_from(a).where(*conds)).scalar() or 0)
        return Page(rows, total, limit, offset)

    # -- overview -------------------------------------------------------------------------
    def summary(self, top: int = 10) -> dict[str, Any]:
        """Counts for an overview page: totals, date range, events by quad class, root and month, top dyads."""
        a = schema.articles
        month = func.substr(E.c.date, 1, 7)
        dyad_n = func.count().label("events")
        with self.engine.connect() as conn:
            one = conn.execute
            out: dict[str, Any] = {
                t: int(one(select(func.count()).select_from(schema.metadata.tables[t])).scalar() or 0)
                for t in ("articles", "events", "quotes", "places", "rejects", "runs")
            }
            out["duplicates"] = int(one(select(func.count()).where(a.c.duplicate_of.is_not(None))).scalar() or 0)
            codes = union(select(E.c.source_code.label("c")), select(E.c.target_code.label("c"))).subquery()
            out["actors"] = int(
                one(select(func.count()).select_from(codes).where(codes.c.c.is_not(None))).scalar() or 0
            )
            out["first_date"] = one(select(func.min(E.c.date))).scalar()  # one each: an index end
            out["last_date"] = one(select(func.max(E.c.date))).scalar()
            out["by_quad_class"] = _pairs(one(select(E.c.quad_class, func.count()).group_by(E.c.quad_class)))
            out["by_root"] = _pairs(one(select(E.c.root, func.count()).group_by(E.c.root).order_by(E.c.root)))
            out["by_month"] = _pairs(
                one(select(month, func.count()).where(func.length(E.c.date) >= 7).group_by(month).order_by(month))
            )
            dyads = (
                select(E.c.source_key, E.c.target_key, dyad_n)
                .where(E.c.source_key.is_not(None), E.c.target_key.is_not(None))
                .group_by(E.c.source_key, E.c.target_key)
                .order_by(dyad_n.desc(), E.c.source_key, E.c.target_key)
                .limit(top)
            )
            out["top_dyads"] = [dict(r) for r in one(dyads).mappings()]
        return out

    def mentions_of(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The reports (mentions) of these events, by event id: article, kind, similarity, source, url, date."""
        m = schema.mentions
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(event_ids), 500):
                q = select(m).where(m.c.event_id.in_(event_ids[i : i + 500])).order_by(m.c.event_id, m.c.article_id)
                for r in conn.execute(q).mappings():
                    out.setdefault(r["event_id"], []).append(dict(r))
        return out

    def _event_filters(self, filters: dict[str, Any]) -> list[ColumnElement[bool]]:
        """Deprecated alias of ``event_conditions`` (kept for callers written against the first store)."""
        return event_conditions(filters)

    def has_key(self, key: str) -> bool:
        """Whether any event has this country or IGO as its source or target key."""
        q = select(E.c.event_id).where(or_(E.c.source_key == key, E.c.target_key == key)).limit(1)
        with self.engine.connect() as conn:
            return conn.execute(q).first() is not None


def _actor_names(conn: Any, codes: list[str]) -> dict[str, dict[str, Any]]:
    """A name, country and IGO for each actor code, from one of its events (source side first)."""
    out: dict[str, dict[str, Any]] = {}
    for c in codes:
        for side in ("source", "target"):
            code, name = E.c[f"{side}_code"], E.c[f"{side}_name"]
            q = select(name, E.c[f"{side}_country"], E.c[f"{side}_igo"]).where(code == c)
            row = conn.execute(q.limit(1)).first()
            if row is not None:
                out[c] = {"name": row[0], "country": row[1], "igo": row[2]}
                break
    return out


def _pairs(result: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in result}


def dyad_condition(a_key: bool, a: str, b_key: bool, b: str, forward: bool = True) -> ColumnElement[bool]:
    """Events from ``a`` to ``b`` (``forward``) or back, each side a key or a full actor code."""
    src, tgt = (a, b) if forward else (b, a)
    src_key, tgt_key = (a_key, b_key) if forward else (b_key, a_key)
    s = E.c.source_key if src_key else E.c.source_code
    t = E.c.target_key if tgt_key else E.c.target_code
    return and_(s == src, t == tgt)
