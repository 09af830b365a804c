"""What the actor and dyad pages need beyond the store's API (``Store``, ``dragoman.analysis``).

An actor on either side (key or code), its names, partners, CAMEO roots and monthly series,
a dyad's rows in both directions, and article titles for event tables: parameterised
SQLAlchemy Core over the store's public schema and conditions (the ``party`` filter that
would replace ``actor_terms`` is requested in /work/notes/store.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select, union_all

from .. import analysis
from ..models import EVENT_ROW_COLUMNS
from ..store import Store, schema
from ..store.queries import dyad_condition

ev = schema.events

MONTH = func.substr(ev.c.date, 1, 7)
_DATED = func.length(ev.c.date) >= 7
_COOP = case((ev.c.quad_class.in_([1, 2]), 1), else_=0)
_CONF = case((ev.c.quad_class.in_([3, 4]), 1), else_=0)


def side_key(side: str) -> ColumnElement[Any]:
    """The key of one side of an event: its country or organisation, else its actor code."""
    return func.coalesce(ev.c[f"{side}_key"], ev.c[f"{side}_code"])


def _rows(store: Store, query: Any) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _scalar(store: Store, query: Any) -> Any:
    with store.engine.connect() as conn:
        return conn.execute(query).scalar()


def dyad_terms(store: Store, a: str, b: str, directed: bool = False) -> ColumnElement[bool]:
    """Events from a to b (and back unless directed); a side is a key if the store has it, else a code."""
    a, b = a.upper(), b.upper()
    a_key, b_key = store.has_key(a), store.has_key(b)
    forward = dyad_condition(a_key, a, b_key, b, True)
    return forward if directed else or_(forward, dyad_condition(a_key, a, b_key, b, False))


def monthly(store: Store, terms: ColumnElement[bool]) -> list[dict[str, Any]]:
    """Monthly series of the matching events: events, q1-q4, cooperation, conflict, Goldstein."""
    q = (
        select(
            MONTH.label("month"),
            func.count().label("events"),
            *[func.sum(case((ev.c.quad_class == n, 1), else_=0)).label(f"q{n}") for n in (1, 2, 3, 4)],
            func.sum(ev.c.goldstein).label("goldstein_sum"),
        )
        .where(_DATED, terms)
        .group_by(MONTH)
        .order_by(MONTH)
    )
    rows = _rows(store, q)
    for r in rows:
        for n in (1, 2, 3, 4):
            r[f"q{n}"] = int(r[f"q{n}"] or 0)
        r["cooperation"] = r["q1"] + r["q2"]
        r["conflict"] = r["q3"] + r["q4"]
        r["goldstein_sum"] = round(float(r["goldstein_sum"] or 0.0), 2)
        r["goldstein_mean"] = round(r["goldstein_sum"] / r["events"], 2) if r["events"] else None
    return rows


def matching_events(
    store: Store, terms: ColumnElement[bool], limit: int = 100, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Flat rows of the events matching the terms, newest first, and their total."""
    cols = [ev.c[c] for c in EVENT_ROW_COLUMNS]
    order = (ev.c.date.desc().nulls_last(), ev.c.article_id, ev.c.trigger_start, ev.c.event_id)
    q = select(*cols).where(terms).order_by(*order)
    total = int(_scalar(store, select(func.count()).select_from(ev).where(terms)) or 0)
    return _rows(store, q.limit(limit).offset(offset)), total


def actor_terms(key: str) -> ColumnElement[bool]:
    """Events in which the key (country, organisation or actor code) is the source or the target."""
    k = key.upper()
    return or_(ev.c.source_key == k, ev.c.target_key == k, ev.c.source_code == k, ev.c.target_code == k)


def partners(store: Store, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Whom this actor (key or code) deals with, on either side: events, cooperation, conflict, tone."""
    k = key.upper()
    is_source = or_(ev.c.source_key == k, ev.c.source_code == k)
    other = case((is_source, side_key("target")), else_=side_key("source")).label("partner")
    q = (
        select(
            other,
            func.count().label("events"),
            func.sum(_COOP).label("cooperation"),
            func.sum(_CONF).label("conflict"),
            func.avg(ev.c.goldstein).label("goldstein_mean"),
        )
        .where(actor_terms(k), other.is_not(None), other != k)
        .group_by(other)
        .order_by(func.count().desc(), other)
        .limit(limit)
    )
    rows = _rows(store, q)
    for r in rows:
        r.update(source=k, target=r.pop("partner"))
        r.update(cooperation=int(r["cooperation"] or 0), conflict=int(r["conflict"] or 0))
        r["goldstein_mean"] = round(float(r["goldstein_mean"] or 0.0), 2)
    return rows


def actor_profile(store: Store, key: str) -> dict[str, Any]:
    """One actor: names seen, events as source and target, partners, CAMEO roots, monthly series."""
    k = key.upper()
    terms = actor_terms(k)
    count = select(func.count()).select_from(ev)
    with store.engine.connect() as conn:
        as_source = conn.execute(count.where(or_(ev.c.source_key == k, ev.c.source_code == k))).scalar() or 0
        as_target = conn.execute(count.where(or_(ev.c.target_key == k, ev.c.target_code == k))).scalar() or 0
        both = conn.execute(count.where(terms)).scalar() or 0
        names = [r[0] for r in conn.execute(_names(k)).all()]
        roots = [dict(r) for r in conn.execute(_roots(terms)).mappings()]
    return {
        "key": k,
        "names": names,
        "as_source": int(as_source),
        "as_target": int(as_target),
        "events": int(both),
        "partners": partners(store, k),
        "roots": roots,
        "series": monthly(store, terms),
    }


def with_titles(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows with their article's title added (``article_title``), for tables."""
    a = schema.articles
    ids = sorted({r["article_id"] for r in rows})
    if not ids:
        return rows
    with store.engine.connect() as conn:
        found = dict(conn.execute(select(a.c.id, a.c.title).where(a.c.id.in_(ids))).all())
    for r in rows:
        r["article_title"] = found.get(r["article_id"])
    return rows


def _names(k: str) -> Any:
    def side(s: str) -> Any:
        name = ev.c[f"{s}_name"]
        return select(name.label("name")).where(or_(ev.c[f"{s}_key"] == k, ev.c[f"{s}_code"] == k), name.is_not(None))

    both = union_all(side("source"), side("target")).subquery()
    return select(both.c.name).group_by(both.c.name).order_by(func.count().desc(), both.c.name).limit(12)


def _roots(terms: ColumnElement[bool]) -> Any:
    return (
        select(ev.c.root, func.max(ev.c.name).label("example"), func.count().label("events"))
        .where(terms)
        .group_by(ev.c.root)
        .order_by(ev.c.root)
    )


def top_dyads(store: Store, limit: int = 10, **filters: Any) -> list[dict[str, Any]]:
    """The busiest dyads, both directions added up (``analysis.top_dyads``)."""
    return analysis.top_dyads(store, limit=limit, directed=False, **filters)


def actor_quotes(store: Store, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Quotes whose speaker is this actor (by code, country, organisation or name)."""
    return store.quotes(speaker=key, limit=limit).rows


def articles(store: Store, limit: int = 50, offset: int = 0, q: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Stored articles, newest first, with their event counts (``q`` searches the titles), and the total."""
    page = store.articles(q=q, limit=limit, offset=offset)
    return page.rows, page.total
