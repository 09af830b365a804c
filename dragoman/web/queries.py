"""Read-only queries the web app needs beyond ``Store.events`` (parameterised SQLAlchemy Core).

Temporary home: these move to ``dragoman.analysis`` / ``Store`` when the store helper's API lands
(see /work/notes/store.md). Every value reaches the database as a bound parameter.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select, union_all

from ..store import Store, schema

ev = schema.events

#: the month of an event: its own date, else the article's
_DAY = func.coalesce(ev.c.date, ev.c.article_date)
MONTH = func.substr(_DAY, 1, 7)
_COOP = case((ev.c.quad_class.in_([1, 2]), 1), else_=0)
_CONF = case((ev.c.quad_class.in_([3, 4]), 1), else_=0)


def side_key(side: str) -> ColumnElement[Any]:
    """The key of one side of an event: its country, else its organisation, else its code."""
    return func.coalesce(ev.c[f"{side}_country"], ev.c[f"{side}_igo"], ev.c[f"{side}_code"])


def side_match(side: str, key: str) -> ColumnElement[bool]:
    """One side of an event is this key (country, organisation or actor code; any case)."""
    k = key.upper()
    return or_(ev.c[f"{side}_country"] == k, ev.c[f"{side}_igo"] == k, ev.c[f"{side}_code"] == k)


def where(store: Store, filters: dict[str, Any]) -> list[ColumnElement[bool]]:
    """The WHERE terms of ``Store.events`` for these filters (the same semantics, one place)."""
    return list(store._event_filters(filters))


def _rows(store: Store, query: Any) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _scalar(store: Store, query: Any) -> Any:
    with store.engine.connect() as conn:
        return conn.execute(query).scalar()


def count_events(store: Store, filters: dict[str, Any]) -> int:
    """How many events match the filters (the total behind a page)."""
    return int(_scalar(store, select(func.count()).select_from(ev).where(*where(store, filters))) or 0)


def summary(store: Store) -> dict[str, Any]:
    """Counts for the overview: articles, events, quotes, places, rejects, actors, date range."""
    a = schema.articles
    actors = union_all(
        select(ev.c.source_code.label("code")).where(ev.c.source_code.is_not(None)),
        select(ev.c.target_code.label("code")).where(ev.c.target_code.is_not(None)),
    ).subquery()
    out = {
        "articles": _scalar(store, select(func.count()).select_from(a).where(a.c.duplicate_of.is_(None))),
        "duplicates": _scalar(store, select(func.count()).select_from(a).where(a.c.duplicate_of.is_not(None))),
        "events": store.count("events"),
        "quotes": store.count("quotes"),
        "places": store.count("places"),
        "rejects": store.count("rejects"),
        "actors": _scalar(store, select(func.count(func.distinct(actors.c.code)))),
    }
    with store.engine.connect() as conn:
        first, last = conn.execute(select(func.min(_DAY), func.max(_DAY)).select_from(ev)).one()
    out.update(first_date=first, last_date=last)
    return {k: (int(v) if isinstance(v, int) else v) for k, v in out.items()}


def top_actors(store: Store, limit: int = 10, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The actors in the most events (as source or target), with their name and country."""
    terms = where(store, filters or {})

    def side(name: str) -> Any:
        return select(
            ev.c[f"{name}_code"].label("key"),
            ev.c[f"{name}_name"].label("name"),
            ev.c[f"{name}_country"].label("country"),
            ev.c[f"{name}_igo"].label("igo"),
            literal(1 if name == "source" else 0).label("as_source"),
        ).where(ev.c[f"{name}_code"].is_not(None), *terms)

    both = union_all(side("source"), side("target")).subquery()
    q = (
        select(
            both.c.key,
            func.max(both.c.name).label("name"),
            func.max(both.c.country).label("country"),
            func.max(both.c.igo).label("igo"),
            func.count().label("events"),
            func.sum(both.c.as_source).label("as_source"),
        )
        .group_by(both.c.key)
        .order_by(func.count().desc(), both.c.key)
        .limit(limit)
    )
    rows = _rows(store, q)
    for r in rows:
        r["as_source"] = int(r["as_source"] or 0)
        r["as_target"] = r["events"] - r["as_source"]
    return rows


def _dyad_groups(store: Store, filters: dict[str, Any]) -> list[dict[str, Any]]:
    src, tgt = side_key("source"), side_key("target")
    q = (
        select(
            src.label("source"),
            tgt.label("target"),
            func.count().label("events"),
            func.avg(ev.c.goldstein).label("goldstein_mean"),
            func.sum(_COOP).label("cooperation"),
            func.sum(_CONF).label("conflict"),
        )
        .where(src.is_not(None), tgt.is_not(None), src != tgt, *where(store, filters))
        .group_by(src, tgt)
    )
    return _rows(store, q)


def top_dyads(store: Store, limit: int = 10, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The pairs of actors (undirected, by country/organisation/code) with the most events."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for r in _dyad_groups(store, filters or {}):
        a, b = sorted((r["source"], r["target"]))
        p = pairs.setdefault((a, b), {"a": a, "b": b, "events": 0, "cooperation": 0, "conflict": 0, "_g": 0.0})
        p["events"] += r["events"]
        p["cooperation"] += int(r["cooperation"] or 0)
        p["conflict"] += int(r["conflict"] or 0)
        p["_g"] += float(r["goldstein_mean"] or 0.0) * r["events"]
    out = sorted(pairs.values(), key=lambda p: (-p["events"], p["a"], p["b"]))[:limit]
    for p in out:
        p["goldstein_mean"] = round(p.pop("_g") / p["events"], 2)
    return out


def timeline(store: Store, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Events per month and quad class (events with at least a month in their date)."""
    q = (
        select(
            MONTH.label("period"),
            ev.c.quad_class,
            func.count().label("events"),
            func.sum(ev.c.goldstein).label("goldstein_sum"),
        )
        .where(func.length(_DAY) >= 7, *where(store, filters or {}))
        .group_by(MONTH, ev.c.quad_class)
        .order_by(MONTH, ev.c.quad_class)
    )
    return _rows(store, q)


def dyad_terms(a: str, b: str, directed: bool = False) -> ColumnElement[bool]:
    """Events from a to b (and from b to a unless directed)."""
    forward = and_(side_match("source", a), side_match("target", b))
    return forward if directed else or_(forward, and_(side_match("source", b), side_match("target", a)))


def monthly(store: Store, terms: ColumnElement[bool]) -> list[dict[str, Any]]:
    """Monthly series of the matching events: events, q1-q4, cooperation, conflict, Goldstein."""
    q = (
        select(
            MONTH.label("period"),
            func.count().label("events"),
            *[func.sum(case((ev.c.quad_class == n, 1), else_=0)).label(f"q{n}") for n in (1, 2, 3, 4)],
            func.sum(ev.c.goldstein).label("goldstein_sum"),
        )
        .where(func.length(_DAY) >= 7, terms)
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


def dyad_series(store: Store, a: str, b: str, directed: bool = False) -> list[dict[str, Any]]:
    """Monthly series of a dyad (both directions unless directed)."""
    return monthly(store, dyad_terms(a, b, directed))


def matching_events(
    store: Store, terms: ColumnElement[bool], limit: int = 100, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Flat rows of the events matching the terms, newest first, and their total."""
    cols = [ev.c[c] for c in schema.EVENT_ROW_COLUMNS]
    q = select(*cols).where(terms).order_by(ev.c.date.desc(), ev.c.article_id, ev.c.trigger_start)
    total = int(_scalar(store, select(func.count()).select_from(ev).where(terms)) or 0)
    return _rows(store, q.limit(limit).offset(offset)), total


def network(store: Store, max_nodes: int = 60, filters: dict[str, Any] | None = None) -> dict[str, Any]:
    """The actor network: nodes (country/organisation/code) and directed edges with their tone."""
    groups = _dyad_groups(store, filters or {})
    weight: dict[str, int] = {}
    for g in groups:
        for k in (g["source"], g["target"]):
            weight[k] = weight.get(k, 0) + g["events"]
    keep = set(sorted(weight, key=lambda k: (-weight[k], k))[:max_nodes])
    nodes = [{"id": k, "events": weight[k]} for k in sorted(keep, key=lambda k: (-weight[k], k))]
    edges = [
        {
            "source": g["source"],
            "target": g["target"],
            "events": g["events"],
            "goldstein_mean": round(float(g["goldstein_mean"] or 0.0), 2),
            "cooperation": int(g["cooperation"] or 0),
            "conflict": int(g["conflict"] or 0),
        }
        for g in groups
        if g["source"] in keep and g["target"] in keep
    ]
    return {"nodes": nodes, "edges": edges}


def actor_terms(key: str) -> ColumnElement[bool]:
    """Events in which the key (country, organisation or code) is the source or the target."""
    return or_(side_match("source", key), side_match("target", key))


def actor_profile(store: Store, key: str) -> dict[str, Any]:
    """One actor: names seen, events as source and target, partners, CAMEO roots, monthly tone."""
    terms = actor_terms(key)
    with store.engine.connect() as conn:
        as_source = conn.execute(select(func.count()).select_from(ev).where(side_match("source", key))).scalar() or 0
        as_target = conn.execute(select(func.count()).select_from(ev).where(side_match("target", key))).scalar() or 0
        names = [r[0] for r in conn.execute(_names(key)).all()]
        roots = [dict(r) for r in conn.execute(_roots(terms)).mappings()]
    partners = [p for p in top_dyads(store, limit=1000) if key.upper() in (p["a"], p["b"])][:20]
    return {
        "key": key.upper(),
        "names": names,
        "as_source": int(as_source),
        "as_target": int(as_target),
        "events": int(as_source) + int(as_target),
        "partners": partners,
        "roots": roots,
        "series": monthly(store, terms),
    }


def _names(key: str) -> Any:
    src = select(ev.c.source_name.label("name")).where(side_match("source", key), ev.c.source_name.is_not(None))
    tgt = select(ev.c.target_name.label("name")).where(side_match("target", key), ev.c.target_name.is_not(None))
    both = union_all(src, tgt).subquery()
    return select(both.c.name).group_by(both.c.name).order_by(func.count().desc(), both.c.name).limit(12)


def _roots(terms: ColumnElement[bool]) -> Any:
    return (
        select(ev.c.root, func.max(ev.c.name).label("example"), func.count().label("events"))
        .where(terms)
        .group_by(ev.c.root)
        .order_by(ev.c.root)
    )


def actor_quotes(store: Store, key: str, limit: int = 20) -> list[dict[str, Any]]:
    """Quotes whose speaker is this actor (by code or country)."""
    qt = schema.quotes
    k = key.upper()
    q = (
        select(qt.c.article_id, qt.c.text, qt.c.kind, qt.c.speaker_text, qt.c.speaker_code)
        .where(or_(qt.c.speaker_code == k, qt.c.speaker_country == k, qt.c.speaker_igo == k))
        .order_by(qt.c.article_id, qt.c.start)
        .limit(limit)
    )
    return _rows(store, q)


def articles(store: Store, limit: int = 50, offset: int = 0, q: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Canonical articles, newest first, with their event counts, and the total."""
    a = schema.articles
    n_events = select(func.count()).where(ev.c.article_id == a.c.id).scalar_subquery()
    terms: list[ColumnElement[bool]] = [a.c.duplicate_of.is_(None)]
    if q:
        terms.append(or_(a.c.title.contains(q, autoescape=True), a.c.text.contains(q, autoescape=True)))
    query = (
        select(a.c.id, a.c.title, a.c.date, a.c.source, a.c.url, n_events.label("events"))
        .where(*terms)
        .order_by(a.c.date.desc(), a.c.id)
        .limit(limit)
        .offset(offset)
    )
    total = int(_scalar(store, select(func.count()).select_from(a).where(*terms)) or 0)
    return _rows(store, query), total
